package dev.l2r.evaluate;

import dev.l2r.calendar.FollowUpClock;
import dev.l2r.compile.CompiledRules;
import dev.l2r.compile.DrlGenerator;
import dev.l2r.facts.FollowUpItem;
import dev.l2r.facts.Lead;
import dev.l2r.facts.PeriodWindow;
import dev.l2r.facts.SlaSink;
import dev.l2r.model.Agreement;
import dev.l2r.model.Clause;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;

/**
 * What the compiled rules decide about one lead, for {@code l2r explain}: the same facts {@link Evaluator}
 * inserts for that lead (the lead as it stood at as-of and one clock per follow-up clause), fired in a
 * session of their own, with every generated rule's decision kept as its metadata names it. The rules
 * decide here exactly as in a check, so an explanation cannot disagree with {@code l2r check}.
 */
public final class LeadDecisions {

    /**
     * One decision of a generated rule about the lead.
     *
     * @param outcome met, late, missed, open, at_risk, violated or segment
     * @param requirement the handoff requirement a violated rule checks, counted from 1; 0 otherwise
     */
    public record Decided(String clauseId, String outcome, int requirement) {}

    private final Agreement a;
    private final CompiledRules rules;
    private final PeriodWindow window;
    private final Clocks clocks;
    /** The probe rules, built when first needed. */
    private KieBase probes;

    public LeadDecisions(Agreement a, CompiledRules rules, PeriodWindow window) {
        this.a = a;
        this.rules = rules;
        this.window = window;
        this.clocks = new Clocks(a);
    }

    /** The follow-up clock of a clause for a lead, or null when its {@code from} is not in the period. */
    public FollowUpItem item(Clause.FollowUp f, Lead seen) {
        return Evaluator.item(f, seen, window, clocks);
    }

    /** The clock a follow-up clause runs on for a team (its zone, hours and holidays). */
    public FollowUpClock clock(Clause.FollowUp f, String team) {
        return clocks.of(f, team);
    }

    /** The accountable team of a clause for a lead: the clause owner, or the lead's own team. */
    public static String teamOf(Clause c, Lead lead) {
        return Accountable.teamOf(c, lead);
    }

    /**
     * The {@code where} conditions that hold for one lead, as {@code clauseId#n} (n counted from 1), decided
     * by the probe rules ({@link DrlGenerator#probes}): the same constraints the clause rules use.
     */
    public Set<String> holdingConditions(Lead seen) {
        if (probes == null) probes = CompiledRules.probes(a);
        Set<String> out = new HashSet<>();
        KieSession session = probes.newKieSession();
        try {
            session.setGlobal("sla", SlaSink.decisionsOnly((rule, fact) -> {
                Map<String, Object> meta = rule.getRule().getMetaData();
                out.add(meta.get("clause") + "#" + meta.get("condition"));
            }));
            DrlGenerator.valueSets(a).forEach(session::insert);
            session.insert(seen);
            session.fireAllRules();
        } finally {
            session.dispose();
        }
        return out;
    }

    /** Fires the rules for one lead (as it stood at as-of) and returns their decisions in firing order. */
    public List<Decided> decide(Lead seen) {
        Map<String, Clause> byId = new HashMap<>();
        for (Clause c : a.clauses()) byId.put(c.id(), c);
        List<Decided> out = new ArrayList<>();
        KieSession session = rules.kieBase().newKieSession();
        try {
            session.setGlobal("sla", SlaSink.decisionsOnly((rule, fact) -> {
                Outcome.of(rule.getRule().getMetaData(), byId)
                        .ifPresent(o ->
                                out.add(new Decided(o.clause().id(), o.kind().key(), o.requirement())));
            }));
            session.insert(window);
            DrlGenerator.valueSets(a).forEach(session::insert);
            session.insert(seen);
            for (Clause c : a.clauses()) {
                if (c instanceof Clause.FollowUp f) {
                    FollowUpItem item = item(f, seen);
                    if (item != null) session.insert(item);
                }
            }
            session.fireAllRules();
        } finally {
            session.dispose();
        }
        return out;
    }
}
