package dev.l2r.parse;

import dev.l2r.model.Metric;
import dev.l2r.model.Stage;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric language of a target clause (docs/AGREEMENTS.md, "Metrics"): a bare name ({@code win_rate}) or a call with
 * stages or a metrics-file name ({@code count(mql)}, {@code conversion(mql, sal)}, {@code metric(quota)}).
 * Like {@link Durations}, it answers with the metric or nothing; the reader says where.
 */
final class MetricGrammar {

    static final String HINT =
            "use count(STAGE), conversion(A, B), win_rate, average_selling_price, revenue, sales_cycle_days, "
                    + "cycle_days(A, B), pipeline_coverage, metric(NAME) or cost_per(STAGE)";

    private static final Pattern CALL = Pattern.compile("\\s*([a-z_]+)\\s*(?:\\((.*)\\))?\\s*");
    private static final Pattern METRIC_NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    private MetricGrammar() {}

    static Optional<Metric> parse(String text) {
        return Optional.ofNullable(metric(text));
    }

    private static Metric metric(String text) {
        Matcher m = CALL.matcher(text);
        if (!m.matches()) return null;
        String name = m.group(1);
        if (m.group(2) == null) {
            return switch (name) {
                case "win_rate" -> new Metric.WinRate();
                case "average_selling_price" -> new Metric.AverageSellingPrice();
                case "revenue" -> new Metric.Revenue();
                case "sales_cycle_days" -> new Metric.SalesCycleDays();
                case "pipeline_coverage" -> new Metric.PipelineCoverage();
                default -> null;
            };
        }
        List<String> args =
                Arrays.stream(m.group(2).split(",", -1)).map(String::strip).toList();
        switch (name) {
            case "count", "cost_per" -> {
                if (args.size() != 1) return null;
                Stage s = Stage.of(args.get(0)).orElse(null);
                if (s == null) return null;
                return name.equals("count") ? new Metric.Count(s) : new Metric.CostPer(s);
            }
            case "conversion", "cycle_days" -> {
                if (args.size() != 2) return null;
                Stage a = Stage.of(args.get(0)).orElse(null);
                Stage b = Stage.of(args.get(1)).orElse(null);
                if (a == null || b == null || a == b) return null;
                return name.equals("conversion") ? new Metric.Conversion(a, b) : new Metric.CycleDays(a, b);
            }
            case "metric" -> {
                if (args.size() != 1 || !METRIC_NAME.matcher(args.get(0)).matches()) return null;
                return new Metric.Named(args.get(0));
            }
            default -> {
                return null;
            }
        }
    }
}
