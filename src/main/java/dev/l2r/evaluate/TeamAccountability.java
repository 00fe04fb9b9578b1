package dev.l2r.evaluate;

import java.util.List;
import java.util.Map;

/**
 * A team's record for the period: each clause it is accountable for, and the data-quality findings it
 * owns (revenue ops), by rule.
 */
public record TeamAccountability(
        String team, String owner, List<ClauseOutcome> clauses, Map<String, Long> dataQuality) {

    public long met() {
        return clauses.stream().mapToLong(ClauseOutcome::met).sum();
    }

    public long violated() {
        return clauses.stream().mapToLong(ClauseOutcome::violated).sum();
    }

    public long open() {
        return clauses.stream().mapToLong(ClauseOutcome::open).sum();
    }

    public long atRisk() {
        return clauses.stream().mapToLong(ClauseOutcome::atRisk).sum();
    }

    public long assessed() {
        return clauses.stream().mapToLong(ClauseOutcome::assessed).sum();
    }

    /** met / (met + violated) over all clauses, or null when nothing was decided. */
    public Double compliance() {
        return ClauseOutcome.compliance(met(), violated());
    }
}
