package dev.l2r;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Strict reading of numbers from agreements and data: plain decimals, optionally with an exponent; no
 * hexadecimal, no type suffixes ("60d"), nothing a spreadsheet would not show, and nothing so large that
 * it stops being a business figure.
 */
public final class Numbers {

    /** Larger magnitudes are refused: no amount, score or rate in an SLA is near a quadrillion. */
    public static final double LIMIT = 1e15;

    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d{1,3})?");

    private Numbers() {}

    /** The value, or null when the text is not such a number. */
    public static Double parse(String s) {
        if (s == null || !DECIMAL.matcher(s).matches()) return null;
        double d = Double.parseDouble(s);
        return Double.isFinite(d) && Math.abs(d) < LIMIT ? d + 0.0 : null; // + 0.0 turns -0.0 into 0.0
    }

    /** True when a parsed decimal is within the range l2r handles. */
    public static boolean inRange(BigDecimal b) {
        return b.abs().compareTo(BigDecimal.valueOf(LIMIT)) < 0 && b.scale() <= 12;
    }
}
