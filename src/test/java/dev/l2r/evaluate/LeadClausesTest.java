package dev.l2r.evaluate;

import static dev.l2r.verify.LeadBuilder.lead;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.l2r.InputError;
import dev.l2r.Workspace;
import dev.l2r.model.Severity;
import dev.l2r.verify.LeadBuilder;
import dev.l2r.verify.RuleVerifier;
import dev.l2r.verify.Scenario;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Handoff, rejection and rule clauses: a matching and a non-matching lead each, plus the edges; in memory,
 * one clause per case of one agreement. The exit code under --fail-on goes through the command line.
 */
class LeadClausesTest {

    static final String HEAD = """
            sla: t
            period: month
            timezone: America/New_York
            fields: { employees: number }
            teams:
              marketing: { owner: "VP Demand Generation" }
              sdr: { owner: "SDR Manager" }
            clauses:
            """;

    static final String TEST_RULES = """
            package test.rules;
            import dev.l2r.facts.Lead;
            import dev.l2r.facts.PeriodWindow;
            global dev.l2r.facts.SlaSink sla;
            rule "MQL has a title"
            when
                $p : PeriodWindow()
                $l : Lead( mqlAt != null, mqlAt >= $p.start, mqlAt < $p.end )
            then
                if ($l.getTitle() == null) sla.violation(kcontext, $l, "a title", "none", "Lead " + $l.getLeadId() + " has no title.");
                else sla.met(kcontext, $l);
            end
            rule "Not referenced by the agreement"
            when
                $l : Lead()
            then
                sla.violation(kcontext, $l, "x", "y", "must never appear");
            end
            """;

    static final RuleVerifier VERIFY = RuleVerifier.of(HEAD + """
              - id: H1
                type: handoff
                at: mql
                require: ["score >= 60", "company is present", "title is present", "employees >= 200"]
                owner: marketing
                where: ["channel != partner"]
              - id: R1
                type: rejection
                reasons: [no-budget, "wrong persona"]
                owner: sdr
              - id: X1
                title: Enterprise MQLs carry a title
                type: rule
                rule: "MQL has a title"
                owner: marketing
                severity: critical
                where: ["employees >= 1000"]
            """, RuleVerifier.rulesDir("test.drl", TEST_RULES));

    @TempDir
    Path tmp;

    /** An MQL of 2026-10-05 10:00, created then. */
    private static LeadBuilder mql(String id) {
        return lead(id).created("2026-10-05T10:00").mql("2026-10-05T10:00");
    }

    @Test
    void handoffNamesEachRequirementTheLeadMissed() {
        Scenario h1 = VERIFY.clause("H1")
                .given(
                        mql("GOOD")
                                .channel("web")
                                .team("sdr")
                                .owner("Ann")
                                .score(60)
                                .company("Acme")
                                .title("CTO")
                                .field("employees", 200),
                        mql("BAD")
                                .channel("web")
                                .team("sdr")
                                .owner("Bob")
                                .score(59.5)
                                .company("Acme"),
                        mql("PARTNER")
                                .channel("partner")
                                .team("sdr")
                                .owner("Bob")
                                .score(10),
                        lead("SEPT")
                                .created("2026-09-30T10:00")
                                .mql("2026-09-30T10:00")
                                .channel("web")
                                .team("sdr")
                                .owner("Bob")
                                .score(10))
                .forPeriod("2026-10")
                .violates("BAD")
                .meets("GOOD");
        Violation v = h1.violation("BAD");
        assertEquals("marketing", v.team());
        assertEquals("Bob", v.owner(), "lead-level violations name the lead's owner");
        assertEquals("score >= 60; company is present; title is present; employees >= 200", v.expected());
        assertEquals("score 59.5; title missing; employees missing", v.actual());
        assertTrue(
                v.message().contains("score >= 60 (score is 59.5), title is present (title is missing)"), v.toString());
        assertNull(v.deadline());
        assertArrayEquals(new long[] {1, 1, 0, 0}, h1.outcome("marketing"));
    }

    @Test
    void rejectionNeedsAnAgreedReason() {
        Scenario r1 = VERIFY.clause("R1")
                .given(
                        mql("OK")
                                .team("sdr")
                                .owner("Ann")
                                .rejected("2026-10-06T10:00")
                                .rejectionReason("wrong persona"),
                        mql("UNLISTED")
                                .team("sdr")
                                .owner("Ann")
                                .rejected("2026-10-06T10:00")
                                .rejectionReason("too small"),
                        mql("NONE").team("sdr").owner("Ann").rejected("2026-10-06T10:00"),
                        mql("NOVEMBER").team("sdr").owner("Ann").rejected("2026-11-01T00:00"))
                .forPeriod("2026-10")
                .violates("NONE", "UNLISTED")
                .meets("OK");
        assertEquals(java.util.List.of("R1 NONE", "R1 UNLISTED"), r1.violationKeys("R1"), "report order");
        assertEquals("no reason", r1.violation("NONE").actual());
        assertEquals("\"too small\"", r1.violation("UNLISTED").actual());
        assertArrayEquals(new long[] {1, 2, 0, 0}, r1.outcome("sdr"));
    }

    @Test
    void aRuleClauseReportsWhatItsHandWrittenRuleFinds() {
        Scenario x1 = VERIFY.clause("X1")
                .given(
                        mql("BIG").field("employees", 5000),
                        mql("TITLED").title("CFO").field("employees", 5000),
                        mql("SMALL").field("employees", 10))
                .forPeriod("2026-10")
                .violates("BIG")
                .meets("TITLED");
        Violation v = x1.violation("BIG");
        assertEquals(Severity.CRITICAL, v.severity(), "critical: the run fails under the default --fail-on");
        assertEquals("Enterprise MQLs carry a title", v.clauseTitle());
        assertEquals("rule", v.type());
        assertEquals("Lead BIG has no title.", v.message());
        assertArrayEquals(new long[] {1, 1, 0, 0}, x1.outcome("marketing"));
        // the rule fires on every MQL; the clause's segment keeps the big ones
        x1.firedRule("MQL has a title").on("BIG", "TITLED", "SMALL");
        // a rule no clause names is not in the rule base at all
        x1.firedRule("Not referenced by the agreement").never();
        assertTrue(
                x1.evaluation().violations().stream().noneMatch(x -> x.message().equals("must never appear")));
    }

    @Test
    void aRuleClauseNamingNoRuleIsAnAgreementError() {
        // exit 2 and no partial output for this error: RulesFilesTest.aRuleClauseNamingNoRuleIsAnAgreementError
        InputError e = assertThrows(InputError.class, () -> RuleVerifier.of(HEAD + """
                  - id: X1
                    type: rule
                    rule: "No such rule"
                    owner: marketing
                """));
        String first = e.lines().get(0);
        assertTrue(
                first.matches(
                        ".*[/\\\\]sla\\.yaml:9: clauses\\[0\\] \\(X1\\)\\.rule: no rule named \"No such rule\".*"),
                first);
    }

    @Test
    void failOnDecidesTheExitCode() {
        Workspace w = new Workspace(tmp)
                .sla(HEAD + """
                  - id: R1
                    type: rejection
                    reasons: [no-budget]
                    owner: sdr
                    severity: minor
                """)
                .file(
                        "data/leads.csv",
                        LeadBuilder.csv(lead("NONE")
                                .created("2026-10-05T10:00")
                                .team("sdr")
                                .owner("Ann")
                                .rejected("2026-10-06T10:00")));
        assertEquals(0, w.check("2026-10").code());
        assertEquals(0, w.check("2026-10", "--fail-on", "major").code());
        assertEquals(1, w.check("2026-10", "--fail-on", "minor").code());
        assertEquals(0, w.check("2026-10", "--fail-on", "none").code());
        assertEquals(1, w.json("run.json").get("violations").get("minor").asInt());
    }
}
