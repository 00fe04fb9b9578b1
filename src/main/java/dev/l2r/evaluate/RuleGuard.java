package dev.l2r.evaluate;

import dev.l2r.InputError;
import dev.l2r.compile.CompiledRules;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.KieSession;

/**
 * Keeps one check's rules within its {@link Limits}: counts firings per rule and facts inserted by rules,
 * fires in bounded steps, and runs the session's work in a thread of its own that a watchdog ends at the
 * time limit. A limit reached is bad rules input (exit 2) naming the rule to blame and its file and line.
 */
final class RuleGuard extends DefaultAgendaEventListener implements RuleRuntimeEventListener {

    /** How long a halted session may take to return before its thread is stopped. */
    private static final long GRACE_MILLIS = 500;

    private final CompiledRules rules;
    private final Limits limits;
    private final KieSession session;
    private final Map<Rule, long[]> firedBy = new HashMap<>();
    private final Map<Rule, long[]> insertedBy = new HashMap<>();
    private long fired;
    private long factsByL2r;
    private long factsByRules;
    private volatile boolean timedOut;

    RuleGuard(CompiledRules rules, Limits limits, KieSession session) {
        this.rules = rules;
        this.limits = limits;
        this.session = session;
        session.addEventListener((AgendaEventListener) this);
        session.addEventListener((RuleRuntimeEventListener) this);
    }

    /** A limit reached inside the session; thrown through Drools and turned into an InputError by {@link #run}. */
    static final class LimitReached extends RuntimeException {
        LimitReached(String message) {
            super(message, null, false, false);
        }
    }

    /** The rule that fired last and its counter: firings come in runs of one rule, so most skip the map. */
    private Rule lastRule;

    private long[] lastCount;

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
        Rule r = event.getMatch().getRule();
        if (r != lastRule) {
            lastCount = firedBy.computeIfAbsent(r, k -> new long[1]);
            lastRule = r;
        }
        lastCount[0]++;
        fired++;
    }

    @Override
    public void objectInserted(ObjectInsertedEvent event) {
        Rule r = event.getRule();
        if (r == null) {
            factsByL2r++;
            return;
        }
        insertedBy.computeIfAbsent(r, k -> new long[1])[0]++;
        if (++factsByRules > limits.inserts(factsByL2r)) {
            // thrown inside the consequence that inserts, so that even one firing that inserts in a loop ends
            throw new LimitReached(blame(r) + "stopped after rules inserted " + n(factsByRules) + " facts, "
                    + n(insertedBy.get(r)[0])
                    + " of them by this rule (rules may insert " + n(Limits.BASE_INSERTS)
                    + " plus one per fact l2r inserts);"
                    + " a rule that inserts a fact it matches itself never ends");
        }
    }

    @Override
    public void objectUpdated(ObjectUpdatedEvent event) {}

    @Override
    public void objectDeleted(ObjectDeletedEvent event) {}

    /** Firings and facts so far, for progress and benchmarks. */
    String counts() {
        return n(fired) + " firings for " + n(factsByL2r) + " facts"
                + (factsByRules == 0 ? "" : " and " + n(factsByRules) + " inserted by rules");
    }

    /** Fires the agenda, at most up to the firing limit of the whole check. */
    void fire() {
        long max = limits.firings(factsByL2r);
        while (true) {
            long ask = Math.min(max - fired + 1, Integer.MAX_VALUE);
            int n = ask <= 0 ? 0 : session.fireAllRules((int) ask);
            if (timedOut) throw new LimitReached("timed out");
            if (fired > max) {
                Map.Entry<Rule, long[]> top = mostFired();
                if (top == null) {
                    throw new LimitReached("rules: stopped after " + n(fired) + " firings (--max-firings " + n(max)
                            + ") by the" + " generated rules alone; raise --max-firings for data this large");
                }
                throw new LimitReached(blame(top.getKey()) + "stopped after " + n(fired) + " firings (--max-firings "
                        + (limits.maxFirings() == null
                                ? "default " + n(max) + ": " + n(Limits.BASE_FIRINGS) + " + " + Limits.FIRINGS_PER_FACT
                                        + " per fact"
                                : n(max))
                        + "), " + n(top.getValue()[0]) + " of them by this rule;"
                        + " a rule that modifies a fact it matches needs no-loop or a guard");
            }
            if (n < ask) return;
        }
    }

    /**
     * Runs {@code work} (inserting and firing) in a thread of its own and waits at most the time limit. At
     * the limit the session is halted; a thread that does not return (an eval or function that loops inside
     * one evaluation, which halt cannot reach) is stopped, and the run ends either way.
     */
    void run(Runnable work) {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread worker = new Thread(
                () -> {
                    try {
                        work.run();
                    } catch (Throwable t) {
                        failure.set(t);
                    }
                },
                "l2r-rules");
        worker.setDaemon(true);
        long startNanos = System.nanoTime();
        worker.start();
        long deadline = startNanos + limits.timeout().toNanos();
        try {
            while (worker.isAlive() && System.nanoTime() < deadline) {
                worker.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (worker.isAlive()) throw timeout(worker);
        Throwable t = failure.get();
        if (t == null) return;
        if (t instanceof Error err) throw err;
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof LimitReached l) throw new InputError(l.getMessage());
        }
        if (t instanceof InputError ie) throw ie;
        RuntimeException re = t instanceof RuntimeException r ? r : new IllegalStateException(t);
        throw rules.failure(re);
    }

    @SuppressWarnings({"deprecation", "removal"})
    private InputError timeout(Thread worker) {
        // What is running now: a hand-written rule or function on the stack, else the rule that fired most.
        String running = rules.blame(worker.getStackTrace());
        timedOut = true;
        session.halt();
        join(worker, GRACE_MILLIS);
        if (worker.isAlive()) {
            worker.interrupt();
            try {
                worker.stop(); // the only way to end a loop in user code; the session is abandoned, never reused
            } catch (UnsupportedOperationException e) {
                // Java 20+: the thread is a daemon and the process exits with the error below
            }
            join(worker, GRACE_MILLIS);
        }
        String limit = Limits.format(limits.timeout());
        if (running != null) {
            return new InputError(running + "still running after " + limit + " (--timeout " + limit
                    + "); a condition, eval," + " function or consequence that loops without end must be fixed");
        }
        Map.Entry<Rule, long[]> top = worker.isAlive() ? null : mostFired();
        // A rule that fired more often than there are facts fires again on what it fired on: that is the loop.
        // Otherwise the data may just be large for the time allowed.
        if (top != null && top.getValue()[0] > factsByL2r + factsByRules) {
            return new InputError(
                    blame(top.getKey()) + "stopped after " + limit + " (--timeout " + limit + ") and " + n(fired)
                            + " firings, " + n(top.getValue()[0])
                            + " of them by this rule; a rule that modifies a fact it matches needs"
                            + " no-loop or a guard");
        }
        return new InputError("rules: still running after " + limit + " (--timeout " + limit + ") and " + n(fired)
                + " firings," + " no hand-written rule looping; give data this large a longer --timeout");
    }

    private static void join(Thread t, long millis) {
        try {
            t.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The hand-written rule that fired most (ties: the first by package and name), or null when none fired.
     * Generated rules never modify facts, so they fire at most once per match and are not the ones to blame.
     */
    private Map.Entry<Rule, long[]> mostFired() {
        List<Map.Entry<Rule, long[]>> all = new ArrayList<>(firedBy.entrySet());
        all.removeIf(e -> rules.blame(e.getKey()) == null);
        all.sort((x, y) -> {
            int c = Long.compare(y.getValue()[0], x.getValue()[0]);
            if (c != 0) return c;
            c = x.getKey().getPackageName().compareTo(y.getKey().getPackageName());
            return c != 0 ? c : x.getKey().getName().compareTo(y.getKey().getName());
        });
        return all.isEmpty() ? null : all.get(0);
    }

    private String blame(Rule r) {
        String where = rules.blame(r);
        return where != null ? where : "l2r: generated rule \"" + r.getName() + "\": ";
    }

    private static String n(long v) {
        return String.format(Locale.ROOT, "%,d", v);
    }
}
