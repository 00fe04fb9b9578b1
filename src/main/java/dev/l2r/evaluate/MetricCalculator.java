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

    /** A measured value and how it was made up, e.g. "35 of 60 leads with mql reached sal". */
    public record Measure(double value, String detail) {}

    private MetricCalculator() {}

    public static Optional<Measure> measure(
            Metric metric, List<Lead> leads, PeriodWindow w, MetricsTable metrics, String team) {
        if (metric instanceof Metric.Count c) {
            long n = count(leads, c.stage(), w);
            return Optional.of(new Measure(n, n + " leads with " + c.stage().key() + " in the period"));
        }
        if (metric instanceof Metric.Conversion c) {
            long cohort = 0;
            long reached = 0;
            for (Lead l : leads) {
                if (w.contains(Stages.at(l, c.from()))) {
                    cohort++;
                    if (Stages.at(l, c.to()) != null) reached++;
                }
            }
            if (cohort == 0) return Optional.empty();
            return Optional.of(new Measure(
                    (double) reached / cohort,
                    reached + " of " + cohort + " leads with " + c.from().key() + " in the period reached "
                            + c.to().key()));
        }
        if (metric instanceof Metric.WinRate) {
            long won = count(leads, Stage.WON, w);
            long lost = count(leads, Stage.LOST, w);
            if (won + lost == 0) return Optional.empty();
            return Optional.of(new Measure((double) won / (won + lost), won + " won of " + (won + lost) + " closed"));
        }
        if (metric instanceof Metric.AverageSellingPrice || metric instanceof Metric.Revenue) {
            BigDecimal sum = BigDecimal.ZERO;
            long n = 0;
            long noAmount = 0;
            for (Lead l : leads) {
                if (w.contains(l.getWonAt())) {
                    if (l.getAmount() == null) {
                        noAmount++;
                        continue;
                    }
                    sum = sum.add(BigDecimal.valueOf(l.getAmount()));
                    n++;
                }
            }
            String skipped = noAmount == 0 ? "" : "; " + noAmount + " won without an amount not counted";
            if (metric instanceof Metric.Revenue) {
                return Optional.of(new Measure(sum.doubleValue(), n + " deals won" + skipped));
            }
            if (n == 0) return Optional.empty();
            return Optional.of(new Measure(sum.doubleValue() / n, "mean of " + n + " deals won" + skipped));
        }
        if (metric instanceof Metric.SalesCycleDays) {
            List<Double> days = new ArrayList<>();
            for (Lead l : leads) {
                Long won = l.getWonAt();
                if (w.contains(won) && l.getSqoAt() != null) days.add((won - l.getSqoAt()) / DAY);
            }
            if (days.isEmpty()) return Optional.empty();
            return Optional.of(new Measure(median(days), "median of " + days.size() + " deals won with an sqo date"));
        }
        if (metric instanceof Metric.CycleDays c) {
            List<Double> days = new ArrayList<>();
            for (Lead l : leads) {
                Long to = Stages.at(l, c.to());
                Long from = Stages.at(l, c.from());
                if (w.contains(to) && from != null) days.add((to - from) / DAY);
            }
            if (days.isEmpty()) return Optional.empty();
            return Optional.of(new Measure(
                    median(days),
                    "median of " + days.size() + " leads with " + c.to().key() + " in the period and a "
                            + c.from().key() + " date"));
        }
        if (metric instanceof Metric.PipelineCoverage) {
            Optional<Double> quota = metrics.get(team, "quota");
            if (quota.isEmpty() || quota.get() <= 0) return Optional.empty();
            BigDecimal open = BigDecimal.ZERO;
            long n = 0;
            for (Lead l : leads) {
                if (l.isOpenOpportunity() && l.getAmount() != null) {
                    open = open.add(BigDecimal.valueOf(l.getAmount()));
                    n++;
                }
            }
            return Optional.of(new Measure(
                    open.doubleValue() / quota.get(),
                    HumanFormat.money(open.doubleValue()) + " open in " + n + " opportunities against a quota of "
                            + HumanFormat.money(quota.get())));
        }
        if (metric instanceof Metric.Named m) {
            return metrics.get(team, m.name()).map(v -> new Measure(v, "from metrics.csv"));
        }
        if (metric instanceof Metric.CostPer c) {
            Optional<Double> spend = metrics.get(team, "spend");
            long n = count(leads, c.stage(), w);
            if (spend.isEmpty() || n == 0) return Optional.empty();
            return Optional.of(new Measure(
                    spend.get() / n,
                    HumanFormat.money(spend.get()) + " spend / " + n + " leads with "
                            + c.stage().key()));
        }
        throw new IllegalStateException("unknown metric " + metric.text());
    }

    private static double median(List<Double> values) {
        List<Double> v = new ArrayList<>(values);
        Collections.sort(v);
        int k = v.size();
        return k % 2 == 1 ? v.get(k / 2) : (v.get(k / 2 - 1) + v.get(k / 2)) / 2;
    }

    private static long count(List<Lead> leads, Stage s, PeriodWindow w) {
        long n = 0;
        for (Lead l : leads) {
            if (w.contains(Stages.at(l, s))) n++;
        }
        return n;
    }

    /** A difference between two values of the metric, for people ("12 percentage points" for ratios). */
    public static String formatGap(Metric metric, double gap) {
        if (metric instanceof Metric.Conversion || metric instanceof Metric.WinRate)
            return HumanFormat.trim(gap * 100, 1) + " percentage points";
        return format(metric, gap);
    }

    /** The metric value formatted for people. */
    public static String format(Metric metric, double v) {
        if (metric instanceof Metric.Count) return HumanFormat.integer(v);
        if (metric instanceof Metric.Conversion || metric instanceof Metric.WinRate) return HumanFormat.percent(v);
        if (metric instanceof Metric.SalesCycleDays || metric instanceof Metric.CycleDays)
            return HumanFormat.trim(v, 1) + " days";
        if (metric instanceof Metric.PipelineCoverage) return HumanFormat.trim(v, 2) + "x";
        if (metric instanceof Metric.Named) return HumanFormat.trim(v, 4);
        return HumanFormat.money(v);
    }
}
