package dev.l2r.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.l2r.facts.Lead;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The lead ids table: each id once, with where it was first read; compact. */
class LeadIdsTest {

    @Test
    void anIdIsAddedOnceAndTheFirstPlaceIsKept() {
        LeadIds ids = new LeadIds();
        assertEquals(-1, ids.putIfAbsent("L1", 0, 2));
        assertEquals(-1, ids.putIfAbsent("L2", 0, 3));
        assertEquals(2, ids.putIfAbsent("L1", 0, 9));
        assertEquals(2, ids.putIfAbsent("L1", 3, 10));
        assertEquals((3L << 48) | 4, ids.putIfAbsent("L3", 3, 4) + ids.putIfAbsent("L3", 0, 5) + 1);
        assertEquals(3, ids.size());
    }

    @Test
    void idsThatDifferInCaseSpacesOrAccentsAreDifferent() {
        LeadIds ids = new LeadIds();
        for (String id : List.of("a", "A", "a ", " a", "\u00e9", "e\u0301", "", "ab", "ba", "Ω1", "\uD83D\uDE00")) {
            assertEquals(-1, ids.putIfAbsent(id, 0, 1), id);
        }
        assertEquals(1, ids.putIfAbsent("\u00e9", 0, 2));
    }

    @Test
    void aLineBeyondFourBillionIsKeptExactly() {
        LeadIds ids = new LeadIds();
        long far = (1L << 40) + 7;
        assertEquals(-1, ids.putIfAbsent("far", 65_535, far));
        assertEquals((65_535L << 48) | far, ids.putIfAbsent("far", 0, 1));
        assertEquals(-1, ids.putIfAbsent("near", 1, 0xFFFF_FFFEL));
        assertEquals((1L << 48) | 0xFFFF_FFFEL, ids.putIfAbsent("near", 0, 1));
    }

    @Test
    void aMillionIdsStayFindableThroughGrowthAndCostAboutTwentyFiveToThirtyBytesEach() {
        LeadIds ids = new LeadIds();
        int n = 1_000_000;
        for (int i = 0; i < n; i++) assertEquals(-1, ids.putIfAbsent("B" + i, 0, i + 2L));
        for (int i = 0; i < n; i += 997) assertEquals(i + 2L, ids.putIfAbsent("B" + i, 0, 1));
        assertEquals(n, ids.size());
        long bytes = 20L * ids.slots();
        assertTrue(bytes / n <= 32, bytes / n + " bytes per id");
    }

    @Test
    void theEmptyIdHashesToZeroAndNeighbouringIdsDifferInBothHalves() {
        assertArrayEquals(new long[] {0, 0}, LeadIds.hash128(""));
        long[] a = LeadIds.hash128("B00000000");
        long[] b = LeadIds.hash128("B00000001");
        assertTrue(a[0] != b[0] && a[1] != b[1]);
    }

    @Test
    void aDuplicateNamesTheFirstLineOrTheFirstFile() {
        LeadParser p = new LeadParser(ZoneOffset.UTC, Map.of());
        List<String> names = List.of("lead_id", "created_at");
        p.file("a.csv");
        assertTrue(p.parse(names, new String[] {"L1", "2026-10-01"}, 2) instanceof LeadResult.Accepted);
        LeadResult.Rejected again = (LeadResult.Rejected) p.parse(names, new String[] {" L1 ", "2026-10-02"}, 5);
        assertEquals("duplicate lead_id; the first one, at line 2, is kept", again.reason());
        p.file("b.csv");
        LeadResult.Rejected other = (LeadResult.Rejected) p.parse(names, new String[] {"L1", "2026-10-02"}, 3);
        assertEquals("duplicate lead_id; the first one, in a.csv at line 2, is kept", other.reason());
        Lead l = ((LeadResult.Accepted) p.parse(names, new String[] {"L2", "2026-10-01T10:00+02:00"}, 4)).lead();
        assertEquals(1_790_841_600_000L, l.getCreatedAt());
    }
}
