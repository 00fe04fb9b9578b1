package dev.l2r.ingest;

/** An input row that could not be read, and why; it goes to rejected.csv and is counted. */
public record RejectedRow(String file, long line, String field, String reason, String value) {}
