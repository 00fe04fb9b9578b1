package dev.l2r.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.l2r.Cli;
import dev.l2r.Workspace;
import dev.l2r.verify.LeadBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decision tables in the rules directory through the command line: a CSV table and an Excel workbook each
 * decide a rule clause in l2r check, validate, compile and explain show them, and every bad table stops the
 * command with exit 2 and one line naming the file and the cell (sheet and cell, or CSV line and column).
 */
class DecisionTablesTest {

    @TempDir
    Path tmp;

    static final String AGREEMENT = """
            sla: routing
            version: "1"
            period: month
            timezone: America/New_York
            teams:
              sdr-amer: { owner: "SDR Manager, Americas" }
              sdr-emea: { owner: "SDR Manager, EMEA" }
              channel: { owner: "Channel Chief" }
              revenue-ops: { owner: "RevOps Lead" }
            clauses:
              - id: R1
                title: US and Canadian MQLs go to sdr-amer
                type: rule
                rule: "MQLs from the US and Canada go to sdr-amer"
                owner: sdr-amer
            """;

    static final String SHIPPED = read(Path.of("rules/handoff-routing.csv"));

    /** A table of its own: hot MQLs (score at least the row's minimum) must have been touched. */
    static final String[][] HOT = {
        {"RuleSet", "l2r.rules"},
        {"Import", "dev.l2r.facts.Lead, dev.l2r.facts.PeriodWindow"},
        {"Variables", "dev.l2r.facts.SlaSink sla"},
        {},
        {"RuleTable Hot leads"},
        {"NAME", "CONDITION", "CONDITION", "CONDITION", "ACTION"},
        {"", "$p : PeriodWindow()", "$l : Lead...", "$l : Lead...", ""},
        {
            "",
            "",
            "mqlAt != null, mqlAt >= $p.start, mqlAt < $p.end?",
            "score >= $param",
            "if ($l.getFirstTouchAt() != null) sla.met(kcontext, $l); else sla.violation(kcontext, $l, \"a touch\","
                    + " \"no touch\", \"Lead \" + $l.getLeadId() + \" scored $param or more and was never touched.\");"
        },
        {"Rule", "", "", "Min score", "Touch needed (the minimum again)"},
        {"Hot MQLs are touched", "x", "x", "80", "80"},
        {"Warm MQLs are touched", "x", "x", "50", "50"},
    };

    static final String HOT_AGREEMENT =
            AGREEMENT.replace("rule: \"MQLs from the US and Canada go to sdr-amer\"", "rule: \"Hot MQLs are touched\"");

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static LeadBuilder lead(String id) {
        return LeadBuilder.lead(id).created("2026-10-01T00:00");
    }

    private Workspace routing(String agreement) {
        return new Workspace(tmp)
                .sla(agreement)
                .file(
                        "data/leads.csv",
                        LeadBuilder.csv(
                                lead("L1")
                                        .channel("web")
                                        .country("US")
                                        .team("sdr-amer")
                                        .owner("Ann")
                                        .mql("2026-10-05T09:30")
                                        .score(90)
                                        .firstTouch("2026-10-05T10:00"),
                                lead("L2")
                                        .channel("web")
                                        .country("CA")
                                        .team("sdr-emea")
                                        .owner("Bob")
                                        .mql("2026-10-05T09:30")
                                        .score(85),
                                lead("L3")
                                        .channel("partner")
                                        .country("US")
                                        .team("channel")
                                        .owner("Cy")
                                        .mql("2026-10-05T09:30")
                                        .score(40)));
    }

    static String csv(String[][] rows) {
        StringBuilder b = new StringBuilder();
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                if (i > 0) b.append(',');
                String c = r[i];
                b.append(c.matches(".*[,\"].*") ? "\"" + c.replace("\"", "\"\"") + "\"" : c);
            }
            b.append('\n');
        }
        return b.toString();
    }

    /** Writes rows into a workbook whose first sheet is {@code sheet}; {@code more} adds a second sheet. */
    static void xlsx(Path file, String sheet, String[][] rows, String[][] more) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook();
                OutputStream out = Files.newOutputStream(file)) {
            fill(wb.createSheet(sheet), rows);
            if (more != null) fill(wb.createSheet("Notes"), more);
            wb.write(out);
        }
    }

    /** Cells ending in "..." (the CSV form of a merged region) become one merged region, as in Excel. */
    private static void fill(Sheet s, String[][] rows) {
        for (int r = 0; r < rows.length; r++) {
            Row row = s.createRow(r);
            for (int c = 0; c < rows[r].length; c++) {
                if (rows[r][c].isEmpty()) continue;
                if (rows[r][c].endsWith("...")) {
                    int end = c;
                    while (end + 1 < rows[r].length && rows[r][end + 1].endsWith("...")) end++;
                    row.createCell(c).setCellValue(rows[r][c].substring(0, rows[r][c].length() - 3));
                    for (int k = c + 1; k <= end; k++) row.createCell(k); // blank, inside the region
                    if (end > c) s.addMergedRegion(new CellRangeAddress(r, r, c, end));
                    c = end;
                    continue;
                }
                if (rows[r][c].matches("[0-9]+")) row.createCell(c).setCellValue(Double.parseDouble(rows[r][c]));
                else row.createCell(c).setCellValue(rows[r][c]);
            }
        }
    }

    private static String[][] with(String[][] rows, int row, int col, String value) {
        String[][] copy = new String[rows.length][];
        for (int i = 0; i < rows.length; i++) copy[i] = rows[i].clone();
        copy[row][col] = value;
        return copy;
    }

    // ---- a CSV table and a workbook deciding clauses in l2r check

    @Test
    void theShippedCsvTableDecidesARuleClauseInCheck() {
        Workspace w = routing(AGREEMENT);
        w.rules = Path.of("rules");
        Cli r = w.check("2026-10");
        assertEquals(0, r.code(), r.toString());
        assertEquals(List.of("R1 L2"), w.violationKeys());
        assertEquals("team sdr-emea", w.violations().get(0).get("actual").asText());
        assertEquals(1, w.outcome("sdr-amer", "R1")[0], "L1 met R1");
        assertTrue(w.read("run.json").contains("\"file\" : \"rules/handoff-routing.csv\""), "run.json names the table");
    }

    @Test
    void anExcelTableDecidesARuleClauseInCheck() throws IOException {
        Workspace w = routing(HOT_AGREEMENT);
        xlsx(w.rules.resolve("hot.xlsx"), "Hot leads", HOT, null);
        Cli r = w.check("2026-10");
        assertEquals(0, r.code(), r.toString());
        assertEquals(List.of("R1 L2"), w.violationKeys()); // L1 was touched; L3 scored 40
        assertEquals(
                "Lead L2 scored 80 or more and was never touched.",
                w.violations().get(0).get("message").asText());
        assertTrue(w.read("run.json").contains("hot.xlsx"), "run.json names the workbook");
    }

    // ---- validate, compile, explain

    @Test
    void validateCountsTablesAsRulesFiles() {
        Workspace w = routing(AGREEMENT);
        Cli r = Cli.run("validate", "--sla", w.dir.resolve("sla.yaml").toString(), "--rules", "rules");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().endsWith("3 rules files\n"), r.out());
    }

    @Test
    void compileWithRulesPrintsTheDrlOfEachTableUnderAHeaderNamingIt() {
        Workspace w = routing(AGREEMENT);
        Cli r = Cli.run("compile", "--sla", w.dir.resolve("sla.yaml").toString(), "--rules", "rules");
        assertEquals(0, r.code(), r.toString());
        assertTrue(
                r.out()
                        .contains("// generated from rules/handoff-routing.csv by the Drools decision-table compiler;"
                                + " do not edit: change the table\npackage l2r.rules;"),
                r.out());
        assertTrue(r.out().contains("rule \"MQLs from the US and Canada go to sdr-amer\""), r.out());
        assertFalse(r.out().contains("One open opportunity per company"), "DRL files are not printed");
    }

    @Test
    void explainOfARuleClauseShowsTheRuleGeneratedFromItsRow() {
        Workspace w = routing(AGREEMENT);
        Cli r = Cli.run("explain", "--sla", w.dir.resolve("sla.yaml").toString(), "--clause", "R1", "--rules", "rules");
        assertEquals(0, r.code(), r.toString());
        assertTrue(
                r.out()
                        .contains("// rules/handoff-routing.csv:13: column A, generated by the Drools decision-table"
                                + " compiler\nrule \"MQLs from the US and Canada go to sdr-amer\"\n"),
                r.out());
        assertTrue(r.out().contains("country in (\"US\" ,  \"CA\")"), r.out());
    }

    // ---- bad tables: exit 2, one line naming file and cell, no output

    private void rejected(Workspace w, String expected) {
        Cli r = w.check("2026-10");
        assertEquals(2, r.code(), r.toString());
        String err = r.err().strip();
        assertEquals(1, err.lines().count(), r.toString());
        assertTrue(err.startsWith(expected), "expected " + expected + "\n" + r);
        assertFalse(err.contains("\tat "), "no stack trace");
        assertFalse(Files.exists(w.out()), "no output folder");
    }

    private Workspace csvTable(String agreement, String text) {
        return routing(agreement).file("no-rules/routing.csv", text);
    }

    @Test
    void aCsvWithoutRuleTableNamesTheFile() {
        rejected(
                csvTable(AGREEMENT, SHIPPED.replace("RuleTable Handoff routing", "Handoff routing")),
                tmp.resolve("no-rules/routing.csv") + ": no \"RuleTable NAME\" cell");
    }

    @Test
    void aCsvThatIsNotTextNamesTheFileAndLine() {
        Workspace w = routing(AGREEMENT);
        try {
            Files.write(w.rules.resolve("routing.csv"), new byte[] {'R', 'u', (byte) 0xff, '\n'});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        rejected(w, tmp.resolve("no-rules/routing.csv") + ":1: not UTF-8 text");
    }

    @Test
    void anUnknownColumnHeaderNamesItsCell() {
        rejected(
                csvTable(
                        AGREEMENT,
                        SHIPPED.replace("NAME,CONDITION,CONDITION,CONDITION", "NAME,CONDITION,CONDITION,KONDITION")),
                tmp.resolve("no-rules/routing.csv") + ":7: column D: Invalid column header: KONDITION");
    }

    @Test
    void aCellValueThatDoesNotCompileNamesThatRowsCell() {
        rejected(
                csvTable(HOT_AGREEMENT, csv(with(HOT, 10, 3, "high"))),
                tmp.resolve("no-rules/routing.csv")
                        + ":11: column D: \"score >= high\" does not compile: unable to resolve method using strict-mode:"
                        + " dev.l2r.facts.Lead.high()");
    }

    @Test
    void aConditionTemplateThatDoesNotCompileNamesTheTemplateCellOnce() {
        rejected(
                csvTable(AGREEMENT, SHIPPED.replace("country in (forall", "countri in (forall")),
                tmp.resolve("no-rules/routing.csv")
                        + ":9: column D: the template does not compile: unable to resolve method using strict-mode:"
                        + " dev.l2r.facts.Lead.countri() (in every row that uses this column's template: lines 13, 14)");
    }

    @Test
    void anActionWithABadExpressionNamesTheActionTemplate() {
        rejected(
                csvTable(AGREEMENT, SHIPPED.replace("sla.met(kcontext, $l)", "sla.meet(kcontext, $l)")),
                tmp.resolve("no-rules/routing.csv")
                        + ":9: column G: The method meet(RuleContext, Lead) is undefined for the type SlaSink");
    }

    @Test
    void anActionThatFailsInOneRowNamesThatRowsCell() {
        String[][] rows = with(HOT, 7, 4, "sla.met(kcontext, $l); $l.$param();");
        rows = with(rows, 9, 4, "getLeadId");
        rows = with(rows, 10, 4, "getLeadIdd");
        rejected(
                csvTable(HOT_AGREEMENT, csv(rows)),
                tmp.resolve("no-rules/routing.csv")
                        + ":11: column E: The method getLeadIdd() is undefined for the type Lead");
    }

    @Test
    void anUnknownFactTypeNamesTheObjectTypeCell() {
        rejected(
                csvTable(AGREEMENT, SHIPPED.replace("$l : Lead...,$l : Lead...", "$l : Leed...,$l : Leed...")),
                tmp.resolve("no-rules/routing.csv") + ":8: column C: Unable to resolve ObjectType 'Leed'");
    }

    @Test
    void anUnknownImportNamesTheImportCell() {
        rejected(
                csvTable(AGREEMENT, SHIPPED.replace("dev.l2r.facts.PeriodWindow\"", "dev.l2r.facts.PeriodWindw\"")),
                tmp.resolve("no-rules/routing.csv") + ":2: column B: import dev.l2r.facts.PeriodWindw: no such class");
    }

    @Test
    void aWorkbookThatIsNotAWorkbookNamesTheFile() {
        Workspace w = routing(HOT_AGREEMENT).file("no-rules/hot.xlsx", "RuleTable, but text\n");
        rejected(w, tmp.resolve("no-rules/hot.xlsx") + ": not a readable Excel workbook");
    }

    @Test
    void aWorkbookCellThatDoesNotCompileNamesSheetAndCell() throws IOException {
        Workspace w = routing(HOT_AGREEMENT);
        xlsx(w.rules.resolve("hot.xlsx"), "Hot leads", with(HOT, 10, 3, "high"), null);
        rejected(
                w,
                tmp.resolve("no-rules/hot.xlsx")
                        + ": sheet \"Hot leads\", cell D11: \"score >= high\" does not compile");
    }

    @Test
    void aWorkbookWithoutRuleTableNamesTheSheet() throws IOException {
        Workspace w = routing(HOT_AGREEMENT);
        xlsx(w.rules.resolve("hot.xlsx"), "Hot leads", with(HOT, 4, 0, "Hot leads"), null);
        rejected(w, tmp.resolve("no-rules/hot.xlsx") + ": sheet \"Hot leads\": no \"RuleTable NAME\" cell");
    }

    @Test
    void aWorkbookWithAnUnknownFactTypeNamesTheCell() throws IOException {
        Workspace w = routing(HOT_AGREEMENT);
        xlsx(
                w.rules.resolve("hot.xlsx"),
                "Hot leads",
                with(with(HOT, 6, 2, "$l : Leed..."), 6, 3, "$l : Leed..."),
                null);
        Cli r = w.check("2026-10");
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().startsWith(tmp.resolve("no-rules/hot.xlsx") + ": sheet \"Hot leads\", cell "), r.toString());
        assertTrue(r.err().contains("Unable to resolve ObjectType 'Leed'"), r.toString());
    }

    @Test
    void aRuleTableOnAnotherSheetIsNotIgnoredSilently() throws IOException {
        Workspace w = routing(HOT_AGREEMENT);
        xlsx(w.rules.resolve("hot.xlsx"), "Hot leads", HOT, new String[][] {{}, {"", "RuleTable More"}});
        rejected(
                w,
                tmp.resolve("no-rules/hot.xlsx")
                        + ": sheet \"Notes\", cell B2: only the first sheet (\"Hot leads\") is read");
    }

    @Test
    void aRuleThatFailsAtRunTimeNamesTheTableRow() {
        String[][] rows = with(HOT, 7, 4, "sla.violation(kcontext, $l, \"$param\", $l.getTitle().trim(), \"m\");");
        rejected(
                csvTable(HOT_AGREEMENT, csv(rows)),
                tmp.resolve("no-rules/routing.csv") + ":10: column A: rule \"Hot MQLs are touched\": failed on");
    }

    @Test
    void validateAndCompileAndExplainRejectABadTableAlike() {
        Workspace w = csvTable(AGREEMENT, SHIPPED.replace("$l : Lead...,$l : Lead...", "$l : Leed...,$l : Leed..."));
        String expected = tmp.resolve("no-rules/routing.csv") + ":8: column C: Unable to resolve ObjectType 'Leed'";
        String sla = w.dir.resolve("sla.yaml").toString();
        String rules = w.rules.toString();
        for (Cli r : List.of(
                Cli.run("validate", "--sla", sla, "--rules", rules),
                Cli.run("compile", "--sla", sla, "--rules", rules),
                Cli.run("explain", "--sla", sla, "--clause", "R1", "--rules", rules))) {
            assertEquals(2, r.code(), r.toString());
            assertEquals(1, r.err().strip().lines().count(), r.toString());
            assertTrue(r.err().startsWith(expected), r.toString());
            assertEquals("", r.out(), r.toString());
        }
    }
}
