package dev.l2r.ingest;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Values of metrics.csv for one period: (team, metric) → value; the company row has team "". */
public final class MetricsTable {

    private final Map<String, Double> values = new TreeMap<>();

    public void put(String team, String metric, double value) {
        values.put(key(team, metric), value);
    }

    public Optional<Double> get(String team, String metric) {
        return Optional.ofNullable(values.get(key(team == null ? "" : team, metric)));
    }

    private static String key(String team, String metric) {
        return team + "\u0000" + metric;
    }

    public static MetricsTable empty() {
        return new MetricsTable();
    }
}
