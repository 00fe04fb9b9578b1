package dev.l2r.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.l2r.Progress;
import dev.l2r.Timestamps;
import dev.l2r.compile.CompiledRules;
import dev.l2r.evaluate.ClauseOutcome;
import dev.l2r.evaluate.Evaluation;
import dev.l2r.evaluate.Evaluator;
import dev.l2r.evaluate.Limits;
import dev.l2r.evaluate.OpenItem;
import dev.l2r.evaluate.TeamAccountability;
import dev.l2r.evaluate.Violation;
import dev.l2r.facts.Lead;
import dev.l2r.ingest.Dataset;
import dev.l2r.ingest.MetricsTable;
import dev.l2r.model.Agreement;
import dev.l2r.model.Period;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * One evaluation of given leads for a period, run on the first question asked and kept; the assertions
 * of {@link RuleVerifier}. A scenario focused on a clause ({@link #clause}) answers for that clause;
 * {@link #clause} on an evaluated scenario refocuses without running again.
 */
public final class Scenario {

    /** Configuration and, once run, the results; shared by every focus of one scenario. */
    private static final class Run {
        final List<LeadBuilder> leads = new ArrayList<>();
        final MetricsTable metrics = new MetricsTable();
        String period;
        String asOf;
        Evaluation evaluation;
        Recording recording;
    }

    private final Agreement agreement;
    private final CompiledRules rules;
    private final String focus;
    private final Run run;

    Scenario(Agreement agreement, CompiledRules rules, String focus) {
        this(agreement, rules, focus, new Run());
    }

    private Scenario(Agreement agreement, CompiledRules rules, String focus, Run run) {
        this.agreement = agreement;
        this.rules = rules;
        this.focus = focus;
        this.run = run;
    }

    // ---- the scenario ----

    public Scenario given(LeadBuilder... leads) {
        return given(Arrays.asList(leads));
    }

    public Scenario given(List<LeadBuilder> leads) {
        unrun().leads.addAll(leads);
        return this;
    }

    /** The period to check, a label of the agreement's period kind: 2026-10, 2026-Q4, 2026-W44. */
    public Scenario forPeriod(String label) {
        unrun().period = label;
        return this;
    }

    /** The as-of time (ISO-8601, local to the agreement's zone unless it has an offset); default: the period's end. */
    public Scenario asOf(String time) {
        unrun().asOf = time;
        return this;
    }

    /** A value of the period's metrics.csv: {@code metric("", "quota", 1000)} for the company, or a team's row. */
    public Scenario metric(String team, String name, double value) {
        unrun().metrics.put(team, name, value);
        return this;
    }

    /** The same evaluation, asked about another clause or data-quality check id. */
    public Scenario clause(String id) {
        return new Scenario(agreement, rules, id, run);
    }

    /** The evaluation as the command line would report it: violations, accountability, open items. */
    public Evaluation evaluation() {
        if (run.evaluation == null) {
            if (run.period == null)
                throw new IllegalStateException("call forPeriod(...) before asking about the result");
            Period p = Period.parse(agreement.period(), run.period)
                    .orElseThrow(() -> new IllegalArgumentException(
                            run.period + " is not a " + agreement.period().key()));
            Instant asOf = null;
            if (run.asOf != null) {
                asOf = Timestamps.parse(run.asOf, agreement.zone());
                if (asOf == null) throw new IllegalArgumentException("as-of " + run.asOf + " is not an ISO-8601 time");
            }
            List<Lead> leads = run.leads.stream()
                    .map(l -> l.build(agreement.zone(), agreement.fields()))
                    .toList();
            Dataset data = new Dataset(leads, run.metrics, List.of(), List.of(), List.of());
            Recording rec = new Recording(agreement);
            Instant at = asOf;
            run.evaluation =
                    rec.during(() -> Evaluator.run(agreement, rules, data, p, at, Limits.defaults(), Progress.QUIET));
            run.recording = rec;
        }
        return run.evaluation;
    }

    // ---- every clause ----

    /** Every violation as "CLAUSE SUBJECT", in report order; with clause ids, only theirs. */
    public List<String> violationKeys(String... clauses) {
        Set<String> only = Set.of(clauses);
        return evaluation().violations().stream()
                .filter(v -> only.isEmpty() || only.contains(v.clauseId()))
                .map(v -> v.clauseId() + " " + v.subject())
                .toList();
    }

    /** The rules that fired on facts of these leads (or measurement subjects). */
    public FiredRule firedRule(String name) {
        evaluation();
        return new FiredRule(name);
    }

    // ---- the focused clause ----

    /** Exactly these subjects (lead ids; teams or "all" for targets) violate the clause. */
    public Scenario violates(String... subjects) {
        assertEquals(
                sorted(subjects),
                sorted(violations().stream().map(Violation::subject).toList()),
                focus() + " violated by");
        return this;
    }

    /** Exactly these subjects meet the clause (each reported met once). */
    public Scenario meets(String... subjects) {
        assertEquals(sorted(subjects), sorted(reported("met")), focus() + " met by");
        return this;
    }

    /** Exactly these leads are open follow-up items, not yet at risk. */
    public Scenario leavesOpen(String... leads) {
        assertEquals(
                sorted(leads),
                sorted(openItems().stream()
                        .filter(o -> !o.atRisk())
                        .map(OpenItem::leadId)
                        .toList()),
                focus() + " open for");
        return this;
    }

    /** Exactly these leads are open follow-up items at risk. */
    public Scenario atRisk(String... leads) {
        assertEquals(
                sorted(leads),
                sorted(openItems().stream()
                        .filter(OpenItem::atRisk)
                        .map(OpenItem::leadId)
                        .toList()),
                focus() + " at risk for");
        return this;
    }

    /** Exactly these subjects got this status from the rules: met, violated, late, missed, open or at_risk. */
    public Scenario reports(String status, String... subjects) {
        assertEquals(sorted(subjects), sorted(reported(status)), focus() + " reported " + status + " for");
        return this;
    }

    /** The clause assessed nothing: no status reported, no violation, no open item, no count for any team. */
    public Scenario reportsNothing() {
        assertEquals(
                List.of(),
                run().recording.reports().stream()
                        .filter(r -> r.clause().equals(focus()))
                        .toList(),
                focus());
        assertEquals(List.of(), violations(), focus());
        assertEquals(List.of(), openItems(), focus());
        assertTrue(evaluation().teams().stream().allMatch(t -> outcome(t.team()) == null), focus() + " has counts");
        return this;
    }

    /** The clause's violations, in report order. */
    public List<Violation> violations() {
        return evaluation().violations().stream()
                .filter(v -> v.clauseId().equals(focus()))
                .toList();
    }

    /** The one violation of the clause for this subject. */
    public Violation violation(String subject) {
        List<Violation> v =
                violations().stream().filter(x -> x.subject().equals(subject)).toList();
        assertEquals(1, v.size(), focus() + " violations for " + subject + ": " + v);
        return v.get(0);
    }

    public List<OpenItem> openItems() {
        return evaluation().openItems().stream()
                .filter(o -> o.clauseId().equals(focus()))
                .toList();
    }

    /** The one open item of the clause for this lead. */
    public OpenItem openItem(String lead) {
        List<OpenItem> o =
                openItems().stream().filter(x -> x.leadId().equals(lead)).toList();
        assertEquals(1, o.size(), focus() + " open items for " + lead + ": " + o);
        return o.get(0);
    }

    /** The clause's counts for a team as in accountability.json: {met, violated, open, at risk}; null if not assessed. */
    public long[] outcome(String team) {
        for (TeamAccountability t : evaluation().teams()) {
            if (!t.team().equals(team)) continue;
            for (ClauseOutcome c : t.clauses()) {
                if (c.clauseId().equals(focus())) return new long[] {c.met(), c.violated(), c.open(), c.atRisk()};
            }
        }
        return null;
    }

    /** The subjects the rules reported with a status for the clause, in report order. */
    public List<String> reported(String status) {
        return run().recording.statuses(focus()).getOrDefault(status, List.of());
    }

    /** Every status the rules reported for one subject of the clause. */
    public List<String> statusOf(String subject) {
        return run().recording.reports().stream()
                .filter(r -> r.clause().equals(focus()) && r.subject().equals(subject))
                .map(Recording.Report::status)
                .toList();
    }

    /** Assertions about one rule's firings. */
    public final class FiredRule {

        private final String name;

        private FiredRule(String name) {
            this.name = name;
        }

        /** The ids of the facts of each firing of the rule (lead ids, measurement subjects), in firing order. */
        public List<List<String>> firings() {
            return run.recording.firings.stream()
                    .filter(f -> f.rule().equals(name))
                    .map(Recording.Firing::facts)
                    .toList();
        }

        /** The rule fired exactly once on each of these (and on nothing else). */
        public FiredRule on(String... ids) {
            assertTrue(ruleExists(), "no rule named \"" + name + "\" in the rule base");
            assertEquals(
                    sorted(ids),
                    sorted(firings().stream().flatMap(List::stream).toList()),
                    "\"" + name + "\" fired on");
            return this;
        }

        /** The rule did not fire (it may not even be in the rule base). */
        public FiredRule never() {
            assertEquals(List.of(), firings(), "\"" + name + "\" fired");
            return this;
        }

        private boolean ruleExists() {
            return rules.kieBase().getKiePackages().stream()
                    .anyMatch(
                            p -> p.getRules().stream().anyMatch(r -> r.getName().equals(name)));
        }
    }

    // ---- helpers ----

    private Run unrun() {
        if (run.evaluation != null)
            throw new IllegalStateException("the scenario has run; start another with given(...)");
        return run;
    }

    private Run run() {
        evaluation();
        return run;
    }

    private String focus() {
        if (focus == null) throw new IllegalStateException("ask about one clause: clause(\"ID\")");
        return focus;
    }

    private static List<String> sorted(String... s) {
        return sorted(Arrays.asList(s));
    }

    private static List<String> sorted(List<String> s) {
        return s.stream().sorted().toList();
    }
}
