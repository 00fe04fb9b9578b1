package dev.l2r.parse;

import dev.l2r.model.Window;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses follow-up windows: {@code N minutes|hours|days}, optionally {@code business}. */
public final class Durations {

    public static final String HINT =
            "use \"N minutes|hours|days\", optionally \"business\" (e.g. \"8 business hours\")";

    private static final Pattern P =
            Pattern.compile("\\s*(\\d{1,6})\\s+(business\\s+)?(minutes?|hours?|days?)\\s*", Pattern.CASE_INSENSITIVE);

    private Durations() {}

    /** True for windows of at most a year (the business calendar searches ten years ahead at most). */
    public static boolean atMostAYear(Window w) {
        return switch (w.unit()) {
            case DAYS -> w.amount() <= 366;
            case HOURS -> w.amount() <= 366 * 24;
            case MINUTES -> w.amount() <= 366 * 24 * 60;
        };
    }

    public static Optional<Window> parse(String text) {
        Matcher m = P.matcher(text);
        if (!m.matches()) return Optional.empty();
        long n = Long.parseLong(m.group(1));
        if (n <= 0) return Optional.empty();
        String u = m.group(3).toLowerCase(Locale.ROOT);
        Window.Unit unit = u.startsWith("minute")
                ? Window.Unit.MINUTES
                : u.startsWith("hour") ? Window.Unit.HOURS : Window.Unit.DAYS;
        return Optional.of(new Window(n, unit, m.group(2) != null));
    }
}
