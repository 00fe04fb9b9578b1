package dev.l2r.evaluate;

import java.util.List;

/**
 * The result of checking one period: violations in report order, per-team accountability, the
 * follow-up items still open, and how many leads the period saw.
 *
 * @param leadsSeen leads that existed at the as-of time
 * @param leadsAfterAsOf leads created after the as-of time, not yet in existence for this check
 */
public record Evaluation(
        String period,
        String asOf,
        List<Violation> violations,
        List<TeamAccountability> teams,
        List<TargetResult> targets,
        List<OpenItem> openItems,
        long leadsSeen,
        long leadsAfterAsOf) {

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
}
