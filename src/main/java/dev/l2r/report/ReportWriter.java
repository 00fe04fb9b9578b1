package dev.l2r.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.l2r.Csv;
import dev.l2r.Version;
import dev.l2r.compile.RulesFile;
import dev.l2r.evaluate.Attribution;
import dev.l2r.evaluate.ClauseOutcome;
import dev.l2r.evaluate.Evaluation;
import dev.l2r.evaluate.Finding;
import dev.l2r.evaluate.OpenItem;
import dev.l2r.evaluate.PersonAccountability;
import dev.l2r.evaluate.TargetResult;
import dev.l2r.evaluate.TeamAccountability;
import dev.l2r.evaluate.Violation;
import dev.l2r.ingest.InputFile;
import dev.l2r.ingest.RejectedRow;
import dev.l2r.model.Agreement;
import dev.l2r.model.Severity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Writes the outputs listed in the README ("What it does") into the --out folder. Same inputs, byte-identical files. The CSV
 * files are for people and defuse spreadsheet formulas ({@link Csv#forPeople}).
 */
public final class ReportWriter {

    public static final List<String> VIOLATION_COLUMNS = List.of(
            "period",
            "clause_id",
            "clause_title",
            "type",
            "severity",
            "team",
            "owner",
            "subject",
            "expected",
            "actual",
            "deadline",
            "message",
            "accountable");

    /** Columns of open-items.csv: one follow-up clock still running at as-of a row. */
    private static final List<String> OPEN_ITEM_COLUMNS =
            List.of("clause_id", "team", "owner", "lead_id", "started", "deadline", "remaining", "at_risk");

    /** Columns of data-quality.csv: one data-quality finding a row, apart from the SLA's violations. */
    public static final List<String> FINDING_COLUMNS =
            List.of("check_id", "title", "severity", "lead_id", "field", "actual", "message");

    /** Every file {@link #write} may put in the folder; a folder holding anything else is not replaced (OutputFolder). */
    public static final List<String> OUTPUTS = List.of(
            "violations.json",
            "violations.csv",
            "accountability.json",
            "open-items.csv",
            "summary.md",
            "summary.html",
            "run.json",
            "rejected.csv",
            "data-quality.csv");

    /** Violations from which violations.json and violations.csv are written at once, on two threads. */
    private static final int PARALLEL_WRITE = 20_000;

    private ReportWriter() {}

    /**
     * Writes every output into the staging folder of {@code folder} and puts it in place of the previous
     * outputs only when all are written. Files are created new, so nothing is ever written through a link.
     */
    public static void write(OutputFolder folder, RunInfo run, Evaluation e, List<RejectedRow> rejected, int exitCode) {
        write(folder, run, e, rejected, exitCode, List.of());
    }

    /**
     * As {@link #write(OutputFolder, RunInfo, Evaluation, List, int)}, with the earlier periods the run history
     * recorded (oldest first) for the summary's trend.
     */
    public static void write(
            OutputFolder folder,
            RunInfo run,
            Evaluation e,
            List<RejectedRow> rejected,
            int exitCode,
            List<SummaryTrend> trend) {
        Path out = folder.staging();
        try {
            if (e.violations().size() < PARALLEL_WRITE) {
                violations(out, e);
                others(out, run, e, rejected, exitCode, trend);
            } else { // the other outputs beside the two large files, on a third thread
                together(
                        "l2r-write-summary",
                        () -> violations(out, e),
                        () -> others(out, run, e, rejected, exitCode, trend));
            }
        } catch (IOException ex) {
            throw OutputFiles.cannotWrite(folder.target(), ex);
        } catch (UncheckedIOException ex) { // from Csv rows streamed to a file, e.g. a full disk
            throw OutputFiles.cannotWrite(folder.target(), ex.getCause());
        }
        folder.commit();
    }

    /** Every output but violations.json and violations.csv. */
    private static void others(
            Path out, RunInfo run, Evaluation e, List<RejectedRow> rejected, int exitCode, List<SummaryTrend> trend)
            throws IOException {
        write(out.resolve("accountability.json"), accountability(run, e));
        openItems(out, e);
        write(out.resolve("data-quality.csv"), dataQuality(e));
        SummaryBuilder summary = new SummaryBuilder(run, e, rejected, trend);
        Summary s = summary.build();
        write(out.resolve("summary.md"), s.markdown());
        write(out.resolve("summary.html"), s.html(summary.title()));
        write(out.resolve("run.json"), runJson(run, e, rejected, exitCode));
        if (!rejected.isEmpty()) write(out.resolve("rejected.csv"), rejectedCsv(rejected));
    }

    /** A new file of the staging folder for {@link Utf8Out} (created new: never written through a link). */
    private static Utf8Out create(Path out, String name) throws IOException {
        return new Utf8Out(
                Files.newOutputStream(out.resolve(name), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE));
    }

    private static void write(Path p, String text) throws IOException {
        Files.writeString(p, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    }

    /**
     * violations.json and violations.csv, each streamed (a million violations need no tree in memory), the
     * two written at once on two threads when there are many.
     */
    static void violations(Path out, Evaluation e) throws IOException {
        if (e.violations().size() < PARALLEL_WRITE) {
            violationsJson(out, e);
            violationsCsv(out, e);
            return;
        }
        together("l2r-write-csv", () -> violationsJson(out, e), () -> violationsCsv(out, e));
    }

    /** A piece of writing. */
    interface Step {
        void run() throws IOException;
    }

    /**
     * Runs {@code here} on this thread and {@code beside} on a thread of its own, and returns once both are done,
     * so that nothing writes into the folder after this returns or throws. When both fail, the failure thrown is
     * the more telling one (an {@link Error}, then an I/O failure, then any other; this thread's on a tie), with
     * the other added to it as suppressed.
     */
    static void together(String name, Step here, Step beside) throws IOException {
        FutureTask<Void> task = new FutureTask<>(() -> {
            beside.run();
            return null;
        });
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
        Throwable mine = null;
        try {
            here.run();
        } catch (IOException | RuntimeException | Error t) {
            mine = t;
        }
        Throwable theirs = null;
        try {
            task.get();
        } catch (ExecutionException ex) {
            theirs = ex.getCause();
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            theirs = new IOException("interrupted while writing the outputs", ex);
        }
        Throwable first = rank(theirs) < rank(mine) ? theirs : mine;
        Throwable other = first == mine ? theirs : mine;
        if (first == null) return;
        if (other != null && other != first) first.addSuppressed(other);
        if (first instanceof IOException io) throw io;
        if (first instanceof RuntimeException re) throw re;
        if (first instanceof Error err) throw err;
        throw new IllegalStateException(first);
    }

    /** Lower is more telling: an Error, then an I/O failure, then anything else; none is last. */
    private static int rank(Throwable t) {
        if (t == null) return 3;
        if (t instanceof Error) return 0;
        return t instanceof IOException || t instanceof UncheckedIOException ? 1 : 2;
    }

    /** The keys of a violation in violations.json, each with its indentation (see {@link Json#printer()}). */
    private static final List<String> JSON_KEYS =
            VIOLATION_COLUMNS.stream().map(k -> "\n    \"" + k + "\" : ").toList();

    /**
     * violations.json: the bytes Jackson's pretty printer writes for an array of objects (Utf8OutTest checks
     * them against it), from a writer that costs a fraction of the generator's time per violation.
     */
    private static void violationsJson(Path out, Evaluation e) throws IOException {
        try (Utf8Out o = create(out, "violations.json")) {
            boolean first = true;
            for (Violation v : e.violations()) {
                o.ascii(first ? "[\n  {" : ",\n  {");
                first = false;
                List<String> values = violationRow(v);
                for (int i = 0; i < values.size(); i++) {
                    if (i > 0) o.ascii(",");
                    o.ascii(JSON_KEYS.get(i)).json(values.get(i));
                }
                o.ascii("\n  }");
            }
            o.ascii(first ? "[ ]\n" : "\n]\n");
        }
    }

    private static void violationsCsv(Path out, Evaluation e) throws IOException {
        try (Utf8Out o = create(out, "violations.csv")) {
            row(o, VIOLATION_COLUMNS);
            for (Violation v : e.violations()) row(o, violationRow(v));
        }
    }

    private static void row(Utf8Out o, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) o.ascii(",");
            o.csv(cells.get(i));
        }
        o.ascii("\n");
    }

    /** A violation's values in the order of {@link #VIOLATION_COLUMNS} (the deadline may be null). */
    private static List<String> violationRow(Violation v) {
        return Arrays.asList(
                v.period(),
                v.clauseId(),
                v.clauseTitle(),
                v.type(),
                v.severity().key(),
                v.team(),
                v.owner(),
                v.subject(),
                v.expected(),
                v.actual(),
                v.deadline(),
                v.message(),
                v.accountable());
    }

    /** data-quality.csv: the findings on leads the agreement covers, for people (formulas defused). */
    static String dataQuality(Evaluation e) {
        StringBuilder w = new StringBuilder();
        Csv csv = Csv.forPeople(w, FINDING_COLUMNS);
        for (Finding f : e.findings()) {
            csv.row(List.of(
                    f.checkId(), f.title(), f.severity().key(), f.leadId(), f.field(), f.actual(), f.message()));
        }
        return w.toString();
    }

    /** open-items.csv, streamed as violations.csv is (at a million leads, about 130,000 items). */
    static void openItems(Path out, Evaluation e) throws IOException {
        try (Utf8Out o = create(out, "open-items.csv")) {
            row(o, OPEN_ITEM_COLUMNS);
            for (OpenItem i : e.openItems()) {
                row(
                        o,
                        Arrays.asList(
                                i.clauseId(),
                                i.team(),
                                i.owner(),
                                i.leadId(),
                                i.started(),
                                i.deadline(),
                                i.remaining(),
                                String.valueOf(i.atRisk())));
            }
        }
    }

    static String accountability(RunInfo run, Evaluation e) {
        ObjectNode root = Json.object();
        root.put("agreement", run.agreement().id());
        root.put("period", e.period());
        root.put("as_of", e.asOf());
        root.put("final", e.isFinal());
        ratio(root, "elapsed", e.elapsed());
        root.put("verdict", e.verdict().key());
        ratio(root, "compliance", e.compliance());
        bySeverity(root, e.complianceBySeverity());
        ObjectNode counts = root.putObject("violations");
        counts.put("total", e.violations().size());
        Map<Severity, Long> bySeverity = e.violationsBySeverity();
        for (Severity sev : Severity.values()) counts.put(sev.key(), bySeverity.get(sev));
        ObjectNode dq = root.putObject("data_quality");
        dq.put("findings", e.findings().size());
        dq.put("out_of_scope", e.findingsOutOfScope());
        ObjectNode byCheck = dq.putObject("by_check");
        Map<String, Long> checks = new TreeMap<>();
        e.findings().forEach(f -> checks.merge(f.checkId(), 1L, Long::sum));
        checks.forEach(byCheck::put);
        ArrayNode teams = root.putArray("teams");
        for (TeamAccountability t : e.teams()) {
            ObjectNode o = teams.addObject();
            o.put("team", t.team());
            o.put("owner", t.owner());
            ratio(o, "compliance", t.compliance());
            o.put("assessed", t.assessed());
            o.put("met", t.met());
            o.put("violated", t.violated());
            o.put("open", t.open());
            o.put("at_risk", t.atRisk());
            o.put("verdict", t.verdict().key());
            bySeverity(o, t.complianceBySeverity());
            ArrayNode cl = o.putArray("clauses");
            for (ClauseOutcome c : t.clauses()) clause(cl.addObject(), c);
            if (!t.dataQuality().isEmpty()) {
                ObjectNode d = o.putObject("data_quality");
                for (Map.Entry<String, Long> x : t.dataQuality().entrySet()) d.put(x.getKey(), x.getValue());
            }
        }
        ArrayNode targets = root.putArray("targets");
        for (TargetResult t : e.targets()) {
            ObjectNode x = targets.addObject();
            x.put("clause_id", t.clauseId());
            x.put("subject", t.subject());
            x.put("team", t.team());
            x.put("metric", t.metric());
            x.put("value", number(t.value()));
            x.put("expected", t.expected());
            x.put("met", t.met());
            x.put("pace", t.pace().key());
            if (t.paceValue() == null) x.putNull("pace_value");
            else x.put("pace_value", number(t.paceValue()));
            x.put("severity", t.severity().key());
            x.put("verdict", t.verdict().key());
        }
        ArrayNode people = root.putArray("people");
        for (PersonAccountability p : e.people()) {
            ObjectNode x = people.addObject();
            x.put("person", p.person());
            x.put("team", p.team());
            x.put("met", p.met());
            x.put("violated", p.violated());
            x.put("open", p.open());
            x.put("at_risk", p.atRisk());
            x.put("critical", p.critical());
            ArrayNode cl = x.putArray("clauses");
            for (ClauseOutcome c : p.clauses()) clause(cl.addObject(), c);
        }
        ArrayNode attribution = root.putArray("attribution");
        for (Attribution.Miss m : Attribution.explain(run.agreement(), e)) {
            ObjectNode x = attribution.addObject();
            x.put("clause_id", m.clauseId());
            x.put("label", m.label());
            x.put("team", m.team());
            x.put("planned", number(m.planned()));
            x.put("actual", number(m.actual()));
            x.put("gap", number(m.gap()));
            ArrayNode links = x.putArray("links");
            for (Attribution.Link l : m.links()) {
                ObjectNode y = links.addObject();
                y.put("kind", l.kind());
                y.put("label", l.label());
                y.put("team", l.team());
                y.put("owner", l.owner());
                if (l.planned() == null) y.putNull("planned");
                else y.put("planned", number(l.planned()));
                y.put("actual", number(l.actual()));
                y.put("shortfall", number(l.shortfall()));
                y.put("evidence", l.evidence());
            }
        }
        return Json.write(root);
    }

    /** One clause's record for a team or a person, with its objective, misses budget and verdict. */
    private static void clause(ObjectNode x, ClauseOutcome c) {
        x.put("clause_id", c.clauseId());
        x.put("title", c.title());
        x.put("type", c.type());
        x.put("severity", c.severity().key());
        x.put("assessed", c.assessed());
        x.put("met", c.met());
        x.put("violated", c.violated());
        x.put("open", c.open());
        x.put("at_risk", c.atRisk());
        ratio(x, "compliance", c.compliance());
        x.put("objective", number(c.objective()));
        x.put("misses_allowed", c.missesAllowed());
        x.put("misses_left", c.missesLeft());
        x.put("verdict", c.verdict().key());
    }

    /** {@code compliance_by_severity}: each severity's compliance, null when nothing of it was decided. */
    private static void bySeverity(ObjectNode o, Map<Severity, Double> by) {
        ObjectNode x = o.putObject("compliance_by_severity");
        for (Severity sev : Severity.values()) ratio(x, sev.key(), by.get(sev));
    }

    /** A measured value as a plain decimal of at most 6 places. */
    private static BigDecimal number(double v) {
        return new BigDecimal(BigDecimal.valueOf(v)
                .setScale(6, RoundingMode.HALF_UP)
                .stripTrailingZeros()
                .toPlainString());
    }

    private static void ratio(ObjectNode o, String key, Double v) {
        if (v == null) o.putNull(key);
        else o.put(key, new BigDecimal(v).setScale(4, RoundingMode.HALF_UP));
    }

    static String runJson(RunInfo run, Evaluation e, List<RejectedRow> rejected, int exitCode) {
        Agreement a = run.agreement();
        ObjectNode root = Json.object();
        root.put("tool", "l2r");
        root.put("tool_version", Version.VERSION);
        ObjectNode ag = root.putObject("agreement");
        ag.put("id", a.id());
        ag.put("version", a.version());
        ag.put("title", a.title());
        ag.put("file", run.agreementFile());
        ag.put("sha256", run.agreementSha256());
        ag.put("generated_drl_sha256", run.generatedSha256());
        ArrayNode rules = root.putArray("rules");
        for (RulesFile r : run.rules()) {
            ObjectNode o = rules.addObject();
            o.put("file", r.path().toString());
            o.put("sha256", r.sha256());
        }
        if (run.profile() != null) {
            ObjectNode pr = root.putObject("profile");
            pr.put("name", run.profile().name());
            pr.put("file", run.profile().source());
            pr.put("sha256", run.profileSha256());
        }
        ArrayNode inputs = root.putArray("inputs");
        for (InputFile f : run.inputs()) {
            ObjectNode o = inputs.addObject();
            o.put("file", f.path());
            o.put("role", f.role());
            o.put("sha256", f.sha256());
            o.put("read", f.read());
            o.put("accepted", f.accepted());
            o.put("rejected", f.rejected());
            f.details().forEach(o::put);
        }
        if (!run.data().ignored().isEmpty()) {
            ArrayNode ig = root.putArray("ignored_files");
            run.data().ignored().forEach(ig::add);
        }
        ObjectNode p = root.putObject("period");
        p.put("label", run.period().label());
        p.put("start", run.period().startIn(a.zone()).toOffsetDateTime().toString());
        p.put("end", run.period().endIn(a.zone()).toOffsetDateTime().toString());
        p.put("timezone", a.zone().getId());
        root.put("as_of", e.asOf());
        root.put("final", e.isFinal());
        ObjectNode leads = root.putObject("leads");
        leads.put("existing_at_as_of", e.leadsSeen());
        leads.put("created_after_as_of", e.leadsAfterAsOf());
        ObjectNode v = root.putObject("violations");
        v.put("total", e.violations().size());
        Map<Severity, Long> bySeverity = e.violationsBySeverity();
        for (Severity sev : Severity.values()) v.put(sev.key(), bySeverity.get(sev));
        ObjectNode dq = root.putObject("data_quality");
        dq.put("findings", e.findings().size());
        dq.put("out_of_scope", e.findingsOutOfScope());
        root.put("rejected_rows", rejected.size());
        root.put("fail_on", run.failOn() == null ? "none" : run.failOn().key());
        root.put("exit_code", exitCode);
        return Json.write(root);
    }

    /** rejected.csv: file, line, field, reason, value of each row that could not be read. */
    public static String rejectedCsv(List<RejectedRow> rows) {
        Csv csv = Csv.text(List.of("file", "line", "field", "reason", "value"));
        for (RejectedRow r : rows) csv.row(List.of(r.file(), r.line(), r.field(), r.reason(), r.value()));
        return csv.toString();
    }
}
