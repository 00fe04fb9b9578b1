package dev.l2r.evaluate;

import dev.l2r.model.Severity;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A team's record for the period: each clause it is accountable for, the data-quality findings it owns
 * (revenue ops), by check, and its verdict (docs/AGREEMENTS.md "Verdicts").
 */
public record TeamAccountability(
        String team, String owner, List<ClauseOutcome> clauses, Map<String, Long> dataQuality, Verdict verdict) {

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

    /** Compliance of the clauses of each severity (every severity a key; null when nothing was decided). */
    public Map<Severity, Double> complianceBySeverity() {
        return bySeverity(clauses);
    }

    /** Compliance per severity over any clause outcomes, every severity a key. */
    static Map<Severity, Double> bySeverity(List<ClauseOutcome> outcomes) {
        Map<Severity, Double> out = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            long met = 0;
            long violated = 0;
            for (ClauseOutcome c : outcomes) {
                if (c.severity() == s) {
                    met += c.met();
                    violated += c.violated();
                }
            }
            out.put(s, ClauseOutcome.compliance(met, violated));
        }
        return out;
    }
}
