package dev.l2r.ingest.profile;

import dev.l2r.InputError;
import dev.l2r.ingest.InputFile;
import dev.l2r.ingest.RejectedRow;
import dev.l2r.ingest.Rows;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * A joined file of a profile (deals, opportunities, a team roster), held in memory and indexed by key so
 * that the primary file can be streamed past it. A record joins one lead only, the first accepted lead
 * that points at it; a reference table's rows may join any number. When the primary file is done,
 * {@link #finish} rejects each row no accepted lead joined and says why (a duplicate key, its lead was
 * rejected, no lead has the key), or for a reference table only counts it: no row is left out silently.
 */
final class JoinedTable {

    /** One row of a joined file, and what became of it. */
    static final class Row {
        private final String file;
        private final long line;
        private final String[] values;
        private final List<String> keys;
        /** Column positions of this row's file: several files of one source may order columns differently. */
        private final Map<String, Integer> columns;

        private boolean taken;
        private Row duplicateOf;
        /** File and line of the first rejected lead this row would have joined. */
        private String rejectedLead;

        private Row(String file, long line, String[] values, List<String> keys, Map<String, Integer> columns) {
            this.file = file;
            this.line = line;
            this.values = values;
            this.keys = keys;
            this.columns = columns;
        }

        /** The text of a column (null when absent or blank). */
        String cell(String column) {
            Integer i = columns.get(column);
            String v = i == null || i >= values.length ? null : values[i];
            return v == null || v.isBlank() ? null : v.strip();
        }

        /** True when an accepted lead has joined this row. */
        boolean taken() {
            return taken;
        }

        /** An accepted lead joined this row. */
        void take() {
            taken = true;
        }

        /** A rejected lead would have joined this row: the first such lead names the reason it is unjoined. */
        void wouldHaveJoined(String lead) {
            if (rejectedLead == null) rejectedLead = lead;
        }
    }

    private final Profile profile;
    private final Profile.Source source;
    private final Consumer<RejectedRow> reject;
    private List<String> header = List.of();
    /** Column positions per file. */
    private final Map<String, Map<String, Integer>> headers = new LinkedHashMap<>();

    private final Map<String, Row> byKey = new HashMap<>();
    private final List<Row> rows = new ArrayList<>();
    /** Per file: rows read, rows rejected while loading. */
    private final Map<String, long[]> counts = new LinkedHashMap<>();

    private final Map<String, String> shas = new HashMap<>();
    /** Leads that pointed at a record another lead had joined already (they get none). */
    private long pointedAtTaken;

    /** Reads the source's files; rows that cannot be read, or have no key, go to {@code reject}. */
    JoinedTable(Profile profile, Profile.Source source, List<Path> paths, Consumer<RejectedRow> reject) {
        this.profile = profile;
        this.source = source;
        this.reject = reject;
        for (Path p : paths) load(p);
    }

    Profile.Source source() {
        return source;
    }

    /** The header of the first file: its columns are the ones kept as extra fields. */
    List<String> header() {
        return header;
    }

    /** Column positions of each file, so that a field's column is checked in every one. */
    Map<String, Map<String, Integer>> headers() {
        return headers;
    }

    /** The row whose key is {@code k}, taken or not; null when there is none. */
    Row lookup(String k) {
        return byKey.get(source.comparableKey(k));
    }

    /** An accepted lead pointed at a record another lead had taken. */
    void pointedAtTaken() {
        pointedAtTaken++;
    }

    private void load(Path path) {
        String file = path.toString();
        long[] n = new long[2];
        counts.put(file, n);
        List<String> fileHeader = Rows.header(path, source.format());
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < fileHeader.size(); i++) columns.putIfAbsent(fileHeader.get(i), i);
        if (!columns.containsKey(source.key())) {
            throw new InputError(InputError.at(
                    file,
                    1,
                    source.key(),
                    "missing key column (profile " + profile.name() + ", " + profile.source() + ":" + source.line()
                            + " files." + source.alias() + ".key)"));
        }
        if (header.isEmpty()) header = fileHeader;
        headers.put(file, columns);
        String sha = Rows.read(path, source.format(), (h, values, line, problem) -> {
            n[0]++;
            if (problem != null) {
                reject.accept(new RejectedRow(file, line, problem.field(), problem.reason(), ""));
                n[1]++;
                return;
            }
            Row r = new Row(file, line, values, keys(values[columns.get(source.key())]), columns);
            if (r.keys.isEmpty()) {
                reject.accept(new RejectedRow(file, line, source.key(), "no key: this row joins no lead", ""));
                n[1]++;
                return;
            }
            rows.add(r);
            for (String k : r.keys) {
                Row first = byKey.putIfAbsent(source.comparableKey(k), r);
                if (first != null && r.duplicateOf == null) r.duplicateOf = first;
            }
        });
        shas.put(file, sha);
    }

    /** The keys of a key cell: one, or several when the source splits its keys ("101;102"). */
    private List<String> keys(String cell) {
        if (cell == null || cell.isBlank()) return List.of();
        if (source.keySplit() == null) return List.of(cell.strip());
        List<String> out = new ArrayList<>();
        for (String part : cell.split(Pattern.quote(source.keySplit()))) {
            if (!part.isBlank()) out.add(part.strip());
        }
        return out;
    }

    /** Rejects (or, for a reference table, counts) the rows no lead joined; the counts of each file. */
    List<InputFile> finish() {
        Map<String, long[]> unused = new HashMap<>();
        Map<String, long[]> notJoined = new HashMap<>();
        Map<String, long[]> joinedRows = new HashMap<>();
        for (Row r : rows) {
            if (r.taken) {
                joinedRows.computeIfAbsent(r.file, f -> new long[1])[0]++;
                continue;
            }
            if (source.reference() && r.duplicateOf == null) {
                notJoined.computeIfAbsent(r.file, f -> new long[1])[0]++;
                continue;
            }
            String keys = String.join(source.keySplit() == null ? "" : source.keySplit(), r.keys);
            String reason = r.duplicateOf != null
                    ? "duplicate key " + keys + "; the row at line " + r.duplicateOf.line + " is joined instead"
                    : r.rejectedLead != null
                            ? "the lead it joins (" + r.rejectedLead + ") is rejected"
                            : "no lead of the " + profile.primary() + " file has " + source.join() + " = " + keys;
            reject.accept(new RejectedRow(r.file, r.line, source.key(), reason, keys));
            unused.computeIfAbsent(r.file, f -> new long[1])[0]++;
        }
        List<InputFile> out = new ArrayList<>();
        counts.forEach((file, n) -> {
            long rejectedRows = n[1] + unused.getOrDefault(file, new long[1])[0];
            long idle = notJoined.getOrDefault(file, new long[1])[0];
            long joined = joinedRows.getOrDefault(file, new long[1])[0];
            Map<String, Long> details = new LinkedHashMap<>();
            details.put("joined", joined);
            if (source.reference()) details.put("not_joined", idle);
            else if (pointedAtTaken > 0
                    && file.equals(counts.keySet().iterator().next())) {
                details.put("leads_pointing_at_a_joined_row", pointedAtTaken);
            }
            out.add(new InputFile(file, source.alias(), shas.get(file), n[0], joined + idle, rejectedRows, details));
        });
        return out;
    }
}
