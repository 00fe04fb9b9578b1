package dev.l2r.rules;

import static dev.l2r.rules.RulesHarness.lead;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * rules/custom-rules.drl through the real pipeline: an agreement whose `rule` clauses name both rules, one
 * October 2026 data set, one check run; per lead the clause rows it must produce, then the met/violated
 * counts (leads a rule assessed and found fine appear only there).
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

    record Case(String sentence, Map<String, String> lead, List<String> clauses) {
        @Override
        public String toString() { return sentence; }
    }

    static Case c(String sentence, Map<String, String> lead, String... clauses) {
        return new Case(sentence, lead, List.of(clauses));
    }

    static final List<Case> CASES = List.of(
            // C2: human touch, enterprise only
            c("An enterprise MQL whose only touch is the auto-response violates C2",
                    lead("HT1", "team=enterprise", "owner=Ann", "mql_at=2026-10-05T10:00", "auto_response_at=2026-10-05T10:01",
                            "first_touch_at=2026-10-05T10:01"), "C2"),
            c("An enterprise MQL touched by a person after the auto-response meets C2",
                    lead("HT2", "team=enterprise", "owner=Ann", "mql_at=2026-10-05T10:00", "auto_response_at=2026-10-05T10:01",
                            "first_touch_at=2026-10-05T11:30")),
            c("An enterprise MQL touched without any auto-response meets C2",
                    lead("HT3", "team=enterprise", "owner=Ann", "mql_at=2026-10-05T10:00", "first_touch_at=2026-10-05T11:30")),
            c("An SMB MQL whose only touch is the auto-response is outside C2's segment",
                    lead("HT4", "team=smb", "owner=Bob", "mql_at=2026-10-05T10:00", "auto_response_at=2026-10-05T10:01",
                            "first_touch_at=2026-10-05T10:01")),
            c("An enterprise MQL not touched yet is left to the follow-up clauses",
                    lead("HT5", "team=enterprise", "owner=Ann", "mql_at=2026-10-05T10:00", "auto_response_at=2026-10-05T10:01")),
            c("An enterprise MQL of September touched in October is judged in October, and meets C2",
                    lead("HT6", "team=enterprise", "owner=Ann", "created_at=2026-09-30T09:00", "mql_at=2026-09-30T16:00",
                            "auto_response_at=2026-09-30T16:01", "first_touch_at=2026-10-01T09:00")),
            c("An enterprise MQL auto-touched in September belongs to September",
                    lead("HT7", "team=enterprise", "owner=Ann", "created_at=2026-09-20T09:00", "mql_at=2026-09-20T10:00",
                            "auto_response_at=2026-09-20T10:01", "first_touch_at=2026-09-20T10:01")),
            c("A touched enterprise lead that never became an MQL is not assessed",
                    lead("HT8", "team=enterprise", "owner=Ann", "first_touch_at=2026-10-05T11:30")),
            // C1: one open opportunity per company
            c("The oldest open opportunity of Acme (September) is not assessed in October",
                    lead("AC1", "company=Acme", "owner=Cy", "created_at=2026-09-01T09:00", "sqo_at=2026-09-20T10:00",
                            "opportunity_id=O-1", "outcome=open")),
            c("A second open opportunity of Acme violates C1",
                    lead("AC2", "company=Acme", "owner=Cy", "sqo_at=2026-10-05T10:00", "opportunity_id=O-2", "outcome=open"), "C1"),
            c("A third open opportunity of Acme violates C1 once, against the oldest",
                    lead("AC3", "company=Acme", "owner=Di", "sqo_at=2026-10-08T10:00", "opportunity_id=O-3", "outcome=open"), "C1"),
            c("An Acme opportunity that opens after as-of has not happened yet",
                    lead("AC4", "company=Acme", "owner=Di", "sqo_at=2026-11-02T10:00", "opportunity_id=O-4", "outcome=open")),
            c("Beta's older opportunity was won in September",
                    lead("BE1", "company=Beta", "owner=Cy", "created_at=2026-09-01T09:00", "sqo_at=2026-09-10T10:00",
                            "opportunity_id=O-B1", "amount=1000", "closed_at=2026-09-30T10:00", "outcome=won")),
            c("A new Beta opportunity after the old one closed meets C1",
                    lead("BE2", "company=Beta", "owner=Cy", "sqo_at=2026-10-03T10:00", "opportunity_id=O-B2", "outcome=open")),
            c("Of two Gamma opportunities opened at the same instant the lower lead id is the one to keep",
                    lead("GA1", "company=Gamma", "owner=Cy", "sqo_at=2026-10-04T10:00", "opportunity_id=O-G1", "outcome=open")),
            c("Of two Gamma opportunities opened at the same instant the higher lead id violates C1",
                    lead("GA2", "company=Gamma", "owner=Cy", "sqo_at=2026-10-04T10:00", "opportunity_id=O-G2", "outcome=open"), "C1"),
            c("Delta's only open opportunity meets C1",
                    lead("DE1", "company=Delta", "owner=Cy", "sqo_at=2026-10-06T10:00", "opportunity_id=O-D1", "outcome=open")),
            c("A Delta opportunity lost by as-of is not assessed and does not count against Delta",
                    lead("DE2", "company=Delta", "owner=Cy", "sqo_at=2026-10-02T10:00", "opportunity_id=O-D2",
                            "closed_at=2026-10-20T10:00", "outcome=lost")),
            c("An opportunity without a company is not assessed",
                    lead("NC1", "owner=Cy", "sqo_at=2026-10-05T10:00", "opportunity_id=O-N1", "outcome=open")));

    @TempDir
    static Path dir;

    static RulesHarness.Run run;

    @BeforeAll
    static void check() {
        run = RulesHarness.check(dir, AGREEMENT, CASES.stream().map(Case::lead).toList(), RulesHarness.RULES);
        assertEquals(0, run.exitCode(), run.stderr());
    }

    static Stream<Case> cases() {
        return CASES.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachLeadGetsExactlyItsClauseViolations(Case c) {
        String id = c.lead().get("lead_id");
        List<JsonNode> rows = run.violations().stream()
                .filter(v -> v.get("subject").asText().equals(id) && v.get("type").asText().equals("rule")).toList();
        assertEquals(c.clauses(), rows.stream().map(v -> v.get("clause_id").asText()).toList());
        for (JsonNode v : rows) {
            boolean c1 = v.get("clause_id").asText().equals("C1");
            assertEquals("2026-10", v.get("period").asText());
            assertEquals(c1 ? "sales" : "sdr", v.get("team").asText());
            assertEquals(c1 ? "major" : "critical", v.get("severity").asText());
            assertEquals(c.lead().get("owner"), v.get("owner").asText(), "the lead's owner is accountable");
            assertEquals(c1 ? "Each company has one open opportunity" : "Enterprise MQLs get a human touch",
                    v.get("clause_title").asText());
            assertEquals(c1 ? "one open opportunity per company" : "a first touch by a person", v.get("expected").asText());
            assertTrue(v.get("deadline").isNull());
            assertTrue(v.get("message").asText().startsWith("Lead " + id + " "), v.get("message").asText());
        }
    }

    @Test
    void metAndViolatedCountsPerClause() {
        // C2 met: HT2, HT3, HT6; violated: HT1. HT4 is outside the segment, HT5/HT7/HT8 are not assessed.
        assertCounts("sdr", "C2", 3, 1);
        // C1 met: BE2, GA1, DE1; violated: AC2, AC3, GA2.
        assertCounts("sales", "C1", 3, 3);
    }

    @Test
    void humanTouchViolationSaysWhatHappenedAndWhatToDo() {
        JsonNode v = row("HT1", "C2");
        assertEquals("first touch = auto-response at Mon 2026-10-05 10:01 EDT", v.get("actual").asText());
        assertEquals("Lead HT1 became an MQL Mon 2026-10-05 10:00 EDT and its only recorded touch is the auto-response of"
                + " Mon 2026-10-05 10:01 EDT; a person must call or e-mail it, and first_touch_at must record that touch.",
                v.get("message").asText());
    }

    @Test
    void duplicateOpportunityIsReportedAgainstTheOldestOpenOne() {
        JsonNode second = row("AC2", "C1");
        assertEquals("2 open opportunities for Acme: O-1 (lead AC1), O-2 (lead AC2)", second.get("actual").asText());
        assertEquals("Lead AC2 became an opportunity (O-2) for Acme Mon 2026-10-05 10:00 EDT while O-1 (lead AC1), opened"
                + " Sun 2026-09-20 10:00 EDT, is still open; merge it into O-1 or close it as a duplicate in the CRM.",
                second.get("message").asText());
        JsonNode third = row("AC3", "C1");
        assertEquals("3 open opportunities for Acme: O-1 (lead AC1), O-2 (lead AC2), O-3 (lead AC3)", third.get("actual").asText());
        assertEquals("Lead AC3 became an opportunity (O-3) for Acme Thu 2026-10-08 10:00 EDT while O-1 (lead AC1), opened"
                + " Sun 2026-09-20 10:00 EDT, is still open (1 more open as well); merge it into O-1 or close it as a duplicate"
                + " in the CRM.", third.get("message").asText());
        assertEquals("2 open opportunities for Gamma: O-G1 (lead GA1), O-G2 (lead GA2)", row("GA2", "C1").get("actual").asText());
    }

    @Test
    void dataQualityChecksStillRunBesideTheClauses() {
        // HT1 and HT4 record the auto-response as the touch: a C2 violation for sdr (HT1 only, the enterprise
        // one) and a data-quality finding for revenue ops (both).
        List<String> dq = run.violations().stream().filter(v -> v.get("clause_id").asText().equals("DQ-TOUCH-IS-AUTO-RESPONSE"))
                .map(v -> v.get("subject").asText()).sorted().toList();
        assertEquals(List.of("HT1", "HT4"), dq);
    }

    private static void assertCounts(String team, String clause, int met, int violated) {
        JsonNode c = run.clause(team, clause);
        assertNotNull(c, team + " " + clause);
        assertEquals(met, c.get("met").asInt(), team + " " + clause + " met");
        assertEquals(violated, c.get("violated").asInt(), team + " " + clause + " violated");
        assertEquals(met + violated, c.get("assessed").asInt(), team + " " + clause + " assessed");
    }

    private static JsonNode row(String lead, String clause) {
        return run.violations().stream()
                .filter(v -> v.get("subject").asText().equals(lead) && v.get("clause_id").asText().equals(clause))
                .findFirst().orElseThrow(() -> new AssertionError("no " + clause + " for " + lead));
    }
}
