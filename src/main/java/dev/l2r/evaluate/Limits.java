package dev.l2r.evaluate;

import dev.l2r.InputError;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bounds on one check's rule evaluation, so that a hand-written rule that never stops (an {@code update}
 * without {@code no-loop}, an {@code eval} that spins, a consequence that inserts without end) ends the run
 * with exit 2 naming it instead of running until it is killed.
 *
 * @param maxFirings rule firings allowed in the whole check, or null for the default that grows with the data
 * @param timeout    wall-clock time allowed for inserting the facts and firing the rules
 */
public record Limits(Long maxFirings, Duration timeout) {

    /**
     * Default firing budget: a fixed base plus a multiple of the facts l2r inserts. A correct run fires each
     * rule at most once per fact it matches (facts are never modified): the shipped data-quality checks and
     * the generated rules fire under 3 times per fact on the examples, and an agreement with 20 clauses stays
     * under 20. The base lets small runs (and rules that fire once per period) pass however few the facts.
     */
    public static final long BASE_FIRINGS = 1_000_000;

    public static final long FIRINGS_PER_FACT = 20;
    /** Facts that rules may insert: this base plus one per fact l2r inserts (memory at most about doubles). */
    public static final long BASE_INSERTS = 100_000;

    public static final String DEFAULT_TIMEOUT = "10m";

    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|h)");

    public Limits {
        if (maxFirings != null && maxFirings < 1) throw new IllegalArgumentException("maxFirings " + maxFirings);
        if (timeout == null || timeout.isNegative() || timeout.isZero())
            throw new IllegalArgumentException("timeout " + timeout);
    }

    /** The defaults: firings that grow with the data, and a 10-minute timeout. */
    public static Limits defaults() {
        return new Limits(null, parseTimeout(DEFAULT_TIMEOUT));
    }

    /** Limits from the command line's {@code --max-firings} (null: default) and {@code --timeout}. */
    public static Limits of(Long maxFirings, Duration timeout) {
        if (maxFirings != null && maxFirings < 1) {
            throw new InputError("--max-firings: " + maxFirings
                    + " is not a number of firings; use a positive number such as 5000000");
        }
        return new Limits(maxFirings, timeout);
    }

    /** The firings allowed once {@code facts} facts have been inserted by l2r. */
    public long firings(long facts) {
        return maxFirings != null ? maxFirings : BASE_FIRINGS + FIRINGS_PER_FACT * facts;
    }

    /** The facts rules may insert once {@code facts} facts have been inserted by l2r. */
    public long inserts(long facts) {
        return BASE_INSERTS + facts;
    }

    /** {@code 90s}, {@code 5m}, {@code 1h}, {@code 500ms}. */
    public static Duration parseTimeout(String s) {
        Matcher m = DURATION.matcher(s.strip().toLowerCase(Locale.ROOT));
        if (m.matches() && Long.parseLong(m.group(1)) > 0) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofHours(n);
            };
        }
        throw new InputError("--timeout: \"" + s
                + "\" is not a duration; use a positive number with ms, s, m or h, such as 90s or 5m");
    }

    /** A duration as given on the command line: {@code 2s}, {@code 10m}, {@code 1500ms}. */
    public static String format(Duration d) {
        if (d.toMillis() % 3_600_000 == 0) return d.toHours() + "h";
        if (d.toMillis() % 60_000 == 0) return d.toMinutes() + "m";
        if (d.toMillis() % 1000 == 0) return d.toSeconds() + "s";
        return d.toMillis() + "ms";
    }
}
