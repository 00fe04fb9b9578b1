package dev.l2r.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.l2r.Cli;
import dev.l2r.Workspace;
import dev.l2r.app.CheckRun;
import dev.l2r.model.Period;
import dev.l2r.model.PeriodKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --period FROM..TO} checks each period in order, each into its own folder. */
class PeriodRangeTest {

    static final String SLA = """
            sla: range-test
            period: %s
            timezone: America/New_York
            teams:
              sales: { owner: "VP Sales" }
            clauses:
              - { id: T1, type: target, metric: count(mql), min: 1, owner: sales }
            """;

    static final String LEAD_AUG = "A,2026-08-05T10:00,,,,sales,,,,,,,,2026-08-05T10:00,,,,,,,,,,";

    @TempDir
    Path tmp;

    @Test
    void nextPeriodCrossesYearsAndIsoWeeks() {
        assertEquals("2027-01", next(PeriodKind.MONTH, "2026-12"));
        assertEquals("2027-Q1", next(PeriodKind.QUARTER, "2026-Q4"));
        assertEquals("2026-W53", next(PeriodKind.WEEK, "2026-W52")); // 2026 has 53 ISO weeks
        assertEquals("2027-W01", next(PeriodKind.WEEK, "2026-W53"));
        assertEquals("2026-W01", next(PeriodKind.WEEK, "2025-W52")); // 2025-12-29 starts 2026-W01
    }

    private static String next(PeriodKind kind, String label) {
        return Period.parse(kind, label).orElseThrow().next().label();
    }

    @Test
    void aRangeWritesOneFolderPerPeriodAndExitsWithTheWorstCode() throws Exception {
        Workspace w = new Workspace(tmp).sla(SLA.formatted("month")).leads(LEAD_AUG);
        Cli r = w.check("2026-07..2026-09");
        // July and September have no MQL: the critical-free target misses are major, so exit 0 at --fail-on critical
        assertEquals(0, r.code(), r.toString());
        for (String p : List.of("2026-07", "2026-08", "2026-09")) {
            assertTrue(Files.exists(w.out().resolve(p).resolve("run.json")), p + ": " + r);
        }
        assertEquals(
                3, r.out().lines().filter(l -> l.startsWith("range-test 2026-")).count(), r.out());
        Cli failing = w.check("2026-07..2026-09", "--fail-on", "major");
        assertEquals(1, failing.code(), failing.toString());
    }

    @Test
    void eachCheckIsRecordedInTheHistoryAndARerunKeepsTheEarlierRun() throws Exception {
        Workspace w = new Workspace(tmp).sla(SLA.formatted("month")).leads(LEAD_AUG);
        assertEquals(0, w.check("2026-07..2026-09").code());
        Cli rerun = w.check("2026-08..2026-08"); // a range of one: into out/2026-08 again
        assertEquals(0, rerun.code(), rerun.toString());
        Cli listed =
                Cli.run("history", "--history", tmp.resolve("history.sqlite").toString(), "--json");
        assertEquals(0, listed.code(), listed.toString());
        var runs = new com.fasterxml.jackson.databind.ObjectMapper().readTree(listed.out());
        List<String> periods = new java.util.ArrayList<>();
        List<Boolean> latest = new java.util.ArrayList<>();
        for (var run : runs) {
            periods.add(run.get("period").asText());
            latest.add(run.get("latest").asBoolean());
        }
        assertEquals(List.of("2026-07", "2026-08", "2026-08", "2026-09"), periods, listed.out());
        assertEquals(List.of(true, false, true, true), latest, listed.out());
        // July and September miss the target of 1 MQL (major), August meets it
        List<String> verdicts = new java.util.ArrayList<>();
        for (var run : runs) verdicts.add(run.get("verdict").asText());
        assertEquals(List.of("breached", "kept", "kept", "breached"), verdicts, listed.out());
    }

    @Test
    void noHistoryLeavesTheHistoryAlone() {
        Workspace w = new Workspace(tmp).sla(SLA.formatted("month")).leads(LEAD_AUG);
        assertEquals(0, w.check("2026-08", "--no-history").code());
        assertFalse(Files.exists(tmp.resolve("history.sqlite")));
    }

    @Test
    void aBackwardsRangeOrAsOfWithARangeIsRefusedBeforeAnyOutput() {
        Workspace w = new Workspace(tmp).sla(SLA.formatted("month")).leads(LEAD_AUG);
        Cli back = w.check("2026-09..2026-07");
        assertEquals(2, back.code(), back.toString());
        assertEquals(
                "--period: 2026-09..2026-07 ends before it starts; write FROM..TO, e.g. 2026-10..2026-10",
                back.err().strip());
        Cli asOf = w.check("2026-07..2026-08", "--as-of", "2026-08-10T00:00");
        assertEquals(2, asOf.code(), asOf.toString());
        assertTrue(asOf.err().startsWith("--as-of: applies to one period"), asOf.err());
        Cli kind = w.check("2026-07..2026-Q3");
        assertEquals(2, kind.code(), kind.toString());
        assertTrue(kind.err().startsWith("--period: \"2026-Q3\" is not a month"), kind.err());
        assertFalse(Files.exists(w.out()), "no output for refused arguments");
    }

    @Test
    void aRangeThatStopsInALaterPeriodSaysWhichEarlierPeriodsWereWrittenAndRecorded() throws Exception {
        Workspace w = new Workspace(tmp).sla(SLA.formatted("month")).leads(LEAD_AUG);
        Files.createDirectories(w.out());
        Files.writeString(w.out().resolve("2026-09"), "in the way"); // September's folder cannot be made
        Cli r = w.check("2026-07..2026-09");
        assertEquals(2, r.code(), r.toString());
        assertEquals(
                w.out().resolve("2026-09") + ": is a file, not a folder; choose a folder for --out; the range stopped"
                        + " at 2026-09, but 2026-07 and 2026-08 were checked and written before it ("
                        + w.out().resolve("2026-07") + ", " + w.out().resolve("2026-08") + ") and recorded in "
                        + tmp.resolve("history.sqlite") + "; they stay as they are\n",
                r.err());
        assertEquals("", r.out());
        assertTrue(Files.exists(w.out().resolve("2026-08").resolve("run.json")), "what it says it left");
    }

    @Test
    void withoutHistoryTheLineSaysOnlyWhatWasWritten() throws Exception {
        Workspace w = new Workspace(tmp).sla(SLA.formatted("month")).leads(LEAD_AUG);
        Files.createDirectories(w.out());
        Files.writeString(w.out().resolve("2026-08"), "in the way");
        Cli r = w.check("2026-07..2026-09", "--no-history");
        assertEquals(2, r.code(), r.toString());
        assertTrue(
                r.err()
                        .endsWith("; the range stopped at 2026-08, but 2026-07 was checked and written before it ("
                                + w.out().resolve("2026-07") + "); they stay as they are\n"),
                r.err());
        assertEquals(1, r.err().lines().count(), r.err());
    }

    @Test
    void theDefaultFolderNamesTheAgreementSoAgreementsNeverShareOne() {
        Workspace w = new Workspace(tmp).sla(SLA.formatted("quarter"));
        var a = dev.l2r.parse.AgreementParser.load(tmp.resolve("sla.yaml"));
        assertEquals(Path.of("out", "range-test", "2026-Q3"), CheckRun.defaultOut(a, a.period("2026-Q3")));
    }
}
