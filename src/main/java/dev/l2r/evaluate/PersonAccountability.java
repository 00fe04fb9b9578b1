package dev.l2r.evaluate;

import java.util.List;

/**
 * The items one person is accountable for in the period (the {@code accountable} of violations.csv), by
 * clause; {@code team} is the team they answer for most items of.
 *
 * @param critical violated items of critical clauses
 */
public record PersonAccountability(
        String person,
        String team,
        long met,
        long violated,
        long open,
        long atRisk,
        long critical,
        List<ClauseOutcome> clauses) {

    public PersonAccountability {
        clauses = List.copyOf(clauses);
    }

    /** met / (met + violated), or null when nothing was decided. */
    public Double compliance() {
        return ClauseOutcome.compliance(met, violated);
    }
}
