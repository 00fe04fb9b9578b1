package dev.l2r.evaluate;

import dev.l2r.compile.CompiledRules;
import dev.l2r.facts.FollowUpItem;
import dev.l2r.facts.Lead;
import dev.l2r.facts.Measurement;
import dev.l2r.facts.SlaSink;
import dev.l2r.model.Agreement;
import dev.l2r.model.Clause;
import dev.l2r.model.Severity;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.rule.RuleContext;

/**
 * The global {@code sla}: receives what the rules decide and keeps it as tallies, violations, open items
 * and target results. What a generated rule decides is read from its metadata once per rule; the texts
 * come from {@link Sentences}, the accountable team and person from {@link Accountable}.
 *
 * <p>Handoff requirements and hand-written rules are settled in {@link #finish()}: a lead that misses two
 * requirements is one violation naming both, and a hand-written rule's report counts only for the
 * clauses whose segment the lead is in, which the segment rules decide in the same firing.
 */
final class Decisions implements SlaSink {

    private final Agreement a;
    private final long asOf;
    private final boolean isFinal;
    private final double elapsed;
    private final Clocks clocks;
    private final Sentences sentences;
    private final Accountable accountable;
    private final Tally tally = new Tally();
    private final Map<String, Clause> clauses = new HashMap<>();
    private final Map<String, Integer> order = new HashMap<>();
    private final Map<String, List<Clause.Rule>> byRule = new HashMap<>();
    private final Map<Rule, Outcome> outcomes = new IdentityHashMap<>();

    private final List<Violation> violations = new ArrayList<>();
    /** Violations merged from chunks, in report order at the end (beyond a bound, in runs on disk). */
    private final ViolationRuns runs;

    private final List<OpenItem> open = new ArrayList<>();
    private final Map<String, List<Lead>> members = new HashMap<>();
    private final Map<String, Set<Lead>> ruleSegments = new HashMap<>();
    private final Map<Clause.Handoff, Map<Lead, BitSet>> missedRequirements = new LinkedHashMap<>();
    private final List<Report> reports = new ArrayList<>();
    private final Map<String, MetricCalculator.Measure> measures = new HashMap<>();
    private final List<TargetResult> targets = new ArrayList<>();
    private final List<Found> findings = new ArrayList<>();
    /** Leads some clause decided about (including segments): the leads the agreement covers. */
    private final Set<Lead> covered = Collections.newSetFromMap(new IdentityHashMap<>());
    /** The findings in scope, in report order, once the firing is over. */
    private List<Finding> inScope;
    /** Findings in scope settled by the chunks merged into this one ({@link #merge}), and those out of scope. */
    private final List<Finding> merged = new ArrayList<>();

    private long mergedOutOfScope;
    /** Some clause has no {@code where}: it covers every lead. */
    private final boolean coversAll;

    /** A data-quality finding and its lead, listed when the agreement covers the lead. */
    private record Found(Lead lead, Finding finding) {}

    /** A hand-written rule's report about a lead, settled in {@link #finish()}. */
    private record Report(String rule, Lead lead, boolean met, String expected, String actual, String message) {}

    Decisions(Agreement a, String period, long asOf, boolean isFinal, double elapsed, Clocks clocks) {
        this(a, period, asOf, isFinal, elapsed, clocks, ViolationRuns.RUN_SIZE);
    }

    /** With at most {@code violationRun} merged violations in memory (the rest in sorted runs on disk). */
    Decisions(Agreement a, String period, long asOf, boolean isFinal, double elapsed, Clocks clocks, int violationRun) {
        this.a = a;
        this.asOf = asOf;
        this.isFinal = isFinal;
        this.elapsed = elapsed;
        this.clocks = clocks;
        this.sentences = new Sentences(a, period);
        this.accountable = new Accountable(a);
        this.coversAll = a.clauses().stream().anyMatch(c -> c.head().where().isEmpty());
        this.runs = new ViolationRuns(this::compare, violationRun);
        for (int i = 0; i < a.clauses().size(); i++) {
            Clause c = a.clauses().get(i);
            clauses.put(c.id(), c);
            order.put(c.id(), i);
            if (c instanceof Clause.Rule r)
                byRule.computeIfAbsent(r.rule(), k -> new ArrayList<>()).add(r);
        }
    }

    // ---- generated rules ----

    @Override
    public void decide(RuleContext rule, Object fact) {
        Outcome o = outcomes.computeIfAbsent(
                rule.getRule(),
                r -> Outcome.of(r.getMetaData(), clauses)
                        .orElseThrow(() ->
                                new IllegalStateException("rule \"" + r.getName() + "\" names no clause and outcome")));
        Clause c = o.clause();
        if (!coversAll) { // with a clause that covers every lead, no finding needs the set
            if (fact instanceof Lead l) covered.add(l);
            else if (fact instanceof FollowUpItem i) covered.add(i.getLead());
        }
        if (c instanceof Clause.FollowUp f) {
            followUp(f, (FollowUpItem) fact, o.kind());
        } else if (c instanceof Clause.Handoff h) {
            Lead lead = (Lead) fact;
            if (o.kind() == Outcome.Kind.MET) {
                String team = Accountable.teamOf(h, lead);
                tally.count(team, accountable.accountableFor(h, team, lead), h, Status.MET);
            } else
                missedRequirements
                        .computeIfAbsent(h, k -> new IdentityHashMap<>())
                        .computeIfAbsent(lead, k -> new BitSet())
                        .set(o.requirement() - 1);
        } else if (c instanceof Clause.Rejection r) {
            Lead lead = (Lead) fact;
            String team = Accountable.teamOf(r, lead);
            tally.count(
                    team, accountable.accountableFor(r, team, lead), r, o.kind().status());
            if (o.kind() != Outcome.Kind.MET)
                violations.add(sentences.rejection(r, lead, team, accountable.personOf(team, lead)));
        } else if (c instanceof Clause.Target t) {
            if (o.kind() == Outcome.Kind.SEGMENT)
                members.computeIfAbsent(t.id(), k -> new ArrayList<>()).add((Lead) fact);
            else target(t, (Measurement) fact, o.kind() == Outcome.Kind.MET);
        } else if (c instanceof Clause.Rule && o.kind() == Outcome.Kind.SEGMENT) {
            ruleSegments
                    .computeIfAbsent(c.id(), k -> Collections.newSetFromMap(new IdentityHashMap<>()))
                    .add((Lead) fact);
        } else {
            throw new IllegalStateException(
                    "rule \"" + rule.getRule().getName() + "\": no " + o.kind().key() + " for " + c.type());
        }
    }

    private void followUp(Clause.FollowUp f, FollowUpItem item, Outcome.Kind kind) {
        String team = item.getTeam();
        Status s = kind.status();
        tally.count(team, accountable.accountableFor(f, team, item.getLead()), f, s);
        if (s == Status.MET) return;
        String person = accountable.personOf(team, item.getLead());
        if (s == Status.OPEN || s == Status.AT_RISK) {
            open.add(sentences.open(f, item, person, clocks.of(f, team), asOf, s == Status.AT_RISK));
        } else {
            violations.add(sentences.followUp(f, item, person, clocks.of(f, team)));
        }
    }

    private void target(Clause.Target t, Measurement m, boolean met) {
        String subject = m.getSubject();
        String team = accountable.teamOfTarget(t, subject);
        String person = t.per() == Clause.Per.OWNER ? subject : accountable.personOf(team, null);
        TargetResult r = sentences.target(
                t, subject, team, m.getValue(), measures.get(t.id() + "\u0000" + subject), met, isFinal, elapsed);
        targets.add(r);
        // mid-period a target is no violation: on track counts as open, behind (or a rate missed) as at risk
        Status s = isFinal
                ? (met ? Status.MET : Status.VIOLATED)
                : (r.verdict() == Verdict.AT_RISK ? Status.AT_RISK : Status.OPEN);
        tally.target(team, person, t, s, r.verdict());
        if (s == Status.VIOLATED) violations.add(sentences.targetMissed(t, r, person));
    }

    /** The leads a target's segment rule selected (its {@code where}). */
    List<Lead> members(String clause) {
        return members.getOrDefault(clause, List.of());
    }

    /** A target's measure for one subject, kept for the "actual" text of its result. */
    void measured(String clause, String subject, MetricCalculator.Measure m) {
        measures.put(clause + "\u0000" + subject, m);
    }

    /** Learns each owner's team from lead counts, for {@code per: owner} targets owned by lead.team. */
    void learnOwnerTeams(Map<String, Map<String, Integer>> counts) {
        accountable.learnOwnerTeams(counts);
    }

    // ---- hand-written rules ----

    @Override
    public void violation(RuleContext rule, Lead lead, String expected, String actual, String message) {
        reports.add(new Report(rule.getRule().getName(), lead, false, expected, actual, message));
    }

    @Override
    public void met(RuleContext rule, Lead lead) {
        reports.add(new Report(rule.getRule().getName(), lead, true, null, null, null));
    }

    @Override
    public void dataQuality(RuleContext rule, Lead lead, String field, String actual, String message) {
        Map<String, Object> meta = rule.getRule().getMetaData();
        String id = CompiledRules.dqIdOf(rule.getRule());
        Severity sev = meta.get("severity") == null
                ? Severity.MINOR
                : Severity.of(String.valueOf(meta.get("severity"))).orElse(Severity.MINOR);
        inScope = null;
        findings.add(new Found(
                lead,
                new Finding(
                        id,
                        rule.getRule().getName(),
                        sev,
                        lead.getLeadId(),
                        nz(field),
                        actual == null ? nz(field) : actual,
                        nz(message))));
    }

    // ---- settling ----

    /** Settles what needs the whole firing: handoff leads with missed requirements, hand-written reports. */
    void finish() {
        inScope = null;
        missedRequirements.forEach((h, leads) -> leads.forEach((lead, failed) -> {
            String team = Accountable.teamOf(h, lead);
            tally.count(team, accountable.accountableFor(h, team, lead), h, Status.VIOLATED);
            violations.add(sentences.handoff(h, lead, team, accountable.personOf(team, lead), failed));
        }));
        missedRequirements.clear();
        for (Report r : reports) {
            for (Clause.Rule c : byRule.getOrDefault(r.rule(), List.of())) {
                if (!c.head().where().isEmpty()
                        && !ruleSegments.getOrDefault(c.id(), Set.of()).contains(r.lead())) continue;
                covered.add(r.lead());
                String team = Accountable.teamOf(c, r.lead());
                tally.count(
                        team, accountable.accountableFor(c, team, r.lead()), c, r.met() ? Status.MET : Status.VIOLATED);
                if (!r.met()) {
                    violations.add(sentences.violation(
                            c,
                            team,
                            accountable.personOf(team, r.lead()),
                            r.lead().getLeadId(),
                            nz(r.expected()),
                            nz(r.actual()),
                            null,
                            nz(r.message())));
                }
            }
        }
        reports.clear();
    }

    // ---- chunks ----

    /**
     * Takes in what a chunk of leads decided (its firing over and {@link #finish() settled}): tallies,
     * violations, open items, and its findings in scope (a lead's scope is decided in its own chunk).
     */
    void merge(Decisions chunk) {
        tally.merge(chunk.tally);
        runs.addAll(chunk.violations); // a chunk's targets are measured by the master: it has none
        open.addAll(chunk.open);
        merged.addAll(chunk.findings());
        mergedOutOfScope += chunk.findingsOutOfScope();
        inScope = null;
    }

    // ---- results, in report order ----

    /** Every violation in report order: by the clause's place in the agreement, then within the clause. */
    List<Violation> violations() {
        runs.addAll(violations);
        violations.clear();
        return runs.sorted();
    }

    /** Report order: clauses in agreement order (others last), then {@link #withinClause}. */
    private int compare(Violation x, Violation y) {
        int c = Integer.compare(
                order.getOrDefault(x.clauseId(), Integer.MAX_VALUE),
                order.getOrDefault(y.clauseId(), Integer.MAX_VALUE));
        return c != 0 ? c : withinClause(x, y);
    }

    /** Violations of one clause (or of clauses outside the agreement): clause, team, subject, deadline, message. */
    private static int withinClause(Violation x, Violation y) {
        int c = x.clauseId().compareTo(y.clauseId());
        if (c != 0) return c;
        c = x.team().compareTo(y.team());
        if (c != 0) return c;
        c = x.subject().compareTo(y.subject());
        if (c != 0) return c;
        c = nz(x.deadline()).compareTo(nz(y.deadline()));
        return c != 0 ? c : x.message().compareTo(y.message());
    }

    /**
     * Open items in report order: at risk first, then by the instant of the deadline (not its text: teams'
     * offsets differ), clause and lead.
     */
    List<OpenItem> openItems() {
        List<OpenItem> o = new ArrayList<>(open);
        o.sort(OPEN_ORDER);
        return o;
    }

    private static final Comparator<OpenItem> OPEN_ORDER = Comparator.comparing((OpenItem x) -> !x.atRisk())
            .thenComparingLong(OpenItem::deadlineMillis)
            .thenComparing(OpenItem::clauseId)
            .thenComparing(OpenItem::leadId);

    /**
     * Puts a settled chunk's violations and open items in report order, on the chunk's own thread: merged in
     * chunk order, the whole is then a row of sorted runs, which the final stable sort only merges.
     */
    void sortForMerge() {
        violations.sort(this::compare);
        open.sort(OPEN_ORDER);
    }

    List<TargetResult> targets() {
        List<TargetResult> out = new ArrayList<>(targets);
        out.sort(Comparator.comparingInt((TargetResult x) -> order.get(x.clauseId()))
                .thenComparing(TargetResult::subject));
        return out;
    }

    /** Each team's record; revenue ops owns the findings in scope, by check. */
    List<TeamAccountability> teams() {
        Map<String, Long> byCheck = new TreeMap<>();
        for (Finding f : findings()) byCheck.merge(f.checkId(), 1L, Long::sum);
        tally.findings(Agreement.DATA_QUALITY_TEAM, byCheck);
        return tally.teams(a, isFinal);
    }

    List<PersonAccountability> people() {
        return tally.people(a, isFinal);
    }

    /**
     * Data-quality findings on the leads the agreement covers (some clause decided about them or has no
     * {@code where}), in report order: by check, lead, field and message.
     */
    List<Finding> findings() {
        if (inScope != null) return inScope;
        List<Finding> f = new ArrayList<>(merged);
        for (Found x : findings) if (coversAll || covered.contains(x.lead())) f.add(x.finding());
        f.sort(Comparator.comparing(Finding::checkId)
                .thenComparing(Finding::leadId)
                .thenComparing(Finding::field)
                .thenComparing(Finding::message));
        inScope = List.copyOf(f);
        return inScope;
    }

    /** Data-quality findings on leads no clause covers: counted, not listed. */
    long findingsOutOfScope() {
        return mergedOutOfScope + merged.size() + findings.size() - findings().size();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
