package dev.l2r.rules;

import static dev.l2r.rules.RulesHarness.lead;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.l2r.evaluate.Violation;
import dev.l2r.verify.LeadBuilder;
import dev.l2r.verify.RuleVerifier;
import dev.l2r.verify.Scenario;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * rules/custom-rules.drl in memory: an agreement whose `rule` clauses name both rules, one October 2026 data
 * set, one evaluation; per lead the clause rows it must produce, then the met/violated counts (leads a rule
 * assessed and found fine appear only there).
 */
class CustomRulesTest {

    static final String HUMAN_TOUCH = "MQLs get a human touch, not only an auto-response";
    static final String ONE_OPPORTUNITY = "One open opportunity per company";

    static final String AGREEMENT = """
            sla: custom-test
            version: "1"
            period: month
            timezone: America/New_York
            teams:
              sales: { owner: "VP Sales" }
              sdr: { owner: "SDR Manager" }
              revenue-ops: { owner: "RevOps Lead" }
            clauses:
              - id: C1
                title: Each company has one open opportunity
                type: rule
                rule: "One open opportunity per company"
                owner: sales
              - id: C2
                title: Enterprise MQLs get a human touch
                type: rule
                rule: "MQLs get a human touch, not only an auto-response"
                where: ["team = enterprise"]
                owner: sdr
                severity: critical
            """;

    record Case(String sentence, LeadBuilder lead, List<String> clauses) {
        @Override
        public String toString() {
            return sentence;
        }
    }

    static Case c(String sentence, LeadBuilder lead, String... clauses) {
        return new Case(sentence, lead, List.of(clauses));
    }

    static final List<Case> CASES = List.of(
            // C2: human touch, enterprise only
            c(
                    "An enterprise MQL whose only touch is the auto-response violates C2",
                    lead("HT1")
                            .team("enterprise")
                            .owner("Ann")
                            .mql("2026-10-05T10:00")
                            .autoResponse("2026-10-05T10:01")
                            .firstTouch("2026-10-05T10:01"),
                    "C2"),
            c(
                    "An enterprise MQL touched by a person after the auto-response meets C2",
                    lead("HT2")
                            .team("enterprise")
                            .owner("Ann")
                            .mql("2026-10-05T10:00")
                            .autoResponse("2026-10-05T10:01")
                            .firstTouch("2026-10-05T11:30")),
            c(
                    "An enterprise MQL touched without any auto-response meets C2",
                    lead("HT3")
                            .team("enterprise")
                            .owner("Ann")
                            .mql("2026-10-05T10:00")
                            .firstTouch("2026-10-05T11:30")),
            c(
                    "An SMB MQL whose only touch is the auto-response is outside C2's segment",
                    lead("HT4")
                            .team("smb")
                            .owner("Bob")
                            .mql("2026-10-05T10:00")
                            .autoResponse("2026-10-05T10:01")
                            .firstTouch("2026-10-05T10:01")),
            c(
                    "An enterprise MQL not touched yet is left to the follow-up clauses",
                    lead("HT5")
                            .team("enterprise")
                            .owner("Ann")
                            .mql("2026-10-05T10:00")
                            .autoResponse("2026-10-05T10:01")),
            c(
                    "An enterprise MQL of September touched in October is judged in October, and meets C2",
                    lead("HT6")
                            .team("enterprise")
                            .owner("Ann")
                            .created("2026-09-30T09:00")
                            .mql("2026-09-30T16:00")
                            .autoResponse("2026-09-30T16:01")
                            .firstTouch("2026-10-01T09:00")),
            c(
                    "An enterprise MQL auto-touched in September belongs to September",
                    lead("HT7")
                            .team("enterprise")
                            .owner("Ann")
                            .created("2026-09-20T09:00")
                            .mql("2026-09-20T10:00")
                            .autoResponse("2026-09-20T10:01")
                            .firstTouch("2026-09-20T10:01")),
            c(
                    "A touched enterprise lead that never became an MQL is not assessed",
                    lead("HT8").team("enterprise").owner("Ann").firstTouch("2026-10-05T11:30")),
            // C1: one open opportunity per company
            c(
                    "The oldest open opportunity of Acme (September) is not assessed in October",
                    lead("AC1")
                            .company("Acme")
                            .owner("Cy")
                            .created("2026-09-01T09:00")
                            .sqo("2026-09-20T10:00")
                            .opportunityId("O-1")
                            .outcome("open")),
            c(
                    "A second open opportunity of Acme violates C1",
                    lead("AC2")
                            .company("Acme")
                            .owner("Cy")
                            .sqo("2026-10-05T10:00")
                            .opportunityId("O-2")
                            .outcome("open"),
                    "C1"),
            c(
                    "A third open opportunity of Acme violates C1 once, against the oldest",
                    lead("AC3")
                            .company("Acme")
                            .owner("Di")
                            .sqo("2026-10-08T10:00")
                            .opportunityId("O-3")
                            .outcome("open"),
                    "C1"),
            c(
                    "An Acme opportunity that opens after as-of has not happened yet",
                    lead("AC4")
                            .company("Acme")
                            .owner("Di")
                            .sqo("2026-11-02T10:00")
                            .opportunityId("O-4")
                            .outcome("open")),
            c(
                    "Beta's older opportunity was won in September",
                    lead("BE1")
                            .company("Beta")
                            .owner("Cy")
                            .created("2026-09-01T09:00")
                            .sqo("2026-09-10T10:00")
                            .opportunityId("O-B1")
                            .amount(1000)
                            .closed("2026-09-30T10:00")
                            .outcome("won")),
            c(
                    "A new Beta opportunity after the old one closed meets C1",
                    lead("BE2")
                            .company("Beta")
                            .owner("Cy")
                            .sqo("2026-10-03T10:00")
                            .opportunityId("O-B2")
                            .outcome("open")),
            c(
                    "Of two Gamma opportunities opened at the same instant the lower lead id is the one to keep",
                    lead("GA1")
                            .company("Gamma")
                            .owner("Cy")
                            .sqo("2026-10-04T10:00")
                            .opportunityId("O-G1")
                            .outcome("open")),
            c(
                    "Of two Gamma opportunities opened at the same instant the higher lead id violates C1",
                    lead("GA2")
                            .company("Gamma")
                            .owner("Cy")
                            .sqo("2026-10-04T10:00")
                            .opportunityId("O-G2")
                            .outcome("open"),
                    "C1"),
            c(
                    "Delta's only open opportunity meets C1",
                    lead("DE1")
                            .company("Delta")
                            .owner("Cy")
                            .sqo("2026-10-06T10:00")
                            .opportunityId("O-D1")
                            .outcome("open")),
            c(
                    "A Delta opportunity lost by as-of is not assessed and does not count against Delta",
                    lead("DE2")
                            .company("Delta")
                            .owner("Cy")
                            .sqo("2026-10-02T10:00")
                            .opportunityId("O-D2")
                            .closed("2026-10-20T10:00")
                            .outcome("lost")),
            c(
                    "An opportunity without a company is not assessed",
                    lead("NC1")
                            .owner("Cy")
                            .sqo("2026-10-05T10:00")
                            .opportunityId("O-N1")
                            .outcome("open")));

    static final Scenario RUN = RuleVerifier.of(AGREEMENT, RuleVerifier.SHIPPED_RULES)
            .given(CASES.stream().map(Case::lead).toList())
            .forPeriod("2026-10");

    static Stream<Case> cases() {
        return CASES.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachLeadGetsExactlyItsClauseViolations(Case c) {
        String id = c.lead().id();
        List<Violation> rows = RUN.evaluation().violations().stream()
                .filter(v -> v.subject().equals(id) && v.type().equals("rule"))
                .toList();
        assertEquals(c.clauses(), rows.stream().map(Violation::clauseId).toList());
        for (Violation v : rows) {
            boolean c1 = v.clauseId().equals("C1");
            assertEquals("2026-10", v.period());
            assertEquals(c1 ? "sales" : "sdr", v.team());
            assertEquals(c1 ? "major" : "critical", v.severity().key());
            assertEquals(c.lead().get("owner"), v.owner(), "the lead's owner is accountable");
            assertEquals(
                    c1 ? "Each company has one open opportunity" : "Enterprise MQLs get a human touch",
                    v.clauseTitle());
            assertEquals(c1 ? "one open opportunity per company" : "a first touch by a person", v.expected());
            assertNull(v.deadline());
            assertTrue(v.message().startsWith("Lead " + id + " "), v.message());
        }
    }

    @Test
    void metAndViolatedCountsPerClause() {
        // C2 met: HT2, HT3, HT6; violated: HT1. HT4 is outside the segment, HT5/HT7/HT8 are not assessed.
        assertCounts("sdr", "C2", 3, 1);
        RUN.clause("C2").meets("HT2", "HT3", "HT6").violates("HT1");
        // C1 met: BE2, GA1, DE1; violated: AC2, AC3, GA2.
        assertCounts("sales", "C1", 3, 3);
        RUN.clause("C1").meets("BE2", "GA1", "DE1").violates("AC2", "AC3", "GA2");
    }

    @Test
    void eachRuleFiresOnceOnEachLeadItAssessesSegmentOrNot() {
        // HT4 (smb) is assessed by the rule; the clause's where leaves it out
        RUN.firedRule(HUMAN_TOUCH).on("HT1", "HT2", "HT3", "HT4", "HT6");
        RUN.firedRule(ONE_OPPORTUNITY).on("AC2", "AC3", "BE2", "GA1", "GA2", "DE1");
    }

    @Test
    void humanTouchViolationSaysWhatHappenedAndWhatToDo() {
        Violation v = RUN.clause("C2").violation("HT1");
        assertEquals("first touch = auto-response at Mon 2026-10-05 10:01 EDT", v.actual());
        assertEquals(
                "Lead HT1 became an MQL Mon 2026-10-05 10:00 EDT and its only recorded touch is the auto-response of"
                        + " Mon 2026-10-05 10:01 EDT; a person must call or e-mail it, and first_touch_at must record that touch.",
                v.message());
    }

    @Test
    void duplicateOpportunityIsReportedAgainstTheOldestOpenOne() {
        Scenario c1 = RUN.clause("C1");
        Violation second = c1.violation("AC2");
        assertEquals("2 open opportunities for Acme: O-1 (lead AC1), O-2 (lead AC2)", second.actual());
        assertEquals(
                "Lead AC2 became an opportunity (O-2) for Acme Mon 2026-10-05 10:00 EDT while O-1 (lead AC1), opened"
                        + " Sun 2026-09-20 10:00 EDT, is still open; merge it into O-1 or close it as a duplicate in the CRM.",
                second.message());
        Violation third = c1.violation("AC3");
        assertEquals("3 open opportunities for Acme: O-1 (lead AC1), O-2 (lead AC2), O-3 (lead AC3)", third.actual());
        assertEquals(
                "Lead AC3 became an opportunity (O-3) for Acme Thu 2026-10-08 10:00 EDT while O-1 (lead AC1), opened"
                        + " Sun 2026-09-20 10:00 EDT, is still open (1 more open as well); merge it into O-1 or close it as a duplicate"
                        + " in the CRM.",
                third.message());
        assertEquals(
                "2 open opportunities for Gamma: O-G1 (lead GA1), O-G2 (lead GA2)",
                c1.violation("GA2").actual());
    }

    @Test
    void dataQualityChecksStillRunBesideTheClauses() {
        // HT1 and HT4 record the auto-response as the touch: a C2 violation for sdr (HT1 only, the enterprise
        // one) and a data-quality finding for revenue ops (both).
        assertEquals(
                List.of("HT1", "HT4"),
                RUN.evaluation().findings().stream()
                        .filter(f -> f.checkId().equals("DQ-TOUCH-IS-AUTO-RESPONSE"))
                        .map(f -> f.leadId())
                        .toList());
        RUN.clause("DQ-TOUCH-IS-AUTO-RESPONSE").violates(); // a finding is no violation
    }

    private static void assertCounts(String team, String clause, int met, int violated) {
        long[] c = RUN.clause(clause).outcome(team);
        assertNotNull(c, team + " " + clause);
        assertEquals(met, c[0], team + " " + clause + " met");
        assertEquals(violated, c[1], team + " " + clause + " violated");
        assertEquals(met + violated, c[0] + c[1] + c[2] + c[3], team + " " + clause + " assessed");
    }
}
