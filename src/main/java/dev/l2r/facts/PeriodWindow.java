package dev.l2r.facts;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The period being checked, [start, end) in epoch millis, the as-of instant and the SLA zone. One per
 * session. {@link #local} formats a time in the SLA zone, for the messages of hand-written rules.
 */
public final class PeriodWindow {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm zzz", Locale.ROOT);

    private final String label;
    private final long start;
    private final long end;
    private final long asOf;
    private final ZoneId zone;

    public PeriodWindow(String label, long start, long end, long asOf, ZoneId zone) {
        this.label = label;
        this.start = start;
        this.end = end;
        this.asOf = asOf;
        this.zone = zone;
    }

    public String getLabel() {
        return label;
    }

    public long getStart() {
        return start;
    }

    public long getEnd() {
        return end;
    }

    public long getAsOf() {
        return asOf;
    }

    /** The SLA zone id, e.g. America/New_York. */
    public String getZone() {
        return zone.getId();
    }

    /** A time as people read it in the SLA zone, e.g. "Fri 2026-10-09 15:00 EDT"; "-" for null. */
    public String local(Long t) {
        return t == null ? "-" : WHEN.format(Instant.ofEpochMilli(t).atZone(zone));
    }

    /** True when an event at {@code t} belongs to the period. */
    public boolean contains(Long t) {
        return t != null && t >= start && t < end;
    }
}
