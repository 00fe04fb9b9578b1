package dev.l2r.evaluate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * Number, time and duration formats of the texts people read, one format throughout: integers with thousands
 * separators ("1,179"), shares as "45.2%", money with its currency ("$5,241,000", "$241.10", "5,241,000 CHF"),
 * multiples as "2.76×", days as "12.5 days", times as "Tue 8 Sep 2026, 14:30 EDT". Locale.ROOT, so outputs are
 * the same everywhere. Machine columns (ISO-8601 times in CSV) use {@link #iso}.
 */
public final class HumanFormat {

    private static final DateTimeFormatter READABLE =
            DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm zzz", Locale.ROOT);
    /** Currencies written with their symbol before the amount; any other with its code after it. */
    private static final Map<String, String> SYMBOLS = Map.of("USD", "$", "EUR", "€", "GBP", "£");

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm zzz", Locale.ROOT);
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx", Locale.ROOT);

    private HumanFormat() {}

    /** The patterns themselves, for tests of the fast path ({@link LocalTimes}). */
    static String slowReadable(long t, ZoneId zone) {
        return READABLE.format(Instant.ofEpochMilli(t).atZone(zone));
    }

    static String slowWhen(long t, ZoneId zone) {
        return WHEN.format(Instant.ofEpochMilli(t).atZone(zone));
    }

    static String slowIso(long t, ZoneId zone) {
        return ISO.format(Instant.ofEpochMilli(t).atZone(zone));
    }

    /** {@code Fri 2026-10-09 15:00 EDT}, local to the zone. */
    public static String when(long t, ZoneId zone) {
        String fast = LocalTimes.when(t, zone);
        return fast != null ? fast : WHEN.format(Instant.ofEpochMilli(t).atZone(zone));
    }

    /** {@code Tue 8 Sep 2026, 14:30 EDT}: a time for people, local to the zone (the accountable team's). */
    public static String readable(long t, ZoneId zone) {
        String fast = LocalTimes.readable(t, zone);
        return fast != null ? fast : READABLE.format(Instant.ofEpochMilli(t).atZone(zone));
    }

    /** {@code 2026-10-09T15:00:00-04:00}. */
    public static String iso(long t, ZoneId zone) {
        String fast = LocalTimes.iso(t, zone);
        return fast != null ? fast : ISO.format(Instant.ofEpochMilli(t).atZone(zone));
    }

    /** A duration for people: minutes under an hour, else hours (business or not), else days for calendar time. */
    public static String duration(long millis, boolean business) {
        if (millis < 60_000) { // under a minute: in seconds, so that "late by 0 min" never reads as on time
            String seconds = number(millis / 1000.0, millis < 1000 ? 3 : 0);
            return seconds + (business ? " business" : "") + (seconds.equals("1") ? " second" : " seconds");
        }
        double minutes = millis / 60_000.0;
        if (minutes < 60) return number(minutes, 0) + (business ? " business min" : " min");
        double hours = minutes / 60;
        if (business || hours < 48) return number(hours, 1) + (business ? " business hours" : " hours");
        return number(hours / 24, 1) + " days";
    }

    /** {@code 1,179}: rounded half up to a whole number, with thousands separators. */
    public static String integer(double v) {
        return number(v, 0);
    }

    /** {@code 12,345.67}: at most {@code decimals} decimals, no trailing zeros, thousands separators. */
    public static String number(double v, int decimals) {
        BigDecimal b = round(v, decimals);
        String plain = b.abs().toPlainString();
        int dot = plain.indexOf('.');
        String whole = dot < 0 ? plain : plain.substring(0, dot);
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < whole.length(); i++) {
            if (i > 0 && (whole.length() - i) % 3 == 0) grouped.append(',');
            grouped.append(whole.charAt(i));
        }
        return (b.signum() < 0 ? "-" : "") + grouped + (dot < 0 ? "" : plain.substring(dot));
    }

    /** {@code 45.2%} for the share 0.452. */
    public static String percent(double ratio) {
        return number(ratio * 100, 1) + "%";
    }

    /** {@code 2.76×}: a multiple, such as pipeline coverage. */
    public static String multiple(double v) {
        return number(v, 2) + "×";
    }

    /** {@code 12.5 days}, {@code 1 day}. */
    public static String days(double v) {
        String n = number(v, 1);
        return n + (n.equals("1") ? " day" : " days");
    }

    /**
     * An amount without a currency: no cents from 1,000 on ({@code 5,241,000}), cents below ({@code 241.10}) unless
     * the amount is whole ({@code 200}).
     */
    public static String money(double v) {
        return money(v, null);
    }

    /**
     * An amount in a currency (ISO 4217 code, or null for none): {@code $5,241,000}, {@code €241.10},
     * {@code 5,241,000 CHF}. Dollars, euros and pounds take their symbol, other currencies their code after the
     * amount; no cents from 1,000 on, cents below unless the amount is whole ({@code $200}).
     */
    public static String money(double v, String currency) {
        BigDecimal b = BigDecimal.valueOf(v);
        String amount;
        if (b.abs().compareTo(BigDecimal.valueOf(999.995)) >= 0) {
            amount = number(Math.abs(v), 0);
        } else {
            BigDecimal cents = b.abs().setScale(2, RoundingMode.HALF_UP);
            // a whole amount without ".00": "at most $200", but "$241.10"
            amount = cents.stripTrailingZeros().scale() <= 0 ? number(cents.doubleValue(), 0) : cents.toPlainString();
        }
        String sign = b.setScale(2, RoundingMode.HALF_UP).signum() < 0 ? "-" : "";
        String symbol = currency == null ? null : SYMBOLS.get(currency);
        if (currency == null) return sign + amount;
        if (symbol != null) return sign + symbol + amount;
        return sign + amount + " " + currency;
    }

    /** A number with at most {@code decimals} decimals and no trailing zeros. */
    public static String trim(double v, int decimals) {
        return round(v, decimals).toPlainString();
    }

    private static BigDecimal round(double v, int decimals) {
        BigDecimal b =
                BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_UP).stripTrailingZeros();
        if (b.scale() < 0) b = b.setScale(0);
        return b;
    }
}
