package dev.l2r.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.l2r.Cli;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Test helpers for the CRM-export ingestion: runs {@code l2r import}, reads what it wrote with a CSV reader of
 * its own (so that the expected values never go through the code under test), and checks the bookkeeping
 * every run owes: each file's rows read = accepted + rejected, and each rejected row listed in the rejected file.
 */
final class Ingest {

    private Ingest() {}

    /** Where the shipped fixtures live (tests run in the project folder). */
    static final String FIXTURES = "src/test/resources/fixtures";

    /** The 24 canonical columns of SPEC section 3, in order. */
    static final List<String> CANONICAL = List.of(
            "lead_id",
            "created_at",
            "source",
            "channel",
            "campaign",
            "team",
            "owner",
            "score",
            "company",
            "title",
            "email",
            "country",
            "inquiry_at",
            "mql_at",
            "auto_response_at",
            "first_touch_at",
            "sal_at",
            "rejected_at",
            "rejection_reason",
            "sqo_at",
            "opportunity_id",
            "amount",
            "closed_at",
            "outcome");

    static final Pattern COUNTS =
            Pattern.compile("^(.+) \\(([a-z_]+)\\): ([0-9,]+) rows read, ([0-9,]+) accepted, ([0-9,]+) rejected(.*)$");

    /** The outcome of one import: exit code, output, and the files it wrote (null when absent). */
    record Run(Cli cli, Path out, List<String> header, List<Map<String, String>> leads, List<List<String>> rejected) {

        int code() {
            return cli.code();
        }

        String err() {
            return cli.err();
        }

        /** The per-file count lines of stderr. */
        List<String> countLines() {
            return cli.err().lines().filter(l -> COUNTS.matcher(l).matches()).toList();
        }

        Map<String, String> lead(String id) {
            for (Map<String, String> l : leads) if (l.get("lead_id").equals(id)) return l;
            fail("no lead " + id + " in " + out + "\n" + cli);
            return null;
        }

        List<String> ids() {
            return leads.stream().map(l -> l.get("lead_id")).toList();
        }
    }

    /** Runs {@code l2r import --profile PROFILE --in IN... --out DIR/leads.csv [extra...]}. */
    static Run importRun(Path dir, String profile, List<String> in, String... extra) {
        Path out = dir.resolve("leads.csv");
        List<String> args = new ArrayList<>(List.of("import", "--profile", profile, "--in"));
        args.addAll(in);
        args.addAll(List.of("--out", out.toString()));
        args.addAll(List.of(extra));
        Cli cli = Cli.run(args.toArray(String[]::new));
        List<String> header = null;
        List<Map<String, String>> leads = null;
        if (Files.exists(out)) {
            List<List<String>> rows = parse(read(out));
            header = rows.get(0);
            leads = new ArrayList<>();
            for (List<String> r : rows.subList(1, rows.size())) {
                assertEquals(header.size(), r.size(), "a row of " + out + " has as many fields as the header: " + r);
                Map<String, String> m = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) m.put(header.get(i), r.get(i));
                leads.add(m);
            }
        }
        Path rej = dir.resolve("leads.rejected.csv");
        List<List<String>> rejected = List.of();
        if (Files.exists(rej)) {
            List<List<String>> rows = parse(read(rej));
            assertEquals(List.of("file", "line", "field", "reason", "value"), rows.get(0));
            rejected = rows.subList(1, rows.size());
        }
        Run r = new Run(cli, out, header, leads, rejected);
        if (cli.code() == 0) bookkeeping(r);
        return r;
    }

    /**
     * Every file: rows read = accepted + rejected, and as many rows of the rejected file name it as it counts
     * rejected; every rejected row names a file that was counted.
     */
    static void bookkeeping(Run r) {
        long total = 0;
        List<String> files = new ArrayList<>();
        for (String line : r.countLines()) {
            Matcher m = COUNTS.matcher(line);
            assertTrue(m.matches());
            String file = m.group(1);
            long read = n(m.group(3));
            long accepted = n(m.group(4));
            long rejected = n(m.group(5));
            assertEquals(read, accepted + rejected, "read = accepted + rejected: " + line);
            long listed =
                    r.rejected().stream().filter(x -> x.get(0).equals(file)).count();
            assertEquals(rejected, listed, "rows of " + file + " in the rejected file\n" + r.cli());
            total += rejected;
            files.add(file);
        }
        assertEquals(total, r.rejected().size(), "every rejected row belongs to a counted file\n" + r.cli());
        for (List<String> x : r.rejected())
            assertTrue(files.contains(x.get(0)), "rejected row of an uncounted file: " + x);
    }

    private static long n(String s) {
        return Long.parseLong(s.replace(",", ""));
    }

    /**
     * The expected lead: "column=value" pairs; every column not named must be empty. The lead_id comes first.
     */
    static Map<String, String> lead(String id, String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("lead_id", id);
        for (String p : pairs) {
            int eq = p.indexOf('=');
            if (eq < 0) throw new IllegalArgumentException(p);
            if (m.put(p.substring(0, eq), p.substring(eq + 1)) != null)
                throw new IllegalArgumentException("twice: " + p);
        }
        return m;
    }

    /** Compares the leads written with the expected ones, lead by lead and column by column. */
    static void assertLeads(Run r, List<Map<String, String>> expected) {
        assertEquals(
                expected.stream().map(e -> e.get("lead_id")).toList(),
                r.ids(),
                "leads in primary-file order\n" + r.cli());
        for (Map<String, String> e : expected) {
            for (String col : e.keySet()) assertTrue(r.header().contains(col), "column " + col + " in " + r.header());
            Map<String, String> actual = r.lead(e.get("lead_id"));
            assertEquals(render(r.header(), e), render(r.header(), actual), "lead " + e.get("lead_id"));
        }
    }

    private static String render(List<String> header, Map<String, String> values) {
        StringBuilder b = new StringBuilder();
        for (String h : header) {
            String v = values.getOrDefault(h, "");
            if (!v.isEmpty()) b.append(h).append('=').append(v).append('\n');
        }
        return b.toString();
    }

    /** A rejected row as written: file, line, field, reason, value. */
    static List<String> rejected(String file, long line, String field, String reason, String value) {
        return List.of(file, String.valueOf(line), field, reason, value);
    }

    /** The rejected rows, ordered by file and line (the order they are found in is not part of the contract). */
    static List<List<String>> sorted(List<List<String>> rows) {
        List<List<String>> s = new ArrayList<>(rows);
        s.sort((a, b) -> a.get(0).equals(b.get(0))
                ? Long.compare(Long.parseLong(a.get(1)), Long.parseLong(b.get(1)))
                : a.get(0).compareTo(b.get(0)));
        return s;
    }

    static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path write(Path p, String text) {
        return write(p, text.getBytes(StandardCharsets.UTF_8));
    }

    static Path write(Path p, byte[] bytes) {
        try {
            Files.createDirectories(p.toAbsolutePath().getParent());
            Files.write(p, bytes);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(Path p) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A small RFC 4180 reader (quotes, doubled quotes, line breaks inside quotes; \n or \r\n line ends). */
    static List<List<String>> parse(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        f.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    f.append(c);
                }
            } else if (c == '"') {
                quoted = true;
                any = true;
            } else if (c == ',') {
                row.add(f.toString());
                f.setLength(0);
                any = true;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') i++;
                row.add(f.toString());
                rows.add(row);
                row = new ArrayList<>();
                f.setLength(0);
                any = false;
            } else {
                f.append(c);
                any = true;
            }
        }
        if (quoted) throw new IllegalArgumentException("unterminated quote");
        if (any || f.length() > 0) {
            row.add(f.toString());
            rows.add(row);
        }
        return rows;
    }
}
