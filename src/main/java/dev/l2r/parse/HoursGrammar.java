package dev.l2r.parse;

import dev.l2r.model.BusinessCalendar.Span;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The two small languages of {@code calendar.hours}: a key naming days ({@code mon}, {@code mon-fri},
 * {@code mon,wed}) and a value naming spans of the day ({@code "09:00-12:00, 13:00-17:00"}, {@code "closed"},
 * 24:00 as an end). Kept apart from the calendar reader, as {@link Conditions} and {@link Durations} are, so
 * that the grammar can be read and tested without a document around it.
 */
final class HoursGrammar {

    static final String DAYS_HINT = "use mon..sun, a range such as mon-fri, or a list such as mon,wed";
    static final String SPAN_HINT = "use HH:MM-HH:MM with the start before the end (24:00 allowed as an end)";

    private static final Pattern SPAN = Pattern.compile("\\s*(\\d{2}):(\\d{2})\\s*-\\s*(\\d{2}):(\\d{2})\\s*");
    private static final List<String> DAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");

    /** Spans of one day, sorted, or the problem with the text. */
    record Spans(List<Span> spans, String problem) {}

    private HoursGrammar() {}

    /** The days a key names, in order; empty when it is not a day, a range or a list of them. */
    static Optional<List<DayOfWeek>> days(String key) {
        List<DayOfWeek> out = new ArrayList<>();
        for (String part : key.toLowerCase(Locale.ROOT).split(",")) {
            String t = part.strip();
            int dash = t.indexOf('-');
            if (dash > 0) {
                int a = DAYS.indexOf(t.substring(0, dash).strip());
                int b = DAYS.indexOf(t.substring(dash + 1).strip());
                if (a < 0 || b < 0 || b < a) return Optional.empty();
                for (int i = a; i <= b; i++) out.add(DayOfWeek.of(i + 1));
            } else {
                int a = DAYS.indexOf(t);
                if (a < 0) return Optional.empty();
                out.add(DayOfWeek.of(a + 1));
            }
        }
        return Optional.of(out);
    }

    /** The short name of a day as keys write it: mon..sun. */
    static String name(DayOfWeek d) {
        return DAYS.get(d.ordinal());
    }

    /** The spans of a day's hours ("closed": none). */
    static Spans spans(String text) {
        String s = text.strip();
        if (s.equalsIgnoreCase("closed")) return new Spans(List.of(), null);
        List<Span> out = new ArrayList<>();
        for (String part : s.split(",")) {
            Matcher m = SPAN.matcher(part);
            int open = -1;
            int close = -1;
            if (m.matches()) {
                open = minutes(m.group(1), m.group(2));
                close = minutes(m.group(3), m.group(4));
            }
            if (open < 0 || close < 0 || close > 1440 || open >= close) {
                return new Spans(null, "\"" + part.strip() + "\" is not a span of hours; " + SPAN_HINT);
            }
            out.add(new Span(open, close));
        }
        out.sort(Comparator.comparingInt(Span::open));
        for (int i = 1; i < out.size(); i++) {
            if (out.get(i).open() < out.get(i - 1).close()) return new Spans(null, "\"" + s + "\": spans overlap");
        }
        return new Spans(out, null);
    }

    /** Minutes since midnight of HH:MM, or -1 when it is no time of day (24:00 is one). */
    private static int minutes(String hh, String mm) {
        int h = Integer.parseInt(hh);
        int m = Integer.parseInt(mm);
        if (m > 59 || h > 24 || (h == 24 && m != 0)) return -1;
        return h * 60 + m;
    }
}
