package dev.l2r.ingest.profile;

import com.fasterxml.jackson.databind.JsonNode;
import dev.l2r.ingest.Rows;
import dev.l2r.model.LeadField;
import dev.l2r.source.Loc;
import dev.l2r.source.Problems;
import dev.l2r.source.SourceTree;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a mapping profile (profiles/*.yaml) into a {@link Profile}, collecting every problem of the file
 * with its line and field path, as agreements are read.
 */
public final class ProfileParser {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Pattern ALIAS = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Pattern EXTRA = Pattern.compile("[a-z][a-z0-9_]{0,63}");
    private static final List<String> TOP = List.of(
            "profile",
            "title",
            "description",
            "timezone",
            "formats",
            "numbers",
            "encoding",
            "delimiter",
            "files",
            "fields",
            "keep");
    private static final List<String> FILE =
            List.of("match", "key", "join", "key_split", "keys", "history", "reference", "encoding", "delimiter");

    private final SourceTree tree;
    private final Problems problems;

    private ProfileParser(SourceTree tree) {
        this.tree = tree;
        this.problems = new Problems(tree);
    }

    public static Profile load(Path path) {
        SourceTree tree = SourceTree.read(path);
        return new ProfileParser(tree).parse(path.toString());
    }

    private Profile parse(String file) {
        JsonNode root = tree.root();
        if (!root.isObject()) {
            problems.add(Loc.ROOT, "a profile is a mapping with keys " + String.join(", ", TOP));
            problems.throwIfAny();
        }
        problems.unknownKeys(root, Loc.ROOT, TOP);
        String name = problems.text(root, Loc.ROOT, "profile", true);
        if (name != null && !NAME.matcher(name).matches()) {
            problems.add(
                    Loc.ROOT.field("profile"),
                    "\"" + name + "\" is not a profile name; use lower-case letters, digits and '-'");
        }
        String title = problems.text(root, Loc.ROOT, "title", false);
        String description = problems.text(root, Loc.ROOT, "description", false);
        ZoneId zone = null;
        String z = problems.text(root, Loc.ROOT, "timezone", false);
        if (z != null) {
            try {
                zone = ZoneId.of(z);
            } catch (DateTimeException e) {
                problems.add(
                        Loc.ROOT.field("timezone"),
                        "\"" + z + "\" is not an IANA time zone; use a name such as America/Sao_Paulo or UTC");
            }
        }
        TimeFormats formats = formats(root.get("formats"), Loc.ROOT.field("formats"), TimeFormats.ISO);
        Profile.NumberFormat numbers = numbers(root.get("numbers"), Loc.ROOT.field("numbers"));
        Rows.Format format = format(root, Loc.ROOT, Rows.Format.DEFAULT);

        Map<String, Profile.Source> sources = new LinkedHashMap<>();
        JsonNode files = root.get("files");
        Loc fl = Loc.ROOT.field("files");
        if (files == null || !files.isObject() || files.isEmpty()) {
            problems.add(fl, "required: a mapping of file alias to { match: [...], key: COLUMN, join: COLUMN }");
        } else {
            for (Iterator<Map.Entry<String, JsonNode>> it = files.fields(); it.hasNext(); ) {
                var e = it.next();
                Profile.Source s = source(e.getKey(), e.getValue(), fl.field(e.getKey()), format);
                if (s != null) sources.put(e.getKey(), s);
            }
        }
        List<String> primaries = sources.values().stream()
                .filter(s -> s.join() == null)
                .map(Profile.Source::alias)
                .toList();
        String primary = null;
        if (primaries.size() == 1) primary = primaries.get(0);
        else if (!sources.isEmpty()) {
            problems.add(
                    fl,
                    "exactly one file is the primary one (a row per lead, no join:); found "
                            + (primaries.isEmpty() ? "none" : String.join(", ", primaries)));
        }
        for (Profile.Source s : sources.values()) {
            if (s.isHistory() && s.history().times().isEmpty()) {
                problems.add(
                        fl.field(s.alias()).field("history").field("times"),
                        "required: derived columns such as sal_at: [Qualified]");
            }
        }

        Map<String, Expr> fields = new LinkedHashMap<>();
        JsonNode fs = root.get("fields");
        Loc fsl = Loc.ROOT.field("fields");
        if (fs == null || !fs.isObject()) {
            problems.add(
                    fsl, "required: a mapping of canonical field (lead_id, created_at, ...) to a column or expression");
        } else {
            for (Iterator<Map.Entry<String, JsonNode>> it = fs.fields(); it.hasNext(); ) {
                var e = it.next();
                Loc l = fsl.field(e.getKey());
                if (LeadField.of(e.getKey()).isEmpty()
                        && !EXTRA.matcher(e.getKey()).matches()) {
                    problems.add(l, "not a canonical field, nor an extra field name (lower-case letters, digits, '_')");
                    continue;
                }
                Expr x = expr(e.getValue(), l, sources, formats);
                if (x != null) fields.put(e.getKey(), x);
            }
            for (String req : List.of("lead_id", "created_at")) {
                if (!fs.has(req)) problems.add(fsl, "required: " + req);
            }
        }
        boolean keep = true;
        JsonNode k = root.get("keep");
        if (k != null) {
            if (k.isTextual() && k.asText().equals("extras")) keep = true;
            else if (k.isTextual() && k.asText().equals("mapped")) keep = false;
            else
                problems.add(
                        Loc.ROOT.field("keep"),
                        "use extras (keep unmapped columns as extra fields, the default) or mapped");
        }
        problems.throwIfAny();
        return new Profile(
                name,
                title == null ? name : title,
                description == null ? "" : description.strip(),
                zone,
                formats,
                numbers,
                sources,
                primary,
                fields,
                keep,
                file);
    }

    private Profile.Source source(String alias, JsonNode n, Loc at, Rows.Format defaults) {
        if (!ALIAS.matcher(alias).matches()) {
            problems.add(at, "a file alias is lower-case letters, digits and '_'");
            return null;
        }
        if (!n.isObject()) {
            problems.add(
                    at, "expected { match: [...], key: COLUMN } with join: COLUMN for files joined to the primary one");
            return null;
        }
        problems.unknownKeys(n, at, FILE);
        List<String> match = new ArrayList<>();
        JsonNode m = n.get("match");
        if (m != null && m.isTextual()) match.add(m.asText());
        else if (m != null && m.isArray() && !m.isEmpty()) m.forEach(x -> match.add(x.asText()));
        else problems.add(at.field("match"), "required: file-name patterns such as [\"Lead*.csv\", \"leads*.csv\"]");
        String key = problems.text(n, at, "key", true);
        String join = problems.text(n, at, "join", false);
        String split = problems.text(n, at, "key_split", false);
        String keys = problems.text(n, at, "keys", false);
        if (keys != null && !keys.equals("exact") && !keys.equals("loose")) {
            problems.add(at.field("keys"), "use exact (the default) or loose (ignore case, spaces and punctuation)");
        }
        Profile.History history = null;
        JsonNode h = n.get("history");
        if (h != null) {
            Loc hl = at.field("history");
            if (join == null) problems.add(hl, "a history file joins the primary one: add join: COLUMN");
            if (!h.isObject()) {
                problems.add(hl, "expected { when: COLUMN, value: COLUMN, where: {...}, times: {...} }");
            } else {
                problems.unknownKeys(h, hl, List.of("when", "value", "where", "times"));
                String when = problems.text(h, hl, "when", true);
                String value = problems.text(h, hl, "value", true);
                Map<String, String> where = new LinkedHashMap<>();
                JsonNode w = h.get("where");
                if (w != null)
                    w.fields()
                            .forEachRemaining(
                                    e -> where.put(e.getKey(), e.getValue().asText()));
                Map<String, List<String>> times = new LinkedHashMap<>();
                JsonNode t = h.get("times");
                if (t != null && t.isObject()) {
                    t.fields().forEachRemaining(e -> {
                        List<String> values = new ArrayList<>();
                        if (e.getValue().isArray()) e.getValue().forEach(x -> values.add(x.asText()));
                        else values.add(e.getValue().asText());
                        times.put(e.getKey(), values);
                    });
                }
                history = new Profile.History(when, value, where, times);
            }
        }
        boolean reference = n.path("reference").asBoolean(false);
        if (reference && join == null)
            problems.add(at.field("reference"), "only a joined file can be a reference table");
        return new Profile.Source(
                alias,
                match,
                key,
                join,
                split,
                "loose".equals(keys),
                history,
                reference,
                format(n, at, defaults),
                tree.line(at.pointer()));
    }

    private Expr expr(JsonNode v, Loc at, Map<String, Profile.Source> sources, TimeFormats formats) {
        if (v.isTextual()) return column(v.asText(), null, null, null, Map.of(), false, at, sources);
        if (v.isArray()) {
            List<Expr> options = new ArrayList<>();
            for (int i = 0; i < v.size(); i++) {
                Expr x = expr(v.get(i), at.index(i), sources, formats);
                if (x != null) options.add(x);
            }
            return new Expr.First(options);
        }
        if (!v.isObject()) {
            problems.add(
                    at,
                    "expected a column name, a list of them (the first with a value), or { column: ..., map: {...} } / { value: ... }");
            return null;
        }
        problems.unknownKeys(
                v, at, List.of("column", "map", "otherwise", "format", "value", "first", "when", "optional"));
        if (v.has("value")) return new Expr.Const(v.get("value").asText());
        if (v.has("first")) return expr(v.get("first"), at.field("first"), sources, formats);
        String column = problems.text(v, at, "column", true);
        if (column == null) return null;
        Map<String, String> map = null;
        JsonNode m = v.get("map");
        if (m != null) {
            if (!m.isObject()) {
                problems.add(
                        at.field("map"),
                        "expected a mapping of source value to canonical value (\"*\" for any other value)");
            } else {
                Map<String, String> mm = new LinkedHashMap<>();
                m.fields()
                        .forEachRemaining(e -> mm.put(
                                e.getKey(),
                                e.getValue().isNull() ? null : e.getValue().asText()));
                map = mm;
            }
        }
        String otherwise = v.has("otherwise") ? v.get("otherwise").asText() : null;
        TimeFormats format = v.has("format") ? formats(v.get("format"), at.field("format"), null) : null;
        Map<Expr.Column, List<String>> when = new LinkedHashMap<>();
        JsonNode w = v.get("when");
        if (w != null) {
            if (!w.isObject()) {
                problems.add(
                        at.field("when"),
                        "expected { COLUMN: [values] }, e.g. { opportunities.IsClosed: [\"true\", \"1\"] }");
            } else {
                w.fields().forEachRemaining(e -> {
                    List<String> values = new ArrayList<>();
                    if (e.getValue().isArray()) e.getValue().forEach(x -> values.add(x.asText()));
                    else values.add(e.getValue().asText());
                    when.put(
                            (Expr.Column) column(
                                    e.getKey(),
                                    null,
                                    null,
                                    null,
                                    Map.of(),
                                    false,
                                    at.field("when").field(e.getKey()),
                                    sources),
                            values);
                });
            }
        }
        boolean optional = v.path("optional").asBoolean(false);
        return column(column, map, otherwise, format, when, optional, at, sources);
    }

    private Expr column(
            String text,
            Map<String, String> map,
            String otherwise,
            TimeFormats format,
            Map<Expr.Column, List<String>> when,
            boolean optional,
            Loc at,
            Map<String, Profile.Source> sources) {
        int dot = text.indexOf('.');
        String alias = null;
        String col = text;
        if (dot > 0 && sources.containsKey(text.substring(0, dot))) {
            alias = text.substring(0, dot);
            col = text.substring(dot + 1);
        }
        return new Expr.Column(alias, col, map, otherwise, format, when, optional, tree.line(at.pointer()));
    }

    private TimeFormats formats(JsonNode v, Loc at, TimeFormats otherwise) {
        if (v == null) return otherwise;
        List<String> names = new ArrayList<>();
        if (v.isTextual()) names.add(v.asText());
        else if (v.isArray()) v.forEach(x -> names.add(x.asText()));
        if (names.isEmpty()) {
            problems.add(at, "expected time formats such as [iso, \"M/d/yyyy h:mm a\", epoch-millis]");
            return otherwise;
        }
        try {
            return TimeFormats.of(names);
        } catch (IllegalArgumentException e) {
            problems.add(
                    at,
                    "not a time format: " + e.getMessage()
                            + "; use iso, epoch-millis, epoch-seconds or a pattern such as dd.MM.yyyy HH:mm");
            return otherwise;
        }
    }

    private Profile.NumberFormat numbers(JsonNode v, Loc at) {
        if (v == null) return Profile.NumberFormat.DEFAULT;
        String d = v.path("decimal").asText(".");
        String g = v.path("grouping").asText(d.equals(",") ? "." : ",");
        if (d.length() != 1 || g.length() != 1 || d.equals(g)) {
            problems.add(at, "expected { decimal: \",\", grouping: \".\" }: one character each, different");
            return Profile.NumberFormat.DEFAULT;
        }
        return new Profile.NumberFormat(d.charAt(0), g.charAt(0));
    }

    private Rows.Format format(JsonNode n, Loc at, Rows.Format defaults) {
        Charset cs = defaults.charset();
        String enc = problems.text(n, at, "encoding", false);
        if (enc != null) {
            try {
                cs = enc.equalsIgnoreCase("latin-1") ? StandardCharsets.ISO_8859_1 : Charset.forName(enc);
            } catch (IllegalArgumentException e) {
                problems.add(
                        at.field("encoding"),
                        "\"" + enc + "\" is not an encoding; use UTF-8, ISO-8859-1 (latin-1) or windows-1252");
            }
        }
        char delimiter = defaults.delimiter();
        String d = problems.text(n, at, "delimiter", false);
        if (d != null) {
            if (d.equals("\\t") || d.equals("tab")) delimiter = '\t';
            else if (d.length() == 1) delimiter = d.charAt(0);
            else problems.add(at.field("delimiter"), "expected one character such as \";\" or tab");
        }
        return new Rows.Format(cs, delimiter);
    }
}
