package dev.l2r.calendar;

import static dev.l2r.calendar.TestCalendars.clock;
import static dev.l2r.calendar.TestCalendars.t;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import java.time.Instant;
import java.time.ZoneId;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hand-computed deadlines of {@link FollowUpClock#deadline(long)} (SPEC section 2, "Precise
 * semantics"). Every expected value was worked out by hand from the calendar, the zone's offsets
 * and the window; the reasoning is the comment above each row. Nothing here is computed by the code
 * under test.
 *
 * <p>Offsets used: America/New_York EDT -04:00 until 2026-11-01 02:00 local (then EST -05:00) and
 * from 2026-03-08 02:00 EST (03:00 EDT); Europe/London BST +01:00 from 2026-03-29 01:00Z to
 * 2026-10-25 01:00Z, else GMT +00:00; Europe/Berlin CEST +02:00 over the same instants, else CET
 * +01:00; Asia/Tokyo +09:00 all year. Weekdays: 2026-10-09 Fri, 10-12 Mon, 10-30 Fri, 10-31 Sat,
 * 11-01 Sun, 11-26 Thu, 12-25 Fri, 03-07 Sat, 03-08 Sun, 03-28 Sat, 03-29 Sun.
 */
class FollowUpDeadlineTableTest {

    static final String NY = "America/New_York";
    static final String LONDON = "Europe/London";
    static final String BERLIN = "Europe/Berlin";
    static final String TOKYO = "Asia/Tokyo";

    /** The SPEC worked example calendar. */
    static final String EXAMPLE = "mon-fri 09:00-17:00; holidays 2026-10-12";

    static final String STD = "mon-fri 09:00-17:00";
    static final String US_HOLIDAYS = "mon-fri 09:00-17:00; holidays 2026-10-12,2026-11-26,2026-12-25";
    static final String LUNCH = "mon-fri 09:00-12:00,13:00-17:00";
    static final String SHORT_FRIDAY = "mon-thu 09:00-17:00; fri 09:00-13:00";
    static final String WEEKEND = "sat-sun 10:00-18:00";
    static final String ALL_DAY = "mon-sun 00:00-24:00";
    static final String WEEKDAYS_ALL_DAY = "mon-fri 00:00-24:00";
    static final String AFTERNOON_TO_MIDNIGHT = "mon-fri 12:00-24:00";
    static final String NIGHT = "mon-sun 01:00-03:00";

    private static Arguments row(
            String name, String zone, String calendar, String from, String window, String expected) {
        return argumentSet(name, zone, calendar, from, window, expected);
    }

    static Stream<Arguments> deadlines() {
        return Stream.of(
                // ---------------------------------------------------------------- SPEC worked example
                // Fri 15:00-17:00 = 2h; Sat, Sun closed; Mon 12 holiday; Tue 09:00 + remaining 2h = 11:00 EDT.
                // (touch at Tue 10:30 is 2h + 1.5h = 3.5h: before the deadline, met.)
                row(
                        "Worked example: MQL Fri Oct 9 15:00, 4 business hours, Mon holiday -> Tue Oct 13 11:00",
                        NY,
                        EXAMPLE,
                        "2026-10-09T15:00-04:00",
                        "4 business hours",
                        "2026-10-13T11:00-04:00"),
                // 13:00 + 4h = 17:00 exactly = closing, so the paused clock runs on to Wed 09:00.
                row(
                        "Worked example: MQL Tue Oct 13 13:00, 4 business hours ends at 17:00 -> runs on to Wed 09:00",
                        NY,
                        EXAMPLE,
                        "2026-10-13T13:00-04:00",
                        "4 business hours",
                        "2026-10-14T09:00-04:00"),
                // 10:00 + 4h = 14:00, all inside Thu's hours.
                row(
                        "Worked example: MQL Thu Oct 29 10:00, 4 business hours -> 14:00",
                        NY,
                        EXAMPLE,
                        "2026-10-29T10:00-04:00",
                        "4 business hours",
                        "2026-10-29T14:00-04:00"),
                // Fri 16:00-17:00 = 1h (EDT); weekend (US DST change Sun Nov 1); Mon 09:00 EST + 3h = 12:00 EST.
                row(
                        "Worked example: MQL Fri Oct 30 16:00, 4 business hours -> Mon Nov 2 12:00 EST after DST change",
                        NY,
                        EXAMPLE,
                        "2026-10-30T16:00-04:00",
                        "4 business hours",
                        "2026-11-02T12:00-05:00"),

                // ---------------------------------------------------------------- standard hours, edges
                // Fri 16:30-17:00 = 0.5h; Mon 09:00 EST + 3.5h = 12:30 EST.
                row(
                        "MQL Friday 16:30, 4 business hours -> Monday 12:30",
                        NY,
                        STD,
                        "2026-10-30T16:30-04:00",
                        "4 business hours",
                        "2026-11-02T12:30-05:00"),
                // 17:00 is excluded (half-open), so the clock starts Thu 09:00; + 1h = 10:00.
                row(
                        "MQL Wed 17:00 exactly starts Thu 09:00, 1 business hour -> Thu 10:00",
                        NY,
                        STD,
                        "2026-10-14T17:00-04:00",
                        "1 business hour",
                        "2026-10-15T10:00-04:00"),
                // 09:00 is included; 09:00 + 8h = 17:00 = closing -> next opening Fri 09:00.
                row(
                        "MQL Thu 09:00, 8 business hours uses the whole day -> runs on to Fri 09:00",
                        NY,
                        STD,
                        "2026-10-15T09:00-04:00",
                        "8 business hours",
                        "2026-10-16T09:00-04:00"),
                // Before opening: starts 09:00; + 30 min = 09:30.
                row(
                        "MQL Thu 07:45 before opening, 30 business minutes -> 09:30",
                        NY,
                        STD,
                        "2026-10-15T07:45-04:00",
                        "30 business minutes",
                        "2026-10-15T09:30-04:00"),
                // Saturday: starts Mon 09:00; + 90 min = 10:30.
                row(
                        "MQL Saturday 11:00, 90 business minutes -> Monday 10:30",
                        NY,
                        STD,
                        "2026-10-17T11:00-04:00",
                        "90 business minutes",
                        "2026-10-19T10:30-04:00"),
                // Thu 10:15-17:00 = 6h45m; remaining 1h15m from Fri 09:00 = 10:15.
                row(
                        "MQL Thu 10:15, 8 business hours -> Fri 10:15",
                        NY,
                        STD,
                        "2026-10-15T10:15-04:00",
                        "8 business hours",
                        "2026-10-16T10:15-04:00"),
                // 16:59 + 1 min = 17:00 = closing -> runs on to Wed 09:00.
                row(
                        "MQL Tue 16:59, 1 business minute ends at 17:00 -> runs on to Wed 09:00",
                        NY,
                        STD,
                        "2026-10-20T16:59-04:00",
                        "1 business minute",
                        "2026-10-21T09:00-04:00"),
                // 1 min Tue (16:59-17:00), 1 min Wed from 09:00 -> 09:01.
                row(
                        "MQL Tue 16:59, 2 business minutes -> Wed 09:01",
                        NY,
                        STD,
                        "2026-10-20T16:59-04:00",
                        "2 business minutes",
                        "2026-10-21T09:01-04:00"),

                // ---------------------------------------------------------------- holidays
                // Mon Oct 12 is a holiday: no hours; starts Tue 09:00; + 2h = 11:00.
                row(
                        "MQL on holiday Mon Oct 12 10:00, 2 business hours -> Tue 11:00",
                        NY,
                        US_HOLIDAYS,
                        "2026-10-12T10:00-04:00",
                        "2 business hours",
                        "2026-10-13T11:00-04:00"),
                // Wed 7 11:00-17:00 6h (6), Thu 8h (14), Fri 8h (22), Mon 12 holiday, Tue 8h (30), Wed 8h (38),
                // Thu 15 09:00 + 2h = 11:00.
                row(
                        "MQL Wed Oct 7 11:00, 40 business hours over a holiday -> Thu Oct 15 11:00",
                        NY,
                        US_HOLIDAYS,
                        "2026-10-07T11:00-04:00",
                        "40 business hours",
                        "2026-10-15T11:00-04:00"),
                // Wed Nov 25 15:00-17:00 2h; Thu 26 holiday; Fri 27 09:00 + 6h = 15:00 EST.
                row(
                        "MQL Wed before Thanksgiving 15:00, 8 business hours -> Fri 15:00",
                        NY,
                        US_HOLIDAYS,
                        "2026-11-25T15:00-05:00",
                        "8 business hours",
                        "2026-11-27T15:00-05:00"),
                // Thu Dec 24 16:00-17:00 1h; Fri 25 holiday; weekend; Mon 28 09:00 + 1h = 10:00.
                row(
                        "MQL Thu Dec 24 16:00, 2 business hours over Christmas -> Mon Dec 28 10:00",
                        NY,
                        US_HOLIDAYS,
                        "2026-12-24T16:00-05:00",
                        "2 business hours",
                        "2026-12-28T10:00-05:00"),

                // ---------------------------------------------------------------- business days
                // Same time of day two business days later: Tue -> Thu 10:30.
                row(
                        "MQL Tue 10:30, 2 business days -> Thu 10:30",
                        NY,
                        US_HOLIDAYS,
                        "2026-10-13T10:30-04:00",
                        "2 business days",
                        "2026-10-15T10:30-04:00"),
                // Business days after Fri Oct 9: Mon 12 holiday skipped, Tue 13 (1), Wed 14 (2) -> Wed 15:00.
                row(
                        "MQL Fri Oct 9 15:00, 2 business days skipping holiday Monday -> Wed 15:00",
                        NY,
                        US_HOLIDAYS,
                        "2026-10-09T15:00-04:00",
                        "2 business days",
                        "2026-10-14T15:00-04:00"),
                // Fri 18:00 is after hours: start moves to Mon 19 09:00; one business day later Tue 09:00.
                row(
                        "MQL Fri 18:00 after hours, 1 business day from Monday's opening -> Tue 09:00",
                        NY,
                        STD,
                        "2026-10-16T18:00-04:00",
                        "1 business day",
                        "2026-10-20T09:00-04:00"),
                // 17:00 excluded: start Thu 15 09:00; +2 business days: Fri 16, Mon 19 -> Mon 09:00.
                row(
                        "MQL Wed 17:00 exactly, 2 business days from Thursday's opening -> Mon 09:00",
                        NY,
                        STD,
                        "2026-10-14T17:00-04:00",
                        "2 business days",
                        "2026-10-19T09:00-04:00"),
                // Holiday start: moves to Tue 13 09:00; +1 business day = Wed 14 09:00.
                row(
                        "MQL on holiday Mon Oct 12, 1 business day from Tuesday's opening -> Wed 09:00",
                        NY,
                        US_HOLIDAYS,
                        "2026-10-12T10:00-04:00",
                        "1 business day",
                        "2026-10-14T09:00-04:00"),
                // Fri Oct 30 11:00 EDT; next business day Mon Nov 2 (after US DST change): 11:00 EST.
                row(
                        "MQL Fri Oct 30 11:00 EDT, 1 business day across the US fall change -> Mon 11:00 EST",
                        NY,
                        STD,
                        "2026-10-30T11:00-04:00",
                        "1 business day",
                        "2026-11-02T11:00-05:00"),
                // Fri Mar 6 14:00 EST; next business day Mon Mar 9 (after US spring change): 14:00 EDT.
                row(
                        "MQL Fri Mar 6 14:00 EST, 1 business day across the US spring change -> Mon 14:00 EDT",
                        NY,
                        STD,
                        "2026-03-06T14:00-05:00",
                        "1 business day",
                        "2026-03-09T14:00-04:00"),
                // Wed Nov 25; business days: Fri 27 (1, Thu 26 holiday), Mon 30 (2), Tue Dec 1 (3), Wed 2 (4), Thu 3
                // (5).
                row(
                        "MQL Wed Nov 25 10:00, 5 business days over Thanksgiving -> Thu Dec 3 10:00",
                        NY,
                        US_HOLIDAYS,
                        "2026-11-25T10:00-05:00",
                        "5 business days",
                        "2026-12-03T10:00-05:00"),

                // ---------------------------------------------------------------- per-team zones
                // 10:30 EDT = 15:30 BST (London 5h ahead in mid-October). London hours: Wed 15:30-17:00 1.5h;
                // Thu 09:00 BST + 2.5h = 11:30 BST.
                row(
                        "London team, MQL Wed 10:30 New York time (15:30 London), 4 business hours -> Thu 11:30 London",
                        LONDON,
                        STD,
                        "2026-10-14T10:30-04:00",
                        "4 business hours",
                        "2026-10-15T11:30+01:00"),
                // Worked-example MQL Fri Oct 30 16:00 EDT = 20:00Z = 20:00 GMT (London already on GMT since Oct 25):
                // after hours, starts Mon Nov 2 09:00 GMT; + 4h = 13:00 GMT (= 08:00 EST).
                row(
                        "London team, MQL Fri Oct 30 16:00 New York time (20:00 London), 4 business hours -> Mon 13:00 London",
                        LONDON,
                        STD,
                        "2026-10-30T16:00-04:00",
                        "4 business hours",
                        "2026-11-02T13:00+00:00"),
                // Fri Oct 23 15:00 BST: 2h Fri; Mon Oct 26 (after EU change) 09:00 GMT + 2h = 11:00 GMT.
                row(
                        "London team, MQL Fri Oct 23 15:00 BST, 4 business hours across the EU change -> Mon 11:00 GMT",
                        LONDON,
                        STD,
                        "2026-10-23T15:00+01:00",
                        "4 business hours",
                        "2026-10-26T11:00+00:00"),
                // Same instant observed in New York: 15:00 BST = 14:00Z = 10:00 EDT; + 4h = 14:00 EDT the same day.
                row(
                        "New York team, same MQL Fri Oct 23 15:00 BST (10:00 New York), 4 business hours -> Fri 14:00 New York",
                        NY,
                        STD,
                        "2026-10-23T15:00+01:00",
                        "4 business hours",
                        "2026-10-23T14:00-04:00"),
                // London mid-gap between EU and US changes: 12:00 EDT = 16:00Z = 16:00 GMT; 1h Fri; Mon 09:00 GMT + 1h.
                row(
                        "London team, MQL Fri Oct 30 12:00 New York time (16:00 London), 2 business hours -> Mon 10:00 London",
                        LONDON,
                        STD,
                        "2026-10-30T12:00-04:00",
                        "2 business hours",
                        "2026-11-02T10:00+00:00"),
                // Berlin Fri Oct 23 16:00 CEST: 1h Fri; Mon Oct 26 09:00 CET + 1h = 10:00 CET.
                row(
                        "Berlin team, MQL Fri Oct 23 16:00 CEST, 2 business hours across the EU change -> Mon 10:00 CET",
                        BERLIN,
                        STD,
                        "2026-10-23T16:00+02:00",
                        "2 business hours",
                        "2026-10-26T10:00+01:00"),
                // 20:00 EDT Fri = 00:00Z Sat = 09:00 JST Saturday: closed; Mon Nov 2 09:00 JST + 1h = 10:00 JST.
                row(
                        "Tokyo team, MQL Fri Oct 30 20:00 New York time (Sat 09:00 Tokyo), 1 business hour -> Mon 10:00 Tokyo",
                        TOKYO,
                        STD,
                        "2026-10-30T20:00-04:00",
                        "1 business hour",
                        "2026-11-02T10:00+09:00"),
                // London Fri Oct 23 10:00 BST; next business day Mon Oct 26 at 10:00 GMT.
                row(
                        "London team, MQL Fri Oct 23 10:00 BST, 1 business day across the EU change -> Mon 10:00 GMT",
                        LONDON,
                        STD,
                        "2026-10-23T10:00+01:00",
                        "1 business day",
                        "2026-10-26T10:00+00:00"),
                // London Fri Mar 27 15:00 GMT: 2h Fri; Mon Mar 30 (after EU spring change) 09:00 BST + 2h = 11:00 BST.
                row(
                        "London team, MQL Fri Mar 27 15:00 GMT, 4 business hours across the EU spring change -> Mon 11:00 BST",
                        LONDON,
                        STD,
                        "2026-03-27T15:00+00:00",
                        "4 business hours",
                        "2026-03-30T11:00+01:00"),

                // ---------------------------------------------------------------- lunch breaks
                // 10:00 + 2h = 12:00 = closing of the morning span -> runs on to 13:00.
                row(
                        "Lunch calendar, MQL Tue 10:00, 2 business hours ends at 12:00 -> runs on to 13:00",
                        NY,
                        LUNCH,
                        "2026-10-20T10:00-04:00",
                        "2 business hours",
                        "2026-10-20T13:00-04:00"),
                // 10:00-12:00 2h, then 13:00 + 1h = 14:00.
                row(
                        "Lunch calendar, MQL Tue 10:00, 3 business hours skips lunch -> 14:00",
                        NY,
                        LUNCH,
                        "2026-10-20T10:00-04:00",
                        "3 business hours",
                        "2026-10-20T14:00-04:00"),
                // 12:30 is in the break: starts 13:00; + 1h = 14:00.
                row(
                        "Lunch calendar, MQL Tue 12:30 during lunch, 1 business hour -> 14:00",
                        NY,
                        LUNCH,
                        "2026-10-20T12:30-04:00",
                        "1 business hour",
                        "2026-10-20T14:00-04:00"),
                // A lunch day has 7 business hours: Tue 09:00-17:00 gives 7h; Wed 09:00 + 1h = 10:00.
                row(
                        "Lunch calendar, MQL Tue 09:00, 8 business hours (7-hour days) -> Wed 10:00",
                        NY,
                        LUNCH,
                        "2026-10-20T09:00-04:00",
                        "8 business hours",
                        "2026-10-21T10:00-04:00"),
                // Tue 16:00-17:00 1h; Wed 09:00 + 3h = 12:00 = closing -> runs on to 13:00.
                row(
                        "Lunch calendar, MQL Tue 16:00, 4 business hours ends at Wed 12:00 -> runs on to Wed 13:00",
                        NY,
                        LUNCH,
                        "2026-10-20T16:00-04:00",
                        "4 business hours",
                        "2026-10-21T13:00-04:00"),
                // Start in the break moves to 13:00; same business time of day next business day = Wed 13:00.
                row(
                        "Lunch calendar, MQL Tue 12:30 during lunch, 1 business day -> Wed 13:00",
                        NY,
                        LUNCH,
                        "2026-10-20T12:30-04:00",
                        "1 business day",
                        "2026-10-21T13:00-04:00"),

                // ---------------------------------------------------------------- days with different hours
                // Fri 12:00-13:00 1h; Mon 09:00 + 1h = 10:00.
                row(
                        "Short Friday 09:00-13:00, MQL Fri 12:00, 2 business hours -> Mon 10:00",
                        NY,
                        SHORT_FRIDAY,
                        "2026-10-16T12:00-04:00",
                        "2 business hours",
                        "2026-10-19T10:00-04:00"),
                // Fri 11:00 + 2h = 13:00 = Friday's closing -> runs on to Mon 09:00.
                row(
                        "Short Friday 09:00-13:00, MQL Fri 11:00, 2 business hours ends at 13:00 -> runs on to Mon 09:00",
                        NY,
                        SHORT_FRIDAY,
                        "2026-10-16T11:00-04:00",
                        "2 business hours",
                        "2026-10-19T09:00-04:00"),
                // Fri 14:00 is after Friday's close: starts Mon 09:00; + 1h = 10:00.
                row(
                        "Short Friday 09:00-13:00, MQL Fri 14:00 after close, 1 business hour -> Mon 10:00",
                        NY,
                        SHORT_FRIDAY,
                        "2026-10-16T14:00-04:00",
                        "1 business hour",
                        "2026-10-19T10:00-04:00"),
                // Thu 15:00-17:00 2h (2); Fri 09:00-13:00 4h (6); Mon 09:00 + 2h = 11:00.
                row(
                        "Short Friday 09:00-13:00, MQL Thu 15:00, 8 business hours -> Mon 11:00",
                        NY,
                        SHORT_FRIDAY,
                        "2026-10-15T15:00-04:00",
                        "8 business hours",
                        "2026-10-19T11:00-04:00"),
                // Thu 12:00 -> Fri 12:00 (inside Friday's shorter hours).
                row(
                        "Short Friday 09:00-13:00, MQL Thu 12:00, 1 business day -> Fri 12:00",
                        NY,
                        SHORT_FRIDAY,
                        "2026-10-15T12:00-04:00",
                        "1 business day",
                        "2026-10-16T12:00-04:00"),
                // Thu 15:00 is past Friday's whole day (Fri closes 13:00): the day is used up at Fri's closing,
                // which runs on to the next opening, Mon 09:00.
                row(
                        "Short Friday 09:00-13:00, MQL Thu 15:00, 1 business day past Friday's close -> Mon 09:00",
                        NY,
                        SHORT_FRIDAY,
                        "2026-10-15T15:00-04:00",
                        "1 business day",
                        "2026-10-19T09:00-04:00"),

                // ---------------------------------------------------------------- weekend-only calendar
                // Wednesday is closed: starts Sat 17 10:00; + 4h = 14:00.
                row(
                        "Weekend-only calendar, MQL Wed 12:00, 4 business hours -> Sat 14:00",
                        NY,
                        WEEKEND,
                        "2026-10-14T12:00-04:00",
                        "4 business hours",
                        "2026-10-17T14:00-04:00"),
                // Sun 16:00-18:00 2h; next opening Sat 24 10:00 + 2h = 12:00.
                row(
                        "Weekend-only calendar, MQL Sun 16:00, 4 business hours -> next Sat 12:00",
                        NY,
                        WEEKEND,
                        "2026-10-18T16:00-04:00",
                        "4 business hours",
                        "2026-10-24T12:00-04:00"),
                // Sun 14:00 + 4h = 18:00 = closing -> runs on to Sat 24 10:00.
                row(
                        "Weekend-only calendar, MQL Sun 14:00, 4 business hours ends at 18:00 -> runs on to next Sat 10:00",
                        NY,
                        WEEKEND,
                        "2026-10-18T14:00-04:00",
                        "4 business hours",
                        "2026-10-24T10:00-04:00"),
                // Next business day after Sun 18 is Sat 24: 11:00.
                row(
                        "Weekend-only calendar, MQL Sun 11:00, 1 business day -> next Sat 11:00",
                        NY,
                        WEEKEND,
                        "2026-10-18T11:00-04:00",
                        "1 business day",
                        "2026-10-24T11:00-04:00"),
                // Sat Oct 31 16:00-18:00 EDT 2h; Sun Nov 1 (EST now) 10:00 + 2h = 12:00 EST.
                row(
                        "Weekend-only calendar, MQL Sat Oct 31 16:00 EDT, 4 business hours -> Sun 12:00 EST",
                        NY,
                        WEEKEND,
                        "2026-10-31T16:00-04:00",
                        "4 business hours",
                        "2026-11-01T12:00-05:00"),

                // ---------------------------------------------------------------- 24:00 ends
                // Fri 22:00 + 2h = 24:00 = Friday's closing; Sat/Sun closed -> runs on to Mon 12:00.
                row(
                        "Hours 12:00-24:00, MQL Fri 22:00, 2 business hours ends at midnight -> runs on to Mon 12:00",
                        NY,
                        AFTERNOON_TO_MIDNIGHT,
                        "2026-10-16T22:00-04:00",
                        "2 business hours",
                        "2026-10-19T12:00-04:00"),
                // Thu 23:00-24:00 1h; Fri 12:00 + 1h = 13:00.
                row(
                        "Hours 12:00-24:00, MQL Thu 23:00, 2 business hours -> Fri 13:00",
                        NY,
                        AFTERNOON_TO_MIDNIGHT,
                        "2026-10-15T23:00-04:00",
                        "2 business hours",
                        "2026-10-16T13:00-04:00"),
                // Open round the clock: Thu 23:00 + 2h = Fri 01:00 (Fri opens at 00:00, no pause).
                row(
                        "Hours 00:00-24:00 every day, MQL Thu 23:00, 2 business hours -> Fri 01:00",
                        NY,
                        ALL_DAY,
                        "2026-10-15T23:00-04:00",
                        "2 business hours",
                        "2026-10-16T01:00-04:00"),
                // Thu 22:00 + 2h = 24:00 Thu = 00:00 Fri, which is open (Fri 00:00-24:00) -> stays Fri 00:00.
                row(
                        "Hours 00:00-24:00 every day, MQL Thu 22:00, 2 business hours ends at midnight that is open -> Fri 00:00",
                        NY,
                        ALL_DAY,
                        "2026-10-15T22:00-04:00",
                        "2 business hours",
                        "2026-10-16T00:00-04:00"),
                // Fri 22:00 + 2h = Sat 00:00, Saturday closed -> runs on to Mon 00:00.
                row(
                        "Hours 00:00-24:00 weekdays, MQL Fri 22:00, 2 business hours ends at Saturday midnight -> Mon 00:00",
                        NY,
                        WEEKDAYS_ALL_DAY,
                        "2026-10-16T22:00-04:00",
                        "2 business hours",
                        "2026-10-19T00:00-04:00"),
                // Same business time of day: Thu 23:30 -> Fri 23:30.
                row(
                        "Hours 00:00-24:00 every day, MQL Thu 23:30, 1 business day -> Fri 23:30",
                        NY,
                        ALL_DAY,
                        "2026-10-15T23:30-04:00",
                        "1 business day",
                        "2026-10-16T23:30-04:00"),

                // ---------------------------------------------------------------- DST days with 23/25 business hours
                // Sat 12:00-24:00 EDT = 12h; Sun Nov 1 starts 00:00 EDT = 04:00Z, + 12h = 16:00Z = 11:00 EST.
                row(
                        "Round the clock, MQL Sat Oct 31 12:00 EDT, 24 business hours over the 25-hour Sunday -> Sun 11:00 EST",
                        NY,
                        ALL_DAY,
                        "2026-10-31T12:00-04:00",
                        "24 business hours",
                        "2026-11-01T11:00-05:00"),
                // Sun Nov 1 is 25 hours long: 00:00 EDT (04:00Z) + 25h = Mon 05:00Z = Mon 00:00 EST, open.
                row(
                        "Round the clock, MQL Sun Nov 1 00:00 EDT, 25 business hours = the whole 25-hour day -> Mon 00:00 EST",
                        NY,
                        ALL_DAY,
                        "2026-11-01T00:00-04:00",
                        "25 business hours",
                        "2026-11-02T00:00-05:00"),
                // Sat Mar 7 12:00-24:00 EST = 12h; Sun Mar 8 00:00 EST = 05:00Z, + 12h = 17:00Z = 13:00 EDT.
                row(
                        "Round the clock, MQL Sat Mar 7 12:00 EST, 24 business hours over the 23-hour Sunday -> Sun 13:00 EDT",
                        NY,
                        ALL_DAY,
                        "2026-03-07T12:00-05:00",
                        "24 business hours",
                        "2026-03-08T13:00-04:00"),
                // Sun Mar 8 is 23 hours: 00:00 EST (05:00Z) + 23h = 04:00Z Mar 9 = Mon 00:00 EDT.
                row(
                        "Round the clock, MQL Sun Mar 8 00:00 EST, 23 business hours = the whole 23-hour day -> Mon 00:00 EDT",
                        NY,
                        ALL_DAY,
                        "2026-03-08T00:00-05:00",
                        "23 business hours",
                        "2026-03-09T00:00-04:00"),
                // London Sat Oct 24 12:00 BST to midnight BST (Oct 24 23:00Z) = 12h; Sun Oct 25 has 25h;
                // 23:00Z + 12h = 11:00Z = 11:00 GMT.
                row(
                        "Round the clock London, MQL Sat Oct 24 12:00 BST, 24 business hours over the 25-hour Sunday -> Sun 11:00 GMT",
                        LONDON,
                        ALL_DAY,
                        "2026-10-24T12:00+01:00",
                        "24 business hours",
                        "2026-10-25T11:00+00:00"),
                // Sat 12:00 EDT -> Mon Nov 2: same time of day two business days later, 12:00 EST.
                row(
                        "Round the clock, MQL Sat Oct 31 12:00 EDT, 2 business days across the 25-hour Sunday -> Mon 12:00 EST",
                        NY,
                        ALL_DAY,
                        "2026-10-31T12:00-04:00",
                        "2 business days",
                        "2026-11-02T12:00-05:00"),
                // 01:00-03:00 span on Nov 1: 01:00 EDT (05:00Z) until 03:00 EST (08:00Z) = 3h of business time.
                // 05:00Z + 2.5h = 07:30Z = 02:30 EST.
                row(
                        "Night hours 01:00-03:00, MQL Sun Nov 1 01:00 EDT, 150 business minutes fit in the 3-hour DST night -> 02:30 EST",
                        NY,
                        NIGHT,
                        "2026-11-01T01:00-04:00",
                        "150 business minutes",
                        "2026-11-01T02:30-05:00"),
                // Sat Oct 31 02:00-03:00 EDT = 1h; Sun Nov 1 01:00 EDT (05:00Z) + 2h = 07:00Z = 02:00 EST.
                row(
                        "Night hours 01:00-03:00, MQL Sat Oct 31 02:00 EDT, 3 business hours -> Sun 02:00 EST",
                        NY,
                        NIGHT,
                        "2026-10-31T02:00-04:00",
                        "3 business hours",
                        "2026-11-01T02:00-05:00"),
                // Sat 01:00-03:00 EDT 2h (2); Sun Nov 1 3h (5) ends at 03:00 EST = closing -> Mon Nov 2 01:00 EST.
                row(
                        "Night hours 01:00-03:00, MQL Sat Oct 31 01:00 EDT, 5 business hours ends at Sunday's closing -> Mon 01:00 EST",
                        NY,
                        NIGHT,
                        "2026-10-31T01:00-04:00",
                        "5 business hours",
                        "2026-11-02T01:00-05:00"),
                // Mar 8: 01:00 EST (06:00Z) until 03:00 EDT (07:00Z) = 1h; then Mon Mar 9 01:00 EDT + 30 min.
                row(
                        "Night hours 01:00-03:00, MQL Sun Mar 8 01:00 EST, 90 business minutes over the 1-hour DST night -> Mon 01:30 EDT",
                        NY,
                        NIGHT,
                        "2026-03-08T01:00-05:00",
                        "90 business minutes",
                        "2026-03-09T01:30-04:00"),
                // Mar 8 01:30 EST (06:30Z) + 30 min = 07:00Z = 03:00 EDT = closing -> Mon 01:00 EDT.
                row(
                        "Night hours 01:00-03:00, MQL Sun Mar 8 01:30 EST, 30 business minutes end at 03:00 EDT -> runs on to Mon 01:00 EDT",
                        NY,
                        NIGHT,
                        "2026-03-08T01:30-05:00",
                        "30 business minutes",
                        "2026-03-09T01:00-04:00"),
                // London Oct 25: 01:00 BST (00:00Z) until 03:00 GMT (03:00Z) = 3h; 00:00Z + 2.5h = 02:30 GMT.
                row(
                        "Night hours 01:00-03:00 London, MQL Sun Oct 25 01:00 BST, 150 business minutes -> 02:30 GMT",
                        LONDON,
                        NIGHT,
                        "2026-10-25T01:00+01:00",
                        "150 business minutes",
                        "2026-10-25T02:30+00:00"),
                // London Sat Mar 28 02:30-03:00 GMT 30 min; Sun Mar 29 clock jumps 01:00 GMT -> 02:00 BST at 01:00Z,
                // so the night is 02:00-03:00 BST (01:00Z-02:00Z) = 1h; 30 min + 1h ends at 03:00 BST closing
                // -> runs on to Mon Mar 30 01:00 BST.
                row(
                        "Night hours 01:00-03:00 London, MQL Sat Mar 28 02:30 GMT, 90 business minutes over the 1-hour DST night -> Mon 01:00 BST",
                        LONDON,
                        NIGHT,
                        "2026-03-28T02:30+00:00",
                        "90 business minutes",
                        "2026-03-30T01:00+01:00"),

                // ---------------------------------------------------------------- calendar windows
                // Exact elapsed time: 16:00Z Sat + 24h = 16:00Z Sun = 11:00 EST.
                row(
                        "Calendar window, MQL Sat Oct 31 12:00 EDT, 24 hours across the US fall change -> Sun 11:00 EST",
                        NY,
                        STD,
                        "2026-10-31T12:00-04:00",
                        "24 hours",
                        "2026-11-01T11:00-05:00"),
                // Same wall-clock time one day later: Sun 12:00 EST (25 real hours).
                row(
                        "Calendar window, MQL Sat Oct 31 12:00 EDT, 1 days across the US fall change -> Sun 12:00 EST",
                        NY,
                        STD,
                        "2026-10-31T12:00-04:00",
                        "1 days",
                        "2026-11-01T12:00-05:00"),
                // 17:00Z Sat + 24h = 17:00Z Sun = 13:00 EDT.
                row(
                        "Calendar window, MQL Sat Mar 7 12:00 EST, 24 hours across the US spring change -> Sun 13:00 EDT",
                        NY,
                        STD,
                        "2026-03-07T12:00-05:00",
                        "24 hours",
                        "2026-03-08T13:00-04:00"),
                // Same wall-clock time one day later: Sun 12:00 EDT (23 real hours).
                row(
                        "Calendar window, MQL Sat Mar 7 12:00 EST, 1 day across the US spring change -> Sun 12:00 EDT",
                        NY,
                        STD,
                        "2026-03-07T12:00-05:00",
                        "1 day",
                        "2026-03-08T12:00-04:00"),
                // 13:00Z Fri + 48h = 13:00Z Sun = 08:00 EST.
                row(
                        "Calendar window, MQL Fri Oct 30 09:00 EDT, 48 hours -> Sun 08:00 EST",
                        NY,
                        STD,
                        "2026-10-30T09:00-04:00",
                        "48 hours",
                        "2026-11-01T08:00-05:00"),
                // Same wall-clock two days later: Sun 09:00 EST.
                row(
                        "Calendar window, MQL Fri Oct 30 09:00 EDT, 2 days -> Sun 09:00 EST",
                        NY,
                        STD,
                        "2026-10-30T09:00-04:00",
                        "2 days",
                        "2026-11-01T09:00-05:00"),
                // London: 11:00Z Sat + 24h = 11:00Z Sun = 11:00 GMT.
                row(
                        "Calendar window London, MQL Sat Oct 24 12:00 BST, 24 hours across the EU change -> Sun 11:00 GMT",
                        LONDON,
                        STD,
                        "2026-10-24T12:00+01:00",
                        "24 hours",
                        "2026-10-25T11:00+00:00"),
                // London: same wall-clock next day = Sun 12:00 GMT.
                row(
                        "Calendar window London, MQL Sat Oct 24 12:00 BST, 1 days across the EU change -> Sun 12:00 GMT",
                        LONDON,
                        STD,
                        "2026-10-24T12:00+01:00",
                        "1 days",
                        "2026-10-25T12:00+00:00"),
                // Berlin: 18:00 CEST = 16:00Z, + 24h = 16:00Z Sun = 17:00 CET.
                row(
                        "Calendar window Berlin, MQL Sat Oct 24 18:00 CEST, 24 hours across the EU change -> Sun 17:00 CET",
                        BERLIN,
                        STD,
                        "2026-10-24T18:00+02:00",
                        "24 hours",
                        "2026-10-25T17:00+01:00"),
                // Berlin: same wall-clock next day = Sun 18:00 CET.
                row(
                        "Calendar window Berlin, MQL Sat Oct 24 18:00 CEST, 1 days across the EU change -> Sun 18:00 CET",
                        BERLIN,
                        STD,
                        "2026-10-24T18:00+02:00",
                        "1 days",
                        "2026-10-25T18:00+01:00"),
                // Berlin spring: 12:00 CET = 11:00Z, + 24h = 11:00Z Sun = 13:00 CEST.
                row(
                        "Calendar window Berlin, MQL Sat Mar 28 12:00 CET, 24 hours across the EU spring change -> Sun 13:00 CEST",
                        BERLIN,
                        STD,
                        "2026-03-28T12:00+01:00",
                        "24 hours",
                        "2026-03-29T13:00+02:00"),
                // Berlin spring: same wall-clock next day = Sun 12:00 CEST.
                row(
                        "Calendar window Berlin, MQL Sat Mar 28 12:00 CET, 1 days across the EU spring change -> Sun 12:00 CEST",
                        BERLIN,
                        STD,
                        "2026-03-28T12:00+01:00",
                        "1 days",
                        "2026-03-29T12:00+02:00"),
                // Calendar minutes ignore business hours: Sat 23:58 + 5 min = Sun 00:03.
                row(
                        "Calendar window, auto-response Sat 23:58, 5 minutes -> Sun 00:03",
                        NY,
                        STD,
                        "2026-10-31T23:58-04:00",
                        "5 minutes",
                        "2026-11-01T00:03-04:00"),
                // 01:00 EDT = 05:00Z, + 90 min = 06:30Z = 01:30 EST (the second 01:30 of the night).
                row(
                        "Calendar window, MQL Sun Nov 1 01:00 EDT, 90 minutes through the repeated hour -> 01:30 EST",
                        NY,
                        STD,
                        "2026-11-01T01:00-04:00",
                        "90 minutes",
                        "2026-11-01T01:30-05:00"),
                // Calendar hours run through the night and weekend: Fri 16:00 + 8h = Sat 00:00.
                row(
                        "Calendar window, MQL Fri 16:00, 8 hours ignores business hours -> Sat 00:00",
                        NY,
                        STD,
                        "2026-10-16T16:00-04:00",
                        "8 hours",
                        "2026-10-17T00:00-04:00"),
                // 02:30 does not exist on Mar 8 (02:00 EST -> 03:00 EDT); the usual rule (java.time, RFC 5545)
                // moves a gap time forward by the gap's length: 03:30 EDT.
                row(
                        "Calendar window, MQL Sat Mar 7 02:30 EST, 1 days lands in the spring gap -> Sun 03:30 EDT",
                        NY,
                        STD,
                        "2026-03-07T02:30-05:00",
                        "1 days",
                        "2026-03-08T03:30-04:00"),
                // 01:30 occurs twice on Nov 1; the usual rule keeps the earlier offset (EDT) = exactly 24h later.
                row(
                        "Calendar window, MQL Sat Oct 31 01:30 EDT, 1 days lands in the repeated hour -> Sun 01:30 EDT",
                        NY,
                        STD,
                        "2026-10-31T01:30-04:00",
                        "1 days",
                        "2026-11-01T01:30-04:00"),
                // From the second 01:30 (EST) one day later: Mon 01:30 EST.
                row(
                        "Calendar window, MQL Sun Nov 1 01:30 EST, 1 days -> Mon 01:30 EST",
                        NY,
                        STD,
                        "2026-11-01T01:30-05:00",
                        "1 days",
                        "2026-11-02T01:30-05:00"));
    }

    @ParameterizedTest
    @MethodSource("deadlines")
    void deadline(String zone, String calendar, String from, String window, String expected) {
        FollowUpClock clock = clock(window, calendar, zone);
        long actual = clock.deadline(t(from));
        assertEquals(
                Instant.ofEpochMilli(t(expected)).atZone(ZoneId.of(zone)),
                Instant.ofEpochMilli(actual).atZone(ZoneId.of(zone)));
    }

    /**
     * "N business days" when the day's business hours are not the same length or start at another
     * wall-clock time than the start day's. The SPEC says "the same business time of day N business
     * days after the start"; l2r reads that as the same wall-clock time of day (how "1 business day"
     * reads to a user and how "1 days" behaves), not as the business time elapsed since opening, which
     * would differ on 25-hour (or 23-hour) round-the-clock days and on days that open at another hour.
     */
    static Stream<Arguments> businessDaysAtTheSameTimeOfDay() {
        return Stream.of(
                // Sunday Nov 1 12:00 EST; next business day Mon Nov 2: same time of day = 12:00 EST.
                row(
                        "Round the clock, MQL Sun Nov 1 12:00 EST, 1 business day -> Mon 12:00 EST",
                        NY,
                        ALL_DAY,
                        "2026-11-01T12:00-05:00",
                        "1 business day",
                        "2026-11-02T12:00-05:00"),
                // Sat Oct 31 12:00 EDT; next business day Sun Nov 1: same time of day = 12:00 EST (as "1 days").
                row(
                        "Round the clock, MQL Sat Oct 31 12:00 EDT, 1 business day -> Sun 12:00 EST",
                        NY,
                        ALL_DAY,
                        "2026-10-31T12:00-04:00",
                        "1 business day",
                        "2026-11-01T12:00-05:00"),
                // Sat Mar 7 12:00 EST; next business day Sun Mar 8 (23 hours): same time of day = 12:00 EDT.
                row(
                        "Round the clock, MQL Sat Mar 7 12:00 EST, 1 business day -> Sun 12:00 EDT",
                        NY,
                        ALL_DAY,
                        "2026-03-07T12:00-05:00",
                        "1 business day",
                        "2026-03-08T12:00-04:00"),
                // Thu 11:00; Friday opens at 10:00 and 11:00 is within Friday's hours: Fri 11:00.
                row(
                        "Late Friday 10:00-14:00, MQL Thu 11:00, 1 business day -> Fri 11:00",
                        NY,
                        "mon-thu 09:00-17:00; fri 10:00-14:00",
                        "2026-10-15T11:00-04:00",
                        "1 business day",
                        "2026-10-16T11:00-04:00"));
    }

    @ParameterizedTest
    @MethodSource("businessDaysAtTheSameTimeOfDay")
    void businessDaysKeepTheTimeOfDay(String zone, String calendar, String from, String window, String expected) {
        deadline(zone, calendar, from, window, expected);
    }
}
