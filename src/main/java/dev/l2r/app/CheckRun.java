package dev.l2r.app;

import dev.l2r.InputError;
import dev.l2r.Progress;
import dev.l2r.compile.CompiledRules;
import dev.l2r.compile.Digests;
import dev.l2r.compile.DrlGenerator;
import dev.l2r.compile.FieldReads;
import dev.l2r.compile.RulesFile;
import dev.l2r.evaluate.Evaluation;
import dev.l2r.evaluate.Evaluator;
import dev.l2r.evaluate.Limits;
import dev.l2r.history.HistoryStore;
import dev.l2r.history.StoredRun;
import dev.l2r.ingest.DataLoader;
import dev.l2r.ingest.Dataset;
import dev.l2r.ingest.profile.Profile;
import dev.l2r.ingest.profile.Profiles;
import dev.l2r.model.Agreement;
import dev.l2r.model.Period;
import dev.l2r.model.Severity;
import dev.l2r.parse.AgreementVersions;
import dev.l2r.report.OutputFolder;
import dev.l2r.report.ReportWriter;
import dev.l2r.report.RunInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.FutureTask;

/**
 * One check, start to end: the agreement and its period, the rules, the data, the evaluation and the
 * outputs, written into {@code --out} whole or not at all. The CLI's {@code check} is a thin layer over
 * this; so is anything else that checks a period.
 */
public final class CheckRun {

    /**
     * What to check.
     *
     * @param failOn the severity at or above which a violation makes the exit code 1; null for none
     * @param period one period label, or FROM..TO for each period of a range ({@link Agreement#periods})
     * @param out    the output folder, or null for out/AGREEMENT/PERIOD; with a range, the folder that
     *     receives one subfolder per period
     * @param rules  the rules directory, or null for the default ({@link RulesDirectory})
     * @param asOf   ISO-8601 text, or null for the end of the period
     * @param profile a mapping profile's name or file, or null for canonical data
     * @param history the history file, or null for $L2R_HISTORY, else out/history.sqlite ({@link HistoryStore#file})
     * @param recordHistory false to leave the history alone (no trend in the summary either)
     */
    public record Request(
            Path sla,
            List<Path> data,
            String profile,
            String period,
            String asOf,
            Path rules,
            Path out,
            Severity failOn,
            Limits limits,
            Progress progress,
            Path history,
            boolean recordHistory) {

        private Request forPeriod(String label, Path folder) {
            return new Request(
                    sla, data, profile, label, asOf, rules, folder, failOn, limits, progress, history, recordHistory);
        }
    }

    /**
     * What was checked and found, and where it was written.
     *
     * @param warnings hand-written rules reading fields the agreement does not declare ({@link FieldReads})
     */
    public record Result(
            Agreement agreement,
            Period period,
            Dataset dataset,
            Evaluation evaluation,
            Path out,
            int exitCode,
            List<String> warnings) {}

    /** Earlier periods the summary's trend shows, besides the one checked. */
    static final int TREND_PERIODS = 5;

    private final Request r;
    /** The output folder once known, and this run's hold on it. */
    private Path target;

    private OutputFolder folder;

    /** The run history, opened before anything is evaluated so that a bad history file fails first. */
    private HistoryStore history;

    /** The agreement's versions when already read (a range reads them once), else null: read by the check. */
    private final AgreementVersions versions;

    private CheckRun(Request r, AgreementVersions versions) {
        this.r = r;
        this.versions = versions;
    }

    /**
     * Runs the check. On any failure the previous outputs of the folder stay as they were, marked as not
     * current ({@link OutputFolder}); bad input is an {@link InputError}.
     */
    public static Result run(Request r) throws IOException {
        return new CheckRun(r, null).guarded();
    }

    /**
     * Runs the check for each period the request names (one label, or FROM..TO), in period order, each into
     * its own folder: out/AGREEMENT/PERIOD by default, or {@code --out}/PERIOD for a range.
     */
    public static List<Result> runAll(Request r) throws IOException {
        AgreementVersions versions;
        List<Period> periods;
        try {
            versions = AgreementVersions.load(r.sla());
            periods = versions.periods(r.period());
            if (periods.size() > 1 && r.asOf() != null) {
                throw new InputError("--as-of: applies to one period; give --period a single label with --as-of");
            }
        } catch (InputError e) { // the previous outputs of the one folder named must not look current
            if (r.out() != null && !r.period().contains(".."))
                OutputFolder.markFailed(r.out(), e.lines().get(0));
            throw e;
        }
        Agreement a = versions.latest().agreement();
        List<Result> results = new ArrayList<>();
        for (Period p : periods) {
            Path folder = r.out() == null
                    ? defaultOut(a, p)
                    : periods.size() > 1 || r.period().contains("..") ? r.out().resolve(p.label()) : r.out();
            try {
                results.add(new CheckRun(r.forPeriod(p.label(), folder), versions).guarded());
            } catch (InputError e) {
                if (results.isEmpty()) throw e;
                throw new InputError(
                        e.lines().get(0) + "; the range stopped at " + p.label() + ", but " + done(results, r));
            }
        }
        return List.copyOf(results);
    }

    /**
     * What a range stopped by a failure in a later period leaves behind: the earlier periods' outputs and,
     * unless --no-history, their runs in the history (a range is checked period by period, each in its own
     * folder, and is not undone).
     */
    private static String done(List<Result> results, Request r) {
        List<String> periods = results.stream().map(x -> x.period().label()).toList();
        String which = periods.size() == 1
                ? periods.get(0) + " was"
                : String.join(", ", periods.subList(0, periods.size() - 1)) + " and " + periods.get(periods.size() - 1)
                        + " were";
        String where =
                String.join(", ", results.stream().map(x -> x.out().toString()).toList());
        return which + " checked and written before it (" + where + ")"
                + (r.recordHistory()
                        ? " and recorded in " + HistoryStore.file(r.history(), System.getenv(HistoryStore.ENV))
                        : "")
                + "; they stay as they are";
    }

    /** The default output folder: out/AGREEMENT/PERIOD, so two agreements never overwrite each other. */
    public static Path defaultOut(Agreement a, Period p) {
        return Path.of("out", a.id(), p.label());
    }

    private Result guarded() throws IOException {
        target = r.out();
        try {
            return check();
        } catch (IOException | RuntimeException | Error e) { // the previous outputs must not look current
            if (target != null) {
                String cause = e instanceof InputError ie
                        ? ie.lines().get(0)
                        : "internal error: " + InputError.flatten(String.valueOf(e));
                if (folder != null) folder.failed(cause);
                else OutputFolder.markFailed(target, cause);
            }
            throw e;
        } finally {
            if (folder != null) folder.close();
            if (history != null) history.close();
        }
    }

    private Result check() throws IOException {
        AgreementVersions.Version version =
                (versions != null ? versions : AgreementVersions.load(r.sla())).inForce(r.period());
        Agreement a = version.agreement();
        Period p = a.period(r.period());
        target = r.out() != null ? r.out() : defaultOut(a, p);
        // the history first: one l2r may not write stops the check before the output folder is touched
        if (r.recordHistory())
            history = HistoryStore.openToRecord(HistoryStore.file(r.history(), System.getenv(HistoryStore.ENV)));
        folder = OutputFolder.lock(target);
        Instant asOf = a.asOf(p, r.asOf());
        Scored scored = score(version, p, asOf, r);
        Evaluation e = scored.evaluation();
        Dataset dataset = scored.run().data();
        RunInfo run = scored.run();
        List<RulesFile> rulesFiles = run.rules();

        // data-quality findings (e.findings()) are no SLA violations: they never fail a check
        Severity threshold = r.failOn();
        boolean failing = threshold != null
                && e.violationsBySeverity().entrySet().stream()
                        .anyMatch(x -> x.getKey().atLeast(threshold) && x.getValue() > 0);
        int code = failing ? 1 : 0;
        Progress progress = r.progress();
        progress.step("evaluated: " + e.violations().size() + " violations; writing " + target);
        List<StoredRun> earlier = history == null ? List.of() : history.earlier(a.id(), p.start(), TREND_PERIODS);
        ReportWriter.write(folder, run, e, dataset.rejected(), code, HistoryRecords.trend(earlier));
        if (history != null) {
            history.record(HistoryRecords.of(run, e, Digests.sha256(target.resolve("run.json")), Instant.now()));
        }
        progress.step("written");
        return new Result(a, p, dataset, e, target, code, FieldReads.warnings(a, rulesFiles));
    }

    /** What a period scored under one version of the agreement, and what it was made of. */
    record Scored(RunInfo run, Evaluation evaluation) {}

    /**
     * Compiles a version of the agreement with the rules, reads the data of the period and evaluates it:
     * the part of a check that {@code l2r replay} repeats under a proposed version.
     */
    static Scored score(AgreementVersions.Version version, Period p, Instant asOf, Request r) throws IOException {
        Agreement a = version.agreement();
        Progress progress = r.progress();
        List<RulesFile> rulesFiles = RulesFile.readAll(RulesDirectory.resolve(r.rules()));
        String drl = DrlGenerator.generate(a);
        progress.step("compiling " + a.id() + " (" + a.clauses().size() + " clauses) with " + rulesFiles.size()
                + " rules files");
        // the Drools build (a second or more in a fresh JVM) runs on the other core while the data is read
        FutureTask<CompiledRules> building =
                new FutureTask<>(() -> CompiledRules.build(a, version.file().toString(), drl, rulesFiles));
        Thread builder = new Thread(building, "l2r-compile");
        builder.setDaemon(true);
        builder.start();
        Profile mapping;
        Dataset dataset;
        Evaluation e;
        try {
            mapping = r.profile() == null ? null : Profiles.resolve(r.profile());
            // the leads are checked as they are read, in chunks: memory holds a few chunks, not the data
            DataLoader.Stream data = new DataLoader(a.zone(), a.fields(), mapping, progress).open(r.data(), p.label());
            e = Evaluator.run(a, building, data, data::metrics, p, asOf, r.limits(), progress);
            dataset = data.dataset(List.of());
        } catch (RuntimeException | Error ex) {
            CompiledRules.built(
                    building); // an error in the rules is reported first, as when they were built before the data was
            // read
            throw ex;
        }
        RunInfo run = new RunInfo(
                a,
                version.file().toString(),
                Digests.sha256(version.file()),
                Digests.sha256(drl.getBytes(StandardCharsets.UTF_8)),
                rulesFiles,
                mapping,
                mapping == null ? null : Digests.sha256(Path.of(mapping.source())),
                dataset,
                p,
                r.failOn());
        return new Scored(run, e);
    }
}
