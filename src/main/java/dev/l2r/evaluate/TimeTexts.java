package dev.l2r.evaluate;

import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.HashMap;
import java.util.Map;

/**
 * The {@link HumanFormat#readable} and {@link HumanFormat#iso} texts of one run's violations, each made once:
 * a million violations name a few hundred thousand distinct minutes, and a date-time formatter is the
 * costliest step of a sentence. A text is kept for a whole minute (readable) or second (ISO) only when the
 * zone's offset is the same throughout it and a whole number of minutes, so every instant in it would be
 * written the same; otherwise it is formatted each time. One per run, used by one thread.
 */
final class TimeTexts {

    /** Bounds the memory of a pathological run; clearing costs only the formatting again. */
    private static final int MAX_ENTRIES = 500_000;

    private final Map<ZoneId, Map<Long, String>> readable = new HashMap<>();
    private final Map<ZoneId, Map<Long, String>> iso = new HashMap<>();

    /** {@link HumanFormat#readable}. */
    String readable(long t, ZoneId zone) {
        long minute = Math.floorDiv(t, 60_000L);
        Map<Long, String> texts = readable.computeIfAbsent(zone, z -> new HashMap<>());
        String s = texts.get(minute);
        if (s != null) return s;
        s = HumanFormat.readable(t, zone);
        if (uniform(zone, minute * 60_000L, 60_000L)) put(texts, minute, s);
        return s;
    }

    /** {@link HumanFormat#iso}. */
    String iso(long t, ZoneId zone) {
        long second = Math.floorDiv(t, 1_000L);
        Map<Long, String> texts = iso.computeIfAbsent(zone, z -> new HashMap<>());
        String s = texts.get(second);
        if (s != null) return s;
        s = HumanFormat.iso(t, zone);
        if (uniform(zone, second * 1_000L, 1_000L)) put(texts, second, s);
        return s;
    }

    /**
     * True when the zone's offset is a whole number of minutes and no transition falls within [start, start +
     * length): local time and zone name then move in step with the instant.
     */
    private static boolean uniform(ZoneId zone, long start, long length) {
        ZoneRules rules = zone.getRules();
        Instant from = Instant.ofEpochMilli(start);
        if (rules.getOffset(from).getTotalSeconds() % 60 != 0) return false;
        if (rules.isFixedOffset()) return true;
        ZoneOffsetTransition next = rules.nextTransition(from);
        return next == null || next.toEpochSecond() * 1_000L >= start + length;
    }

    private static void put(Map<Long, String> texts, long key, String s) {
        if (texts.size() >= MAX_ENTRIES) texts.clear();
        texts.put(key, s);
    }
}
