package dev.l2r.ingest;

import dev.l2r.InputError;

/** An input row that could not be read, and why; it goes to rejected.csv and is counted. */
public record RejectedRow(String file, long line, String field, String reason, String value) {

    /** {@code FILE:LINE: FIELD: REASON ("VALUE")}, as stderr lists a row that was not read. */
    public String describe() {
        return InputError.at(file, line, field, reason)
                + (value == null || value.isEmpty() ? "" : " (\"" + value + "\")");
    }
}
