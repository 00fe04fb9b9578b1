import dev.l2r.facts.Lead;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.runtime.KieSession;

/**
 * Why generated rules report to a sink instead of inserting decision facts (docs/ARCHITECTURE.md): one
 * follow-up-like clause with two outcomes over N leads, decided three ways, five rounds each:
 *   sink    - the consequence calls a global (as l2r's sla.decide does)
 *   query   - the consequence inserts a decision fact, read back with a query
 *   objects - the consequence inserts a decision fact, read back with getObjects
 * Run: ./l2r --version >/dev/null && java -cp target/l2r.jar bench/SinkVsFacts.java 1000000 [sink|query|objects]
 * (one mode per JVM gives each the same JIT warm-up)
 */
public class SinkVsFacts {

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Random r = new Random(1);
        List<Lead> leads = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Lead.Builder b = Lead.builder("L" + i, i * 1000L);
            b.team = r.nextBoolean() ? "a" : "b";
            b.mqlAt = i * 1000L;
            b.firstTouchAt = r.nextBoolean() ? i * 1000L + r.nextInt(2000) : null;
            leads.add(b.build());
        }
        String head = "package bench;\nimport dev.l2r.facts.Lead;\nimport java.util.AbstractMap.SimpleEntry;\n"
                + "global java.util.concurrent.atomic.AtomicLong sla;\n";
        String met = "team in (\"a\", \"b\"), firstTouchAt != null, firstTouchAt <= mqlAt + 1000";
        String late = "team in (\"a\", \"b\"), firstTouchAt == null || firstTouchAt > mqlAt + 1000";
        for (String mode : args.length > 1 ? List.of(args[1]) : List.of("sink", "query", "objects")) {
            String then = mode.equals("sink") ? "sla.incrementAndGet();" : "insert(new SimpleEntry(drools.getRule(), $l));";
            String drl = head + "rule \"met\" @clause(\"F1\") @outcome(\"met\") when $l : Lead( " + met + " ) then " + then + " end\n"
                    + "rule \"late\" @clause(\"F1\") @outcome(\"late\") when $l : Lead( " + late + " ) then " + then + " end\n"
                    + "query decisions() $d : SimpleEntry() end\n";
            KieBase kb = build(drl);
            for (int round = 1; round <= 5; round++) {
                long t0 = System.nanoTime();
                KieSession s = kb.newKieSession();
                AtomicLong sink = new AtomicLong();
                s.setGlobal("sla", sink);
                for (Lead l : leads) s.insert(l);
                long t1 = System.nanoTime();
                s.fireAllRules();
                long t2 = System.nanoTime();
                long read = switch (mode) {
                    case "query" -> s.getQueryResults("decisions").size();
                    case "objects" -> s.getObjects(o -> o instanceof java.util.AbstractMap.SimpleEntry).size();
                    default -> sink.get();
                };
                long t3 = System.nanoTime();
                s.dispose();
                System.out.printf(Locale.ROOT, "%-7s n=%,d round %d: insert %5.0f ms, fire %5.0f ms, read %5.0f ms (%,d decisions)%n",
                        mode, n, round, (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6, read);
            }
        }
    }

    private static KieBase build(String drl) {
        KieServices ks = KieServices.Factory.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        kfs.write("src/main/resources/bench/r.drl", drl);
        KieBuilder b = ks.newKieBuilder(kfs).buildAll();
        if (b.getResults().hasMessages(Message.Level.ERROR)) throw new IllegalStateException(b.getResults().toString());
        return ks.newKieContainer(ks.getRepository().getDefaultReleaseId()).getKieBase();
    }
}
