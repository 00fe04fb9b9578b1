package dev.l2r.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import dev.l2r.InputError;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Streams the rows of a CSV, JSON (an array of objects) or NDJSON file as column names plus text values,
 * each with the line it starts on. Rows that are not rows (a JSON line that is not an object, a CSV row
 * with the wrong number of fields) are handed on as problems, never dropped.
 */
public final class Rows {

    /** Receives rows; {@code problem} is non-null when the row itself is malformed. */
    public interface Consumer {
        void row(List<String> names, String[] values, long line, String problem);
    }

    private Rows() {}

    /** How a text file is encoded and, for CSV, delimited. */
    public record Format(java.nio.charset.Charset charset, char delimiter) {
        public static final Format DEFAULT = new Format(java.nio.charset.StandardCharsets.UTF_8, ',');
    }

    /** Reads every row of a UTF-8, comma-delimited file and returns the SHA-256 of the file. */
    public static String read(Path path, Consumer consumer) {
        return read(path, Format.DEFAULT, consumer);
    }

    /** Reads every row and returns the SHA-256 of the file. */
    public static String read(Path path, Format format, Consumer consumer) {
        String name = path.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        try (TextInput in = TextInput.open(path, format.charset())) {
            Reader reader = in.reader();
            if (name.endsWith(".ndjson") || name.endsWith(".jsonl")) ndjson(reader, consumer);
            else if (name.endsWith(".json")) json(path, reader, consumer);
            else csv(path, reader, format.delimiter(), consumer);
            return in.sha256();
        } catch (CharacterCodingException e) {
            throw new InputError(InputError.at(path.toString(), 0, null, "not " + format.charset().name()
                    + " text" + (format.charset().equals(java.nio.charset.StandardCharsets.UTF_8)
                    ? " (a profile can declare another encoding, e.g. encoding: ISO-8859-1)" : "")));
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new InputError(InputError.at(path.toString(), line, null, "cannot be read past this line: " + InputError.firstLine(e.getOriginalMessage())));
        } catch (IOException e) {
            throw new InputError(InputError.at(path.toString(), 0, null, "cannot read: " + InputError.firstLine(e.getMessage())));
        }
    }

    /** Stops a read after the header, for {@link #header}. */
    private static final class HeaderOnly extends RuntimeException {
        final List<String> header;

        HeaderOnly(List<String> header) {
            super(null, null, false, false);
            this.header = header;
        }
    }

    private interface HeaderConsumer extends Consumer {}

    /** The header row of a CSV file, read without the rest. */
    public static List<String> header(Path path, Format format) {
        try {
            read(path, format, (HeaderConsumer) (names, values, line, problem) -> {});
        } catch (HeaderOnly h) {
            return h.header;
        }
        throw new InputError(InputError.at(path.toString(), 1, null, "empty file: expected a header row"));
    }

    private static void csv(Path path, Reader reader, char delimiter, Consumer consumer) throws IOException {
        CsvFactory f = CsvFactory.builder().enable(CsvParser.Feature.SKIP_EMPTY_LINES)
                .disable(StreamReadFeature.AUTO_CLOSE_SOURCE).build();
        try (CsvParser p = f.createParser(reader)) {
            p.setSchema(com.fasterxml.jackson.dataformat.csv.CsvSchema.emptySchema().withColumnSeparator(delimiter));
            List<String> header = null;
            List<String> values = new ArrayList<>();
            long line = 0;
            JsonToken t;
            while ((t = next(p, path, line)) != null) {
                if (t == JsonToken.START_ARRAY) {
                    values.clear();
                    line = p.currentLocation().getLineNr();
                } else if (t == JsonToken.VALUE_STRING) {
                    values.add(p.getText());
                } else if (t == JsonToken.END_ARRAY) {
                    if (header == null) {
                        header = header(path, values, line);
                        if (consumer instanceof HeaderConsumer) throw new HeaderOnly(header);
                        continue;
                    }
                    String[] row = values.toArray(new String[0]);
                    String problem = row.length == header.size() ? null
                            : "has " + row.length + " fields; the header has " + header.size();
                    consumer.row(header, row, line, problem);
                }
            }
            if (header == null) throw new InputError(InputError.at(path.toString(), 1, null, "empty file: expected a header row"));
        }
    }

    /** The next token; a quote left open names the row it opens in, not the end of the file it ran into. */
    private static JsonToken next(CsvParser p, Path path, long rowLine) throws IOException {
        try {
            return p.nextToken();
        } catch (JsonProcessingException e) {
            String m = String.valueOf(e.getOriginalMessage());
            if (m.contains("EOF") || m.toLowerCase(java.util.Locale.ROOT).contains("quote")) {
                throw new InputError(InputError.at(path.toString(), Math.max(rowLine, 1), null,
                        "a quoted field opens in this row and is never closed; the rest of the file cannot be read"));
            }
            throw e;
        }
    }

    private static List<String> header(Path path, List<String> values, long line) {
        List<String> h = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < values.size(); i++) {
            String n = values.get(i).strip();
            if (!seen.add(n)) {
                throw new InputError(InputError.at(path.toString(), line, n.isEmpty() ? "column " + (i + 1) : n, n.isEmpty()
                        ? "a second column without a name; name the columns or remove the empty ones"
                        : "column appears twice in the header"));
            }
            h.add(n);
        }
        return List.copyOf(h);
    }

    private static void json(Path path, Reader reader, Consumer consumer) throws IOException {
        try (JsonParser p = JsonFactory.builder().disable(StreamReadFeature.AUTO_CLOSE_SOURCE).build().createParser(reader)) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                throw new InputError(InputError.at(path.toString(), 1, null, "expected a JSON array of lead objects"));
            }
            JsonToken t;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                if (t == null) throw new InputError(InputError.at(path.toString(), 0, null, "the JSON array is not closed"));
                long line = p.currentLocation().getLineNr();
                if (t != JsonToken.START_OBJECT) {
                    p.skipChildren();
                    consumer.row(List.of(), new String[0], line, "not a JSON object");
                    continue;
                }
                object(p, line, consumer);
            }
            if (p.nextToken() != null) {
                throw new InputError(InputError.at(path.toString(), p.currentTokenLocation().getLineNr(), null,
                        "more JSON after the array of leads; a .json file holds one array (use .ndjson for one object per line)"));
            }
        }
    }

    private static void ndjson(Reader reader, Consumer consumer) throws IOException {
        BufferedReader br = new BufferedReader(reader, 1 << 16);
        JsonFactory f = new JsonFactory();
        String text;
        long line = 0;
        while ((text = br.readLine()) != null) {
            line++;
            if (text.isBlank()) continue;
            try (JsonParser p = f.createParser(text)) {
                if (p.nextToken() != JsonToken.START_OBJECT) {
                    consumer.row(List.of(), new String[0], line, "not a JSON object");
                    continue;
                }
                object(p, line, consumer);
                if (p.nextToken() != null) consumer.row(List.of(), new String[0], line, "text after the JSON object");
            } catch (JsonProcessingException e) {
                consumer.row(List.of(), new String[0], line, "not valid JSON: " + InputError.firstLine(e.getOriginalMessage()));
            }
        }
    }

    /** Reads one flat object; nested values make the row a problem. */
    private static void object(JsonParser p, long line, Consumer consumer) throws IOException {
        List<String> names = new ArrayList<>();
        List<String> values = new ArrayList<>();
        String problem = null;
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_OBJECT) {
            String key = p.currentName();
            t = p.nextToken();
            if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                p.skipChildren();
                if (problem == null) problem = "field " + key + " holds a nested value; leads are flat";
                continue;
            }
            if (names.contains(key)) {
                if (problem == null) problem = "field " + key + " appears twice";
                continue;
            }
            names.add(key);
            values.add(t == JsonToken.VALUE_NULL ? null : p.getText());
        }
        consumer.row(names, values.toArray(new String[0]), line, problem);
    }


}
