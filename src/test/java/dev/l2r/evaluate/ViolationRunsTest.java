package dev.l2r.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.l2r.model.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Violations spilled to sorted runs come back exactly as one stable sort of all of them in memory. */
class ViolationRunsTest {

    /** By clause and subject only: many ties, which must keep the order the violations were added in. */
    private static final Comparator<Violation> ORDER =
            Comparator.comparing(Violation::clauseId).thenComparing(Violation::subject);

    @Test
    void spilledRunsMergeIntoTheStableOrder() {
        Random r = new Random(7);
        List<Violation> all = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            all.add(new Violation(
                    "2026-10",
                    "C" + r.nextInt(4),
                    "Clause ✓ título",
                    "followup",
                    Severity.values()[r.nextInt(3)],
                    "team",
                    "owner " + i, // tells ties apart
                    "L" + r.nextInt(50),
                    "expected",
                    "actual",
                    r.nextBoolean() ? null : "2026-10-0" + (1 + r.nextInt(9)) + "T10:00:00-04:00",
                    "message " + i + " — ünïcode",
                    "accountable"));
        }
        List<Violation> expected = new ArrayList<>(all);
        expected.sort(ORDER);
        for (int run : new int[] {1, 7, 333, 2_000, 5_000}) {
            ViolationRuns v = new ViolationRuns(ORDER, run);
            v.addAll(all);
            List<Violation> sorted = v.sorted();
            assertEquals(all.size(), sorted.size());
            assertEquals(expected, new ArrayList<>(sorted), "runs of " + run);
            assertEquals(expected, new ArrayList<>(sorted), "read twice, runs of " + run);
            assertEquals(expected.get(1234), sorted.get(1234));
            for (Severity s : Severity.values()) {
                long n = all.stream().filter(x -> x.severity() == s).count();
                if (sorted instanceof ViolationRuns.Counted c) assertEquals(n, c.count(s), "runs of " + run);
            }
            assertEquals(run <= all.size(), sorted instanceof ViolationRuns.Counted, "spilled runs count severities");
        }
    }

    @Test
    void nothingToSort() {
        ViolationRuns v = new ViolationRuns(ORDER, 3);
        assertEquals(List.of(), v.sorted());
    }
}
