package dev.l2r.evaluate;

import dev.l2r.calendar.ZonedCalendar;
import dev.l2r.model.Agreement;
import dev.l2r.model.BusinessCalendar;
import dev.l2r.model.Metric;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * How far into the period the as-of time is, and how a target stands against its pro-rated bound
 * (docs/AGREEMENTS.md "Pacing"). Volume metrics grow through the period and are pro-rated; rates are not.
 */
final class Pacing {

    /** A target's pace and its bound pro-rated to the as-of time (null unless a volume mid-period). */
    record Paced(Pace pace, Double paceValue) {}

    private Pacing() {}

    /**
     * The share of the period's business time elapsed at {@code asOf} on the agreement's calendar (its
     * hours and holidays, in the agreement's zone; whole weekdays when it has no hours), so a partly worked
     * day counts by its hours: 1 at or after the end. A period with no business time at all (every day a
     * holiday) is pro-rated by clock time.
     */
    static double elapsed(Agreement a, long start, long end, long asOf) {
        if (asOf >= end) return 1.0;
        if (asOf <= start) return 0.0;
        ZonedCalendar cal = new ZonedCalendar(workdays(a.calendar()), a.zone());
        long total = cal.businessMillis(start, end);
        if (total <= 0) return (double) (asOf - start) / (end - start);
        return (double) cal.businessMillis(start, asOf) / total;
    }

    /** The calendar pacing runs on: its own hours, or whole weekdays when it has none (still without holidays). */
    static BusinessCalendar workdays(BusinessCalendar c) {
        if (c.hasHours()) return c;
        Map<DayOfWeek, List<BusinessCalendar.Span>> days = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY)
                days.put(d, List.of(new BusinessCalendar.Span(0, 24 * 60)));
        }
        return new BusinessCalendar(days, c.holidays());
    }

    /** True for a metric that adds up through the period: counts, revenue and totals from metrics.csv. */
    static boolean isVolume(Metric m) {
        return m instanceof Metric.Count || m instanceof Metric.Revenue || m instanceof Metric.Named;
    }

    /**
     * A target's pace: final at the period's end; mid-period a rate is provisional, and a volume is on track
     * when it is at least its minimum and at most its maximum, both pro-rated by {@code elapsed}.
     */
    static Paced pace(Metric m, BigDecimal min, BigDecimal max, double value, boolean isFinal, double elapsed) {
        if (isFinal) return new Paced(Pace.FINAL, null);
        if (!isVolume(m)) return new Paced(Pace.PROVISIONAL, null);
        boolean onTrack = true;
        Double paceValue = null;
        if (max != null) {
            paceValue = max.doubleValue() * elapsed;
            onTrack = value <= paceValue + 1e-9;
        }
        if (min != null) {
            paceValue = min.doubleValue() * elapsed; // the bound people chase
            onTrack = onTrack && value >= paceValue - 1e-9;
        }
        return new Paced(onTrack ? Pace.ON_TRACK : Pace.BEHIND, paceValue);
    }
}
