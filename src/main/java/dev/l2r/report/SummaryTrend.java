package dev.l2r.report;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One earlier period of the same agreement, as the run history recorded it, for the summary's trend:
 * the period label, the verdict's key ("kept", "at risk", "breached"), overall compliance and compliance
 * per team (shares 0–1; null when nothing was decided). Teams are kept sorted by name.
 */
public record SummaryTrend(String period, String verdict, Double compliance, Map<String, Double> teams) {

    public SummaryTrend {
        teams = Collections.unmodifiableMap(new TreeMap<>(teams)); // sorted: the chart is the same whatever map came in
    }
}
