package dev.l2r;

import java.util.List;

/**
 * Bad input (agreement, rules, data or arguments): exit 2, one line per problem naming file, line and
 * field, no stack trace and no partial output.
 */
public final class InputError extends RuntimeException {

    private final List<String> lines;

    public InputError(String line) {
        this(List.of(line));
    }

    public InputError(List<String> lines) {
        super(String.join("\n", lines.stream().map(InputError::oneLine).toList()), null, false, false);
        this.lines = lines.stream().map(InputError::oneLine).toList();
    }

    /** A message from a library folded onto one line (its lines joined by spaces). */
    public static String flatten(String s) {
        return s == null ? "" : s.strip().replaceAll("\\s*\\n\\s*", " ");
    }

    /** The first line of a library message. */
    public static String firstLine(String s) {
        if (s == null) return "unreadable";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** Shows line breaks and other control characters (which may come from the input) as escapes. */
    static String oneLine(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n') b.append("\\n");
            else if (c == '\r') b.append("\\r");
            else if (c == '\t') b.append("\\t");
            else if (Character.isISOControl(c)) b.append(String.format("\\u%04x", (int) c));
            else b.append(c);
        }
        return b.toString();
    }

    /** Formats {@code file:line: field: message}, leaving out what is unknown. */
    public static String at(String file, long line, String field, String message) {
        StringBuilder b = new StringBuilder(file);
        if (line > 0) b.append(':').append(line);
        b.append(": ");
        if (field != null && !field.isEmpty()) b.append(field).append(": ");
        return b.append(message).toString();
    }

    public List<String> lines() {
        return lines;
    }
}
