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
        super(String.join("\n", lines), null, false, false);
        this.lines = List.copyOf(lines);
    }

    /** Formats {@code file:line: field: message}, leaving out what is unknown. */
    public static String at(String file, long line, String field, String message) {
        StringBuilder b = new StringBuilder(file);
        if (line > 0) b.append(':').append(line);
        b.append(": ");
        if (field != null && !field.isEmpty()) b.append(field).append(": ");
        return b.append(message).toString();
    }

    public List<String> lines() { return lines; }
}
