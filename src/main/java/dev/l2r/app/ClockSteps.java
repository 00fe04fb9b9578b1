package dev.l2r.app;

import dev.l2r.calendar.FollowUpClock;
import dev.l2r.calendar.ZonedCalendar;
import dev.l2r.evaluate.HumanFormat;
import dev.l2r.evaluate.Stages;
import dev.l2r.facts.FollowUpItem;
import dev.l2r.model.Agreement;
import dev.l2r.model.Clause;
import dev.l2r.model.Stage;
import dev.l2r.model.Window;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The arithmetic of one follow-up clock, step by step, in the accountable team's zone: the start, the
 * moved start, each business day counted with its hours (weekends and holidays named), daylight-saving
 * changes, the deadline, the stop and the elapsed business time. The outcome itself is the rules' decision.
 */
final class ClockSteps {

    /** Days listed before the rest is summed up in one line. */
    static final int MAX_DAYS = 31;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd", Locale.ROOT);
    private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    private ClockSteps() {}

    /** The lines of the arithmetic; {@code outcome} is what the rules decided (met, late, missed, open, at_risk). */
    static List<String> lines(
            Clause.FollowUp f, FollowUpItem item, FollowUpClock clock, Agreement a, String outcome, long asOf) {
        ZonedCalendar cal = clock.calendar();
        ZoneId zone = cal.zone();
        Window w = f.within();
        long from = item.getFrom();
        long deadline = item.getDeadline();
        Long stop = item.getStop();
        List<String> out = new ArrayList<>();
        out.add("start: " + f.from().key() + " at " + HumanFormat.when(from, zone) + " (team " + item.getTeam() + ", "
                + zone.getId() + ")");
        long end = stop != null ? stop : Math.min(asOf, deadline);
        if (w.business()) {
            long start = cal.nextOpening(from);
            if (start != from) {
                out.add("outside business hours: the clock starts at the next opening, "
                        + HumanFormat.when(start, zone));
            }
            out.add("business time counted"
                    + (stop != null ? " up to the stop:" : end == deadline ? " up to the deadline:" : " up to as-of:"));
            out.addAll(days(cal, a, item.getTeam(), start, Math.max(start, end)));
            out.add("deadline: " + HumanFormat.when(deadline, zone) + " ("
                    + (w.unit() == Window.Unit.DAYS
                            ? "the same time of day " + w.text() + " after the start"
                            : w.text() + " after the start")
                    + ")");
        } else {
            out.add("deadline: " + HumanFormat.when(deadline, zone) + " (" + w.text()
                    + " after the start, calendar time around the clock)");
        }
        dst(zone, from, Math.max(Math.max(end, deadline), from), out);
        if (stop != null) {
            out.add("stop: " + stopName(f, item) + " at " + HumanFormat.when(stop, zone));
        } else {
            out.add("stop: none by as-of " + HumanFormat.when(asOf, zone));
        }
        long upTo = stop != null ? stop : asOf;
        out.add("elapsed: " + HumanFormat.duration(clock.elapsed(from, upTo), w.business()) + " of " + w.text());
        out.add("outcome: " + outcome(outcome, item, clock, zone, w.business(), asOf));
        return out;
    }

    static String outcome(
            String kind, FollowUpItem item, FollowUpClock clock, ZoneId zone, boolean business, long asOf) {
        return switch (kind) {
            case "met" -> "met";
            case "late" ->
                "late by " + HumanFormat.duration(clock.elapsed(item.getDeadline(), item.getStop()), business);
            case "missed" -> "missed (no stop by the deadline " + HumanFormat.when(item.getDeadline(), zone) + ")";
            case "open" -> "open, " + HumanFormat.duration(clock.elapsed(asOf, item.getDeadline()), business) + " left";
            case "at_risk" ->
                "at risk since " + HumanFormat.when(item.getRiskAt(), zone) + ", "
                        + HumanFormat.duration(clock.elapsed(asOf, item.getDeadline()), business) + " left";
            default -> kind;
        };
    }

    private static String stopName(Clause.FollowUp f, FollowUpItem item) {
        for (Stage s : f.to()) {
            Long t = Stages.at(item.getLead(), s);
            if (t != null && t.longValue() == item.getStop()) return s.key();
        }
        return "stop";
    }

    /** Each local date from start to end: its counted hours, or why it is skipped. */
    static List<String> days(ZonedCalendar cal, Agreement a, String team, long start, long end) {
        List<String> out = new ArrayList<>();
        ZoneId zone = cal.zone();
        List<long[]> counted = cal.businessIntervals(start, end);
        LocalDate first = cal.dateOf(start);
        LocalDate last = cal.dateOf(end);
        int listed = 0;
        long rest = 0;
        int restDays = 0;
        int k = 0;
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            List<long[]> today = new ArrayList<>();
            while (k < counted.size() && cal.dateOf(counted.get(k)[0]).equals(d)) today.add(counted.get(k++));
            String line;
            if (!today.isEmpty()) {
                List<String> parts = new ArrayList<>();
                long sum = 0;
                for (long[] iv : today) {
                    parts.add(HM.format(Instant.ofEpochMilli(iv[0]).atZone(zone)) + "–" + endOfSpan(iv[1], d, zone)
                            + " (" + hours(iv[1] - iv[0]) + ")");
                    sum += iv[1] - iv[0];
                }
                line = DAY.format(d) + " " + String.join(", ", parts);
                if (listed >= MAX_DAYS) {
                    rest += sum;
                    restDays++;
                    continue;
                }
            } else if (cal.intervals(d).length == 0) {
                if (listed >= MAX_DAYS) continue;
                line = DAY.format(d) + " skipped (" + closedWhy(a, team, d) + ")";
            } else {
                continue; // open, but the counted span starts later or ended earlier (e.g. the stop came before
                // opening)
            }
            out.add("  " + line);
            listed++;
        }
        if (restDays > 0) out.add("  … " + restDays + " more business days, " + hours(rest));
        long total = counted.stream().mapToLong(iv -> iv[1] - iv[0]).sum();
        out.add("  total " + hours(total));
        return out;
    }

    private static String endOfSpan(long t, LocalDate d, ZoneId zone) {
        var z = Instant.ofEpochMilli(t).atZone(zone);
        return z.toLocalDate().isAfter(d) && z.toLocalTime().toSecondOfDay() == 0 ? "24:00" : HM.format(z);
    }

    private static String closedWhy(Agreement a, String team, LocalDate d) {
        if (a.calendar().holidays().contains(d)) return "holiday";
        if (a.calendarOf(team).holidays().contains(d)) return "holiday of team " + team;
        if (Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY).contains(d.getDayOfWeek())) return "weekend";
        return "closed on " + ClauseWords.day(d.getDayOfWeek());
    }

    /** Daylight-saving changes in [from, to], each with the offsets before and after. */
    private static void dst(ZoneId zone, long from, long to, List<String> out) {
        ZoneOffsetTransition t = zone.getRules().nextTransition(Instant.ofEpochMilli(from));
        while (t != null && t.getInstant().toEpochMilli() <= to) {
            long gapMinutes = t.getDuration().toMinutes();
            out.add("DST: on " + DAY.format(t.getDateTimeBefore().toLocalDate()) + " at "
                    + HM.format(t.getDateTimeBefore()) + " local time the clocks "
                    + (gapMinutes > 0 ? "go forward " : "go back ") + hours(Math.abs(gapMinutes) * 60_000L)
                    + " (UTC" + t.getOffsetBefore() + " → UTC" + t.getOffsetAfter()
                    + "); business hours are counted in local time, so the day counts its hours as they happened");
            t = zone.getRules().nextTransition(t.getInstant());
        }
    }

    /** "2 h", "1.5 h", "1 h 9 min", "30 min", "54.2 min". */
    static String hours(long millis) {
        long h = millis / 3_600_000L;
        long rest = millis % 3_600_000L;
        String min = BigDecimal.valueOf(rest / 60_000.0)
                        .setScale(1, RoundingMode.HALF_UP)
                        .stripTrailingZeros()
                        .toPlainString()
                + " min";
        if (h == 0) return min;
        if (rest == 0) return h + " h";
        if (rest == 1_800_000L) return h + ".5 h";
        return h + " h " + min;
    }
}
