package dev.l2r.calendar;

import dev.l2r.model.BusinessCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A business calendar observed in one zone. All instants are epoch milliseconds. Business intervals
 * are half-open [open, close); a local opening time that falls into a daylight-saving gap moves
 * forward as {@link ZonedDateTime#of} does.
 *
 * <p>An instance keeps caches of days and of the zone's offsets without synchronisation: it belongs to one
 * thread at a time (each checking thread has its own, see evaluate/Clocks).
 */
public final class ZonedCalendar {

    /**
     * Ten years: validation keeps a business window within this many days of regular hours
     * ({@link BusinessCalendar#weeklyMinutes}); searches look twice as far, plus what holidays close.
     */
    public static final int SEARCH_DAYS = 3660;

    private final BusinessCalendar calendar;
    /**
     * Days a search may walk. Each holiday closes at most one week (a calendar open one day a week), so
     * holidays that cover more than ten years in a row only move openings further out and never lose them.
     */
    private final int searchDays;

    private final ZoneId zone;
    private final ConcurrentHashMap<Long, long[]> days = new ConcurrentHashMap<>();
    /** Fast path for the days around the first one asked for: most clocks of a run fall in a few months. */
    private static final int WINDOW = 4096;

    private final long[][] recent = new long[WINDOW][];
    private long base = Long.MIN_VALUE;

    public ZonedCalendar(BusinessCalendar calendar, ZoneId zone) {
        this.calendar = calendar;
        this.zone = zone;
        this.searchDays = 2 * SEARCH_DAYS + 7 * calendar.holidays().size();
    }

    public ZoneId zone() {
        return zone;
    }

    /**
     * Business intervals of a local date as [open0, close0, open1, close1, ...] in epoch millis. A boundary
     * whose local time does not exist (a spring-forward gap) is the instant the clocks jump, so hours that
     * fall entirely in the gap do not happen that day; in an autumn overlap the earlier offset counts.
     */
    public long[] intervals(LocalDate date) {
        return intervals(date.toEpochDay());
    }

    /** As {@link #intervals(LocalDate)}, for the local date with this epoch day. */
    private long[] intervals(long day) {
        if (base == Long.MIN_VALUE) base = day - WINDOW / 2;
        long slot = day - base;
        if (slot >= 0 && slot < WINDOW) {
            long[] iv = recent[(int) slot];
            if (iv == null) {
                iv = compute(LocalDate.ofEpochDay(day));
                recent[(int) slot] = iv;
            }
            return iv;
        }
        return days.computeIfAbsent(day, k -> compute(LocalDate.ofEpochDay(k)));
    }

    private long[] compute(LocalDate date) {
        List<BusinessCalendar.Span> spans = calendar.spans(date);
        long[] iv = new long[spans.size() * 2];
        int n = 0;
        for (BusinessCalendar.Span span : spans) {
            long open = boundary(date, span.open());
            long close = boundary(date, span.close());
            if (close > open) {
                iv[n++] = open;
                iv[n++] = close;
            }
        }
        return n == iv.length ? iv : Arrays.copyOf(iv, n);
    }

    private long boundary(LocalDate date, int minutes) {
        if (minutes == 1440)
            return date.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
        LocalDateTime local = LocalDateTime.of(date, time(minutes));
        ZoneOffsetTransition t = zone.getRules().getTransition(local);
        if (t != null && t.isGap()) return t.getInstant().toEpochMilli();
        return ZonedDateTime.of(local, zone).toInstant().toEpochMilli();
    }

    public LocalDate dateOf(long t) {
        return LocalDate.ofEpochDay(day(t));
    }

    /**
     * The zone's offset between two of its transitions: every instant of [from, to) has the same offset, so its
     * local date is arithmetic.
     */
    private record OffsetSpan(long from, long to, long offsetMillis) {}

    /**
     * The span of the last instant asked about, and the one before it: the clocks of a month fall within one or
     * two spans, and a month with a daylight-saving change asks about both in turn.
     */
    private OffsetSpan span = new OffsetSpan(0, 0, 0);

    private OffsetSpan previous = span;

    /** The epoch day of the local date of instant t in this zone (what {@link #dateOf} gives, without objects). */
    private long day(long t) {
        OffsetSpan s = span;
        if (t < s.from() || t >= s.to()) {
            OffsetSpan p = previous;
            previous = s;
            s = t >= p.from() && t < p.to() ? p : spanAt(t);
            span = s;
        }
        long local;
        try {
            local = Math.addExact(t, s.offsetMillis());
        } catch (ArithmeticException e) { // within a day of the ends of time: the JDK's own arithmetic
            return Instant.ofEpochMilli(t).atZone(zone).toLocalDate().toEpochDay();
        }
        return Math.floorDiv(local, 86_400_000L);
    }

    private OffsetSpan spanAt(long t) {
        ZoneRules rules = zone.getRules();
        Instant at = Instant.ofEpochMilli(t);
        long offset = rules.getOffset(at).getTotalSeconds() * 1000L;
        if (rules.isFixedOffset()) return new OffsetSpan(Long.MIN_VALUE, Long.MAX_VALUE, offset);
        ZoneOffsetTransition prev = rules.previousTransition(at.plusNanos(1)); // at or before t
        ZoneOffsetTransition next = rules.nextTransition(at); // after t
        return new OffsetSpan(
                prev == null ? Long.MIN_VALUE : millis(prev), next == null ? Long.MAX_VALUE : millis(next), offset);
    }

    /** A transition's instant in epoch millis, held within the range of a long. */
    private static long millis(ZoneOffsetTransition t) {
        long s = t.toEpochSecond();
        if (s > Long.MAX_VALUE / 1000) return Long.MAX_VALUE;
        if (s < Long.MIN_VALUE / 1000) return Long.MIN_VALUE;
        return s * 1000;
    }

    public boolean isOpen(long t) {
        long[] iv = intervals(day(t));
        for (int i = 0; i < iv.length; i += 2) {
            if (iv[i] <= t && t < iv[i + 1]) return true;
        }
        return false;
    }

    /** The first instant at or after t that is within business hours. */
    public long nextOpening(long t) {
        long d = day(t);
        for (int n = 0; n < searchDays; n++, d++) {
            long[] iv = intervals(d);
            for (int i = 0; i < iv.length; i += 2) {
                if (t < iv[i + 1]) return Math.max(t, iv[i]);
            }
        }
        throw new IllegalStateException(
                "no business hours within " + searchDays + " days of " + Instant.ofEpochMilli(t));
    }

    /** Business time in [a, b), in millis; 0 when b <= a. */
    public long businessMillis(long a, long b) {
        if (b <= a) return 0;
        long sum = 0;
        for (long d = day(a), last = day(b); d <= last; d++) {
            long[] iv = intervals(d);
            for (int i = 0; i < iv.length; i += 2) {
                long lo = Math.max(a, iv[i]);
                long hi = Math.min(b, iv[i + 1]);
                if (hi > lo) sum += hi - lo;
            }
        }
        return sum;
    }

    /**
     * The business intervals that {@link #businessMillis} counts in [a, b), each as {open, close} clipped to
     * [a, b), in order; their lengths add up to {@code businessMillis(a, b)}. For explanations.
     */
    public List<long[]> businessIntervals(long a, long b) {
        List<long[]> out = new ArrayList<>();
        if (b <= a) return out;
        for (long d = day(a), last = day(b); d <= last; d++) {
            long[] iv = intervals(d);
            for (int i = 0; i < iv.length; i += 2) {
                long lo = Math.max(a, iv[i]);
                long hi = Math.min(b, iv[i + 1]);
                if (hi > lo) out.add(new long[] {lo, hi});
            }
        }
        return out;
    }

    /**
     * The earliest instant t at or after start with exactly {@code millis} of business time in
     * [start, t). When the amount is used up exactly at a closing time, that closing time is returned.
     */
    public long addBusiness(long start, long millis) {
        if (millis <= 0) return start;
        long remaining = millis;
        long d = day(start);
        for (int n = 0; n < searchDays; n++, d++) {
            long[] iv = intervals(d);
            for (int i = 0; i < iv.length; i += 2) {
                if (iv[i + 1] <= start) continue;
                long from = Math.max(start, iv[i]);
                long avail = iv[i + 1] - from;
                if (remaining <= avail) return from + remaining;
                remaining -= avail;
            }
        }
        throw new IllegalStateException(
                "no business hours within " + searchDays + " days of " + Instant.ofEpochMilli(start));
    }

    /** The next local date after {@code d} that has business hours. */
    public LocalDate nextBusinessDay(LocalDate d) {
        LocalDate x = d.plusDays(1);
        for (int n = 0; n < searchDays; n++, x = x.plusDays(1)) {
            if (intervals(x).length > 0) return x;
        }
        throw new IllegalStateException("no business day within " + searchDays + " days of " + d);
    }

    /**
     * The same time of day {@code n} business days after an instant within business hours (docs/AGREEMENTS.md:
     * "N business days end at the same time of day N business days after the (possibly moved) start"). When that
     * local time is not within the target day's hours (a shorter day, a later opening, a lunch break), the
     * clock is paused there and the deadline is the next opening at or after it.
     */
    public long sameTimeAfterBusinessDays(long openInstant, int n) {
        ZonedDateTime start = Instant.ofEpochMilli(openInstant).atZone(zone);
        LocalDate target = start.toLocalDate();
        for (int i = 0; i < n; i++) target = nextBusinessDay(target);
        long t = ZonedDateTime.of(target, start.toLocalTime(), zone).toInstant().toEpochMilli();
        return nextOpening(t);
    }

    /** Local time of a span boundary; 1440 is midnight of the next day. */
    private static LocalTime time(int minutes) {
        return LocalTime.ofSecondOfDay(minutes * 60L);
    }
}
