package dev.l2r.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.l2r.Cli;
import dev.l2r.Workspace;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The files tell one story: violations.csv's accountable column, accountability.json's people, verdicts,
 * objectives and pace, data-quality.csv apart from the violations, and --fail-on blind to findings.
 */
class AccountabilityJsonTest {

    @TempDir
    Path tmp;

    static final String SLA = """
            sla: t
            period: month
            timezone: America/New_York
            teams:
              marketing: { owner: "VP Marketing" }
              sdr: { owner: "SDR Manager" }
            clauses:
              - id: H1
                type: handoff
                at: mql
                require: ["score >= 60"]
                owner: marketing
                severity: critical
              - id: F1
                type: followup
                from: mql
                to: first_touch
                within: 1 hours
                objective: 0.5
                owner: lead.team
              - id: T1
                type: target
                metric: count(mql)
                min: 2
                owner: marketing
            """;

    /** P1: score 40 (H1 violated), touched in time; P2: touched late; W1: won without an amount. */
    static final String[] LEADS = {
        "P1,2026-10-05T10:00,,partner,,sdr,Sam SDR,40,,,,,,2026-10-05T10:00,,2026-10-05T10:30,,,,,,,,",
        "P2,2026-10-05T10:00,,partner,,sdr,Ann SDR,80,,,,,,2026-10-05T10:00,,2026-10-05T13:00,,,,,,,,",
        "W1,2026-10-05T10:00,,web,,sdr,Ann SDR,80,,,,,,,,,,,,2026-10-06T10:00,O1,,2026-10-20T10:00,won"
    };

    @Test
    void theFilesAgreeOnWhoIsAccountable() {
        Workspace w = new Workspace(tmp).sla(SLA).leads(LEADS);
        w.rules = Path.of("rules");
        Cli r = w.check("2026-10", "--fail-on", "critical");
        assertEquals(1, r.code(), r.toString()); // H1 is critical

        List<String> csv = w.read("violations.csv").lines().toList();
        assertTrue(csv.get(0).endsWith(",message,accountable"), csv.get(0));
        Map<String, Long> byAccountable = new TreeMap<>();
        for (JsonNode v : w.violations()) {
            assertFalse(v.get("type").asText().equals("data-quality"));
            byAccountable.merge(v.get("accountable").asText(), 1L, Long::sum);
        }
        assertEquals(Map.of("Ann SDR", 1L, "VP Marketing", 1L), byAccountable);
        JsonNode h1 = w.violations().get(0);
        assertEquals("Sam SDR", h1.get("owner").asText());
        assertEquals("VP Marketing", h1.get("accountable").asText());

        JsonNode acc = w.json("accountability.json");
        assertEquals("breached", acc.get("verdict").asText());
        assertTrue(acc.get("final").asBoolean());
        assertEquals(1, acc.get("elapsed").asInt());
        assertEquals(0.5, acc.get("compliance_by_severity").get("critical").asDouble());
        assertTrue(acc.get("compliance_by_severity").get("minor").isNull());
        assertEquals(2, acc.get("violations").get("total").asInt());
        assertEquals(1, acc.get("data_quality").get("findings").asInt());
        assertEquals(0, acc.get("data_quality").get("out_of_scope").asInt());
        assertEquals(
                1,
                acc.get("data_quality")
                        .get("by_check")
                        .get("DQ-WON-WITHOUT-AMOUNT")
                        .asInt());
        Map<String, JsonNode> clauses = new TreeMap<>();
        for (JsonNode t : acc.get("teams")) {
            assertTrue(t.has("verdict") && t.has("compliance_by_severity"), t.toString());
            for (JsonNode c : t.get("clauses"))
                clauses.put(t.get("team").asText() + " " + c.get("clause_id").asText(), c);
        }
        JsonNode f1 = clauses.get("sdr F1");
        assertEquals(0.5, f1.get("objective").asDouble());
        assertEquals(1, f1.get("misses_allowed").asInt());
        assertEquals(0, f1.get("misses_left").asInt());
        assertEquals("kept", f1.get("verdict").asText());
        assertEquals("breached", clauses.get("marketing H1").get("verdict").asText());
        JsonNode t1 = acc.get("targets").get(0);
        assertEquals("final", t1.get("pace").asText());
        assertTrue(t1.get("pace_value").isNull());
        assertEquals("major", t1.get("severity").asText());
        assertEquals("kept", t1.get("verdict").asText());

        Map<String, Long> fromPeople = new TreeMap<>();
        for (JsonNode p : acc.get("people")) {
            if (p.get("violated").asLong() > 0)
                fromPeople.put(p.get("person").asText(), p.get("violated").asLong());
        }
        assertEquals(byAccountable, fromPeople, "people agree with violations.csv");

        List<String> dq = w.findingKeys();
        assertEquals(List.of("DQ-WON-WITHOUT-AMOUNT W1"), dq);
        assertTrue(w.read("data-quality.csv").startsWith("check_id,title,severity,lead_id,field,actual,message\n"));
        JsonNode run = w.json("run.json");
        assertEquals(1, run.get("data_quality").get("findings").asInt());
        assertTrue(run.get("final").asBoolean());
    }

    @Test
    void failOnCountsViolationsNotFindings() {
        // only the won-without-amount finding (major): no SLA violation, so --fail-on minor passes
        Workspace w = new Workspace(tmp)
                .sla(SLA.replace("min: 2", "min: 0"))
                .leads("W1,2026-10-05T10:00,,web,,sdr,Ann SDR,80,,,,,,,,,,,,2026-10-06T10:00,O1,,2026-10-20T10:00,won");
        w.rules = Path.of("rules");
        Cli r = w.check("2026-10", "--fail-on", "minor");
        assertEquals(0, r.code(), r.toString());
        assertEquals(List.of(), w.violationKeys());
        assertEquals(List.of("DQ-WON-WITHOUT-AMOUNT W1"), w.findingKeys());
    }
}
