package dev.l2r.cli;

import dev.l2r.Csv;
import dev.l2r.Progress;
import dev.l2r.app.CheckRun;
import dev.l2r.app.Replay;
import dev.l2r.evaluate.HumanFormat;
import dev.l2r.evaluate.Limits;
import dev.l2r.history.RunRecord;
import dev.l2r.parse.AgreementVersions;
import dev.l2r.report.OutputFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code l2r replay}: past periods re-scored under a proposed version, beside what was recorded. */
@Command(
        name = "replay",
        mixinStandardHelpOptions = true,
        description = {
            "Re-score periods already checked under a proposed version of the agreement, and show the recorded"
                    + " and the proposed figures per clause and team. The data must be the data the recorded runs"
                    + " read (their digests are in the history); nothing recorded is changed.",
            "Exit 0: replayed; 2: bad agreement, rules, arguments or data, or no recorded run in the range."
        })
final class ReplayCommand implements Callable<Integer> {

    /** replay.csv's columns. */
    static final List<String> COLUMNS = List.of(
            "period",
            "clause_id",
            "team",
            "recorded_version",
            "recorded_compliance",
            "recorded_violated",
            "recorded_verdict",
            "proposed_version",
            "proposed_compliance",
            "proposed_violated",
            "proposed_verdict");

    @Mixin
    Options.Agreement agreement;

    @Mixin
    Options.Data data;

    @Option(names = "--from", required = true, paramLabel = "PERIOD", description = "First period to replay.")
    String from;

    @Option(names = "--to", required = true, paramLabel = "PERIOD", description = "Last period to replay.")
    String to;

    @Mixin
    Options.Rules rules;

    @Mixin
    Options.History history;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            converter = Options.PathConverter.class,
            description = "Also write replay.csv and replay.md into this folder.")
    Path out;

    @Mixin
    Options.Debug debug;

    @Override
    public Integer call() throws IOException {
        AgreementVersions.Version proposed =
                AgreementVersions.load(agreement.sla).latest();
        ReportCommand.period(proposed.agreement(), "--from", from);
        ReportCommand.period(proposed.agreement(), "--to", to);
        if (out != null) OutputFiles.checkTargets(out, "replay.md", "replay.csv"); // before the replay runs
        CheckRun.Request request = new CheckRun.Request(
                agreement.sla,
                data.paths,
                data.profile,
                from,
                null,
                rules.rules,
                null,
                null,
                Limits.defaults(),
                Progress.forTerminal(),
                history.file,
                false);
        Replay.Result r = Replay.run(request, proposed, from, to);
        String text = text(r);
        if (out != null) { // both files or neither, and nothing on stdout before they are written
            Map<Path, String> files = new LinkedHashMap<>();
            files.put(out.resolve("replay.md"), markdown(text));
            files.put(out.resolve("replay.csv"), csv(r));
            OutputFiles.writeAll(files);
        }
        if (r.data() != null) InputReport.printRejected(r.data()); // no row is left out without a word
        System.out.print(text);
        if (out != null) System.out.println("wrote " + out.resolve("replay.csv") + " and replay.md");
        return 0;
    }

    /** The comparison in words: per period the headline, then each clause and team whose figures changed. */
    static String text(Replay.Result r) {
        StringBuilder b = new StringBuilder();
        b.append("replay of ")
                .append(r.proposed().id())
                .append(
                        r.proposed().version().isEmpty()
                                ? ""
                                : " version " + r.proposed().version())
                .append(" against the recorded runs\n");
        for (Replay.PeriodResult p : r.periods()) {
            if (p.recorded() == null) {
                b.append(p.period()).append(": ").append(p.note()).append('\n');
                continue;
            }
            RunRecord old = p.recorded().run();
            RunRecord now = p.proposed();
            b.append(p.period())
                    .append(" (run ")
                    .append(p.recorded().id())
                    .append(
                            old.agreementVersion() == null
                                            || old.agreementVersion().isEmpty()
                                    ? ""
                                    : ", version " + old.agreementVersion())
                    .append(", as of ")
                    .append(old.asOf())
                    .append("): verdict ")
                    .append(old.verdict())
                    .append(" -> ")
                    .append(now.verdict())
                    .append("; compliance ")
                    .append(pct(old.compliance()))
                    .append(" -> ")
                    .append(pct(now.compliance()))
                    .append("; violations ")
                    .append(HumanFormat.integer(old.violations().total()))
                    .append(" -> ")
                    .append(HumanFormat.integer(now.violations().total()))
                    .append('\n');
            long same = 0;
            for (Replay.Row row : p.rows()) {
                if (sameFigures(row.before(), row.after())) {
                    same++;
                    continue;
                }
                b.append("  ")
                        .append(row.clauseId())
                        .append(' ')
                        .append(row.team())
                        .append(": ")
                        .append(Replay.figures(row.before()))
                        .append(" -> ")
                        .append(Replay.figures(row.after()))
                        .append('\n');
            }
            if (same > 0)
                b.append("  ")
                        .append(same)
                        .append(same == 1 ? " clause and team" : " clauses and teams")
                        .append(" unchanged\n");
        }
        return b.toString();
    }

    private static boolean sameFigures(RunRecord.ClauseRow a, RunRecord.ClauseRow b) {
        return a != null
                && b != null
                && a.met() == b.met()
                && a.violated() == b.violated()
                && a.open() == b.open()
                && a.atRisk() == b.atRisk()
                && Objects.equals(a.verdict(), b.verdict());
    }

    private static String markdown(String text) {
        return "```\n" + text + "```\n";
    }

    static String csv(Replay.Result r) {
        Csv csv = Csv.text(COLUMNS);
        for (Replay.PeriodResult p : r.periods()) {
            if (p.recorded() == null) continue;
            for (Replay.Row row : p.rows()) {
                RunRecord.ClauseRow a = row.before();
                RunRecord.ClauseRow b = row.after();
                csv.row(List.of(
                        p.period(),
                        row.clauseId(),
                        row.team() == null ? "" : row.team(),
                        nz(p.recorded().run().agreementVersion()),
                        a == null || a.compliance() == null ? "" : ratio(a.compliance()),
                        a == null ? "" : Long.toString(a.violated()),
                        a == null ? "" : a.verdict(),
                        nz(p.proposed().agreementVersion()),
                        b == null || b.compliance() == null ? "" : ratio(b.compliance()),
                        b == null ? "" : Long.toString(b.violated()),
                        b == null ? "" : b.verdict()));
            }
        }
        return csv.toString();
    }

    private static String ratio(double v) {
        return HumanFormat.trim(v, 4);
    }

    private static String pct(Double v) {
        return v == null ? "n/a" : HumanFormat.percent(v);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
