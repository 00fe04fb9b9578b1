package dev.l2r.ingest;

import dev.l2r.InputError;
import dev.l2r.Numbers;
import dev.l2r.Progress;
import dev.l2r.facts.Lead;
import dev.l2r.ingest.profile.Profile;
import dev.l2r.ingest.profile.ProfileReader;
import dev.l2r.model.FieldType;
import dev.l2r.model.Period;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads {@code --data}: one or more paths. Without a profile: a folder with one leads file (leads.csv,
 * leads.json or leads.ndjson) and an optional metrics.csv, or a single leads file. With a mapping profile:
 * the CRM export's files (folders are searched for files the profile recognises) plus an optional
 * metrics.csv. Every row is accepted or rejected with a reason; files in a folder that are no input are
 * named in {@link Dataset#ignored()}.
 */
public final class DataLoader {

    private static final List<String> LEAD_FILES = List.of("leads.csv", "leads.json", "leads.ndjson");
    /** The columns of metrics.csv, in the order a row's values are read ({@link #metricRejected}). */
    static final List<String> METRIC_COLUMNS = List.of("period", "team", "metric", "value");

    private final ZoneId zone;
    private final Map<String, FieldType> custom;
    private final Profile profile;
    private final Progress progress;

    public DataLoader(ZoneId zone, Map<String, FieldType> custom, Profile profile, Progress progress) {
        this.zone = zone;
        this.custom = custom;
        this.profile = profile;
        this.progress = progress;
    }

    /** Loads one path (see {@link #load(List, String)}). */
    public Dataset load(Path data, String period) {
        return load(List.of(data), period);
    }

    /** Loads leads and the metrics of {@code period} (a period label such as 2026-10). */
    public Dataset load(List<Path> data, String period) {
        Stream s = open(data, period);
        List<Lead> leads = new ArrayList<>();
        s.forEach(leads::add);
        return s.dataset(leads);
    }

    /**
     * Opens {@code data} for one pass: the files are found and checked now, the leads are read as the pass
     * hands them over ({@link Stream#forEach}), then the metrics of {@code period}; what was read is known
     * after the pass ({@link Stream#dataset}).
     */
    public Stream open(List<Path> data, String period) {
        ProfileReader reader = profile == null ? null : new ProfileReader(profile, zone, custom, progress);
        Inputs in = Inputs.expand(
                data, f -> reader == null ? LEAD_FILES.contains(f.getFileName().toString()) : reader.recognises(f));
        List<Path> leadFiles = in.files();
        if (leadFiles.isEmpty()) {
            throw new InputError(InputError.at(
                    data.get(0).toString(),
                    0,
                    null,
                    reader == null
                            ? "no leads file; expected one of " + String.join(", ", LEAD_FILES)
                            : "no file of profile " + profile.name() + " here"));
        }
        if (reader == null && leadFiles.size() > 1) {
            throw new InputError(InputError.at(
                    leadFiles.get(1).toString(), 0, null, "a second leads file; give one (or use a profile)"));
        }
        return new Stream(reader, leadFiles, in.metrics(), in.ignored(), period);
    }

    /** One pass over opened data: the leads, then the metrics; what was read and rejected, after. */
    public final class Stream implements LeadSource {
        private final ProfileReader reader;
        private final List<Path> leadFiles;
        private final Path metricsFile;
        private final List<String> ignored;
        private final String period;
        private final List<RejectedRow> rejected = new ArrayList<>();
        private final List<InputFile> inputs = new ArrayList<>();
        private boolean read;
        private MetricsTable metrics;

        private Stream(
                ProfileReader reader, List<Path> leadFiles, Path metricsFile, List<String> ignored, String period) {
            this.reader = reader;
            this.leadFiles = leadFiles;
            this.metricsFile = metricsFile;
            this.ignored = ignored;
            this.period = period;
        }

        /** Reads the leads, handing each accepted one to {@code each}; once. */
        @Override
        public void forEach(Consumer<? super Lead> each) {
            if (read) throw new IllegalStateException("the leads were read already");
            read = true;
            if (reader == null) {
                readLeads(leadFiles.get(0), rejected, inputs, each);
            } else {
                reader.read(leadFiles, each::accept);
                rejected.addAll(reader.rejected());
                inputs.addAll(reader.inputs());
            }
        }

        /** The metrics of the period, read after the leads (once). */
        public MetricsTable metrics() {
            if (!read) throw new IllegalStateException("the metrics are read after the leads");
            if (metrics == null) {
                metrics =
                        metricsFile == null ? MetricsTable.empty() : readMetrics(metricsFile, period, rejected, inputs);
            }
            return metrics;
        }

        /** What the pass read (its leads are not kept: {@code leads} is what the caller kept, often none). */
        public Dataset dataset(List<Lead> leads) {
            metrics();
            return new Dataset(leads, metrics, List.copyOf(inputs), List.copyOf(rejected), List.copyOf(ignored));
        }
    }

    void readLeads(Path file, List<RejectedRow> rejected, List<InputFile> inputs, Consumer<? super Lead> each) {
        LeadParser parser = new LeadParser(zone, custom);
        long[] counts = new long[4]; // read, rejected, accepted, with a stage before created
        String name = file.toString();
        Rows.HeaderCheck header = names -> {
            if (!names.contains("lead_id") || !names.contains("created_at")) {
                throw new InputError(InputError.at(
                        name,
                        1,
                        names.contains("lead_id") ? "created_at" : "lead_id",
                        "missing column; a leads file needs lead_id and created_at"));
            }
        };
        String sha = Rows.read(file, header, (names, values, line, problem) -> {
            counts[0]++;
            progress.rows(name, counts[0]);
            if (problem != null) {
                rejected.add(new RejectedRow(name, line, problem.field(), problem.reason(), ""));
                counts[1]++;
                return;
            }
            LeadResult r = parser.parse(names, values, line);
            if (r instanceof LeadResult.Accepted a) {
                counts[2]++;
                if (ProfileReader.stageBeforeCreated(a.lead())) counts[3]++;
                each.accept(a.lead());
            } else if (r instanceof LeadResult.Rejected p) {
                rejected.add(p.at(name, line));
                counts[1]++;
            }
        });
        progress.done(name, counts[0]);
        inputs.add(new InputFile(
                name,
                "leads",
                sha,
                counts[0],
                counts[2],
                counts[1],
                counts[3] == 0 ? null : Map.of("stage_before_created", counts[3])));
    }

    /**
     * Reads a metrics.csv alone (for {@code l2r plan}): the rows of {@code period}; rows that cannot be read
     * are added to {@code rejected}.
     */
    public static MetricsTable readMetrics(Path file, String period, List<RejectedRow> rejected) {
        return readMetrics(file, period, rejected, new ArrayList<>());
    }

    static MetricsTable readMetrics(Path file, String period, List<RejectedRow> rejected, List<InputFile> inputs) {
        MetricsTable table = new MetricsTable();
        Map<String, Long> seen = new HashMap<>();
        long[] counts = new long[3]; // read, rejected, accepted
        String name = file.toString();
        Rows.HeaderCheck header = names -> {
            for (String col : METRIC_COLUMNS) {
                if (!names.contains(col)) {
                    throw new InputError(
                            InputError.at(name, 1, col, "missing column; metrics.csv has period, team, metric, value"));
                }
            }
        };
        // the column of each metric field, worked out once per header (a CSV has one; each JSON row its own keys)
        Object[] lastNames = new Object[1];
        int[] idx = new int[METRIC_COLUMNS.size()];
        String sha = Rows.read(file, header, (names, values, line, problem) -> {
            counts[0]++;
            if (names != lastNames[0]) {
                header.header(names); // a CSV's header was checked already; a JSON row's keys are checked here
                for (int i = 0; i < idx.length; i++) idx[i] = names.indexOf(METRIC_COLUMNS.get(i));
                lastNames[0] = names;
            }
            if (problem != null) {
                rejected.add(new RejectedRow(name, line, problem.field(), problem.reason(), ""));
                counts[1]++;
                return;
            }
            String[] v = new String[idx.length];
            for (int i = 0; i < idx.length; i++) v[i] = values[idx[i]] == null ? "" : values[idx[i]].strip();
            RejectedRow bad = metricRejected(name, line, v, seen);
            if (bad != null) {
                rejected.add(bad);
                counts[1]++;
                return;
            }
            counts[2]++; // rows of other periods are read and accepted; the period picks its own
            if (v[0].equals(period)) table.put(v[1], v[2], Numbers.parse(v[3]));
        });
        inputs.add(new InputFile(name, "metrics", sha, counts[0], counts[2], counts[1], null));
        return table;
    }

    /**
     * The rejected row a metrics row (period, team, metric, value; stripped, never null) makes, with the field
     * and its value, or null when it is accepted; {@code seen} holds the line of each (period, team, metric)
     * accepted so far.
     */
    static RejectedRow metricRejected(String file, long line, String[] v, Map<String, Long> seen) {
        Rows.Problem p = metricProblem(v, seen, line);
        return p == null
                ? null
                : new RejectedRow(file, line, p.field(), p.reason(), v[METRIC_COLUMNS.indexOf(p.field())]);
    }

    private static Rows.Problem metricProblem(String[] v, Map<String, Long> seen, long line) {
        if (v[0].isEmpty()) return new Rows.Problem("period", "required");
        if (!Period.isLabel(v[0])) { // a row for "2026-13" or "october" would be read and never used
            return new Rows.Problem(
                    "period", "not a period label; use a month (2026-10), quarter (2026-Q4) or week (2026-W44)");
        }
        if (v[2].isEmpty()) return new Rows.Problem("metric", "required");
        if (!isNumber(v[3])) return new Rows.Problem("value", "not a number");
        Long first = seen.putIfAbsent(v[0] + "\u0000" + v[1] + "\u0000" + v[2], line);
        return first == null
                ? null
                : new Rows.Problem(
                        "metric", "duplicate of line " + first + " (same period, team and metric); the first is kept");
    }

    private static boolean isNumber(String s) {
        return Numbers.parse(s) != null;
    }
}
