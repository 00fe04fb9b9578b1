package dev.l2r.app;

import dev.l2r.InputError;
import dev.l2r.evaluate.HumanFormat;
import dev.l2r.history.HistoryStore;
import dev.l2r.history.RunRecord;
import dev.l2r.history.StoredRun;
import dev.l2r.ingest.Dataset;
import dev.l2r.model.Agreement;
import dev.l2r.model.Period;
import dev.l2r.parse.AgreementVersions;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code l2r replay}: re-scores periods already checked under a proposed version of the agreement and sets
 * the new figures beside the recorded ones, per clause and team. The data must be the data the recorded run
 * read (its digest in the history); nothing is written to the history or to the checks' folders.
 */
public final class Replay {

    /** One clause for one team: as recorded, and under the proposed version (null where it has no such row). */
    public record Row(
            String period, String clauseId, String team, RunRecord.ClauseRow before, RunRecord.ClauseRow after) {}

    /** One period: the recorded run and the proposed run's figures, or only a note when nothing was recorded. */
    public record PeriodResult(String period, StoredRun recorded, RunRecord proposed, List<Row> rows, String note) {}

    /** The periods replayed, in order. */
    /** {@code data}: the data as read for the last period replayed (its rejected rows are the same for every one). */
    public record Result(Agreement proposed, List<PeriodResult> periods, Dataset data) {}

    private Replay() {}

    /**
     * Replays {@code from..to} (period labels of the proposed agreement's kind) under {@code version}; {@code r}
     * carries the data, rules, profile and limits exactly as for a check. Bad input, missing runs and changed
     * data are {@link InputError}s.
     */
    public static Result run(CheckRun.Request r, AgreementVersions.Version version, String from, String to)
            throws IOException {
        Agreement a = version.agreement();
        List<Period> periods = a.periods(from + ".." + to);
        List<PeriodResult> out = new ArrayList<>();
        Dataset data = null;
        try (HistoryStore store = HistoryStore.open(HistoryStore.file(r.history(), System.getenv(HistoryStore.ENV)))) {
            for (Period p : periods) {
                List<StoredRun> recorded = store.latest(a.id(), p.start(), p.start());
                if (recorded.isEmpty()) {
                    out.add(new PeriodResult(
                            p.label(), null, null, List.of(), "no recorded run of " + a.id() + " " + p.label()));
                    continue;
                }
                StoredRun old = recorded.get(0);
                Instant asOf = a.asOf(p, old.run().asOf());
                CheckRun.Scored scored = CheckRun.score(version, p, asOf, r);
                data = scored.run().data();
                String digest = HistoryRecords.inputsDigest(scored.run());
                if (!Objects.equals(digest, old.run().digests().inputs())) {
                    throw new InputError("--data: not the data run " + old.id() + " of " + p.label()
                            + " read (recorded "
                            + old.run().recordedAt() + "); replay re-scores the same data: give those files, or run"
                            + " l2r check on these first");
                }
                RunRecord proposed = HistoryRecords.of(
                        scored.run(), scored.evaluation(), null, old.run().recordedAt());
                out.add(new PeriodResult(p.label(), old, proposed, rows(p.label(), old.run(), proposed), null));
            }
        }
        if (out.stream().allMatch(x -> x.recorded() == null)) {
            throw new InputError("--from: no recorded run of " + a.id() + " from " + from + " to " + to
                    + "; run l2r check on those periods first");
        }
        return new Result(a, List.copyOf(out), data);
    }

    /** Clause-and-team rows of both runs: the recorded order, then rows only the proposed version has. */
    static List<Row> rows(String period, RunRecord before, RunRecord after) {
        Map<String, RunRecord.ClauseRow[]> byKey = new LinkedHashMap<>();
        for (RunRecord.ClauseRow c : before.clauses())
            byKey.computeIfAbsent(key(c), k -> new RunRecord.ClauseRow[2])[0] = c;
        for (RunRecord.ClauseRow c : after.clauses())
            byKey.computeIfAbsent(key(c), k -> new RunRecord.ClauseRow[2])[1] = c;
        List<Row> rows = new ArrayList<>();
        byKey.forEach((k, pair) -> {
            RunRecord.ClauseRow any = pair[0] != null ? pair[0] : pair[1];
            rows.add(new Row(period, any.clauseId(), any.team(), pair[0], pair[1]));
        });
        return rows;
    }

    private static String key(RunRecord.ClauseRow c) {
        return c.clauseId() + "\u0000" + c.team();
    }

    /** A row's figures in words: "91.2% (12 violated), breached", or "not assessed". */
    public static String figures(RunRecord.ClauseRow c) {
        if (c == null) return "not in this version";
        return (c.compliance() == null ? "n/a" : HumanFormat.percent(c.compliance())) + " ("
                + HumanFormat.integer(c.violated()) + " violated), " + c.verdict();
    }
}
