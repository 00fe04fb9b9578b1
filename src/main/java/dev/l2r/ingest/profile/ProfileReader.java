package dev.l2r.ingest.profile;

import dev.l2r.InputError;
import dev.l2r.Progress;
import dev.l2r.facts.Lead;
import dev.l2r.ingest.InputFile;
import dev.l2r.ingest.LeadParser;
import dev.l2r.ingest.LeadResult;
import dev.l2r.ingest.RejectedRow;
import dev.l2r.ingest.Rows;
import dev.l2r.model.FieldType;
import dev.l2r.model.LeadField;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Reads a CRM export through a mapping profile. Joined and history files are read first (they are
 * indexed by key); the primary file is then streamed row by row, each row becoming a canonical lead or a
 * rejected row. Secondary rows that no lead joins are rejected at the end: no row is left out silently.
 * This class is the order of that work and its counts; {@link LeadMapping} turns a row into a lead, with
 * {@link FieldExpressions}, {@link JoinedTable} and {@link HistoryTable}.
 */
public final class ProfileReader {

    private final Profile profile;
    private final ZoneId zone;
    private final Map<String, FieldType> custom;
    private final Progress progress;
    private final List<RejectedRow> rejected = new ArrayList<>();
    private final List<InputFile> inputs = new ArrayList<>();
    private final Set<String> extraColumns = new LinkedHashSet<>();

    public ProfileReader(Profile profile, ZoneId zone, Map<String, FieldType> custom, Progress progress) {
        this.profile = profile;
        this.zone = profile.zone() != null ? profile.zone() : zone;
        this.custom = custom;
        this.progress = progress;
    }

    public List<RejectedRow> rejected() {
        return rejected;
    }

    public List<InputFile> inputs() {
        return inputs;
    }

    /** Extra (non-canonical) columns the leads may carry, in the order an import writes them. */
    public List<String> extraColumns() {
        return List.copyOf(extraColumns);
    }

    /** Which source each file is, by the profile's file-name patterns (the first source that matches). */
    public Map<String, List<Path>> assign(List<Path> files) {
        Map<String, List<Path>> out = new LinkedHashMap<>();
        for (Path f : files) {
            String alias = sourceOf(f);
            if (alias == null) {
                List<String> expected = new ArrayList<>();
                profile.sources().values().forEach(s -> expected.add(s.alias() + " " + s.match()));
                throw new InputError(InputError.at(
                        f.toString(),
                        0,
                        null,
                        "is no file of profile " + profile.name() + "; it expects " + String.join(", ", expected)));
            }
            out.computeIfAbsent(alias, k -> new ArrayList<>()).add(f);
        }
        if (!out.containsKey(profile.primary())) {
            throw new InputError(InputError.at(
                    profile.source(),
                    profile.primarySource().line(),
                    "files." + profile.primary(),
                    "no input file matches " + profile.primarySource().match() + " (the primary file of profile "
                            + profile.name() + ")"));
        }
        return out;
    }

    /** True when the file name matches one of the profile's files. */
    public boolean recognises(Path f) {
        return sourceOf(f) != null;
    }

    private String sourceOf(Path f) {
        String name = f.getFileName().toString();
        for (Profile.Source s : profile.sources().values()) {
            for (String glob : s.match()) {
                PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + glob.toLowerCase(Locale.ROOT));
                if (m.matches(Path.of(name.toLowerCase(Locale.ROOT)))) return s.alias();
            }
        }
        return null;
    }

    /** Reads every file and hands each accepted lead to {@code sink}, in primary file order. */
    public void read(List<Path> files, Consumer<Lead> sink) {
        Map<String, List<Path>> byAlias = assign(files);
        Map<String, JoinedTable> tables = new LinkedHashMap<>();
        Map<String, HistoryTable> histories = new LinkedHashMap<>();
        for (Profile.Source s : profile.sources().values()) {
            if (s.alias().equals(profile.primary())) continue;
            List<Path> paths = byAlias.getOrDefault(s.alias(), List.of());
            if (s.isHistory()) histories.put(s.alias(), new HistoryTable(profile, s, zone, paths, rejected::add));
            else tables.put(s.alias(), new JoinedTable(profile, s, paths, rejected::add));
        }
        List<Path> primaries = byAlias.get(profile.primary());
        List<LeadMapping> mappings = new ArrayList<>();
        for (Path p : primaries) {
            if (!p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
                throw new InputError(
                        InputError.at(p.toString(), 0, null, "profiles read CSV exports; give the .csv export"));
            }
            LeadMapping m = new LeadMapping(
                    profile,
                    zone,
                    custom,
                    p.toString(),
                    Rows.header(p, profile.primarySource().format()),
                    tables,
                    histories);
            m.names().stream().filter(x -> LeadField.of(x).isEmpty()).forEach(extraColumns::add);
            mappings.add(m);
        }
        LeadParser parser = new LeadParser(zone, custom); // one for all primary files: ids are unique across them
        for (int i = 0; i < primaries.size(); i++) primary(primaries.get(i), mappings.get(i), parser, sink);
        tables.values().forEach(t -> inputs.addAll(t.finish()));
        histories.values().forEach(h -> inputs.addAll(h.finish()));
    }

    private void primary(Path path, LeadMapping mapping, LeadParser parser, Consumer<Lead> sink) {
        Profile.Source src = profile.primarySource();
        String file = path.toString();
        parser.file(file);
        long[] n = new long[4]; // read, rejected, stage before created, accepted
        String sha = Rows.read(path, src.format(), (header, values, line, problem) -> {
            n[0]++;
            progress.rows(file, n[0]);
            if (problem != null) {
                rejected.add(new RejectedRow(file, line, problem.field(), problem.reason(), ""));
                n[1]++;
                return;
            }
            LeadResult r = mapping.lead(values, line, parser);
            if (r instanceof LeadResult.Accepted a) {
                if (stageBeforeCreated(a.lead())) n[2]++;
                n[3]++;
                sink.accept(a.lead());
            } else if (r instanceof LeadResult.Rejected p) {
                rejected.add(p.at(file, line));
                n[1]++;
            }
        });
        progress.done(file, n[0]);
        Map<String, Long> details = new TreeMap<>();
        if (n[2] > 0) details.put("stage_before_created", n[2]);
        inputs.add(new InputFile(file, profile.primary(), sha, n[0], n[3], n[1], details));
    }

    /** True when a stage of the lead is dated before its creation (kept as data; counted; a data-quality finding). */
    public static boolean stageBeforeCreated(Lead l) {
        long c = l.getCreatedAt();
        for (Long t : new Long[] {
            l.getMqlAt(),
            l.getAutoResponseAt(),
            l.getFirstTouchAt(),
            l.getSalAt(),
            l.getRejectedAt(),
            l.getSqoAt(),
            l.getClosedAt()
        }) {
            if (t != null && t < c) return true;
        }
        return false;
    }
}
