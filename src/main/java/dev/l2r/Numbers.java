package dev.l2r;

import java.math.BigDecimal;

/**
 * Strict reading of numbers from agreements and data: plain decimals, optionally with an exponent; no
 * hexadecimal, no type suffixes ("60d"), nothing a spreadsheet would not show, and nothing so large that
 * it stops being a business figure. Digits are ASCII only: a full-width or Arabic-Indic digit makes the text
 * no number.
 */
public final class Numbers {

    /** Larger magnitudes are refused: no amount, score or rate in an SLA is near a quadrillion. */
    public static final double LIMIT = 1e15;

    private Numbers() {}

    /** The value, or null when the text is not such a number. */
    public static Double parse(String s) {
        if (s == null || !isDecimal(s)) return null;
        Double fast = plain(s);
        if (fast != null) return fast;
        double d = Double.parseDouble(s);
        return Double.isFinite(d) && Math.abs(d) < LIMIT ? d + 0.0 : null; // + 0.0 turns -0.0 into 0.0
    }

    /** Whole numbers 0-1023 boxed once: scores and counts repeat across a million leads. */
    private static final Double[] SMALL = new Double[1024];

    static {
        for (int i = 0; i < SMALL.length; i++) SMALL[i] = (double) i;
    }

    private static final double[] POWERS = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15
    };

    /**
     * A decimal without exponent of at most 15 digits, read without {@code Double.parseDouble}: its digits
     * make an integer m below 10^15 (so exact as a double) and it is m / 10^k with k at most 15 (exact as well);
     * IEEE division rounds correctly, so the quotient is the double nearest the text, the value
     * {@code Double.parseDouble} returns. Null for any other text (the caller takes the general path).
     */
    private static Double plain(String s) {
        int n = s.length();
        int i = 0;
        boolean negative = false;
        char c0 = s.charAt(0);
        if (c0 == '+' || c0 == '-') {
            negative = c0 == '-';
            i++;
        }
        long m = 0;
        int digits = 0;
        int fraction = -1;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c == '.') {
                fraction = 0;
                continue;
            }
            if (c < '0' || c > '9') return null; // an exponent
            if (++digits > 15) return null;
            m = m * 10 + (c - '0');
            if (fraction >= 0) fraction++;
        }
        double d = fraction > 0 ? m / POWERS[fraction] : m;
        if ((!negative || m == 0) && d < SMALL.length && d == Math.rint(d)) return SMALL[(int) d]; // -0 is 0
        return negative ? -d : d;
    }

    /** {@code [+-]?(D+(.D*)?|.D+)([eE][+-]?D{1,3})?} with D an ASCII digit; hand-written, as millions of cells pass here. */
    static boolean isDecimal(String s) {
        int n = s.length();
        int i = 0;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) i++;
        int whole = i;
        while (i < n && isDigit(s.charAt(i))) i++;
        boolean digits = i > whole;
        if (i < n && s.charAt(i) == '.') {
            int frac = ++i;
            while (i < n && isDigit(s.charAt(i))) i++;
            digits |= i > frac;
        }
        if (!digits) return false;
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) i++;
            int exp = i;
            while (i < n && isDigit(s.charAt(i))) i++;
            if (i == exp || i - exp > 3) return false;
        }
        return i == n;
    }

    /** True when the text holds a digit other than ASCII 0-9 (Arabic-Indic, full-width...). */
    public static boolean hasOtherDigit(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c > 0x7f && Character.isDigit(c)) return true;
        }
        return false;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** True when a parsed decimal is within the range l2r handles. */
    public static boolean inRange(BigDecimal b) {
        return b.abs().compareTo(BigDecimal.valueOf(LIMIT)) < 0 && b.scale() <= 12;
    }
}
