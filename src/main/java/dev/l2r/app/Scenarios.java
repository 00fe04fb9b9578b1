package dev.l2r.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.l2r.InputError;
import dev.l2r.Progress;
import dev.l2r.Timestamps;
import dev.l2r.compile.CompiledRules;
import dev.l2r.compile.DrlGenerator;
import dev.l2r.compile.RulesFile;
import dev.l2r.evaluate.Evaluation;
import dev.l2r.evaluate.Evaluator;
import dev.l2r.evaluate.Finding;
import dev.l2r.evaluate.Limits;
import dev.l2r.evaluate.Violation;
import dev.l2r.ingest.Dataset;
import dev.l2r.ingest.RejectedRow;
import dev.l2r.ingest.ScenarioData;
import dev.l2r.model.Agreement;
import dev.l2r.model.Clause;
import dev.l2r.model.Period;
import dev.l2r.parse.AgreementParser;
import dev.l2r.source.Loc;
import dev.l2r.source.Problems;
import dev.l2r.source.SourceTree;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code l2r test}: scenario files that pin what an agreement must decide. A scenario names an agreement,
 * gives leads and metrics (inline or as files), a period and optionally an as-of time, and lists the
 * violations expected. Each is checked in memory through the same pipeline as {@code check} (agreement
 * parser, DRL generator, compiled rules, evaluator) and passes when the violations found are exactly the
 * ones expected. The format is docs/SCENARIOS.md.
 */
public final class Scenarios {

    /** Keys of a scenario file. */
    static final List<String> KEYS =
            List.of("description", "agreement", "rules", "period", "as_of", "leads", "metrics", "expect");

    static final List<String> EXPECT_KEYS = List.of("clause", "subject", "status", "deadline");
    static final List<String> METRIC_KEYS = List.of("period", "team", "metric", "value");
    /** What {@code status} may say of an expected violation. */
    static final List<String> STATUSES = List.of("late", "missed", "violated");

    private Scenarios() {}

    /** A violation a scenario expects; {@code status} and {@code deadline} are null when not given. */
    public record Expected(
            String clause, String subject, String status, String deadline, int line, Loc clauseAt, int clauseLine) {}

    /** A scenario as read, its paths resolved against the scenario's folder. */
    public record Scenario(
            Path file,
            String name,
            Path agreement,
            Path rules,
            String period,
            int periodLine,
            String asOf,
            int asOfLine,
            ScenarioData.Source leads,
            ScenarioData.Source metrics,
            List<Expected> expected,
            Map<String, Integer> lines) {}

    /** The result of one scenario: passed, or the lines that say why not. */
    public record Outcome(String name, boolean passed, List<String> details) {}

    /** Every scenario's outcome, in the order of their names. */
    public record Report(List<Outcome> outcomes) {
        public long passed() {
            return outcomes.stream().filter(Outcome::passed).count();
        }

        public long failed() {
            return outcomes.size() - passed();
        }

        /** 0 when every scenario passed, else 1. */
        public int exitCode() {
            return failed() == 0 ? 0 : 1;
        }
    }

    /**
     * Reads every {@code *.yaml} under {@code dir} (or the one file {@code dir} names) and runs them, telling
     * {@code each} the outcome of each as it is known. Every scenario is read and its agreement, rules,
     * period and as-of checked before any runs: a malformed one is an {@link InputError} (exit 2) listing
     * every problem with file, line and field.
     */
    public static Report run(Path dir, Consumer<Outcome> each) {
        List<Path> files = find(dir);
        List<Scenario> scenarios = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Path f : files) {
            try {
                scenarios.add(read(f, name(dir, f)));
            } catch (InputError e) {
                problems.addAll(e.lines());
            }
        }
        if (!problems.isEmpty()) throw new InputError(problems);
        List<Prepared> prepared = new ArrayList<>();
        for (Scenario s : scenarios) {
            try {
                prepared.add(prepare(s));
            } catch (InputError e) {
                problems.addAll(e.lines());
            }
        }
        if (!problems.isEmpty()) throw new InputError(problems);
        List<Outcome> outcomes = new ArrayList<>();
        for (Prepared p : prepared) {
            Outcome o = evaluate(p);
            outcomes.add(o);
            each.accept(o);
        }
        return new Report(List.copyOf(outcomes));
    }

    /** The scenario files: {@code dir} itself when it is a file, else every *.yaml below it, sorted by path. */
    static List<Path> find(Path dir) {
        if (Files.isRegularFile(dir)) return List.of(dir);
        if (!Files.isDirectory(dir)) {
            throw new InputError(InputError.at(dir.toString(), 0, null, "no such folder; give a folder of scenarios"));
        }
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".yaml") && Files.isRegularFile(p))
                    .sorted()
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            throw new InputError(InputError.at(
                    dir.toString(), 0, null, "cannot read: " + InputError.firstLine(String.valueOf(e.getMessage()))));
        }
        if (files.isEmpty()) {
            throw new InputError(InputError.at(dir.toString(), 0, null, "no scenario here (*.yaml files)"));
        }
        return files;
    }

    /** The scenario's name: its path below the folder, without .yaml, with '/' between folders. */
    static String name(Path dir, Path file) {
        Path rel = Files.isRegularFile(dir) ? file.getFileName() : dir.relativize(file);
        String s = rel.toString().replace('\\', '/');
        return s.endsWith(".yaml") ? s.substring(0, s.length() - 5) : s;
    }

    /** Reads and checks the shape of one scenario file; every problem of the file at once. */
    public static Scenario read(Path file, String name) {
        SourceTree tree = SourceTree.read(file);
        Problems problems = new Problems(tree);
        JsonNode root = tree.root();
        if (!root.isObject()) {
            problems.add(Loc.ROOT, "a scenario is a mapping with keys " + String.join(", ", KEYS));
            problems.throwIfAny();
        }
        problems.unknownKeys(root, Loc.ROOT, KEYS);
        Path base = file.toAbsolutePath().getParent();
        String agreement = problems.text(root, Loc.ROOT, "agreement", true);
        String rules = problems.text(root, Loc.ROOT, "rules", false);
        String period = problems.text(root, Loc.ROOT, "period", true);
        String asOf = problems.text(root, Loc.ROOT, "as_of", false);
        problems.text(root, Loc.ROOT, "description", false);
        ScenarioData.Source leads = table(tree, problems, root, "leads", base, true);
        ScenarioData.Source metrics = withPeriod(table(tree, problems, root, "metrics", base, false), period);
        List<Expected> expected = expected(tree, problems, root.get("expect"), Loc.ROOT.field("expect"));
        problems.throwIfAny();
        return new Scenario(
                file,
                name,
                relative(file, agreement),
                rules == null ? null : relative(file, rules),
                period,
                tree.line("/period"),
                asOf,
                tree.line("/as_of"),
                leads,
                metrics,
                expected,
                Map.of(
                        "agreement", tree.line("/agreement"),
                        "rules", tree.line("/rules"),
                        "leads", tree.line("/leads"),
                        "metrics", tree.line("/metrics")));
    }

    /** A path written in a scenario, relative to the scenario's folder (as the scenario file was given). */
    private static Path relative(Path file, String path) {
        Path p = Path.of(path);
        Path parent = file.getParent();
        return p.isAbsolute() || parent == null ? p : parent.resolve(p).normalize();
    }

    /** {@code leads:} or {@code metrics:}: a list of rows, or a file name. */
    private static ScenarioData.Source table(
            SourceTree tree, Problems problems, JsonNode root, String key, Path base, boolean required) {
        Loc at = Loc.ROOT.field(key);
        JsonNode v = root.get(key);
        if (v == null || v.isNull()) {
            if (required) problems.add(at, "required; a list of " + key + " (one mapping each) or a file name");
            return null;
        }
        if (v.isTextual()) {
            if (v.asText().isBlank()) {
                problems.add(at, "empty; give a file name or a list");
                return null;
            }
            return new ScenarioData.FromFile(relative(Path.of(tree.file()), v.asText()));
        }
        if (!v.isArray()) {
            problems.add(at, "expected a list of " + key + " or a file name, found " + Problems.kind(v));
            return null;
        }
        List<ScenarioData.Row> rows = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            Loc row = at.index(i);
            JsonNode r = v.get(i);
            if (!r.isObject()) {
                problems.add(row, "expected a mapping of column to value, found " + Problems.kind(r));
                continue;
            }
            if (key.equals("metrics")) problems.unknownKeys(r, row, METRIC_KEYS);
            Map<String, String> values = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = r.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode cell = e.getValue();
                if (cell.isContainerNode()) {
                    problems.add(
                            row.field(e.getKey()), "expected a value (text or number), found " + Problems.kind(cell));
                    continue;
                }
                values.put(e.getKey(), scalar(cell));
            }
            rows.add(new ScenarioData.Row(tree.line(row.pointer()), values));
        }
        return new ScenarioData.Inline(tree.file(), rows);
    }

    /** Inline metrics rows without a period are of the scenario's period. */
    private static ScenarioData.Source withPeriod(ScenarioData.Source metrics, String period) {
        if (!(metrics instanceof ScenarioData.Inline in) || period == null) return metrics;
        List<ScenarioData.Row> rows = new ArrayList<>();
        for (ScenarioData.Row r : in.rows()) {
            Map<String, String> values = new LinkedHashMap<>(r.values());
            values.putIfAbsent("period", period);
            rows.add(new ScenarioData.Row(r.line(), values));
        }
        return new ScenarioData.Inline(in.file(), rows);
    }

    /** A scalar cell as the text a CSV file would hold; null when empty. */
    private static String scalar(JsonNode cell) {
        if (cell.isNull()) return null;
        if (cell.isBigDecimal()) return cell.decimalValue().toPlainString();
        return cell.asText();
    }

    /** {@code expect:} a list of {clause, subject, status?, deadline?}, or {@code none}. */
    private static List<Expected> expected(SourceTree tree, Problems problems, JsonNode v, Loc at) {
        if (v == null || v.isNull()) {
            problems.add(at, "required; a list of {clause, subject} or none");
            return List.of();
        }
        if (v.isTextual() && v.asText().equals("none")) return List.of();
        if (!v.isArray()) {
            problems.add(at, "expected a list of {clause, subject} or none, found " + kind(v));
            return List.of();
        }
        List<Expected> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            Loc item = at.index(i);
            JsonNode e = v.get(i);
            if (!e.isObject()) {
                problems.add(item, "expected a mapping {clause, subject}, found " + Problems.kind(e));
                continue;
            }
            problems.unknownKeys(e, item, EXPECT_KEYS);
            String clause = scalarText(problems, e, item, "clause", true);
            String subject = scalarText(problems, e, item, "subject", true);
            String status = problems.text(e, item, "status", false);
            String deadline = problems.text(e, item, "deadline", false);
            if (status != null && !STATUSES.contains(status)) {
                problems.add(
                        item.field("status"), "\"" + status + "\" is not a status; use " + String.join(", ", STATUSES));
            }
            if (deadline != null && Timestamps.parse(deadline, ZoneOffset.UTC) == null) {
                problems.add(
                        item.field("deadline"),
                        "\"" + deadline + "\" is not an ISO-8601 time such as 2026-09-03T16:16:00-04:00");
            }
            Loc clauseAt = item.field("clause");
            out.add(new Expected(
                    clause,
                    subject,
                    status,
                    deadline,
                    tree.line(item.pointer()),
                    clauseAt,
                    tree.line(clauseAt.pointer())));
        }
        return out;
    }

    /** Text, or a number written as text (a subject may be a lead id such as 1042). */
    private static String scalarText(Problems problems, JsonNode node, Loc at, String key, boolean required) {
        JsonNode v = node.get(key);
        if (v != null && v.isNumber()) return scalar(v);
        return problems.text(node, at, key, required);
    }

    private static String kind(JsonNode v) {
        return v.isTextual() ? "\"" + v.asText() + "\"" : Problems.kind(v);
    }

    /** A scenario with its agreement read, its rules built and its period and as-of checked. */
    private record Prepared(Scenario s, Agreement a, CompiledRules rules, Period period, Instant asOf) {}

    private static Prepared prepare(Scenario s) {
        String file = s.file().toString();
        List<String> missing = new ArrayList<>();
        exists(s, "agreement", s.agreement(), false, missing);
        exists(s, "rules", s.rules(), true, missing);
        if (s.leads() instanceof ScenarioData.FromFile f) exists(s, "leads", f.path(), false, missing);
        if (s.metrics() instanceof ScenarioData.FromFile f) exists(s, "metrics", f.path(), false, missing);
        if (!missing.isEmpty()) throw new InputError(missing);
        Agreement a = AgreementParser.load(s.agreement());
        List<RulesFile> rulesFiles = RulesFile.readAll(RulesDirectory.resolve(s.rules()));
        CompiledRules rules = CompiledRules.build(a, s.agreement().toString(), DrlGenerator.generate(a), rulesFiles);
        unknownClauses(s, a, rules);
        Period p = Period.parse(a.period(), s.period())
                .orElseThrow(() -> new InputError(InputError.at(
                        file,
                        s.periodLine(),
                        "period",
                        "\"" + s.period() + "\" is not a " + a.period().key() + " of agreement " + a.id()
                                + "; use a label such as " + Period.example(a.period()))));
        if (a.effectiveFrom() != null && !p.end().isAfter(a.effectiveFrom())) {
            throw new InputError(InputError.at(
                    file,
                    s.periodLine(),
                    "period",
                    s.period() + " ends before agreement " + a.id() + " takes effect (" + a.effectiveFrom() + ")"));
        }
        Instant asOf = null;
        if (s.asOf() != null) {
            asOf = Timestamps.parse(s.asOf(), a.zone());
            if (asOf == null) {
                throw new InputError(InputError.at(
                        file,
                        s.asOfLine(),
                        "as_of",
                        "\"" + s.asOf()
                                + "\" is not an ISO-8601 time such as 2026-10-20T12:00 or 2026-10-20T12:00:00-04:00"));
            }
            if (asOf.isBefore(p.startIn(a.zone()).toInstant())) {
                throw new InputError(InputError.at(
                        file, s.asOfLine(), "as_of", s.asOf() + " is before period " + s.period() + " starts"));
            }
        }
        return new Prepared(s, a, rules, p, asOf);
    }

    /**
     * An expected violation of a clause the agreement does not have (nor a data-quality check of its rules)
     * could never be found: the scenario is wrong, not the agreement.
     */
    private static void unknownClauses(Scenario s, Agreement a, CompiledRules rules) {
        Set<String> checks = new TreeSet<>();
        rules.kieBase()
                .getKiePackages()
                .forEach(p -> p.getRules().stream()
                        .filter(CompiledRules::isDataQuality)
                        .forEach(r -> checks.add(CompiledRules.dqIdOf(r))));
        List<String> problems = new ArrayList<>();
        for (Expected x : s.expected()) {
            if (x.clause() == null || a.clause(x.clause()).isPresent() || checks.contains(x.clause())) continue;
            problems.add(InputError.at(
                    s.file().toString(),
                    x.clauseLine(),
                    x.clauseAt().display(),
                    "agreement " + a.id() + " has no clause \"" + x.clause() + "\"; use one of its clauses ("
                            + a.clauses().stream().map(Clause::id).collect(Collectors.joining(", "))
                            + ") or the id of a data-quality check"));
        }
        if (!problems.isEmpty()) throw new InputError(problems);
    }

    /** A problem at the scenario's key when the file (or folder) it names is not there. */
    private static void exists(Scenario s, String key, Path p, boolean folder, List<String> problems) {
        if (p == null || (folder ? Files.isDirectory(p) : Files.isRegularFile(p))) return;
        problems.add(InputError.at(
                s.file().toString(),
                s.lines().get(key),
                key,
                p + (folder ? ": no such folder" : ": no such file")
                        + " (paths are relative to the scenario's folder)"));
    }

    /** Runs one scenario and compares what was found with what was expected. */
    private static Outcome evaluate(Prepared p) {
        Scenario s = p.s();
        Agreement a = p.a();
        Dataset data = ScenarioData.load(a.zone(), a.fields(), s.period(), s.leads(), s.metrics());
        if (!data.rejected().isEmpty()) {
            List<String> lines = new ArrayList<>();
            for (RejectedRow r : data.rejected()) {
                lines.add("row not read: " + r.describe());
            }
            return new Outcome(s.name(), false, lines);
        }
        Evaluation e = Evaluator.run(a, p.rules(), data, p.period(), p.asOf(), Limits.defaults(), Progress.QUIET);
        List<Violation> found = new ArrayList<>(e.violations());
        for (Finding f : e.findings()) { // a scenario may expect a data-quality check's finding like a violation
            found.add(new Violation(
                    e.period(),
                    f.checkId(),
                    f.title(),
                    "data-quality",
                    f.severity(),
                    Agreement.DATA_QUALITY_TEAM,
                    "",
                    f.leadId(),
                    "valid " + f.field(),
                    f.actual(),
                    null,
                    f.message(),
                    ""));
        }
        List<Expected> missing = new ArrayList<>();
        for (Expected x : s.expected()) {
            Violation hit =
                    found.stream().filter(v -> matches(x, v, a)).findFirst().orElse(null);
            if (hit == null) missing.add(x);
            else found.remove(hit);
        }
        if (missing.isEmpty() && found.isEmpty()) return new Outcome(s.name(), true, List.of());
        List<String> lines = new ArrayList<>();
        String fileName = s.file().getFileName().toString();
        for (Expected x : missing) {
            lines.add("missing:    " + x.clause() + " " + x.subject()
                    + (x.status() == null ? "" : " " + x.status())
                    + (x.deadline() == null ? "" : " deadline " + x.deadline())
                    + " (expected at " + fileName + ":" + x.line() + "), not found");
        }
        for (Violation v : found) {
            lines.add("unexpected: " + v.clauseId() + " " + v.subject() + " " + status(v) + ": " + v.message());
        }
        return new Outcome(s.name(), false, lines);
    }

    private static boolean matches(Expected x, Violation v, Agreement a) {
        if (!x.clause().equals(v.clauseId()) || !x.subject().equals(v.subject())) return false;
        if (x.status() != null && !x.status().equals(status(v))) return false;
        if (x.deadline() != null) {
            if (v.deadline() == null) return false;
            Instant want = Timestamps.parse(x.deadline(), a.zone());
            Instant got = Timestamps.parse(v.deadline(), a.zone());
            return want != null && want.equals(got);
        }
        return true;
    }

    /**
     * A violation's status: a follow-up stopped after its deadline is late, one not stopped by it is missed;
     * anything else is violated.
     */
    static String status(Violation v) {
        if (!"followup".equals(v.type())) return "violated";
        return v.actual() != null && v.actual().startsWith("no ") ? "missed" : "late";
    }

    /** The summary line: {@code N passed, M failed}. */
    public static String summary(Report r) {
        return String.format(Locale.ROOT, "%d passed, %d failed", r.passed(), r.failed());
    }
}
