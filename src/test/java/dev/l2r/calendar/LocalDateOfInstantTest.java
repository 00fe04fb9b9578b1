package dev.l2r.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.l2r.model.BusinessCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link ZonedCalendar#dateOf} computes a local date from the offset of the span between two of the zone's
 * transitions that it last used. It must give what {@code Instant.atZone(zone).toLocalDate()} gives for every
 * instant: at, just before and just after every transition from 1900 to 2100 (which is where a stale span
 * would show), around midnight on both sides of them, at random, and whatever the order of the questions (the
 * span is kept from one question to the next).
 */
class LocalDateOfInstantTest {

    private static final long HOUR = 3_600_000L;

    @ParameterizedTest
    @ValueSource(
            strings = {
                "America/New_York", "Europe/London", "Asia/Singapore", "Australia/Lord_Howe", "Asia/Kolkata",
                "America/St_Johns", "Pacific/Apia", "Pacific/Kiritimati", "Africa/Casablanca", "America/Sao_Paulo",
                "Europe/Dublin", "Asia/Tehran", "UTC", "Etc/GMT+12"
            })
    void theDateOfEveryInstantIsTheZonesLocalDate(String id) {
        ZoneId zone = ZoneId.of(id);
        List<Long> instants = instants(zone);
        ZonedCalendar ascending = new ZonedCalendar(BusinessCalendar.standard(), zone);
        for (long t : instants) check(ascending, zone, t);
        ZonedCalendar descending = new ZonedCalendar(BusinessCalendar.standard(), zone);
        for (int i = instants.size() - 1; i >= 0; i--) check(descending, zone, instants.get(i));
        // each transition asked at its instant first, then just before it and an hour before it: a span made at
        // the transition must not reach back over it
        ZonedCalendar atTransitions = new ZonedCalendar(BusinessCalendar.standard(), zone);
        ZoneRules rules = zone.getRules();
        for (ZoneOffsetTransition tr = rules.nextTransition(Instant.parse("1900-01-01T00:00:00Z"));
                tr != null && tr.getInstant().isBefore(Instant.parse("2100-12-31T00:00:00Z"));
                tr = rules.nextTransition(tr.getInstant())) {
            long t = tr.getInstant().toEpochMilli();
            for (long d : new long[] {0, -1, -HOUR, 1, HOUR}) check(atTransitions, zone, t + d);
        }
        List<Long> shuffled = new ArrayList<>(instants);
        Collections.shuffle(shuffled, new Random(id.hashCode()));
        ZonedCalendar random = new ZonedCalendar(BusinessCalendar.standard(), zone);
        for (long t : shuffled) check(random, zone, t);
    }

    private static void check(ZonedCalendar c, ZoneId zone, long t) {
        LocalDate expected = Instant.ofEpochMilli(t).atZone(zone).toLocalDate();
        assertEquals(expected, c.dateOf(t), () -> zone + " at " + Instant.ofEpochMilli(t) + " (" + t + " ms)");
    }

    private static List<Long> instants(ZoneId zone) {
        List<Long> out = new ArrayList<>();
        ZoneRules rules = zone.getRules();
        long start = Instant.parse("1900-01-01T00:00:00Z").toEpochMilli();
        long end = Instant.parse("2100-12-31T00:00:00Z").toEpochMilli();
        Instant at = Instant.ofEpochMilli(start);
        for (ZoneOffsetTransition tr = rules.nextTransition(at);
                tr != null && tr.getInstant().toEpochMilli() < end;
                tr = rules.nextTransition(tr.getInstant())) {
            long t = tr.getInstant().toEpochMilli();
            for (long d : new long[] {-HOUR, -1_000, -1, 0, 1, 1_000, HOUR}) out.add(t + d);
            // local midnight next to the transition, before and after it, in both offsets
            for (long off : new long[] {
                tr.getOffsetBefore().getTotalSeconds(), tr.getOffsetAfter().getTotalSeconds()
            }) {
                long midnight = Math.floorDiv(t + off * 1000, 86_400_000L) * 86_400_000L - off * 1000;
                for (long d : new long[] {-86_400_000L, -1, 0, 1, 86_400_000L}) out.add(midnight + d);
            }
        }
        Random r = new Random(20261127);
        for (int i = 0; i < 20_000; i++) out.add(start + (long) (r.nextDouble() * (end - start)));
        for (int i = -3; i <= 3; i++) out.add(i * 86_400_000L - 1); // around the epoch and negative instants
        for (long d = 0; d < 3 * 86_400_000L; d += 3_600_000L) { // the ends of time, where an offset overflows
            out.add(Long.MIN_VALUE + d);
            out.add(Long.MAX_VALUE - d);
        }
        Collections.sort(out);
        return out;
    }
}
