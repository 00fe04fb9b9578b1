package dev.l2r.model;

import java.util.Locale;

/** The length of an SLA period. */
public enum PeriodKind {
    WEEK,
    MONTH,
    QUARTER;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
