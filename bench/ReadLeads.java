import com.sun.management.ThreadMXBean;
import dev.l2r.facts.Lead;
import dev.l2r.ingest.LeadParser;
import dev.l2r.ingest.LeadResult;
import dev.l2r.ingest.Rows;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Times reading a canonical leads file into Lead objects the way DataLoader does (Rows.read plus
 * LeadParser.parse per row, leads kept in a list), single-threaded, several runs in one JVM: the first
 * cold, the rest with a warm JIT. Prints per run the wall time, the CPU time of the reading thread (less
 * disturbed by other work on a shared machine), the bytes it allocated, and the heap the leads hold after
 * a full GC.
 *
 * <pre>java -cp target/l2r.jar bench/ReadLeads.java FILE [RUNS]</pre>
 */
public class ReadLeads {
    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        ThreadMXBean mx = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        double bestWall = Double.MAX_VALUE;
        double bestCpu = Double.MAX_VALUE;
        for (int run = 1; run <= runs; run++) {
            System.gc();
            long t0 = System.nanoTime();
            long c0 = mx.getCurrentThreadCpuTime();
            long a0 = mx.getCurrentThreadAllocatedBytes();
            LeadParser parser = new LeadParser(ZoneId.of("UTC"), Map.of());
            List<Lead> leads = new ArrayList<>();
            long[] rejected = new long[1];
            String sha = Rows.read(file, (names, values, line, problem) -> {
                if (problem != null) {
                    rejected[0]++;
                    return;
                }
                LeadResult r = parser.parse(names, values, line);
                if (r instanceof LeadResult.Accepted a) leads.add(a.lead());
                else rejected[0]++;
            });
            double wall = (System.nanoTime() - t0) / 1e9;
            double cpu = (mx.getCurrentThreadCpuTime() - c0) / 1e9;
            long alloc = mx.getCurrentThreadAllocatedBytes() - a0;
            System.gc();
            Runtime rt = Runtime.getRuntime();
            long used = rt.totalMemory() - rt.freeMemory();
            System.out.printf(
                    "run %d: wall %.3f s, cpu %.3f s, allocated %d MB, %d leads, %d rejected, heap after gc %d MB, sha %s%n",
                    run, wall, cpu, alloc >> 20, leads.size(), rejected[0], used >> 20, sha.substring(0, 12));
            if (run > 1 || runs == 1) {
                bestWall = Math.min(bestWall, wall);
                bestCpu = Math.min(bestCpu, cpu);
            }
        }
        System.out.printf("best warm: wall %.3f s, cpu %.3f s%n", bestWall, bestCpu);
    }
}
