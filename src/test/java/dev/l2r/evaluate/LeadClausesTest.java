package dev.l2r.evaluate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.l2r.Cli;
import dev.l2r.Workspace;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Handoff, rejection and rule clauses: a matching and a non-matching lead each, plus the edges. */
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

    @TempDir
    Path tmp;

    @Test
    void handoffNamesEachRequirementTheLeadMissed() {
        Workspace w = new Workspace(tmp).sla(HEAD + """
                  - id: H1
                    type: handoff
                    at: mql
                    require: ["score >= 60", "company is present", "title is present", "employees >= 200"]
                    owner: marketing
                    where: ["channel != partner"]
                """).file("data/leads.csv", Workspace.LEADS_HEADER + ",employees\n"
                + "GOOD,2026-10-05T10:00,,web,,sdr,Ann,60,Acme,CTO,,,,2026-10-05T10:00,,,,,,,,,,,200\n"
                + "BAD,2026-10-05T10:00,,web,,sdr,Bob,59.5,Acme,,,,,2026-10-05T10:00,,,,,,,,,,,\n"
                + "PARTNER,2026-10-05T10:00,,partner,,sdr,Bob,10,,,,,,2026-10-05T10:00,,,,,,,,,,,\n"
                + "SEPT,2026-09-30T10:00,,web,,sdr,Bob,10,,,,,,2026-09-30T10:00,,,,,,,,,,,\n");
        Cli r = w.check("2026-10");
        assertEquals(0, r.code(), r.toString());
        assertEquals(List.of("H1 BAD"), w.violationKeys());
        JsonNode v = w.violations().get(0);
        assertEquals("marketing", v.get("team").asText());
        assertEquals("Bob", v.get("owner").asText(), "lead-level violations name the lead's owner");
        assertEquals("score >= 60; company is present; title is present; employees >= 200", v.get("expected").asText());
        assertEquals("score 59.5; title missing; employees missing", v.get("actual").asText());
        assertTrue(v.get("message").asText().contains("score >= 60 (score is 59.5), title is present (title is missing)"), v.toString());
        assertNull(v.get("deadline").textValue());
        assertArrayEquals(new long[] {1, 1, 0, 0}, w.outcome("marketing", "H1"));
    }

    @Test
    void rejectionNeedsAnAgreedReason() {
        Workspace w = new Workspace(tmp).sla(HEAD + """
                  - id: R1
                    type: rejection
                    reasons: [no-budget, "wrong persona"]
                    owner: sdr
                """).leads(
                "OK,2026-10-05T10:00,,,,sdr,Ann,,,,,,,2026-10-05T10:00,,,,2026-10-06T10:00,wrong persona,,,,,",
                "UNLISTED,2026-10-05T10:00,,,,sdr,Ann,,,,,,,2026-10-05T10:00,,,,2026-10-06T10:00,too small,,,,,",
                "NONE,2026-10-05T10:00,,,,sdr,Ann,,,,,,,2026-10-05T10:00,,,,2026-10-06T10:00,,,,,,",
                "NOVEMBER,2026-10-05T10:00,,,,sdr,Ann,,,,,,,2026-10-05T10:00,,,,2026-11-01T00:00,,,,,,");
        Cli r = w.check("2026-10");
        assertEquals(0, r.code(), r.toString());
        assertEquals(List.of("R1 NONE", "R1 UNLISTED"), w.violationKeys());
        assertEquals("no reason", w.violations().get(0).get("actual").asText());
        assertEquals("\"too small\"", w.violations().get(1).get("actual").asText());
        assertArrayEquals(new long[] {1, 2, 0, 0}, w.outcome("sdr", "R1"));
    }

    @Test
    void aRuleClauseReportsWhatItsHandWrittenRuleFinds() {
        Workspace w = new Workspace(tmp).sla(HEAD + """
                  - id: X1
                    title: Enterprise MQLs carry a title
                    type: rule
                    rule: "MQL has a title"
                    owner: marketing
                    severity: critical
                    where: ["employees >= 1000"]
                """).file("rules/test.drl", """
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
                """).file("data/leads.csv", Workspace.LEADS_HEADER + ",employees\n"
                + "BIG,2026-10-05T10:00,,,,,,,,,,,,2026-10-05T10:00,,,,,,,,,,,5000\n"
                + "TITLED,2026-10-05T10:00,,,,,,,,CFO,,,,2026-10-05T10:00,,,,,,,,,,,5000\n"
                + "SMALL,2026-10-05T10:00,,,,,,,,,,,,2026-10-05T10:00,,,,,,,,,,,10\n");
        w.rules = tmp.resolve("rules");
        Cli r = w.check("2026-10");
        assertEquals(1, r.code(), r.toString());
        assertEquals(List.of("X1 BIG"), w.violationKeys());
        JsonNode v = w.violations().get(0);
        assertEquals("Enterprise MQLs carry a title", v.get("clause_title").asText());
        assertEquals("rule", v.get("type").asText());
        assertEquals("Lead BIG has no title.", v.get("message").asText());
        assertArrayEquals(new long[] {1, 1, 0, 0}, w.outcome("marketing", "X1"));
    }

    @Test
    void aRuleClauseNamingNoRuleIsAnAgreementError() {
        Workspace w = new Workspace(tmp).sla(HEAD + """
                  - id: X1
                    type: rule
                    rule: "No such rule"
                    owner: marketing
                """).leads("A,2026-10-05T10:00,,,,,,,,,,,,,,,,,,,,,,");
        Cli r = w.check("2026-10");
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().startsWith(tmp.resolve("sla.yaml") + ":9: clauses[0].rule: no rule named \"No such rule\""), r.err());
        assertTrue(!java.nio.file.Files.exists(w.out()), "no partial output");
    }

    @Test
    void failOnDecidesTheExitCode() {
        Workspace w = new Workspace(tmp).sla(HEAD + """
                  - id: R1
                    type: rejection
                    reasons: [no-budget]
                    owner: sdr
                    severity: minor
                """).leads("NONE,2026-10-05T10:00,,,,sdr,Ann,,,,,,,,,,,2026-10-06T10:00,,,,,,");
        assertEquals(0, w.check("2026-10").code());
        assertEquals(0, w.check("2026-10", "--fail-on", "major").code());
        assertEquals(1, w.check("2026-10", "--fail-on", "minor").code());
        assertEquals(0, w.check("2026-10", "--fail-on", "none").code());
        assertEquals(1, w.json("run.json").get("violations").get("minor").asInt());
    }
}
