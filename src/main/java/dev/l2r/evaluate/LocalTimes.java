package dev.l2r.evaluate;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The local times of {@link HumanFormat}, written without a {@link DateTimeFormatter} per call: a violation
 * text holds three or four times, and a million violations spent a tenth of the check in zone rules and
 * formatters. Each thread keeps, per zone, the span between two offset transitions it last used (its offset
 * and zone names), so a time costs a comparison and some arithmetic. The output is that of the patterns in
 * {@link HumanFormat} (tested against them over many instants and zones); years outside 1000-9999 take the
 * formatter.
 */
final class LocalTimes {

    private static final String[] DAYS = new String[7];
    private static final String[] MONTHS = new String[12];

    static {
        for (DayOfWeek d : DayOfWeek.values()) DAYS[d.ordinal()] = d.getDisplayName(TextStyle.SHORT, Locale.ROOT);
        for (Month m : Month.values()) MONTHS[m.ordinal()] = m.getDisplayName(TextStyle.SHORT, Locale.ROOT);
    }

    private static final DateTimeFormatter ZONE_NAME = DateTimeFormatter.ofPattern("zzz", Locale.ROOT);

    /** A zone's offset between two transitions, with the zone's short names in standard and daylight time. */
    private static final class Span {
        final ZoneId zone;
        final ZoneRules rules;
        final long from; // epoch seconds, inclusive
        final long to; // exclusive
        final ZoneOffset offset;
        final String offsetText;
        final Map<Boolean, String> names = new HashMap<>(2);

        Span(ZoneId zone, long second) {
            this.zone = zone;
            this.rules = zone.getRules();
            Instant at = Instant.ofEpochSecond(second);
            this.offset = rules.getOffset(at);
            if (rules.isFixedOffset()) {
                from = Long.MIN_VALUE;
                to = Long.MAX_VALUE;
            } else {
                ZoneOffsetTransition prev = rules.previousTransition(at.plusSeconds(1)); // at or before
                ZoneOffsetTransition next = rules.nextTransition(at); // after
                from = prev == null ? Long.MIN_VALUE : prev.toEpochSecond();
                to = next == null ? Long.MAX_VALUE : next.toEpochSecond();
            }
            String id = offset.getId();
            this.offsetText = id.equals("Z") ? "+00:00" : id.length() == 9 ? id.substring(0, 6) : id;
        }

        boolean holds(long second) {
            return second >= from && second < to;
        }

        /** The zone's short name at an instant of the span ("EDT", "GMT+05:30"). */
        String name(long second) {
            Instant at = Instant.ofEpochSecond(second);
            boolean daylight =
                    !rules.isFixedOffset() && !rules.getStandardOffset(at).equals(offset);
            return names.computeIfAbsent(daylight, k -> ZONE_NAME.format(ZonedDateTime.ofInstant(at, zone)));
        }
    }

    private static final ThreadLocal<Map<ZoneId, Span>> SPANS = ThreadLocal.withInitial(HashMap::new);

    private LocalTimes() {}

    private static Span span(ZoneId zone, long second) {
        Map<ZoneId, Span> m = SPANS.get();
        Span s = m.get(zone);
        if (s == null || !s.holds(second)) {
            s = new Span(zone, second);
            m.put(zone, s);
        }
        return s;
    }

    /** {@code Tue 8 Sep 2026, 14:30 EDT}, or null for a year the fast path does not write. */
    static String readable(long millis, ZoneId zone) {
        return format(millis, zone, Style.READABLE);
    }

    /** {@code Fri 2026-10-09 15:00 EDT}, or null for a year the fast path does not write. */
    static String when(long millis, ZoneId zone) {
        return format(millis, zone, Style.WHEN);
    }

    /** {@code 2026-10-09T15:00:00-04:00}, or null for a year the fast path does not write. */
    static String iso(long millis, ZoneId zone) {
        return format(millis, zone, Style.ISO);
    }

    private enum Style {
        READABLE,
        WHEN,
        ISO
    }

    private static String format(long millis, ZoneId zone, Style style) {
        long second = Math.floorDiv(millis, 1000L);
        Span s = span(zone, second);
        LocalDateTime t = LocalDateTime.ofEpochSecond(second, 0, s.offset);
        if (t.getYear() < 1000 || t.getYear() > 9999) return null;
        StringBuilder b = new StringBuilder(28);
        switch (style) {
            case READABLE -> {
                b.append(DAYS[t.getDayOfWeek().ordinal()])
                        .append(' ')
                        .append(t.getDayOfMonth())
                        .append(' ');
                b.append(MONTHS[t.getMonthValue() - 1])
                        .append(' ')
                        .append(t.getYear())
                        .append(", ");
            }
            case WHEN ->
                date(b.append(DAYS[t.getDayOfWeek().ordinal()]).append(' '), t).append(' ');
            case ISO -> date(b, t).append('T');
        }
        two(b, t.getHour()).append(':');
        two(b, t.getMinute());
        if (style == Style.ISO)
            return two(b.append(':'), t.getSecond()).append(s.offsetText).toString();
        return b.append(' ').append(s.name(second)).toString();
    }

    private static StringBuilder date(StringBuilder b, LocalDateTime t) {
        b.append(t.getYear()).append('-');
        two(b, t.getMonthValue()).append('-');
        return two(b, t.getDayOfMonth());
    }

    private static StringBuilder two(StringBuilder b, int v) {
        return b.append((char) ('0' + v / 10)).append((char) ('0' + v % 10));
    }
}
