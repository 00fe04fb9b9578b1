package dev.l2r.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** How a decision table's cells are named in messages: as a spreadsheet shows them. */
class DecisionTableLocationTest {

    @Test
    void columnsAreLettersAsInASpreadsheet() {
        assertEquals("A", DecisionTable.letters(0));
        assertEquals("Z", DecisionTable.letters(25));
        assertEquals("AA", DecisionTable.letters(26));
        assertEquals("AZ", DecisionTable.letters(51));
        assertEquals("ZZ", DecisionTable.letters(701));
        assertEquals("AAA", DecisionTable.letters(702));
    }

    @Test
    void aCsvCellIsItsLineAndColumn() {
        assertEquals("rules/x.csv:12: column C", DecisionTable.location(Path.of("rules/x.csv"), null, 11, 2));
        assertEquals("rules/x.csv:12", DecisionTable.location(Path.of("rules/x.csv"), null, 11, -1));
        assertEquals("rules/x.csv", DecisionTable.location(Path.of("rules/x.csv"), null, -1, -1));
    }

    @Test
    void aWorkbookCellIsItsSheetAndCell() {
        Path p = Path.of("rules/routing.xlsx");
        assertEquals("rules/routing.xlsx: sheet \"Handoff\", cell C12", DecisionTable.location(p, "Handoff", 11, 2));
        assertEquals("rules/routing.xlsx: sheet \"Handoff\", row 12", DecisionTable.location(p, "Handoff", 11, -1));
        assertEquals("rules/routing.xlsx: sheet \"Handoff\"", DecisionTable.location(p, "Handoff", -1, -1));
    }

    @Test
    void eachLineOfTheGeneratedDrlLeadsBackToItsCell() {
        String csv = String.join(
                "\n",
                "RuleSet,l2r.rules",
                "Import,\"dev.l2r.facts.Lead, dev.l2r.facts.PeriodWindow\"",
                "Variables,dev.l2r.facts.SlaSink sla",
                "",
                "RuleTable T",
                "NAME,CONDITION,CONDITION,CONDITION,ACTION",
                ",$p : PeriodWindow(),$l : Lead...,$l : Lead...,",
                ",,\"mqlAt != null?\",\"country == \"\"$param\"\"\",\"sla.met(kcontext, $l);\"",
                "Rule,,,Country,",
                "First,x,x,US,x",
                "Second,x,x,,x",
                "");
        DecisionTable t = DecisionTable.read(Path.of("t.csv"), csv.getBytes(StandardCharsets.UTF_8));
        String[] lines = t.drl().split("\n", -1);
        int rule = Arrays.asList(lines).indexOf("rule \"First\"") + 1;
        assertEquals("t.csv:2: column B", t.location(lineOf(lines, "import dev.l2r.facts.PeriodWindow;"), -1));
        assertEquals("t.csv:10: column A", t.location(rule, -1));
        assertEquals("t.csv:10: column B", t.location(rule + 2, -1)); // $p : PeriodWindow()
        assertEquals("t.csv:10: column C", t.location(rule + 3, -1)); // $l : Lead(mqlAt != null, country == "US")
        assertEquals("t.csv:10: column D", t.location(rule + 3, lines[rule + 2].indexOf("country") + 1));
        assertEquals("t.csv:10: column E", t.location(rule + 5, -1)); // the action
        int second = Arrays.asList(lines).indexOf("rule \"Second\"") + 1;
        assertEquals("t.csv:11: column C", t.location(second + 3, -1)); // blank country: only mqlAt
    }

    private static int lineOf(String[] lines, String text) {
        for (int i = 0; i < lines.length; i++) if (lines[i].equals(text)) return i + 1;
        throw new AssertionError("no line " + text);
    }
}
