package dev.l2r.properties;

import static dev.l2r.properties.Props.between;
import static dev.l2r.properties.Props.forAll;
import static dev.l2r.properties.Props.oneOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.l2r.calendar.FollowUpClock;
import dev.l2r.calendar.ZonedCalendar;
import dev.l2r.model.BusinessCalendar;
import dev.l2r.model.Window;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Properties of business-time arithmetic (SPEC section 2, "Follow-up") on random calendars, zones, windows
 * and start instants, with half of the starts within three days of a 2026 daylight-saving change in New York
 * or London. The hand-computed table (FollowUpDeadlineTableTest) pins exact values; these pin the laws.
 */
class CalendarPropertiesTest {

    static final long MINUTE = 60_000L;
    static final long HOUR = 60 * MINUTE;
    static final long DAY = 24 * HOUR;

    /** 2026 DST changes: New York 8 Mar and 1 Nov, London 29 Mar and 25 Oct. */
    static final long[] DST_2026 = {
        Instant.parse("2026-03-08T07:00:00Z").toEpochMilli(),
                Instant.parse("2026-11-01T06:00:00Z").toEpochMilli(),
        Instant.parse("2026-03-29T01:00:00Z").toEpochMilli(),
                Instant.parse("2026-10-25T01:00:00Z").toEpochMilli()
    };

    static final long YEAR_START = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();
    static final long YEAR_END = Instant.parse("2027-01-01T00:00:00Z").toEpochMilli();

    /** Hours of a calendar: [first day, last day, open minute, close minute, ...]. */
    static final String[] HOURS = {
        "mon-fri 09:00-17:00",
        "mon-fri 08:00-12:00,13:00-18:00",
        "mon-sun 00:00-24:00",
        "sat 10:00-14:00",
        "mon-sun 01:00-03:00",
        "mon-fri 22:00-24:00",
        "sun 00:30-02:30,03:00-04:00"
    };

    static final String[] ZONES = {
        "America/New_York", "Europe/London", "Asia/Kolkata", "Australia/Lord_Howe", "Pacific/Chatham", "UTC"
    };

    record Calendar(String hours, List<LocalDate> holidays, BusinessCalendar calendar) {
        @Override
        public String toString() {
            return hours + " holidays " + holidays;
        }
    }

    record Sample(Calendar calendar, String zone, Window window, long start, long other) {
        ZonedCalendar zoned() {
            return new ZonedCalendar(calendar.calendar(), ZoneId.of(zone));
        }

        FollowUpClock clock() {
            return new FollowUpClock(window, zoned());
        }

        @Override
        public String toString() {
            return "[" + calendar + " in " + zone + ", within " + window.text() + ", start "
                    + Instant.ofEpochMilli(start) + ", other " + Instant.ofEpochMilli(other) + "]";
        }
    }

    static Calendar calendar(Random r) {
        String text = oneOf(r, HOURS);
        Map<DayOfWeek, List<BusinessCalendar.Span>> hours = new EnumMap<>(DayOfWeek.class);
        String[] dayAndSpans = text.split(" ");
        String[] range = dayAndSpans[0].split("-");
        int first = day(range[0]);
        int last = range.length > 1 ? day(range[1]) : first;
        List<BusinessCalendar.Span> spans = new ArrayList<>();
        for (String s : dayAndSpans[1].split(",")) {
            String[] oc = s.split("-");
            spans.add(new BusinessCalendar.Span(minutes(oc[0]), minutes(oc[1])));
        }
        for (int d = first; d <= last; d++) hours.put(DayOfWeek.of(d), spans);
        List<LocalDate> holidays = new ArrayList<>();
        int n = r.nextInt(6);
        for (int i = 0; i < n; i++) {
            // some holidays fall on the DST Sundays and their neighbours, where the interesting starts are
            holidays.add(
                    r.nextBoolean()
                            ? LocalDate.of(2026, 1, 1).plusDays(r.nextInt(365))
                            : oneOf(
                                    r,
                                    LocalDate.of(2026, 3, 9),
                                    LocalDate.of(2026, 3, 30),
                                    LocalDate.of(2026, 10, 26),
                                    LocalDate.of(2026, 11, 2),
                                    LocalDate.of(2026, 3, 8),
                                    LocalDate.of(2026, 11, 1)));
        }
        return new Calendar(text, List.copyOf(new TreeSet<>(holidays)), new BusinessCalendar(hours, holidays));
    }

    static int day(String d) {
        return List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun").indexOf(d) + 1;
    }

    static int minutes(String hhmm) {
        return Integer.parseInt(hhmm.substring(0, 2)) * 60 + Integer.parseInt(hhmm.substring(3));
    }

    static long start(Random r) {
        if (r.nextBoolean()) return between(r, YEAR_START, YEAR_END);
        return DST_2026[r.nextInt(DST_2026.length)] + between(r, -3 * DAY, 3 * DAY);
    }

    static Window businessWindow(Random r, boolean days) {
        if (days) return new Window(1 + r.nextInt(10), Window.Unit.DAYS, true);
        return r.nextBoolean()
                ? new Window(1 + r.nextInt(600), Window.Unit.MINUTES, true)
                : new Window(1 + r.nextInt(40), Window.Unit.HOURS, true);
    }

    static Window anyWindow(Random r) {
        return switch (r.nextInt(6)) {
            case 0 -> new Window(1 + r.nextInt(600), Window.Unit.MINUTES, true);
            case 1 -> new Window(1 + r.nextInt(40), Window.Unit.HOURS, true);
            case 2 -> new Window(1 + r.nextInt(10), Window.Unit.DAYS, true);
            case 3 -> new Window(1 + r.nextInt(600), Window.Unit.MINUTES, false);
            case 4 -> new Window(1 + r.nextInt(72), Window.Unit.HOURS, false);
            default -> new Window(1 + r.nextInt(30), Window.Unit.DAYS, false);
        };
    }

    static Sample sample(Random r, Window w) {
        long start = start(r);
        return new Sample(calendar(r), oneOf(r, ZONES), w, start, start + between(r, 0, 3 * DAY));
    }

    @Test
    void theDeadlineIsNeverBeforeTheStart() {
        forAll("deadline >= start", 400, r -> sample(r, anyWindow(r)), s -> {
            long deadline = s.clock().deadline(s.start());
            assertTrue(deadline >= s.start(), "deadline " + Instant.ofEpochMilli(deadline));
        });
    }

    @Test
    void aBusinessWindowElapsesExactlyAtItsDeadline() {
        forAll("elapsed(start, deadline) = window", 400, r -> sample(r, businessWindow(r, false)), s -> {
            FollowUpClock c = s.clock();
            assertEquals(s.window().minutes() * MINUTE, c.elapsed(s.start(), c.deadline(s.start())));
        });
    }

    @Test
    void aStopAtTheDeadlineMeetsAndOneMillisecondLaterIsLate() {
        forAll(
                "met at deadline, late 1 ms after",
                400,
                r -> {
                    Window w = r.nextBoolean()
                            ? businessWindow(r, false)
                            : new Window(
                                    1 + r.nextInt(2000),
                                    r.nextBoolean() ? Window.Unit.MINUTES : Window.Unit.HOURS,
                                    false);
                    return sample(r, w);
                },
                s -> {
                    FollowUpClock c = s.clock();
                    long window = s.window().minutes() * MINUTE;
                    long deadline = c.deadline(s.start());
                    assertTrue(c.elapsed(s.start(), deadline) <= window, "at the deadline the window is not used up");
                    assertTrue(c.elapsed(s.start(), deadline + 1) > window, "one millisecond later it is");
                });
    }

    @Test
    void aLaterStartNeverGivesAnEarlierDeadline() {
        forAll("monotonic deadline", 400, r -> sample(r, anyWindow(r)), s -> {
            FollowUpClock c = s.clock();
            assertTrue(
                    c.deadline(s.other()) >= c.deadline(s.start()),
                    "deadline " + Instant.ofEpochMilli(c.deadline(s.other())) + " of the later start is before "
                            + Instant.ofEpochMilli(c.deadline(s.start())));
        });
    }

    @Test
    void aBusinessDeadlineIsWithinBusinessHours() {
        forAll("business deadline is open", 400, r -> sample(r, businessWindow(r, r.nextInt(3) == 0)), s -> {
            long deadline = s.clock().deadline(s.start());
            assertTrue(s.zoned().isOpen(deadline), "deadline " + Instant.ofEpochMilli(deadline) + " is outside hours");
        });
    }

    @Test
    void businessTimeNeverCountsWeekendsOrHolidays() {
        forAll("business time = open minutes on open days", 200, r -> sample(r, businessWindow(r, false)), s -> {
            ZonedCalendar z = s.zoned();
            long a = s.start() / MINUTE * MINUTE;
            long b = s.other() / MINUTE * MINUTE;
            long open = 0;
            for (long m = a; m < b; m += MINUTE) {
                if (!z.isOpen(m)) continue;
                open++;
                LocalDate local = z.dateOf(m);
                assertFalse(
                        s.calendar().holidays().contains(local),
                        "open on holiday " + local + " at " + Instant.ofEpochMilli(m));
                assertFalse(
                        s.calendar()
                                .calendar()
                                .hours()
                                .getOrDefault(local.getDayOfWeek(), List.of())
                                .isEmpty(),
                        "open on closed " + local.getDayOfWeek() + " " + local);
            }
            assertEquals(
                    open * MINUTE,
                    z.businessMillis(a, b),
                    "business millis of [" + Instant.ofEpochMilli(a) + ", " + Instant.ofEpochMilli(b) + ")");
        });
    }

    @Test
    void businessTimeAddsUpOverAdjacentIntervals() {
        forAll("businessMillis additive", 400, r -> sample(r, businessWindow(r, false)), s -> {
            ZonedCalendar z = s.zoned();
            long mid = s.start() + (s.other() - s.start()) / 3;
            assertEquals(
                    z.businessMillis(s.start(), s.other()),
                    z.businessMillis(s.start(), mid) + z.businessMillis(mid, s.other()));
        });
    }

    @Test
    void theNextOpeningIsTheFirstOpenInstant() {
        forAll("nextOpening", 300, r -> sample(r, businessWindow(r, false)), s -> {
            ZonedCalendar z = s.zoned();
            long next = z.nextOpening(s.start());
            assertTrue(next >= s.start());
            assertTrue(z.isOpen(next), "open at " + Instant.ofEpochMilli(next));
            assertEquals(0, z.businessMillis(s.start(), next), "no business time before the next opening");
        });
    }

    @Test
    void onAnAlwaysOpenCalendarBusinessHoursAreRealHoursAcrossDaylightSaving() {
        forAll(
                "24/7 business hours = real hours",
                300,
                r -> {
                    Window w = new Window(1 + r.nextInt(72), Window.Unit.HOURS, true);
                    long start = DST_2026[r.nextInt(DST_2026.length)] + between(r, -3 * DAY, 3 * DAY);
                    Map<DayOfWeek, List<BusinessCalendar.Span>> h = new EnumMap<>(DayOfWeek.class);
                    for (DayOfWeek d : DayOfWeek.values()) h.put(d, List.of(new BusinessCalendar.Span(0, 1440)));
                    return new Sample(
                            new Calendar("mon-sun 00:00-24:00", List.of(), new BusinessCalendar(h, List.of())),
                            oneOf(r, "America/New_York", "Europe/London"),
                            w,
                            start,
                            start);
                },
                s -> assertEquals(s.window().minutes() * MINUTE, s.clock().deadline(s.start()) - s.start()));
    }
}
