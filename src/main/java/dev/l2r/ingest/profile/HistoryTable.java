package dev.l2r.ingest.profile;

import dev.l2r.InputError;
import dev.l2r.ingest.InputFile;
import dev.l2r.ingest.RejectedRow;
import dev.l2r.ingest.Rows;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * A history file of a profile (lead status changes, opportunity stage changes): many rows per lead, each a
 * possible stage time. Only the earliest time each derived column's values were reached is kept per key,
 * so a long history costs a few numbers per lead, not its rows. Rows about other fields or values are
 * counted; rows that gave a time no accepted lead took are rejected by {@link #finish}, with the reason.
 */
final class HistoryTable {

    private final Profile profile;
    private final Profile.Source source;
    private final ZoneId zone;
    private final Consumer<RejectedRow> reject;
    /** key -> derived time name -> earliest time. */
    private final Map<String, Map<String, Long>> times = new HashMap<>();
    /** key -> rows (file index, line) that gave a time, to reject when no lead joins. */
    private final Map<String, List<long[]>> lines = new HashMap<>();

    private final Set<String> matched = new HashSet<>();
    /** key -> file and line of the first rejected lead that had this key (for the reason of unjoined rows). */
    private final Map<String, String> rejectedLeads = new HashMap<>();

    private final List<String> files = new ArrayList<>();
    /** Per file: rows read, rows rejected while loading, rows about another field or value. */
    private final Map<String, long[]> counts = new LinkedHashMap<>();

    private final Map<String, String> shas = new HashMap<>();

    /** Reads the source's files; rows that cannot be read, or lack a key or a time, go to {@code reject}. */
    HistoryTable(Profile profile, Profile.Source source, ZoneId zone, List<Path> paths, Consumer<RejectedRow> reject) {
        this.profile = profile;
        this.source = source;
        this.zone = zone;
        this.reject = reject;
        for (Path p : paths) load(p);
    }

    Profile.Source source() {
        return source;
    }

    /** The earliest time of each derived column for a key, or null when no row has the key. */
    Map<String, Long> lookup(String k) {
        return times.get(source.comparableKey(k));
    }

    /** An accepted lead took the times of this key. */
    void match(String k) {
        matched.add(source.comparableKey(k));
    }

    /** A rejected lead had this key: the first such lead names the reason its rows are unjoined. */
    void rejectedLead(String k, String at) {
        rejectedLeads.putIfAbsent(source.comparableKey(k), at);
    }

    private void load(Path path) {
        String file = path.toString();
        int fileIndex = files.size();
        files.add(file);
        long[] n = new long[3]; // read, rejected, other field/value
        counts.put(file, n);
        Profile.History h = source.history();
        Map<String, String> valueToTime = new HashMap<>();
        h.times().forEach((name, values) -> values.forEach(v -> valueToTime.putIfAbsent(v, name)));
        int[][] idx = new int[1][];
        String sha = Rows.read(path, source.format(), (header, values, line, problem) -> {
            if (idx[0] == null) idx[0] = columns(file, header);
            n[0]++;
            if (problem != null) {
                reject.accept(new RejectedRow(file, line, problem.field(), problem.reason(), ""));
                n[1]++;
                return;
            }
            int[] c = idx[0];
            for (int i = 0; i < c.length - 3; i++) {
                String want = h.where().get(header.get(c[3 + i]));
                if (!want.equals(get(values, c[3 + i]))) {
                    n[2]++;
                    return;
                }
            }
            String time = valueToTime.get(get(values, c[2]));
            if (time == null) {
                n[2]++;
                return;
            }
            String k = get(values, c[0]);
            String when = get(values, c[1]);
            if (k == null) {
                reject.accept(new RejectedRow(file, line, source.key(), "no key: this row joins no lead", ""));
                n[1]++;
                return;
            }
            Instant t = when == null ? null : profile.formats().parse(when, zone);
            if (t == null) {
                reject.accept(new RejectedRow(
                        file,
                        line,
                        h.when(),
                        "not a time in the formats " + profile.formats(),
                        when == null ? "" : when));
                n[1]++;
                return;
            }
            String key = source.comparableKey(k);
            times.computeIfAbsent(key, x -> new HashMap<>()).merge(time, t.toEpochMilli(), Math::min);
            lines.computeIfAbsent(key, x -> new ArrayList<>()).add(new long[] {fileIndex, line});
        });
        shas.put(file, sha);
    }

    /** Positions of the key, when and value columns, then of the where columns; each must be there. */
    private int[] columns(String file, List<String> header) {
        Profile.History h = source.history();
        List<String> need = new ArrayList<>(List.of(source.key(), h.when(), h.value()));
        need.addAll(h.where().keySet());
        int[] c = new int[need.size()];
        for (int i = 0; i < need.size(); i++) {
            c[i] = header.indexOf(need.get(i));
            if (c[i] < 0) {
                throw new InputError(InputError.at(
                        file,
                        1,
                        need.get(i),
                        "missing column (profile " + profile.name() + ", " + profile.source() + ":" + source.line()
                                + " files." + source.alias() + ")"));
            }
        }
        return c;
    }

    private static String get(String[] values, int i) {
        String v = i < values.length ? values[i] : null;
        return v == null || v.isBlank() ? null : v.strip();
    }

    /** Rejects the rows whose key no accepted lead took; the counts of each file. */
    List<InputFile> finish() {
        long[] unjoined = new long[files.size()];
        long[] stageTimes = new long[files.size()];
        for (Map.Entry<String, List<long[]>> e : new TreeMap<>(lines).entrySet()) {
            if (matched.contains(e.getKey())) {
                for (long[] fl : e.getValue()) stageTimes[(int) fl[0]]++;
                continue;
            }
            String rejectedLead = rejectedLeads.get(e.getKey());
            for (long[] fl : e.getValue()) {
                reject.accept(new RejectedRow(
                        files.get((int) fl[0]),
                        fl[1],
                        source.key(),
                        rejectedLead != null
                                ? "the lead it joins (" + rejectedLead + ") is rejected"
                                : "no lead of the " + profile.primary() + " file has " + source.join() + " = "
                                        + e.getKey(),
                        e.getKey()));
                unjoined[(int) fl[0]]++;
            }
        }
        List<InputFile> out = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, long[]> e : counts.entrySet()) {
            long[] n = e.getValue();
            long rej = n[1] + unjoined[i];
            Map<String, Long> details = new LinkedHashMap<>();
            details.put("stage_times", stageTimes[i]);
            details.put("other_changes", n[2]);
            out.add(new InputFile(
                    e.getKey(), source.alias(), shas.get(e.getKey()), n[0], stageTimes[i] + n[2], rej, details));
            i++;
        }
        return out;
    }
}
