package dev.l2r.ingest;

import dev.l2r.facts.Lead;
import java.util.List;

/**
 * Everything read for a run: accepted leads, the period's metrics, per-file counts, rejected rows, and files
 * of a --data folder that were not inputs. A check streams its leads ({@link DataLoader#open}) and keeps none:
 * its dataset's {@code leads} is empty, and the counts of what was read are in {@code inputs}.
 */
public record Dataset(
        List<Lead> leads,
        MetricsTable metrics,
        List<InputFile> inputs,
        List<RejectedRow> rejected,
        List<String> ignored) {}
