package dev.l2r.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.l2r.InputError;
import dev.l2r.evaluate.HumanFormat;
import dev.l2r.history.HistoryStore;
import dev.l2r.history.RunRecord;
import dev.l2r.history.StoredRun;
import dev.l2r.model.Agreement;
import dev.l2r.model.Period;
import dev.l2r.parse.AgreementParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code l2r history}: the runs recorded in the history store, oldest period first. */
@Command(
        name = "history",
        mixinStandardHelpOptions = true,
        description = {
            "List the checks recorded in the run history: run id, when, agreement, period, as-of, verdict,"
                    + " compliance, violations, and which run of each period is the latest.",
            "Exit 0: listed (perhaps none); 2: bad arguments, or a history file that cannot be read."
        })
final class HistoryCommand implements Callable<Integer> {

    @Mixin
    Options.History history;

    @Option(
            names = "--sla",
            paramLabel = "FILE",
            converter = Options.PathConverter.class,
            description = "Only runs of this agreement (YAML or JSON).")
    Path sla;

    @Option(
            names = "--agreement",
            paramLabel = "ID",
            description = "Only runs of the agreement with this id (its sla: key).")
    String agreementId;

    @Option(
            names = "--period",
            paramLabel = "LABEL",
            description = "Only runs of this period: 2026-10, 2026-Q4, 2026-W44.")
    String period;

    @Option(names = "--json", description = "Print the runs as JSON.")
    boolean json;

    @Mixin
    Options.Debug debug;

    @Override
    public Integer call() {
        if (sla != null && agreementId != null)
            throw new InputError("--agreement: give --sla or --agreement, not both");
        if (agreementId != null && !AgreementParser.isAgreementId(agreementId)) {
            throw new InputError(
                    "--agreement: \"" + agreementId
                            + "\" is not an agreement id; use the sla: key of an agreement (lower-case letters, digits and '-')");
        }
        if (period != null && sla == null && !Period.isLabel(period)) {
            throw new InputError("--period: \"" + period
                    + "\" is not a period; use a month (2026-10), quarter (2026-Q4) or week (2026-W44)");
        }
        String id = agreementId;
        if (sla != null) {
            Agreement a = AgreementParser.load(sla);
            id = a.id();
            if (period != null) a.period(period);
        }
        Path file = history.resolve();
        List<StoredRun> runs = List.of();
        if (Files.exists(file)) {
            try (HistoryStore store = HistoryStore.open(file)) {
                runs = store.runs(id, period);
            }
        }
        if (json) {
            System.out.print(json(runs));
        } else if (runs.isEmpty()) {
            System.out.println("no runs" + (id == null ? "" : " of " + id) + (period == null ? "" : " for " + period)
                    + " recorded in " + file);
        } else {
            System.out.print(text(runs));
        }
        return 0;
    }

    private static final List<String> HEADER = List.of(
            "RUN",
            "RECORDED AT",
            "AGREEMENT",
            "VERSION",
            "PERIOD",
            "AS OF",
            "STATE",
            "VERDICT",
            "COMPLIANCE",
            "VIOLATIONS",
            "LATEST");
    private static final boolean[] RIGHT = {true, false, false, false, false, false, false, false, true, true, false};

    /** An aligned table, one run a line. */
    static String text(List<StoredRun> runs) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        for (StoredRun s : runs) {
            RunRecord r = s.run();
            rows.add(List.of(
                    Long.toString(s.id()),
                    r.recordedAt().toString(),
                    r.agreementId(),
                    nz(r.agreementVersion()),
                    r.periodLabel(),
                    nz(r.asOf()),
                    r.isFinal() ? "final" : "partial",
                    nz(r.verdict()),
                    r.compliance() == null ? "n/a" : HumanFormat.percent(r.compliance()),
                    HumanFormat.integer(r.violations().total()),
                    s.latest() ? "latest" : ""));
        }
        int[] width = new int[HEADER.size()];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++)
                width[i] = Math.max(width[i], row.get(i).length());
        }
        StringBuilder b = new StringBuilder();
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                if (i > 0) line.append("  ");
                String pad = " ".repeat(width[i] - row.get(i).length());
                line.append(RIGHT[i] ? pad + row.get(i) : row.get(i) + pad);
            }
            b.append(line.toString().stripTrailing()).append('\n');
        }
        return b.toString();
    }

    /** The runs as a JSON array, keys in a fixed order. */
    static String json(List<StoredRun> runs) {
        ObjectMapper mapper = new ObjectMapper();
        ArrayNode list = mapper.createArrayNode();
        for (StoredRun s : runs) {
            RunRecord r = s.run();
            ObjectNode o = list.addObject();
            o.put("id", s.id());
            o.put("recorded_at", r.recordedAt().toString());
            o.put("agreement_id", r.agreementId());
            o.put("agreement_version", r.agreementVersion());
            o.put("period", r.periodLabel());
            o.put("period_start", r.periodStart());
            o.put("period_end", r.periodEnd());
            o.put("as_of", r.asOf());
            o.put("final", r.isFinal());
            o.put("latest", s.latest());
            o.put("verdict", r.verdict());
            o.put("compliance", r.compliance());
            ObjectNode v = o.putObject("violations");
            v.put("total", r.violations().total());
            v.put("critical", r.violations().critical());
            v.put("major", r.violations().major());
            v.put("minor", r.violations().minor());
            o.put("data_quality_findings", r.dataQualityFindings());
            o.put("run_json_sha256", r.digests().runJson());
        }
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        try {
            return mapper.writer(printer).writeValueAsString(list) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
