package dev.l2r.evaluate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.l2r.Cli;
import dev.l2r.Workspace;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Target clauses: bounds, segments, per-team maps, metrics from metrics.csv, and what is not assessed. */
class TargetClauseTest {

    static final String HEAD = """
            sla: t
            period: month
            timezone: America/New_York
            teams:
              marketing: { owner: "VP Demand Generation" }
              east: { owner: "East Manager" }
              west: { owner: "West Manager" }
            clauses:
            """;

    @TempDir
    Path tmp;

    static String mql(String id, String team, String channel, String mql, String sal) {
        return id + "," + mql + ",," + channel + ",," + team + ",,,,,,,," + mql + ",,," + sal + ",,,,,,,";
    }

    @Test
    void aMinimumIsMetAtTheBoundAndViolatedBelowIt() {
        Workspace w = new Workspace(tmp).sla(HEAD + """
                  - id: T1
                    type: target
                    metric: count(mql)
                    min: 2
                    owner: marketing
                  - id: T2
                    type: target
                    metric: count(mql)
                    min: 2
                    owner: marketing
                    where: ["channel = web"]
                """).leads(
                mql("A", "east", "web", "2026-10-01T00:00", ""),
                mql("B", "east", "email", "2026-10-31T23:59:59", ""),
                mql("C", "east", "web", "2026-11-01T00:00", ""),
                mql("D", "east", "web", "2026-09-30T23:59:59", ""));
        Cli r = w.check("2026-10", "--as-of", "2026-11-02T00:00");
        assertEquals(0, r.code(), r.toString());
        assertEquals(List.of("T2 all"), w.violationKeys());
        JsonNode v = w.violations().get(0);
        assertEquals(">= 2", v.get("expected").asText());
        assertEquals("1 (1 leads with mql in the period)", v.get("actual").asText());
        assertEquals("marketing", v.get("team").asText());
        assertEquals("VP Demand Generation", v.get("owner").asText());
        assertEquals("count(mql) was 1 in 2026-10; the agreement asks for at least 2 (short by 1).", v.get("message").asText());
        assertNull(v.get("deadline").textValue());
        assertArrayEquals(new long[] {1, 1, 0, 0}, w.outcome("marketing", "T1") == null ? null : new long[] {
                w.outcome("marketing", "T1")[0] + w.outcome("marketing", "T2")[0],
                w.outcome("marketing", "T1")[1] + w.outcome("marketing", "T2")[1], 0, 0});
    }

    @Test
    void perTeamMapsAssessOnlyTheTeamsTheyName() {
        Workspace w = new Workspace(tmp).sla(HEAD + """
                  - id: C1
                    type: target
                    metric: conversion(mql, sal)
                    per: team
                    min: { east: 0.5, west: 0.75 }
                    owner: lead.team
                """).leads(
                mql("E1", "east", "", "2026-10-05T10:00", "2026-10-06T10:00"),
                mql("E2", "east", "", "2026-10-05T10:00", ""),
                mql("W1", "west", "", "2026-10-05T10:00", "2026-10-06T10:00"),
                mql("W2", "west", "", "2026-10-05T10:00", ""),
                mql("N1", "north", "", "2026-10-05T10:00", ""));
        Cli r = w.check("2026-10");
        assertEquals(0, r.code(), r.toString());
        assertEquals(List.of("C1 west"), w.violationKeys());
        JsonNode v = w.violations().get(0);
        assertEquals("west", v.get("team").asText());
        assertEquals("West Manager", v.get("owner").asText());
        assertEquals("50% (1 of 2 leads with mql in the period reached sal)", v.get("actual").asText());
        assertEquals("Team west: conversion(mql, sal) was 50% in 2026-10; the agreement asks for at least 75% (short by 25 percentage points).",
                v.get("message").asText());
        assertArrayEquals(new long[] {1, 0, 0, 0}, w.outcome("east", "C1"));
        assertNull(w.outcome("north", "C1"), "a team missing from the map is not assessed");
    }

    @Test
    void metricsFileFeedsCoverageCostAndNamedMetricsAndMissingRowsAreNotAssessed() {
        Workspace w = new Workspace(tmp).sla(HEAD + """
                  - id: P1
                    type: target
                    metric: pipeline_coverage
                    min: 3
                    owner: marketing
                  - id: P2
                    type: target
                    metric: cost_per(mql)
                    max: 100
                    owner: marketing
                  - id: P3
                    type: target
                    metric: metric(visitors)
                    min: 1000
                    owner: marketing
                  - id: P4
                    type: target
                    metric: metric(webinars)
                    min: 1
                    owner: marketing
                  - id: P5
                    type: target
                    metric: pipeline_coverage
                    per: team
                    min: 1
                    owner: lead.team
                """).leads(
                "O1,2026-10-01T10:00,,,,east,,,,,,,,2026-10-01T10:00,,,,,,2026-10-02T10:00,OPP1,1000,,open",
                "O2,2026-10-01T10:00,,,,east,,,,,,,,2026-10-01T10:00,,,,,,2026-10-02T10:00,OPP2,2000,2026-11-05T10:00,won",
                "O3,2026-10-01T10:00,,,,west,,,,,,,,2026-10-01T10:00,,,,,,2026-10-02T10:00,OPP3,500,2026-10-20T10:00,lost")
                .metrics("2026-10,,quota,1000", "2026-10,,spend,300", "2026-10,,visitors,999", "2026-09,,webinars,4",
                        "2026-10,east,quota,3000");
        Cli r = w.check("2026-10");
        assertEquals(0, r.code(), r.toString());
        // open at as-of: O1 (1000) and O2 (won after as-of, so still open: 2000) = 3000 / 1000 = 3x: met.
        // cost per MQL: 300 / 3 = 100: met at the bound. visitors 999 < 1000: violated. webinars: no row for 2026-10.
        // per team: east 3000 / 3000 = 1x met; west has no quota row: not assessed.
        assertEquals(List.of("P3 all"), w.violationKeys());
        assertArrayEquals(new long[] {2, 1, 0, 0}, sum(w, "marketing", "P1", "P2", "P3", "P4"));
        assertArrayEquals(new long[] {1, 0, 0, 0}, w.outcome("east", "P5"));
        assertNull(w.outcome("west", "P5"));
    }

    @Test
    void perOwnerMeasuresEachRepAndHoldsTheRepsTeamToAccount() {
        Workspace w = new Workspace(tmp).sla(HEAD + """
                  - id: R1
                    type: target
                    metric: count(won)
                    per: owner
                    min: 2
                    owner: lead.team
                  - id: R2
                    type: target
                    metric: cycle_days(mql, won)
                    max: 10
                    owner: marketing
                """).leads(
                // Ann (east) wins 2 in October: met. Bob (west, one lead in east) wins 1: violated, team west.
                "A1,2026-09-01T10:00,,,,east,Ann,,,,,,,2026-10-01T10:00,,,,,,,,,2026-10-05T10:00,won",
                "A2,2026-09-01T10:00,,,,east,Ann,,,,,,,2026-10-01T10:00,,,,,,,,,2026-10-21T10:00,won",
                "B1,2026-09-01T10:00,,,,west,Bob,,,,,,,2026-10-01T10:00,,,,,,,,,2026-10-13T10:00,won",
                "B2,2026-09-01T10:00,,,,west,Bob,,,,,,,,,,,,,,,,,",
                "B3,2026-09-01T10:00,,,,east,Bob,,,,,,,,,,,,,,,,,",
                // Cy won only in September: 0 in October, violated
                "C1,2026-08-01T10:00,,,,east,Cy,,,,,,,2026-09-01T10:00,,,,,,,,,2026-09-20T10:00,won");
        Cli r = w.check("2026-10");
        assertEquals(0, r.code(), r.toString());
        // cycle days mql -> won of the October wins: 4, 20, 12 -> median 12 > 10: violated
        assertEquals(List.of("R1 Cy", "R1 Bob", "R2 all"), w.violationKeys(), "sorted by team, then subject");
        JsonNode bob = w.violations().get(1);
        assertEquals("west", bob.get("team").asText(), "the team on most of Bob's leads");
        assertEquals("Bob", bob.get("owner").asText());
        assertEquals("Bob: count(won) was 1 in 2026-10; the agreement asks for at least 2 (short by 1).", bob.get("message").asText());
        assertEquals("12 days (median of 3 leads with won in the period and a mql date)", w.violations().get(2).get("actual").asText());
        assertArrayEquals(new long[] {1, 1, 0, 0}, w.outcome("east", "R1"));
    }

    private static long[] sum(Workspace w, String team, String... clauses) {
        long[] s = new long[4];
        for (String c : clauses) {
            long[] o = w.outcome(team, c);
            if (o == null) continue;
            for (int i = 0; i < 4; i++) s[i] += o[i];
        }
        return s;
    }
}
