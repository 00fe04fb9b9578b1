package dev.l2r.evaluate;

import dev.l2r.Progress;
import dev.l2r.calendar.FollowUpClock;
import dev.l2r.compile.CompiledRules;
import dev.l2r.compile.DrlGenerator;
import dev.l2r.facts.FollowUpItem;
import dev.l2r.facts.Lead;
import dev.l2r.facts.Measurement;
import dev.l2r.facts.PeriodWindow;
import dev.l2r.ingest.Dataset;
import dev.l2r.model.Agreement;
import dev.l2r.model.Clause;
import dev.l2r.model.Period;
import dev.l2r.model.Stage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import org.kie.api.runtime.KieSession;

/**
 * Checks one period: builds the facts (leads as they stood at as-of, one clock per follow-up item), fires
 * the compiled rules, measures the targets' segments, and fires again for the targets' bounds.
 */
public final class Evaluator {

    private Evaluator() {}

    public static Evaluation run(
            Agreement a,
            CompiledRules rules,
            Dataset data,
            Period period,
            Instant asOfInstant,
            Limits limits,
            Progress progress) {
        long start = period.startIn(a.zone()).toInstant().toEpochMilli();
        long end = period.endIn(a.zone()).toInstant().toEpochMilli();
        long asOf = asOfInstant == null ? end : asOfInstant.toEpochMilli();
        PeriodWindow window = new PeriodWindow(period.label(), start, end, asOf, a.zone());

        List<Lead> seen = new ArrayList<>(data.leads().size());
        long notYet = 0;
        for (Lead l : data.leads()) {
            Lead s = l.seenAt(asOf);
            if (s == null) notYet++;
            else seen.add(s);
        }

        progress.step("leads seen at as-of: " + seen.size());
        Clocks clocks = new Clocks(a);
        boolean isFinal = asOf >= end;
        double elapsed = Pacing.elapsed(a, start, end, asOf);
        Decisions decisions = new Decisions(a, period.label(), asOf, isFinal, elapsed, clocks);
        KieSession session = rules.kieBase().newKieSession();
        RuleGuard guard = new RuleGuard(rules, limits, session);
        boolean done = false;
        try {
            guard.run(() -> evaluate(a, data, window, seen, clocks, decisions, session, guard, progress));
            done = true;
        } finally {
            if (done) session.dispose(); // a session stopped at a limit may still be in use by its thread: abandoned
        }
        return new Evaluation(
                period.label(),
                HumanFormat.iso(asOf, a.zone()),
                decisions.violations(),
                decisions.teams(),
                decisions.targets(),
                decisions.openItems(),
                seen.size(),
                notYet,
                decisions.findings(),
                decisions.findingsOutOfScope(),
                decisions.people(),
                isFinal,
                elapsed);
    }

    /** Inserts the facts and fires, in the guard's thread; exceptions are mapped by the guard. */
    private static void evaluate(
            Agreement a,
            Dataset data,
            PeriodWindow window,
            List<Lead> seen,
            Clocks clocks,
            Decisions decisions,
            KieSession session,
            RuleGuard guard,
            Progress progress) {
        session.setGlobal("sla", decisions);
        session.insert(window);
        DrlGenerator.valueSets(a).forEach(session::insert); // long in/not-in lists, looked up by key
        progress.step(
                "checking " + seen.size() + " leads against " + a.clauses().size() + " clauses");
        for (Lead l : seen) session.insert(l);
        for (Clause c : a.clauses()) {
            if (c instanceof Clause.FollowUp f) {
                for (Lead l : seen) {
                    FollowUpItem item = item(f, l, window, clocks);
                    if (item != null) session.insert(item);
                }
            }
        }
        progress.step("inserted; firing lead rules");
        guard.fire();
        progress.step("lead rules fired: " + guard.counts() + "; measuring targets");

        if (a.clauses().stream().anyMatch(c -> c instanceof Clause.Target t && t.per() == Clause.Per.OWNER)) {
            decisions.learnOwnerTeams(seen);
        }
        for (Clause c : a.clauses()) {
            if (c instanceof Clause.Target t) {
                List<Lead> segment = t.head().where().isEmpty() ? seen : decisions.members(t.id());
                for (Map.Entry<String, List<Lead>> e :
                        subjects(t, seen, segment).entrySet()) {
                    String metricsTeam = t.per() == Clause.Per.TEAM ? e.getKey() : "";
                    Optional<MetricCalculator.Measure> m =
                            MetricCalculator.measure(t.metric(), e.getValue(), window, data.metrics(), metricsTeam);
                    if (m.isPresent()) {
                        decisions.measured(t.id(), e.getKey(), m.get());
                        session.insert(
                                new Measurement(t.id(), e.getKey(), m.get().value()));
                    }
                }
            }
        }
        guard.fire();
        decisions.finish();
        progress.step("targets fired: " + guard.counts());
    }

    /** The clock of a follow-up clause for one lead, or null when its {@code from} is not in the period. */
    static FollowUpItem item(Clause.FollowUp f, Lead l, PeriodWindow w, Clocks clocks) {
        Long from = Stages.at(l, f.from());
        if (!w.contains(from)) return null;
        String team = Accountable.teamOf(f, l);
        FollowUpClock clock = clocks.of(f, team);
        long deadline = clock.deadline(from);
        Long stop = null;
        for (Stage s : f.to()) {
            Long t = Stages.at(l, s);
            if (t != null && (stop == null || t < stop)) stop = t;
        }
        long riskAt = f.warnAt() == null ? Long.MAX_VALUE : clock.reaches(from, deadline, f.warnAt());
        return new FollowUpItem(f.id(), l, team, from, deadline, stop, riskAt, w.getAsOf());
    }

    /**
     * The subjects a target measures: "all", or each team (or owner) named on a lead of the data, with that
     * subject's part of the segment.
     */
    private static Map<String, List<Lead>> subjects(Clause.Target t, List<Lead> all, List<Lead> segment) {
        Map<String, List<Lead>> out = new LinkedHashMap<>();
        if (!t.perSubject()) {
            out.put("all", segment);
            return out;
        }
        Function<Lead, String> key = t.per() == Clause.Per.TEAM ? Lead::getTeam : Lead::getOwner;
        TreeSet<String> names = new TreeSet<>();
        for (Lead l : all) if (key.apply(l) != null) names.add(key.apply(l));
        Map<String, List<Lead>> by = new HashMap<>();
        for (Lead l : segment)
            if (key.apply(l) != null)
                by.computeIfAbsent(key.apply(l), k -> new ArrayList<>()).add(l);
        for (String name : names) out.put(name, by.getOrDefault(name, List.of()));
        return out;
    }
}
