package dev.l2r;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link Timestamps#parseMillis} reads what {@link Timestamps#parse} reads, to the millisecond. */
class TimestampsTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static long millis(String s, ZoneId zone) {
        return Timestamps.parseMillis(s, zone);
    }

    private static long at(String iso) {
        return Instant.parse(iso).toEpochMilli();
    }

    @Test
    void anOffsetIsSubtractedWhateverTheZone() {
        assertEquals(at("2026-10-14T14:54:57Z"), millis("2026-10-14T10:54:57-04:00", BERLIN));
        assertEquals(at("2026-10-21T12:39:05Z"), millis("2026-10-21T13:39:05+01:00", ZoneOffset.UTC));
        assertEquals(at("2026-10-21T08:09:05Z"), millis("2026-10-21T13:39:05+0530", ZoneOffset.UTC));
        assertEquals(at("2026-10-21T11:39:05Z"), millis("2026-10-21T13:39:05+02", NEW_YORK));
        assertEquals(at("2026-10-14T14:58:40Z"), millis("2026-10-14T14:58:40Z", NEW_YORK));
        assertEquals(at("2026-10-14T14:58:40Z"), millis("2026-10-14 14:58:40z", NEW_YORK));
        assertEquals(at("2026-12-31T23:30:00Z"), millis("2027-01-01T00:30+01:00", BERLIN)); // across a year
    }

    @Test
    void fractionsOfASecondAreFlooredToTheMillisecond() {
        assertEquals(at("2026-10-09T13:00:00.250Z"), millis("2026-10-09T15:00:00.250+02:00", ZoneOffset.UTC));
        assertEquals(at("2026-10-09T13:00:00.250Z"), millis("2026-10-09 15:00:00,2509+02:00", ZoneOffset.UTC));
        assertEquals(at("2026-10-09T15:00:00.999Z"), millis("2026-10-09T15:00:00.999999999Z", BERLIN));
        assertEquals(at("2026-10-09T15:00:00.100Z"), millis("2026-10-09T15:00:00.1", ZoneOffset.UTC));
        assertEquals(at("1969-12-31T23:59:59.500Z"), millis("1969-12-31T23:59:59.5Z", BERLIN)); // before 1970
    }

    @Test
    void withoutAnOffsetTheTimeIsLocalToTheZone() {
        assertEquals(at("2026-10-09T13:00:00Z"), millis("2026-10-09T15:00", BERLIN)); // summer time, +02:00
        assertEquals(at("2026-11-09T14:00:00Z"), millis("2026-11-09T15:00:00", BERLIN)); // winter time, +01:00
        assertEquals(at("2026-10-09T15:00:00Z"), millis("2026-10-09T15:00", ZoneId.of("UTC")));
        assertEquals(at("2026-10-09T12:00:00Z"), millis("2026-10-09T15:00", ZoneId.of("Etc/GMT-3")));
        assertEquals(at("2026-10-08T22:00:00Z"), millis("2026-10-09", BERLIN)); // a date is the start of the day
        assertEquals(at("2026-10-09T04:00:00Z"), millis("2026-10-09", NEW_YORK));
        assertEquals(at("2024-02-29T00:00:00Z"), millis("2024-02-29", ZoneOffset.UTC)); // a leap day
    }

    @Test
    void daylightSavingGapsMoveForwardAndOverlapsTakeTheEarlierOffset() {
        // 2026-03-29 02:30 does not exist in Berlin: clocks jump from 02:00 to 03:00, so it is 03:30 +02:00
        assertEquals(at("2026-03-29T01:30:00Z"), millis("2026-03-29T02:30", BERLIN));
        // 2026-10-25 02:30 happens twice in Berlin: the first, at +02:00
        assertEquals(at("2026-10-25T00:30:00Z"), millis("2026-10-25T02:30", BERLIN));
        // 2026-11-01 01:30 happens twice in New York: the first, at -04:00
        assertEquals(at("2026-11-01T05:30:00Z"), millis("2026-11-01 01:30:00", NEW_YORK));
    }

    @Test
    void whatIsNoTimestampIsNoTimestamp() {
        for (String s : List.of(
                "",
                "2026-10-9",
                "2026-13-01",
                "2026-02-29",
                "2100-02-29",
                "2026-04-31",
                "2026-10-00",
                "2026/10/09",
                "2026-10-09X15:00",
                "2026-10-09T15",
                "2026-10-09T24:00",
                "2026-10-09T15:60",
                "2026-10-09T15:00:60Z",
                "2026-10-09T15:00:",
                "2026-10-09T15:00:00.",
                "2026-10-09T15:00:00.1234567890Z",
                "2026-10-09T15:00+19:00",
                "2026-10-09T15:00+01:60",
                "2026-10-09T15:00+1",
                "2026-10-09T15:00Z+01:00",
                "2026-10-09T15:00 Z",
                "２０２６-10-09",
                "2026-10-09T15:00+٠١:00")) {
            assertEquals(Timestamps.NOT_A_TIMESTAMP, millis(s, BERLIN), s);
            assertEquals(null, Timestamps.parse(s, BERLIN), s);
        }
    }

    @Test
    void theCommonShapeWithSecondsAndAnOffsetIsCheckedLikeAnyOther() {
        assertEquals(at("2026-10-14T10:54:57Z"), millis("2026-10-14T10:54:57-00:00", BERLIN));
        assertEquals(at("2026-10-13T16:00:00Z"), millis("2026-10-14T10:00:00+18:00", BERLIN));
        assertEquals(at("2026-10-15T04:00:00Z"), millis("2026-10-14T10:00:00-18:00", BERLIN));
        assertEquals(at("2024-02-29T11:00:00Z"), millis("2024-02-29T12:00:00+01:00", BERLIN));
        assertEquals(at("2000-02-29T12:00:00Z"), millis("2000-02-29 12:00:00Z", BERLIN));
        assertEquals(at("0000-01-01T00:00:00Z"), millis("0000-01-01T00:00:00Z", BERLIN));
        assertEquals(at("9999-12-31T23:59:59Z"), millis("9999-12-31T23:59:59Z", BERLIN));
        for (String s : List.of(
                "2026-10-14T10:00:00+18:01",
                "2026-10-14T10:00:00+19:00",
                "2026-10-14T10:00:00+01:60",
                "2026-02-29T12:00:00Z",
                "1900-02-29T12:00:00Z",
                "2026-10-14T10:00:00+01-00",
                "2026-10-14T10:00:00*01:00",
                "2026-10-14T10:00:00Y",
                "2026-10-14T1O:00:00Z",
                "2026-1０-14T10:00:00Z",
                "2026-10-14T10:00:00+0a:00")) {
            assertEquals(Timestamps.NOT_A_TIMESTAMP, millis(s, BERLIN), s);
        }
    }

    @Test
    void spacesAroundAreIgnored() {
        assertEquals(at("2026-10-14T14:58:40Z"), millis("  2026-10-14T14:58:40Z\t", BERLIN));
    }

    @Test
    void agreesWithParseOnManyGeneratedValues() {
        Random random = new Random(42);
        String[] offsets = {"", "Z", "+02:00", "-05:30", "+0100", "-03", "+18:00", "-18:00", "+14:45"};
        String[] seps = {"T", " "};
        for (ZoneId zone : List.of(ZoneOffset.UTC, BERLIN, NEW_YORK, ZoneId.of("Australia/Lord_Howe"))) {
            for (int k = 0; k < 20_000; k++) {
                int year = random.nextInt(10) == 0 ? random.nextInt(10_000) : 1960 + random.nextInt(100);
                StringBuilder b = new StringBuilder(
                        String.format("%04d-%02d-%02d", year, 1 + random.nextInt(13), random.nextInt(33)));
                if (random.nextInt(8) > 0) {
                    b.append(seps[random.nextInt(2)])
                            .append(String.format("%02d:%02d", random.nextInt(25), random.nextInt(61)));
                    if (random.nextBoolean()) {
                        b.append(String.format(":%02d", random.nextInt(61)));
                        if (random.nextBoolean()) {
                            b.append('.');
                            int digits = 1 + random.nextInt(10);
                            for (int d = 0; d < digits; d++) b.append(random.nextInt(10));
                        }
                    }
                    b.append(offsets[random.nextInt(offsets.length)]);
                }
                String s = b.toString();
                Instant want = Timestamps.parse(s, zone);
                assertEquals(want == null ? Timestamps.NOT_A_TIMESTAMP : want.toEpochMilli(), millis(s, zone), s);
            }
        }
    }
}
