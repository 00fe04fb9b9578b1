package dev.l2r.rules;

import static dev.l2r.rules.RulesHarness.lead;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.l2r.evaluate.Finding;
import dev.l2r.evaluate.TeamAccountability;
import dev.l2r.evaluate.Violation;
import dev.l2r.verify.LeadBuilder;
import dev.l2r.verify.RuleVerifier;
import dev.l2r.verify.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * rules/data-quality.drl in memory: one October 2026 data set (New York time) in which each lead either trips
 * one check or is a near miss of it; one evaluation, then one assertion per lead.
 */
class DataQualityRulesTest {

    /** Each data-quality id with its severity and the field it names (null: depends on the lead). */
    static final Map<String, String[]> CHECKS = Map.of(
            "DQ-SAL-BEFORE-MQL", new String[] {"minor", "sal_at"},
            "DQ-STAGE-BEFORE-CREATED", new String[] {"minor", null},
            "DQ-TOUCH-IS-AUTO-RESPONSE", new String[] {"major", "first_touch_at"},
            "DQ-REJECTION-WITHOUT-DATE", new String[] {"minor", "rejected_at"},
            "DQ-CLOSED-BEFORE-SQO", new String[] {"minor", "closed_at"},
            "DQ-WON-WITHOUT-AMOUNT", new String[] {"major", "amount"},
            "DQ-OUTCOME-WITHOUT-CLOSE-DATE", new String[] {"major", "closed_at"},
            "DQ-CLOSE-DATE-WITHOUT-OUTCOME", new String[] {"minor", "outcome"});

    static final String AGREEMENT = """
            sla: dq-test
            title: Data-quality test agreement
            version: "1"
            period: month
            timezone: America/New_York
            teams:
              marketing: { owner: "VP Demand Generation" }
              revenue-ops: { owner: "RevOps Lead" }
            clauses:
              - id: T1
                type: target
                metric: count(mql)
                min: 0
                owner: marketing
            """;

    /** A lead and the findings it must produce: ids, with the field in brackets where the check varies it. */
    record Case(String sentence, LeadBuilder lead, List<String> findings) {
        @Override
        public String toString() {
            return sentence;
        }
    }

    static Case c(String sentence, LeadBuilder lead, String... findings) {
        return new Case(sentence, lead, List.of(findings));
    }

    static final List<Case> CASES = List.of(
            // SAL before MQL
            c(
                    "SAL a day before the MQL is reported",
                    lead("SAL1").mql("2026-10-06T10:00").sal("2026-10-05T10:00"),
                    "DQ-SAL-BEFORE-MQL"),
            c(
                    "SAL in September before an October MQL is reported in October, the period of the later event",
                    lead("SAL2")
                            .created("2026-09-20T09:00")
                            .sal("2026-09-28T10:00")
                            .mql("2026-10-02T10:00"),
                    "DQ-SAL-BEFORE-MQL"),
            c("SAL after the MQL is fine", lead("SAL3").mql("2026-10-05T10:00").sal("2026-10-06T10:00")),
            c(
                    "SAL before an MQL that comes after as-of is not reported yet",
                    lead("SAL4").sal("2026-10-20T10:00").mql("2026-11-02T10:00")),
            c(
                    "SAL before MQL, both in September, belongs to September",
                    lead("SAL5")
                            .created("2026-09-01T09:00")
                            .sal("2026-09-05T10:00")
                            .mql("2026-09-10T10:00")),
            // stage before created_at
            c(
                    "An MQL three hours before the lead was created is reported",
                    lead("CRE1").created("2026-10-10T12:00").mql("2026-10-10T09:00"),
                    "DQ-STAGE-BEFORE-CREATED(mql_at)"),
            c(
                    "An inquiry before created_at is fine (offline inquiries are entered later)",
                    lead("CRE2")
                            .created("2026-10-10T12:00")
                            .inquiry("2026-10-01T09:00")
                            .mql("2026-10-10T12:30")),
            c(
                    "An MQL at the instant of creation is fine",
                    lead("CRE3").created("2026-10-10T12:00").mql("2026-10-10T12:00")),
            c(
                    "Several stages before created_at make one finding naming the first",
                    lead("CRE4")
                            .created("2026-10-10T12:00")
                            .sal("2026-10-09T12:00")
                            .sqo("2026-10-09T13:00")
                            .opportunityId("O-CRE4"),
                    "DQ-STAGE-BEFORE-CREATED(sal_at)"),
            c(
                    "A lead created in September belongs to September",
                    lead("CRE5").created("2026-09-25T12:00").mql("2026-09-24T12:00")),
            // first touch = auto-response
            c(
                    "A first touch at the instant of the auto-response is reported",
                    lead("TCH1")
                            .mql("2026-10-07T10:00")
                            .autoResponse("2026-10-07T10:05")
                            .firstTouch("2026-10-07T10:05"),
                    "DQ-TOUCH-IS-AUTO-RESPONSE"),
            c(
                    "A first touch after the auto-response is fine",
                    lead("TCH2")
                            .mql("2026-10-07T10:00")
                            .autoResponse("2026-10-07T10:05")
                            .firstTouch("2026-10-07T10:30")),
            c(
                    "A person's touch before the auto-response is fine",
                    lead("TCH5")
                            .mql("2026-10-07T10:00")
                            .autoResponse("2026-10-07T10:05")
                            .firstTouch("2026-10-07T10:02")),
            c(
                    "A first touch without an auto-response is fine",
                    lead("TCH3").mql("2026-10-07T10:00").firstTouch("2026-10-07T10:30")),
            c(
                    "A copied touch in September belongs to September",
                    lead("TCH4")
                            .created("2026-09-29T09:00")
                            .mql("2026-09-30T10:00")
                            .autoResponse("2026-09-30T10:05")
                            .firstTouch("2026-09-30T10:05")),
            // rejection reason without rejected_at
            c(
                    "A rejection reason without rejected_at is reported",
                    lead("REJ1").mql("2026-10-08T10:00").rejectionReason("no-budget"),
                    "DQ-REJECTION-WITHOUT-DATE"),
            c(
                    "A rejection with reason and rejected_at is fine",
                    lead("REJ2")
                            .mql("2026-10-08T10:00")
                            .rejected("2026-10-09T10:00")
                            .rejectionReason("no-budget")),
            c(
                    "A rejection after as-of has not happened yet, reason included",
                    lead("REJ3")
                            .mql("2026-10-08T10:00")
                            .rejected("2026-11-03T10:00")
                            .rejectionReason("no-budget")),
            // closed before sqo
            c(
                    "A deal closed the day before it became an opportunity is reported",
                    lead("CLS1")
                            .sqo("2026-10-12T10:00")
                            .closed("2026-10-11T10:00")
                            .outcome("won")
                            .amount(1000)
                            .opportunityId("O-CLS1"),
                    "DQ-CLOSED-BEFORE-SQO"),
            c(
                    "A deal closed after it became an opportunity is fine",
                    lead("CLS2")
                            .sqo("2026-10-12T10:00")
                            .closed("2026-10-20T10:00")
                            .outcome("won")
                            .amount(1000)),
            c(
                    "A deal closed at the instant it became an opportunity is fine",
                    lead("CLS3")
                            .sqo("2026-10-12T10:00")
                            .closed("2026-10-12T10:00")
                            .outcome("lost")),
            // won without amount
            c(
                    "A won deal without amount is reported",
                    lead("WON1")
                            .sqo("2026-10-02T10:00")
                            .closed("2026-10-15T10:00")
                            .outcome("won")
                            .opportunityId("O-WON1"),
                    "DQ-WON-WITHOUT-AMOUNT"),
            c(
                    "A won deal with amount 0 is reported",
                    lead("WON2")
                            .sqo("2026-10-02T10:00")
                            .closed("2026-10-15T10:00")
                            .outcome("won")
                            .amount(0),
                    "DQ-WON-WITHOUT-AMOUNT"),
            c(
                    "A won deal with an amount is fine",
                    lead("WON3")
                            .sqo("2026-10-02T10:00")
                            .closed("2026-10-15T10:00")
                            .outcome("won")
                            .amount(5000)),
            c(
                    "A lost deal without amount is fine",
                    lead("WON4")
                            .sqo("2026-10-02T10:00")
                            .closed("2026-10-15T10:00")
                            .outcome("lost")),
            c(
                    "A deal won late on October 31 in New York (November 1 in UTC) belongs to October",
                    lead("WON5")
                            .sqo("2026-10-02T10:00")
                            .closed("2026-10-31T22:00")
                            .outcome("won"),
                    "DQ-WON-WITHOUT-AMOUNT"),
            c(
                    "A deal won after as-of is still open",
                    lead("WON6")
                            .sqo("2026-10-02T10:00")
                            .closed("2026-11-01T00:30")
                            .outcome("won")),
            c(
                    "A deal won late on September 30 in New York (October 1 in UTC) belongs to September",
                    lead("WON7")
                            .created("2026-09-01T09:00")
                            .sqo("2026-09-02T10:00")
                            .closed("2026-09-30T23:00")
                            .outcome("won")),
            // won/lost without closed_at
            c(
                    "A won deal without closed_at is reported",
                    lead("OUT1")
                            .sqo("2026-10-02T10:00")
                            .outcome("won")
                            .amount(100)
                            .opportunityId("O-OUT1"),
                    "DQ-OUTCOME-WITHOUT-CLOSE-DATE"),
            c(
                    "A lost deal without closed_at is reported",
                    lead("OUT2").sqo("2026-10-02T10:00").outcome("lost"),
                    "DQ-OUTCOME-WITHOUT-CLOSE-DATE"),
            c(
                    "An open deal without closed_at is fine",
                    lead("OUT3").sqo("2026-10-02T10:00").outcome("open")),
            c(
                    "A won deal without closed_at created in September belongs to September",
                    lead("OUT4").created("2026-09-15T09:00").outcome("won").amount(100)),
            c(
                    "A won deal without closed_at that became an opportunity in October belongs to October",
                    lead("OUT5")
                            .created("2026-09-15T09:00")
                            .sqo("2026-10-02T10:00")
                            .outcome("won"),
                    "DQ-OUTCOME-WITHOUT-CLOSE-DATE"),
            c(
                    "A won deal without closed_at that becomes an opportunity after as-of has no outcome yet",
                    lead("OUT6").sqo("2026-11-02T10:00").outcome("won").opportunityId("O-OUT6")),
            // closed_at without won or lost
            c(
                    "A closed_at on an open deal is reported",
                    lead("CNO1")
                            .sqo("2026-10-02T10:00")
                            .closed("2026-10-09T10:00")
                            .outcome("open"),
                    "DQ-CLOSE-DATE-WITHOUT-OUTCOME"),
            c(
                    "A closed_at without any outcome is reported",
                    lead("CNO2").sqo("2026-10-02T10:00").closed("2026-10-09T10:00"),
                    "DQ-CLOSE-DATE-WITHOUT-OUTCOME"),
            c(
                    "A closed_at after as-of has not happened yet",
                    lead("CNO3")
                            .sqo("2026-10-02T10:00")
                            .closed("2026-11-02T10:00")
                            .outcome("open")),
            // several checks, and clean leads
            c(
                    "Each check reports on its own: won without amount and closed before sqo",
                    lead("MUL1")
                            .sqo("2026-10-12T10:00")
                            .closed("2026-10-11T10:00")
                            .outcome("won"),
                    "DQ-CLOSED-BEFORE-SQO",
                    "DQ-WON-WITHOUT-AMOUNT"),
            c(
                    "A clean lead through the whole funnel is fine",
                    lead("OK1")
                            .inquiry("2026-10-01T08:00")
                            .mql("2026-10-01T09:00")
                            .autoResponse("2026-10-01T09:01")
                            .firstTouch("2026-10-01T10:00")
                            .sal("2026-10-02T10:00")
                            .sqo("2026-10-05T10:00")
                            .opportunityId("O-OK1")
                            .amount(25000)
                            .closed("2026-10-28T10:00")
                            .outcome("won")),
            c(
                    "Two open opportunities of one company are no data-quality finding",
                    lead("DUP1")
                            .company("Dupco")
                            .sqo("2026-10-03T10:00")
                            .opportunityId("O-DUP1")
                            .outcome("open")),
            c(
                    "The second open opportunity of one company is no data-quality finding either",
                    lead("DUP2")
                            .company("Dupco")
                            .sqo("2026-10-06T10:00")
                            .opportunityId("O-DUP2")
                            .outcome("open")));

    static final Scenario RUN = RuleVerifier.of(AGREEMENT, RuleVerifier.SHIPPED_RULES)
            .given(CASES.stream().map(Case::lead).toList())
            .forPeriod("2026-10");

    static Stream<Case> cases() {
        return CASES.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachLeadGetsExactlyItsFindings(Case c) {
        String id = c.lead().id();
        List<Finding> rows = RUN.evaluation().findings().stream()
                .filter(f -> f.leadId().equals(id))
                .toList();
        List<String> got = new ArrayList<>();
        for (Finding f : rows) {
            String clause = f.checkId();
            String[] check = CHECKS.get(clause);
            assertNotNull(check, "unexpected finding " + f);
            String field = f.field();
            got.add(check[1] == null ? clause + "(" + field + ")" : clause);
            assertEquals(check[0], f.severity().key(), clause);
            if (check[1] != null) assertEquals(check[1], field, clause);
            // actual holds the offending value(s), the field's among them ("closed_at missing"), not just its name
            String actual = f.actual();
            assertTrue(actual.startsWith(field + " ") || actual.contains(", " + field + " "), actual);
            assertTrue(f.message().startsWith("Lead " + id + " "), f.message());
            assertTrue(f.message().endsWith("."), f.message());
        }
        // findings are no SLA violations
        assertTrue(RUN.evaluation().violations().stream()
                .noneMatch(v -> v.subject().equals(id)));
        assertEquals(
                c.findings().stream().sorted().toList(), got.stream().sorted().toList());
    }

    @Test
    void onlyDataQualityFindingsWhenNoClauseNamesACustomRule() {
        // TCH1 (auto-response as touch) and DUP1/DUP2 (two open opportunities of Dupco) would trip the rules
        // of custom-rules.drl; no clause of this agreement names them, so they stay silent.
        List<String> other =
                RUN.evaluation().violations().stream().map(Violation::toString).toList();
        assertEquals(List.of(), other);
        RUN.firedRule(CustomRulesTest.HUMAN_TOUCH).never();
        RUN.firedRule(CustomRulesTest.ONE_OPPORTUNITY).never();
    }

    @Test
    void accountabilityCountsFindingsPerCheckForRevenueOps() {
        Map<String, Integer> expected = new TreeMap<>();
        for (Case c : CASES) {
            for (String f : c.findings()) expected.merge(f.replaceAll("\\(.*\\)", ""), 1, Integer::sum);
        }
        TeamAccountability team = null;
        for (TeamAccountability t : RUN.evaluation().teams()) if (t.team().equals("revenue-ops")) team = t;
        assertNotNull(team);
        assertEquals("RevOps Lead", team.owner());
        Map<String, Integer> got = new TreeMap<>();
        team.dataQuality().forEach((k, n) -> got.put(k, n.intValue()));
        assertEquals(expected, got);
        assertEquals(CHECKS.keySet(), got.keySet(), "every check is exercised by a matching lead");
    }

    @Test
    void actualNamesTheOffendingValuesInTheAgreementsZone() {
        // one row per check (two where the value varies); times in New York time, as people enter them
        assertEquals(
                "sal_at Mon 2026-09-28 10:00 EDT, mql_at Fri 2026-10-02 10:00 EDT",
                actual("SAL2", "DQ-SAL-BEFORE-MQL"));
        assertEquals(
                "mql_at Sat 2026-10-10 09:00 EDT, created_at Sat 2026-10-10 12:00 EDT",
                actual("CRE1", "DQ-STAGE-BEFORE-CREATED"));
        assertEquals(
                "sal_at Fri 2026-10-09 12:00 EDT, sqo_at Fri 2026-10-09 13:00 EDT, created_at Sat 2026-10-10 12:00 EDT",
                actual("CRE4", "DQ-STAGE-BEFORE-CREATED"));
        assertEquals(
                "first_touch_at Wed 2026-10-07 10:05 EDT, auto_response_at Wed 2026-10-07 10:05 EDT",
                actual("TCH1", "DQ-TOUCH-IS-AUTO-RESPONSE"));
        assertEquals("rejection_reason no-budget, rejected_at missing", actual("REJ1", "DQ-REJECTION-WITHOUT-DATE"));
        assertEquals(
                "closed_at Sun 2026-10-11 10:00 EDT, sqo_at Mon 2026-10-12 10:00 EDT",
                actual("CLS1", "DQ-CLOSED-BEFORE-SQO"));
        assertEquals("amount missing", actual("WON1", "DQ-WON-WITHOUT-AMOUNT"));
        assertEquals("amount 0", actual("WON2", "DQ-WON-WITHOUT-AMOUNT"));
        assertEquals("outcome won, closed_at missing", actual("OUT1", "DQ-OUTCOME-WITHOUT-CLOSE-DATE"));
        assertEquals("outcome lost, closed_at missing", actual("OUT2", "DQ-OUTCOME-WITHOUT-CLOSE-DATE"));
        assertEquals(
                "outcome open, closed_at Fri 2026-10-09 10:00 EDT", actual("CNO1", "DQ-CLOSE-DATE-WITHOUT-OUTCOME"));
        assertEquals(
                "outcome missing, closed_at Fri 2026-10-09 10:00 EDT", actual("CNO2", "DQ-CLOSE-DATE-WITHOUT-OUTCOME"));
    }

    @Test
    void messagesNameTheLeadTheTimesAndTheFix() {
        assertEquals(
                "Lead SAL2 was accepted by sales (sal_at Mon 2026-09-28 10:00 EDT) before it became an MQL"
                        + " (mql_at Fri 2026-10-02 10:00 EDT); correct sal_at or mql_at in the CRM so that MQL-to-SAL conversion"
                        + " and the acceptance clock are right.",
                message("SAL2", "DQ-SAL-BEFORE-MQL"));
        assertEquals(
                "Lead CRE4 was created Sat 2026-10-10 12:00 EDT but has sal_at Fri 2026-10-09 12:00 EDT,"
                        + " sqo_at Fri 2026-10-09 13:00 EDT earlier than that; a lead cannot reach a stage before it exists:"
                        + " correct created_at or the stage timestamp in the CRM.",
                message("CRE4", "DQ-STAGE-BEFORE-CREATED"));
        assertEquals(
                "Lead WON1 (opportunity O-WON1) was won Thu 2026-10-15 10:00 EDT with no amount; enter the deal amount"
                        + " in the CRM, or revenue and average selling price are understated.",
                message("WON1", "DQ-WON-WITHOUT-AMOUNT"));
        assertEquals(
                "Lead WON2 was won Thu 2026-10-15 10:00 EDT with the amount 0; enter the deal amount"
                        + " in the CRM, or revenue and average selling price are understated.",
                message("WON2", "DQ-WON-WITHOUT-AMOUNT"));
        // late on October 31 in New York is November 1 in UTC: the text shows the day the CRM shows
        assertTrue(
                message("WON5", "DQ-WON-WITHOUT-AMOUNT").contains(" was won Sat 2026-10-31 22:00 EDT with no amount;"),
                message("WON5", "DQ-WON-WITHOUT-AMOUNT"));
        assertEquals(
                "Lead CNO2 has closed_at Fri 2026-10-09 10:00 EDT but the outcome is empty; set it to won or lost"
                        + " in the CRM, or clear closed_at if the deal is still open.",
                message("CNO2", "DQ-CLOSE-DATE-WITHOUT-OUTCOME"));
        assertEquals(
                "Lead REJ1 has the rejection reason \"no-budget\" but no rejected_at; record when sales rejected it"
                        + " in the CRM, or clear the reason if it was not rejected.",
                message("REJ1", "DQ-REJECTION-WITHOUT-DATE"));
    }

    @Test
    void clauseTitleIsTheRuleName() {
        assertEquals("SAL before MQL", row("SAL1", "DQ-SAL-BEFORE-MQL").title());
        assertEquals(
                "First touch is the auto-response",
                row("TCH1", "DQ-TOUCH-IS-AUTO-RESPONSE").title());
    }

    private static Finding row(String lead, String check) {
        List<Finding> f = RUN.evaluation().findings().stream()
                .filter(x -> x.checkId().equals(check) && x.leadId().equals(lead))
                .toList();
        assertEquals(1, f.size(), check + " findings for " + lead + ": " + f);
        return f.get(0);
    }

    private static String message(String lead, String clause) {
        return row(lead, clause).message();
    }

    private static String actual(String lead, String clause) {
        return row(lead, clause).actual();
    }
}
