package dev.l2r.ingest;

import dev.l2r.facts.Lead;
import java.util.List;

/**
 * Everything read for a run: accepted leads, the period's metrics, per-file counts, rejected rows, files
 * of a --data folder that were not inputs, and the extra columns the leads may carry.
 */
public record Dataset(List<Lead> leads, MetricsTable metrics, List<InputFile> inputs, List<RejectedRow> rejected,
                      List<String> ignored, List<String> extraColumns) {

    public Dataset(List<Lead> leads, MetricsTable metrics, List<InputFile> inputs, List<RejectedRow> rejected) {
        this(leads, metrics, inputs, rejected, List.of(), List.of());
    }
}
