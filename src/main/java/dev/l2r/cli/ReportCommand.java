package dev.l2r.cli;

import dev.l2r.InputError;
import dev.l2r.history.HistoryStore;
import dev.l2r.history.RunRecord;
import dev.l2r.history.StoredRun;
import dev.l2r.mail.Delivery;
import dev.l2r.model.Agreement;
import dev.l2r.model.Period;
import dev.l2r.parse.AgreementVersions;
import dev.l2r.report.OutputFiles;
import dev.l2r.report.TrendReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code l2r report}: a multi-period summary from the run history, without evaluating anything again. */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = {
            "Write a multi-period summary (" + ReportCommand.MARKDOWN + ", " + ReportCommand.HTML
                    + ") from the latest recorded run of each period from --from to --to; nothing is re-evaluated.",
            "Exit 0: written; 2: bad arguments, an unreadable history, or no run recorded in the range."
        })
final class ReportCommand implements Callable<Integer> {

    static final String MARKDOWN = "summary-trend.md";
    static final String HTML = "summary-trend.html";

    @Mixin
    Options.Agreement agreement;

    @Option(
            names = "--from",
            required = true,
            paramLabel = "LABEL",
            description =
                    "First period: 2026-07 (month), 2026-Q3 (quarter) or 2026-W27 (ISO week), as the agreement's period.")
    String from;

    @Option(names = "--to", required = true, paramLabel = "LABEL", description = "Last period, included.")
    String to;

    @Mixin
    Options.History history;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            converter = Options.PathConverter.class,
            description = "Output folder (default: out/AGREEMENT/FROM..TO).")
    Path out;

    @Mixin
    MailOptions mail;

    @Mixin
    Options.Debug debug;

    @Override
    public Integer call() {
        Optional<Delivery> delivery = mail.delivery(System.getenv()); // bad mail settings stop before any work
        Agreement a = AgreementVersions.load(agreement.sla).latest().agreement();
        Period first = period(a, "--from", from);
        Period last = period(a, "--to", to);
        if (last.start().isBefore(first.start())) {
            throw new InputError("--to: " + to + " is before --from " + from + "; give the earlier period first");
        }
        Map<String, RunRecord> byPeriod = new LinkedHashMap<>();
        for (Period p = first; !p.start().isAfter(last.start()); p = p.next()) byPeriod.put(p.label(), null);
        Path dir = out != null ? out : Path.of("out", a.id(), from + ".." + to);
        OutputFiles.checkTargets(dir, MARKDOWN, HTML); // before anything is read or written
        Path file = history.resolve();
        if (Files.exists(file)) {
            try (HistoryStore store = HistoryStore.open(file)) {
                for (StoredRun s : store.latest(a.id(), first.start(), last.start())) {
                    // a run of another period kind (the agreement changed its period) is not one of these periods
                    if (byPeriod.containsKey(s.run().periodLabel()))
                        byPeriod.put(s.run().periodLabel(), s.run());
                }
            }
        }
        List<RunRecord> runs = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        String gapFrom = null;
        String gapTo = null;
        for (Map.Entry<String, RunRecord> e : byPeriod.entrySet()) {
            if (e.getValue() == null) { // consecutive periods without a run are named as one span
                if (gapFrom == null) gapFrom = e.getKey();
                gapTo = e.getKey();
                continue;
            }
            runs.add(e.getValue());
            if (gapFrom != null) missing.add(span(gapFrom, gapTo));
            gapFrom = null;
        }
        if (gapFrom != null) missing.add(span(gapFrom, gapTo));
        if (runs.isEmpty()) {
            throw new InputError("no runs of " + a.id() + " between " + from + " and " + to + " in " + file
                    + "; run l2r check first");
        }
        Map<Path, String> files = new LinkedHashMap<>();
        files.put(dir.resolve(MARKDOWN), TrendReport.markdown(runs, missing));
        files.put(dir.resolve(HTML), TrendReport.html(runs, missing));
        OutputFiles.writeAll(files); // both or neither
        System.out.println("wrote " + dir.resolve(MARKDOWN) + " and " + HTML + ": " + runs.size() + " of "
                + byPeriod.size() + " periods of " + a.id() + " from " + file
                + (missing.isEmpty() ? "" : "; no run recorded for " + String.join(", ", missing)));
        if (delivery.isPresent()) {
            RunRecord latest = runs.get(runs.size() - 1);
            System.out.println(delivery.get()
                    .send(
                            dir.resolve(MARKDOWN),
                            dir.resolve(HTML),
                            "SLA " + a.id() + " " + from + " to " + to + ": " + latest.verdict() + " in "
                                    + latest.periodLabel()));
        }
        return 0;
    }

    private static String span(String from, String to) {
        return from.equals(to) ? from : from + " to " + to;
    }

    /** The label as a period of the agreement, with the agreement's message naming this option. */
    static Period period(Agreement a, String option, String label) {
        try {
            return a.period(label);
        } catch (InputError e) {
            throw new InputError(e.lines().stream()
                    .map(l -> l.startsWith("--period:") ? option + l.substring("--period".length()) : l)
                    .toList());
        }
    }
}
