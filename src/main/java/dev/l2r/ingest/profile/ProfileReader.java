package dev.l2r.ingest.profile;

import dev.l2r.InputError;
import dev.l2r.Progress;
import dev.l2r.facts.Lead;
import dev.l2r.ingest.InputFile;
import dev.l2r.ingest.LeadParser;
import dev.l2r.ingest.RejectedRow;
import dev.l2r.ingest.Rows;
import dev.l2r.model.FieldType;
import dev.l2r.model.LeadField;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Reads a CRM export through a mapping profile. Joined and history files are read first (they are
 * indexed by key); the primary file is then streamed row by row, each row becoming a canonical lead or a
 * rejected row. Secondary rows that no lead joins are rejected at the end: no row is left out silently.
 */
public final class ProfileReader {

    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final Profile profile;
    private final ZoneId zone;
    private final Map<String, FieldType> custom;
    private final Progress progress;
    private final List<RejectedRow> rejected = new ArrayList<>();
    private final List<InputFile> inputs = new ArrayList<>();

    public ProfileReader(Profile profile, ZoneId zone, Map<String, FieldType> custom, Progress progress) {
        this.profile = profile;
        this.zone = profile.zone() != null ? profile.zone() : zone;
        this.custom = custom;
        this.progress = progress;
    }

    public List<RejectedRow> rejected() { return rejected; }

    public List<InputFile> inputs() { return inputs; }

    /** Extra (non-canonical) columns the leads may carry, in the order an import writes them. */
    public List<String> extraColumns() { return List.copyOf(extraColumns); }

    private final Set<String> extraColumns = new LinkedHashSet<>();

    /** Which source each file is, by the profile's file-name patterns (the first source that matches). */
    public Map<String, List<Path>> assign(List<Path> files) {
        Map<String, List<Path>> out = new LinkedHashMap<>();
        for (Path f : files) {
            String alias = sourceOf(f);
            if (alias == null) {
                List<String> expected = new ArrayList<>();
                profile.sources().values().forEach(s -> expected.add(s.alias() + " " + s.match()));
                throw new InputError(InputError.at(f.toString(), 0, null, "is no file of profile " + profile.name()
                        + "; it expects " + String.join(", ", expected)));
            }
            out.computeIfAbsent(alias, k -> new ArrayList<>()).add(f);
        }
        if (!out.containsKey(profile.primary())) {
            throw new InputError(InputError.at(profile.source(), profile.primarySource().line(), "files." + profile.primary(),
                    "no input file matches " + profile.primarySource().match() + " (the primary file of profile " + profile.name() + ")"));
        }
        return out;
    }

    /** True when the file name matches one of the profile's files. */
    public boolean recognises(Path f) {
        return sourceOf(f) != null;
    }

    private String sourceOf(Path f) {
        String name = f.getFileName().toString();
        for (Profile.Source s : profile.sources().values()) {
            for (String glob : s.match()) {
                PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + glob.toLowerCase(Locale.ROOT));
                if (m.matches(Path.of(name.toLowerCase(Locale.ROOT)))) return s.alias();
            }
        }
        return null;
    }

    /** Reads every file and hands each accepted lead to {@code sink}, in primary file order. */
    public void read(List<Path> files, Consumer<Lead> sink) {
        Map<String, List<Path>> byAlias = assign(files);
        Map<String, Table> tables = new LinkedHashMap<>();
        Map<String, HistoryTable> histories = new LinkedHashMap<>();
        for (Profile.Source s : profile.sources().values()) {
            if (s.alias().equals(profile.primary())) continue;
            List<Path> paths = byAlias.getOrDefault(s.alias(), List.of());
            if (s.isHistory()) histories.put(s.alias(), new HistoryTable(s, paths));
            else tables.put(s.alias(), new Table(s, paths));
        }
        List<Path> primaries = byAlias.get(profile.primary());
        List<Mapping> mappings = new ArrayList<>();
        for (Path p : primaries) {
            if (!p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
                throw new InputError(InputError.at(p.toString(), 0, null, "profiles read CSV exports; give the .csv export"));
            }
            Mapping m = new Mapping(p.toString(), Rows.header(p, profile.primarySource().format()), tables, histories);
            m.names.stream().filter(x -> LeadField.of(x).isEmpty()).forEach(extraColumns::add);
            mappings.add(m);
        }
        LeadParser parser = new LeadParser(zone, custom); // one for all primary files: ids are unique across them
        for (int i = 0; i < primaries.size(); i++) primary(primaries.get(i), mappings.get(i), parser, sink);
        tables.values().forEach(Table::finish);
        histories.values().forEach(HistoryTable::finish);
    }

    // ---- the primary file ----

    private void primary(Path path, Mapping mapping, LeadParser parser, Consumer<Lead> sink) {
        Profile.Source src = profile.primarySource();
        String file = path.toString();
        parser.file(file);
        long[] n = new long[4]; // read, rejected, stage before created, accepted
        String sha = Rows.read(path, src.format(), (header, values, line, problem) -> {
            n[0]++;
            progress.rows(file, n[0]);
            if (problem != null) {
                reject(file, line, "", problem, "");
                n[1]++;
                return;
            }
            Object r = mapping.lead(values, line, parser);
            if (r instanceof Lead l) {
                if (stageBeforeCreated(l)) n[2]++;
                n[3]++;
                sink.accept(l);
            } else {
                LeadParser.Problem p = (LeadParser.Problem) r;
                reject(file, line, p.field(), p.reason(), p.value());
                n[1]++;
            }
        });
        progress.done(file, n[0]);
        Map<String, Long> details = new TreeMap<>();
        if (n[2] > 0) details.put("stage_before_created", n[2]);
        inputs.add(new InputFile(file, profile.primary(), sha, n[0], n[3], n[1], details));
    }

    /** True when a stage of the lead is dated before its creation (kept as data; counted; a data-quality finding). */
    public static boolean stageBeforeCreated(Lead l) {
        long c = l.getCreatedAt();
        for (Long t : new Long[] {l.getMqlAt(), l.getAutoResponseAt(), l.getFirstTouchAt(), l.getSalAt(), l.getRejectedAt(),
                l.getSqoAt(), l.getClosedAt()}) {
            if (t != null && t < c) return true;
        }
        return false;
    }

    /** How the columns of one primary header (and the joined files) become a canonical row. */
    private final class Mapping {
        private final String file;
        private final Map<String, Integer> columns = new HashMap<>();
        private final Map<String, Table> tables;
        private final Map<String, HistoryTable> histories;
        private final List<String> names = new ArrayList<>();
        private final List<Expr> exprs = new ArrayList<>();
        private final List<String[]> extras = new ArrayList<>(); // {alias or null, column}

        Mapping(String file, List<String> header, Map<String, Table> tables, Map<String, HistoryTable> histories) {
            this.file = file;
            this.tables = tables;
            this.histories = histories;
            for (int i = 0; i < header.size(); i++) columns.putIfAbsent(header.get(i), i);
            Set<String> used = new HashSet<>();
            profile.fields().forEach((name, expr) -> {
                check(expr, used);
                names.add(name);
                exprs.add(expr);
            });
            if (profile.keepExtras()) {
                // a joined column named like a used primary column gets its file's prefix (deals_hubspot_owner_id)
                Set<String> taken = new HashSet<>(names);
                for (LeadField f : LeadField.values()) taken.add(f.column());
                for (String u : used) if (u.startsWith(":")) taken.add(extraName(u.substring(1)));
                String key = profile.primarySource().key();
                for (String col : header) {
                    if (!used.contains(":" + col) && !col.equals(key)) addExtra(null, col, taken);
                }
                for (Table t : tables.values()) {
                    for (String col : t.header) {
                        if (!used.contains(t.source.alias() + ":" + col) && !col.equals(t.source.key())) addExtra(t.source.alias(), col, taken);
                    }
                }
            }
        }

        private void addExtra(String alias, String column, Set<String> taken) {
            String name = extraName(column);
            if (name.isEmpty()) name = "column";
            if (taken.contains(name)) name = (alias == null ? profile.primary() : alias) + "_" + name;
            String base = name;
            for (int k = 2; taken.contains(name); k++) name = base + "_" + k; // never drop a column
            taken.add(name);
            names.add(name);
            exprs.add(new Expr.Column(alias, column));
            extras.add(new String[] {alias, column});
        }

        private void check(Expr e, Set<String> used) {
            if (e instanceof Expr.First f) {
                f.options().forEach(o -> check(o, used));
            } else if (e instanceof Expr.Column c) {
                c.when().keySet().forEach(w -> check(w, used));
                used.add((c.alias() == null ? "" : c.alias()) + ":" + c.column());
                if (c.alias() == null) {
                    if (!columns.containsKey(c.column()) && !c.optional()) missing(c, file, columns.keySet());
                } else if (tables.containsKey(c.alias())) {
                    Table t = tables.get(c.alias());
                    if (!c.optional()) {
                        t.headers.forEach((f, cols) -> {
                            if (!cols.containsKey(c.column())) missing(c, f, cols.keySet());
                        });
                    }
                } else if (!histories.containsKey(c.alias()) || !histories.get(c.alias()).source.history().times().containsKey(c.column())) {
                    throw new InputError(InputError.at(profile.source(), c.line(), null, c.text() + " is no derived time of history file "
                            + c.alias() + (histories.containsKey(c.alias()) ? "; it has " + histories.get(c.alias()).source.history().times().keySet() : "")));
                }
            }
        }

        private void missing(Expr.Column c, String file, Set<String> have) {
            throw new InputError(InputError.at(file, 1, c.column(), "missing column (profile " + profile.name() + ", "
                    + profile.source() + ":" + c.line() + "); the header has " + String.join(", ", new java.util.TreeSet<>(have))));
        }

        /** The lead, or a {@link LeadParser.Problem}; joined and history rows count as joined only for an accepted lead. */
        Object lead(String[] row, long line, LeadParser parser) {
            Map<String, Table.Row> joined = new HashMap<>();
            Map<String, Map<String, Long>> history = new HashMap<>();
            Map<HistoryTable, String> historyKeys = new HashMap<>();
            List<Table> claimedTwice = new ArrayList<>();
            for (Table t : tables.values()) {
                String k = cell(row, t.source.join());
                Table.Row r = k == null ? null : t.lookup(k);
                if (r == null) continue;
                if (r.used && !t.source.reference()) {
                    claimedTwice.add(t); // a record (deal, opportunity) counts for one lead only: the first
                    continue;
                }
                joined.put(t.source.alias(), r);
            }
            for (HistoryTable h : histories.values()) {
                String k = cell(row, h.source.join());
                Map<String, Long> times = k == null ? null : h.lookup(k);
                if (times != null) {
                    history.put(h.source.alias(), times);
                    historyKeys.put(h, k);
                }
            }
            Object r = mapped(row, line, parser, joined, history);
            if (r instanceof Lead) {
                joined.values().forEach(j -> j.used = true);
                historyKeys.forEach(HistoryTable::match);
                claimedTwice.forEach(t -> t.claimedTwice++);
            } else {
                String at = file + " line " + line;
                joined.values().forEach(j -> {
                    if (j.rejectedLead == null) j.rejectedLead = at;
                });
                historyKeys.forEach((h, k) -> h.rejectedLead(k, at));
            }
            return r;
        }

        private Object mapped(String[] row, long line, LeadParser parser, Map<String, Table.Row> joined,
                              Map<String, Map<String, Long>> history) {
            String[] values = new String[names.size()];
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i);
                Value v = eval(exprs.get(i), row, joined, history);
                if (v == null) continue;
                LeadField f = LeadField.of(name).orElse(null);
                FieldType type = f != null ? f.type() : custom.getOrDefault(name, FieldType.TEXT);
                if (type == FieldType.TIMESTAMP && !v.isTime) {
                    Instant t = (v.format != null ? v.format : profile.formats()).parse(v.text, zone);
                    if (t == null) {
                        return new LeadParser.Problem(name, v.from + ": not a time in the formats "
                                + (v.format != null ? v.format : profile.formats()), v.text);
                    }
                    values[i] = ISO.format(t.atZone(zone));
                } else if (type == FieldType.NUMBER && v.text != null) {
                    String number = profile.numbers().canonical(v.text);
                    if (!isNumber(number)) {
                        return new LeadParser.Problem(name, v.from + ": not a number (decimal '" + profile.numbers().decimal()
                                + "', grouping '" + profile.numbers().grouping() + "')", v.text);
                    }
                    values[i] = number;
                } else {
                    values[i] = v.text;
                }
            }
            return parser.parse(names, values, line);
        }

        private String cell(String[] row, String column) {
            Integer i = columns.get(column);
            if (i == null) {
                throw new InputError(InputError.at(file, 1, column, "missing column that profile " + profile.name() + " joins on"));
            }
            String v = i < row.length ? row[i] : null;
            return v == null || v.isBlank() ? null : v.strip();
        }

        private Value eval(Expr e, String[] row, Map<String, Table.Row> joined, Map<String, Map<String, Long>> history) {
            if (e instanceof Expr.Const c) return new Value(c.value(), "value", null, false);
            if (e instanceof Expr.First f) {
                for (Expr o : f.options()) {
                    Value v = eval(o, row, joined, history);
                    if (v != null) return v;
                }
                return null;
            }
            Expr.Column c = (Expr.Column) e;
            for (Map.Entry<Expr.Column, List<String>> w : c.when().entrySet()) {
                Value cond = eval(w.getKey(), row, joined, history);
                if (cond == null || !w.getValue().contains(cond.text)) return null;
            }
            String raw;
            if (c.alias() == null) {
                raw = columns.containsKey(c.column()) ? cell(row, c.column()) : null;
            } else if (histories.containsKey(c.alias())) {
                Map<String, Long> times = history.get(c.alias());
                Long t = times == null ? null : times.get(c.column());
                return t == null ? null : new Value(ISO.format(Instant.ofEpochMilli(t).atZone(zone)), c.text(), null, true);
            } else {
                Table.Row r = joined.get(c.alias());
                raw = r == null ? null : r.cell(c.column());
            }
            if (c.map() != null) {
                String mapped = raw == null ? null : c.map().containsKey(raw) ? c.map().get(raw) : c.map().get("*");
                if (mapped == null) mapped = c.otherwise();
                return mapped == null ? null : new Value(mapped, c.text(), null, false);
            }
            if (raw == null) return c.otherwise() == null ? null : new Value(c.otherwise(), c.text(), null, false);
            return new Value(raw, c.text(), c.format(), false);
        }
    }

    private record Value(String text, String from, TimeFormats format, boolean isTime) {}

    private static boolean isNumber(String s) {
        return dev.l2r.Numbers.parse(s) != null;
    }

    /**
     * The extra-field name of a column: snake case of letters and digits, camel case split
     * ("StageName" -> stage_name, "Lead Source" -> lead_source, "Rejection_Reason__c" -> rejection_reason_c).
     */
    static String extraName(String column) {
        StringBuilder b = new StringBuilder();
        String s = column.strip();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean upper = c >= 'A' && c <= 'Z';
            if (upper && i > 0 && Character.isLowerCase(s.charAt(i - 1)) && b.length() > 0 && b.charAt(b.length() - 1) != '_') {
                b.append('_');
            }
            c = Character.toLowerCase(c);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) b.append(c);
            else if (b.length() > 0 && b.charAt(b.length() - 1) != '_') b.append('_');
        }
        while (b.length() > 0 && b.charAt(b.length() - 1) == '_') b.setLength(b.length() - 1);
        if (b.length() > 0 && Character.isDigit(b.charAt(0))) b.insert(0, "c_");
        return b.length() > 64 ? b.substring(0, 64) : b.toString();
    }

    private String key(Profile.Source s, String k) {
        if (!s.looseKeys()) return k;
        StringBuilder b = new StringBuilder();
        for (char c : k.toLowerCase(Locale.ROOT).toCharArray()) if (Character.isLetterOrDigit(c)) b.append(c);
        return b.toString();
    }

    private void reject(String file, long line, String field, String reason, String value) {
        rejected.add(new RejectedRow(file, line, field, reason, value));
    }

    // ---- joined files: one row per key ----

    private final class Table {
        final Profile.Source source;
        final List<Path> paths;
        List<String> header = List.of();
        final Map<String, Integer> index = new HashMap<>();
        final Map<String, Row> byKey = new HashMap<>();
        final List<Row> rows = new ArrayList<>();
        final Map<String, long[]> counts = new LinkedHashMap<>();
        /** Leads that pointed at a record another lead had joined already (they get none). */
        long claimedTwice;

        final class Row {
            final String file;
            final long line;
            final String[] values;
            final List<String> keys;
            /** Column positions of this row's file: several files of one source may order columns differently. */
            final Map<String, Integer> columns;
            boolean used;
            Row duplicateOf;
            /** File and line of the first rejected lead this row would have joined. */
            String rejectedLead;

            Row(String file, long line, String[] values, List<String> keys, Map<String, Integer> columns) {
                this.file = file;
                this.line = line;
                this.values = values;
                this.keys = keys;
                this.columns = columns;
            }

            String cell(String column) {
                Integer i = columns.get(column);
                String v = i == null || i >= values.length ? null : values[i];
                return v == null || v.isBlank() ? null : v.strip();
            }
        }

        Table(Profile.Source source, List<Path> paths) {
            this.source = source;
            this.paths = paths;
            for (Path p : paths) load(p);
        }

        private void load(Path path) {
            String file = path.toString();
            long[] n = new long[2];
            counts.put(file, n);
            List<String> fileHeader = Rows.header(path, source.format());
            Map<String, Integer> columns = new HashMap<>();
            for (int i = 0; i < fileHeader.size(); i++) columns.putIfAbsent(fileHeader.get(i), i);
            if (!columns.containsKey(source.key())) {
                throw new InputError(InputError.at(file, 1, source.key(), "missing key column (profile " + profile.name()
                        + ", " + profile.source() + ":" + source.line() + " files." + source.alias() + ".key)"));
            }
            if (header.isEmpty()) {
                header = fileHeader;
                index.putAll(columns);
            }
            headers.put(file, columns);
            String sha = Rows.read(path, source.format(), (h, values, line, problem) -> {
                n[0]++;
                if (problem != null) {
                    reject(file, line, "", problem, "");
                    n[1]++;
                    return;
                }
                Row r = new Row(file, line, values, keys(values[columns.get(source.key())]), columns);
                if (r.keys.isEmpty()) {
                    reject(file, line, source.key(), "no key: this row joins no lead", "");
                    n[1]++;
                    return;
                }
                rows.add(r);
                for (String k : r.keys) {
                    Row first = byKey.putIfAbsent(key(source, k), r);
                    if (first != null && r.duplicateOf == null) r.duplicateOf = first;
                }
            });
            shas.put(file, sha);
        }

        private final Map<String, String> shas = new HashMap<>();
        /** Column positions per file. */
        final Map<String, Map<String, Integer>> headers = new LinkedHashMap<>();

        private List<String> keys(String cell) {
            if (cell == null || cell.isBlank()) return List.of();
            if (source.keySplit() == null) return List.of(cell.strip());
            List<String> out = new ArrayList<>();
            for (String part : cell.split(java.util.regex.Pattern.quote(source.keySplit()))) {
                if (!part.isBlank()) out.add(part.strip());
            }
            return out;
        }

        Row lookup(String k) {
            return byKey.get(key(source, k));
        }

        void finish() {
            Map<String, long[]> unused = new HashMap<>();
            Map<String, long[]> notJoined = new HashMap<>();
            Map<String, long[]> joinedRows = new HashMap<>();
            for (Row r : rows) {
                if (r.used) {
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
                        : r.rejectedLead != null ? "the lead it joins (" + r.rejectedLead + ") is rejected"
                        : "no lead of the " + profile.primary() + " file has " + source.join() + " = " + keys;
                reject(r.file, r.line, source.key(), reason, keys);
                unused.computeIfAbsent(r.file, f -> new long[1])[0]++;
            }
            counts.forEach((file, n) -> {
                long rejectedRows = n[1] + unused.getOrDefault(file, new long[1])[0];
                long idle = notJoined.getOrDefault(file, new long[1])[0];
                long joined = joinedRows.getOrDefault(file, new long[1])[0];
                Map<String, Long> details = new LinkedHashMap<>();
                details.put("joined", joined);
                if (source.reference()) details.put("not_joined", idle);
                else if (claimedTwice > 0 && file.equals(counts.keySet().iterator().next())) {
                    details.put("leads_pointing_at_a_joined_row", claimedTwice);
                }
                inputs.add(new InputFile(file, source.alias(), shas.get(file), n[0], joined + idle, rejectedRows, details));
            });
        }
    }

    // ---- history files: many rows per key, each a possible stage time ----

    private final class HistoryTable {
        final Profile.Source source;
        /** key -> derived time name -> earliest time. */
        final Map<String, Map<String, Long>> times = new HashMap<>();
        /** key -> rows (file index, line) that gave a time, to reject when no lead joins. */
        final Map<String, List<long[]>> lines = new HashMap<>();
        final Set<String> matched = new HashSet<>();
        /** key -> file and line of the first rejected lead that had this key (for the reason of unjoined rows). */
        final Map<String, String> rejectedLeads = new HashMap<>();
        final List<String> files = new ArrayList<>();
        final Map<String, long[]> counts = new LinkedHashMap<>();
        final Map<String, String> shas = new HashMap<>();

        HistoryTable(Profile.Source source, List<Path> paths) {
            this.source = source;
            for (Path p : paths) load(p);
        }

        private void load(Path path) {
            String file = path.toString();
            int fileIndex = files.size();
            files.add(file);
            long[] n = new long[3]; // read, rejected, other field/value
            counts.put(file, n);
            Profile.History h = source.history();
            Map<String, String> valueToTime = new HashMap<>();
            h.times().forEach((name, values) -> values.forEach(v -> valueToTime.putIfAbsent(v, name)));
            int[][] idx = new int[1][];
            String sha = Rows.read(path, source.format(), (header, values, line, problem) -> {
                if (idx[0] == null) idx[0] = columns(file, header);
                n[0]++;
                if (problem != null) {
                    reject(file, line, "", problem, "");
                    n[1]++;
                    return;
                }
                int[] c = idx[0];
                for (int i = 0; i < c.length - 3; i++) {
                    String want = h.where().get(header.get(c[3 + i]));
                    if (!want.equals(get(values, c[3 + i]))) {
                        n[2]++;
                        return;
                    }
                }
                String time = valueToTime.get(get(values, c[2]));
                if (time == null) {
                    n[2]++;
                    return;
                }
                String k = get(values, c[0]);
                String when = get(values, c[1]);
                if (k == null) {
                    reject(file, line, source.key(), "no key: this row joins no lead", "");
                    n[1]++;
                    return;
                }
                Instant t = when == null ? null : profile.formats().parse(when, zone);
                if (t == null) {
                    reject(file, line, h.when(), "not a time in the formats " + profile.formats(), when == null ? "" : when);
                    n[1]++;
                    return;
                }
                String key = key(source, k);
                times.computeIfAbsent(key, x -> new HashMap<>()).merge(time, t.toEpochMilli(), Math::min);
                lines.computeIfAbsent(key, x -> new ArrayList<>()).add(new long[] {fileIndex, line});
            });
            shas.put(file, sha);
        }

        private int[] columns(String file, List<String> header) {
            Profile.History h = source.history();
            List<String> need = new ArrayList<>(List.of(source.key(), h.when(), h.value()));
            need.addAll(h.where().keySet());
            int[] c = new int[need.size()];
            for (int i = 0; i < need.size(); i++) {
                c[i] = header.indexOf(need.get(i));
                if (c[i] < 0) {
                    throw new InputError(InputError.at(file, 1, need.get(i), "missing column (profile " + profile.name() + ", "
                            + profile.source() + ":" + source.line() + " files." + source.alias() + ")"));
                }
            }
            return c;
        }

        private String get(String[] values, int i) {
            String v = i < values.length ? values[i] : null;
            return v == null || v.isBlank() ? null : v.strip();
        }

        Map<String, Long> lookup(String k) {
            return times.get(key(source, k));
        }

        /** An accepted lead took the times of this key. */
        void match(String k) {
            matched.add(key(source, k));
        }

        void rejectedLead(String k, String at) {
            rejectedLeads.putIfAbsent(key(source, k), at);
        }

        void finish() {
            long[] unjoined = new long[files.size()];
            long[] stageTimes = new long[files.size()];
            for (Map.Entry<String, List<long[]>> e : new TreeMap<>(lines).entrySet()) {
                if (matched.contains(e.getKey())) {
                    for (long[] fl : e.getValue()) stageTimes[(int) fl[0]]++;
                    continue;
                }
                String rejectedLead = rejectedLeads.get(e.getKey());
                for (long[] fl : e.getValue()) {
                    reject(files.get((int) fl[0]), fl[1], source.key(), rejectedLead != null
                            ? "the lead it joins (" + rejectedLead + ") is rejected"
                            : "no lead of the " + profile.primary() + " file has " + source.join() + " = " + e.getKey(), e.getKey());
                    unjoined[(int) fl[0]]++;
                }
            }
            int i = 0;
            for (Map.Entry<String, long[]> e : counts.entrySet()) {
                long[] n = e.getValue();
                long rej = n[1] + unjoined[i];
                Map<String, Long> details = new LinkedHashMap<>();
                details.put("stage_times", stageTimes[i]);
                details.put("other_changes", n[2]);
                inputs.add(new InputFile(e.getKey(), source.alias(), shas.get(e.getKey()), n[0], stageTimes[i] + n[2], rej, details));
                i++;
            }
        }
    }
}
