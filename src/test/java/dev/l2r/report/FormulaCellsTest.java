package dev.l2r.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.l2r.Cli;
import dev.l2r.Workspace;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A value a spreadsheet would run as a formula (an owner, a title, a rejected value) reaches the CSV outputs
 * as text with a leading quote, while the JSON keeps it as it is and negative numbers stay numbers.
 */
class FormulaCellsTest {

    static final String EVIL = "=HYPERLINK(\"http://evil\",\"x\")";
    static final String CELL = "\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\"";

    @TempDir
    Path tmp;

    @Test
    void formulasInOwnersAndTitlesAreDefusedAndNegativeNumbersStay() {
        Workspace w = new Workspace(tmp)
                .sla("""
                sla: t
                title: "@SUM(1+1)*cmd|' /C calc'!A0"
                period: month
                timezone: America/New_York
                teams:
                  sdr: { owner: "+cmd|' /C calc'!A0" }
                clauses:
                  - id: R1
                    title: "-2+3"
                    type: rejection
                    reasons: [no-budget]
                    owner: sdr
                  - id: M1
                    title: Margin stays positive
                    type: target
                    metric: metric(margin)
                    min: -3
                    owner: sdr
                """)
                .file(
                        "data/leads.csv",
                        Workspace.LEADS_HEADER + "\n"
                                // lead-level clause: the lead's owner is the owner column
                                + "A,2026-10-05T10:00,,,,sdr,\"" + EVIL.replace("\"", "\"\"")
                                + "\",,,,,,,,,,,2026-10-06T10:00,,,,,,\n"
                                // a lead id that is a negative number stays a number, one that is a formula does not
                                + "-3,2026-10-05T10:00,,,,sdr,,,,,,,,,,,,2026-10-06T10:00,,,,,,\n"
                                + "-3+2,2026-10-05T10:00,,,,sdr,,,,,,,,,,,,2026-10-06T10:00,,,,,,\n"
                                // a score that is a formula: rejected, its value in rejected.csv; a repeated id too
                                + "B,2026-10-05T10:00,,,,sdr,,=1+1,,,,,,,,,,,,,,,,\n"
                                + "-3,2026-10-05T10:00,,,,sdr,,,,,,,,,,,,,,,,,,\n")
                .metrics("2026-10,,margin,-1200.50");
        Cli r = w.check("2026-10", "--fail-on", "none");
        assertEquals(0, r.code(), r.toString());

        List<String> csv = w.read("violations.csv").lines().toList();
        assertEquals(String.join(",", ReportWriter.VIOLATION_COLUMNS), csv.get(0));
        String m1 = csv.stream()
                .filter(l -> l.startsWith("2026-10,M1,"))
                .findFirst()
                .orElseThrow();
        // target: owner is the team owner; "-1,200.5 (from metrics.csv)" is no number, so a spreadsheet would take it
        // for a formula
        assertTrue(
                m1.startsWith(
                        "2026-10,M1,Margin stays positive,target,major,sdr,'+cmd|' /C calc'!A0,all,at least -3,\"'-1,200.5 (from metrics.csv)\",,"
                                + "\"Margin was -1,200.5 in 2026-10;"),
                m1);
        // lead-level: the lead's owner (the team owner when the lead names none); a lead id -3 is a number, -3+2 is not
        List<String> r1 = csv.stream()
                .filter(l -> l.startsWith("2026-10,R1,"))
                .map(l -> l.substring(0, l.indexOf(",one of:")))
                .toList();
        assertEquals(
                List.of(
                        "2026-10,R1,'-2+3,rejection,major,sdr,'+cmd|' /C calc'!A0,-3",
                        "2026-10,R1,'-2+3,rejection,major,sdr,'+cmd|' /C calc'!A0,'-3+2",
                        "2026-10,R1,'-2+3,rejection,major,sdr," + CELL + ",A"),
                r1,
                String.join("\n", csv));
        // the JSON is data, not a spreadsheet: values are kept exactly
        assertEquals(
                EVIL,
                w.violations().stream()
                        .filter(v -> v.get("subject").asText().equals("A"))
                        .findFirst()
                        .orElseThrow()
                        .get("owner")
                        .asText());

        String data = tmp.resolve("data/leads.csv").toString();
        assertEquals(
                List.of(
                        "file,line,field,reason,value",
                        data + ",5,score,not a number,'=1+1",
                        data + ",6,lead_id,\"duplicate lead_id; the first one, at line 3, is kept\",-3"),
                w.read("rejected.csv").lines().toList());
    }
}
