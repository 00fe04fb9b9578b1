package dev.l2r.model;

import java.util.regex.Pattern;

/** A period metric a target clause measures (docs/AGREEMENTS.md, "Metrics"). */
public sealed interface Metric {

    /** The metric as written in an agreement, e.g. {@code conversion(mql, sal)}. */
    String text();

    /** The metric as people say it, e.g. "MQL → SAL conversion", "cost per MQL". */
    String label();

    /** What kind of number the metric is, which decides how its values are written. */
    Unit unit();

    /** Kinds of metric values: a count of leads, an amount of money, a share, days, a multiple (×), a number. */
    enum Unit {
        COUNT,
        MONEY,
        RATIO,
        DAYS,
        MULTIPLE,
        NUMBER
    }

    /** Leads with STAGE in the period. */
    record Count(Stage stage) implements Metric {
        public String text() {
            return "count(" + stage.key() + ")";
        }

        public String label() {
            return stage.plural();
        }

        public Unit unit() {
            return Unit.COUNT;
        }
    }

    /** Of the leads with {@code from} in the period, the share that reached {@code to} by the as-of time. */
    record Conversion(Stage from, Stage to) implements Metric {
        public String text() {
            return "conversion(" + from.key() + ", " + to.key() + ")";
        }

        public String label() {
            return from.label() + " → " + to.label() + " conversion";
        }

        public Unit unit() {
            return Unit.RATIO;
        }
    }

    /** won / (won + lost), closed in the period. */
    record WinRate() implements Metric {
        public String text() {
            return "win_rate";
        }

        public String label() {
            return "win rate";
        }

        public Unit unit() {
            return Unit.RATIO;
        }
    }

    /** Mean amount won in the period. */
    record AverageSellingPrice() implements Metric {
        public String text() {
            return "average_selling_price";
        }

        public String label() {
            return "average selling price";
        }

        public Unit unit() {
            return Unit.MONEY;
        }
    }

    /** Sum of amounts won in the period. */
    record Revenue() implements Metric {
        public String text() {
            return "revenue";
        }

        public String label() {
            return "revenue";
        }

        public Unit unit() {
            return Unit.MONEY;
        }
    }

    /** Median days from sqo_at to closed_at of deals won in the period. */
    record SalesCycleDays() implements Metric {
        public String text() {
            return "sales_cycle_days";
        }

        public String label() {
            return "sales cycle";
        }

        public Unit unit() {
            return Unit.DAYS;
        }
    }

    /** Median days from stage A to stage B, of the leads that reached B in the period (sales_cycle_days generalised). */
    record CycleDays(Stage from, Stage to) implements Metric {
        public String text() {
            return "cycle_days(" + from.key() + ", " + to.key() + ")";
        }

        public String label() {
            return "days from " + from.label() + " to " + to.label();
        }

        public Unit unit() {
            return Unit.DAYS;
        }
    }

    /** Amount of opportunities open at the as-of time / quota from the metrics file. */
    record PipelineCoverage() implements Metric {
        public String text() {
            return "pipeline_coverage";
        }

        public String label() {
            return "pipeline coverage";
        }

        public Unit unit() {
            return Unit.MULTIPLE;
        }
    }

    /**
     * A value from the metrics file. A name that speaks of money (spend, budget, revenue, quota, amount) is an
     * amount; any other is a plain number.
     */
    record Named(String name) implements Metric {
        private static final Pattern MONEY_WORDS = Pattern.compile("spend|budget|revenue|quota|amount");

        public String text() {
            return "metric(" + name + ")";
        }

        public String label() {
            return name.replace('_', ' ').replace('-', ' ');
        }

        public Unit unit() {
            return MONEY_WORDS.matcher(name).find() ? Unit.MONEY : Unit.NUMBER;
        }
    }

    /** spend from the metrics file / count(STAGE). */
    record CostPer(Stage stage) implements Metric {
        public String text() {
            return "cost_per(" + stage.key() + ")";
        }

        public String label() {
            return "cost per " + stage.label();
        }

        public Unit unit() {
            return Unit.MONEY;
        }
    }
}
