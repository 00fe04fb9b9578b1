package dev.l2r.calendar;

import static dev.l2r.calendar.TestCalendars.HOUR;
import static dev.l2r.calendar.TestCalendars.MINUTE;
import static dev.l2r.calendar.TestCalendars.clock;
import static dev.l2r.calendar.TestCalendars.t;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Hand-computed {@link FollowUpClock#reaches} and {@link FollowUpClock#elapsed}. Deadlines passed in
 * are literal hand-computed values (the same as in {@link FollowUpDeadlineTableTest}), never the
 * output of {@code deadline()}.
 */
class FollowUpClockTest {

    static final String NY = "America/New_York";
    static final String EXAMPLE = "mon-fri 09:00-17:00; holidays 2026-10-12";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        # name | zone | calendar | window | from | deadline | share | expected
        # Window 4h (Fri 16-17 1h + Mon 09-12 3h); 75% = 3h: 1h Fri, then Mon 09:00 EST + 2h = 11:00 EST.
        Worked example MQL Fri Oct 30 16:00 is at risk at 75% on Mon 11:00 EST | America/New_York | mon-fri 09:00-17:00; holidays 2026-10-12 | 4 business hours | 2026-10-30T16:00-04:00 | 2026-11-02T12:00-05:00 | 0.75 | 2026-11-02T11:00-05:00
        # Window 4h (13:00-17:00, deadline ran on to Wed 09:00); 50% = 2h -> 15:00 Tue.
        Worked example MQL Tue Oct 13 13:00 reaches 50% at 15:00 | America/New_York | mon-fri 09:00-17:00; holidays 2026-10-12 | 4 business hours | 2026-10-13T13:00-04:00 | 2026-10-14T09:00-04:00 | 0.5 | 2026-10-13T15:00-04:00
        # 100% of 4 business hours has elapsed at 17:00 Tue, the earliest such instant (deadline runs on to Wed 09:00).
        Worked example MQL Tue Oct 13 13:00 reaches 100% at 17:00 the same day | America/New_York | mon-fri 09:00-17:00; holidays 2026-10-12 | 4 business hours | 2026-10-13T13:00-04:00 | 2026-10-14T09:00-04:00 | 1.0 | 2026-10-13T17:00-04:00
        # Start Sat moves to Mon 09:00; window 4h -> deadline Mon 13:00; 50% = 2h -> Mon 11:00.
        MQL Saturday 10:00 with 4 business hours reaches 50% on Monday 11:00 | America/New_York | mon-fri 09:00-17:00 | 4 business hours | 2026-10-17T10:00-04:00 | 2026-10-19T13:00-04:00 | 0.5 | 2026-10-19T11:00-04:00
        # 8h window from Fri 14:00: 3h Fri + 5h Mon -> Mon 14:00; 75% = 6h: 3h Fri + 3h Mon -> Mon 12:00.
        MQL Friday 14:00 with 8 business hours reaches 75% on Monday 12:00 | America/New_York | mon-fri 09:00-17:00 | 8 business hours | 2026-10-16T14:00-04:00 | 2026-10-19T14:00-04:00 | 0.75 | 2026-10-19T12:00-04:00
        # Share 0: nothing has to elapse, reached at from itself.
        Share 0 is reached at the start | America/New_York | mon-fri 09:00-17:00 | 4 business hours | 2026-10-15T10:00-04:00 | 2026-10-15T14:00-04:00 | 0 | 2026-10-15T10:00-04:00
        # Lunch: 10:00 + 3 business hours -> 14:00; 50% = 1.5h -> 11:30.
        Lunch calendar MQL Tue 10:00 with 3 business hours reaches 50% at 11:30 | America/New_York | mon-fri 09:00-12:00,13:00-17:00 | 3 business hours | 2026-10-20T10:00-04:00 | 2026-10-20T14:00-04:00 | 0.5 | 2026-10-20T11:30-04:00
        # Lunch: 10:00 + 4 business hours -> 15:00; 75% = 3h: 10-12 (2h), 13:00 + 1h -> 14:00.
        Lunch calendar MQL Tue 10:00 with 4 business hours reaches 75% at 14:00 after the break | America/New_York | mon-fri 09:00-12:00,13:00-17:00 | 4 business hours | 2026-10-20T10:00-04:00 | 2026-10-20T15:00-04:00 | 0.75 | 2026-10-20T14:00-04:00
        # Calendar 24 hours over the fall change: 16:00Z + 12h = 04:00Z = 00:00 EDT Sunday.
        Calendar 24 hours from Sat Oct 31 12:00 EDT reaches 50% at Sun 00:00 EDT | America/New_York | mon-fri 09:00-17:00 | 24 hours | 2026-10-31T12:00-04:00 | 2026-11-01T11:00-05:00 | 0.5 | 2026-11-01T00:00-04:00
        # Calendar 1 days over the fall change is 25h: 50% = 12.5h: 16:00Z + 12.5h = 04:30Z = 00:30 EDT.
        Calendar 1 days from Sat Oct 31 12:00 EDT (25 hours) reaches 50% at Sun 00:30 EDT | America/New_York | mon-fri 09:00-17:00 | 1 days | 2026-10-31T12:00-04:00 | 2026-11-01T12:00-05:00 | 0.5 | 2026-11-01T00:30-04:00
        # Calendar 1 day over the spring change is 23h: 50% = 11.5h: 17:00Z + 11.5h = 04:30Z = 23:30 EST Sat.
        Calendar 1 day from Sat Mar 7 12:00 EST (23 hours) reaches 50% at Sat 23:30 EST | America/New_York | mon-fri 09:00-17:00 | 1 day | 2026-03-07T12:00-05:00 | 2026-03-08T12:00-04:00 | 0.5 | 2026-03-07T23:30-05:00
        # Round the clock, 25 business hours over Nov 1 (25h day): 20% = 5h: 04:00Z + 5h = 09:00Z = 04:00 EST.
        Round the clock 25 business hours from Sun Nov 1 00:00 EDT reaches 20% at 04:00 EST | America/New_York | mon-sun 00:00-24:00 | 25 business hours | 2026-11-01T00:00-04:00 | 2026-11-02T00:00-05:00 | 0.2 | 2026-11-01T04:00-05:00
        # Night hours 01:00-03:00 on Nov 1: 150 min from 01:00 EDT (05:00Z) -> 02:30 EST; 60% = 90 min -> 06:30Z = the second 01:30 (EST).
        Night hours 150 business minutes from 01:00 EDT reach 60% at the repeated 01:30 EST | America/New_York | mon-sun 01:00-03:00 | 150 business minutes | 2026-11-01T01:00-04:00 | 2026-11-01T02:30-05:00 | 0.6 | 2026-11-01T01:30-05:00
        # London: Fri Oct 30 12:00 EDT = 16:00 GMT; 2h window: 1h Fri + 1h Mon -> Mon 10:00 GMT; 75% = 1.5h: 1h Fri + 30 min Mon -> 09:30 GMT.
        London team MQL Fri 16:00 London with 2 business hours reaches 75% on Monday 09:30 London | Europe/London | mon-fri 09:00-17:00 | 2 business hours | 2026-10-30T12:00-04:00 | 2026-11-02T10:00+00:00 | 0.75 | 2026-11-02T09:30+00:00
        """)
    void reaches(
            String name,
            String zone,
            String calendar,
            String window,
            String from,
            String deadline,
            double share,
            String expected) {
        long actual = clock(window, calendar, zone).reaches(t(from), t(deadline), share);
        assertEquals(
                Instant.ofEpochMilli(t(expected)).atZone(ZoneId.of(zone)),
                Instant.ofEpochMilli(actual).atZone(ZoneId.of(zone)));
    }

    @Test
    void elapsedBusinessTimeOfTheWorkedExampleOverTheDstWeekend() {
        // Fri 16:00-17:00 EDT 1h + Mon 09:00-12:00 EST 3h.
        FollowUpClock c = clock("4 business hours", EXAMPLE, NY);
        assertEquals(4 * HOUR, c.elapsed(t("2026-10-30T16:00-04:00"), t("2026-11-02T12:00-05:00")));
    }

    @Test
    void elapsedBusinessTimeOfARunOnDeadlineIsTheWholeWindow() {
        // Tue 13:00-17:00 = 4h; 17:00 to Wed 09:00 adds nothing.
        FollowUpClock c = clock("4 business hours", EXAMPLE, NY);
        assertEquals(4 * HOUR, c.elapsed(t("2026-10-13T13:00-04:00"), t("2026-10-14T09:00-04:00")));
    }

    @Test
    void elapsedBusinessTimeSkipsTheHoliday() {
        // Fri Oct 9 15:00-17:00 2h, Mon 12 holiday, Tue 09:00-10:30 1.5h.
        FollowUpClock c = clock("4 business hours", EXAMPLE, NY);
        assertEquals(210 * MINUTE, c.elapsed(t("2026-10-09T15:00-04:00"), t("2026-10-13T10:30-04:00")));
    }

    @Test
    void elapsedIsZeroWhenTheEndIsNotAfterTheStart() {
        FollowUpClock business = clock("4 business hours", EXAMPLE, NY);
        FollowUpClock calendar = clock("4 hours", EXAMPLE, NY);
        long a = t("2026-10-15T12:00-04:00");
        long b = t("2026-10-15T10:00-04:00");
        assertEquals(0, business.elapsed(a, b));
        assertEquals(0, calendar.elapsed(a, b));
        assertEquals(0, calendar.elapsed(a, a));
    }

    @Test
    void elapsedCalendarTimeOverTheFallChangeIsReal() {
        // Sat 12:00 EDT (16:00Z) to Sun 12:00 EST (17:00Z) = 25h; business hours do not matter.
        FollowUpClock c = clock("1 days", EXAMPLE, NY);
        assertEquals(25 * HOUR, c.elapsed(t("2026-10-31T12:00-04:00"), t("2026-11-01T12:00-05:00")));
    }

    @Test
    void elapsedCalendarTimeOverTheSpringChangeIsReal() {
        // Sat 12:00 EST (17:00Z) to Sun 12:00 EDT (16:00Z) = 23h.
        FollowUpClock c = clock("24 hours", EXAMPLE, NY);
        assertEquals(23 * HOUR, c.elapsed(t("2026-03-07T12:00-05:00"), t("2026-03-08T12:00-04:00")));
    }

    @Test
    void elapsedCalendarTimeCountsNightsAndWeekends() {
        // Fri 17:00 to Mon 09:00 = 7h + 48h + 9h = 64h of calendar time, 0 business hours.
        FollowUpClock calendar = clock("8 hours", EXAMPLE, NY);
        FollowUpClock business = clock("8 business hours", EXAMPLE, NY);
        long a = t("2026-10-16T17:00-04:00");
        long b = t("2026-10-19T09:00-04:00");
        assertEquals(64 * HOUR, calendar.elapsed(a, b));
        assertEquals(0, business.elapsed(a, b));
    }
}
