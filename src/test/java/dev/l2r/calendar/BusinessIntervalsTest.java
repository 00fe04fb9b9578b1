package dev.l2r.calendar;

import static dev.l2r.calendar.TestCalendars.t;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link ZonedCalendar#businessIntervals}: the counted pieces that {@code l2r explain} lists. */
class BusinessIntervalsTest {

    @Test
    void theSpecExampleCountsFridayAndTuesdayAroundTheWeekendAndTheHoliday() {
        ZonedCalendar c = TestCalendars.zoned("mon-fri 09:00-17:00; holidays 2026-10-12", "America/New_York");
        List<long[]> iv = c.businessIntervals(t("2026-10-09T15:00-04:00"), t("2026-10-13T10:30-04:00"));
        assertEquals(2, iv.size());
        assertArrayEquals(new long[] {t("2026-10-09T15:00-04:00"), t("2026-10-09T17:00-04:00")}, iv.get(0));
        assertArrayEquals(new long[] {t("2026-10-13T09:00-04:00"), t("2026-10-13T10:30-04:00")}, iv.get(1));
    }

    @Test
    void lunchBreaksSplitADay() {
        ZonedCalendar c = TestCalendars.zoned("mon-fri 08:00-12:00,13:00-18:00", "Europe/London");
        List<long[]> iv = c.businessIntervals(t("2026-10-05T11:00+01:00"), t("2026-10-05T14:00+01:00"));
        assertEquals(2, iv.size());
        assertArrayEquals(new long[] {t("2026-10-05T11:00+01:00"), t("2026-10-05T12:00+01:00")}, iv.get(0));
        assertArrayEquals(new long[] {t("2026-10-05T13:00+01:00"), t("2026-10-05T14:00+01:00")}, iv.get(1));
    }

    @Test
    void thePiecesAddUpToBusinessMillisAcrossDaylightSavingChanges() {
        ZonedCalendar c = TestCalendars.zoned(
                "mon-fri 09:00-17:00; sat 00:00-03:00; sun 01:00-24:00; holidays 2026-11-26", "America/New_York");
        Random r = new Random(14);
        long base = t("2026-02-20T00:00-05:00");
        for (int i = 0; i < 2000; i++) {
            long a = base + (long) (r.nextDouble() * 300 * 86_400_000L);
            long b = a + (long) (r.nextDouble() * 20 * 86_400_000L);
            long sum = c.businessIntervals(a, b).stream()
                    .mapToLong(x -> x[1] - x[0])
                    .sum();
            assertEquals(c.businessMillis(a, b), sum, a + " " + b);
        }
    }
}
