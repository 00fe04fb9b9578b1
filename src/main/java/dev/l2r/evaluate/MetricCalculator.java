package dev.l2r.evaluate;

import dev.l2r.facts.Lead;
import dev.l2r.facts.PeriodWindow;
import dev.l2r.ingest.MetricsTable;
import dev.l2r.model.Metric;
import dev.l2r.model.Stage;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Computes the period metrics of docs/AGREEMENTS.md over a set of leads (already seen at the as-of time). A
 * metric with nothing to measure (empty cohort, no closed deals, no quota) is empty: not assessed.
 */
public final class MetricCalculator {

    private static final double DAY = 86_400_000.0;

    /** A measured value and how it was made up, e.g. "35 of 60 MQLs in the period reached SAL". */
    public record Measure(double value, String detail) {}

    private MetricCalculator() {}

    public static Optional<Measure> measure(
            Metric metric, List<Lead> leads, PeriodWindow w, MetricsTable metrics, String team) {
        return measure(metric, leads, w, metrics, team, null);
    }

    /** The metric's value and how it was made up, amounts in {@code currency} (ISO code, or null for none). */
    public static Optional<Measure> measure(
            Metric metric, List<Lead> leads, PeriodWindow w, MetricsTable metrics, String team, String currency) {
        Aggregate g = new Aggregate(metric, w);
        for (Lead l : leads) g.add(l);
        return g.measure(metrics, team, currency);
    }

    /**
     * What a metric needs of a set of leads, gathered one lead at a time, so that the leads need not be kept:
     * counts, exact sums (BigDecimal) and the values a median needs. Two aggregates of the same metric merge,
     * and the result does not depend on the order leads were added or aggregates merged in.
     */
    public static final class Aggregate {
        private final Metric metric;
        private final PeriodWindow w;
        /** Count: leads at the stage; conversion: the cohort; win rate: won; amounts: won with an amount. */
        private long n;
        /** Conversion: reached; win rate: lost; amounts: won without an amount. */
        private long m;

        private BigDecimal sum = BigDecimal.ZERO;
        /** Days of each lead a median is taken over (cycle metrics), else null. */
        private final List<Double> days;

        /** What {@link #add} does for the metric, decided once per aggregate, not once per lead. */
        private enum Kind {
            AT_STAGE, // count(stage), cost_per(stage): leads at a stage in the period
            CONVERSION,
            WIN_RATE,
            WON_AMOUNT, // revenue, average selling price
            SALES_CYCLE,
            CYCLE,
            OPEN_AMOUNT, // pipeline coverage
            NONE // a named metric: from metrics.csv, nothing of the leads
        }

        private final Kind kind;
        /** The stage counted (AT_STAGE) or the stages between which the metric runs (CONVERSION, CYCLE). */
        private final Stage from;

        private final Stage to;

        public Aggregate(Metric metric, PeriodWindow w) {
            this.metric = metric;
            this.w = w;
            if (metric instanceof Metric.Count c) {
                kind = Kind.AT_STAGE;
                from = c.stage();
                to = null;
            } else if (metric instanceof Metric.CostPer c) {
                kind = Kind.AT_STAGE;
                from = c.stage();
                to = null;
            } else if (metric instanceof Metric.Conversion c) {
                kind = Kind.CONVERSION;
                from = c.from();
                to = c.to();
            } else if (metric instanceof Metric.CycleDays c) {
                kind = Kind.CYCLE;
                from = c.from();
                to = c.to();
            } else {
                kind = metric instanceof Metric.WinRate
                        ? Kind.WIN_RATE
                        : metric instanceof Metric.AverageSellingPrice || metric instanceof Metric.Revenue
                                ? Kind.WON_AMOUNT
                                : metric instanceof Metric.SalesCycleDays
                                        ? Kind.SALES_CYCLE
                                        : metric instanceof Metric.PipelineCoverage ? Kind.OPEN_AMOUNT : Kind.NONE;
                from = null;
                to = null;
            }
            this.days = kind == Kind.SALES_CYCLE || kind == Kind.CYCLE ? new ArrayList<>() : null;
        }

        /** Adds one lead (seen at the as-of time). */
        public void add(Lead l) {
            switch (kind) {
                case AT_STAGE -> {
                    if (w.contains(Stages.at(l, from))) n++;
                }
                case CONVERSION -> {
                    if (w.contains(Stages.at(l, from))) {
                        n++;
                        if (Stages.at(l, to) != null) m++;
                    }
                }
                case WIN_RATE -> {
                    if (w.contains(Stages.at(l, Stage.WON))) n++;
                    if (w.contains(Stages.at(l, Stage.LOST))) m++;
                }
                case WON_AMOUNT -> {
                    if (w.contains(l.getWonAt())) {
                        if (l.getAmount() == null) m++;
                        else {
                            sum = sum.add(exact(l.getAmount()));
                            n++;
                        }
                    }
                }
                case SALES_CYCLE -> {
                    Long won = l.getWonAt();
                    if (w.contains(won) && l.getSqoAt() != null) days.add((won - l.getSqoAt()) / DAY);
                }
                case CYCLE -> {
                    Long end = Stages.at(l, to);
                    Long start = Stages.at(l, from);
                    if (w.contains(end) && start != null) days.add((end - start) / DAY);
                }
                case OPEN_AMOUNT -> {
                    if (l.isOpenOpportunity() && l.getAmount() != null) {
                        sum = sum.add(exact(l.getAmount()));
                        n++;
                    }
                }
                case NONE -> {}
            }
        }

        /**
         * An amount as the decimal it was written as ({@link BigDecimal#valueOf(double)}); a whole amount without
         * the decimal text, which has the same value (and so the same sums and doubles) at a tenth of the cost.
         */
        private static BigDecimal exact(double d) {
            if (d == Math.rint(d) && Math.abs(d) < 0x1p53) return BigDecimal.valueOf((long) d);
            return BigDecimal.valueOf(d);
        }

        /** Adds what another aggregate of the same metric gathered. */
        public void merge(Aggregate o) {
            n += o.n;
            m += o.m;
            sum = sum.add(o.sum);
            if (days != null) days.addAll(o.days);
        }

        /** The metric's value and how it was made up, amounts in {@code currency} (ISO code, or null). */
        public Optional<Measure> measure(MetricsTable metrics, String team, String currency) {
            if (metric instanceof Metric.Count c) {
                return Optional.of(
                        new Measure(n, HumanFormat.integer(n) + " " + c.stage().noun(n) + " in the period"));
            }
            if (metric instanceof Metric.Conversion c) {
                long cohort = n;
                long reached = m;
                if (cohort == 0) return Optional.empty();
                return Optional.of(new Measure(
                        (double) reached / cohort,
                        HumanFormat.integer(reached) + " of " + HumanFormat.integer(cohort) + " "
                                + c.from().noun(cohort) + " in the period reached " + c.to().label()));
            }
            if (metric instanceof Metric.WinRate) {
                long won = n;
                long lost = m;
                if (won + lost == 0) return Optional.empty();
                return Optional.of(new Measure(
                        (double) won / (won + lost),
                        HumanFormat.integer(won) + " won of " + HumanFormat.integer(won + lost) + " closed"));
            }
            if (metric instanceof Metric.AverageSellingPrice || metric instanceof Metric.Revenue) {
                long noAmount = m;
                String skipped = noAmount == 0
                        ? ""
                        : "; " + HumanFormat.integer(noAmount) + " won without an amount not counted";
                if (metric instanceof Metric.Revenue) {
                    return Optional.of(
                            new Measure(sum.doubleValue(), HumanFormat.integer(n) + " " + Stage.WON.noun(n) + skipped));
                }
                if (n == 0) return Optional.empty();
                return Optional.of(new Measure(
                        sum.doubleValue() / n,
                        "mean of " + HumanFormat.integer(n) + " " + Stage.WON.noun(n) + skipped));
            }
            if (metric instanceof Metric.SalesCycleDays) {
                if (days.isEmpty()) return Optional.empty();
                return Optional.of(new Measure(
                        median(days),
                        "median of " + HumanFormat.integer(days.size()) + " " + Stage.WON.noun(days.size())
                                + " with an SQO date"));
            }
            if (metric instanceof Metric.CycleDays c) {
                if (days.isEmpty()) return Optional.empty();
                return Optional.of(new Measure(
                        median(days),
                        "median of " + HumanFormat.integer(days.size())
                                + (days.size() == 1 ? " lead with " : " leads with ") + article(c.to().label())
                                + " date in the period and " + article(c.from().label()) + " date"));
            }
            if (metric instanceof Metric.PipelineCoverage) {
                Optional<Double> quota = metrics.get(team, "quota");
                if (quota.isEmpty() || quota.get() <= 0) return Optional.empty();
                return Optional.of(new Measure(
                        sum.doubleValue() / quota.get(),
                        HumanFormat.money(sum.doubleValue(), currency) + " open in " + HumanFormat.integer(n)
                                + (n == 1 ? " opportunity" : " opportunities") + " against a quota of "
                                + HumanFormat.money(quota.get(), currency)));
            }
            if (metric instanceof Metric.Named nm) {
                return metrics.get(team, nm.name()).map(v -> new Measure(v, "from metrics.csv"));
            }
            if (metric instanceof Metric.CostPer c) {
                Optional<Double> spend = metrics.get(team, "spend");
                if (spend.isEmpty() || n == 0) return Optional.empty();
                return Optional.of(new Measure(
                        spend.get() / n,
                        HumanFormat.money(spend.get(), currency) + " spend / " + HumanFormat.integer(n) + " "
                                + c.stage().noun(n)));
            }
            throw new IllegalStateException("unknown metric " + metric.text());
        }
    }

    /** "an MQL", "a SAL", "an inquiry": the indefinite article by how the label is spoken. */
    static String article(String label) {
        boolean vowel = label.matches("(?i)[aeio].*|MQL.*|SQO.*|SAL.*");
        return (vowel ? "an " : "a ") + label;
    }

    private static double median(List<Double> values) {
        List<Double> v = new ArrayList<>(values);
        Collections.sort(v);
        int k = v.size();
        return k % 2 == 1 ? v.get(k / 2) : (v.get(k / 2 - 1) + v.get(k / 2)) / 2;
    }

    /** A difference between two values of the metric, for people ("12 percentage points" for ratios). */
    public static String formatGap(Metric metric, double gap) {
        return formatGap(metric, gap, null);
    }

    /** A difference between two values of the metric, amounts in {@code currency} (ISO code, or null). */
    public static String formatGap(Metric metric, double gap, String currency) {
        if (metric.unit() == Metric.Unit.RATIO) return HumanFormat.number(gap * 100, 1) + " percentage points";
        return format(metric, gap, currency);
    }

    /** The metric value formatted for people, amounts without a currency. */
    public static String format(Metric metric, double v) {
        return format(metric, v, null);
    }

    /** The metric value formatted for people, amounts in {@code currency} (ISO code, or null for none). */
    public static String format(Metric metric, double v, String currency) {
        return switch (metric.unit()) {
            case COUNT -> HumanFormat.integer(v);
            case RATIO -> HumanFormat.percent(v);
            case DAYS -> HumanFormat.days(v);
            case MULTIPLE -> HumanFormat.multiple(v);
            case MONEY -> HumanFormat.money(v, currency);
            case NUMBER -> HumanFormat.number(v, 4);
        };
    }
}
