package dev.l2r.cli;

import dev.l2r.InputError;
import dev.l2r.Progress;
import dev.l2r.compile.CompiledRules;
import dev.l2r.compile.Digests;
import dev.l2r.compile.DrlGenerator;
import dev.l2r.compile.RulesFile;
import dev.l2r.evaluate.Evaluation;
import dev.l2r.evaluate.Evaluator;
import dev.l2r.evaluate.Fmt;
import dev.l2r.evaluate.Limits;
import dev.l2r.ingest.DataLoader;
import dev.l2r.ingest.Dataset;
import dev.l2r.ingest.profile.Profile;
import dev.l2r.ingest.profile.Profiles;
import dev.l2r.Timestamps;
import dev.l2r.model.Agreement;
import dev.l2r.model.Period;
import dev.l2r.model.Severity;
import dev.l2r.report.OutputFolder;
import dev.l2r.report.ReportWriter;
import dev.l2r.report.RunInfo;
import dev.l2r.parse.AgreementParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code l2r check}: evaluates one period of CRM data against an agreement (SPEC section 4). */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Check one period of CRM data against an agreement and write violations, accountability and summaries.",
                "Exit 0: no violation at or above --fail-on; 1: there is one; 2: bad agreement, rules, arguments or input."})
final class CheckCommand implements Callable<Integer> {

    @Option(names = "--sla", required = true, paramLabel = "FILE", description = "Agreement (YAML or JSON).")
    Path sla;

    @Option(names = "--data", required = true, paramLabel = "PATH", arity = "1..*",
            description = {"Folder with leads.csv|json|ndjson and optional metrics.csv, or one leads file.",
                    "With --profile: the CRM export's files or folders, and an optional metrics.csv."})
    List<Path> data;

    @Option(names = "--profile", paramLabel = "NAME",
            description = "Read a CRM export through a mapping profile (l2r profiles lists them), or a profile .yaml file.")
    String profile;

    @Option(names = "--period", required = true, paramLabel = "LABEL",
            description = "Period to check: 2026-10 (month), 2026-Q4 (quarter) or 2026-W44 (ISO week), as the agreement's period.")
    String period;

    @Option(names = "--as-of", paramLabel = "TIME",
            description = "Check as of this time (ISO-8601; without offset in the SLA zone). Default: the end of the period.")
    String asOf;

    @Option(names = "--rules", paramLabel = "DIR", description = "Hand-written DRL (default: rules/).")
    Path rules;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: out/PERIOD).")
    Path out;

    @Option(names = "--fail-on", paramLabel = "LEVEL", defaultValue = "critical",
            description = "Exit 1 when a violation at or above this severity exists: critical, major, minor or none (default: ${DEFAULT-VALUE}).")
    String failOn;

    @Option(names = "--max-firings", paramLabel = "N",
            description = "Stop with exit 2 after N rule firings, naming the rule that fired most (default: 1,000,000 + 20 per fact inserted).")
    Long maxFirings;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = Limits.DEFAULT_TIMEOUT,
            description = "Stop with exit 2 when the rules run longer than this, naming the rule running: 90s, 5m, 1h (default: ${DEFAULT-VALUE}).")
    String timeout;

    @Option(names = "--debug", description = "Show stack traces of internal errors.")
    boolean debug;

    /** The --out folder once known, and this run's hold on it (see {@link OutputFolder}). */
    private Path target;
    private OutputFolder folder;

    @Override
    public Integer call() throws IOException {
        target = out;
        try {
            return check();
        } catch (IOException | RuntimeException | Error e) { // the previous outputs must not look current
            if (target != null) {
                String cause = e instanceof InputError ie ? ie.lines().get(0) : "internal error: " + InputError.flatten(String.valueOf(e));
                if (folder != null) folder.failed(cause);
                else OutputFolder.markFailed(target, cause);
            }
            throw e;
        } finally {
            if (folder != null) folder.close();
        }
    }

    private Integer check() throws IOException {
        Severity threshold = failOn();
        Limits limits = Limits.of(maxFirings, timeout);
        Agreement a = AgreementParser.load(sla);
        Period p = Period.parse(a.period(), period).orElseThrow(() -> new InputError("--period: \"" + period
                + "\" is not a " + a.period().key() + " of agreement " + a.id() + "; use a label such as " + Period.example(a.period())));
        if (a.effectiveFrom() != null && !p.end().isAfter(a.effectiveFrom())) {
            throw new InputError("--period: " + period + " ends before agreement " + a.id() + " takes effect (" + a.effectiveFrom() + ")");
        }
        target = out != null ? out : Path.of("out", p.label());
        folder = OutputFolder.lock(target);
        Instant asOfInstant = null;
        if (asOf != null) {
            asOfInstant = Timestamps.parse(asOf, a.zone());
            if (asOfInstant == null) {
                throw new InputError("--as-of: \"" + asOf + "\" is not an ISO-8601 time such as 2026-10-20T12:00 or 2026-10-20T12:00:00-04:00");
            }
            if (asOfInstant.isBefore(p.startIn(a.zone()).toInstant())) {
                throw new InputError("--as-of: " + asOf + " is before period " + period + " starts (" + p.start() + ")");
            }
        }
        Progress progress = Progress.forTerminal();
        List<RulesFile> rulesFiles = RulesFile.readAll(Common.rulesDir(rules));
        String drl = DrlGenerator.generate(a);
        progress.step("compiling " + a.id() + " (" + a.clauses().size() + " clauses) with " + rulesFiles.size() + " rules files");
        CompiledRules compiled = CompiledRules.build(a, sla.toString(), drl, rulesFiles);
        Profile mapping = profile == null ? null : Profiles.resolve(profile);
        Dataset dataset = new DataLoader(a.zone(), a.fields(), mapping, progress).load(data, p.label());
        Evaluation e = Evaluator.run(a, compiled, dataset, p, asOfInstant, limits, progress);

        boolean failing = threshold != null && e.violations().stream().anyMatch(v -> v.severity().atLeast(threshold));
        int code = failing ? 1 : 0;
        RunInfo run = new RunInfo(a, sla.toString(), Digests.sha256(sla), Digests.sha256(drl.getBytes(StandardCharsets.UTF_8)),
                rulesFiles, mapping, mapping == null ? null : Digests.sha256(Path.of(mapping.source())), dataset, p, threshold);
        Path dir = target;
        progress.step("evaluated: " + e.violations().size() + " violations; writing " + dir);
        ReportWriter.write(folder, run, e, dataset.rejected(), code);
        progress.step("written");

        InputReport.print(dataset);
        System.out.printf(Locale.ROOT, "%s %s: %d violations (%d critical, %d major, %d minor), compliance %s; wrote %s%n",
                a.id(), p.label(), e.violations().size(), count(e, Severity.CRITICAL), count(e, Severity.MAJOR),
                count(e, Severity.MINOR), e.compliance() == null ? "n/a" : Fmt.percent(e.compliance()), dir);
        return code;
    }

    private static long count(Evaluation e, Severity s) {
        return e.violations().stream().filter(v -> v.severity() == s).count();
    }

    private Severity failOn() {
        String f = failOn.toLowerCase(Locale.ROOT);
        if (f.equals("none")) return null;
        return Severity.of(f).orElseThrow(() -> new InputError("--fail-on: \"" + failOn + "\" is not a level; use critical, major, minor or none"));
    }
}
