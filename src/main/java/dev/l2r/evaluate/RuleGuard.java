package dev.l2r.evaluate;

import dev.l2r.InputError;
import dev.l2r.compile.CompiledRules;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
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
 * Keeps one check's rules within its {@link Limits}, over every session of the check (one per chunk of
 * leads, and one for the targets): counts firings per rule and facts inserted by rules, fires in bounded
 * steps, and runs the sessions' work in threads of its own ({@link #threads()}) that the waiting thread ends
 * at the time limit ({@link #await}). A limit reached is bad rules input (exit 2) naming the rule to blame
 * and its file and line.
 */
final class RuleGuard {

    /** How long a halted session may take to return before its thread is stopped. */
    private static final long GRACE_MILLIS = 500;

    private final CompiledRules rules;
    private final Limits limits;
    /** Firings per rule of the sessions closed so far (a live session keeps its own until it closes). */
    private final Map<Rule, long[]> firedBy = new HashMap<>();

    private final AtomicLong fired = new AtomicLong();
    private final AtomicLong factsByL2r = new AtomicLong();
    private final AtomicLong factsByRules = new AtomicLong();
    private final Set<Watch> live = ConcurrentHashMap.newKeySet();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private final long deadlineNanos;
    private volatile boolean timedOut;

    RuleGuard(CompiledRules rules, Limits limits) {
        this.rules = rules;
        this.limits = limits;
        this.deadlineNanos = System.nanoTime() + limits.timeout().toNanos();
    }

    /** A limit reached inside the session; thrown through Drools and turned into an InputError by {@link #await}. */
    static final class LimitReached extends RuntimeException {
        LimitReached(String message) {
            super(message, null, false, false);
        }
    }

    /** Threads for the sessions' work: daemons, known to the guard so that a timeout can end them. */
    ThreadFactory threads() {
        AtomicInteger n = new AtomicInteger();
        return work -> {
            Thread t = new Thread(work, "l2r-rules-" + n.incrementAndGet());
            t.setDaemon(true);
            threads.add(t);
            return t;
        };
    }

    /** Watches one session: counts its firings and inserts, and fires it within the limits. */
    Watch watch(KieSession session) {
        Watch w = new Watch(session);
        live.add(w);
        return w;
    }

    /** One session under the guard; used by one thread at a time. */
    final class Watch extends DefaultAgendaEventListener implements RuleRuntimeEventListener {
        private final KieSession session;
        private final Map<Rule, long[]> firedBy = new HashMap<>();
        private final Map<Rule, long[]> insertedBy = new HashMap<>();
        /** Firings and facts inserted by l2r not yet added to the check's counts. */
        private long unflushedFirings;

        private long unflushedFacts;
        /** The rule that fired last and its counter: firings come in runs of one rule, so most skip the map. */
        private Rule lastRule;

        private long[] lastCount;

        private Watch(KieSession session) {
            this.session = session;
            session.addEventListener((AgendaEventListener) this);
            session.addEventListener((RuleRuntimeEventListener) this);
        }

        KieSession session() {
            return session;
        }

        @Override
        public void afterMatchFired(AfterMatchFiredEvent event) {
            Rule r = event.getMatch().getRule();
            if (r != lastRule) {
                lastCount = firedBy.computeIfAbsent(r, k -> new long[1]);
                lastRule = r;
            }
            lastCount[0]++;
            unflushedFirings++;
        }

        @Override
        public void objectInserted(ObjectInsertedEvent event) {
            Rule r = event.getRule();
            if (r == null) {
                unflushedFacts++;
                return;
            }
            insertedBy.computeIfAbsent(r, k -> new long[1])[0]++;
            long byRules = factsByRules.incrementAndGet();
            if (byRules > limits.inserts(factsByL2r.get() + unflushedFacts)) {
                // thrown inside the consequence that inserts, so that even one firing that inserts in a loop ends
                throw new LimitReached(blame(r) + "stopped after rules inserted " + n(byRules) + " facts, "
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

        /** Fires the agenda, at most up to the firing limit of the whole check. */
        void fire() {
            factsByL2r.addAndGet(unflushedFacts);
            unflushedFacts = 0;
            while (true) {
                long max = limits.firings(factsByL2r.get());
                long before = fired.get();
                long ask = Math.min(max - before + 1, Integer.MAX_VALUE);
                int got = ask <= 0 ? 0 : session.fireAllRules((int) ask);
                long now = fired.addAndGet(unflushedFirings);
                unflushedFirings = 0;
                if (timedOut) throw new LimitReached("timed out");
                if (now > max) {
                    Map.Entry<Rule, long[]> top = mostFired(this);
                    if (top == null) {
                        throw new LimitReached("rules: stopped after " + n(now) + " firings (--max-firings " + n(max)
                                + ") by the" + " generated rules alone; raise --max-firings for data this large");
                    }
                    throw new LimitReached(blame(top.getKey()) + "stopped after " + n(now) + " firings (--max-firings "
                            + (limits.maxFirings() == null
                                    ? "default " + n(max) + ": " + n(Limits.BASE_FIRINGS) + " + "
                                            + Limits.FIRINGS_PER_FACT + " per fact"
                                    : n(max))
                            + "), " + n(top.getValue()[0]) + " of them by this rule;"
                            + " a rule that modifies a fact it matches needs no-loop or a guard");
                }
                if (got < ask) return;
            }
        }

        /** Ends the session: its counts join the check's, and it is disposed unless {@code keep}. */
        void close(boolean keep) {
            live.remove(this);
            synchronized (RuleGuard.this) {
                firedBy.forEach((r, c) -> RuleGuard.this.firedBy.computeIfAbsent(r, k -> new long[1])[0] += c[0]);
            }
            firedBy.clear();
            lastRule = null;
            if (!keep) session.dispose();
        }
    }

    /** Firings and facts so far, for progress and benchmarks. */
    String counts() {
        long byRules = factsByRules.get();
        return n(fired.get()) + " firings for " + n(factsByL2r.get()) + " facts"
                + (byRules == 0 ? "" : " and " + n(byRules) + " inserted by rules");
    }

    /**
     * The result of work running in one of the guard's threads, waited for at most until the time limit of
     * the check. At the limit the sessions are halted; a thread that does not return (an eval or function
     * that loops inside one evaluation, which halt cannot reach) is stopped, and the run ends either way.
     * What the work threw is mapped as the rules' failure: a limit reached or bad rules input is an
     * {@link InputError} naming the rule.
     */
    <T> T await(Future<T> work) {
        long left = deadlineNanos - System.nanoTime();
        try {
            return work.get(Math.max(0, left), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw timeout();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the rules ran", e);
        } catch (ExecutionException e) {
            throw failure(e.getCause());
        }
    }

    /** What a session's work threw, as the check reports it. */
    RuntimeException failure(Throwable t) {
        if (t instanceof Error err) throw err;
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof LimitReached l) return new InputError(l.getMessage());
        }
        if (t instanceof InputError ie) return ie;
        RuntimeException re = t instanceof RuntimeException r ? r : new IllegalStateException(t);
        return rules.failure(re);
    }

    @SuppressWarnings({"deprecation", "removal"})
    private InputError timeout() {
        // What is running now: a hand-written rule or function on the stack, else the rule that fired most.
        String running = null;
        for (Thread t : threads) {
            if (running == null && t.isAlive()) running = rules.blame(t.getStackTrace());
        }
        timedOut = true;
        for (Watch w : live) w.session.halt();
        boolean alive = false;
        for (Thread t : threads) {
            join(t, GRACE_MILLIS);
            if (t.isAlive() && isBusy(t)) {
                t.interrupt();
                try {
                    t.stop(); // the only way to end a loop in user code; the session is abandoned, never reused
                } catch (UnsupportedOperationException e) {
                    // Java 20+: the thread is a daemon and the process exits with the error below
                }
                join(t, GRACE_MILLIS);
                alive |= t.isAlive() && isBusy(t);
            }
        }
        String limit = Limits.format(limits.timeout());
        long firings = fired.get();
        if (!alive) for (Watch w : live) firings += w.unflushedFirings;
        if (running != null) {
            return new InputError(running + "still running after " + limit + " (--timeout " + limit
                    + "); a condition, eval," + " function or consequence that loops without end must be fixed");
        }
        Map.Entry<Rule, long[]> top = alive ? null : mostFired(null);
        // A rule that fired more often than there are facts fires again on what it fired on: that is the loop.
        // Otherwise the data may just be large for the time allowed.
        if (top != null && top.getValue()[0] > factsByL2r.get() + factsByRules.get()) {
            return new InputError(
                    blame(top.getKey()) + "stopped after " + limit + " (--timeout " + limit + ") and " + n(firings)
                            + " firings, " + n(top.getValue()[0])
                            + " of them by this rule; a rule that modifies a fact it matches needs"
                            + " no-loop or a guard");
        }
        return new InputError("rules: still running after " + limit + " (--timeout " + limit + ") and " + n(firings)
                + " firings," + " no hand-written rule looping; give data this large a longer --timeout");
    }

    /** A pool thread that is not parked waiting for work. */
    private static boolean isBusy(Thread t) {
        return t.getState() != Thread.State.WAITING && t.getState() != Thread.State.TIMED_WAITING;
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
    private synchronized Map.Entry<Rule, long[]> mostFired(Watch current) {
        Map<Rule, long[]> counts = new HashMap<>();
        firedBy.forEach((r, c) -> counts.put(r, c.clone()));
        // the sessions still open: the one asking, and (after a timeout, their threads ended) all
        for (Watch w : current != null ? Set.of(current) : live) {
            w.firedBy.forEach((r, c) -> counts.computeIfAbsent(r, k -> new long[1])[0] += c[0]);
        }
        List<Map.Entry<Rule, long[]>> all = new ArrayList<>(counts.entrySet());
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
