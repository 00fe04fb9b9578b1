package dev.l2r.ingest;

import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;

/**
 * A streaming RFC 4180 reader that survives malformed records. Fields are separated by the delimiter;
 * a field that starts with a quote (spaces before it and after the closing quote are ignored) may hold
 * delimiters, doubled quotes and line breaks; lines end with CRLF, LF or CR; lines holding only spaces
 * and tabs are skipped. Each record knows the line it starts on.
 *
 * <p>A malformed record (a quote in the middle of an unquoted field or right after a closing quote, a
 * quoted field never closed, a field over {@link #MAX_FIELD} or a record over {@link #MAX_RECORD}
 * characters) is reported as a problem, and reading resumes at the line after the one the record started
 * on: one stray quote never swallows the rest of the file, and memory stays bounded by the record limit.
 * The caller may ask for the same rewind after a record it finds malformed itself ({@link #rewind()}).
 */
final class CsvRecords {

    /** Longest field, in characters. */
    static final int MAX_FIELD = 1 << 20;
    /** Longest record, in characters. */
    static final int MAX_RECORD = 4 << 20;

    /** What was wrong with the last record (null when it was read). */
    enum Problem {
        QUOTE_IN_FIELD,
        QUOTE_NOT_CLOSED,
        FIELD_TOO_LONG,
        RECORD_TOO_LONG
    }

    private final Reader in;
    private final char delimiter;
    private char[] buf;
    private int pos;
    private int lim;
    private boolean eof;
    /** Stream offset of buf[0]. */
    private long base;
    /** Buffer index from which text must be kept (start of the current record), or -1 to keep nothing. */
    private int mark = -1;
    /** Line of buf[pos]. */
    private long line = 1;

    private String[] fields = new String[32];
    private int count;
    private long recordLine;
    private Problem problem;
    private int problemColumn;
    /** Stream offset of the start of the line after the record's first line, or -1 while the record is on one line. */
    private long nextLineAt;

    private final StringBuilder quoted = new StringBuilder();

    CsvRecords(Reader in, char delimiter) {
        this(in, delimiter, 1 << 16);
    }

    CsvRecords(Reader in, char delimiter, int bufferSize) {
        this.in = in;
        this.delimiter = delimiter;
        this.buf = new char[bufferSize];
    }

    /** Line the last record starts on. */
    long line() {
        return recordLine;
    }

    /** Fields of the last record (a fresh array), or an empty array when it was malformed. */
    String[] fields() {
        return problem == null ? Arrays.copyOf(fields, count) : new String[0];
    }

    /** Number of fields of the last record. */
    int count() {
        return count;
    }

    Problem problem() {
        return problem;
    }

    /** 1-based column where the problem was found. */
    int problemColumn() {
        return problemColumn;
    }

    /** Characters the buffer holds now: stays within {@link #MAX_RECORD} plus one read. */
    int capacity() {
        return buf.length;
    }

    /** Reads the next record; false at the end of the input. */
    boolean next() throws IOException {
        count = 0;
        problem = null;
        quoted.setLength(0);
        if (!skipBlankLines()) return false;
        recordLine = line;
        mark = pos;
        nextLineAt = -1;
        try {
            while (true) {
                boolean last = field();
                if (problem != null) break;
                if (last) break;
            }
        } catch (TooLong e) {
            problem = e.problem;
            problemColumn = count + 1;
        }
        if (problem != null) rewind();
        mark = -1;
        return true;
    }

    /**
     * Drops the rest of the last record: reading resumes at the line after the one it started on (the record
     * has been read whole, or it ends at the next line end).
     */
    void rewind() throws IOException {
        if (nextLineAt >= 0) {
            pos = (int) (nextLineAt - base);
            line = recordLine + 1;
            return;
        }
        mark = -1;
        // still on the record's first line: skip to its end, keeping nothing
        if (line > recordLine) return; // the record ended with the end of its line already
        while (true) {
            if (pos == lim && !fill()) return;
            char c = buf[pos];
            if (c == '\n' || c == '\r') {
                lineEnd();
                return;
            }
            pos++;
        }
    }

    /** Skips lines of spaces and tabs only; false at the end of the input. */
    private boolean skipBlankLines() throws IOException {
        while (true) {
            mark = pos;
            int p = pos;
            while (true) {
                if (p == lim) {
                    int kept = p - pos;
                    if (!fill()) return false;
                    p = pos + kept;
                    continue;
                }
                char c = buf[p];
                if ((c == ' ' || c == '\t') && p - pos <= MAX_FIELD) {
                    p++;
                    continue;
                }
                if (c == '\n' || c == '\r') {
                    pos = p;
                    lineEnd();
                    break;
                }
                mark = -1;
                return true; // pos is still at the start of the line (a run of spaces too long for a field is a record)
            }
        }
    }

    /** Reads one field; true when it was the last of the record. */
    private boolean field() throws IOException {
        int col = count + 1;
        // spaces before an opening quote are not part of the field
        int p = pos;
        while (true) {
            if (p == lim) {
                int kept = p - pos;
                if (!fill()) break;
                p = pos + kept;
                continue;
            }
            char c = buf[p];
            if (c == ' ' || c == '\t') {
                p++;
                continue;
            }
            if (c == '"') {
                pos = p + 1;
                return quotedField(col);
            }
            break;
        }
        return plainField(col);
    }

    private boolean plainField(int col) throws IOException {
        long start = base + pos;
        char d = delimiter;
        char highest = (char) Math.max(d, '"'); // one comparison for most characters: digits and letters are above it
        while (true) {
            int p = pos;
            char[] b = buf;
            int l = lim;
            while (p < l) {
                char c = b[p];
                if (c <= highest && (c == d || c == '\n' || c == '\r' || c == '"')) break;
                p++;
            }
            pos = p;
            if (p == l) {
                if (base + pos - start > MAX_FIELD) throw new TooLong(Problem.FIELD_TOO_LONG);
                if (fill()) continue;
                add(start, base + pos);
                return true;
            }
            char c = buf[p];
            if (base + pos - start > MAX_FIELD) throw new TooLong(Problem.FIELD_TOO_LONG);
            if (c == '"') {
                fail(Problem.QUOTE_IN_FIELD, col);
                return true;
            }
            add(start, base + pos);
            pos++;
            if (c == d) return false;
            if (c == '\r' && (pos < lim || fill()) && buf[pos] == '\n') pos++;
            line++;
            return true;
        }
    }

    private boolean quotedField(int col) throws IOException {
        long start = base + pos;
        long segment = start;
        while (true) {
            if (pos == lim) {
                if (base + pos - start > MAX_FIELD) throw new TooLong(Problem.FIELD_TOO_LONG);
                if (!fill()) {
                    fail(Problem.QUOTE_NOT_CLOSED, col);
                    return true;
                }
            }
            char c = buf[pos];
            if (c == '"') {
                if (pos + 1 == lim) fill(); // the record is kept from its start: buf[pos] stays
                if (pos + 1 < lim && buf[pos + 1] == '"') {
                    quoted.append(buf, (int) (segment - base), (int) (base + pos + 1 - segment));
                    pos += 2;
                    segment = base + pos;
                    continue;
                }
                long end = base + pos;
                if (end - start > MAX_FIELD) throw new TooLong(Problem.FIELD_TOO_LONG);
                pos++;
                String value;
                if (quoted.length() == 0) {
                    value = text((int) (start - base), (int) (end - start));
                } else {
                    value = quoted.append(buf, (int) (segment - base), (int) (end - segment))
                            .toString();
                    quoted.setLength(0);
                }
                return afterClosingQuote(col, value);
            }
            if (c == '\n' || c == '\r') {
                pos++;
                if (c == '\r' && (pos < lim || fill()) && buf[pos] == '\n') pos++;
                line++;
                if (nextLineAt < 0) nextLineAt = base + pos;
                continue;
            }
            pos++;
        }
    }

    private boolean afterClosingQuote(int col, String value) throws IOException {
        while (true) {
            if (pos == lim && !fill()) {
                push(value);
                return true;
            }
            char c = buf[pos];
            if (c == ' ' || c == '\t') {
                pos++;
                continue;
            }
            if (c == delimiter) {
                pos++;
                push(value);
                return false;
            }
            if (c == '\n' || c == '\r') {
                push(value);
                lineEnd();
                return true;
            }
            fail(Problem.QUOTE_IN_FIELD, col);
            return true;
        }
    }

    /** Consumes the line end at pos. */
    private void lineEnd() throws IOException {
        char c = buf[pos++];
        if (c == '\r' && (pos < lim || fill()) && buf[pos] == '\n') pos++;
        line++;
    }

    private void fail(Problem p, int col) {
        problem = p;
        problemColumn = col;
    }

    private void add(long from, long to) {
        push(text((int) (from - base), (int) (to - from)));
    }

    /** The text of buf[from, from + len): a new string, or the empty one (most cells of a leads file are empty). */
    private String text(int from, int len) {
        return len == 0 ? "" : new String(buf, from, len);
    }

    private void push(String v) {
        if (count == fields.length) fields = Arrays.copyOf(fields, count * 2);
        fields[count++] = v;
    }

    /**
     * Reads more text after lim, keeping buf[mark..lim) (or buf[pos..lim) without a mark); false at the end of
     * the input. Index fields move with the text; stream offsets do not.
     */
    private boolean fill() throws IOException {
        if (eof) return false;
        int keep = mark >= 0 ? Math.min(mark, pos) : pos;
        if (keep > 0) {
            System.arraycopy(buf, keep, buf, 0, lim - keep);
            lim -= keep;
            pos -= keep;
            if (mark >= 0) mark -= keep;
            base += keep;
        }
        if (lim == buf.length) {
            if (mark >= 0 && lim - mark >= MAX_RECORD) throw new TooLong(Problem.RECORD_TOO_LONG);
            buf = Arrays.copyOf(buf, Math.min(buf.length * 2, MAX_RECORD + (1 << 16)));
        }
        int n = in.read(buf, lim, buf.length - lim);
        if (n <= 0) {
            eof = true;
            return false;
        }
        lim += n;
        return true;
    }

    /** A field or record over its limit: unwinds to {@link #next()}. */
    private static final class TooLong extends RuntimeException {
        final Problem problem;

        TooLong(Problem problem) {
            super(null, null, false, false);
            this.problem = problem;
        }
    }
}
