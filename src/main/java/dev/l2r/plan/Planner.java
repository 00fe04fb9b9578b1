package dev.l2r.plan;

import dev.l2r.InputError;
import dev.l2r.ingest.MetricsTable;
import dev.l2r.model.Agreement;
import dev.l2r.model.Bound;
import dev.l2r.model.Clause;
import dev.l2r.model.Metric;
import dev.l2r.model.Period;
import dev.l2r.model.Stage;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Works the plan backwards from a revenue goal through the agreement's own targets (README, "Planning"):
 * wins = revenue / the {@code average_selling_price} min; opportunities (sqo) = wins / the {@code win_rate}
 * min; sal = sqo / {@code conversion(sal, sqo)}; mql = sal / {@code conversion(mql, sal)}; inquiry = mql /
 * {@code conversion(inquiry, mql)}. Each step is rounded up to whole leads (deals) before the next division,
 * in exact decimal arithmetic, so that every stage's volume is enough for the next one at its rate.
 *
 * <p>Which target a step reads: a target clause with that metric and a {@code min}; one without {@code where}
 * before one with a segment, then the first in the file. A {@code per: team} (or owner) target with one number
 * uses that number; with a map, a rate uses the lowest value (the plan then holds whatever the mix of teams),
 * and a volume the sum of the values (each team promises its own).
 */
public final class Planner {

    /** The funnel from the deal back to the first lead stage, as far as conversions can carry the plan. */
    private static final List<Stage> CHAIN = List.of(Stage.WON, Stage.SQO, Stage.SAL, Stage.MQL, Stage.INQUIRY);

    private final Agreement a;
    private final String file;
    private final List<String> notes = new ArrayList<>();
    private final List<String> shortfalls = new ArrayList<>();

    private Planner(Agreement a, String file) {
        this.a = a;
        this.file = file;
    }

    /**
     * The plan for {@code revenue} in {@code period}.
     *
     * @param metrics the period's rows of metrics.csv, or null when no --data was given
     * @param metricsName the metrics file's name (for the text when it holds no cost), or null
     */
    public static Plan plan(
            Agreement a, String file, Period period, BigDecimal revenue, MetricsTable metrics, String metricsName) {
        return new Planner(a, file).run(period, revenue, metrics, metricsName);
    }

    private Plan run(Period period, BigDecimal revenue, MetricsTable metrics, String metricsName) {
        List<Plan.Step> steps = new ArrayList<>();
        steps.add(step("revenue", revenue, null, volume(m -> m instanceof Metric.Revenue)));
        Plan.Source asp = rate(m -> m instanceof Metric.AverageSellingPrice, "average_selling_price")
                .orElseThrow(this::noAsp);
        BigDecimal needed = revenue;
        String stop = null;
        Stage mqlReached = null;
        for (int i = 0; i < CHAIN.size(); i++) {
            Stage s = CHAIN.get(i);
            Plan.Source r;
            if (i == 0) {
                r = asp;
            } else {
                Stage next = CHAIN.get(i - 1);
                String metric = "conversion(" + s.key() + ", " + next.key() + ")";
                Optional<Plan.Source> found = s == Stage.SQO
                        ? rate(m -> m instanceof Metric.WinRate, "win_rate").or(() -> rate(conversion(s, next), metric))
                        : rate(conversion(s, next), metric);
                if (found.isEmpty()) {
                    stop = "no target gives " + (s == Stage.SQO ? "win_rate" : metric) + " a min; add one to plan "
                            + s.key() + (s == Stage.INQUIRY ? "" : " and the stages before it");
                    break;
                }
                r = found.get();
            }
            needed = needed.divide(r.value(), 0, RoundingMode.CEILING);
            steps.add(step(s.key(), needed, r, volume(count(s))));
            if (s == Stage.MQL) mqlReached = s;
        }
        if (stop == null) {
            Plan.Source visitors =
                    volume(m -> m instanceof Metric.Named n && n.name().equals("visitors"));
            if (visitors != null) {
                steps.add(new Plan.Step("visitors", null, null, visitors, null));
                notes.add("visitors: l2r has no conversion from visitors to inquiries, so the plan cannot say how many"
                        + " visitors the inquiries need; " + visitors.metric() + " min "
                        + PlanText.amount(visitors.value()) + " (" + visitors.clause() + ") is shown as it is");
            }
        }
        BigDecimal mqls = mqlReached == null
                ? null
                : steps.stream()
                        .filter(s -> s.stage().equals("mql"))
                        .findFirst()
                        .orElseThrow()
                        .needed();
        Plan.Spend spend = null;
        String help = null;
        if (mqls == null) {
            help = "no spend: the plan does not reach mql";
        } else if (metrics == null) {
            help = "no spend: give --data with a metrics.csv holding spend:CHANNEL and mqls:CHANNEL rows for "
                    + period.label() + " (docs/AGREEMENTS.md, \"Cost per MQL for l2r plan\")";
        } else {
            spend = spend(mqls, metrics);
            if (spend == null) {
                help = "no spend: " + metricsName + " has no spend:CHANNEL and mqls:CHANNEL rows for " + period.label()
                        + " (company rows, empty team); add them to see what the MQLs cost";
            }
        }
        return new Plan(a.id(), file, period.label(), revenue, steps, stop, notes, shortfalls, spend, help);
    }

    private InputError noAsp() {
        Optional<Clause.Target> without =
                targets(m -> m instanceof Metric.AverageSellingPrice).findFirst();
        if (without.isPresent()) {
            Clause.Target t = without.get();
            return new InputError(InputError.at(
                    file,
                    t.head().line(),
                    "clauses[" + a.clauses().indexOf(t) + "] (" + t.id() + ").min",
                    "target " + t.id() + " (average_selling_price) has no min; the plan turns revenue into wins"
                            + " with it: add min: AMOUNT, the lowest average deal value"));
        }
        return new InputError(InputError.at(
                file,
                0,
                null,
                "no target with metric average_selling_price; the plan turns revenue into wins with it: add a"
                        + " target clause with metric: average_selling_price and min: AMOUNT"));
    }

    private Plan.Step step(String stage, BigDecimal needed, Plan.Source rate, Plan.Source target) {
        BigDecimal gap = null;
        if (target != null && target.value() != null) {
            gap = needed.subtract(target.value()).max(BigDecimal.ZERO);
            if (gap.signum() > 0) {
                shortfalls.add(target.metric() + " min " + PlanText.amount(target.value()) + " < "
                        + PlanText.amount(needed) + " needed (" + target.clause() + ", line " + target.line() + ")");
            }
        }
        return new Plan.Step(stage, needed, rate, target, gap);
    }

    private static Predicate<Metric> conversion(Stage from, Stage to) {
        return m -> m instanceof Metric.Conversion c && c.from() == from && c.to() == to;
    }

    private static Predicate<Metric> count(Stage s) {
        return m -> m instanceof Metric.Count c && c.stage() == s;
    }

    /** Target clauses of the metric, those without a segment first, then in file order. */
    private Stream<Clause.Target> targets(Predicate<Metric> metric) {
        return a.clauses().stream()
                .filter(c -> c instanceof Clause.Target)
                .map(c -> (Clause.Target) c)
                .filter(t -> metric.test(t.metric()))
                .sorted(Comparator.comparing(t -> !t.head().where().isEmpty()));
    }

    private Optional<Clause.Target> withMin(Predicate<Metric> metric) {
        return targets(metric).filter(t -> t.min() != null).findFirst();
    }

    /** A rate (or the ASP) to divide by: the lowest value of a per-team map; refused when 0 or less, or a ratio above 1. */
    private Optional<Plan.Source> rate(Predicate<Metric> metric, String name) {
        Optional<Clause.Target> found = withMin(metric);
        if (found.isEmpty()) return Optional.empty();
        Clause.Target t = found.get();
        Bound min = t.min();
        BigDecimal v;
        if (min.all() != null) {
            v = min.all();
        } else {
            Map.Entry<String, BigDecimal> low = min.perTeam().entrySet().stream()
                    .min(Map.Entry.<String, BigDecimal>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                    .orElseThrow();
            v = low.getValue();
            notes.add(t.metric().text() + ": " + t.id() + " sets a min per " + subject(t) + " ("
                    + mapText(min.perTeam(), v2 -> PlanText.rate(name, v2)) + "); the plan uses the lowest, "
                    + PlanText.rate(name, v) + " ("
                    + low.getKey() + "), so that it holds whatever the mix");
        }
        segmentNote(t);
        String field = "clauses[" + a.clauses().indexOf(t) + "] (" + t.id() + ").min";
        if (v.signum() <= 0) {
            throw new InputError(InputError.at(
                    file,
                    t.head().line(),
                    field,
                    t.metric().text() + " min " + v.toPlainString() + " of target " + t.id()
                            + " cannot plan (a division by it); give a min above 0"));
        }
        if (!name.equals("average_selling_price") && v.compareTo(BigDecimal.ONE) > 0) {
            throw new InputError(InputError.at(
                    file,
                    t.head().line(),
                    field,
                    t.metric().text() + " min " + v.toPlainString() + " of target " + t.id()
                            + " is above 1; a rate is a fraction (0.25 is 25%)"));
        }
        return Optional.of(
                new Plan.Source(t.metric().text(), v, t.id(), t.head().line()));
    }

    /** A volume target to compare with: the sum of a per-team map; null when there is none to compare. */
    private Plan.Source volume(Predicate<Metric> metric) {
        Optional<Clause.Target> found = withMin(metric);
        if (found.isEmpty()) return null;
        Clause.Target t = found.get();
        Bound min = t.min();
        BigDecimal v;
        if (t.per() == Clause.Per.ALL) {
            v = min.all();
        } else if (min.perTeam() != null) {
            v = min.perTeam().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            notes.add(t.metric().text() + ": " + t.id() + " sets a min per " + subject(t) + " ("
                    + mapText(min.perTeam(), PlanText::amount) + "); the plan compares their sum, "
                    + PlanText.amount(v));
        } else {
            notes.add(t.metric().text() + ": " + t.id() + " sets min " + PlanText.amount(min.all()) + " for each "
                    + subject(t) + "; how many " + subject(t) + "s the data names is not known to the plan, so it"
                    + " is not compared");
            return new Plan.Source(t.metric().text(), null, t.id(), t.head().line());
        }
        segmentNote(t);
        return new Plan.Source(t.metric().text(), v, t.id(), t.head().line());
    }

    private void segmentNote(Clause.Target t) {
        if (t.head().where().isEmpty()) return;
        notes.add(t.metric().text() + ": " + t.id() + " measures a segment only (where "
                + t.head().where().stream().map(c -> c.text()).collect(Collectors.joining(", "))
                + "); the plan reads it as the company's");
    }

    private static String subject(Clause.Target t) {
        return t.per() == Clause.Per.OWNER ? "owner" : "team";
    }

    private static String mapText(Map<String, BigDecimal> m, Function<BigDecimal, String> format) {
        return m.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + " " + format.apply(e.getValue()))
                .collect(Collectors.joining(", "));
    }

    /** Cost per MQL by channel from the company rows {@code spend:CHANNEL} and {@code mqls:CHANNEL}; null when none. */
    private Plan.Spend spend(BigDecimal mqls, MetricsTable metrics) {
        List<Plan.Channel> channels = new ArrayList<>();
        for (String name : metrics.names("")) {
            if (!name.startsWith("spend:") || name.length() == "spend:".length()) continue;
            String channel = name.substring("spend:".length());
            BigDecimal spent = BigDecimal.valueOf(metrics.get("", name).orElseThrow());
            Optional<Double> count = metrics.get("", "mqls:" + channel);
            if (count.isEmpty() || count.get() <= 0) {
                notes.add("spend:" + channel + " has no mqls:" + channel + " row above 0 for the period; channel "
                        + channel + " is left out of the spend");
                continue;
            }
            BigDecimal n = BigDecimal.valueOf(count.get());
            channels.add(new Plan.Channel(channel, plain(spent), plain(n), spent.divide(n, 2, RoundingMode.HALF_UP)));
        }
        if (channels.isEmpty()) return null;
        BigDecimal spent = channels.stream().map(Plan.Channel::spend).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal n = channels.stream().map(Plan.Channel::mqls).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal blended = spent.divide(n, 2, RoundingMode.HALF_UP);
        BigDecimal total = mqls.multiply(spent).divide(n, 2, RoundingMode.HALF_UP);
        String cheapest = null;
        BigDecimal atCheapest = null;
        if (channels.size() > 1) {
            Plan.Channel c = channels.stream()
                    .min(Comparator.comparing((Plan.Channel x) -> x.spend().divide(x.mqls(), 12, RoundingMode.HALF_UP))
                            .thenComparing(Plan.Channel::name))
                    .orElseThrow();
            cheapest = c.name();
            atCheapest = mqls.multiply(c.spend()).divide(c.mqls(), 2, RoundingMode.HALF_UP);
        }
        return new Plan.Spend(mqls, channels, blended, total, cheapest, atCheapest);
    }

    private static BigDecimal plain(BigDecimal b) {
        BigDecimal s = b.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }
}
