package harness;

import static harness.Sla.*;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Business calendar of the baselines: bench.yaml's hours (mon-thu 08:00-12:00 and 13:00-18:00, fri
 * 08:00-15:00) minus holidays, in a zone. Precomputed as an array of business intervals (spans) with the
 * business time before each, searched by binary search. (DuckDB builds the same table in SQL; l2r has
 * its own calendar code.)
 */
final class BusinessCalendar {

    /** Business spans of a weekday, as pairs of local times. */
    static LocalTime[] spans(DayOfWeek w) {
        return switch (w) {
            case SATURDAY, SUNDAY -> new LocalTime[0];
            case FRIDAY -> new LocalTime[] {LocalTime.of(8, 0), LocalTime.of(15, 0)};
            default -> new LocalTime[] {LocalTime.of(8, 0), LocalTime.of(12, 0), LocalTime.of(13, 0), LocalTime.of(18, 0)};
        };
    }

    final ZoneId zone;
    final long[] open;
    final long[] close;
    final long[] before; // business ms before span k
    final int[] dayOf; // business day (index into days) of span k
    final List<LocalDate> days = new ArrayList<>();

    BusinessCalendar(ZoneId zone, List<LocalDate> holidays) {
        this.zone = zone;
        List<long[]> spans = new ArrayList<>();
        for (LocalDate d = LocalDate.of(2026, 6, 1); d.isBefore(LocalDate.of(2028, 1, 1)); d = d.plusDays(1)) {
            LocalTime[] s = spans(d.getDayOfWeek());
            if (s.length == 0 || holidays.contains(d)) continue;
            days.add(d);
            for (int i = 0; i < s.length; i += 2) {
                spans.add(new long[] {ZonedDateTime.of(d, s[i], zone).toInstant().toEpochMilli(),
                    ZonedDateTime.of(d, s[i + 1], zone).toInstant().toEpochMilli(), days.size() - 1});
            }
        }
        int n = spans.size();
        open = new long[n];
        close = new long[n];
        before = new long[n];
        dayOf = new int[n];
        long cum = 0;
        for (int k = 0; k < n; k++) {
            open[k] = spans.get(k)[0];
            close[k] = spans.get(k)[1];
            dayOf[k] = (int) spans.get(k)[2];
            before[k] = cum;
            cum += close[k] - open[k];
        }
    }

    /** Index of the first span that closes after t (the clock starts there). */
    int startInterval(long t) {
        int lo = 0;
        int hi = close.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (close[mid] > t) hi = mid;
            else lo = mid + 1;
        }
        return lo;
    }

    /** Deadline of a window of {@code ms} business time from t: the last instant still within it. */
    long addBusiness(long t, long ms) {
        int k = startInterval(t);
        long target = before[k] + Math.max(0, t - open[k]) + ms;
        // the last span whose business time before it is <= target: a window that ends exactly at a
        // closing time (or lunch) runs on to the next opening
        int lo = k;
        int hi = before.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (before[mid] <= target) lo = mid;
            else hi = mid - 1;
        }
        return open[lo] + (target - before[lo]);
    }

    /**
     * N business days: the same local time of day N business days after the (moved) start; when that is
     * not business time on that day (lunch, a Friday afternoon), the next opening after it.
     */
    long addBusinessDays(long t, int n) {
        int k = startInterval(t);
        long s = Math.max(t, open[k]);
        LocalTime tod = Instant.ofEpochMilli(s).atZone(zone).toLocalTime();
        long d = ZonedDateTime.of(days.get(dayOf[k] + n), tod, zone).toInstant().toEpochMilli();
        int j = startInterval(d);
        return Math.max(d, open[j]);
    }
}
