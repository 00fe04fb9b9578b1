package dev.l2r.calendar;

import static dev.l2r.calendar.TestCalendars.HOUR;
import static dev.l2r.calendar.TestCalendars.MINUTE;
import static dev.l2r.calendar.TestCalendars.t;
import static dev.l2r.calendar.TestCalendars.zoned;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.l2r.model.BusinessCalendar;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Hand-computed values for {@link ZonedCalendar#businessMillis}, {@link ZonedCalendar#nextOpening}
 * and {@link ZonedCalendar#isOpen}, including daylight-saving days. Offsets: see
 * {@link FollowUpDeadlineTableTest}.
 */
class ZonedCalendarTest {

    static final String NY = "America/New_York";
    static final String STD = "mon-fri 09:00-17:00";
    static final String EXAMPLE = "mon-fri 09:00-17:00; holidays 2026-10-12";
    static final String LUNCH = "mon-fri 09:00-12:00,13:00-17:00";
    static final String ALL_DAY = "mon-sun 00:00-24:00";
    static final String NIGHT = "mon-sun 01:00-03:00";
    static final String TO_MIDNIGHT = "mon-fri 12:00-24:00";
    static final String WEEKEND = "sat-sun 10:00-18:00";

    @Test
    void theTestNotationBuildsTheStandardCalendar() {
        assertEquals(
                BusinessCalendar.standard().hours(), TestCalendars.parse(STD).hours());
        assertTrue(TestCalendars.parse(EXAMPLE).holidays().contains(java.time.LocalDate.of(2026, 10, 12)));
    }

    // ======================================================== BusinessMillis

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        # name | zone | calendar | a | b | expected minutes
        # Fri 16:00-17:00 (60) + Mon 09:00-12:00 EST (180) = 240.
        Worked example: Fri Oct 30 16:00 EDT to Mon Nov 2 12:00 EST is 4 business hours | America/New_York | mon-fri 09:00-17:00 | 2026-10-30T16:00-04:00 | 2026-11-02T12:00-05:00 | 240
        # Fri 15:00-17:00 (120), Mon 12 holiday, Tue 09:00-10:30 (90) = 210.
        Worked example: Fri Oct 9 15:00 to Tue Oct 13 10:30 over the holiday is 3.5 business hours | America/New_York | mon-fri 09:00-17:00; holidays 2026-10-12 | 2026-10-09T15:00-04:00 | 2026-10-13T10:30-04:00 | 210
        # 17:00 to 09:00 next morning: no business time (17:00 excluded, 09:00 is the end, exclusive).
        Overnight 17:00 to 09:00 has no business time | America/New_York | mon-fri 09:00-17:00 | 2026-10-14T17:00-04:00 | 2026-10-15T09:00-04:00 | 0
        # Mon 19 09:00 to Mon 26 09:00: five 8-hour days = 2400.
        One week Monday to Monday is 40 business hours | America/New_York | mon-fri 09:00-17:00 | 2026-10-19T09:00-04:00 | 2026-10-26T09:00-04:00 | 2400
        # 10:30-12:00 (90) + 13:00-14:15 (75) = 165.
        Lunch break is not counted: Tue 10:30 to 14:15 is 2h45m | America/New_York | mon-fri 09:00-12:00,13:00-17:00 | 2026-10-20T10:30-04:00 | 2026-10-20T14:15-04:00 | 165
        # Entirely inside the break.
        Lunch break alone is no business time | America/New_York | mon-fri 09:00-12:00,13:00-17:00 | 2026-10-20T12:00-04:00 | 2026-10-20T13:00-04:00 | 0
        # Nov 1 NY: 00:00 EDT (04:00Z) to Nov 2 00:00 EST (05:00Z) = 25h = 1500.
        US fall-back Sunday open round the clock has 25 business hours | America/New_York | mon-sun 00:00-24:00 | 2026-11-01T00:00-04:00 | 2026-11-02T00:00-05:00 | 1500
        # Mar 8 NY: 00:00 EST (05:00Z) to Mar 9 00:00 EDT (04:00Z) = 23h = 1380.
        US spring-forward Sunday open round the clock has 23 business hours | America/New_York | mon-sun 00:00-24:00 | 2026-03-08T00:00-05:00 | 2026-03-09T00:00-04:00 | 1380
        # Oct 25 London: 00:00 BST (Oct 24 23:00Z) to Oct 26 00:00 GMT (00:00Z) = 25h.
        EU fall-back Sunday in London open round the clock has 25 business hours | Europe/London | mon-sun 00:00-24:00 | 2026-10-25T00:00+01:00 | 2026-10-26T00:00+00:00 | 1500
        # Mar 29 London: 00:00 GMT (00:00Z) to Mar 30 00:00 BST (Mar 29 23:00Z) = 23h.
        EU spring-forward Sunday in London open round the clock has 23 business hours | Europe/London | mon-sun 00:00-24:00 | 2026-03-29T00:00+00:00 | 2026-03-30T00:00+01:00 | 1380
        # Oct 25 Berlin: 00:00 CEST (Oct 24 22:00Z) to Oct 26 00:00 CET (Oct 25 23:00Z) = 25h.
        EU fall-back Sunday in Berlin open round the clock has 25 business hours | Europe/Berlin | mon-sun 00:00-24:00 | 2026-10-25T00:00+02:00 | 2026-10-26T00:00+01:00 | 1500
        # Night 01:00-03:00 on Nov 1 NY: 01:00 EDT (05:00Z) to 03:00 EST (08:00Z) = 3h, whole day counted.
        Night hours 01:00-03:00 on the US fall-back day hold 3 business hours | America/New_York | mon-sun 01:00-03:00 | 2026-11-01T00:00-04:00 | 2026-11-02T00:00-05:00 | 180
        # Night 01:00-03:00 on Mar 8 NY: 01:00 EST (06:00Z) to 03:00 EDT (07:00Z) = 1h.
        Night hours 01:00-03:00 on the US spring-forward day hold 1 business hour | America/New_York | mon-sun 01:00-03:00 | 2026-03-08T00:00-05:00 | 2026-03-09T00:00-04:00 | 60
        # Night 01:00-03:00 on Oct 25 London: 01:00 BST (00:00Z) to 03:00 GMT (03:00Z) = 3h.
        Night hours 01:00-03:00 on the EU fall-back day in London hold 3 business hours | Europe/London | mon-sun 01:00-03:00 | 2026-10-25T00:00+01:00 | 2026-10-26T00:00+00:00 | 180
        # Night 01:00-03:00 on Mar 29 London: clock jumps 01:00 GMT -> 02:00 BST at 01:00Z; open 01:00Z-02:00Z = 1h.
        Night hours 01:00-03:00 on the EU spring-forward day in London hold 1 business hour | Europe/London | mon-sun 01:00-03:00 | 2026-03-29T00:00+00:00 | 2026-03-30T00:00+01:00 | 60
        # Inside the repeated hour: 01:30 EDT (05:30Z) to 01:30 EST (06:30Z) = 60 min.
        The repeated hour is counted twice: 01:30 EDT to 01:30 EST is one business hour | America/New_York | mon-sun 01:00-03:00 | 2026-11-01T01:30-04:00 | 2026-11-01T01:30-05:00 | 60
        # Business hours ending at 24:00: Fri 23:00 to Sat 01:00 = 60 (Fri 23:00-24:00 only).
        Hours to 24:00 count up to midnight, not past it into a closed Saturday | America/New_York | mon-fri 12:00-24:00 | 2026-10-16T23:00-04:00 | 2026-10-17T01:00-04:00 | 60
        # Round the clock across midnight Thu 23:00 to Fri 01:00 = 120.
        Round the clock counts straight through midnight | America/New_York | mon-sun 00:00-24:00 | 2026-10-15T23:00-04:00 | 2026-10-16T01:00-04:00 | 120
        # Weekend-only: Fri Oct 16 12:00 to Mon Oct 19 12:00 = Sat 8h + Sun 8h = 960.
        Weekend-only calendar counts Saturday and Sunday only | America/New_York | sat-sun 10:00-18:00 | 2026-10-16T12:00-04:00 | 2026-10-19T12:00-04:00 | 960
        # Calendar observed in London: 15:30 BST Wed to 11:30 BST Thu = 1.5h + 2.5h = 240.
        Standard hours observed in London | Europe/London | mon-fri 09:00-17:00 | 2026-10-14T10:30-04:00 | 2026-10-15T11:30+01:00 | 240
        """)
    void businessMillis(String name, String zone, String calendar, String a, String b, long minutes) {
        assertEquals(minutes * MINUTE, zoned(calendar, zone).businessMillis(t(a), t(b)));
    }

    @Test
    void emptyOrReversedIntervalIsZero() {
        ZonedCalendar c = zoned(STD, NY);
        assertEquals(0, c.businessMillis(t("2026-10-15T10:00-04:00"), t("2026-10-15T10:00-04:00")));
        assertEquals(0, c.businessMillis(t("2026-10-15T12:00-04:00"), t("2026-10-15T10:00-04:00")));
    }

    @Test
    void oneMillisecondBeforeClosingIsBusinessTime() {
        ZonedCalendar c = zoned(STD, NY);
        long close = t("2026-10-15T17:00-04:00");
        assertEquals(1, c.businessMillis(close - 1, close));
        assertEquals(0, c.businessMillis(close, close + HOUR));
    }

    // ======================================================== NextOpening

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        # name | zone | calendar | t | expected
        # 17:00 is excluded; weekend; Mon Nov 2 09:00 is EST.
        Friday 17:00 EDT opens next on Monday 09:00 EST | America/New_York | mon-fri 09:00-17:00 | 2026-10-30T17:00-04:00 | 2026-11-02T09:00-05:00
        # 09:00 is included.
        09:00 exactly is already open | America/New_York | mon-fri 09:00-17:00 | 2026-10-15T09:00-04:00 | 2026-10-15T09:00-04:00
        # In hours: itself.
        Mid-morning is already open | America/New_York | mon-fri 09:00-17:00 | 2026-10-15T10:17-04:00 | 2026-10-15T10:17-04:00
        # Before opening same day.
        Early morning waits for 09:00 | America/New_York | mon-fri 09:00-17:00 | 2026-10-15T06:00-04:00 | 2026-10-15T09:00-04:00
        # Holiday Mon Oct 12: Tue 09:00.
        A holiday opens next on the following business day | America/New_York | mon-fri 09:00-17:00; holidays 2026-10-12 | 2026-10-12T08:00-04:00 | 2026-10-13T09:00-04:00
        # Saturday before a holiday Monday: Tue 09:00.
        Saturday before a holiday Monday opens on Tuesday | America/New_York | mon-fri 09:00-17:00; holidays 2026-10-12 | 2026-10-10T12:00-04:00 | 2026-10-13T09:00-04:00
        # Lunch break 12:15 -> 13:00; 12:00 exactly is closed -> 13:00.
        Lunch break waits for 13:00 | America/New_York | mon-fri 09:00-12:00,13:00-17:00 | 2026-10-20T12:15-04:00 | 2026-10-20T13:00-04:00
        Noon at the start of lunch waits for 13:00 | America/New_York | mon-fri 09:00-12:00,13:00-17:00 | 2026-10-20T12:00-04:00 | 2026-10-20T13:00-04:00
        # Round the clock: every instant is open, including the second 01:30 of Nov 1.
        Round the clock the repeated 01:30 EST is open | America/New_York | mon-sun 00:00-24:00 | 2026-11-01T01:30-05:00 | 2026-11-01T01:30-05:00
        # Night hours on Mar 8: 00:30 EST waits for 01:00 EST.
        Night hours on spring-forward day open at 01:00 EST | America/New_York | mon-sun 01:00-03:00 | 2026-03-08T00:30-05:00 | 2026-03-08T01:00-05:00
        # Closing on Mar 8 is 03:00 EDT: next opening Mar 9 01:00 EDT.
        Night hours closing at 03:00 EDT on spring-forward day open next on Monday 01:00 EDT | America/New_York | mon-sun 01:00-03:00 | 2026-03-08T03:00-04:00 | 2026-03-09T01:00-04:00
        # Second 01:30 on Nov 1 (06:30Z) is inside 05:00Z-08:00Z.
        Night hours: the repeated 01:30 EST is open | America/New_York | mon-sun 01:00-03:00 | 2026-11-01T01:30-05:00 | 2026-11-01T01:30-05:00
        # 02:59 EDT Oct 31 is open; 03:00 EDT closed -> Nov 1 01:00 EDT (05:00Z, first 01:00).
        Night hours closing Saturday open next at the first 01:00 EDT of the fall-back night | America/New_York | mon-sun 01:00-03:00 | 2026-10-31T03:00-04:00 | 2026-11-01T01:00-04:00
        # Hours to 24:00: Friday 23:59 open; Saturday 00:00 closed -> Monday 12:00.
        Hours to 24:00: Friday 23:59 is open | America/New_York | mon-fri 12:00-24:00 | 2026-10-16T23:59-04:00 | 2026-10-16T23:59-04:00
        Hours to 24:00: Saturday 00:00 opens next on Monday 12:00 | America/New_York | mon-fri 12:00-24:00 | 2026-10-17T00:00-04:00 | 2026-10-19T12:00-04:00
        # Weekend-only: Monday -> Saturday 10:00.
        Weekend-only calendar: Monday opens next on Saturday 10:00 | America/New_York | sat-sun 10:00-18:00 | 2026-10-19T09:00-04:00 | 2026-10-24T10:00-04:00
        # London: Fri Oct 30 16:00 EDT = 20:00 GMT -> Mon Nov 2 09:00 GMT.
        London team: Friday 16:00 New York time opens next on Monday 09:00 London | Europe/London | mon-fri 09:00-17:00 | 2026-10-30T16:00-04:00 | 2026-11-02T09:00+00:00
        # London: Wed 04:00 EDT = 09:00 BST -> open.
        London team: Wednesday 04:00 New York time is 09:00 London and open | Europe/London | mon-fri 09:00-17:00 | 2026-10-14T04:00-04:00 | 2026-10-14T04:00-04:00
        """)
    void nextOpening(String name, String zone, String calendar, String at, String expected) {
        long actual = zoned(calendar, zone).nextOpening(t(at));
        assertEquals(
                Instant.ofEpochMilli(t(expected)).atZone(ZoneId.of(zone)),
                Instant.ofEpochMilli(actual).atZone(ZoneId.of(zone)));
    }

    @Test
    void oneMillisecondBeforeClosingIsStillOpen() {
        long t = t("2026-10-15T17:00-04:00") - 1;
        assertEquals(t, zoned(STD, NY).nextOpening(t));
    }

    // ======================================================== IsOpen

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        # name | zone | calendar | t | open?
        09:00 is open | America/New_York | mon-fri 09:00-17:00 | 2026-10-15T09:00-04:00 | true
        17:00 is closed | America/New_York | mon-fri 09:00-17:00 | 2026-10-15T17:00-04:00 | false
        16:59 is open | America/New_York | mon-fri 09:00-17:00 | 2026-10-15T16:59-04:00 | true
        08:59 is closed | America/New_York | mon-fri 09:00-17:00 | 2026-10-15T08:59-04:00 | false
        Saturday noon is closed | America/New_York | mon-fri 09:00-17:00 | 2026-10-17T12:00-04:00 | false
        Holiday noon is closed | America/New_York | mon-fri 09:00-17:00; holidays 2026-10-12 | 2026-10-12T12:00-04:00 | false
        The day after the holiday is open | America/New_York | mon-fri 09:00-17:00; holidays 2026-10-12 | 2026-10-13T12:00-04:00 | true
        Monday after the US fall change 09:00 EST is open | America/New_York | mon-fri 09:00-17:00 | 2026-11-02T09:00-05:00 | true
        # 08:30 EST = 09:30 EDT would be open under the old offset, but Nov 2 local time is 08:30.
        Monday after the US fall change 08:30 EST is closed | America/New_York | mon-fri 09:00-17:00 | 2026-11-02T08:30-05:00 | false
        Lunch 12:00 is closed | America/New_York | mon-fri 09:00-12:00,13:00-17:00 | 2026-10-20T12:00-04:00 | false
        Lunch 11:59 is open | America/New_York | mon-fri 09:00-12:00,13:00-17:00 | 2026-10-20T11:59-04:00 | true
        After lunch 13:00 is open | America/New_York | mon-fri 09:00-12:00,13:00-17:00 | 2026-10-20T13:00-04:00 | true
        Short Friday 13:00 is closed | America/New_York | mon-thu 09:00-17:00; fri 09:00-13:00 | 2026-10-16T13:00-04:00 | false
        Short Friday 12:59 is open | America/New_York | mon-thu 09:00-17:00; fri 09:00-13:00 | 2026-10-16T12:59-04:00 | true
        Thursday 16:00 is open with a short Friday | America/New_York | mon-thu 09:00-17:00; fri 09:00-13:00 | 2026-10-15T16:00-04:00 | true
        Weekend-only Sunday 17:59 is open | America/New_York | sat-sun 10:00-18:00 | 2026-10-18T17:59-04:00 | true
        Weekend-only Wednesday noon is closed | America/New_York | sat-sun 10:00-18:00 | 2026-10-14T12:00-04:00 | false
        Hours to 24:00 Friday 23:59 is open | America/New_York | mon-fri 12:00-24:00 | 2026-10-16T23:59-04:00 | true
        Hours to 24:00 Saturday 00:00 is closed | America/New_York | mon-fri 12:00-24:00 | 2026-10-17T00:00-04:00 | false
        Hours to 24:00 Friday 11:59 is closed | America/New_York | mon-fri 12:00-24:00 | 2026-10-16T11:59-04:00 | false
        Night hours first 01:30 EDT of the fall-back night is open | America/New_York | mon-sun 01:00-03:00 | 2026-11-01T01:30-04:00 | true
        Night hours second 01:30 EST of the fall-back night is open | America/New_York | mon-sun 01:00-03:00 | 2026-11-01T01:30-05:00 | true
        Night hours 02:30 EST of the fall-back night is open | America/New_York | mon-sun 01:00-03:00 | 2026-11-01T02:30-05:00 | true
        Night hours 03:00 EST of the fall-back night is closed | America/New_York | mon-sun 01:00-03:00 | 2026-11-01T03:00-05:00 | false
        Night hours 00:59 EDT of the fall-back night is closed | America/New_York | mon-sun 01:00-03:00 | 2026-11-01T00:59-04:00 | false
        Night hours 01:59 EST of the spring-forward night is open | America/New_York | mon-sun 01:00-03:00 | 2026-03-08T01:59-05:00 | true
        Night hours 03:00 EDT of the spring-forward night is closed | America/New_York | mon-sun 01:00-03:00 | 2026-03-08T03:00-04:00 | false
        London night hours 02:30 BST of the spring-forward night is open | Europe/London | mon-sun 01:00-03:00 | 2026-03-29T02:30+01:00 | true
        London night hours 00:59 GMT of the spring-forward night is closed | Europe/London | mon-sun 01:00-03:00 | 2026-03-29T00:59+00:00 | false
        # 08:30 EDT = 13:30 BST: open in London, closed in New York.
        London team 08:30 New York time is 13:30 London and open | Europe/London | mon-fri 09:00-17:00 | 2026-10-14T08:30-04:00 | true
        New York team 08:30 New York time is closed | America/New_York | mon-fri 09:00-17:00 | 2026-10-14T08:30-04:00 | false
        # 12:30 EDT = 17:30 BST: closed in London, open in New York.
        London team 12:30 New York time is 17:30 London and closed | Europe/London | mon-fri 09:00-17:00 | 2026-10-14T12:30-04:00 | false
        New York team 12:30 New York time is open | America/New_York | mon-fri 09:00-17:00 | 2026-10-14T12:30-04:00 | true
        """)
    void isOpen(String name, String zone, String calendar, String at, boolean open) {
        assertEquals(open, zoned(calendar, zone).isOpen(t(at)));
    }

    // ======================================================== SpringGapBoundaries

    /**
     * Business hours whose boundary falls into the spring-forward gap (US 02:00-03:00 local on
     * 2026-03-08; EU London 01:00-02:00 local on 2026-03-29). The wall clock never shows those
     * times that day: hours 02:00-02:30 do not happen at all, an opening in the gap happens when the
     * clock jumps past it (03:00 EDT), and a closing in the gap likewise happens at the jump. The code
     * moves every gap boundary forward by the gap length (ZonedDateTime.of), which invents business
     * time after the jump.
     */
    @Test
    void hoursEntirelyInsideTheGapDoNotHappen() {
        ZonedCalendar c = zoned("mon-sun 02:00-02:30", NY);
        // 03:15 EDT: the wall clock reads 03:15, outside 02:00-02:30.
        assertFalse(c.isOpen(t("2026-03-08T03:15-04:00")));
        // The whole day: no instant has a local time in [02:00, 02:30) -> 0.
        assertEquals(0, c.businessMillis(t("2026-03-08T00:00-05:00"), t("2026-03-09T00:00-04:00")));
    }

    @Test
    void closingInTheGapHappensAtTheJump() {
        // 01:00 EST (06:00Z) until the jump at 07:00Z (01:59:59 EST -> 03:00 EDT, already past 02:30) = 60 min.
        ZonedCalendar c = zoned("mon-sun 01:00-02:30", NY);
        assertEquals(60 * MINUTE, c.businessMillis(t("2026-03-08T00:00-05:00"), t("2026-03-09T00:00-04:00")));
        assertFalse(c.isOpen(t("2026-03-08T03:15-04:00")));
    }

    @Test
    void openingInTheGapHappensAtTheJump() {
        // From the jump at 07:00Z (03:00 EDT, already past 02:30) until 04:00 EDT (08:00Z) = 60 min.
        ZonedCalendar c = zoned("mon-sun 02:30-04:00", NY);
        assertEquals(60 * MINUTE, c.businessMillis(t("2026-03-08T00:00-05:00"), t("2026-03-09T00:00-04:00")));
        assertTrue(c.isOpen(t("2026-03-08T03:15-04:00")));
    }

    @Test
    void openingAtTheStartOfTheGapIsTheJump() {
        // London 01:00 local does not exist on Mar 29 (01:00 GMT -> 02:00 BST at 01:00Z). The clock
        // passes 01:00 at the jump, 01:00Z = 02:00 BST; moving by the gap length gives the same instant.
        ZonedCalendar c = zoned("mon-sun 01:00-03:00", "Europe/London");
        assertEquals(t("2026-03-29T02:00+01:00"), c.nextOpening(t("2026-03-29T00:30+00:00")));
    }
}
