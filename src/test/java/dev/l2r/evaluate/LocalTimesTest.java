package dev.l2r.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fast local times write exactly what the formatter patterns write, around every kind of transition. */
class LocalTimesTest {

    private static final List<String> ZONES = List.of(
            "America/New_York",
            "Europe/London",
            "Asia/Singapore",
            "Asia/Kolkata",
            "Australia/Lord_Howe", // half-hour daylight saving
            "America/Sao_Paulo",
            "Pacific/Chatham",
            "Europe/Dublin", // negative daylight saving in the rules
            "Africa/Casablanca",
            "UTC",
            "Etc/GMT+5",
            "+05:30",
            "America/St_Johns",
            "Asia/Kathmandu");

    @Test
    void sameTextAsThePatterns() {
        Random r = new Random(42);
        for (String id : ZONES) {
            ZoneId zone = ZoneId.of(id);
            List<Long> times = new ArrayList<>();
            for (int i = 0; i < 3_000; i++) // 1900 to 2100, millisecond precision
            times.add(-2_208_988_800_000L + (long) (r.nextDouble() * 6_311_390_400_000L));
            // each side of every transition from 1990 to 2040, to the second and the millisecond
            Instant at = Instant.parse("1990-01-01T00:00:00Z");
            for (int i = 0; i < 200; i++) {
                ZoneOffsetTransition t = zone.getRules().nextTransition(at);
                if (t == null || t.getInstant().isAfter(Instant.parse("2040-01-01T00:00:00Z"))) break;
                long s = t.getInstant().toEpochMilli();
                for (long d : new long[] {-3_600_001, -1001, -1000, -1, 0, 1, 999, 1000, 3_599_999}) times.add(s + d);
                at = t.getInstant();
            }
            // in order and out of order: the per-thread span must be left and found again
            List<Long> shuffled = new ArrayList<>(times);
            java.util.Collections.shuffle(shuffled, r);
            times.addAll(shuffled);
            for (long t : times) {
                assertEquals(HumanFormat.slowReadable(t, zone), HumanFormat.readable(t, zone), id + " " + t);
                assertEquals(HumanFormat.slowWhen(t, zone), HumanFormat.when(t, zone), id + " " + t);
                assertEquals(HumanFormat.slowIso(t, zone), HumanFormat.iso(t, zone), id + " " + t);
            }
        }
    }

    @Test
    void handWorkedTimes() {
        ZoneId ny = ZoneId.of("America/New_York");
        long t = Instant.parse("2026-09-03T19:16:59.999Z").toEpochMilli();
        assertEquals("Thu 3 Sep 2026, 15:16 EDT", HumanFormat.readable(t, ny));
        assertEquals("Thu 2026-09-03 15:16 EDT", HumanFormat.when(t, ny));
        assertEquals("2026-09-03T15:16:59-04:00", HumanFormat.iso(t, ny));
        long winter = Instant.parse("2026-11-01T06:30:00Z").toEpochMilli(); // after the fall-back change
        assertEquals("Sun 1 Nov 2026, 01:30 EST", HumanFormat.readable(winter, ny));
        assertEquals("2026-11-01T01:30:00-05:00", HumanFormat.iso(winter, ny));
        assertEquals("2026-11-01T05:30:00+00:00", HumanFormat.iso(winter - 3_600_000, ZoneId.of("UTC")));
        assertEquals(
                "Sat 31 Oct 2026, 23:00 GMT",
                HumanFormat.readable(Instant.parse("2026-10-31T23:00:00Z").toEpochMilli(), ZoneId.of("Europe/London")));
    }
}
