package dev.l2r.facts;

/**
 * One running clock of a follow-up clause: a lead whose {@code from} stage fell in the period. Times are
 * epoch millis computed by the business calendar; rules compare them.
 *
 * @see dev.l2r.calendar.FollowUpClock
 */
public final class FollowUpItem {

    private final String clause;
    private final Lead lead;
    private final String team;
    private final long from;
    private final long deadline;
    private final Long stop;
    private final long riskAt;
    private final long asOf;

    public FollowUpItem(
            String clause, Lead lead, String team, long from, long deadline, Long stop, long riskAt, long asOf) {
        this.clause = clause;
        this.lead = lead;
        this.team = team;
        this.from = from;
        this.deadline = deadline;
        this.stop = stop;
        this.riskAt = riskAt;
        this.asOf = asOf;
    }

    public String getClause() {
        return clause;
    }

    public Lead getLead() {
        return lead;
    }
    /** Accountable team, whose calendar zone the clock runs in. */
    public String getTeam() {
        return team;
    }
    /** When the clock started (the {@code from} event). */
    public long getFrom() {
        return from;
    }
    /** Last instant at which a stop still meets the clause. */
    public long getDeadline() {
        return deadline;
    }
    /** The first of the {@code to} events, or null when none happened by as-of. */
    public Long getStop() {
        return stop;
    }
    /** When the elapsed share of the window reaches warn_at ({@code Long.MAX_VALUE} without warn_at). */
    public long getRiskAt() {
        return riskAt;
    }

    public long getAsOf() {
        return asOf;
    }
}
