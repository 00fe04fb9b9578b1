package dev.l2r.calendar;

import dev.l2r.model.BusinessCalendar;
import dev.l2r.model.Window;
import dev.l2r.parse.Durations;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Test-only helpers: a tiny calendar notation for readable test tables, and ISO-with-offset
 * instants. Nothing here computes expected values; it only builds inputs.
 *
 * <p>Calendar notation: clauses separated by {@code ;}. A clause is {@code DAYS SPAN[,SPAN...]}
 * where DAYS is a day ({@code fri}) or an inclusive range ({@code mon-fri}, {@code sat-sun},
 * {@code mon-sun}) and SPAN is {@code HH:MM-HH:MM} (close up to 24:00). A later clause replaces the
 * hours of the days it names. {@code holidays D1,D2} lists holidays.
 */
final class TestCalendars {

    private TestCalendars() {}

    static BusinessCalendar parse(String text) {
        Map<DayOfWeek, List<BusinessCalendar.Span>> hours = new EnumMap<>(DayOfWeek.class);
        List<LocalDate> holidays = new ArrayList<>();
        for (String part : text.split(";")) {
            String p = part.trim();
            if (p.isEmpty()) continue;
            String[] kv = p.split("\\s+", 2);
            if (kv[0].equals("holidays")) {
                for (String d : kv[1].split(",")) holidays.add(LocalDate.parse(d.trim()));
                continue;
            }
            List<BusinessCalendar.Span> spans = new ArrayList<>();
            for (String s : kv[1].split(",")) {
                String[] oc = s.trim().split("-");
                spans.add(new BusinessCalendar.Span(minutes(oc[0]), minutes(oc[1])));
            }
            for (DayOfWeek d : days(kv[0])) hours.put(d, spans);
        }
        return new BusinessCalendar(hours, holidays);
    }

    static ZonedCalendar zoned(String calendar, String zone) {
        return new ZonedCalendar(parse(calendar), ZoneId.of(zone));
    }

    static FollowUpClock clock(String window, String calendar, String zone) {
        Window w = Durations.parse(window).orElseThrow(() -> new IllegalArgumentException("bad window " + window));
        return new FollowUpClock(w, zoned(calendar, zone));
    }

    /** Epoch millis of an ISO date-time with its offset written out, e.g. 2026-10-30T16:30-04:00. */
    static long t(String iso) {
        return OffsetDateTime.parse(iso).toInstant().toEpochMilli();
    }

    static final long MINUTE = 60_000L;
    static final long HOUR = 60 * MINUTE;

    private static int minutes(String hhmm) {
        String[] p = hhmm.trim().split(":");
        return Integer.parseInt(p[0]) * 60 + Integer.parseInt(p[1]);
    }

    private static List<DayOfWeek> days(String spec) {
        String[] ab = spec.split("-");
        DayOfWeek a = day(ab[0]);
        DayOfWeek b = ab.length > 1 ? day(ab[1]) : a;
        List<DayOfWeek> out = new ArrayList<>();
        for (int i = a.getValue(); i <= b.getValue(); i++) out.add(DayOfWeek.of(i));
        if (out.isEmpty()) throw new IllegalArgumentException("bad day range " + spec);
        return out;
    }

    private static DayOfWeek day(String s) {
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.name().substring(0, 3).equalsIgnoreCase(s)) return d;
        }
        throw new IllegalArgumentException("bad day " + s);
    }
}
