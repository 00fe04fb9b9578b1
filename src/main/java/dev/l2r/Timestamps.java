package dev.l2r;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;

/**
 * Reads ISO-8601 timestamps as the canonical data holds them: {@code 2026-10-09},
 * {@code 2026-10-09T15:00}, {@code 2026-10-09 15:00:00.250}, each optionally followed by {@code Z},
 * {@code +02:00} or {@code +0200}. A value without an offset is local time in the given zone (a local
 * time inside a daylight-saving gap moves forward by the gap; in an overlap the earlier offset wins);
 * a date alone is the start of that day. Digits are ASCII only: a full-width or Arabic-Indic digit makes the
 * value no timestamp. Hand-parsed, because a million rows hold millions of these.
 */
public final class Timestamps {

    private Timestamps() {}

    /** The instant, or null when the text is not such a timestamp. */
    public static Instant parse(String s, ZoneId zone) {
        try {
            return parseOrThrow(s.strip(), zone);
        } catch (DateTimeException | IndexOutOfBoundsException | NumberFormatException e) {
            return null;
        }
    }

    /** What {@link #parseMillis} returns for text that is no timestamp (no timestamp l2r reads is this early). */
    public static final long NOT_A_TIMESTAMP = Long.MIN_VALUE;

    /**
     * The epoch milliseconds of {@link #parse}{@code (s, zone)} (its instant floored to the millisecond), or
     * {@link #NOT_A_TIMESTAMP}: the same reading without an {@code Instant} or a {@code LocalDate} on the way,
     * for the millions of timestamps of a leads file. Only a local time in a zone with daylight saving takes
     * the zone's rules (and {@link #parse}).
     */
    public static long parseMillis(String s, ZoneId zone) {
        long common = withSecondsAndOffset(s);
        if (common != NOT_A_TIMESTAMP) return common;
        s = s.strip();
        int n = s.length();
        if (n < 10 || s.charAt(4) != '-' || s.charAt(7) != '-') return NOT_A_TIMESTAMP;
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        if ((year | month | day) < 0 || month < 1 || month > 12 || day < 1 || day > monthLength(year, month)) {
            return NOT_A_TIMESTAMP; // what LocalDate.of refuses
        }
        long epochDay = epochDay(year, month, day);
        int hour = 0;
        int minute = 0;
        int second = 0;
        int nanos = 0;
        int i = 10;
        if (n > 10) {
            char sep = s.charAt(10);
            if (sep != 'T' && sep != ' ') return NOT_A_TIMESTAMP;
            if (n < 16 || s.charAt(13) != ':') return NOT_A_TIMESTAMP;
            hour = digits(s, 11, 2);
            minute = digits(s, 14, 2);
            i = 16;
            if (i < n && s.charAt(i) == ':') {
                second = digits(s, 17, 2);
                i = 19;
                if (i < n && (s.charAt(i) == '.' || s.charAt(i) == ',')) {
                    int start = ++i;
                    while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') i++;
                    int len = i - start;
                    if (len == 0 || len > 9) return NOT_A_TIMESTAMP;
                    nanos = digits(s, start, len);
                    for (int k = len; k < 9; k++) nanos *= 10;
                }
            }
            if ((hour | minute | second) < 0 || hour > 23 || minute > 59 || second > 59) return NOT_A_TIMESTAMP;
        }
        long local = epochDay * 86_400L + hour * 3_600L + minute * 60L + second;
        long millis = nanos / 1_000_000;
        if (i == n) {
            ZoneOffset fixed = fixedOffset(zone);
            if (fixed != null) return (local - fixed.getTotalSeconds()) * 1_000L + millis;
            Instant slow = parse(s, zone); // daylight saving: the zone's rules decide gaps and overlaps
            return slow == null ? NOT_A_TIMESTAMP : slow.toEpochMilli();
        }
        ZoneOffset offset = offset(s, i);
        if (offset == null) return NOT_A_TIMESTAMP;
        return (local - offset.getTotalSeconds()) * 1_000L + millis;
    }

    /**
     * The shape most exports write, {@code 2026-10-14T10:54:57Z} or {@code 2026-10-14T10:54:57-04:00} (or with a
     * space for the T), read in one pass; {@link #NOT_A_TIMESTAMP} for anything else, which the general reading
     * then decides. Every check of the general reading is here too, so both give the same value.
     */
    private static long withSecondsAndOffset(String s) {
        int n = s.length();
        if (n != 20 && n != 25) return NOT_A_TIMESTAMP;
        char t = s.charAt(10);
        if (s.charAt(4) != '-'
                || s.charAt(7) != '-'
                || (t != 'T' && t != ' ')
                || s.charAt(13) != ':'
                || s.charAt(16) != ':') {
            return NOT_A_TIMESTAMP;
        }
        int sign;
        if (n == 20) {
            char z = s.charAt(19);
            if (z != 'Z' && z != 'z') return NOT_A_TIMESTAMP;
            sign = 0;
        } else {
            char c = s.charAt(19);
            if ((c != '+' && c != '-') || s.charAt(22) != ':') return NOT_A_TIMESTAMP;
            sign = c == '-' ? -1 : 1;
        }
        int y1 = s.charAt(0) - '0';
        int y2 = s.charAt(1) - '0';
        int y3 = s.charAt(2) - '0';
        int y4 = s.charAt(3) - '0';
        int mo1 = s.charAt(5) - '0';
        int mo2 = s.charAt(6) - '0';
        int d1 = s.charAt(8) - '0';
        int d2 = s.charAt(9) - '0';
        int h1 = s.charAt(11) - '0';
        int h2 = s.charAt(12) - '0';
        int mi1 = s.charAt(14) - '0';
        int mi2 = s.charAt(15) - '0';
        int s1 = s.charAt(17) - '0';
        int s2 = s.charAt(18) - '0';
        int oh1 = 0;
        int oh2 = 0;
        int om1 = 0;
        int om2 = 0;
        if (sign != 0) {
            oh1 = s.charAt(20) - '0';
            oh2 = s.charAt(21) - '0';
            om1 = s.charAt(23) - '0';
            om2 = s.charAt(24) - '0';
        }
        int any = y1 | y2 | y3 | y4 | mo1 | mo2 | d1 | d2 | h1 | h2 | mi1 | mi2 | s1 | s2 | oh1 | oh2 | om1 | om2;
        int nines = (9 - y1) | (9 - y2) | (9 - y3) | (9 - y4) | (9 - mo1) | (9 - mo2) | (9 - d1) | (9 - d2) | (9 - h1)
                | (9 - h2) | (9 - mi1) | (9 - mi2) | (9 - s1) | (9 - s2) | (9 - oh1) | (9 - oh2) | (9 - om1)
                | (9 - om2);
        if ((any | nines) < 0) return NOT_A_TIMESTAMP; // a character that is no ASCII digit
        int year = y1 * 1000 + y2 * 100 + y3 * 10 + y4;
        int month = mo1 * 10 + mo2;
        int day = d1 * 10 + d2;
        int hour = h1 * 10 + h2;
        int minute = mi1 * 10 + mi2;
        int second = s1 * 10 + s2;
        int offsetHours = oh1 * 10 + oh2;
        int offsetMinutes = om1 * 10 + om2;
        if (month < 1 || month > 12 || day < 1 || day > monthLength(year, month)) return NOT_A_TIMESTAMP;
        if (hour > 23 || minute > 59 || second > 59) return NOT_A_TIMESTAMP;
        if (offsetHours > 18 || offsetMinutes > 59 || (offsetHours == 18 && offsetMinutes > 0)) {
            return NOT_A_TIMESTAMP; // what ZoneOffset.ofHoursMinutes refuses
        }
        long local = epochDay(year, month, day) * 86_400L + hour * 3_600L + minute * 60L + second;
        return (local - sign * (offsetHours * 3_600L + offsetMinutes * 60L)) * 1_000L;
    }

    /** The zone's only offset, or null when it has several (daylight saving, history). */
    private static ZoneOffset fixedOffset(ZoneId zone) {
        if (zone instanceof ZoneOffset o) return o;
        ZoneRules rules = zone.getRules();
        return rules.isFixedOffset() ? rules.getOffset(Instant.EPOCH) : null;
    }

    private static int monthLength(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** Days from 1970-01-01 to a valid date of years 0-9999 (the arithmetic of {@code LocalDate.toEpochDay}). */
    private static long epochDay(int year, int month, int day) {
        long y = year;
        long total = 365 * y + (y + 3) / 4 - (y + 99) / 100 + (y + 399) / 400;
        total += (367L * month - 362) / 12;
        total += day - 1;
        if (month > 2) {
            total--;
            if (monthLength(year, 2) == 28) total--;
        }
        return total - 719_528L; // days from 0000-01-01 to 1970-01-01
    }

    private static Instant parseOrThrow(String s, ZoneId zone) {
        int n = s.length();
        if (n < 10 || s.charAt(4) != '-' || s.charAt(7) != '-') return null;
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        if ((year | month | day) < 0) return null;
        LocalDate date = LocalDate.of(year, month, day);
        if (n == 10) return date.atStartOfDay(zone).toInstant();
        char sep = s.charAt(10);
        if (sep != 'T' && sep != ' ') return null;
        if (n < 16 || s.charAt(13) != ':') return null;
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = 0;
        int nanos = 0;
        int i = 16;
        if (i < n && s.charAt(i) == ':') {
            second = digits(s, 17, 2);
            i = 19;
            if (i < n && (s.charAt(i) == '.' || s.charAt(i) == ',')) {
                int start = ++i;
                while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') i++; // ASCII digits only, like every field
                int len = i - start;
                if (len == 0 || len > 9) return null;
                nanos = digits(s, start, len);
                for (int k = len; k < 9; k++) nanos *= 10;
            }
        }
        if ((hour | minute | second) < 0) return null;
        if (i == n)
            return LocalDateTime.of(date, LocalTime.of(hour, minute, second, nanos))
                    .atZone(zone)
                    .toInstant();
        // with an offset (how exports write most timestamps): plain arithmetic, no date-time objects
        if (hour > 23 || minute > 59 || second > 59) return null; // what LocalTime.of refuses
        ZoneOffset offset = offset(s, i);
        if (offset == null) return null;
        long seconds = date.toEpochDay() * 86_400L + hour * 3_600L + minute * 60L + second - offset.getTotalSeconds();
        return Instant.ofEpochSecond(seconds, nanos);
    }

    /** Offsets by sign, hours and minutes as written (each 0-99), made once: a million rows share a few. */
    private static final Object[] OFFSETS = new Object[2 * 100 * 100];

    private static final Object NO_OFFSET = new Object();

    private static ZoneOffset offset(int sign, int h, int m) {
        int key = (sign < 0 ? 10_000 : 0) + h * 100 + m;
        Object o = OFFSETS[key];
        if (o == null) {
            try {
                o = ZoneOffset.ofHoursMinutes(sign * h, sign * m);
            } catch (DateTimeException e) {
                o = NO_OFFSET;
            }
            OFFSETS[key] = o; // a benign race: every thread computes the same immutable value
        }
        return o instanceof ZoneOffset z ? z : null;
    }

    private static ZoneOffset offset(String s, int i) {
        int n = s.length();
        char c = s.charAt(i);
        if (c == 'Z' || c == 'z') return i + 1 == n ? ZoneOffset.UTC : null;
        if (c != '+' && c != '-') return null;
        int rest = n - i - 1;
        int h;
        int m = 0;
        if (rest == 2) {
            h = digits(s, i + 1, 2);
        } else if (rest == 4) {
            h = digits(s, i + 1, 2);
            m = digits(s, i + 3, 2);
        } else if (rest == 5 && s.charAt(i + 3) == ':') {
            h = digits(s, i + 1, 2);
            m = digits(s, i + 4, 2);
        } else {
            return null;
        }
        if (h < 0 || m < 0) return null;
        return offset(c == '-' ? -1 : 1, h, m);
    }

    /** Non-negative value of {@code len} ASCII digits at {@code at}, or -1. */
    private static int digits(String s, int at, int len) {
        if (at + len > s.length()) return -1;
        if (len == 2) {
            int d1 = s.charAt(at) - '0';
            int d2 = s.charAt(at + 1) - '0';
            return (d1 | d2 | (9 - d1) | (9 - d2)) < 0 ? -1 : d1 * 10 + d2; // negative when either is no digit
        }
        int v = 0;
        for (int k = at; k < at + len; k++) {
            char c = s.charAt(k);
            if (c < '0' || c > '9') return -1;
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
