package harness;

import static harness.Sla.*;

import java.io.BufferedReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The three tools' violations and target values, compared; the first 10 differences printed. */
record Target(String value, boolean met) {}

/** Reads violations row by row: key "CLAUSE LEAD", value "deadline kind". */
interface Rows {
    /** Calls back for each violation; returns how many. */
    long each(BiConsumer<String, String> row) throws IOException;
}

final class Compare {
    /** A tool's output folder: l2r's own files, or the baselines' normalised CSVs. */
    record Side(String name, Path dir, boolean l2r) {
        Rows violations() {
            return l2r ? row -> l2rViolations(dir.resolve("violations.csv"), row)
                    : row -> ownViolations(dir.resolve("violations.csv"), row);
        }

        Map<String, Target> targets() throws IOException {
            return l2r ? l2rTargets(dir.resolve("accountability.json")) : ownTargets(dir.resolve("targets.csv"));
        }
    }

    static boolean run(Path l2r, Path plain, Path duck) throws IOException {
        Side ref = new Side("l2r", l2r, true);
        return pair(ref, new Side("plain Java", plain, false)) & pair(ref, new Side("DuckDB", duck, false));
    }

    /** Every violation and target value of {@code a} against {@code b}; prints the first 10 differences. */
    static boolean pair(Side a, Side b) throws IOException {
        Map<String, String> left = new HashMap<>();
        long na = a.violations().each(left::put);
        List<String> diff = new ArrayList<>();
        long[] count = new long[1];
        long nb = b.violations().each((k, v) -> {
            String mine = left.remove(k);
            if (!v.equals(mine) && count[0]++ < 10) {
                diff.add(k + ": " + a.name() + " " + (mine == null ? "none" : mine) + ", " + b.name() + " " + v);
            }
        });
        for (var e : new TreeMap<>(left).entrySet()) {
            if (count[0]++ < 10) diff.add(e.getKey() + ": " + a.name() + " " + e.getValue() + ", " + b.name() + " none");
        }
        Map<String, Target> ta = a.targets();
        Map<String, Target> tb = b.targets();
        for (var e : ta.entrySet()) {
            Target o = tb.get(e.getKey());
            if (!e.getValue().equals(o) && count[0]++ < 10) {
                diff.add(e.getKey() + ": " + a.name() + " " + e.getValue() + ", " + b.name() + " " + (o == null ? "not assessed" : o));
            }
        }
        for (var e : tb.entrySet()) {
            if (!ta.containsKey(e.getKey()) && count[0]++ < 10) {
                diff.add(e.getKey() + ": " + a.name() + " not assessed, " + b.name() + " " + e.getValue());
            }
        }
        if (count[0] == 0) {
            System.out.printf(Locale.ROOT, "%s and %s agree: %,d violations, %d target values%n", a.name(), b.name(), na, ta.size());
            return true;
        }
        System.out.printf(Locale.ROOT, "%s and %s DISAGREE on %,d items (%s %,d violations, %s %,d):%n",
                a.name(), b.name(), count[0], a.name(), na, b.name(), nb);
        for (String d : diff) System.out.println("  " + d);
        return false;
    }

    static long l2rViolations(Path file, BiConsumer<String, String> row) throws IOException {
        long n = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<String> head = csvRecord(in);
            int cClause = head.indexOf("clause_id");
            int cType = head.indexOf("type");
            int cSubject = head.indexOf("subject");
            int cActual = head.indexOf("actual");
            int cDeadline = head.indexOf("deadline");
            List<String> r;
            while ((r = csvRecord(in)) != null) {
                String type = r.get(cType);
                if (!type.equals("followup") && !type.equals("handoff") && !type.equals("rejection")) continue;
                String deadline = r.get(cDeadline).isEmpty() ? ""
                        : Long.toString(OffsetDateTime.parse(r.get(cDeadline)).toEpochSecond());
                String kind = type.equals("followup") ? (r.get(cActual).startsWith("no ") ? "missed" : "late") : type;
                row.accept(r.get(cClause) + " " + r.get(cSubject), deadline + " " + kind);
                n++;
            }
        }
        return n;
    }

    static long ownViolations(Path file, BiConsumer<String, String> row) throws IOException {
        long n = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            in.readLine();
            List<String> r;
            while ((r = csvRecord(in)) != null) {
                row.accept(r.get(0) + " " + r.get(1), r.get(2) + " " + r.get(3));
                n++;
            }
        }
        return n;
    }

    static final Pattern TARGET = Pattern.compile(
            "\\{\\s*\"clause_id\"\\s*:\\s*\"([^\"]*)\"\\s*,\\s*\"subject\"\\s*:\\s*\"([^\"]*)\".*?\"value\"\\s*:\\s*([-0-9.Ee+]+).*?\"met\"\\s*:\\s*(true|false)",
            Pattern.DOTALL);

    static Map<String, Target> l2rTargets(Path file) throws IOException {
        String json = Files.readString(file);
        int at = json.indexOf("\"targets\"");
        Map<String, Target> m = new TreeMap<>();
        if (at < 0) return m;
        Matcher x = TARGET.matcher(json.substring(at));
        while (x.find()) m.put(x.group(1) + " " + x.group(2), new Target(six(x.group(3)), Boolean.parseBoolean(x.group(4))));
        return m;
    }

    static Map<String, Target> ownTargets(Path file) throws IOException {
        Map<String, Target> m = new TreeMap<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            in.readLine();
            List<String> r;
            while ((r = csvRecord(in)) != null) m.put(r.get(0) + " " + r.get(1), new Target(six(r.get(2)), Boolean.parseBoolean(r.get(3))));
        }
        return m;
    }

    /** A value as l2r writes it: rounded half up to 6 decimals, trailing zeros dropped. */
    static String six(String v) {
        return new BigDecimal(new BigDecimal(v).setScale(6, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString()).toPlainString();
    }

    /** One RFC 4180 record (quoted fields may hold commas, quotes and newlines), or null at the end. */
    static List<String> csvRecord(BufferedReader in) throws IOException {
        String line = in.readLine();
        if (line == null) return null;
        List<String> out = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean q = false;
        int i = 0;
        while (true) {
            if (i == line.length()) {
                if (q) {
                    String more = in.readLine();
                    if (more == null) break;
                    f.append('\n');
                    line = more;
                    i = 0;
                    continue;
                }
                break;
            }
            char c = line.charAt(i++);
            if (q) {
                if (c == '"') {
                    if (i < line.length() && line.charAt(i) == '"') {
                        f.append('"');
                        i++;
                    } else q = false;
                } else f.append(c);
            } else if (c == '"') q = true;
            else if (c == ',') {
                out.add(f.toString());
                f.setLength(0);
            } else f.append(c);
        }
        out.add(f.toString());
        return out;
    }
}
