package dev.l2r.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Severity of a clause; the order is from most to least severe. */
public enum Severity {
    CRITICAL,
    MAJOR,
    MINOR;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True when this severity is at least as severe as {@code threshold}. */
    public boolean atLeast(Severity threshold) {
        return ordinal() <= threshold.ordinal();
    }

    public static Optional<Severity> of(String key) {
        return Arrays.stream(values()).filter(s -> s.key().equals(key)).findFirst();
    }
}
