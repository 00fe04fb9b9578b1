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
import dev.l2r.ingest.DataLoader;
import dev.l2r.ingest.Dataset;
import dev.l2r.ingest.profile.Profile;
import dev.l2r.ingest.profile.Profiles;
import dev.l2r.model.Agreement;
import dev.l2r.model.Period;
import dev.l2r.model.Severity;
import dev.l2r.parse.AgreementParser;
import dev.l2r.report.OutputFolder;
import dev.l2r.report.ReportWriter;
import dev.l2r.report.RunInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

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
     * @param out    the output folder, or null for out/PERIOD
     * @param rules  the rules directory, or null for the default ({@link RulesDirectory})
     * @param asOf   ISO-8601 text, or null for the end of the period
     * @param profile a mapping profile's name or file, or null for canonical data
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
            Progress progress) {}

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

    private final Request r;
    /** The output folder once known, and this run's hold on it. */
    private Path target;

    private OutputFolder folder;

    private CheckRun(Request r) {
        this.r = r;
    }

    /**
     * Runs the check. On any failure the previous outputs of the folder stay as they were, marked as not
     * current ({@link OutputFolder}); bad input is an {@link InputError}.
     */
    public static Result run(Request r) throws IOException {
        return new CheckRun(r).guarded();
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
        }
    }

    private Result check() throws IOException {
        Agreement a = AgreementParser.load(r.sla());
        Period p = a.period(r.period());
        target = r.out() != null ? r.out() : Path.of("out", p.label());
        folder = OutputFolder.lock(target);
        Instant asOf = a.asOf(p, r.asOf());
        Progress progress = r.progress();
        List<RulesFile> rulesFiles = RulesFile.readAll(RulesDirectory.resolve(r.rules()));
        String drl = DrlGenerator.generate(a);
        progress.step("compiling " + a.id() + " (" + a.clauses().size() + " clauses) with " + rulesFiles.size()
                + " rules files");
        CompiledRules compiled = CompiledRules.build(a, r.sla().toString(), drl, rulesFiles);
        Profile mapping = r.profile() == null ? null : Profiles.resolve(r.profile());
        Dataset dataset = new DataLoader(a.zone(), a.fields(), mapping, progress).load(r.data(), p.label());
        Evaluation e = Evaluator.run(a, compiled, dataset, p, asOf, r.limits(), progress);

        // data-quality findings (e.findings()) are no SLA violations: they never fail a check
        Severity threshold = r.failOn();
        boolean failing = threshold != null
                && e.violations().stream().anyMatch(v -> v.severity().atLeast(threshold));
        int code = failing ? 1 : 0;
        RunInfo run = new RunInfo(
                a,
                r.sla().toString(),
                Digests.sha256(r.sla()),
                Digests.sha256(drl.getBytes(StandardCharsets.UTF_8)),
                rulesFiles,
                mapping,
                mapping == null ? null : Digests.sha256(Path.of(mapping.source())),
                dataset,
                p,
                threshold);
        progress.step("evaluated: " + e.violations().size() + " violations; writing " + target);
        ReportWriter.write(folder, run, e, dataset.rejected(), code);
        progress.step("written");
        return new Result(a, p, dataset, e, target, code, FieldReads.warnings(a, rulesFiles));
    }
}
