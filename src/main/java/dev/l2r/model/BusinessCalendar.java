package dev.l2r.model;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Business hours per weekday plus holidays, independent of any zone. {@code calendar.ZonedCalendar} is the
 * calendar as observed in one zone, which is where clocks run.
 */
public final class BusinessCalendar {

    /** Opening hours of one day, in minutes after midnight; half-open [open, close), close up to 1440. */
    public record Span(int open, int close) {
        public Span {
            if (open < 0 || close > 1440 || open >= close)
                throw new IllegalArgumentException("bad span " + open + "-" + close);
        }
    }

    private final Map<DayOfWeek, List<Span>> hours;
    private final SortedSet<LocalDate> holidays;

    public BusinessCalendar(Map<DayOfWeek, List<Span>> hours, Collection<LocalDate> holidays) {
        EnumMap<DayOfWeek, List<Span>> h = new EnumMap<>(DayOfWeek.class);
        hours.forEach((d, spans) -> {
            List<Span> sorted = new ArrayList<>(spans);
            sorted.sort(Comparator.comparingInt(Span::open));
            for (int i = 1; i < sorted.size(); i++) {
                if (sorted.get(i).open() < sorted.get(i - 1).close()) {
                    throw new IllegalArgumentException("overlapping hours on " + d);
                }
            }
            if (!sorted.isEmpty()) h.put(d, List.copyOf(sorted));
        });
        this.hours = Collections.unmodifiableMap(h);
        this.holidays = Collections.unmodifiableSortedSet(new TreeSet<>(holidays));
    }

    /** Monday to Friday, 09:00-17:00, no holidays. */
    public static BusinessCalendar standard() {
        Map<DayOfWeek, List<Span>> h = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : List.of(
                DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
            h.put(d, List.of(new Span(9 * 60, 17 * 60)));
        }
        return new BusinessCalendar(h, List.of());
    }

    /** This calendar with more days off. */
    public BusinessCalendar withHolidays(Collection<LocalDate> more) {
        Set<LocalDate> all = new TreeSet<>(holidays);
        all.addAll(more);
        return new BusinessCalendar(hours, all);
    }

    public Map<DayOfWeek, List<Span>> hours() {
        return hours;
    }

    public SortedSet<LocalDate> holidays() {
        return holidays;
    }

    /** Business minutes of a week without holidays. */
    public long weeklyMinutes() {
        long sum = 0;
        for (List<Span> spans : hours.values()) for (Span sp : spans) sum += sp.close() - sp.open();
        return sum;
    }

    /** True when the week has any business hours at all. */
    public boolean hasHours() {
        return !hours.isEmpty();
    }

    /** Opening spans of a local date: none on holidays and closed weekdays. */
    public List<Span> spans(LocalDate date) {
        if (holidays.contains(date)) return List.of();
        return hours.getOrDefault(date.getDayOfWeek(), List.of());
    }
}
