package dev.l2r.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.l2r.model.Metric;
import dev.l2r.model.Stage;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The metric grammar on its own: every form SPEC section 2 names, and near misses. */
class MetricGrammarTest {

    @Test
    void everyFormParsesAndPrintsBackAsWritten() {
        for (String text : new String[] {
            "count(mql)",
            "conversion(mql, sal)",
            "win_rate",
            "average_selling_price",
            "revenue",
            "sales_cycle_days",
            "cycle_days(sqo, won)",
            "pipeline_coverage",
            "metric(enablement_sessions)",
            "cost_per(mql)"
        }) {
            assertEquals(text, MetricGrammar.parse(text).orElseThrow().text());
        }
        assertEquals(
                Optional.of(new Metric.Conversion(Stage.MQL, Stage.SAL)),
                MetricGrammar.parse(" conversion ( mql ,sal ) "));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "count(x)",
                "count(mql, sal)",
                "conversion(mql, mql)",
                "conversion(mql)",
                "win_rate()",
                "metric(Bad)",
                "count",
                "revenue(mql)",
                "median(mql)",
                "count(mql) + 1",
                ""
            })
    void nearMissesAreNoMetric(String text) {
        assertEquals(Optional.empty(), MetricGrammar.parse(text));
    }
}
