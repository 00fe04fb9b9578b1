package dev.l2r.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.l2r.model.Metric.Unit;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every metric as people say it, and the kind of number it is; no internal name reaches a reader. */
class MetricLabelTest {

    record Case(Metric metric, String label, Unit unit) {}

    static final List<Case> CASES = List.of(
            new Case(new Metric.Count(Stage.MQL), "MQLs", Unit.COUNT),
            new Case(new Metric.Count(Stage.INQUIRY), "inquiries", Unit.COUNT),
            new Case(new Metric.Count(Stage.WON), "deals won", Unit.COUNT),
            new Case(new Metric.Count(Stage.SQO), "SQOs", Unit.COUNT),
            new Case(new Metric.Conversion(Stage.MQL, Stage.SAL), "MQL → SAL conversion", Unit.RATIO),
            new Case(new Metric.Conversion(Stage.INQUIRY, Stage.MQL), "inquiry → MQL conversion", Unit.RATIO),
            new Case(new Metric.WinRate(), "win rate", Unit.RATIO),
            new Case(new Metric.AverageSellingPrice(), "average selling price", Unit.MONEY),
            new Case(new Metric.Revenue(), "revenue", Unit.MONEY),
            new Case(new Metric.SalesCycleDays(), "sales cycle", Unit.DAYS),
            new Case(new Metric.CycleDays(Stage.MQL, Stage.SAL), "days from MQL to SAL", Unit.DAYS),
            new Case(new Metric.PipelineCoverage(), "pipeline coverage", Unit.MULTIPLE),
            new Case(new Metric.CostPer(Stage.MQL), "cost per MQL", Unit.MONEY),
            new Case(new Metric.Named("partner_enablement_sessions"), "partner enablement sessions", Unit.NUMBER),
            new Case(new Metric.Named("deal-registrations"), "deal registrations", Unit.NUMBER),
            new Case(new Metric.Named("event_spend"), "event spend", Unit.MONEY),
            new Case(new Metric.Named("partner_budget"), "partner budget", Unit.MONEY),
            new Case(new Metric.Named("quota"), "quota", Unit.MONEY));

    @Test
    void everyMetricHasAHumanLabelAndAUnit() {
        for (Case c : CASES) {
            assertEquals(c.label(), c.metric().label(), c.metric().text());
            assertEquals(c.unit(), c.metric().unit(), c.metric().text());
        }
    }

    @Test
    void everyStageHasALabelAndAPlural() {
        assertEquals("MQL", Stage.MQL.label());
        assertEquals("inquiry", Stage.INQUIRY.label());
        assertEquals("inquiries", Stage.INQUIRY.plural());
        assertEquals("first touch", Stage.FIRST_TOUCH.label());
        for (Stage s : Stage.values()) {
            assertEquals(-1, s.label().indexOf('_'), s.key());
            assertEquals(-1, s.plural().indexOf('_'), s.key());
        }
    }
}
