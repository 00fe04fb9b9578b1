package dev.l2r.evaluate;

import static dev.l2r.verify.LeadBuilder.lead;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.l2r.model.Agreement;
import dev.l2r.model.Severity;
import dev.l2r.verify.RuleVerifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which link of the funnel broke: hand-computed funnels, and one run through the evaluator. */
class AttributionTest {

    static final String HEAD = """
            sla: t
            period: month
            timezone: America/New_York
            currency: USD
            teams:
              marketing: { owner: "VP Demand Generation" }
              sdr: { owner: "SDR Manager" }
              sales: { owner: "VP Sales" }
            clauses:
            """;

    /** 1000 MQLs × 40% × 50% × 25% = 50 wins planned, each link with its target. */
    static final String FUNNEL = HEAD + """
              - id: W
                type: target
                metric: count(won)
                min: 50
                owner: sales
              - id: V
                type: target
                metric: count(mql)
                min: 1000
                owner: marketing
              - id: C1
                type: target
                metric: conversion(mql, sal)
                min: 0.40
                owner: sdr
              - id: C2
                type: target
                metric: conversion(sal, sqo)
                min: 0.50
                owner: sales
              - id: WR
                type: target
                metric: win_rate
                min: 0.25
                owner: sales
              - id: F1
                type: followup
                from: mql
                to: first_touch
                within: 8 business hours
                owner: sdr
              - id: H1
                type: handoff
                at: mql
                require: ["score >= 60"]
                owner: marketing
              - id: F2
                type: followup
                from: sqo
                to: [won, lost]
                within: 90 days
                owner: sales
            """;

    static final Agreement A = RuleVerifier.of(FUNNEL).agreement();

    static TargetResult result(String id, double value, boolean met) {
        String team = A.clause(id).orElseThrow().head().owner().team();
        return target(id, "all", team, value, met);
    }

    static TargetResult target(String id, String subject, String team, double value, boolean met) {
        return new TargetResult(
                id,
                id,
                subject,
                team,
                id,
                value,
                "",
                "",
                met,
                Pace.FINAL,
                null,
                Severity.MAJOR,
                met ? Verdict.KEPT : Verdict.BREACHED);
    }

    static TeamAccountability team(String team, Map<String, Long> violated) {
        List<ClauseOutcome> clauses = new ArrayList<>();
        violated.forEach((id, n) ->
                clauses.add(new ClauseOutcome(id, id, "followup", Severity.MAJOR, 100, n, 0, 0, 1, Verdict.BREACHED)));
        return new TeamAccountability(team, A.ownerOf(team), clauses, Map.of(), Verdict.BREACHED);
    }

    static Evaluation evaluation(List<TargetResult> targets, List<TeamAccountability> teams) {
        return new Evaluation(
                "2026-10",
                "2026-11-01T00:00:00-04:00",
                List.of(),
                teams,
                targets,
                List.of(),
                0,
                0,
                List.of(),
                0,
                List.of(),
                true,
                1);
    }

    static double sum(Attribution.Miss m) {
        return m.links().stream().mapToDouble(Attribution.Link::shortfall).sum();
    }

    @Test
    void fewerMqlsAndAWeakerMqlToSalConversionShareTheShortfallOfWins() {
        // actual 800 × 35% × 50% × 25% = 35 wins: volume 1000 → 800 costs 10 wins (800 × .4 × .5 × .25 = 40),
        // the conversion 40% → 35% another 5 (800 × .35 × .5 × .25 = 35); the links on plan cost nothing
        Evaluation e = evaluation(
                List.of(
                        result("W", 35, false),
                        result("V", 800, false),
                        result("C1", 0.35, false),
                        result("C2", 0.50, true),
                        result("WR", 0.25, true)),
                List.of(
                        team("marketing", Map.of("H1", 27L)),
                        team("sdr", Map.of("F1", 61L)),
                        team("sales", Map.of("F2", 4L))));

        List<Attribution.Miss> misses = Attribution.explain(A, e);

        assertEquals(1, misses.size(), "only the wins target is explained: volume and conversion are links");
        Attribution.Miss m = misses.get(0);
        assertEquals("W", m.clauseId());
        assertEquals("deals won", m.label());
        assertEquals("sales", m.team());
        assertEquals(50, m.planned());
        assertEquals(35, m.actual());
        assertEquals(4, m.links().size());

        Attribution.Link volume = m.links().get(0);
        assertEquals(
                new Attribution.Link("volume", "MQLs", "marketing", "VP Demand Generation", 1000.0, 800, -10, null),
                volume);

        Attribution.Link conversion = m.links().get(1);
        assertEquals("conversion", conversion.kind());
        assertEquals("MQL → SAL conversion", conversion.label());
        assertEquals("sdr", conversion.team());
        assertEquals("SDR Manager", conversion.owner());
        assertEquals(0.40, conversion.planned());
        assertEquals(0.35, conversion.actual());
        assertEquals(-5, conversion.shortfall());
        assertEquals(
                "61 MQLs not contacted within 8 business hours (sdr, SDR Manager); "
                        + "27 MQLs failed the handoff criteria (marketing, VP Demand Generation)",
                conversion.evidence());

        assertEquals("SAL → SQO conversion", m.links().get(2).label());
        assertEquals(0, m.links().get(2).shortfall());
        assertNull(m.links().get(2).evidence());
        Attribution.Link winRate = m.links().get(3);
        assertEquals("win rate", winRate.label());
        assertEquals(0, winRate.shortfall());
        assertEquals("4 SQOs not closed within 90 days (sales, VP Sales)", winRate.evidence());

        assertEquals(-15, sum(m), "the shares add up to the whole shortfall");
        assertEquals(m.gap(), sum(m));
    }

    @Test
    void theSharesAddUpWhenEveryLinkMissesAndTheTargetsDoNotMultiplyOut() {
        // the stage targets plan 1000 × .4 × .5 × .25 = 50, the wins target asks 60: the rest is "other"
        String yaml = FUNNEL.replace("min: 50", "min: 60");
        Agreement a = RuleVerifier.of(yaml).agreement();
        Evaluation e = evaluation(
                List.of(
                        result("W", 17, false),
                        result("V", 930, false),
                        result("C1", 0.31, false),
                        result("C2", 0.47, false),
                        result("WR", 0.21, false)),
                List.of());

        Attribution.Miss m = Attribution.explain(a, e).get(0);

        assertEquals(5, m.links().size());
        // 930 × .31 × .47 × .21 = 28.455 21 measured: the last link is what the stage targets do not explain
        assertEquals(-3.5, m.links().get(0).shortfall(), 1e-12); // 930/1000 of 50 = 46.5
        assertEquals(-10.4625, m.links().get(1).shortfall(), 1e-12); // 930 × .31 × .5 × .25 = 36.0375
        assertEquals(-2.162_25, m.links().get(2).shortfall(), 1e-12); // × .47/.5 = 33.875 25
        assertEquals(-5.420_04, m.links().get(3).shortfall(), 1e-12); // × .21/.25 = 28.455 21
        Attribution.Link other = m.links().get(4);
        assertEquals("other", other.kind());
        assertNull(other.team());
        assertEquals(17 - 28.455_21 - 10, other.shortfall(), 1e-12);
        assertEquals(-43, sum(m), 1e-9);
    }

    @Test
    void linksWithoutATargetAreOneFactorPlannedAtWhatTheMissedTargetImpliesAndBlameNobody() {
        // revenue = closed-deal volume (no target) × win rate × average selling price
        String yaml = HEAD + """
                  - id: R
                    type: target
                    metric: revenue
                    min: 600000
                    owner: sales
                  - id: WR
                    type: target
                    metric: win_rate
                    min: 0.30
                    owner: sales
                  - id: ASP
                    type: target
                    metric: average_selling_price
                    min: 20000
                    owner: sales
                """;
        Agreement a = RuleVerifier.of(yaml).agreement();
        // planned: 100 deals reaching the win-rate stage (600,000 / (0.3 × 20,000)); actual 450,000 / (0.25 × 18,000)
        // = 100 as well, so volume is on plan; win rate 30% → 25% costs 100,000, deal size 20,000 → 18,000 50,000
        Evaluation e = evaluation(
                List.of(
                        target("R", "all", "sales", 450_000, false),
                        target("WR", "all", "sales", 0.25, false),
                        target("ASP", "all", "sales", 18_000, false)),
                List.of());

        Attribution.Miss m = Attribution.explain(a, e).stream()
                .filter(x -> x.clauseId().equals("R"))
                .findFirst()
                .orElseThrow();

        assertEquals(3, m.links().size());
        Attribution.Link volume = m.links().get(0);
        assertEquals("volume", volume.kind());
        assertEquals("SQOs", volume.label());
        assertNull(volume.team());
        assertNull(volume.planned());
        assertEquals(100, volume.actual(), 1e-9);
        assertEquals(0, volume.shortfall(), 1e-9);
        assertEquals("no target in the agreement", volume.evidence());
        assertEquals(-100_000, m.links().get(1).shortfall(), 1e-9);
        assertEquals("deal size", m.links().get(2).kind());
        assertEquals("average selling price", m.links().get(2).label());
        assertEquals(-50_000, m.links().get(2).shortfall(), 1e-9);
        assertEquals(-150_000, sum(m), 1e-9);

        Attribution.Miss winRate = Attribution.explain(a, e).get(1);
        assertEquals("WR", winRate.clauseId());
        assertEquals(
                List.of("win rate"),
                winRate.links().stream().map(Attribution.Link::label).toList());
        assertEquals(-0.05, sum(winRate), 1e-12);
    }

    @Test
    void aCoverageMissWithoutStageTargetsIsOneLinkBlamedOnNobody() {
        String yaml = HEAD + """
                  - id: P
                    type: target
                    metric: pipeline_coverage
                    min: 3
                    owner: sales
                """;
        Agreement a = RuleVerifier.of(yaml).agreement();
        Attribution.Miss m = Attribution.explain(
                        a, evaluation(List.of(target("P", "all", "sales", 2.4, false)), List.of()))
                .get(0);
        assertEquals("pipeline coverage", m.label());
        assertEquals(1, m.links().size());
        Attribution.Link l = m.links().get(0);
        assertEquals("SQOs and opportunity value against quota", l.label());
        assertEquals("volume", l.kind());
        assertNull(l.team());
        assertNull(l.planned());
        assertEquals(-0.6, l.shortfall(), 1e-12);
        assertEquals("no target in the agreement", l.evidence());
    }

    @Test
    void metTargetsAndOtherMetricsAreNotExplained() {
        Evaluation e = evaluation(
                List.of(result("W", 50, true), result("V", 800, false), result("C1", 0.35, false)), List.of());
        assertEquals(List.of(), Attribution.explain(A, e));
    }

    @Test
    void aTemplateShapedRunExplainsAMissedRevenueTargetPerTeam() {
        RuleVerifier v = RuleVerifier.of(HEAD.replace("sdr: { owner: \"SDR Manager\" }", "") + """
                  - id: REV
                    type: target
                    metric: revenue
                    min: 10000
                    owner: sales
                  - id: MQLS
                    type: target
                    metric: count(mql)
                    min: 4
                    owner: marketing
                  - id: WON
                    type: target
                    metric: conversion(mql, won)
                    min: 0.5
                    owner: sales
                  - id: ASP
                    type: target
                    metric: average_selling_price
                    min: 5000
                    owner: sales
                """);
        // 3 MQLs, 1 won at 4,000: planned 4 × 50% × 5,000 = 10,000; actual 3 × 1/3 × 4,000 = 4,000
        Evaluation e = v.given(
                        lead("A")
                                .created("2026-10-01T09:00")
                                .mql("2026-10-01T09:00")
                                .sqo("2026-10-02T09:00")
                                .amount(4000)
                                .closed("2026-10-05T09:00")
                                .outcome("won"),
                        lead("B").created("2026-10-01T09:00").mql("2026-10-02T09:00"),
                        lead("C").created("2026-10-01T09:00").mql("2026-10-03T09:00"))
                .forPeriod("2026-10")
                .evaluation();

        List<Attribution.Miss> misses = Attribution.explain(v.agreement(), e);

        assertEquals(1, misses.size());
        Attribution.Miss m = misses.get(0);
        assertEquals("revenue", m.label());
        assertEquals(
                List.of("MQLs", "MQL → won conversion", "average selling price"),
                m.links().stream().map(Attribution.Link::label).toList());
        assertEquals(-2500, m.links().get(0).shortfall(), 1e-6); // 3 × .5 × 5,000 = 7,500
        assertEquals(-2500, m.links().get(1).shortfall(), 1e-6); // 3 × 1/3 × 5,000 = 5,000
        assertEquals(-1000, m.links().get(2).shortfall(), 1e-6); // 3 × 1/3 × 4,000 = 4,000
        assertEquals(-6000, sum(m), 1e-9);
        assertTrue(m.links().stream().allMatch(l -> l.team() != null));
    }
}
