package dev.l2r.evaluate;

import static dev.l2r.verify.LeadBuilder.lead;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.l2r.model.Severity;
import dev.l2r.verify.LeadBuilder;
import dev.l2r.verify.RuleVerifier;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Verdicts (docs/AGREEMENTS.md "Verdicts"), hand-computed, in memory: the objective's misses budget, a
 * critical miss that no compliance figure hides, a minor breach that only puts the agreement at risk.
 */
class VerdictTest {

    static final String HEAD = """
            sla: t
            period: month
            timezone: America/New_York
            teams:
              marketing: { owner: "VP Marketing" }
              sdr: { owner: "SDR Manager" }
            clauses:
            """;

    /** F1: 95% of MQLs touched within an hour (real time); T1: a critical target; R1: a minor rejection rule. */
    static final RuleVerifier VERIFY = RuleVerifier.of(HEAD + """
              - id: F1
                type: followup
                from: mql
                to: first_touch
                within: 1 hours
                objective: 0.95
                owner: sdr
              - id: T1
                type: target
                metric: count(sal)
                min: 1
                owner: marketing
                severity: critical
              - id: R1
                type: rejection
                reasons: [no-budget]
                owner: sdr
                severity: minor
            """);

    /** {@code n} MQLs on 2026-10-05, a minute apart; the first {@code late} touched after 2 hours, the rest after 30 minutes. */
    static List<LeadBuilder> mqls(int n, int late) {
        List<LeadBuilder> out = new ArrayList<>();
        LocalDateTime start = LocalDateTime.parse("2026-10-05T08:00");
        for (int i = 0; i < n; i++) {
            LocalDateTime at = start.plusMinutes(i);
            LocalDateTime touch = at.plusMinutes(i < late ? 120 : 30);
            out.add(lead(String.format("L%03d", i))
                    .created(at.toString())
                    .team("sdr")
                    .owner("Rep " + (i % 2))
                    .mql(at.toString())
                    .firstTouch(touch.toString()));
        }
        return out;
    }

    static LeadBuilder sal(String id) {
        return lead(id).created("2026-10-06T10:00").team("sdr").owner("Rep 0").sal("2026-10-06T11:00");
    }

    static ClauseOutcome outcome(Evaluation e, String team, String clause) {
        return e.teams().stream()
                .filter(t -> t.team().equals(team))
                .flatMap(t -> t.clauses().stream())
                .filter(c -> c.clauseId().equals(clause))
                .findFirst()
                .orElseThrow();
    }

    static TeamAccountability team(Evaluation e, String team) {
        return e.teams().stream().filter(t -> t.team().equals(team)).findFirst().orElseThrow();
    }

    @Test
    void twoMissesOfFortyKeepAnObjectiveOf95Percent() {
        List<LeadBuilder> leads = new ArrayList<>(mqls(40, 2));
        leads.add(sal("S1"));
        Evaluation e = VERIFY.given(leads).forPeriod("2026-10").evaluation();
        ClauseOutcome f1 = outcome(e, "sdr", "F1");
        assertEquals(38, f1.met());
        assertEquals(2, f1.violated());
        assertEquals(0.95, f1.objective());
        assertEquals(2, f1.missesAllowed()); // floor(0.05 x 40)
        assertEquals(0, f1.missesLeft());
        assertEquals(Verdict.KEPT, f1.verdict());
        assertEquals(
                2,
                e.violations().stream().filter(v -> v.clauseId().equals("F1")).count(),
                "each late item listed");
        assertEquals(Verdict.KEPT, team(e, "sdr").verdict());
        assertEquals(Verdict.KEPT, e.verdict());
    }

    @Test
    void threeMissesOfFortyBreachIt() {
        List<LeadBuilder> leads = new ArrayList<>(mqls(40, 3));
        leads.add(sal("S1"));
        Evaluation e = VERIFY.given(leads).forPeriod("2026-10").evaluation();
        ClauseOutcome f1 = outcome(e, "sdr", "F1");
        assertEquals(37, f1.met());
        assertEquals(3, f1.violated());
        assertEquals(2, f1.missesAllowed());
        assertEquals(-1, f1.missesLeft());
        assertEquals(0.925, f1.compliance());
        assertEquals(Verdict.BREACHED, f1.verdict());
        assertEquals(Verdict.BREACHED, team(e, "sdr").verdict(), "F1 is major");
        assertEquals(Verdict.BREACHED, e.verdict());
    }

    @Test
    void aCriticalTargetMissBreachesTheAgreementAt99PercentItemCompliance() {
        // 100 follow-ups all in time (no SAL at all): T1 (count(sal) >= 1, critical) is missed
        Evaluation e = VERIFY.given(mqls(100, 0)).forPeriod("2026-10").evaluation();
        assertEquals(100, e.met());
        assertEquals(1, e.violated());
        assertEquals(100.0 / 101, e.compliance(), 1e-12); // 99.0%
        assertEquals(Verdict.BREACHED, outcome(e, "marketing", "T1").verdict());
        assertEquals(Verdict.BREACHED, team(e, "marketing").verdict());
        assertEquals(Verdict.KEPT, team(e, "sdr").verdict());
        assertEquals(Verdict.BREACHED, e.verdict(), "a critical miss never reads as kept");
        assertEquals(0.0, e.complianceBySeverity().get(Severity.CRITICAL));
        assertEquals(1.0, e.complianceBySeverity().get(Severity.MAJOR));
        assertNull(e.complianceBySeverity().get(Severity.MINOR), "no minor item decided");
        TargetResult t1 = e.targets().get(0);
        assertEquals(Pace.FINAL, t1.pace());
        assertNull(t1.paceValue());
        assertEquals(Severity.CRITICAL, t1.severity());
        assertEquals(Verdict.BREACHED, t1.verdict());
    }

    @Test
    void aMinorBreachPutsTheAgreementAtRisk() {
        List<LeadBuilder> leads = new ArrayList<>(mqls(4, 0));
        leads.add(sal("S1"));
        leads.add(lead("X1")
                .created("2026-10-07T10:00")
                .team("sdr")
                .rejected("2026-10-07T11:00")
                .rejectionReason("meh"));
        Evaluation e = VERIFY.given(leads).forPeriod("2026-10").evaluation();
        assertEquals(Verdict.BREACHED, outcome(e, "sdr", "R1").verdict());
        assertEquals(Verdict.AT_RISK, team(e, "sdr").verdict(), "R1 is minor");
        assertEquals(Verdict.AT_RISK, e.verdict());
        assertEquals(0.0, team(e, "sdr").complianceBySeverity().get(Severity.MINOR));
    }

    @Test
    void anOpenItemAtRiskThatWouldBreachPutsTheClauseAtRisk() {
        RuleVerifier v = RuleVerifier.of(HEAD + """
                  - id: F1
                    type: followup
                    from: mql
                    to: first_touch
                    within: 4 hours
                    warn_at: 0.5
                    owner: sdr
                """);
        // as-of 3 hours after the MQL: past warn_at, deadline not yet reached; nothing decided, no miss left
        Evaluation e = v.given(lead("A").created("2026-10-05T10:00").team("sdr").mql("2026-10-05T10:00"))
                .forPeriod("2026-10")
                .asOf("2026-10-05T13:00")
                .evaluation();
        ClauseOutcome f1 = outcome(e, "sdr", "F1");
        assertEquals(1, f1.atRisk());
        assertEquals(0, f1.missesLeft());
        assertEquals(Verdict.AT_RISK, f1.verdict());
        assertEquals(Verdict.AT_RISK, e.verdict());
    }

    @Test
    void everyClauseAboutLeadsMayDeclareAnObjectiveAndItDefaultsToEveryItem() {
        RuleVerifier v = RuleVerifier.of(HEAD + """
                  - id: H1
                    type: handoff
                    at: mql
                    require: ["score >= 60"]
                    objective: 0.9
                    owner: marketing
                  - id: R1
                    type: rejection
                    reasons: [no-budget]
                    objective: 1
                    owner: sdr
                  - id: F1
                    type: followup
                    from: mql
                    to: first_touch
                    within: 1 hours
                    owner: sdr
                """);
        assertEquals(0.9, v.agreement().clauses().get(0).head().objective());
        assertEquals(1.0, v.agreement().clauses().get(1).head().objective());
        assertEquals(1.0, v.agreement().clauses().get(2).head().objective(), "default: every item");
    }

    @Test
    void theVerdictRuleByHand() {
        // objective 0.95, 40 decided: 2 misses allowed
        assertEquals(Verdict.KEPT, Verdicts.leadLevel(38, 2, 0, 0.95, true));
        assertEquals(Verdict.BREACHED, Verdicts.leadLevel(37, 3, 0, 0.95, true));
        // mid-period with the budget spent: one more miss breaches
        assertEquals(Verdict.AT_RISK, Verdicts.leadLevel(38, 2, 0, 0.95, false));
        // at-risk items beyond what is left: at risk; within it: kept
        assertEquals(Verdict.AT_RISK, Verdicts.leadLevel(40, 0, 3, 0.95, true)); // 2 left, 3 at risk
        assertEquals(Verdict.KEPT, Verdicts.leadLevel(40, 0, 2, 0.95, true));
        assertEquals(Verdict.KEPT, Verdicts.leadLevel(0, 0, 0, 1.0, true), "nothing decided");
        assertEquals(Verdict.KEPT, Verdicts.target(true, Pace.FINAL));
        assertEquals(Verdict.BREACHED, Verdicts.target(false, Pace.FINAL));
        assertEquals(Verdict.AT_RISK, Verdicts.target(false, Pace.BEHIND));
        assertEquals(Verdict.KEPT, Verdicts.target(false, Pace.ON_TRACK));
        assertEquals(Verdict.AT_RISK, Verdicts.target(false, Pace.PROVISIONAL));
        assertEquals(Verdict.KEPT, Verdicts.target(true, Pace.PROVISIONAL));
        assertTrue(Verdict.BREACHED.worse(Verdict.KEPT) == Verdict.BREACHED);
        assertEquals("at risk", Verdict.AT_RISK.key());
        assertEquals("on track", Pace.ON_TRACK.key());
    }
}
