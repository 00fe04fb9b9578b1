package dev.l2r.ingest;

import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/** Values of metrics.csv for one period: (team, metric) → value; the company row has team "". */
public final class MetricsTable {

    private final Map<String, Double> values = new TreeMap<>();

    public void put(String team, String metric, double value) {
        values.put(key(team, metric), value);
    }

    public Optional<Double> get(String team, String metric) {
        return Optional.ofNullable(values.get(key(team == null ? "" : team, metric)));
    }

    /** The metric names of one team's rows ("" for the company), sorted. */
    public SortedSet<String> names(String team) {
        String prefix = (team == null ? "" : team) + "\u0000";
        SortedSet<String> out = new TreeSet<>();
        for (String k : values.keySet()) {
            if (k.startsWith(prefix)) out.add(k.substring(prefix.length()));
        }
        return out;
    }

    private static String key(String team, String metric) {
        return team + "\u0000" + metric;
    }

    public static MetricsTable empty() {
        return new MetricsTable();
    }
}
