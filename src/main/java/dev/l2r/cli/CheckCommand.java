package dev.l2r.cli;

import dev.l2r.InputError;
import dev.l2r.Progress;
import dev.l2r.app.CheckRun;
import dev.l2r.evaluate.Evaluation;
import dev.l2r.evaluate.HumanFormat;
import dev.l2r.evaluate.Limits;
import dev.l2r.mail.Delivery;
import dev.l2r.model.Severity;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code l2r check}: evaluates one period of CRM data against an agreement ({@link CheckRun} does the work). */
@Command(
        name = "check",
        mixinStandardHelpOptions = true,
        description = {
            "Check one period of CRM data against an agreement and write violations, accountability and summaries.",
            "Exit 0: no violation at or above --fail-on; 1: there is one; 2: bad agreement, rules, arguments or input."
        })
final class CheckCommand implements Callable<Integer> {

    @Mixin
    Options.Agreement agreement;

    @Mixin
    Options.Data data;

    @Option(
            names = "--period",
            required = true,
            paramLabel = "LABEL",
            description =
                    "Period to check: 2026-10 (month), 2026-Q4 (quarter) or 2026-W44 (ISO week), as the agreement's period;"
                            + " FROM..TO checks each period of a range in order (2026-07..2026-09); when a later period"
                            + " fails, the earlier ones stay written and recorded, and the error names them.")
    String period;

    @Option(
            names = "--as-of",
            paramLabel = "TIME",
            description =
                    "Check as of this time (ISO-8601; without offset in the SLA zone). Default: the end of the period.")
    String asOf;

    @Mixin
    Options.Rules rules;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            converter = Options.PathConverter.class,
            description = {
                "Output folder (default: out/AGREEMENT/PERIOD, e.g. out/inside-sales/2026-09).",
                "With a range of periods: the folder that receives one subfolder per period."
            })
    Path out;

    @Option(
            names = "--fail-on",
            paramLabel = "LEVEL",
            defaultValue = "critical",
            converter = Options.ThresholdConverter.class,
            description =
                    "Exit 1 when a violation at or above this severity exists: critical, major, minor or none (default: ${DEFAULT-VALUE}).")
    Options.Threshold failOn;

    @Option(
            names = "--max-firings",
            paramLabel = "N",
            description =
                    "Stop with exit 2 after N rule firings, naming the rule that fired most (default: 1,000,000 + 20 per fact inserted).")
    Long maxFirings;

    @Option(
            names = "--timeout",
            paramLabel = "DURATION",
            defaultValue = Limits.DEFAULT_TIMEOUT,
            converter = Options.TimeoutConverter.class,
            description =
                    "Stop with exit 2 when the rules run longer than this, naming the rule running: 90s, 5m, 1h (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Mixin
    Options.History history;

    @Option(names = "--no-history", description = "Neither record this check in the run history nor show a trend.")
    boolean noHistory;

    @Mixin
    MailOptions mail;

    @Mixin
    Options.Debug debug;

    @Override
    public Integer call() throws IOException {
        if (noHistory && history.file != null) {
            throw new InputError("--history: not used with --no-history; give one or the other");
        }
        Optional<Delivery> delivery = mail.delivery(System.getenv()); // bad mail settings stop before any work
        List<CheckRun.Result> results = CheckRun.runAll(new CheckRun.Request(
                agreement.sla,
                data.paths,
                data.profile,
                period,
                asOf,
                rules.rules,
                out,
                failOn.severity(),
                Limits.of(maxFirings, timeout),
                Progress.forTerminal(),
                history.file,
                !noHistory));
        results.get(0).warnings().forEach(System.err::println);
        int exit = 0;
        for (CheckRun.Result r : results) {
            if (r == results.get(0)) InputReport.print(r.dataset());
            print(r);
            exit = Math.max(exit, r.exitCode());
        }
        CheckRun.Result last = results.get(results.size() - 1);
        if (delivery.isPresent()) System.out.println(delivery.get().sendSummary(last.out(), subject(last)));
        return exit;
    }

    /** "SLA inside-sales 2026-09: breached, 3 critical violations": the verdict first, as in the summary. */
    static String subject(CheckRun.Result r) {
        Evaluation e = r.evaluation();
        long critical = e.violationsBySeverity().get(Severity.CRITICAL);
        return "SLA " + r.agreement().id() + " " + r.period().label() + ": "
                + e.verdict().key()
                + (critical == 0 ? "" : ", " + critical + " critical violation" + (critical == 1 ? "" : "s"));
    }

    private static void print(CheckRun.Result r) {
        Evaluation e = r.evaluation();
        Map<Severity, Long> bySeverity = e.violationsBySeverity();
        System.out.printf(
                Locale.ROOT,
                "%s %s: %s%s; %d violations (%d critical, %d major, %d minor), compliance %s; %s; wrote %s%n",
                r.agreement().id(),
                r.period().label(),
                e.verdict().key(),
                e.isFinal() ? "" : " so far (as of " + e.asOf() + ")",
                e.violations().size(),
                bySeverity.get(Severity.CRITICAL),
                bySeverity.get(Severity.MAJOR),
                bySeverity.get(Severity.MINOR),
                e.compliance() == null ? "n/a" : HumanFormat.percent(e.compliance()),
                e.findings().size() == 1
                        ? "1 data-quality finding"
                        : e.findings().size() + " data-quality findings",
                r.out());
    }
}
