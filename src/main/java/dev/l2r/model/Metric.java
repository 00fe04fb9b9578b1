package dev.l2r.model;

/** A period metric a target clause measures (docs/AGREEMENTS.md, "Metrics"). */
public sealed interface Metric {

    /** The metric as written in an agreement, e.g. {@code conversion(mql, sal)}. */
    String text();

    /** Leads with STAGE in the period. */
    record Count(Stage stage) implements Metric {
        public String text() {
            return "count(" + stage.key() + ")";
        }
    }

    /** Of the leads with {@code from} in the period, the share that reached {@code to} by the as-of time. */
    record Conversion(Stage from, Stage to) implements Metric {
        public String text() {
            return "conversion(" + from.key() + ", " + to.key() + ")";
        }
    }

    /** won / (won + lost), closed in the period. */
    record WinRate() implements Metric {
        public String text() {
            return "win_rate";
        }
    }

    /** Mean amount won in the period. */
    record AverageSellingPrice() implements Metric {
        public String text() {
            return "average_selling_price";
        }
    }

    /** Sum of amounts won in the period. */
    record Revenue() implements Metric {
        public String text() {
            return "revenue";
        }
    }

    /** Median days from sqo_at to closed_at of deals won in the period. */
    record SalesCycleDays() implements Metric {
        public String text() {
            return "sales_cycle_days";
        }
    }

    /** Median days from stage A to stage B, of the leads that reached B in the period (sales_cycle_days generalised). */
    record CycleDays(Stage from, Stage to) implements Metric {
        public String text() {
            return "cycle_days(" + from.key() + ", " + to.key() + ")";
        }
    }

    /** Amount of opportunities open at the as-of time / quota from the metrics file. */
    record PipelineCoverage() implements Metric {
        public String text() {
            return "pipeline_coverage";
        }
    }

    /** A value from the metrics file. */
    record Named(String name) implements Metric {
        public String text() {
            return "metric(" + name + ")";
        }
    }

    /** spend from the metrics file / count(STAGE). */
    record CostPer(Stage stage) implements Metric {
        public String text() {
            return "cost_per(" + stage.key() + ")";
        }
    }
}
