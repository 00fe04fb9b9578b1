package dev.l2r.evaluate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Number, time and duration formats of violation texts; fixed locale so outputs are the same everywhere. */
public final class HumanFormat {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm zzz", Locale.ROOT);
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx", Locale.ROOT);

    private HumanFormat() {}

    /** {@code Fri 2026-10-09 15:00 EDT}, local to the zone. */
    public static String when(long t, ZoneId zone) {
        return WHEN.format(Instant.ofEpochMilli(t).atZone(zone));
    }

    /** {@code 2026-10-09T15:00:00-04:00}. */
    public static String iso(long t, ZoneId zone) {
        return ISO.format(Instant.ofEpochMilli(t).atZone(zone));
    }

    /** A duration for people: minutes under an hour, else hours (business or not), else days for calendar time. */
    public static String duration(long millis, boolean business) {
        double minutes = millis / 60_000.0;
        if (minutes < 60) return trim(minutes, 0) + (business ? " business min" : " min");
        double hours = minutes / 60;
        if (business || hours < 48) return trim(hours, 1) + (business ? " business hours" : " hours");
        return trim(hours / 24, 1) + " days";
    }

    public static String integer(double v) {
        return String.format(Locale.ROOT, "%,d", Math.round(v));
    }

    public static String percent(double ratio) {
        return trim(ratio * 100, 1) + "%";
    }

    public static String money(double v) {
        return String.format(Locale.ROOT, "%,.2f", v);
    }

    /** A number with at most {@code decimals} decimals and no trailing zeros. */
    public static String trim(double v, int decimals) {
        BigDecimal b =
                BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_UP).stripTrailingZeros();
        if (b.scale() < 0) b = b.setScale(0);
        return b.toPlainString();
    }
}
