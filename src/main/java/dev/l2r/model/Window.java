package dev.l2r.model;

import java.util.Locale;

/** A follow-up window: {@code N minutes|hours|days}, optionally counted in business time. */
public record Window(long amount, Unit unit, boolean business) {

    public enum Unit {
        MINUTES,
        HOURS,
        DAYS
    }

    public Window {
        if (amount <= 0) throw new IllegalArgumentException("window must be positive");
    }

    /** Length in minutes, for minute and hour windows. */
    public long minutes() {
        return switch (unit) {
            case MINUTES -> amount;
            case HOURS -> amount * 60;
            case DAYS -> throw new IllegalStateException("a day window has no fixed length");
        };
    }

    public String text() {
        String u = unit.name().toLowerCase(Locale.ROOT);
        if (amount == 1) u = u.substring(0, u.length() - 1);
        return amount + (business ? " business " : " ") + u;
    }
}
