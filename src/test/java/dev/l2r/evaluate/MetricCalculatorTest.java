package dev.l2r.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.l2r.facts.Lead;
import dev.l2r.facts.PeriodWindow;
import dev.l2r.ingest.MetricsTable;
import dev.l2r.model.Metric;
import dev.l2r.model.Stage;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every metric of SPEC section 2 on small, hand-computed sets of leads. Period: October 2026, New York. */
class MetricCalculatorTest {

    static final ZoneId NY = ZoneId.of("America/New_York");
    static final long START = t("2026-10-01T00:00-04:00");
    static final long END = t("2026-11-01T00:00-04:00");
    static final PeriodWindow OCT = new PeriodWindow("2026-10", START, END, END, NY);

    static long t(String iso) {
        return OffsetDateTime.parse(iso).toInstant().toEpochMilli();
    }

    /** A deal: sqo and close times, outcome and amount (null for none). */
    static Lead deal(String id, String sqo, String closed, String outcome, Double amount) {
        Lead.Builder b = Lead.builder(id, t("2026-01-01T00:00-05:00"));
        b.sqoAt = sqo == null ? null : t(sqo);
        b.closedAt = closed == null ? null : t(closed);
        b.outcome = outcome;
        b.amount = amount;
        b.opportunityId = "O-" + id;
        return b.build();
    }

    static double value(Metric m, List<Lead> leads, MetricsTable metrics, String team) {
        Optional<MetricCalculator.Measure> v = MetricCalculator.measure(m, leads, OCT, metrics, team);
        assertTrue(v.isPresent(), m.text() + " should be assessed");
        return v.get().value();
    }

    static boolean assessed(Metric m, List<Lead> leads, MetricsTable metrics) {
        return MetricCalculator.measure(m, leads, OCT, metrics, "").isPresent();
    }

    final List<Lead> deals = List.of(
            // won in October: amounts 1000, 2500, 4000 (and one without an amount); cycles 10, 30, 62 days
            deal("W1", "2026-09-21T10:00-04:00", "2026-10-01T10:00-04:00", "won", 1000.0),
            deal("W2", "2026-09-15T12:00-04:00", "2026-10-15T12:00-04:00", "won", 2500.0),
            // Aug 30 00:00 EDT (04:00Z) -> Oct 31 00:00 EDT (04:00Z) = 62 days exactly
            deal("W3", "2026-08-30T00:00-04:00", "2026-10-31T00:00-04:00", "won", 4000.0),
            deal("W4", null, "2026-10-20T12:00-04:00", "won", null),
            // lost in October: 2; won in September and November: not in the period
            deal("L1", "2026-09-01T09:00-04:00", "2026-10-05T09:00-04:00", "lost", 800.0),
            deal("L2", "2026-09-01T09:00-04:00", "2026-10-31T23:59:59-04:00", "lost", null),
            deal("S1", "2026-08-01T09:00-04:00", "2026-09-30T23:59:59-04:00", "won", 9999.0),
            deal("N1", "2026-08-01T09:00-04:00", "2026-11-01T00:00-04:00", "won", 9999.0),
            // open opportunities: 3000 + 1500 (+ one without amount, not counted)
            deal("O1", "2026-10-02T09:00-04:00", null, "open", 3000.0),
            deal("O2", "2026-09-02T09:00-04:00", null, null, 1500.0),
            deal("O3", "2026-09-02T09:00-04:00", null, "open", null));

    @Test
    void winRateIsWonOverWonAndLostClosedInThePeriod() {
        // won in Oct: W1 W2 W3 W4 = 4; lost in Oct: L1 L2 = 2 -> 4 / 6
        assertEquals(4.0 / 6, value(new Metric.WinRate(), deals, MetricsTable.empty(), ""), 1e-12);
    }

    @Test
    void averageSellingPriceIsTheMeanAmountWonLeavingOutWinsWithoutAmount() {
        // (1000 + 2500 + 4000) / 3 = 2500
        assertEquals(2500.0, value(new Metric.AverageSellingPrice(), deals, MetricsTable.empty(), ""), 1e-9);
    }

    @Test
    void revenueIsTheSumWon() {
        assertEquals(7500.0, value(new Metric.Revenue(), deals, MetricsTable.empty(), ""), 1e-9);
        assertEquals(
                0.0,
                value(new Metric.Revenue(), List.of(), MetricsTable.empty(), ""),
                "no wins is revenue 0, assessed");
    }

    @Test
    void salesCycleIsTheMedianOfSqoToCloseInDays() {
        // W1 10 days, W2 30 days, W3 62 days (W4 has no sqo) -> median 30
        assertEquals(30.0, value(new Metric.SalesCycleDays(), deals, MetricsTable.empty(), ""), 1e-9);
        // an even count takes the mean of the middle two: 10 and 30 -> 20
        assertEquals(20.0, value(new Metric.SalesCycleDays(), deals.subList(0, 2), MetricsTable.empty(), ""), 1e-9);
    }

    @Test
    void pipelineCoverageIsOpenAmountAtAsOfOverQuota() {
        MetricsTable m = new MetricsTable();
        m.put("", "quota", 1500);
        m.put("east", "quota", 9000);
        // open at as-of: O1 3000 + O2 1500 = 4500 -> 4500 / 1500 = 3
        assertEquals(3.0, value(new Metric.PipelineCoverage(), deals, m, ""), 1e-12);
        assertEquals(0.5, value(new Metric.PipelineCoverage(), deals, m, "east"), 1e-12);
        assertTrue(
                !MetricCalculator.measure(new Metric.PipelineCoverage(), deals, OCT, m, "west")
                        .isPresent(),
                "no quota: not assessed");
    }

    @Test
    void countsAndConversionUseTheHalfOpenPeriodAndTheAsOfTime() {
        List<Lead> leads = new ArrayList<>();
        String[][] rows = {
            // mql, sal
            {"2026-10-01T00:00-04:00", "2026-10-02T00:00-04:00"},
            {"2026-10-31T23:59:59-04:00", "2026-11-03T00:00-05:00"}, // sal after as-of: masked below
            {"2026-11-01T00:00-04:00", null}, // first instant of November: not in the period
            {"2026-09-30T23:59:59-04:00", "2026-10-01T09:00-04:00"}, // September MQL, October SAL
            {"2026-10-15T00:00-04:00", "2026-09-01T00:00-04:00"}, // SAL before MQL still reached SAL
        };
        for (int i = 0; i < rows.length; i++) {
            Lead.Builder b = Lead.builder("C" + i, t("2026-09-01T00:00-04:00"));
            b.mqlAt = t(rows[i][0]);
            b.salAt = rows[i][1] == null ? null : t(rows[i][1]);
            Lead seen = b.build().seenAt(END);
            if (seen != null) leads.add(seen);
        }
        assertEquals(3.0, value(new Metric.Count(Stage.MQL), leads, MetricsTable.empty(), ""));
        // SALs in October: C0 (Oct 2) and C3 (Oct 1 09:00); C1's is after as-of, C4's in September
        assertEquals(2.0, value(new Metric.Count(Stage.SAL), leads, MetricsTable.empty(), ""));
        // cohort: C0, C1, C4 (MQL in October) -> reached SAL by as-of: C0, C4 -> 2/3
        assertEquals(
                2.0 / 3, value(new Metric.Conversion(Stage.MQL, Stage.SAL), leads, MetricsTable.empty(), ""), 1e-12);
        assertTrue(
                !assessed(new Metric.Conversion(Stage.SQO, Stage.WON), leads, MetricsTable.empty()),
                "empty cohort: not assessed");
    }

    @Test
    void costPerAndNamedMetricsReadTheMetricsFile() {
        MetricsTable m = new MetricsTable();
        m.put("", "spend", 900);
        m.put("", "visitors", 48000);
        List<Lead> leads = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Lead.Builder b = Lead.builder("I" + i, START);
            b.inquiryAt = START + i;
            leads.add(b.build());
        }
        assertEquals(300.0, value(new Metric.CostPer(Stage.INQUIRY), leads, m, ""), 1e-12);
        assertEquals(48000.0, value(new Metric.Named("visitors"), leads, m, ""));
        assertTrue(!assessed(new Metric.CostPer(Stage.MQL), leads, m), "no MQLs: not assessed");
        assertTrue(!assessed(new Metric.Named("webinars"), leads, m), "no row: not assessed");
    }
}
