package dev.l2r.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.l2r.Cli;
import dev.l2r.Workspace;
import dev.l2r.compile.Digests;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The --out folder is replaced whole or not at all: one run at a time, a failed run keeps the previous
 * outputs and marks them, links inside are never followed, and nothing is left behind.
 */
class OutputFolderTest {

    static final String SLA = """
            sla: t
            effective_from: 2026-01-01
            period: month
            timezone: America/New_York
            teams:
              sdr: { owner: "SDR Manager" }
            clauses:
              - id: R1
                type: rejection
                reasons: [no-budget]
                owner: sdr
            """;

    /** A lead rejected without a reason: one R1 violation whose subject is the lead id. */
    static String rejectedWithoutReason(String id) {
        return id + ",2026-10-05T10:00,,,,sdr,,,,,,,,,,,,2026-10-06T10:00,,,,,,";
    }

    @TempDir
    Path tmp;

    private Workspace ws(String... ids) {
        return new Workspace(tmp)
                .sla(SLA)
                .leads(Stream.of(ids)
                        .map(OutputFolderTest::rejectedWithoutReason)
                        .toArray(String[]::new));
    }

    /** Every file of a folder with its bytes, by name; links are listed as links. */
    static Map<String, byte[]> snapshot(Path dir) throws IOException {
        Map<String, byte[]> m = new TreeMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) {
                m.put(
                        p.getFileName().toString(),
                        Files.isSymbolicLink(p)
                                ? ("-> " + Files.readSymbolicLink(p)).getBytes()
                                : Files.readAllBytes(p));
            }
        }
        return m;
    }

    static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    static void assertSame(Map<String, byte[]> expected, Map<String, byte[]> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((k, v) -> assertArrayEquals(v, actual.get(k), k));
    }

    @Test
    void aRerunReplacesTheWholeFolderAndLeavesNothingBeside() throws IOException {
        Workspace w = ws("A").file(
                        "data/leads.csv", Workspace.LEADS_HEADER + "\n" + rejectedWithoutReason("A") + "\nbad-row\n");
        assertEquals(0, w.check("2026-10").code());
        assertTrue(Files.exists(w.out().resolve("rejected.csv")));
        ws("B");
        Cli r = w.check("2026-10");
        assertEquals(0, r.code(), r.toString());
        assertEquals(
                List.of("B"),
                w.violations().stream().map(v -> v.get("subject").asText()).toList());
        assertEquals(
                List.of(
                        "accountability.json",
                        "data-quality.csv",
                        "open-items.csv",
                        "run.json",
                        "summary.html",
                        "summary.md",
                        "violations.csv",
                        "violations.json"),
                names(w.out()),
                "no rejected.csv from the first run");
        assertEquals(
                List.of(".out.lock", "data", "no-rules", "out", "sla.yaml"),
                names(tmp),
                "no staging or old folder beside --out");
    }

    @Test
    void aFailedRerunKeepsThePreviousOutputsByteForByteAndMarksThem() throws IOException {
        Workspace w = ws("A");
        assertEquals(0, w.check("2026-10").code());
        Map<String, byte[]> before = snapshot(w.out());

        w.file("data/leads.csv", "lead_id\nA\n"); // no created_at column: bad input found after the lock is taken
        Cli bad = w.check("2026-10");
        assertEquals(2, bad.code(), bad.toString());
        Map<String, byte[]> after = snapshot(w.out());
        String marker = new String(after.remove(OutputFolder.FAILED), StandardCharsets.UTF_8);
        assertSame(before, after);
        assertTrue(marker.startsWith("The latest l2r check into this folder failed at 20"), marker);
        assertTrue(
                marker.endsWith("\n" + bad.err().lines().findFirst().orElseThrow() + "\n"),
                marker + " vs " + bad.err());
        assertEquals(List.of(".out.lock", "data", "no-rules", "out", "sla.yaml"), names(tmp));

        ws("A");
        assertEquals(0, w.check("2026-10").code());
        assertSame(before, snapshot(w.out()));
    }

    @Test
    void aFailureBeforeTheOutputsAreKnownToBeNeededStillMarksThem() throws IOException {
        Workspace w = ws("A");
        assertEquals(0, w.check("2026-10").code());
        w.sla(SLA.replace("owner: sdr\n", "owner: nobody\n")); // bad agreement: fails before the folder is locked
        Cli bad = w.check("2026-10");
        assertEquals(2, bad.code(), bad.toString());
        String marker = Files.readString(w.out().resolve(OutputFolder.FAILED));
        assertTrue(marker.contains("sla.yaml:11: clauses[0] (R1).owner: unknown team \"nobody\""), marker);
        assertEquals(List.of(".out.lock", "data", "no-rules", "out", "sla.yaml"), names(tmp));
    }

    @Test
    void aFailedFirstRunWritesNothingAtAll() throws IOException {
        Workspace w = new Workspace(tmp).sla(SLA).file("data/leads.csv", "lead_id\nA\n");
        Path deep = tmp.resolve("reports/2026/october");
        Cli r = Cli.run(
                "check",
                "--sla",
                tmp.resolve("sla.yaml").toString(),
                "--data",
                tmp.resolve("data").toString(),
                "--period",
                "2026-10",
                "--rules",
                w.rules.toString(),
                "--out",
                deep.toString());
        assertEquals(2, r.code(), r.toString());
        assertEquals(
                List.of(".october.lock"),
                names(tmp.resolve("reports/2026")),
                "only the lock file, made beside the folder");
    }

    @Test
    void aLinkPlantedInsideTheFolderIsNotFollowed() throws IOException {
        Workspace w = ws("A");
        assertEquals(0, w.check("2026-10").code());
        Path outside = Files.writeString(tmp.resolve("precious.txt"), "keep me\n");
        Files.delete(w.out().resolve("violations.csv"));
        Files.createSymbolicLink(w.out().resolve("violations.csv"), outside);
        Files.createSymbolicLink(w.out().resolve("rejected.csv"), tmp.resolve("data"));

        assertEquals(0, w.check("2026-10").code());
        assertEquals("keep me\n", Files.readString(outside));
        assertEquals(List.of("leads.csv"), names(tmp.resolve("data")));
        assertFalse(Files.isSymbolicLink(w.out().resolve("violations.csv")));
        assertTrue(w.read("violations.csv").contains(",R1,"));
        assertFalse(Files.exists(w.out().resolve("rejected.csv"), java.nio.file.LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void outThatIsALinkIsReplacedWhereItPoints() throws IOException {
        Workspace w = ws("A");
        Path real = Files.createDirectories(tmp.resolve("disk/reports"));
        Files.createSymbolicLink(w.out(), real);
        assertEquals(0, w.check("2026-10").code());
        assertEquals(0, w.check("2026-10").code());
        assertTrue(Files.isSymbolicLink(w.out()));
        assertTrue(Files.readString(real.resolve("violations.csv")).contains(",R1,"));
        assertEquals(List.of(".reports.lock", "reports"), names(tmp.resolve("disk")));
    }

    @Test
    void aFolderWithOtherFilesIsNotReplaced() throws IOException {
        Workspace w = ws("A");
        Files.createDirectories(w.out().resolve("sub"));
        Files.writeString(w.out().resolve("notes.txt"), "mine\n");
        Cli r = w.check("2026-10");
        assertEquals(2, r.code(), r.toString());
        assertEquals(
                w.out() + ": holds notes.txt and 1 more that l2r did not write; each run replaces the whole folder,"
                        + " so choose an empty or new --out\n",
                r.err());
        assertEquals(List.of("notes.txt", "sub"), names(w.out()));

        // the same with outputs of an earlier run beside them: still not l2r's to empty, and not marked failed
        Files.delete(w.out().resolve("sub"));
        Files.writeString(w.out().resolve("run.json"), "{}\n");
        Cli again = w.check("2026-10");
        assertEquals(
                w.out() + ": holds notes.txt that l2r did not write; each run replaces the whole folder,"
                        + " so choose an empty or new --out\n",
                again.err());
        assertEquals(List.of("notes.txt", "run.json"), names(w.out()));
    }

    @Test
    void theDataFolderIsNeverTakenForOut() throws IOException {
        Workspace w = ws("A");
        Cli r = Cli.run(
                "check",
                "--sla",
                tmp.resolve("sla.yaml").toString(),
                "--data",
                tmp.resolve("data").toString(),
                "--period",
                "2026-10",
                "--rules",
                w.rules.toString(),
                "--out",
                tmp.resolve("data").toString());
        assertEquals(2, r.code(), r.toString());
        assertEquals(List.of("leads.csv"), names(tmp.resolve("data")));
    }

    @Test
    void aParentThatIsAFileIsBadInputAndLeavesNothing() throws IOException {
        Workspace w = ws("A");
        Path file = Files.writeString(tmp.resolve("file"), "x");
        Cli r = Cli.run(
                "check",
                "--sla",
                tmp.resolve("sla.yaml").toString(),
                "--data",
                tmp.resolve("data").toString(),
                "--period",
                "2026-10",
                "--rules",
                w.rules.toString(),
                "--out",
                file.resolve("out").toString());
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().startsWith(file.resolve("out") + ": cannot write: "), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertEquals(List.of("data", "file", "no-rules", "sla.yaml"), names(tmp));
    }

    /**
     * A write that fails after the evaluation (here: the staging folder's name is too long for the file
     * system, as a full disk would fail a file) keeps the previous outputs and leaves no staging folder.
     */
    @Test
    void aWriteErrorKeepsThePreviousOutputsAndLeavesNoStagingFolder() throws IOException {
        Workspace w = ws("A");
        Path out = tmp.resolve("o".repeat(240)); // 240 fits; ".<name>.tmp-<12 hex>" (258) does not; ".<name>.lock" does
        Files.createDirectories(out);
        Files.writeString(out.resolve("run.json"), "{}\n");
        Files.writeString(out.resolve("violations.csv"), "earlier\n");
        Cli r = Cli.run(
                "check",
                "--sla",
                tmp.resolve("sla.yaml").toString(),
                "--data",
                tmp.resolve("data").toString(),
                "--period",
                "2026-10",
                "--rules",
                w.rules.toString(),
                "--out",
                out.toString());
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().startsWith(out + ": cannot write: "), r.err());
        assertEquals(List.of(OutputFolder.FAILED, "run.json", "violations.csv"), names(out));
        assertEquals("earlier\n", Files.readString(out.resolve("violations.csv")));
        assertEquals(
                List.of(
                        "." + out.getFileName() + ".lock",
                        "data",
                        "no-rules",
                        out.getFileName().toString(),
                        "sla.yaml"),
                names(tmp));
    }

    @Test
    void aRunKilledBetweenTheTwoRenamesIsRepairedByTheNext() throws IOException {
        Workspace w = ws("A");
        assertEquals(0, w.check("2026-10").code());
        Map<String, byte[]> before = snapshot(w.out());
        // killed after moving the old folder aside, before moving the new one in, with a staging folder left
        Files.move(w.out(), tmp.resolve(".out.old-0123456789ab"));
        Files.createDirectories(tmp.resolve(".out.tmp-ba9876543210"));
        Files.writeString(tmp.resolve(".out.tmp-ba9876543210/violations.json"), "[ {");

        w.file("data/leads.csv", "lead_id\nA\n");
        assertEquals(2, w.check("2026-10").code());
        Map<String, byte[]> after = snapshot(w.out());
        assertTrue(after.remove(OutputFolder.FAILED) != null);
        assertSame(before, after);
        assertEquals(List.of(".out.lock", "data", "no-rules", "out", "sla.yaml"), names(tmp));
    }

    @Test
    void aSecondRunWhileTheFolderIsLockedIsRefusedInThisAndAnotherProcess() throws Exception {
        Workspace w = ws("A");
        String busy = w.out() + ": another l2r run is writing this folder; wait for it or choose another --out\n";
        try (OutputFolder held = OutputFolder.lock(w.out())) {
            Cli r = w.check("2026-10");
            assertEquals(2, r.code(), r.toString());
            assertEquals(busy, r.err());
            Child other = Child.check(tmp, tmp.resolve("data"), w.out());
            assertEquals(2, other.await(), other.err());
            assertEquals(busy, other.err());
            assertFalse(Files.exists(w.out()));
        }
        assertEquals(0, w.check("2026-10").code());
        assertEquals(List.of(".out.lock", "data", "no-rules", "out", "sla.yaml"), names(tmp));
    }

    @Test
    void twoProcessesIntoOneFolderLeaveExactlyOneRunsOutputs() throws Exception {
        Workspace w = ws("A");
        w.file(
                "data-a/leads.csv",
                Workspace.LEADS_HEADER + "\n" + rejectedWithoutReason("A1") + "\n" + rejectedWithoutReason("A2")
                        + "\n");
        w.file("data-b/leads.csv", Workspace.LEADS_HEADER + "\n" + rejectedWithoutReason("B1") + "\n");
        Child a = Child.check(tmp, tmp.resolve("data-a"), w.out());
        Child b = Child.check(tmp, tmp.resolve("data-b"), w.out());
        int codeA = a.await();
        int codeB = b.await();
        assertTrue(
                (codeA == 0 || codeA == 2) && (codeB == 0 || codeB == 2) && (codeA == 0 || codeB == 0),
                "a: " + codeA + " " + a.err() + "b: " + codeB + " " + b.err());
        for (Child c : List.of(a, b)) {
            if (c.code() == 2)
                assertTrue(
                        c.err()
                                .endsWith(
                                        ": another l2r run is writing this folder; wait for it or choose another --out\n"),
                        c.err());
        }
        JsonNode run = w.json("run.json");
        String input = run.get("inputs").get(0).get("file").asText();
        List<String> subjects =
                w.violations().stream().map(v -> v.get("subject").asText()).toList();
        String csv = w.read("violations.csv");
        if (input.contains("data-a")) {
            assertEquals(
                    Digests.sha256(tmp.resolve("data-a/leads.csv")),
                    run.get("inputs").get(0).get("sha256").asText());
            assertEquals(List.of("A1", "A2"), subjects);
            assertEquals(3, csv.lines().count());
        } else {
            assertEquals(
                    Digests.sha256(tmp.resolve("data-b/leads.csv")),
                    run.get("inputs").get(0).get("sha256").asText());
            assertEquals(List.of("B1"), subjects);
            assertEquals(2, csv.lines().count());
        }
        assertEquals(subjects.size(), run.get("violations").get("total").asInt());
        assertEquals(List.of(".out.lock", "data", "data-a", "data-b", "no-rules", "out", "sla.yaml"), names(tmp));
    }

    /** l2r check in a JVM of its own: file locks are per process, so this is the real second user. */
    static final class Child {
        private final Process process;
        private final Path errFile;
        private int code = -1;
        private String err = "";

        private Child(Process process, Path errFile) {
            this.process = process;
            this.errFile = errFile;
        }

        static Child check(Path ws, Path data, Path out) throws IOException {
            List<String> cmd = List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp",
                    System.getProperty("java.class.path"),
                    "dev.l2r.cli.Main",
                    "check",
                    "--sla",
                    ws.resolve("sla.yaml").toString(),
                    "--data",
                    data.toString(),
                    "--period",
                    "2026-10",
                    "--rules",
                    ws.resolve("no-rules").toString(),
                    "--out",
                    out.toString());
            Path err = Files.createTempFile("l2r-child", ".err");
            Process p = new ProcessBuilder(cmd)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(err.toFile())
                    .start();
            return new Child(p, err);
        }

        int await() throws Exception {
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("l2r check did not end within 120 s");
            }
            code = process.exitValue();
            err = Files.readString(errFile);
            Files.delete(errFile);
            return code;
        }

        int code() {
            return code;
        }

        String err() {
            return err;
        }
    }
}
