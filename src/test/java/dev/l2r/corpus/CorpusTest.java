package dev.l2r.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.l2r.Cli;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bad-input corpus: every folder under src/test/resources/corpus/CATEGORY/ with a case.yaml is one
 * test, named after the folder. The folder is copied into a scratch folder (over corpus/_base, so a case
 * holds only what it changes), its setup steps run, l2r runs in-process, and the case's expectations are
 * checked together with what holds for every case of its kind:
 * <ul>
 *   <li>exit 2: exactly the expected lines on stderr, the first naming file, line and field as the case says;
 *       no exception or stack trace text; nothing on stdout; no output folder;</li>
 *   <li>exit 0/1 with rejected rows: each expected row in rejected.csv, and in run.json rows read = accepted +
 *       rejected for every input file.</li>
 * </ul>
 * A case marked {@code pending: "issue-6 ..."} describes the behaviour an open fix must give; it is skipped
 * with that reason. Run them anyway with {@code -Dl2r.corpus.pending=run}. The format is in corpus/README.md.
 */
class CorpusTest {

    static final Path ROOT = Path.of("src/test/resources/corpus");
    static final ObjectMapper YAML = new ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());
    static final ObjectMapper JSON = new ObjectMapper();
    static final boolean RUN_PENDING = "run".equals(System.getProperty("l2r.corpus.pending"));
    static final boolean ROOT_USER = "root".equals(System.getProperty("user.name"));

    @TempDir
    static Path scratch;

    private static volatile String stuck;

    @TestFactory
    Stream<DynamicNode> corpus() throws IOException {
        List<DynamicNode> categories = new ArrayList<>();
        int total = 0;
        try (Stream<Path> cats = Files.list(ROOT)) {
            for (Path cat : cats.filter(Files::isDirectory)
                    .filter(p -> !p.getFileName().toString().startsWith("_"))
                    .sorted()
                    .toList()) {
                List<DynamicTest> tests = new ArrayList<>();
                try (Stream<Path> cases = Files.list(cat)) {
                    for (Path c : cases.filter(p -> Files.isRegularFile(p.resolve("case.yaml")))
                            .sorted()
                            .toList()) {
                        String name = cat.getFileName() + "/" + c.getFileName();
                        tests.add(DynamicTest.dynamicTest(
                                name, c.resolve("case.yaml").toUri(), () -> run(name, c)));
                    }
                }
                total += tests.size();
                categories.add(
                        DynamicContainer.dynamicContainer(cat.getFileName().toString(), tests));
            }
        }
        assertTrue(total >= 300, "the corpus holds at least 300 cases, not " + total);
        return categories.stream();
    }

    private void run(String name, Path source) throws Exception {
        JsonNode spec = YAML.readTree(source.resolve("case.yaml").toFile());
        String only = System.getProperty("l2r.corpus.only"); // a regular expression on case names, to run a few
        Assumptions.assumeTrue(
                only == null || Pattern.compile(only).matcher(name).find(), "not selected by -Dl2r.corpus.only");
        JsonNode pending = spec.get("pending");
        if (pending != null && !RUN_PENDING) {
            Assumptions.abort("pending " + pending.asText() + ": " + text(spec, "about", ""));
        }
        if (spec.path("skip_as_root").asBoolean(false) && ROOT_USER) {
            Assumptions.abort("skipped as root (permissions do not stop root): " + text(spec, "about", ""));
        }
        Path dir = scratch.resolve(name.replace('/', '_'));
        for (String part : List.of("sla.yaml", "data", "rules")) { // a case's own data or rules replace the base's
            if (!Files.exists(source.resolve(part))) copy(ROOT.resolve("_base").resolve(part), dir.resolve(part));
        }
        copy(source, dir);
        Files.delete(dir.resolve("case.yaml"));
        Files.createDirectories(dir.resolve("rules"));
        Files.createDirectories(dir.resolve("data"));
        setup(spec.path("setup"), dir, spec.path("timeout_seconds").asLong(60));

        List<String> args = new ArrayList<>();
        if (spec.has("args")) {
            spec.get("args").forEach(a -> args.add(place(a.asText(), dir)));
        } else {
            args.addAll(List.of(
                    "check",
                    "--sla",
                    dir + "/sla.yaml",
                    "--data",
                    dir + "/data",
                    "--period",
                    text(spec, "period", "2026-10"),
                    "--rules",
                    dir + "/rules",
                    "--out",
                    dir + "/out"));
        }
        spec.path("extra_args").forEach(a -> args.add(place(a.asText(), dir)));

        long timeout = spec.path("timeout_seconds").asLong(60);
        // A case that timed out may still hold the captured System.out/err (Cli.run is synchronized): skip the rest.
        Assumptions.assumeFalse(stuck != null, () -> "case " + stuck + " timed out and may still be running");
        Cli r;
        try {
            r = assertTimeoutPreemptively(
                    Duration.ofSeconds(timeout),
                    () -> Cli.run(args.toArray(String[]::new)),
                    name + ": no answer within " + timeout + " s");
        } catch (org.opentest4j.AssertionFailedError e) {
            stuck = name;
            throw e;
        }
        String err = r.err().replace(dir + "/", "").replace(dir.toString(), "{dir}");
        record(name, r, err, dir);
        String context =
                name + ": " + text(spec, "about", "") + "\n" + r.toString().replace(dir + "/", "");

        int exit = spec.path("exit").asInt(2);
        assertEquals(exit, r.code(), context);
        assertFalse(
                r.err().contains("\tat ")
                        || r.err().contains("Caused by")
                        || r.err().contains("Stack trace"),
                "no stack trace on stderr\n" + context);
        if (!spec.has(
                "exception_text_ok")) { // a case may allow it, saying why (an exception thrown by a rule author's own
            // code)
            assertFalse(r.err().contains("Exception"), "no exception text on stderr\n" + context);
        }
        List<String> lines = err.lines().toList();

        if (exit == 2) {
            assertFalse(lines.isEmpty(), "a cause on stderr\n" + context);
            if (!spec.path("stdout_ok").asBoolean(false)) assertEquals("", r.out(), "nothing on stdout\n" + context);
            assertFalse(Files.exists(dir.resolve("out")), "no output folder\n" + context);
            JsonNode at = spec.get("at");
            if (at != null) { // file[:line[:column]]: [field: ], each part as the case names it
                String where = (at.has("file")
                                ? Pattern.quote(at.get("file").asText())
                                        + (at.has("line") ? ":" + at.get("line").asInt() + "(:\\d+)?" : "(:\\d+){0,2}")
                                        + ": "
                                : "")
                        + (at.has("field") ? Pattern.quote(at.get("field").asText()) + ": " : "");
                assertTrue(
                        Pattern.compile(where).matcher(lines.get(0)).lookingAt(),
                        "the first line names " + at + "\n" + context);
            }
            if (spec.has("stderr")) {
                List<String> expected = new ArrayList<>();
                spec.get("stderr").forEach(l -> expected.add(l.asText()));
                assertEquals(expected.size(), lines.size(), "exactly the expected lines on stderr\n" + context);
                for (int i = 0; i < expected.size(); i++) {
                    assertTrue(
                            matches(expected.get(i), lines.get(i)),
                            "line " + (i + 1) + " is\n  " + lines.get(i) + "\nexpected\n  " + expected.get(i) + "\n"
                                    + context);
                }
            } else if (!spec.has("stderr_lines")) {
                assertEquals(1, lines.size(), "one line on stderr\n" + context);
            } else {
                assertEquals(spec.get("stderr_lines").asInt(), lines.size(), "lines on stderr\n" + context);
            }
        } else if (spec.has("stderr")) {
            for (JsonNode l : spec.get("stderr")) {
                assertTrue(
                        lines.stream().anyMatch(x -> matches(l.asText(), x)),
                        "stderr has a line " + l.asText() + "\n" + context);
            }
        }
        for (JsonNode c : spec.path("stderr_contains")) {
            assertTrue(err.contains(c.asText()), "stderr contains " + c.asText() + "\n" + context);
        }

        if (exit != 2 && !spec.path("no_output").asBoolean(false)) {
            Path out = Path.of(place(text(spec, "out", "{dir}/out"), dir));
            JsonNode run = JSON.readTree(out.resolve("run.json").toFile());
            for (JsonNode in : run.path("inputs")) {
                assertEquals(
                        in.get("read").asLong(),
                        in.get("accepted").asLong() + in.get("rejected").asLong(),
                        "rows read = accepted + rejected for " + in + "\n" + context);
            }
            Path rejectedCsv = out.resolve("rejected.csv");
            if (spec.has("rejected")) {
                assertTrue(Files.exists(rejectedCsv), "rejected.csv written\n" + context);
                List<String> rows = Files.readAllLines(rejectedCsv, StandardCharsets.UTF_8).stream()
                        .map(l -> l.replace(dir + "/data/", "").replace(dir + "/", ""))
                        .toList();
                List<String> unquoted =
                        rows.stream().map(l -> l.replace("\"", "")).toList();
                String all = String.join("\n", rows);
                for (JsonNode want : spec.get("rejected")) {
                    assertTrue(
                            unquoted.stream()
                                    .anyMatch(row -> matches(want.asText(), row) || row.startsWith(want.asText())),
                            "rejected.csv has a row " + want.asText() + "\n" + all + "\n" + context);
                }
                if (spec.has("rejected_rows")) {
                    assertEquals(
                            spec.get("rejected_rows").asInt(),
                            rows.size() - 1,
                            "rows in rejected.csv\n" + all + "\n" + context);
                } else {
                    assertEquals(
                            spec.get("rejected").size(),
                            countRecords(rows),
                            "rows in rejected.csv\n" + all + "\n" + context);
                }
            } else if (!spec.path("rejected_ok").asBoolean(false)) {
                assertFalse(Files.exists(rejectedCsv), "no rejected rows\n" + context);
            }
            if (spec.has("violations")) { // "clause_id subject", in report order
                List<String> want = new ArrayList<>();
                spec.get("violations").forEach(v -> want.add(v.asText()));
                List<String> got = new ArrayList<>();
                JSON.readTree(out.resolve("violations.json").toFile())
                        .forEach(v -> got.add(v.get("clause_id").asText() + " "
                                + v.get("subject").asText()));
                assertEquals(want, got, "violations\n" + context);
            }
            for (JsonNode f : spec.path("no_formulas")) { // no cell a spreadsheet would run as a formula
                Path csv = out.resolve(f.asText());
                if (!Files.exists(csv)) continue;
                for (String cell : Files.readString(csv, StandardCharsets.UTF_8).split("[,\n]")) {
                    String c = cell.startsWith("\"") ? cell.substring(1) : cell;
                    assertFalse(
                            c.matches("(?s)[=+@\t\r].*|-[^0-9].*"),
                            f.asText() + " has a formula cell " + cell + "\n" + context);
                }
            }
            for (JsonNode count : spec.path("counts")) { // [file suffix, read, accepted, rejected]
                JsonNode in = null;
                for (JsonNode i : run.path("inputs"))
                    if (i.path("file").asText().endsWith(count.get(0).asText())) in = i;
                if (in == null) fail("run.json has no input " + count.get(0) + "\n" + run + "\n" + context);
                assertEquals(
                        List.of(
                                count.get(1).asLong(),
                                count.get(2).asLong(),
                                count.get(3).asLong()),
                        List.of(
                                in.get("read").asLong(),
                                in.get("accepted").asLong(),
                                in.get("rejected").asLong()),
                        "read, accepted, rejected of " + count.get(0) + "\n" + context);
            }
        }
        for (JsonNode p : spec.path("present")) {
            assertTrue(Files.exists(Path.of(place(p.asText(), dir))), p.asText() + " exists\n" + context);
        }
        for (JsonNode p : spec.path("absent")) {
            assertFalse(Files.exists(Path.of(place(p.asText(), dir))), p.asText() + " does not exist\n" + context);
        }
    }

    /** With -Dl2r.corpus.record=FILE, appends what each case did (one JSON object a line) for review. */
    private static synchronized void record(String name, Cli r, String err, Path dir) throws IOException {
        String file = System.getProperty("l2r.corpus.record");
        if (file == null) return;
        Path rej = dir.resolve("out/rejected.csv");
        var node = JSON.createObjectNode()
                .put("name", name)
                .put("exit", r.code())
                .put("err", err)
                .put("out", r.out().length() > 300 ? r.out().substring(0, 300) : r.out())
                .put(
                        "rejected",
                        Files.exists(rej)
                                ? Files.readString(rej)
                                        .replace(dir + "/data/", "")
                                        .replace(dir + "/", "")
                                : null)
                .put("outExists", Files.exists(dir.resolve("out")));
        Files.writeString(
                Path.of(file),
                JSON.writeValueAsString(node) + "\n",
                StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
    }

    /** Rows of rejected.csv after its header (a quoted value may span lines, so count lines that start a row). */
    private static long countRecords(List<String> rows) {
        return rows.stream()
                .skip(1)
                .filter(l -> !l.isEmpty() && !l.startsWith(" "))
                .count();
    }

    /** An expected line is literal text, or a regular expression when it starts with "re:". */
    static boolean matches(String expected, String actual) {
        if (expected.startsWith("re:"))
            return Pattern.compile(expected.substring(3)).matcher(actual).matches();
        return expected.equals(actual);
    }

    private static String text(JsonNode spec, String key, String otherwise) {
        return spec.has(key) ? spec.get(key).asText() : otherwise;
    }

    private static String place(String s, Path dir) {
        return s.replace("{dir}", dir.toString())
                .replace("{out}", dir.resolve("out").toString());
    }

    /**
     * Steps that a committed file cannot express: a FIFO, an unreadable file, a folder, a huge value.
     * {@code expand} replaces TOKEN in a file by COUNT copies of ITEM ({i} numbers them) joined by SEP.
     */
    private static void setup(JsonNode steps, Path dir, long timeoutSeconds) throws Exception {
        for (JsonNode s : steps) {
            Path p = dir.resolve(s.path("path").asText());
            switch (s.path("do").asText()) {
                case "fifo" -> {
                    Files.deleteIfExists(p);
                    Process mk = new ProcessBuilder("mkfifo", p.toString())
                            .inheritIO()
                            .start();
                    assertEquals(0, mk.waitFor(), "mkfifo " + p);
                    // A reader that opens a FIFO waits for a writer: give it an empty one after the case's time
                    // has run out, so that a case that hangs there fails without blocking the cases after it.
                    long after = timeoutSeconds + 1;
                    Thread writer = new Thread(
                            () -> {
                                try {
                                    Thread.sleep(after * 1000);
                                    new java.io.FileOutputStream(p.toFile()).close();
                                } catch (Exception ignored) {
                                    // the case is over; nothing to unblock
                                }
                            },
                            "corpus-fifo-writer");
                    writer.setDaemon(true);
                    writer.start();
                }
                case "chmod" ->
                    Files.setPosixFilePermissions(
                            p,
                            java.nio.file.attribute.PosixFilePermissions.fromString(
                                    s.get("mode").asText()));
                case "mkdir" -> Files.createDirectories(p);
                case "symlink" -> {
                    Files.deleteIfExists(p);
                    Files.createSymbolicLink(p, Path.of(s.get("target").asText()));
                }
                case "delete" -> deleteTree(p);
                case "expand" -> {
                    String token = s.get("token").asText();
                    int count = s.get("count").asInt();
                    String item = s.path("item").asText("x");
                    String sep = s.path("sep").asText("");
                    StringBuilder b = new StringBuilder();
                    for (int i = 0; i < count; i++) {
                        if (i > 0) b.append(sep);
                        b.append(item.replace("{i}", Integer.toString(i)));
                    }
                    String text = Files.readString(p, StandardCharsets.UTF_8);
                    assertTrue(text.contains(token), "setup: " + p + " holds " + token);
                    Files.writeString(p, text.replace(token, b), StandardCharsets.UTF_8);
                }
                default -> fail("unknown setup step " + s);
            }
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        if (!Files.exists(from)) return;
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (!p.getFileName().toString().equals(".keep")) {
                    Files.createDirectories(target.getParent());
                    Files.copy(p, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void deleteTree(Path p) {
        if (!Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return;
        try (Stream<Path> all = Files.walk(p)) {
            all.sorted(Comparator.reverseOrder()).forEach(x -> {
                try {
                    Files.delete(x);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
