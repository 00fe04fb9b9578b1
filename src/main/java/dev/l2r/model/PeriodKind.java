package dev.l2r.model;

/** The length of an SLA period. */
public enum PeriodKind {
    WEEK, MONTH, QUARTER;

    public String key() { return name().toLowerCase(java.util.Locale.ROOT); }
}
