package dev.l2r.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.l2r.Cli;
import dev.l2r.Workspace;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input gives exit 2 and one line naming file, line and field, with no output; bad rows are counted, never dropped. */
class BadInputTest {

    static final String SLA = """
            sla: t
            effective_from: 2026-01-01
            period: month
            timezone: America/New_York
            teams:
              sdr: { owner: "SDR Manager" }
            clauses:
              - id: R1
                type: rejection
                reasons: [no-budget]
                owner: sdr
            """;

    @TempDir
    Path tmp;

    private Workspace ws() {
        return new Workspace(tmp).sla(SLA).leads("A,2026-10-05T10:00,,,,sdr,,,,,,,,,,,,2026-10-06T10:00,,,,,,");
    }

    private void refused(Cli r, String firstLine) {
        assertEquals(2, r.code(), r.toString());
        assertEquals(firstLine, r.err().lines().findFirst().orElse("").replace(tmp + "/", ""), r.toString());
        assertFalse(r.err().contains("\tat "), "no stack trace");
        assertFalse(Files.exists(tmp.resolve("out")), "no partial output");
    }

    @Test
    void aMissingAgreementIsNamed() {
        Workspace w = ws();
        Cli r = Cli.run(
                "check",
                "--sla",
                tmp.resolve("nope.yaml").toString(),
                "--data",
                tmp.resolve("data").toString(),
                "--period",
                "2026-10",
                "--out",
                w.out().toString());
        refused(r, "nope.yaml: no such file");
    }

    @Test
    void missingDataIsNamed() {
        Workspace w = ws();
        Cli r = Cli.run(
                "check",
                "--sla",
                tmp.resolve("sla.yaml").toString(),
                "--data",
                tmp.resolve("nodata").toString(),
                "--period",
                "2026-10",
                "--out",
                w.out().toString());
        refused(r, "nodata: no such file or folder");
    }

    @Test
    void anUnknownTeamIsRefusedWithItsLine() {
        Workspace w = ws().sla(SLA.replace("owner: sdr\n", "owner: sdrs\n"));
        refused(
                w.check("2026-10"),
                "sla.yaml:11: clauses[0] (R1).owner: unknown team \"sdrs\"; use lead.team or one of: sdr");
    }

    @Test
    void aPeriodOfAnotherKindIsRefused() {
        refused(
                ws().check("2026-Q4"),
                "--period: \"2026-Q4\" is not a month of agreement t; use a label such as 2026-10");
    }

    @Test
    void aPeriodBeforeTheAgreementTakesEffectIsRefused() {
        refused(ws().check("2025-12"), "--period: 2025-12 ends before agreement t takes effect (2026-01-01)");
    }

    @Test
    void badAsOfAndFailOnAndOptionsAreRefused() {
        refused(
                ws().check("2026-10", "--as-of", "yesterday"),
                "--as-of: \"yesterday\" is not an ISO-8601 time such as 2026-10-20T12:00 or 2026-10-20T12:00:00-04:00");
        refused(
                ws().check("2026-10", "--fail-on", "severe"),
                "--fail-on: \"severe\" is not a level; use critical, major, minor or none");
        refused(ws().check("2026-10", "--frobnicate"), "l2r: Unknown option: '--frobnicate' (see l2r check --help)");
        refused(
                Cli.run("check"),
                "l2r: Missing required options: '--sla=FILE', '--period=LABEL', '--data=PATH' (see l2r check --help)");
    }

    @Test
    void aDrlSyntaxErrorInRulesNamesFileLineAndColumn() {
        Workspace w = ws().file("rules/broken.drl", """
                package custom;
                import dev.l2r.facts.Lead;

                rule "broken"
                when
                    $l : Lead( score >>> 3 )
                then
                end
                """);
        w.rules = tmp.resolve("rules");
        Cli r = w.check("2026-10");
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().startsWith(tmp.resolve("rules/broken.drl") + ":6:"), r.err());
        assertFalse(Files.exists(w.out()));
    }

    @Test
    void aLeadsFileWithoutLeadIdIsRefused() {
        Workspace w = ws().file("data/leads.csv", "id,created_at\nA,2026-10-05T10:00\n");
        refused(
                w.check("2026-10"),
                "data/leads.csv:1: lead_id: missing column; a leads file needs lead_id and created_at");
    }

    @Test
    void aHeaderWithoutTheColumnsIsRefusedEvenWithNoRowAfterIt() {
        Workspace w = ws().file("data/leads.csv", "hi\n");
        refused(
                w.check("2026-10"),
                "data/leads.csv:1: lead_id: missing column; a leads file needs lead_id and created_at");
        w = ws().file("data/leads.csv", "lead_id,created\n");
        refused(
                w.check("2026-10"),
                "data/leads.csv:1: created_at: missing column; a leads file needs lead_id and created_at");
        w = ws().file("data/metrics.csv", "a,b,c,d\n");
        refused(
                w.check("2026-10"),
                "data/metrics.csv:1: period: missing column; metrics.csv has period, team, metric, value");
        w = ws().file("data/metrics.csv", "period,team,metric\r\n");
        refused(
                w.check("2026-10"),
                "data/metrics.csv:1: value: missing column; metrics.csv has period, team, metric, value");
    }

    @Test
    void aHeaderAloneWithTheColumnsIsZeroRows() {
        Workspace w = ws().file("data/leads.csv", "lead_id,created_at\n").metrics();
        Cli r = w.check("2026-10");
        assertEquals(0, r.code(), r.toString());
        assertEquals(0, w.json("run.json").get("inputs").get(0).get("read").asInt());
    }

    @Test
    void aSecondMetricsFileIsRefusedNamingBoth() {
        Workspace w = ws().metrics("2026-10,,spend,100")
                .file("a/metrics.csv", "period,team,metric,value\n2026-10,,spend,200\n")
                .file("b/metrics.csv", "period,team,metric,value\n2026-10,,spend,300\n");
        refused(
                w.check("2026-10", "--data", tmp.resolve("a/metrics.csv").toString()),
                "a/metrics.csv: a second metrics file besides data/metrics.csv; give one (merge their rows into one"
                        + " metrics.csv)");
        Cli r = Cli.run(
                "check",
                "--sla",
                tmp.resolve("sla.yaml").toString(),
                "--data",
                tmp.resolve("data/leads.csv").toString(),
                "--data",
                tmp.resolve("a/metrics.csv").toString(),
                "--data",
                tmp.resolve("b/metrics.csv").toString(),
                "--period",
                "2026-10",
                "--out",
                w.out().toString(),
                "--no-history");
        refused(
                r,
                "b/metrics.csv: a second metrics file besides a/metrics.csv; give one (merge their rows into one"
                        + " metrics.csv)");
    }

    @Test
    void theFolderAndItsOwnMetricsFileNamedAgainAreOneFile() {
        Workspace w = ws().metrics("2026-10,,spend,100");
        Cli r = w.check("2026-10", "--data", tmp.resolve("data/metrics.csv").toString());
        assertEquals(0, r.code(), r.toString());
        assertEquals(2, w.json("run.json").get("inputs").size());
    }

    @Test
    void textThatIsNotUtf8IsRefusedAtItsLineAndColumn() throws Exception {
        Workspace w = ws();
        Files.write(
                tmp.resolve("data/leads.csv"),
                ("lead_id,created_at,company\r\nA,2026-10-05T10:00,Acme\r\nB,2026-10-05T10:00,M\u00fcller\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
        refused(
                w.check("2026-10"),
                "data/leads.csv:3: not UTF-8 text (byte 0xFC at column 21); save the file as UTF-8 (or a profile can"
                        + " declare another encoding, e.g. encoding: ISO-8859-1)");
        w.metrics("2026-10,,spend,100", "2026-10,,spend\u00a0x,100");
        Files.write(
                tmp.resolve("data/metrics.csv"),
                Files.readString(tmp.resolve("data/metrics.csv")).getBytes(StandardCharsets.ISO_8859_1));
        Files.writeString(tmp.resolve("data/leads.csv"), "lead_id,created_at\n");
        refused(
                w.check("2026-10"),
                "data/metrics.csv:3: not UTF-8 text (byte 0xA0 at column 15); save the file as UTF-8 (or a profile can"
                        + " declare another encoding, e.g. encoding: ISO-8859-1)");
    }

    @Test
    void jsonNestedTooDeepOrANumberTooLongIsNamedAtItsLineInPlainWords() throws Exception {
        String deep = "[".repeat(2000) + "]".repeat(2000);
        String digits = "9".repeat(5000);
        Workspace w = ws().file(
                        "data/leads.json",
                        "[\n{\"lead_id\": \"A\", \"created_at\": \"2026-10-05T10:00\"},\n"
                                + "{\"lead_id\": \"B\", \"created_at\": \"2026-10-05T10:00\", \"x\": " + deep
                                + "}\n]\n");
        Files.delete(tmp.resolve("data/leads.csv"));
        refused(
                w.check("2026-10"),
                "data/leads.json:3: cannot be read past this line: nested deeper than 1000 levels; a lead is one flat"
                        + " object");
        w.file(
                "data/leads.json",
                "[\n{\"lead_id\": \"A\", \"created_at\": \"2026-10-05T10:00\", \"score\": " + digits + "}\n]\n");
        refused(
                w.check("2026-10"),
                "data/leads.json:2: cannot be read past this line: a number longer than 1000 digits");
    }

    @Test
    void malformedRowsGoToRejectedCsvWithLineFieldAndReason() {
        Workspace w = new Workspace(tmp)
                .sla(SLA)
                .file(
                        "data/leads.csv",
                        "\uFEFF" + Workspace.LEADS_HEADER + "\r\n"
                                + "OK,2026-10-05T10:00,,,,sdr,,,\"Acme, Inc.\",\"multi\nline\",,,,,,,,2026-10-06T10:00,no-budget,,,,,\r\n"
                                + "SHORT,2026-10-05T10:00\r\n"
                                + "BADTIME,2026-13-05T10:00,,,,,,,,,,,,,,,,,,,,,,\r\n"
                                + "BADSCORE,2026-10-05T10:00,,,,,,high,,,,,,,,,,,,,,,,\r\n"
                                + ",2026-10-05T10:00,,,,,,,,,,,,,,,,,,,,,,\r\n"
                                + "OK,2026-10-05T11:00,,,,,,,,,,,,,,,,,,,,,,\r\n"
                                + "BADOUTCOME,2026-10-05T10:00,,,,,,,,,,,,,,,,,,,,,,maybe\r\n")
                .metrics("2026-10,,spend,lots", "2026-10,,spend,100", "2026-10,,spend,200");
        Cli r = w.check("2026-10");
        assertEquals(0, r.code(), r.toString());
        String data = tmp.resolve("data") + "/";
        assertEquals("""
                file,line,field,reason,value
                Dleads.csv,4,,has 2 fields; the header has 24,
                Dleads.csv,5,created_at,not an ISO-8601 timestamp,2026-13-05T10:00
                Dleads.csv,6,score,not a number,high
                Dleads.csv,7,lead_id,required,
                Dleads.csv,8,lead_id,"duplicate lead_id; the first one, at line 2, is kept",OK
                Dleads.csv,9,outcome,"not an outcome; use won, lost or open",maybe
                Dmetrics.csv,2,value,not a number,lots
                Dmetrics.csv,4,metric,"duplicate of line 3 (same period, team and metric); the first is kept",spend
                """.replace("D", data), w.read("rejected.csv"));
        JsonNode inputs = w.json("run.json").get("inputs");
        assertEquals(7, inputs.get(0).get("read").asInt());
        assertEquals(1, inputs.get(0).get("accepted").asInt());
        assertEquals(6, inputs.get(0).get("rejected").asInt());
        assertEquals(3, inputs.get(1).get("read").asInt());
        assertEquals(2, inputs.get(1).get("rejected").asInt());
        assertTrue(r.err().contains("leads.csv (leads): 7 rows read, 1 accepted, 6 rejected"), r.err());
        assertEquals(0, w.violations().size(), "the OK lead's rejection has an agreed reason");
    }

    @Test
    void jsonAndNdjsonLeadsAreReadAndBadLinesRejected() throws Exception {
        Workspace w = new Workspace(tmp).sla(SLA).file("data/leads.ndjson", """
                {"lead_id": "A", "created_at": "2026-10-05T10:00", "team": "sdr", "rejected_at": "2026-10-06T10:00"}
                not json
                {"lead_id": "B", "created_at": "2026-10-05T10:00", "nested": {"x": 1}}
                {"lead_id": "C", "created_at": "2026-10-05T10:00", "score": 70, "team": "sdr", "rejected_at": "2026-10-06T10:00", "rejection_reason": "no-budget"}
                """);
        Cli r = w.check("2026-10");
        assertEquals(0, r.code(), r.toString());
        assertEquals(java.util.List.of("R1 A"), w.violationKeys());
        String rejected = w.read("rejected.csv");
        assertTrue(rejected.contains("leads.ndjson,2,,\"not valid JSON: Unrecognized token 'not'"), rejected);
        assertTrue(
                rejected.contains("leads.ndjson,3,nested,field nested holds a nested value; leads are flat,"),
                rejected);

        Files.delete(tmp.resolve("data/leads.ndjson"));
        w.file("data/leads.json", """
                [
                  {"lead_id": "A", "created_at": "2026-10-05T10:00", "team": "sdr", "rejected_at": "2026-10-06T10:00"},
                  {"lead_id": "B", "created_at": "never"}
                ]
                """);
        r = w.check("2026-10");
        assertEquals(0, r.code(), r.toString());
        assertEquals(java.util.List.of("R1 A"), w.violationKeys());
        assertTrue(
                w.read("rejected.csv").contains("leads.json,3,created_at,not an ISO-8601 timestamp,never"),
                w.read("rejected.csv"));
    }

    @Test
    void aRuleWhoseConditionThrowsIsBadRulesInput() {
        Workspace w = new Workspace(tmp)
                .sla(SLA + """
                  - { id: X1, type: rule, rule: "Boom", owner: sdr }
                """)
                .leads("A,2026-10-05T10:00,,,,sdr,,,,,,,,,,,,,,,,,,")
                .file("rules/boom.drl", """
                package custom;
                import dev.l2r.facts.Lead;
                global dev.l2r.facts.SlaSink sla;
                function boolean boom(String s) { return s.length() > 0; }
                rule "Boom"
                when
                    $l : Lead( boom(title) )
                then
                    sla.met(kcontext, $l);
                end
                """);
        w.rules = tmp.resolve("rules");
        Cli r = w.check("2026-10");
        refused(
                r,
                "rules/boom.drl:5: rule \"Boom\": a condition failed: java.lang.NullPointerException: "
                        + "Cannot invoke \"String.length()\" because \"s\" is null");
    }

    @Test
    void anAgreementCanSetADataQualityCheckAsideButOnlyOneThatExists() throws Exception {
        String sla = SLA.replace("teams:", "data_quality:\n  ignore: [DQ-WON-WITHOUT-AMOUNT]\nteams:");
        Workspace w = new Workspace(tmp)
                .sla(sla)
                .leads("W1,2026-10-05T10:00,,,,sdr,,,,,,,,,,,,,,2026-10-06T10:00,O1,,2026-10-20T10:00,won");
        w.rules = Path.of("rules");
        Cli r = w.check("2026-10");
        assertEquals(0, r.code(), r.toString());
        assertEquals(java.util.List.of(), w.findingKeys(), "the won-without-amount finding is set aside");
        w.sla(SLA);
        Cli again = w.check("2026-10");
        assertEquals(0, again.code(), again.toString());
        assertEquals(
                java.util.List.of("DQ-WON-WITHOUT-AMOUNT W1"),
                w.findingKeys(),
                "without the ignore, the check reports");
        assertEquals(java.util.List.of(), w.violationKeys(), "a finding is no SLA violation");

        w.sla(SLA.replace("teams:", "data_quality:\n  ignore: [DQ-NO-SUCH]\nteams:"));
        try (var files = Files.walk(w.out())) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(f -> f.toFile().delete());
        }
        refused(
                w.check("2026-10"),
                "sla.yaml:6: data_quality.ignore: no data-quality check has @id \"DQ-NO-SUCH\"; ids: "
                        + "DQ-CLOSE-DATE-WITHOUT-OUTCOME, DQ-CLOSED-BEFORE-SQO, DQ-OUTCOME-WITHOUT-CLOSE-DATE, DQ-REJECTION-WITHOUT-DATE, "
                        + "DQ-SAL-BEFORE-MQL, DQ-STAGE-BEFORE-CREATED, DQ-TOUCH-IS-AUTO-RESPONSE, DQ-WON-WITHOUT-AMOUNT");
    }
}
