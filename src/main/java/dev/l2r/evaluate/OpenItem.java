package dev.l2r.evaluate;

/**
 * A follow-up item whose clock still runs at the as-of time: who must act on which lead, and by when.
 * {@code atRisk} once the elapsed share of the window reached warn_at.
 */
public record OpenItem(
        String clauseId,
        String team,
        String owner,
        String leadId,
        String started,
        String deadline,
        String remaining,
        boolean atRisk,
        long deadlineMillis) {}
