package dev.l2r.verify;

import dev.l2r.compile.CompiledRules;
import dev.l2r.facts.FollowUpItem;
import dev.l2r.facts.Lead;
import dev.l2r.facts.Measurement;
import dev.l2r.facts.SlaSink;
import dev.l2r.model.Agreement;
import dev.l2r.model.Clause;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.Match;
import org.kie.api.runtime.rule.RuleContext;

/**
 * What the rules of one evaluation did: every rule firing with the facts it matched, and every report to
 * the global {@code sla} as (clause, subject, status). {@link RuleVerifier} adds one rule to the generated
 * package, {@link #RULE}, that fires first in each session and calls {@link #attach}: it registers an agenda
 * listener and puts a recording wrapper around the real {@code sla} (the evaluator's decisions), which still
 * receives every call. Outside a verifier run the rule does nothing.
 */
public final class Recording {

    static final String RULE = "l2r-verifier: record rule firings";

    /** The DRL of {@link #RULE}, appended to the agreement's generated rules. */
    static final String DRL = """

            // ---- added by dev.l2r.verify.RuleVerifier (tests only): records what the rules below do
            rule "%s"
                salience 1000000
            when
                PeriodWindow()
            then
                dev.l2r.verify.Recording.attach(kcontext);
            end
            """.formatted(RULE);

    // inherited: the evaluator fires the rules in a thread of its own (the rule guard's)
    private static final InheritableThreadLocal<Recording> CURRENT = new InheritableThreadLocal<>();

    /** One firing: the rule and the ids of the facts it matched (lead id, or a measurement's subject). */
    record Firing(String rule, List<String> facts) {}

    /** One report to sla: met, violated, late, missed, open, at_risk. */
    record Report(String clause, String subject, String status) {}

    /** A hand-written rule's report about a lead, before the segments of the clauses naming it are known. */
    private record HandWritten(String rule, String lead, String status) {}

    private final Agreement agreement;
    final List<Firing> firings = new ArrayList<>();
    private final List<Report> decisions = new ArrayList<>();
    private final List<HandWritten> handWritten = new ArrayList<>();
    private final Set<String> segments = new HashSet<>();
    /** The sessions recorded: each chunk of leads and the targets are checked in a session of their own. */
    private final Set<Object> sessions = Collections.newSetFromMap(new IdentityHashMap<>());

    private volatile boolean attached;

    Recording(Agreement agreement) {
        this.agreement = agreement;
    }

    <T> T during(java.util.function.Supplier<T> run) {
        CURRENT.set(this);
        try {
            T result = run.get();
            if (!attached) throw new AssertionError("the verifier's recording rule did not fire");
            return result;
        } finally {
            CURRENT.remove();
        }
    }

    /** Called by {@link #RULE}. */
    public static void attach(RuleContext kcontext) {
        Recording r = CURRENT.get();
        if (r == null) return;
        KieSession session = (KieSession) kcontext.getKieRuntime();
        synchronized (r) {
            if (!r.sessions.add(session)) return;
            r.attached = true;
        }
        session.addEventListener(new DefaultAgendaEventListener() {
            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                r.fired(event.getMatch());
            }
        });
        session.setGlobal("sla", r.new Sink((SlaSink) session.getGlobal("sla")));
    }

    private synchronized void fired(Match m) {
        String rule = m.getRule().getName();
        if (rule.equals(RULE)) return;
        List<String> ids = new ArrayList<>();
        for (Object o : m.getObjects()) {
            if (o instanceof Lead l) ids.add(l.getLeadId());
            else if (o instanceof FollowUpItem f) ids.add(f.getLead().getLeadId());
            else if (o instanceof Measurement x) ids.add(x.getSubject());
        }
        firings.add(new Firing(rule, ids));
    }

    /** Records each call, then passes it on to the evaluator's own sink. */
    private final class Sink implements SlaSink {

        private final SlaSink real;

        Sink(SlaSink real) {
            this.real = real;
        }

        @Override
        public void decide(RuleContext rule, Object fact) {
            synchronized (Recording.this) {
                Map<String, Object> meta = rule.getRule().getMetaData();
                String clause = String.valueOf(meta.get("clause"));
                String outcome = String.valueOf(meta.get("outcome"));
                String subject = fact instanceof Lead l
                        ? l.getLeadId()
                        : fact instanceof FollowUpItem f ? f.getLead().getLeadId() : ((Measurement) fact).getSubject();
                if (outcome.equals("segment")) segments.add(clause + "\u0000" + subject);
                else decisions.add(new Report(clause, subject, outcome));
            }
            real.decide(rule, fact);
        }

        @Override
        public void violation(RuleContext rule, Lead lead, String expected, String actual, String message) {
            synchronized (Recording.this) {
                handWritten.add(new HandWritten(rule.getRule().getName(), lead.getLeadId(), "violated"));
            }
            real.violation(rule, lead, expected, actual, message);
        }

        @Override
        public void met(RuleContext rule, Lead lead) {
            synchronized (Recording.this) {
                handWritten.add(new HandWritten(rule.getRule().getName(), lead.getLeadId(), "met"));
            }
            real.met(rule, lead);
        }

        @Override
        public void dataQuality(RuleContext rule, Lead lead, String field, String actual, String message) {
            synchronized (Recording.this) {
                decisions.add(new Report(CompiledRules.dqIdOf(rule.getRule()), lead.getLeadId(), "violated"));
            }
            real.dataQuality(rule, lead, field, actual, message);
        }
    }

    /**
     * Every report in firing order, as (clause, subject, status). A handoff lead that misses two
     * requirements is reported once, as violated; a hand-written rule's report counts for each clause naming
     * the rule whose segment holds the lead, as the evaluator settles it.
     */
    List<Report> reports() {
        List<Report> out = new ArrayList<>();
        Set<String> handoffSeen = new HashSet<>();
        for (Report r : decisions) {
            boolean handoff = agreement
                    .clause(r.clause())
                    .map(c -> c instanceof Clause.Handoff)
                    .orElse(false);
            if (handoff && r.status().equals("violated") && !handoffSeen.add(r.clause() + "\u0000" + r.subject()))
                continue;
            out.add(r);
        }
        for (HandWritten h : handWritten) {
            for (Clause c : agreement.clauses()) {
                if (c instanceof Clause.Rule r
                        && r.rule().equals(h.rule())
                        && (r.head().where().isEmpty() || segments.contains(r.id() + "\u0000" + h.lead()))) {
                    out.add(new Report(r.id(), h.lead(), h.status()));
                }
            }
        }
        return out;
    }

    /** Statuses reported for one clause, by subject, in report order (a subject reported twice shows twice). */
    Map<String, List<String>> statuses(String clause) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Report r : reports()) {
            if (r.clause().equals(clause))
                out.computeIfAbsent(r.status(), k -> new ArrayList<>()).add(r.subject());
        }
        return out;
    }
}
