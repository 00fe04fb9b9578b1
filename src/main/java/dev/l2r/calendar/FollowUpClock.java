package dev.l2r.calendar;

import dev.l2r.model.Window;
import java.time.Instant;
import java.util.Objects;

/**
 * The clock of one follow-up window in one zone (docs/AGREEMENTS.md, "followup"): deadlines, elapsed
 * time and the instant an open item becomes at risk. All instants are epoch milliseconds.
 */
public final class FollowUpClock {

    private final Window window;
    private final ZonedCalendar calendar;

    public FollowUpClock(Window window, ZonedCalendar calendar) {
        Objects.requireNonNull(calendar, "calendar");
        this.window = window;
        this.calendar = calendar;
    }

    public ZonedCalendar calendar() {
        return calendar;
    }

    /**
     * The last instant at which the elapsed time since {@code from} is still within the window. A
     * business clock that starts outside hours starts at the next opening; a business window that is
     * used up exactly at a closing time runs on until the next opening.
     */
    public long deadline(long from) {
        if (!window.business()) {
            return switch (window.unit()) {
                case MINUTES, HOURS -> from + window.minutes() * 60_000L;
                case DAYS ->
                    Instant.ofEpochMilli(from)
                            .atZone(calendar.zone())
                            .plusDays(window.amount())
                            .toInstant()
                            .toEpochMilli();
            };
        }
        long start = calendar.nextOpening(from);
        long end = window.unit() == Window.Unit.DAYS
                ? calendar.sameTimeAfterBusinessDays(start, Math.toIntExact(window.amount()))
                : calendar.addBusiness(start, window.minutes() * 60_000L);
        return calendar.isOpen(end) ? end : calendar.nextOpening(end);
    }

    /** Elapsed time between two instants as this clock counts it (business or calendar millis). */
    public long elapsed(long a, long b) {
        if (b <= a) return 0;
        return window.business() ? calendar.businessMillis(a, b) : b - a;
    }

    /** The instant at which the elapsed share of the window (from to deadline) reaches {@code share}. */
    public long reaches(long from, long deadline, double share) {
        long total = elapsed(from, deadline);
        long part = Math.round(total * share);
        if (part <= 0) return from;
        if (!window.business()) return from + part;
        return calendar.addBusiness(calendar.nextOpening(from), part);
    }
}
