package dev.l2r.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.l2r.Cli;
import dev.l2r.history.HistoryStore;
import dev.l2r.history.Runs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code l2r report --from --to} and {@code l2r history}, through the command line, on a real history file. */
class ReportCommandTest {

    static final String SLA = "sla-templates/inside-sales.yaml";

    @TempDir
    Path tmp;

    private Path history() {
        return tmp.resolve("history.sqlite");
    }

    /** July and September recorded, August not; September recorded twice (the rerun is the latest). */
    private void record() {
        try (HistoryStore store = HistoryStore.open(history())) {
            store.record(Runs.july());
            store.record(Runs.rerun(Runs.september(), 0.5, Instant.parse("2026-10-01T04:00:00Z")));
            store.record(Runs.rerun(Runs.september(), 0.912, Instant.parse("2026-10-02T09:30:00Z")));
        }
    }

    /** {@code l2r report --sla SLA --from FROM --to TO --history HISTORY [--out OUT]}. */
    private static Cli report(String from, String to, Path history, Path out) {
        List<String> args = new ArrayList<>(
                List.of("report", "--sla", SLA, "--from", from, "--to", to, "--history", history.toString()));
        if (out != null) args.addAll(List.of("--out", out.toString()));
        return Cli.run(args.toArray(String[]::new));
    }

    private static String read(Path p) throws Exception {
        return Files.readString(p, StandardCharsets.UTF_8);
    }

    @Test
    void reportWritesTheTrendFromTheLatestRunOfEachPeriodAndNamesTheGap() throws Exception {
        record();
        Path out = tmp.resolve("trend");
        Cli r = report("2026-07", "2026-09", history(), out);
        assertEquals(0, r.code(), r.toString());
        assertEquals(
                "wrote " + out.resolve("summary-trend.md") + " and summary-trend.html: 2 of 3 periods of inside-sales"
                        + " from " + history() + "; no run recorded for 2026-08\n",
                r.out());
        String md = read(out.resolve("summary-trend.md"));
        // the rerun of September (91.2%) is the latest, not the first run (50%): +6.2 points on July's 85%
        assertTrue(
                md.contains(
                        "| 2026-09 | final, as of 2026-10-01T00:00-04:00 | at risk | 91.2% | +6.2 pts | 5 | 0 | 3 | 2"
                                + " | −3 critical, −1 major, +1 minor | 0 |"),
                md);
        assertTrue(
                md.contains(
                        "| 2026-07 | final, as of 2026-08-01T00:00-04:00 | breached | 85% | — | 8 | 3 | 4 | 1 | — | 2 |"),
                md);
        assertTrue(md.contains("No run recorded for 2026-08; l2r check on a period records it."), md);
        assertTrue(md.contains("| sdr-emea | 80% | 70% |"), md);
        assertFalse(md.contains("50%"), md);
        String html = read(out.resolve("summary-trend.html"));
        assertTrue(html.contains("<td>2026-09</td>"), html);
        assertTrue(html.contains("<td class=\"n\">+6.2 pts</td>"), html);
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(
                    List.of("summary-trend.html", "summary-trend.md"),
                    files.map(p -> p.getFileName().toString()).sorted().toList(),
                    "no temporary file is left behind");
        }
    }

    @Test
    void consecutivePeriodsWithoutARunAreNamedAsOneSpan() throws Exception {
        record();
        Path out = tmp.resolve("trend");
        Cli r = report("2026-07", "2026-12", history(), out);
        assertEquals(0, r.code(), r.toString());
        assertTrue(
                r.out()
                        .endsWith(": 2 of 6 periods of inside-sales from " + history()
                                + "; no run recorded for 2026-08, 2026-10 to 2026-12\n"),
                r.out());
        assertTrue(read(out.resolve("summary-trend.md")).contains("No run recorded for 2026-08, 2026-10 to 2026-12;"));
    }

    @Test
    void reportWithNoRunInTheRangeExits2SayingWhatToRun() {
        record();
        Cli r = report("2026-10", "2026-12", history(), tmp.resolve("x"));
        assertEquals(2, r.code(), r.toString());
        assertEquals(
                "no runs of inside-sales between 2026-10 and 2026-12 in " + history() + "; run l2r check first\n",
                r.err());
        assertFalse(Files.exists(tmp.resolve("x")));
        Cli missing = report("2026-07", "2026-09", tmp.resolve("none.sqlite"), null);
        assertEquals(2, missing.code(), missing.toString());
        assertTrue(missing.err().startsWith("no runs of inside-sales between 2026-07 and 2026-09 in "), missing.err());
        assertFalse(Files.exists(tmp.resolve("none.sqlite")), "a missing history is not created by report");
    }

    @Test
    void reportPeriodsMustBeOfTheAgreementsKindAndInOrder() {
        Cli quarter = report("2026-Q3", "2026-09", history(), null);
        assertEquals(2, quarter.code(), quarter.toString());
        assertEquals(
                "--from: \"2026-Q3\" is not a month of agreement inside-sales; use a label such as 2026-10\n",
                quarter.err());
        Cli backwards = report("2026-09", "2026-07", history(), null);
        assertEquals(2, backwards.code(), backwards.toString());
        assertEquals("--to: 2026-07 is before --from 2026-09; give the earlier period first\n", backwards.err());
    }

    @Test
    void historyListsEachRunWithItsLatestMarker() {
        record();
        Cli r = Cli.run("history", "--history", history().toString(), "--agreement", "inside-sales");
        assertEquals(0, r.code(), r.toString());
        assertEquals("""
                RUN  RECORDED AT           AGREEMENT     VERSION  PERIOD   AS OF                   STATE  VERDICT   COMPLIANCE  VIOLATIONS  LATEST
                  1  2026-08-01T04:00:00Z  inside-sales  2026.3   2026-07  2026-08-01T00:00-04:00  final  breached         85%           8  latest
                  2  2026-10-01T04:00:00Z  inside-sales  2026.3   2026-09  2026-10-01T00:00-04:00  final  at risk          50%           5
                  3  2026-10-02T09:30:00Z  inside-sales  2026.3   2026-09  2026-10-01T00:00-04:00  final  at risk        91.2%           5  latest
                """, r.out());
        Cli september =
                Cli.run("history", "--history", history().toString(), "--sla", SLA, "--period", "2026-09", "--json");
        assertEquals(0, september.code(), september.toString());
        assertTrue(september.out().startsWith("[\n  {\n    \"id\" : 2,\n"), september.out());
        assertTrue(september.out().contains("\"latest\" : false,"), september.out());
        assertTrue(september.out().contains("\"compliance\" : 0.912,"), september.out());
        Cli none = Cli.run("history", "--history", history().toString(), "--agreement", "channel");
        assertEquals("no runs of channel recorded in " + history() + "\n", none.out());
    }

    @Test
    void aCorruptHistoryIsExit2WithOneLineNamingTheFile() throws Exception {
        Path bad = tmp.resolve("history.sqlite");
        Files.write(bad, new byte[4096]); // zeros: not a SQLite header
        for (List<String> args : List.of(
                List.of("history", "--history", bad.toString()),
                List.of("report", "--sla", SLA, "--from", "2026-07", "--to", "2026-09", "--history", bad.toString()))) {
            Cli r = Cli.run(args.toArray(String[]::new));
            assertEquals(2, r.code(), r.toString());
            assertEquals(bad + ": not a SQLite database; give another --history file or move this one away\n", r.err());
        }
    }

    @Test
    void aFolderWhereTheHtmlGoesIsRefusedAndTheMarkdownIsNotWrittenEither() throws Exception {
        record();
        Path out = tmp.resolve("trend");
        Files.createDirectories(out.resolve("summary-trend.html"));
        Cli r = report("2026-07", "2026-09", history(), out);
        assertEquals(2, r.code(), r.toString());
        assertEquals(out.resolve("summary-trend.html") + ": is a folder; remove it or give another --out\n", r.err());
        assertEquals("", r.out());
        assertFalse(Files.exists(out.resolve("summary-trend.md")), "no summary-trend.md");
    }
}
