package dev.l2r.evaluate;

import dev.l2r.model.Severity;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The result of checking one period: violations in report order, per-team and per-person accountability,
 * the targets, the follow-up items still open, the data-quality findings (kept apart from violations) and
 * how many leads the period saw.
 *
 * @param leadsSeen leads that existed at the as-of time
 * @param leadsAfterAsOf leads created after the as-of time, not yet in existence for this check
 * @param findings data-quality findings on leads some clause covers, in report order
 * @param findingsOutOfScope findings on leads no clause covers: counted, not listed
 * @param isFinal the as-of time is at or after the period's end
 * @param elapsed the share of the period's business days elapsed at as-of (1 when final)
 */
public record Evaluation(
        String period,
        String asOf,
        List<Violation> violations,
        List<TeamAccountability> teams,
        List<TargetResult> targets,
        List<OpenItem> openItems,
        long leadsSeen,
        long leadsAfterAsOf,
        List<Finding> findings,
        long findingsOutOfScope,
        List<PersonAccountability> people,
        boolean isFinal,
        double elapsed) {

    public long met() {
        return teams.stream().mapToLong(TeamAccountability::met).sum();
    }

    public long violated() {
        return teams.stream().mapToLong(TeamAccountability::violated).sum();
    }

    public long open() {
        return teams.stream().mapToLong(TeamAccountability::open).sum();
    }

    public long atRisk() {
        return teams.stream().mapToLong(TeamAccountability::atRisk).sum();
    }

    /** Compliance over every team and clause, or null when nothing was decided. */
    public Double compliance() {
        return ClauseOutcome.compliance(met(), violated());
    }

    /** Compliance over every team's clauses of each severity (every severity a key; null: nothing decided). */
    public Map<Severity, Double> complianceBySeverity() {
        return TeamAccountability.bySeverity(
                teams.stream().flatMap(t -> t.clauses().stream()).toList());
    }

    /** Violations of each severity (every severity a key), counted in one pass over them. */
    public Map<Severity, Long> violationsBySeverity() {
        Map<Severity, Long> out = new EnumMap<>(Severity.class);
        if (violations instanceof ViolationRuns.Counted c) { // on disk: counted as they were written
            for (Severity s : Severity.values()) out.put(s, c.count(s));
            return out;
        }
        long[] n = new long[Severity.values().length];
        for (Violation v : violations) n[v.severity().ordinal()]++;
        for (Severity s : Severity.values()) out.put(s, n[s.ordinal()]);
        return out;
    }

    /** The agreement's verdict: the worst of its teams' (docs/AGREEMENTS.md "Verdicts"). */
    public Verdict verdict() {
        Verdict v = Verdict.KEPT;
        for (TeamAccountability t : teams) v = v.worse(t.verdict());
        return v;
    }
}
