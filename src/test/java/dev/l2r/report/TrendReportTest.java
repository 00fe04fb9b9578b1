package dev.l2r.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.l2r.history.RunRecord;
import dev.l2r.history.RunRecord.Violations;
import dev.l2r.history.Runs;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The trend sentences and the multi-period summary, on hand-made runs whose changes are worked out by hand. */
class TrendReportTest {

    @Test
    void theChangeLineComparesWithTheNearestEarlierPeriod() {
        // 91.2% - 88.1% = 3.1 points; critical 0 against 2; sdr-emea 82.5% -> 70% is the only team that fell
        assertEquals(
                List.of(
                        "Compliance 91.2%, up 3.1 points on 2026-08 (88.1%); critical violations 0 (was 2).",
                        "Trend over 3 periods, 2026-07 to 2026-09: 85%, 88.1%, 91.2%.",
                        "Largest team drop: sdr-emea, down 12.5 points (82.5% to 70%)."),
                TrendReport.trendLines(Runs.september(), List.of(Runs.july(), Runs.august())));
    }

    @Test
    void aFallIsDownAndOneEarlierPeriodGivesNoTrendLine() {
        RunRecord worse = Runs.month("2026-09", 0.871, new Violations(9, 4, 5, 0), 0, 0.95, 0.825, "breached");
        // 87.1% - 88.1% = -1 point; no team fell (the same team figures as August)
        assertEquals(
                List.of("Compliance 87.1%, down 1 point on 2026-08 (88.1%); critical violations 4 (was 2)."),
                TrendReport.trendLines(worse, List.of(Runs.august())));
    }

    @Test
    void theChangeIsOnThePercentagesAsShown() {
        // 88.14% shows as 88.1% and 88.06% as 88.1%: unchanged, though the shares differ
        RunRecord a = Runs.month("2026-08", 0.8806, new Violations(0, 0, 0, 0), 0, null, null, "kept");
        RunRecord b = Runs.month("2026-09", 0.8814, new Violations(0, 0, 0, 0), 0, null, null, "kept");
        assertEquals(
                "Compliance 88.1%, unchanged on 2026-08 (88.1%); critical violations 0 (was 0).",
                TrendReport.trendLines(b, List.of(a)).get(0));
    }

    @Test
    void withoutAnEarlierPeriodOrAnAssessmentTheLinesSaySo() {
        assertEquals(
                List.of("Compliance 85%; no earlier period is recorded to compare with."),
                TrendReport.trendLines(Runs.july(), List.of()));
        RunRecord none = Runs.month("2026-09", null, new Violations(0, 0, 0, 0), 0, null, null, "kept");
        assertEquals(
                "Compliance not assessed, against 88.1% on 2026-08; critical violations 0 (was 2).",
                TrendReport.trendLines(none, List.of(Runs.august())).get(0));
    }

    @Test
    void theMarkdownHoldsEachPeriodWithItsChangeAndEachTeamClauseAndTarget() {
        String md = TrendReport.markdown(List.of(Runs.july(), Runs.september()), List.of("2026-08"));
        assertTrue(md.startsWith("# SLA trend: Inside sales lead SLA (Northwind Analytics), 2026-07 to 2026-09\n"), md);
        assertTrue(md.contains("**2026-09: at risk.** Compliance 91.2%, up 6.2 points on 2026-07 (85%);"), md);
        assertTrue(md.contains("No run recorded for 2026-08; l2r check on a period records it."), md);
        // September against July: 91.2 - 85 = +6.2 points; critical 0 - 3, major 3 - 4, minor 2 - 1
        assertTrue(
                md.contains(
                        "| 2026-07 | final, as of 2026-08-01T00:00-04:00 | breached | 85% | — | 8 | 3 | 4 | 1 | — | 2 |"),
                md);
        assertTrue(
                md.contains(
                        "| 2026-09 | final, as of 2026-10-01T00:00-04:00 | at risk | 91.2% | +6.2 pts | 5 | 0 | 3 | 2"
                                + " | −3 critical, −1 major, +1 minor | 0 |"),
                md);
        assertTrue(
                md.contains("| Team | 2026-07 | 2026-09 |\n| --- | ---: | ---: |\n| sdr-amer | 90% | 97% |\n"
                        + "| sdr-emea | 80% | 70% |\n"),
                md);
        // S1 is held against two teams: (90 + 30) met of (90 + 30 + 10 + 10) decided = 85.7%
        assertTrue(md.contains("| S1 Demo requests are called within 60 business minutes | 85.7% | 85.7% |"), md);
        assertTrue(md.contains("| T1 | all | MQL to SAL conversion | 42% (met) | 42% (met) |"), md);
        // September's run found no DQ1 record: 0, not a gap
        assertTrue(md.contains("| DQ1 MQL without a source | 2 | 0 |"), md);
    }

    @Test
    void theHtmlIsOneSelfContainedPageWithEscapedText() {
        RunRecord r = Runs.july();
        RunRecord odd = new RunRecord(
                r.agreementId(),
                r.agreementVersion(),
                "<script>alert(1)</script> & co",
                r.digests(),
                r.toolVersion(),
                r.periodLabel(),
                r.periodStart(),
                r.periodEnd(),
                r.asOf(),
                r.isFinal(),
                r.recordedAt(),
                r.verdict(),
                r.compliance(),
                r.violations(),
                r.dataQualityFindings(),
                r.clauses(),
                r.teams(),
                r.people(),
                r.targets(),
                r.dataQuality());
        String html = TrendReport.html(List.of(odd), List.of());
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("<style>"));
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co"));
        assertFalse(html.contains("<script"));
        assertFalse(html.contains("src="));
        assertFalse(html.contains("href="));
        assertTrue(html.contains("<td>sdr-emea</td><td class=\"n\">80%</td>"), html);
    }
}
