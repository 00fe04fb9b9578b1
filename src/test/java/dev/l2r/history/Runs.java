package dev.l2r.history;

import dev.l2r.history.RunRecord.CheckRow;
import dev.l2r.history.RunRecord.ClauseRow;
import dev.l2r.history.RunRecord.Digests;
import dev.l2r.history.RunRecord.PersonRow;
import dev.l2r.history.RunRecord.TargetRow;
import dev.l2r.history.RunRecord.TeamRow;
import dev.l2r.history.RunRecord.Violations;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Hand-made runs of agreement inside-sales for tests. Three months with figures chosen so the trend can be
 * checked by hand: overall compliance 85%, 88.1%, 91.2%; critical violations 3, 2, 0; sdr-emea 80%, 82.5%, 70%.
 */
public final class Runs {

    private Runs() {}

    /** July 2026: 85%, violations 3 critical, 4 major, 1 minor; 2 data-quality findings. */
    public static RunRecord july() {
        return month("2026-07", 0.85, new Violations(8, 3, 4, 1), 2, 0.9, 0.8, "breached");
    }

    /** August 2026: 88.1%, violations 2 critical, 5 major, 0 minor; 1 data-quality finding. */
    public static RunRecord august() {
        return month("2026-08", 0.881, new Violations(7, 2, 5, 0), 1, 0.95, 0.825, "breached");
    }

    /** September 2026: 91.2%, violations 0 critical, 3 major, 2 minor; no data-quality finding. */
    public static RunRecord september() {
        return month("2026-09", 0.912, new Violations(5, 0, 3, 2), 0, 0.97, 0.7, "at risk");
    }

    /** A month of inside-sales with the given figures; recorded at the first instant of the next month. */
    public static RunRecord month(
            String label, Double compliance, Violations v, long dq, Double amer, Double emea, String verdict) {
        LocalDate start = LocalDate.parse(label + "-01");
        LocalDate end = start.plusMonths(1);
        return new RunRecord(
                "inside-sales",
                "2026.3",
                "Inside sales lead SLA (Northwind Analytics)",
                new Digests("a".repeat(64), "b".repeat(64), "c".repeat(64), "d".repeat(64), "e".repeat(64)),
                "0.1.0",
                label,
                start.toString(),
                end.toString(),
                end + "T00:00-04:00",
                true,
                Instant.parse(end + "T04:00:00Z"),
                verdict,
                compliance,
                v,
                dq,
                List.of(
                        new ClauseRow(
                                "S1",
                                "Demo requests are called within 60 business minutes",
                                "followup",
                                "critical",
                                "sdr-amer",
                                0.95,
                                90,
                                10,
                                2,
                                1,
                                0.9,
                                "breached"),
                        new ClauseRow(
                                "S1",
                                "Demo requests are called within 60 business minutes",
                                "followup",
                                "critical",
                                "sdr-emea",
                                0.95,
                                30,
                                10,
                                0,
                                0,
                                0.75,
                                "breached"),
                        new ClauseRow(
                                "T1", "MQL to SAL conversion", "target", "major", null, null, 1, 0, 0, 0, 1.0, "kept")),
                List.of(
                        new TeamRow("sdr-amer", "SDR Manager, Americas", 90, 10, 2, 1, amer, verdict),
                        new TeamRow("sdr-emea", "SDR Manager, EMEA", 30, 10, 0, 0, emea, verdict)),
                List.of(
                        new PersonRow("Sam Whitfield", "sdr-amer", 40, 6, 1, 1, 2),
                        new PersonRow("Ana Lopez", "sdr-emea", 30, 10, 0, 0, 1)),
                List.of(new TargetRow(
                        "T1",
                        "all",
                        "marketing",
                        "conversion(mql, sal)",
                        "MQL to SAL conversion",
                        0.42,
                        "at least 40%",
                        "42%",
                        "met")),
                dq == 0 ? List.of() : List.of(new CheckRow("DQ1", "MQL without a source", dq)));
    }

    /** The run recorded again at a later instant, with another compliance: a rerun of its period. */
    public static RunRecord rerun(RunRecord r, Double compliance, Instant at) {
        return new RunRecord(
                r.agreementId(),
                r.agreementVersion(),
                r.agreementTitle(),
                r.digests(),
                r.toolVersion(),
                r.periodLabel(),
                r.periodStart(),
                r.periodEnd(),
                r.asOf(),
                r.isFinal(),
                at,
                r.verdict(),
                compliance,
                r.violations(),
                r.dataQualityFindings(),
                r.clauses(),
                r.teams(),
                r.people(),
                r.targets(),
                r.dataQuality());
    }
}
