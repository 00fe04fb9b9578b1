package dev.l2r.evaluate;

import static dev.l2r.verify.LeadBuilder.lead;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.l2r.Cli;
import dev.l2r.Workspace;
import dev.l2r.verify.LeadBuilder;
import dev.l2r.verify.RuleVerifier;
import dev.l2r.verify.Scenario;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Target clauses: bounds, segments, per-team maps, per-owner subjects and what is not assessed, in memory;
 * metrics.csv feeding the metrics that read it, end to end.
 */
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

    static final RuleVerifier VERIFY = RuleVerifier.of(HEAD + """
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
              - id: C1
                type: target
                metric: conversion(mql, sal)
                per: team
                min: { east: 0.5, west: 0.75 }
                owner: lead.team
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
            """);

    @TempDir
    Path tmp;

    /** A lead created when it became an MQL, accepted by sales at {@code sal} (or not). */
    static LeadBuilder mql(String id, String team, String channel, String mql, String sal) {
        return lead(id).created(mql).channel(channel).team(team).mql(mql).sal(sal);
    }

    @Test
    void aMinimumIsMetAtTheBoundAndViolatedBelowIt() {
        Scenario s = VERIFY.given(
                        mql("A", "east", "web", "2026-10-01T00:00", null),
                        mql("B", "east", "email", "2026-10-31T23:59:59", null),
                        mql("C", "east", "web", "2026-11-01T00:00", null),
                        mql("D", "east", "web", "2026-09-30T23:59:59", null))
                .forPeriod("2026-10")
                .asOf("2026-11-02T00:00");
        s.clause("T1").meets("all").violates();
        Scenario t2 = s.clause("T2").violates("all").meets();
        Violation v = t2.violation("all");
        assertEquals("at least 2", v.expected());
        assertEquals("1 (1 MQL in the period)", v.actual());
        assertEquals("marketing", v.team());
        assertEquals("VP Demand Generation", v.owner());
        assertEquals(
                "1 MQL in 2026-10; the agreement asks for at least 2 (short by 1); marketing (VP Demand Generation)"
                        + " answers for it.",
                v.message());
        assertNull(v.deadline());
        assertArrayEquals(new long[] {1, 0, 0, 0}, s.clause("T1").outcome("marketing"));
        assertArrayEquals(new long[] {0, 1, 0, 0}, t2.outcome("marketing"));
        s.firedRule("t T1: met (all)").on("all");
        s.firedRule("t T2: violated (all)").on("all");
    }

    @Test
    void perTeamMapsAssessOnlyTheTeamsTheyName() {
        Scenario c1 = VERIFY.clause("C1")
                .given(
                        mql("E1", "east", null, "2026-10-05T10:00", "2026-10-06T10:00"),
                        mql("E2", "east", null, "2026-10-05T10:00", null),
                        mql("W1", "west", null, "2026-10-05T10:00", "2026-10-06T10:00"),
                        mql("W2", "west", null, "2026-10-05T10:00", null),
                        mql("N1", "north", null, "2026-10-05T10:00", null))
                .forPeriod("2026-10")
                .violates("west")
                .meets("east");
        Violation v = c1.violation("west");
        assertEquals("west", v.team());
        assertEquals("West Manager", v.owner());
        assertEquals("50% (1 of 2 MQLs in the period reached SAL)", v.actual());
        assertEquals(
                "Team west: MQL → SAL conversion was 50% in 2026-10; the agreement asks for at least 75% (short by 25 percentage"
                        + " points); West Manager answers for it.",
                v.message());
        assertArrayEquals(new long[] {1, 0, 0, 0}, c1.outcome("east"));
        assertNull(c1.outcome("north"), "a team missing from the map is not assessed");
    }

    @Test
    void metricsFileFeedsCoverageCostAndNamedMetricsAndMissingRowsAreNotAssessed() {
        Workspace w = new Workspace(tmp)
                .sla(HEAD + """
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
                """)
                .file(
                        "data/leads.csv",
                        LeadBuilder.csv(
                                opportunity("O1", "east", "OPP1", 1000).outcome("open"),
                                opportunity("O2", "east", "OPP2", 2000)
                                        .closed("2026-11-05T10:00")
                                        .outcome("won"),
                                opportunity("O3", "west", "OPP3", 500)
                                        .closed("2026-10-20T10:00")
                                        .outcome("lost")))
                .metrics(
                        "2026-10,,quota,1000",
                        "2026-10,,spend,300",
                        "2026-10,,visitors,999",
                        "2026-09,,webinars,4",
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

    private static LeadBuilder opportunity(String id, String team, String opportunityId, double amount) {
        return lead(id).created("2026-10-01T10:00")
                .team(team)
                .mql("2026-10-01T10:00")
                .sqo("2026-10-02T10:00")
                .opportunityId(opportunityId)
                .amount(amount);
    }

    @Test
    void perOwnerMeasuresEachRepAndHoldsTheRepsTeamToAccount() {
        Scenario s = VERIFY.given(
                        // Ann (east) wins 2 in October: met. Bob (west, one lead in east) wins 1: violated, team west.
                        won("A1", "east", "Ann", "2026-10-01T10:00", "2026-10-05T10:00"),
                        won("A2", "east", "Ann", "2026-10-01T10:00", "2026-10-21T10:00"),
                        won("B1", "west", "Bob", "2026-10-01T10:00", "2026-10-13T10:00"),
                        lead("B2").created("2026-09-01T10:00").team("west").owner("Bob"),
                        lead("B3").created("2026-09-01T10:00").team("east").owner("Bob"),
                        // Cy won only in September: 0 in October, violated
                        won("C1", "east", "Cy", "2026-09-01T10:00", "2026-09-20T10:00")
                                .created("2026-08-01T10:00"))
                .forPeriod("2026-10");
        // cycle days mql -> won of the October wins: 4, 20, 12 -> median 12 > 10: violated
        assertEquals(List.of("R1 Cy", "R1 Bob", "R2 all"), s.violationKeys("R1", "R2"), "sorted by team, then subject");
        Scenario r1 = s.clause("R1").violates("Bob", "Cy").meets("Ann");
        Violation bob = r1.violation("Bob");
        assertEquals("west", bob.team(), "the team on most of Bob's leads");
        assertEquals("Bob", bob.owner());
        assertEquals(
                "Bob: 1 deal won in 2026-10; the agreement asks for at least 2 (short by 1); Bob answers for it.",
                bob.message());
        assertEquals(
                "12 days (median of 3 leads with a won date in the period and an MQL date)",
                s.clause("R2").violation("all").actual());
        assertArrayEquals(new long[] {1, 1, 0, 0}, r1.outcome("east"));
    }

    /** A lead created 2026-09-01 that became an MQL at {@code mql} and was won at {@code won}. */
    private static LeadBuilder won(String id, String team, String owner, String mql, String won) {
        return lead(id).created("2026-09-01T10:00")
                .team(team)
                .owner(owner)
                .mql(mql)
                .closed(won)
                .outcome("won");
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
