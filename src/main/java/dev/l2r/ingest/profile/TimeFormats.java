package dev.l2r.ingest.profile;

import dev.l2r.Numbers;
import dev.l2r.Timestamps;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The time formats of an export, tried in order: {@code iso} (ISO-8601 with or without offset, or a date),
 * {@code epoch-millis}, {@code epoch-seconds}, or a {@link DateTimeFormatter} pattern such as
 * {@code M/d/yyyy h:mm a} or {@code dd.MM.yyyy HH:mm}. A value without an offset is local time in the
 * given zone; a date alone is the start of that day. Only ASCII digits are read.
 */
public final class TimeFormats {

    private final List<String> names;
    private final List<DateTimeFormatter> patterns;

    private TimeFormats(List<String> names, List<DateTimeFormatter> patterns) {
        this.names = List.copyOf(names);
        this.patterns = patterns;
    }

    public static final TimeFormats ISO = of(List.of("iso"));

    /** Builds the list; throws IllegalArgumentException naming a pattern that is not valid. */
    public static TimeFormats of(List<String> names) {
        List<DateTimeFormatter> patterns = new ArrayList<>();
        for (String n : names) {
            if (n.equals("iso") || n.equals("epoch-millis") || n.equals("epoch-seconds")) {
                patterns.add(null);
            } else {
                patterns.add(DateTimeFormatter.ofPattern(n, Locale.ROOT));
            }
        }
        return new TimeFormats(names, patterns);
    }

    public List<String> names() {
        return names;
    }

    /** The instant, or null when no format reads the text. */
    public Instant parse(String text, ZoneId zone) {
        String s = text.strip();
        if (Numbers.hasOtherDigit(s)) return null;
        for (int i = 0; i < names.size(); i++) {
            Instant t = switch (names.get(i)) {
                case "iso" -> Timestamps.parse(s, zone);
                case "epoch-millis" -> epoch(s, 1);
                case "epoch-seconds" -> epoch(s, 1000);
                default -> pattern(patterns.get(i), s, zone);
            };
            if (t != null) return t;
        }
        return null;
    }

    private static Instant epoch(String s, long factor) {
        if (s.isEmpty() || s.length() > 19) return null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < '0' || c > '9') && !(i == 0 && c == '-')) return null;
        }
        try {
            return Instant.ofEpochMilli(Math.multiplyExact(Long.parseLong(s), factor));
        } catch (ArithmeticException | NumberFormatException e) {
            return null;
        }
    }

    private static Instant pattern(DateTimeFormatter f, String s, ZoneId zone) {
        try {
            TemporalAccessor t =
                    f.parseBest(s, ZonedDateTime::from, OffsetDateTime::from, LocalDateTime::from, LocalDate::from);
            if (t instanceof ZonedDateTime z) return z.toInstant();
            if (t instanceof OffsetDateTime o) return o.toInstant();
            if (t instanceof LocalDateTime l) return l.atZone(zone).toInstant();
            return ((LocalDate) t).atStartOfDay(zone).toInstant();
        } catch (DateTimeException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return String.join(", ", names);
    }
}
