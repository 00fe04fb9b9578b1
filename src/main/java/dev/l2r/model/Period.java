package dev.l2r.model;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One SLA period: the half-open interval [start, end) of local dates in the SLA zone.
 * Labels: {@code 2026-10} (month), {@code 2026-Q4} (quarter), {@code 2026-W44} (ISO week), with a year
 * from {@link #MIN_YEAR} to {@link #MAX_YEAR}: no CRM data is older, and java.time, ISO-8601 and the
 * four-digit labels all agree on those years (year 0000 exists in java.time but names no period of a CRM).
 */
public record Period(PeriodKind kind, String label, LocalDate start, LocalDate end) {

    /** The first year of a period label, of effective_from and of holidays. */
    public static final int MIN_YEAR = 1900;
    /** The last year of a period label, of effective_from and of holidays. */
    public static final int MAX_YEAR = 9999;

    /** True when a year can be used in an agreement or a period label. */
    public static boolean validYear(int year) {
        return year >= MIN_YEAR && year <= MAX_YEAR;
    }

    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");

    /** Parses a label of the given kind; empty when the label does not name such a period. */
    /** True for a label of any period kind: a month (2026-10), a quarter (2026-Q4) or a week (2026-W44). */
    public static boolean isLabel(String label) {
        return Arrays.stream(PeriodKind.values()).anyMatch(k -> parse(k, label).isPresent());
    }

    public static Optional<Period> parse(PeriodKind kind, String label) {
        Matcher m;
        if (label.length() < 4
                || !label.substring(0, 4).chars().allMatch(Character::isDigit)
                || !validYear(Integer.parseInt(label.substring(0, 4)))) {
            return Optional.empty();
        }
        switch (kind) {
            case MONTH -> {
                m = MONTH.matcher(label);
                if (!m.matches()) return Optional.empty();
                int month = Integer.parseInt(m.group(2));
                if (month < 1 || month > 12) return Optional.empty();
                LocalDate s = LocalDate.of(Integer.parseInt(m.group(1)), month, 1);
                return Optional.of(new Period(kind, label, s, s.plusMonths(1)));
            }
            case QUARTER -> {
                m = QUARTER.matcher(label);
                if (!m.matches()) return Optional.empty();
                LocalDate s = LocalDate.of(Integer.parseInt(m.group(1)), (Integer.parseInt(m.group(2)) - 1) * 3 + 1, 1);
                return Optional.of(new Period(kind, label, s, s.plusMonths(3)));
            }
            case WEEK -> {
                m = WEEK.matcher(label);
                if (!m.matches()) return Optional.empty();
                int year = Integer.parseInt(m.group(1));
                int week = Integer.parseInt(m.group(2));
                LocalDate jan4 = LocalDate.of(year, 1, 4);
                long weeks = jan4.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum();
                if (week < 1 || week > weeks) return Optional.empty();
                LocalDate s = jan4.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week)
                        .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                return Optional.of(new Period(kind, label, s, s.plusWeeks(1)));
            }
            default -> throw new IllegalStateException();
        }
    }

    /** An example label of the kind, for messages. */
    public static String example(PeriodKind kind) {
        return switch (kind) {
            case MONTH -> "2026-10";
            case QUARTER -> "2026-Q4";
            case WEEK -> "2026-W44";
        };
    }

    /** The period right after this one, of the same kind. */
    public Period next() {
        String label = switch (kind) {
            case MONTH -> String.format(Locale.ROOT, "%04d-%02d", end.getYear(), end.getMonthValue());
            case QUARTER -> String.format(Locale.ROOT, "%04d-Q%d", end.getYear(), (end.getMonthValue() - 1) / 3 + 1);
            case WEEK ->
                String.format(
                        Locale.ROOT,
                        "%04d-W%02d",
                        end.get(IsoFields.WEEK_BASED_YEAR),
                        end.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        };
        return parse(kind, label).orElseThrow(() -> new IllegalStateException("no period after " + this.label));
    }

    public ZonedDateTime startIn(ZoneId zone) {
        return start.atStartOfDay(zone);
    }

    public ZonedDateTime endIn(ZoneId zone) {
        return end.atStartOfDay(zone);
    }
}
