package dev.l2r.evaluate;

import java.util.List;

/**
 * The result of checking one period: violations in report order, per-team accountability, the
 * follow-up items still open, and how many leads the period saw.
 *
 * @param leadsSeen leads that existed at the as-of time
 * @param leadsAfterAsOf leads created after the as-of time, not yet in existence for this check
 */
public record Evaluation(String period, String asOf, List<Violation> violations, List<TeamAccountability> teams,
                         List<TargetResult> targets,
                         List<OpenItem> openItems, long leadsSeen, long leadsAfterAsOf) {}
