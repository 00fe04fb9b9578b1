package dev.l2r.compile;

import dev.l2r.facts.Lead;
import dev.l2r.facts.PeriodWindow;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.kie.api.KieServices;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.runtime.KieContainer;
import org.kie.api.runtime.KieSession;

/**
 * Builds and fires one tiny rule base on a background thread while the command line and the agreement are
 * still being read, so that the check's own build finds Drools, its DRL parser, the Java compiler and the
 * rule engine already loaded and initialised. On a cold JVM that start-up is a large part of a small check;
 * the warm-up runs on the core that is otherwise idle then. Nothing it builds is used; any failure is
 * ignored (the real build reports its own errors). Code that uses Drools first calls {@link #await()}, so
 * that Drools and MVEL are never initialised by two threads at once.
 */
public final class WarmUp {

    private static final AtomicBoolean STARTED = new AtomicBoolean();

    /** Longest wait for a warm-up that has not finished: past it the caller goes on regardless. */
    private static final long WAIT_MILLIS = 30_000;

    private static final AtomicInteger RUNS = new AtomicInteger();

    private static volatile Thread running;

    /** A rule shaped like the generated and hand-written ones: a join, an in-list, a function, a global. */
    static final String DRL = """
            package l2r.warmup;

            import dev.l2r.facts.Lead;
            import dev.l2r.facts.PeriodWindow;
            import java.util.List;

            global List seen;

            function String note(Lead l) {
                return "lead " + l.getLeadId();
            }

            rule "warm-up"
            when
                $p : PeriodWindow()
                $l : Lead( createdAt >= $p.start, createdAt < $p.end, source != null && source in ("a", "b") )
            then
                seen.add(note($l));
            end
            """;

    private WarmUp() {}

    /** Starts the warm-up, once per JVM; returns at once. */
    public static void start() {
        if (!STARTED.compareAndSet(false, true)) return;
        Thread t = new Thread(WarmUp::run, "l2r-warm-up");
        t.setDaemon(true);
        t.setUncaughtExceptionHandler((th, e) -> {}); // run() catches everything; this is belt and braces
        running = t;
        t.start();
    }

    /** Waits for a warm-up that was started and has not finished (at most {@link #WAIT_MILLIS}). */
    public static void await() {
        Thread t = running;
        if (t == null || t == Thread.currentThread()) return;
        try {
            t.join(WAIT_MILLIS);
            if (!t.isAlive()) running = null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The warm-up itself: true when its rule fired as written. */
    static boolean run() {
        try {
            KieServices ks = KieServices.Factory.get();
            ReleaseId rid = ks.newReleaseId("dev.l2r.run", "warm-up" + RUNS.incrementAndGet(), "1.0.0");
            KieFileSystem kfs = ks.newKieFileSystem();
            kfs.generateAndWritePomXML(rid);
            kfs.write("src/main/resources/l2r/warmup/warmup.drl", DRL);
            if (ks.newKieBuilder(kfs).buildAll().getResults().hasMessages(Message.Level.ERROR)) return false;
            KieContainer container = ks.newKieContainer(rid);
            KieSession s = container.getKieBase().newKieSession();
            try {
                ArrayList<Object> seen = new ArrayList<>();
                s.setGlobal("seen", seen);
                s.insert(new PeriodWindow("warm-up", 0, 86_400_000L, 86_400_000L, ZoneOffset.UTC));
                Lead.Builder lead = Lead.builder("w1", 1_000L);
                lead.source = "a";
                s.insert(lead.build());
                s.fireAllRules();
                return seen.equals(List.of("lead w1"));
            } finally {
                s.dispose();
                container.dispose();
            }
        } catch (Throwable e) { // a warm-up only: whatever it met, the real build meets and reports
            return false;
        }
    }
}
