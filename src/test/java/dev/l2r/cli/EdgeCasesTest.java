package dev.l2r.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.l2r.Cli;
import dev.l2r.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Edge cases found in review: each was a wrong result, a crash or a silent loss before it was fixed. */
class EdgeCasesTest {

    static final String HEAD = """
            sla: %s
            period: month
            timezone: America/New_York
            teams:
              sales: { owner: "VP Sales" }
              sdr: { owner: "SDR Manager", timezone: Europe/London }
            clauses:
            """;

    @TempDir
    Path tmp;

    private Workspace ws(String id, String clauses) {
        return new Workspace(tmp).sla(HEAD.formatted(id) + clauses);
    }

    @Test
    void anAgreementIdThatIsNoJavaNameStillCompiles() {
        for (String id : List.of("2026-plan", "class", "new")) {
            Workspace w = ws(id, """
                      - { id: T1, type: target, metric: count(mql), min: 1, owner: sales }
                    """).leads("A,2026-10-05T10:00,,,,sales,,,,,,,,2026-10-05T10:00,,,,,,,,,,");
            Cli r = w.check("2026-10");
            assertEquals(0, r.code(), id + ": " + r);
        }
    }

    @Test
    void numbersBeyondBusinessFiguresAndWindowsBeyondAYearAreRefused() {
        Cli r = ws("t", """
                  - { id: H1, type: handoff, at: mql, require: ["score > 1e999999999"], owner: sales }
                  - { id: T1, type: target, metric: count(mql), min: 12345678901234567890, owner: sales }
                  - { id: F1, type: followup, from: mql, to: sal, within: 999999 business hours, owner: sales }
                """).leads("A,2026-10-05T10:00,,,,,,,,,,,,,,,,,,,,,,").check("2026-10");
        assertEquals(2, r.code(), r.toString());
        List<String> lines = r.err().lines().map(l -> l.replace(tmp + "/", "")).toList();
        assertEquals(3, lines.size(), r.err());
        assertTrue(
                lines.get(0)
                        .startsWith(
                                "sla.yaml:8: clauses[0] (H1).require[0]: \"score > 1e999999999\": score is a number;"),
                lines.get(0));
        assertTrue(
                lines.get(1).startsWith("sla.yaml:9: clauses[1] (T1).min: a bound is a decimal number below 10^15"),
                lines.get(1));
        assertTrue(
                lines.get(2)
                        .startsWith(
                                "sla.yaml:10: clauses[2] (F1).within: \"999999 business hours\" is longer than a year"),
                lines.get(2));
    }

    @Test
    void perOwnerCannotReadTheMetricsFileWhichIsPerTeam() {
        Cli r = ws("t", """
                  - { id: C1, type: target, metric: cost_per(mql), per: owner, max: 100, owner: sales }
                """).leads("A,2026-10-05T10:00,,,,,,,,,,,,,,,,,,,,,,").check("2026-10");
        assertEquals(2, r.code(), r.toString());
        assertEquals(
                "sla.yaml:8: clauses[0] (C1).per: cost_per(mql) reads metrics.csv, whose rows are per team, not per owner; use per: team",
                r.err().strip().replace(tmp + "/", ""));
    }

    @Test
    void negativeZeroEqualsZeroInJavaAsInDrl() {
        Workspace w = ws("t", """
                  - { id: H1, type: handoff, at: mql, require: ["amount != 0"], owner: sales }
                """)
                .leads(
                        "Z,2026-10-05T10:00,,,,sales,,,,,,,,2026-10-05T10:00,,,,,,,,-0.0,,",
                        "P,2026-10-05T10:00,,,,sales,,,,,,,,2026-10-05T10:00,,,,,,,,5,,");
        Cli r = w.check("2026-10");
        assertEquals(0, r.code(), r.toString());
        assertEquals(List.of("H1 Z"), w.violationKeys());
        assertEquals("amount 0", w.violations().get(0).get("actual").asText());
    }

    @Test
    void numbersInDataAreDecimalsOnly() {
        Workspace w = ws("t", """
                  - { id: T1, type: target, metric: count(mql), min: 1, owner: sales }
                """)
                .leads(
                        "A,2026-10-05T10:00,,,,,,60d,,,,,,,,,,,,,,,,",
                        "B,2026-10-05T10:00,,,,,,0x1p4,,,,,,,,,,,,,,,,",
                        "C,2026-10-05T10:00,,,,,,1e3,,,,,,,,,,,,,,,,");
        Cli r = w.check("2026-10");
        assertEquals(0, r.code(), r.toString());
        String rejected = w.read("rejected.csv");
        assertTrue(rejected.contains("leads.csv,2,score,not a number,60d"), rejected);
        assertTrue(rejected.contains("leads.csv,3,score,not a number,0x1p4"), rejected);
        assertFalse(rejected.contains(",4,"), "1e3 is a number: " + rejected);
    }

    @Test
    void aClosedDayCannotAlsoHaveHours() {
        Cli r = new Workspace(tmp)
                .sla("""
                sla: t
                period: month
                timezone: America/New_York
                calendar:
                  hours: { mon-fri: "closed", mon: "09:00-17:00" }
                teams: { sales: { owner: "VP Sales" } }
                clauses:
                  - { id: T1, type: target, metric: count(mql), min: 1, owner: sales }
                """)
                .leads("A,2026-10-05T10:00,,,,,,,,,,,,,,,,,,,,,,")
                .check("2026-10");
        assertEquals(2, r.code(), r.toString());
        assertEquals(
                "sla.yaml:5: calendar.hours.mon: mon has hours twice",
                r.err().strip().replace(tmp + "/", ""));
    }

    @Test
    void jsonAfterTheArrayOfLeadsIsRefusedNotDropped() {
        Workspace w = ws("t", """
                  - { id: T1, type: target, metric: count(mql), min: 1, owner: sales }
                """)
                .file(
                        "data/leads.json",
                        "[{\"lead_id\": \"A\", \"created_at\": \"2026-10-05T10:00\"}]\n[{\"lead_id\": \"B\"}]\n");
        Cli r = w.check("2026-10");
        assertEquals(2, r.code(), r.toString());
        assertTrue(
                r.err().startsWith(tmp.resolve("data/leads.json") + ":2: more JSON after the array of leads"), r.err());
    }

    @Test
    void anAgreementFileNameNeverWritesDrl() throws Exception {
        Path odd = tmp.resolve("x\nrule \"pwn\" when then System.out.println(\"INJECTED\"); end\n#.yaml");
        Files.writeString(
                odd, HEAD.formatted("t") + "  - { id: T1, type: target, metric: count(mql), min: 1, owner: sales }\n");
        Cli r = Cli.run("compile", "--sla", odd.toString());
        assertEquals(0, r.code(), r.toString());
        assertFalse(r.out().lines().anyMatch(l -> l.startsWith("rule \"pwn\"")), r.out());
        assertTrue(
                r.out()
                        .startsWith(
                                "// Generated from x?rule \"pwn\" when then System.out.println(\"INJECTED\"); end?#.yaml"),
                r.out());
    }

    @Test
    void openItemsListAtRiskFirstThenByTheInstantOfTheDeadline() {
        Workspace w = ws("t", """
                  - { id: F1, type: followup, from: mql, to: first_touch, within: 8 business hours, warn_at: 0.5, owner: lead.team }
                """)
                .leads(
                        // sales (New York): MQL Tue 09:00 EDT, deadline Wed 09:00 EDT = 13:00Z; at as-of 12:00 EDT, 3
                        // of 8 hours: open
                        "NY,2026-10-20T09:00,,,,sales,Ann,,,,,,,2026-10-20T09:00-04:00,,,,,,,,,,",
                        // sdr (London): MQL Tue 10:00 BST, deadline Wed 10:00 BST = 09:00Z; as-of 17:00 BST is past 7
                        // of 8 hours: at risk
                        "UK,2026-10-20T09:00,,,,sdr,Sam,,,,,,,2026-10-20T10:00+01:00,,,,,,,,,,",
                        // sdr: MQL Tue 16:00 BST: 1 h on Tuesday + 7 h on Wednesday -> Wed 16:00 BST = 15:00Z; 1 of 8 h
                        // gone: open
                        "UK2,2026-10-20T09:00,,,,sdr,Sam,,,,,,,2026-10-20T16:00+01:00,,,,,,,,,,");
        Cli r = w.check("2026-10", "--as-of", "2026-10-20T12:00");
        assertEquals(0, r.code(), r.toString());
        List<String> rows = w.read("open-items.csv")
                .lines()
                .skip(1)
                .map(l -> l.split(",")[3] + " " + l.split(",")[5])
                .toList();
        assertEquals(
                List.of(
                        "UK 2026-10-21T10:00:00+01:00",
                        "NY 2026-10-21T09:00:00-04:00",
                        "UK2 2026-10-21T16:00:00+01:00"),
                rows);
    }

    @Test
    void importThatCannotWriteIsBadInputNotABug() throws Exception {
        Path export = Files.createDirectories(tmp.resolve("export"));
        Files.writeString(
                export.resolve("olist_marketing_qualified_leads_dataset.csv"),
                "mql_id,first_contact_date,landing_page_id,origin\nm1,2018-02-01,p1,social\n");
        Path blocker = Files.writeString(tmp.resolve("file"), "not a folder");
        Cli r = Cli.run(
                "import",
                "--profile",
                "profiles/olist.yaml",
                "--in",
                export.toString(),
                "--out",
                blocker.resolve("leads.csv").toString());
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().startsWith(blocker.resolve("leads.csv") + ": cannot write: "), r.err());
    }

    @Test
    void largeTargetValuesAreWrittenInFull() throws Exception {
        Workspace w = ws("t", """
                  - { id: R1, type: target, metric: revenue, min: 1, owner: sales }
                """)
                .leads(
                        "W,2026-10-05T10:00,,,,sales,,,,,,,,,,,,,,2026-10-06T10:00,O,999999999999999,2026-10-07T10:00,won",
                        "V,2026-10-05T10:00,,,,sales,,,,,,,,,,,,,,2026-10-06T10:00,P,999999999999999,2026-10-07T10:00,won");
        assertEquals(0, w.check("2026-10").code());
        JsonNode t = w.json("accountability.json").get("targets").get(0);
        assertEquals("1999999999999998", t.get("value").asText());
    }

    @Test
    void twoFilesOfOneJoinedSourceMayOrderTheirColumnsDifferently() throws Exception {
        Path export = Files.createDirectories(tmp.resolve("hubspot"));
        Files.writeString(
                export.resolve("contacts.csv"),
                "hs_object_id,createdate\nC1,2026-10-01T10:00:00Z\nC2,2026-10-01T11:00:00Z\n");
        Files.writeString(
                export.resolve("deals_1.csv"),
                "hs_object_id,dealstage,amount,closedate,createdate,hs_is_closed,hs_is_closed_won,Associated Contact IDs\n"
                        + "D1,closedwon,100,2026-10-10T10:00:00Z,2026-10-02T10:00:00Z,true,true,C1\n");
        Files.writeString(
                export.resolve("deals_2.csv"),
                "hs_object_id,dealstage,amount,closedate,createdate,hs_is_closed_won,hs_is_closed,Associated Contact IDs\n"
                        + "D2,closedlost,200,2026-10-11T10:00:00Z,2026-10-03T10:00:00Z,false,true,C2\n");
        Path out = tmp.resolve("leads.csv");
        Cli r = Cli.run(
                "import", "--profile", "profiles/hubspot.yaml", "--in", export.toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.toString());
        List<String> lines = Files.readAllLines(out);
        assertTrue(
                lines.get(1).startsWith("C1,") && lines.get(1).contains(",D1,100,2026-10-10T10:00:00Z,won"),
                lines.get(1));
        assertTrue(
                lines.get(2).startsWith("C2,") && lines.get(2).contains(",D2,200,2026-10-11T10:00:00Z,lost"),
                lines.get(2));
    }
}
