package dev.l2r.facts;

/** The period being checked, [start, end) in epoch millis, and the as-of instant. One per session. */
public final class PeriodWindow {

    private final String label;
    private final long start;
    private final long end;
    private final long asOf;

    public PeriodWindow(String label, long start, long end, long asOf) {
        this.label = label;
        this.start = start;
        this.end = end;
        this.asOf = asOf;
    }

    public String getLabel() { return label; }
    public long getStart() { return start; }
    public long getEnd() { return end; }
    public long getAsOf() { return asOf; }

    /** True when an event at {@code t} belongs to the period. */
    public boolean contains(Long t) { return t != null && t >= start && t < end; }
}
