package dev.l2r.ingest;

import dev.l2r.Numbers;
import dev.l2r.Progress;
import dev.l2r.facts.Lead;
import dev.l2r.model.FieldType;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The leads and metrics of a scenario ({@code l2r test}): rows written inline in the scenario file, or a
 * file beside it. Inline rows go through the same {@link LeadParser} and metrics checks as {@code --data},
 * so a lead that would be rejected from leads.csv is rejected here too, with its field and reason.
 */
public final class ScenarioData {

    private ScenarioData() {}

    /** One inline row: the line it starts on in the scenario file, and its values by column (null: empty). */
    public record Row(long line, Map<String, String> values) {}

    /** Where a table comes from. */
    public sealed interface Source {}

    /** Rows written in the scenario file {@code file}. */
    public record Inline(String file, List<Row> rows) implements Source {}

    /** A leads file (csv, json, ndjson) or a metrics.csv. */
    public record FromFile(Path path) implements Source {}

    /**
     * Reads the leads and the metrics of {@code period}; {@code metrics} may be null (none). Rows that cannot be
     * read are in {@link Dataset#rejected()}, never dropped silently.
     */
    public static Dataset load(
            ZoneId zone, Map<String, FieldType> custom, String period, Source leads, Source metrics) {
        DataLoader loader = new DataLoader(zone, custom, null, Progress.QUIET);
        List<RejectedRow> rejected = new ArrayList<>();
        List<InputFile> inputs = new ArrayList<>();
        List<Lead> leadList;
        if (leads instanceof FromFile f) {
            leadList = new ArrayList<>();
            loader.readLeads(f.path(), rejected, inputs, leadList::add);
        } else leadList = inlineLeads((Inline) leads, zone, custom, rejected);
        MetricsTable table;
        if (metrics == null) table = MetricsTable.empty();
        else if (metrics instanceof FromFile f) table = DataLoader.readMetrics(f.path(), period, rejected, inputs);
        else table = inlineMetrics((Inline) metrics, period, rejected);
        return new Dataset(leadList, table, List.copyOf(inputs), List.copyOf(rejected), List.of());
    }

    private static List<Lead> inlineLeads(
            Inline in, ZoneId zone, Map<String, FieldType> custom, List<RejectedRow> rejected) {
        Set<String> columns = new LinkedHashSet<>();
        for (Row r : in.rows()) columns.addAll(r.values().keySet());
        List<String> names = List.copyOf(columns);
        LeadParser parser = new LeadParser(zone, custom);
        parser.file(in.file());
        List<Lead> leads = new ArrayList<>();
        for (Row r : in.rows()) {
            String[] values = new String[names.size()];
            for (int i = 0; i < values.length; i++) values[i] = r.values().get(names.get(i));
            LeadResult result = parser.parse(names, values, r.line());
            if (result instanceof LeadResult.Accepted a) leads.add(a.lead());
            else if (result instanceof LeadResult.Rejected p) rejected.add(p.at(in.file(), r.line()));
        }
        return leads;
    }

    private static MetricsTable inlineMetrics(Inline in, String period, List<RejectedRow> rejected) {
        MetricsTable table = new MetricsTable();
        Map<String, Long> seen = new HashMap<>();
        for (Row r : in.rows()) {
            String[] v = new String[DataLoader.METRIC_COLUMNS.size()];
            for (int i = 0; i < v.length; i++) {
                String s = r.values().get(DataLoader.METRIC_COLUMNS.get(i));
                v[i] = s == null ? "" : s.strip();
            }
            RejectedRow bad = DataLoader.metricRejected(in.file(), r.line(), v, seen);
            if (bad != null) {
                rejected.add(bad);
            } else if (v[0].equals(period)) {
                table.put(v[1], v[2], Numbers.parse(v[3]));
            }
        }
        return table;
    }
}
