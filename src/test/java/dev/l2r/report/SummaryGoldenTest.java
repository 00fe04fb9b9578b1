package dev.l2r.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.l2r.Cli;
import dev.l2r.Progress;
import dev.l2r.app.CheckRun;
import dev.l2r.evaluate.Limits;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * summary.md of small committed cases, byte for byte. Each folder under src/test/resources/summary holds
 * leads.csv, case.properties (period, optional as_of) and the expected summary.md; all use the folder's
 * agreement.yaml. After a deliberate change, regenerate and review the diff:
 * {@code mvn -B test -Dtest=SummaryGoldenTest -Dl2r.updateGolden=true}.
 */
class SummaryGoldenTest {

    static final Path CASES = Path.of("src/test/resources/summary");
    static final boolean UPDATE = Boolean.getBoolean("l2r.updateGolden");

    @TempDir
    Path tmp;

    /** Runs {@code l2r check} on one case into {@code out}; the exit code is asserted by the caller. */
    static Cli check(Path dir, Path out) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(dir.resolve("case.properties"), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        List<String> args = new ArrayList<>(List.of(
                "check",
                "--sla",
                CASES.resolve("agreement.yaml").toString(),
                "--data",
                dir.resolve("leads.csv").toString(),
                "--period",
                p.getProperty("period"),
                "--out",
                out.toString(),
                "--fail-on",
                "none",
                "--no-history"));
        if (p.containsKey("as_of")) args.addAll(List.of("--as-of", p.getProperty("as_of")));
        return Cli.run(args.toArray(String[]::new));
    }

    static List<Path> cases() throws IOException {
        try (Stream<Path> s = Files.list(CASES)) {
            return s.filter(Files::isDirectory).sorted().toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> summaryMarkdownIsTheCommittedOne() throws IOException {
        List<Path> cases = cases();
        assertTrue(cases.size() >= 3, "cases in " + CASES);
        return cases.stream()
                .map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> {
                    Path out = tmp.resolve(dir.getFileName().toString());
                    Cli r = check(dir, out);
                    assertEquals(0, r.code(), r.toString());
                    String fresh = Files.readString(out.resolve("summary.md"), StandardCharsets.UTF_8);
                    Path golden = dir.resolve("summary.md");
                    if (UPDATE) Files.writeString(golden, fresh, StandardCharsets.UTF_8);
                    assertTrue(
                            Files.exists(golden),
                            golden + " is missing; run with -Dl2r.updateGolden=true and review it");
                    assertEquals(
                            Files.readString(golden, StandardCharsets.UTF_8),
                            fresh,
                            golden
                                    + " differs; if the change is intended, regenerate with -Dl2r.updateGolden=true and review"
                                    + " the diff");
                }));
    }

    /** summary.html needs nothing but itself: no script, no link, no external image, font or style. */
    @TestFactory
    Stream<DynamicTest> summaryHtmlIsSelfContained() throws IOException {
        return cases().stream()
                .map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> {
                    Path out = tmp.resolve("html-" + dir.getFileName());
                    Cli r = check(dir, out);
                    assertEquals(0, r.code(), r.toString());
                    String html = Files.readString(out.resolve("summary.html"), StandardCharsets.UTF_8);
                    for (String banned : List.of(
                            "<script",
                            "<link",
                            "<img",
                            "<iframe",
                            " src=",
                            "href=",
                            "@import",
                            "url(http",
                            "@font-face")) {
                        assertFalse(html.contains(banned), banned + " in " + out.resolve("summary.html"));
                    }
                    assertTrue(html.contains("<svg"), "inline charts");
                    assertTrue(html.contains("@media print") && html.contains("@page{margin:12mm}"), "print styles");
                    assertTrue(html.contains("class=\"scroll\""), "tables scroll inside their own box");
                }));
    }

    /**
     * With earlier periods from the run history the summary states them and the chart draws lines; the
     * history is what the caller passes (here two made-up months before the breached case's September).
     */
    @Test
    void earlierPeriodsMakeTheTrend() throws IOException {
        Path dir = CASES.resolve("breached");
        CheckRun.Result r = CheckRun.run(new CheckRun.Request(
                CASES.resolve("agreement.yaml"),
                List.of(dir.resolve("leads.csv")),
                null,
                "2026-09",
                null,
                null,
                tmp.resolve("out"),
                null,
                Limits.defaults(),
                Progress.QUIET,
                null,
                false));
        RunInfo run = new RunInfo(
                r.agreement(), "agreement.yaml", "", "", List.of(), null, null, r.dataset(), r.period(), null);
        List<SummaryTrend> trend = List.of(
                new SummaryTrend("2026-07", "kept", 0.95, Map.of("desk-a", 0.96, "desk-b", 1.0, "marketing", 0.9)),
                new SummaryTrend("2026-08", "at risk", 0.9, Map.of("desk-a", 0.85, "desk-b", 0.95, "marketing", 0.8)));
        Summary s = new SummaryBuilder(run, r.evaluation(), List.of(), trend).build();
        String md = s.markdown();
        Path golden = dir.resolve("summary-with-trend.md");
        if (UPDATE) Files.writeString(golden, md, StandardCharsets.UTF_8);
        assertEquals(Files.readString(golden, StandardCharsets.UTF_8), md, golden + " differs");
        String html = s.html("t");
        assertTrue(html.contains("<path d=\"M"), "a line per team");
        assertTrue(html.contains(">2026-07</text>") && html.contains(">2026-09</text>"), "every period on the axis");
        assertTrue(!html.contains("trend starts"), "three periods are a trend");
    }
}
