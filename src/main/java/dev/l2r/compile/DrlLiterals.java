package dev.l2r.compile;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The only way agreement values enter DRL. Strings become quoted literals with Java escapes for the
 * quote, the backslash and line breaks (a measured round trip through the DRL lexer and MVEL, see
 * DrlLiteralsTest); numbers are printed from parsed {@link BigDecimal}s. Control characters other than
 * tab and line breaks are refused when the agreement is read, and refused again here.
 */
public final class DrlLiterals {

    private DrlLiterals() {}

    public static String string(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (Character.isISOControl(c)) {
                        throw new IllegalArgumentException(
                                "control character U+" + Integer.toHexString(c) + " in a literal");
                    }
                    b.append(c);
                }
            }
        }
        return b.append('"').toString();
    }

    public static String strings(List<String> values) {
        return values.stream().map(DrlLiterals::string).collect(Collectors.joining(", "));
    }

    public static String number(BigDecimal n) {
        return n.stripTrailingZeros().toPlainString();
    }

    public static String epochMillis(long t) {
        return t + "L";
    }
}
