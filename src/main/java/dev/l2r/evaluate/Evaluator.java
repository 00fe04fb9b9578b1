package dev.l2r.evaluate;

import dev.l2r.Progress;
import dev.l2r.calendar.FollowUpClock;
import dev.l2r.compile.CompiledRules;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.kie.api.runtime.KieSession;

/**
 * Checks one period: builds the facts (leads as they stood at as-of, one clock per follow-up item), fires
 * the compiled rules, measures the targets' segments, and fires again for the targets' bounds.
 */
public final class Evaluator {

    private Evaluator() {}

    public static Evaluation run(Agreement a, CompiledRules rules, Dataset data, Period period, Instant asOfInstant,
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
        Verdicts verdicts = new Verdicts(a, period.label(), asOf, clocks);
        KieSession session = rules.kieBase().newKieSession();
        try {
            session.setGlobal("sla", verdicts);
            session.insert(window);
            dev.l2r.compile.DrlGenerator.valueSets(a).forEach(session::insert); // long in/not-in lists, looked up by key
            progress.step("checking " + seen.size() + " leads against " + a.clauses().size() + " clauses");
            insertAll(session, rules, seen);
            for (Clause c : a.clauses()) {
                if (c instanceof Clause.FollowUp f) {
                    for (Lead l : seen) {
                        FollowUpItem item = item(f, l, window, clocks);
                        if (item != null) insertAll(session, rules, List.of(item));
                    }
                }
            }
            progress.step("inserted; firing lead rules");
            fire(session, rules);
            progress.step("lead rules fired; measuring targets");

            if (a.clauses().stream().anyMatch(c -> c instanceof Clause.Target t && t.per() == Clause.Per.OWNER)) {
                verdicts.ownerTeams(ownerTeams(seen));
            }
            for (Clause c : a.clauses()) {
                if (c instanceof Clause.Target t) {
                    List<Lead> segment = t.head().where().isEmpty() ? seen : verdicts.members(t.id());
                    for (Map.Entry<String, List<Lead>> e : subjects(t, seen, segment).entrySet()) {
                        String metricsTeam = t.per() == Clause.Per.TEAM ? e.getKey() : "";
                        Optional<MetricCalculator.Measure> m = MetricCalculator.measure(t.metric(), e.getValue(), window,
                                data.metrics(), metricsTeam);
                        if (m.isPresent()) {
                            verdicts.measured(t.id(), e.getKey(), m.get());
                            session.insert(new Measurement(t.id(), e.getKey(), m.get().value()));
                        }
                    }
                }
            }
            fire(session, rules);
            progress.step("targets fired");
        } finally {
            session.dispose();
        }
        return new Evaluation(period.label(), Fmt.iso(asOf, a.zone()), verdicts.violations(), verdicts.teams(), verdicts.targets(),
                verdicts.openItems(), seen.size(), notYet);
    }

    private static void insertAll(KieSession session, CompiledRules rules, List<?> facts) {
        try {
            for (Object f : facts) session.insert(f);
        } catch (RuntimeException e) {
            throw rules.failure(e);
        }
    }

    private static void fire(KieSession session, CompiledRules rules) {
        try {
            session.fireAllRules();
        } catch (RuntimeException e) {
            throw rules.failure(e);
        }
    }

    /** The clock of a follow-up clause for one lead, or null when its {@code from} is not in the period. */
    static FollowUpItem item(Clause.FollowUp f, Lead l, PeriodWindow w, Clocks clocks) {
        Long from = Stages.at(l, f.from());
        if (!w.contains(from)) return null;
        String team = Verdicts.teamOf(f, l);
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
        Map<String, List<Lead>> out = new java.util.LinkedHashMap<>();
        if (!t.perSubject()) {
            out.put("all", segment);
            return out;
        }
        java.util.function.Function<Lead, String> key = t.per() == Clause.Per.TEAM ? Lead::getTeam : Lead::getOwner;
        TreeSet<String> names = new TreeSet<>();
        for (Lead l : all) if (key.apply(l) != null) names.add(key.apply(l));
        Map<String, List<Lead>> by = new HashMap<>();
        for (Lead l : segment) if (key.apply(l) != null) by.computeIfAbsent(key.apply(l), k -> new ArrayList<>()).add(l);
        for (String name : names) out.put(name, by.getOrDefault(name, List.of()));
        return out;
    }

    /** Each owner's team: the team named on most of their leads (ties: the first by name). */
    static Map<String, String> ownerTeams(List<Lead> leads) {
        Map<String, Map<String, Integer>> counts = new HashMap<>();
        for (Lead l : leads) {
            if (l.getOwner() == null) continue;
            counts.computeIfAbsent(l.getOwner(), k -> new java.util.TreeMap<>())
                    .merge(l.getTeam() == null ? Verdicts.UNASSIGNED : l.getTeam(), 1, Integer::sum);
        }
        Map<String, String> out = new HashMap<>();
        counts.forEach((owner, teams) -> {
            String best = null;
            for (Map.Entry<String, Integer> e : teams.entrySet()) { // sorted by name: the first of a tie wins
                if (best == null || e.getValue() > teams.get(best)) best = e.getKey();
            }
            out.put(owner, best);
        });
        return out;
    }
}
