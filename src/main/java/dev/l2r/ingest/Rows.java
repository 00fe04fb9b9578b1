package dev.l2r.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import dev.l2r.InputError;
import dev.l2r.ParserLimits;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Streams the rows of a CSV, JSON (an array of objects) or NDJSON file as column names plus text values,
 * each with the line it starts on. Rows that are not rows (a JSON line that is not an object, a CSV record
 * with a stray quote or the wrong number of fields) are handed on as problems, never dropped, and reading
 * goes on: CSV through {@link CsvRecords}, which resumes at the next line; NDJSON one row per non-blank line.
 * Only a header that cannot be read, or a .json document that cannot be parsed, stops the file.
 */
public final class Rows {

    /** Receives rows; {@code problem} is non-null when the row itself is malformed. */
    public interface Consumer {
        void row(List<String> names, String[] values, long line, Problem problem);
    }

    /**
     * Checks the header of a CSV file (line 1) before any row is read, so that a file holding only a wrong
     * header is refused as one with rows would be; throws an {@link InputError} to refuse it.
     */
    public interface HeaderCheck {
        HeaderCheck NONE = names -> {};

        void header(List<String> names);
    }

    /**
     * Why a row is malformed: the field it happened in (a column's name, "column N" for a column without one,
     * a JSON key), or empty when the row as a whole is wrong (its number of fields, its length, its JSON).
     */
    public record Problem(String field, String reason) {
        static Problem ofRow(String reason) {
            return new Problem("", reason);
        }
    }

    private Rows() {}

    /** How a text file is encoded and, for CSV, delimited. */
    public record Format(Charset charset, char delimiter) {
        public static final Format DEFAULT = new Format(StandardCharsets.UTF_8, ',');
    }

    /** Reads every row of a UTF-8, comma-delimited file and returns the SHA-256 of the file. */
    public static String read(Path path, Consumer consumer) {
        return read(path, Format.DEFAULT, HeaderCheck.NONE, consumer);
    }

    /**
     * Reads every row of a UTF-8, comma-delimited file, a CSV file's header checked first (even when no row
     * follows it), and returns the SHA-256 of the file.
     */
    public static String read(Path path, HeaderCheck check, Consumer consumer) {
        return read(path, Format.DEFAULT, check, consumer);
    }

    /** Reads every row and returns the SHA-256 of the file. */
    public static String read(Path path, Format format, Consumer consumer) {
        return read(path, format, HeaderCheck.NONE, consumer);
    }

    /** Reads every row, a CSV file's header checked first, and returns the SHA-256 of the file. */
    public static String read(Path path, Format format, HeaderCheck check, Consumer consumer) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        try (TextInput in = TextInput.open(path, format.charset())) {
            Reader reader = in.reader();
            if (name.endsWith(".ndjson") || name.endsWith(".jsonl")) ndjson(reader, consumer);
            else if (name.endsWith(".json")) json(path, reader, consumer);
            else csv(path, reader, format.delimiter(), check, consumer);
            return in.sha256();
        } catch (CharacterCodingException e) {
            throw new InputError(notText(path, format.charset()));
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new InputError(InputError.at(
                    path.toString(),
                    line,
                    null,
                    "cannot be read past this line: " + InputError.firstLine(e.getOriginalMessage())));
        } catch (IOException e) {
            throw new InputError(
                    InputError.at(path.toString(), 0, null, "cannot read: " + InputError.firstLine(e.getMessage())));
        }
    }

    /**
     * The line of a file that is not text in {@code charset}: where its first bad byte is, found by reading the
     * file again (decoding errors are rare; reading stays one pass when there is none).
     */
    private static String notText(Path path, Charset charset) {
        TextInput.BadByte bad = TextInput.firstBadByte(path, charset);
        boolean utf8 = charset.equals(StandardCharsets.UTF_8);
        String advice = utf8
                ? "save the file as UTF-8 (or a profile can declare another encoding, e.g. encoding: ISO-8859-1)"
                : "save the file as " + charset.name() + " or declare its encoding in the profile";
        if (bad == null) return InputError.at(path.toString(), 0, null, "not " + charset.name() + " text; " + advice);
        return InputError.at(
                path.toString(),
                bad.line(),
                null,
                String.format(
                        Locale.ROOT,
                        "not %s text (byte 0x%02X at column %d); %s",
                        charset.name(),
                        bad.value(),
                        bad.column(),
                        advice));
    }

    /** Stops a read after the header, for {@link #header}. */
    private static final class HeaderOnly extends RuntimeException {
        final List<String> header;

        HeaderOnly(List<String> header) {
            super(null, null, false, false);
            this.header = header;
        }
    }

    /** The header row of a CSV file, read without the rest. */
    public static List<String> header(Path path, Format format) {
        try {
            read(
                    path,
                    format,
                    names -> {
                        throw new HeaderOnly(names);
                    },
                    (names, values, line, problem) -> {});
        } catch (HeaderOnly h) {
            return h.header;
        }
        throw new InputError(InputError.at(path.toString(), 1, null, "empty file: expected a header row"));
    }

    private static void csv(Path path, Reader reader, char delimiter, HeaderCheck check, Consumer consumer)
            throws IOException {
        CsvRecords r = new CsvRecords(reader, delimiter);
        if (!r.next())
            throw new InputError(InputError.at(path.toString(), 1, null, "empty file: expected a header row"));
        if (r.problem() != null) {
            throw new InputError(InputError.at(
                    path.toString(), r.line(), null, "the header row cannot be read: " + describe(r, null)));
        }
        List<String> header = header(path, Arrays.asList(r.fields()), r.line());
        check.header(header);
        while (r.next()) {
            Problem problem = null;
            if (r.problem() != null) {
                problem = new Problem(column(r, header), describe(r, header));
            } else if (r.count() != header.size()) {
                problem = Problem.ofRow("has " + r.count() + " fields; the header has " + header.size());
                r.rewind(); // a record that spans lines through a stray quote gives its lines back
            }
            consumer.row(header, r.fields(), r.line(), problem);
        }
    }

    /** The field of a malformed record: its column's name, "column N" without one; empty for the whole record. */
    private static String column(CsvRecords r, List<String> header) {
        if (r.problem() == CsvRecords.Problem.RECORD_TOO_LONG) return "";
        String name = nameOf(header, r.problemColumn());
        return name != null ? name : "column " + r.problemColumn();
    }

    /** The name the header gives the 1-based column {@code col}, or null (no header, no name, past its end). */
    private static String nameOf(List<String> header, int col) {
        return header != null && col <= header.size() && !header.get(col - 1).isEmpty() ? header.get(col - 1) : null;
    }

    /** The reason a record is malformed, naming its column (and the column's name when the header has one). */
    private static String describe(CsvRecords r, List<String> header) {
        int col = r.problemColumn();
        String name = nameOf(header, col);
        String at = "column " + col + (name != null ? " (" + name + ")" : "");
        return switch (r.problem()) {
            case QUOTE_IN_FIELD ->
                "a quote in the middle of a field at " + at + "; quote the whole field and double inner quotes";
            case QUOTE_NOT_CLOSED ->
                "a quoted field at " + at + " is never closed; close it (reading went on at the next line)";
            case FIELD_TOO_LONG ->
                "the field at " + at + " is longer than " + CsvRecords.MAX_FIELD
                        + " characters (or a quote opened there is never closed)";
            case RECORD_TOO_LONG -> "the row is longer than " + CsvRecords.MAX_RECORD + " characters";
        };
    }

    private static List<String> header(Path path, List<String> values, long line) {
        List<String> h = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < values.size(); i++) {
            String n = values.get(i).strip();
            if (!seen.add(n)) {
                throw new InputError(InputError.at(
                        path.toString(),
                        line,
                        n.isEmpty() ? "column " + (i + 1) : n,
                        n.isEmpty()
                                ? "a second column without a name; name the columns or remove the empty ones"
                                : "column appears twice in the header"));
            }
            h.add(n);
        }
        return List.copyOf(h);
    }

    /** Parsers of JSON leads: a string value is a field, bounded like a CSV field. */
    private static final JsonFactory JSON = JsonFactory.builder()
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(CsvRecords.MAX_FIELD)
                    .build())
            .build();

    /** One JSON object as a row. */
    private record Parsed(List<String> names, String[] values, Problem problem) {}

    private static final Parsed NOT_AN_OBJECT =
            new Parsed(List.of(), new String[0], Problem.ofRow("not a JSON object"));

    private static void json(Path path, Reader reader, Consumer consumer) throws IOException {
        try (JsonParser p = JSON.createParser(reader)) {
            try {
                jsonArray(path, p, consumer);
            } catch (StreamConstraintsException e) {
                throw new InputError(InputError.at(
                        path.toString(),
                        p.currentLocation().getLineNr(),
                        null,
                        "cannot be read past this line: " + beyondLimit(e)));
            }
        }
    }

    /**
     * What a value over one of the parser's limits is, in words (its line is where the parser stopped): the
     * limits are those of {@link #JSON}, whose messages name its internals.
     */
    static String beyondLimit(StreamConstraintsException e) {
        String what = ParserLimits.describe(e, JSON.streamReadConstraints());
        return what.startsWith("nested") ? what + "; a lead is one flat object" : what;
    }

    private static void jsonArray(Path path, JsonParser p, Consumer consumer) throws IOException {
        if (p.nextToken() != JsonToken.START_ARRAY) {
            throw new InputError(InputError.at(path.toString(), 1, null, "expected a JSON array of lead objects"));
        }
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == null) {
                throw new InputError(InputError.at(
                        path.toString(), p.currentLocation().getLineNr(), null, "the JSON array is not closed"));
            }
            long line = p.currentLocation().getLineNr();
            Parsed o;
            if (t != JsonToken.START_OBJECT) {
                p.skipChildren();
                o = NOT_AN_OBJECT;
            } else {
                o = object(p);
            }
            consumer.row(o.names(), o.values(), line, o.problem());
        }
        if (p.nextToken() != null) {
            throw new InputError(
                    InputError.at(
                            path.toString(),
                            p.currentTokenLocation().getLineNr(),
                            null,
                            "more JSON after the array of leads; a .json file holds one array (use .ndjson for one object per line)"));
        }
    }

    /** One row per non-blank line: the line is one object, or it is one rejected row. */
    private static void ndjson(Reader reader, Consumer consumer) throws IOException {
        Lines lines = new Lines(reader);
        String text;
        long line = 0;
        while ((text = lines.next()) != null) {
            line++;
            Parsed o;
            if (lines.tooLong) {
                o = new Parsed(
                        List.of(),
                        new String[0],
                        Problem.ofRow("the line is longer than " + CsvRecords.MAX_RECORD + " characters"));
            } else if (text.isBlank()) {
                continue;
            } else {
                o = ndjsonLine(text);
            }
            consumer.row(o.names(), o.values(), line, o.problem());
        }
    }

    private static Parsed ndjsonLine(String text) throws IOException {
        try (JsonParser p = JSON.createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) return NOT_AN_OBJECT;
            Parsed o = object(p);
            int k = (int) p.currentLocation().getCharOffset();
            while (k < text.length() && (text.charAt(k) == ' ' || text.charAt(k) == '\t')) k++;
            if (k < text.length()) {
                return new Parsed(
                        List.of(),
                        new String[0],
                        Problem.ofRow("text after the JSON object at column " + (k + 1) + "; put one object per line"));
            }
            return o;
        } catch (StreamConstraintsException e) {
            return new Parsed(List.of(), new String[0], Problem.ofRow("not valid JSON: " + beyondLimit(e)));
        } catch (JsonProcessingException e) {
            return new Parsed(
                    List.of(),
                    new String[0],
                    Problem.ofRow("not valid JSON: " + InputError.firstLine(e.getOriginalMessage())));
        }
    }

    /** Reads one flat object; nested values make the row a problem. */
    private static Parsed object(JsonParser p) throws IOException {
        List<String> names = new ArrayList<>();
        List<String> values = new ArrayList<>();
        Problem problem = null;
        while (p.nextToken() != JsonToken.END_OBJECT) {
            String key = p.currentName();
            JsonToken t = p.nextToken();
            if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                p.skipChildren();
                if (problem == null)
                    problem = new Problem(key, "field " + key + " holds a nested value; leads are flat");
                continue;
            }
            if (names.contains(key)) {
                if (problem == null) problem = new Problem(key, "field " + key + " appears twice");
                continue;
            }
            names.add(key);
            values.add(t == JsonToken.VALUE_NULL ? null : p.getText());
        }
        return new Parsed(names, values.toArray(new String[0]), problem);
    }

    /** Lines of text (ended by CRLF, LF or CR), each at most {@link CsvRecords#MAX_RECORD} characters kept. */
    private static final class Lines {
        private final Reader in;
        private final char[] buf = new char[1 << 16];
        private final StringBuilder text = new StringBuilder();
        private int pos;
        private int lim;
        /** The last line was longer than the limit; its text is dropped. */
        boolean tooLong;

        Lines(Reader in) {
            this.in = in;
        }

        private boolean more() throws IOException {
            if (pos < lim) return true;
            int n = in.read(buf, 0, buf.length);
            if (n <= 0) return false;
            pos = 0;
            lim = n;
            return true;
        }

        /** The next line, or null at the end of the input. */
        String next() throws IOException {
            text.setLength(0);
            tooLong = false;
            if (!more()) return null;
            while (true) {
                int p = pos;
                while (p < lim && buf[p] != '\n' && buf[p] != '\r') p++;
                if (!tooLong && text.length() + (p - pos) > CsvRecords.MAX_RECORD) {
                    tooLong = true;
                    text.setLength(0);
                    text.trimToSize();
                }
                if (!tooLong) text.append(buf, pos, p - pos);
                pos = p;
                if (p < lim) {
                    char c = buf[pos++];
                    if (c == '\r' && more() && buf[pos] == '\n') pos++;
                    return text.toString();
                }
                if (!more()) return text.toString();
            }
        }
    }
}
