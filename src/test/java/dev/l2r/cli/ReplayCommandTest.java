package dev.l2r.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.l2r.Cli;
import dev.l2r.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code l2r replay}: recorded periods re-scored under a proposed version, the same data or none. */
class ReplayCommandTest {

    @TempDir
    Path tmp;

    private Workspace checked() throws Exception {
        Workspace w = new Workspace(tmp)
                .sla(AgreementVersionsTest.VERSION.formatted("1", "2026-01-01", "8 hours"))
                .leads(AgreementVersionsTest.LEADS.toArray(String[]::new));
        Files.writeString(
                tmp.resolve("proposed.yaml"), AgreementVersionsTest.VERSION.formatted("2", "2026-01-01", "4 hours"));
        Cli r = w.check("2026-07..2026-08", "--fail-on", "none");
        assertEquals(0, r.code(), r.toString());
        return w;
    }

    private Cli replay(String from, String to, String... extra) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of(
                "replay",
                "--sla",
                tmp.resolve("proposed.yaml").toString(),
                "--data",
                tmp.resolve("data").toString(),
                "--rules",
                tmp.resolve("no-rules").toString(),
                "--history",
                tmp.resolve("history.sqlite").toString(),
                "--from",
                from,
                "--to",
                to));
        args.addAll(java.util.List.of(extra));
        return Cli.run(args.toArray(String[]::new));
    }

    @Test
    void aStricterClockTurnsTheRecordedKeptPeriodsIntoBreachesWithoutTouchingTheHistory() throws Exception {
        checked();
        Cli r = replay("2026-07", "2026-08", "--out", tmp.resolve("replay").toString());
        assertEquals(0, r.code(), r.toString());
        // each month one MQL accepted 6 hours later: within 8 hours (recorded), late under 4 hours (proposed)
        assertEquals("""
                replay of routing version 2 against the recorded runs
                2026-07 (run 1, version 1, as of 2026-08-01T00:00:00-04:00): verdict kept -> breached; compliance 100%% -> 0%%; violations 0 -> 1
                  F1 sdr: 100%% (0 violated), kept -> 0%% (1 violated), breached
                2026-08 (run 2, version 1, as of 2026-09-01T00:00:00-04:00): verdict kept -> breached; compliance 100%% -> 0%%; violations 0 -> 1
                  F1 sdr: 100%% (0 violated), kept -> 0%% (1 violated), breached
                wrote %s and replay.md
                """.formatted(tmp.resolve("replay/replay.csv")), r.out());
        assertEquals("""
                period,clause_id,team,recorded_version,recorded_compliance,recorded_violated,recorded_verdict,proposed_version,proposed_compliance,proposed_violated,proposed_verdict
                2026-07,F1,sdr,1,1,0,kept,2,0,1,breached
                2026-08,F1,sdr,1,1,0,kept,2,0,1,breached
                """, Files.readString(tmp.resolve("replay/replay.csv")));
        Cli history =
                Cli.run("history", "--history", tmp.resolve("history.sqlite").toString());
        assertEquals(
                2 + 1,
                history.out().lines().count(),
                "two recorded runs and a header; replay records none\n" + history);
    }

    @Test
    void rowsTheDataCouldNotGiveAreNamedAsACheckNamesThem() throws Exception {
        java.util.List<String> rows = new java.util.ArrayList<>(AgreementVersionsTest.LEADS);
        rows.add("C,07/06/2026 10:00 AM,,,,sdr,Ann,,,,,,,,,,,,,,,,,");
        Workspace w = new Workspace(tmp)
                .sla(AgreementVersionsTest.VERSION.formatted("1", "2026-01-01", "8 hours"))
                .leads(rows.toArray(String[]::new));
        Files.writeString(
                tmp.resolve("proposed.yaml"), AgreementVersionsTest.VERSION.formatted("2", "2026-01-01", "4 hours"));
        assertEquals(0, w.check("2026-07..2026-08", "--fail-on", "none").code());
        Cli r = replay("2026-07", "2026-08");
        assertEquals(0, r.code(), r.toString());
        // replay writes no rejected.csv: the row is listed on stderr with its file, line, field and reason
        assertTrue(r.err().contains("1 rejected row"), r.err());
        assertTrue(r.err().contains("leads.csv:4: created_at: not an ISO-8601 timestamp"), r.err());
    }

    @Test
    void changedDataOrNoRecordedRunIsRefused() throws Exception {
        Workspace w = checked();
        w.leads(AgreementVersionsTest.LEADS.get(0));
        Cli changed = replay("2026-07", "2026-07");
        assertEquals(2, changed.code(), changed.toString());
        assertTrue(changed.err().startsWith("--data: not the data run 1 of 2026-07 read (recorded "), changed.err());
        assertEquals(1, changed.err().lines().count(), changed.err());
        Cli none = replay("2026-04", "2026-05");
        assertEquals(2, none.code(), none.toString());
        assertEquals(
                "--from: no recorded run of routing from 2026-04 to 2026-05; run l2r check on those periods first",
                none.err().strip());
        Cli kind = replay("2026-Q3", "2026-Q3");
        assertEquals(2, kind.code(), kind.toString());
        assertTrue(kind.err().startsWith("--from: \"2026-Q3\" is not a month"), kind.err());
    }

    @Test
    void aFolderWhereReplayCsvGoesIsRefusedBeforeAnythingIsPrintedOrWritten() throws Exception {
        checked();
        Path out = tmp.resolve("replay");
        Files.createDirectories(out.resolve("replay.csv"));
        Cli r = replay("2026-07", "2026-08", "--out", out.toString());
        assertEquals(2, r.code(), r.toString());
        assertEquals(out.resolve("replay.csv") + ": is a folder; remove it or give another --out\n", r.err());
        assertEquals("", r.out(), "no table on stdout");
        assertFalse(Files.exists(out.resolve("replay.md")), "no replay.md");
    }

    @Test
    void anOutThatIsAFileIsRefusedInWords() throws Exception {
        checked();
        Path out = Files.writeString(tmp.resolve("replay.txt"), "a file");
        Cli r = replay("2026-07", "2026-08", "--out", out.toString());
        assertEquals(2, r.code(), r.toString());
        assertEquals(out + ": is a file, not a folder; give a folder for --out\n", r.err());
        assertEquals("", r.out(), "no table on stdout");
        assertEquals("a file", Files.readString(out));
    }
}
