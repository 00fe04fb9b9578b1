package dev.l2r.evaluate;

import dev.l2r.Progress;
import dev.l2r.calendar.FollowUpClock;
import dev.l2r.compile.CompiledRules;
import dev.l2r.compile.DrlGenerator;
import dev.l2r.compile.RuleShapes;
import dev.l2r.facts.FollowUpItem;
import dev.l2r.facts.Lead;
import dev.l2r.facts.Measurement;
import dev.l2r.facts.PeriodWindow;
import dev.l2r.facts.ValueSet;
import dev.l2r.ingest.Dataset;
import dev.l2r.ingest.LeadSource;
import dev.l2r.ingest.MetricsTable;
import dev.l2r.model.Agreement;
import dev.l2r.model.Clause;
import dev.l2r.model.Period;
import dev.l2r.model.Stage;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.Supplier;
import org.kie.api.runtime.KieSession;

/**
 * Checks one period: builds the facts (leads as they stood at as-of, one clock per follow-up item), fires
 * the compiled rules, measures the targets' segments, and fires again for the targets' bounds.
 *
 * <p>Leads are checked in chunks as they are read, each chunk in a session of its own on one of the
 * worker threads, and what a chunk decided is merged in chunk order: memory holds a few chunks of leads,
 * the decisions and the targets' aggregates, never all leads. Chunks give the same outcome as one session
 * because each rule then matches at most one lead ({@link RuleShapes#leadLocal}); when a hand-written rule
 * joins leads, all leads are checked in one session. Every result is put in report order at the end, so
 * the chunk size and the number of workers never change the outputs.
 */
public final class Evaluator {

    /** Leads per chunk: large enough that a session's set-up is noise, small enough to keep memory flat. */
    static final int CHUNK = Integer.getInteger("l2r.chunk", 16_384);

    /** Threads checking chunks (two on this project's 2-core machines; more gave nothing measurable). */
    static final int WORKERS = Integer.getInteger(
            "l2r.workers", Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors())));

    /** Leads read ahead while the rules are still being built, before the reading waits. */
    private static final long READ_AHEAD_LEADS =
            Math.max(CHUNK, Runtime.getRuntime().maxMemory() / 8 / 512);

    private Evaluator() {}

    /** Checks leads already read. */
    public static Evaluation run(
            Agreement a,
            CompiledRules rules,
            Dataset data,
            Period period,
            Instant asOfInstant,
            Limits limits,
            Progress progress) {
        return run(
                a,
                CompletableFuture.completedFuture(rules),
                data.leads()::forEach,
                data::metrics,
                period,
                asOfInstant,
                limits,
                progress);
    }

    /**
     * Checks leads as {@code leads} hands them over, while {@code rules} may still be being built: what the
     * build threw is thrown as it was thrown there. {@code metrics} is asked for once every lead was read.
     */
    public static Evaluation run(
            Agreement a,
            Future<CompiledRules> rules,
            LeadSource leads,
            Supplier<MetricsTable> metrics,
            Period period,
            Instant asOfInstant,
            Limits limits,
            Progress progress) {
        return run(
                a,
                rules,
                leads,
                metrics,
                period,
                asOfInstant,
                limits,
                progress,
                CHUNK,
                WORKERS,
                ViolationRuns.RUN_SIZE);
    }

    /**
     * As {@link #run(Agreement, Future, LeadSource, Supplier, Period, Instant, Limits, Progress)}, in chunks
     * of {@code chunk} leads on {@code workers} threads, with at most {@code violationRun} violations in memory
     * (for tests: the outcome depends on none of them).
     */
    static Evaluation run(
            Agreement a,
            Future<CompiledRules> rules,
            LeadSource leads,
            Supplier<MetricsTable> metrics,
            Period period,
            Instant asOfInstant,
            Limits limits,
            Progress progress,
            int chunk,
            int workers,
            int violationRun) {
        long start = period.startIn(a.zone()).toInstant().toEpochMilli();
        long end = period.endIn(a.zone()).toInstant().toEpochMilli();
        long asOf = asOfInstant == null ? end : asOfInstant.toEpochMilli();
        PeriodWindow window = new PeriodWindow(period.label(), start, end, asOf, a.zone());
        return new Pass(a, rules, period, window, limits, progress, chunk, workers, violationRun).run(leads, metrics);
    }

    /** What one chunk of leads decided, with what its targets need of its leads. */
    private record Chunk(
            Decisions decisions,
            long seen,
            long notYet,
            Map<String, Map<String, MetricCalculator.Aggregate>> aggregates,
            Set<String> teams,
            Set<String> owners,
            Map<String, Map<String, Integer>> ownerTeams,
            RuleGuard.Watch watch) {}

    /** One period's check: the reading thread cuts chunks, the workers check them, the reader merges. */
    private static final class Pass {
        private final Agreement a;
        private final Future<CompiledRules> building;
        private final Period period;
        private final PeriodWindow window;
        private final Limits limits;
        private final Progress progress;
        private final long asOf;
        private final boolean isFinal;
        private final double elapsed;
        private final List<ValueSet> valueSets;
        private final boolean ownerTargets;
        private final ThreadLocal<Clocks> clocks;

        private CompiledRules rules;
        private RuleGuard guard;
        private ExecutorService pool;
        /** Chunks may be checked apart: known once the rules are built (null before). */
        private Boolean chunked;

        private final List<List<Lead>> waiting = new ArrayList<>();
        private final ArrayDeque<Future<Chunk>> pending = new ArrayDeque<>();
        private List<Lead> current = new ArrayList<>();

        private final Decisions master;
        private long seen;
        private long notYet;
        private final Map<String, Map<String, MetricCalculator.Aggregate>> aggregates = new HashMap<>();
        private final TreeSet<String> teams = new TreeSet<>();
        private final TreeSet<String> owners = new TreeSet<>();
        private final Map<String, Map<String, Integer>> ownerTeams = new HashMap<>();
        /** The one session of an unchunked check, kept for the targets. */
        private RuleGuard.Watch kept;

        private final int chunkSize;
        private final int workers;
        /**
         * The size of the chunk being filled: from 1,024 leads doubling up to {@link #chunkSize}, so that a small
         * data set (the examples) still gives both workers a chunk, and a large one soon has full chunks.
         */
        private int nextChunk;

        Pass(
                Agreement a,
                Future<CompiledRules> building,
                Period period,
                PeriodWindow window,
                Limits limits,
                Progress progress,
                int chunkSize,
                int workers,
                int violationRun) {
            this.a = a;
            this.chunkSize = Math.max(1, chunkSize);
            this.workers = Math.max(1, workers);
            this.nextChunk = Math.min(this.chunkSize, 1024);
            this.building = building;
            this.period = period;
            this.window = window;
            this.limits = limits;
            this.progress = progress;
            this.asOf = window.getAsOf();
            this.isFinal = asOf >= window.getEnd();
            this.elapsed = Pacing.elapsed(a, window.getStart(), window.getEnd(), asOf);
            this.valueSets = DrlGenerator.valueSets(a);
            this.ownerTargets =
                    a.clauses().stream().anyMatch(c -> c instanceof Clause.Target t && t.per() == Clause.Per.OWNER);
            this.clocks = ThreadLocal.withInitial(() -> new Clocks(a));
            this.master = new Decisions(a, period.label(), asOf, isFinal, elapsed, new Clocks(a), violationRun);
        }

        Evaluation run(LeadSource leads, Supplier<MetricsTable> metrics) {
            try {
                leads.forEach(this::add);
                cut();
                if (chunked == null) resolve();
                flushWaiting();
                if (!chunked) {
                    pending.add(submit(current));
                    current = new ArrayList<>();
                }
                while (!pending.isEmpty()) merge(guard.await(pending.poll()));
                progress.step("lead rules fired: " + guard.counts() + "; measuring targets");
                MetricsTable table = metrics.get();
                guard.await(pool.submit(() -> targets(table), null));
                progress.step("targets fired: " + guard.counts());
            } finally {
                if (pool != null) pool.shutdownNow();
            }
            return new Evaluation(
                    period.label(),
                    HumanFormat.iso(asOf, a.zone()),
                    master.violations(),
                    master.teams(),
                    master.targets(),
                    master.openItems(),
                    seen,
                    notYet,
                    master.findings(),
                    master.findingsOutOfScope(),
                    master.people(),
                    isFinal,
                    elapsed);
        }

        /** One lead read: into the current chunk, which is checked once full. */
        private void add(Lead l) {
            current.add(l);
            if (current.size() >= nextChunk && (chunked == null || chunked)) cut();
        }

        /** The current chunk is full (or the input ended): checked now, or kept until the rules are built. */
        private void cut() {
            if (current.isEmpty()) return;
            nextChunk = (int) Math.min(chunkSize, 2L * nextChunk);
            if (chunked == null) {
                waiting.add(current);
                current = new ArrayList<>();
                // a lead takes about half a kilobyte: read ahead up to an eighth of the heap
                if (building.isDone() || (long) waiting.size() * nextChunk >= READ_AHEAD_LEADS) {
                    resolve();
                    flushWaiting();
                }
                return;
            }
            if (!chunked) return; // all leads in one session: they stay in current until the end
            List<Lead> c = current;
            current = new ArrayList<>(Math.min(chunkSize, 1 << 16));
            while (pending.size() >= 2 * workers) merge(guard.await(pending.poll()));
            pending.add(submit(c));
        }

        /** Waits for the rules; decides whether chunks can be checked apart. */
        private void resolve() {
            rules = CompiledRules.built(building);
            guard = new RuleGuard(rules, limits);
            chunked = RuleShapes.leadLocal(rules.kieBase());
            pool = Executors.newFixedThreadPool(chunked ? workers : 1, guard.threads());
            progress.step("checking leads against " + a.clauses().size() + " clauses"
                    + (chunked ? " in chunks of " + chunkSize + " on " + workers + " threads" : " in one session"));
        }

        private void flushWaiting() {
            List<List<Lead>> w = new ArrayList<>(waiting);
            waiting.clear();
            if (!chunked) {
                List<Lead> all = new ArrayList<>();
                w.forEach(all::addAll);
                all.addAll(current);
                current = all;
                return;
            }
            List<Lead> rest = current;
            for (List<Lead> c : w) {
                current = c;
                cut();
            }
            current = rest;
        }

        private Future<Chunk> submit(List<Lead> leads) {
            return pool.submit(() -> check(leads));
        }

        /** Checks one chunk in a session of its own (kept open when the check is not chunked). */
        private Chunk check(List<Lead> leads) {
            // in small steps, each its own method: the JIT compiles each loop alone rather than one large method
            // again and again on its stack (it spent seconds on that at a million leads)
            Clocks c = clocks.get();
            List<Lead> s = new ArrayList<>(leads.size());
            long later = seen(leads, s);
            Decisions d = new Decisions(a, period.label(), asOf, isFinal, elapsed, c);
            KieSession session = rules.kieBase().newKieSession();
            RuleGuard.Watch w = guard.watch(session);
            session.setGlobal("sla", d);
            session.insert(window);
            valueSets.forEach(session::insert); // long in/not-in lists, looked up by key
            insertLeads(session, s);
            for (Clause cl : a.clauses()) {
                if (cl instanceof Clause.FollowUp f) insertItems(session, f, s, c);
            }
            w.fire();
            d.finish();
            if (chunked) d.sortForMerge();
            boolean keep = !chunked;
            w.close(keep);

            HashSet<String> teamNames = new HashSet<>();
            HashSet<String> ownerNames = new HashSet<>();
            Map<String, Map<String, Integer>> ot = new HashMap<>();
            names(s, teamNames, ownerNames, ot);
            Map<String, Map<String, MetricCalculator.Aggregate>> aggs = new HashMap<>();
            for (Clause cl : a.clauses()) {
                if (cl instanceof Clause.Target t)
                    aggs.put(t.id(), aggregate(t, t.head().where().isEmpty() ? s : d.members(t.id())));
            }
            return new Chunk(d, s.size(), later, aggs, teamNames, ownerNames, ot, keep ? w : null);
        }

        /** The leads as they stood at as-of, into {@code seen}; returns how many did not exist yet. */
        private long seen(List<Lead> leads, List<Lead> seen) {
            long later = 0;
            for (Lead l : leads) {
                Lead at = l.seenAt(asOf);
                if (at == null) later++;
                else seen.add(at);
            }
            return later;
        }

        private static void insertLeads(KieSession session, List<Lead> leads) {
            for (Lead l : leads) session.insert(l);
        }

        private void insertItems(KieSession session, Clause.FollowUp f, List<Lead> leads, Clocks c) {
            for (Lead l : leads) {
                FollowUpItem item = item(f, l, window, c);
                if (item != null) session.insert(item);
            }
        }

        /** The teams and owners named on the leads, and each owner's leads by team (for per: owner targets). */
        private void names(
                List<Lead> leads, Set<String> teamNames, Set<String> ownerNames, Map<String, Map<String, Integer>> ot) {
            for (Lead l : leads) {
                if (l.getTeam() != null) teamNames.add(l.getTeam());
                if (l.getOwner() != null) ownerNames.add(l.getOwner());
                if (ownerTargets) Accountable.countOwnerTeam(l, ot);
            }
        }

        /** A target's aggregates of a segment, by subject. */
        private Map<String, MetricCalculator.Aggregate> aggregate(Clause.Target t, List<Lead> segment) {
            Map<String, MetricCalculator.Aggregate> by = new HashMap<>();
            Function<Lead, String> key = subjectOf(t);
            String lastKey = null;
            MetricCalculator.Aggregate last = null;
            for (Lead l : segment) {
                String k = key.apply(l);
                if (k == null) continue;
                if (!k.equals(lastKey)) { // leads of one subject often come in runs
                    last = by.computeIfAbsent(k, x -> new MetricCalculator.Aggregate(t.metric(), window));
                    lastKey = k;
                }
                last.add(l);
            }
            return by;
        }

        /** Takes in a checked chunk, in chunk order. */
        private void merge(Chunk c) {
            master.merge(c.decisions());
            seen += c.seen();
            notYet += c.notYet();
            teams.addAll(c.teams());
            owners.addAll(c.owners());
            c.ownerTeams().forEach((o, byTeam) -> {
                Map<String, Integer> mine = ownerTeams.computeIfAbsent(o, k -> new TreeMap<>());
                byTeam.forEach((t, n) -> mine.merge(t, n, Integer::sum));
            });
            c.aggregates().forEach((id, by) -> {
                Map<String, MetricCalculator.Aggregate> mine = aggregates.computeIfAbsent(id, k -> new HashMap<>());
                by.forEach((subject, g) -> {
                    MetricCalculator.Aggregate m = mine.get(subject);
                    if (m == null) mine.put(subject, g);
                    else m.merge(g);
                });
            });
            if (c.watch() != null) kept = c.watch();
        }

        /** Measures each target for each subject and fires the targets' rules. */
        private void targets(MetricsTable metrics) {
            if (ownerTargets) master.learnOwnerTeams(ownerTeams);
            RuleGuard.Watch w = kept;
            if (w == null) {
                KieSession session = rules.kieBase().newKieSession();
                w = guard.watch(session);
                session.insert(window);
                valueSets.forEach(session::insert);
            }
            KieSession session = w.session();
            session.setGlobal("sla", master);
            for (Clause c : a.clauses()) {
                if (c instanceof Clause.Target t) {
                    Map<String, MetricCalculator.Aggregate> by = aggregates.getOrDefault(t.id(), Map.of());
                    for (String subject : subjects(t)) {
                        String metricsTeam = t.per() == Clause.Per.TEAM ? subject : "";
                        MetricCalculator.Aggregate g = by.get(subject);
                        if (g == null) g = new MetricCalculator.Aggregate(t.metric(), window);
                        Optional<MetricCalculator.Measure> m = g.measure(metrics, metricsTeam, a.currency());
                        if (m.isPresent()) {
                            master.measured(t.id(), subject, m.get());
                            session.insert(
                                    new Measurement(t.id(), subject, m.get().value()));
                        }
                    }
                }
            }
            w.fire();
            master.finish();
            w.close(false);
        }

        /** The subjects a target measures: "all", or each team (or owner) named on a lead seen, by name. */
        private List<String> subjects(Clause.Target t) {
            if (!t.perSubject()) return List.of("all");
            return new ArrayList<>(t.per() == Clause.Per.TEAM ? teams : owners);
        }
    }

    /** Who a lead counts for in a target: "all", its team or its owner (null: for no subject). */
    private static Function<Lead, String> subjectOf(Clause.Target t) {
        if (!t.perSubject()) return l -> "all";
        return t.per() == Clause.Per.TEAM ? Lead::getTeam : Lead::getOwner;
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
}
