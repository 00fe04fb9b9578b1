package dev.l2r;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reports for people defuse spreadsheet formulas (OWASP CSV injection); data l2r reads back stays exact. */
class CsvTest {

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '~',
            value = {
                "=HYPERLINK(\"http://evil\",\"x\") | '=HYPERLINK(\"http://evil\",\"x\")",
                "+cmd /C calc!A0                | '+cmd /C calc!A0",
                "-2+3                           | '-2+3",
                "@SUM(A1:A9)                    | '@SUM(A1:A9)",
                "-1,200.50                      | '-1,200.50",
                "-1200.50x                      | '-1200.50x",
                "=                              | '=",
                "-1200.50                       | -1200.50",
                "-3                             | -3",
                "+5                             | +5",
                "-.5                            | -.5",
                "-1e-3                          | -1e-3",
                "-                              | -",
                "VP Sales                       | VP Sales",
                "a=b                            | a=b",
                "1200                           | 1200"
            })
    void textThatASpreadsheetWouldRunGetsAQuote(String cell, String written) {
        assertEquals(written, Csv.defuse(cell));
    }

    @ParameterizedTest(name = "[{index}] control character {0}")
    @CsvSource({"9", "13"})
    void aLeadingTabOrCarriageReturnGetsAQuote(int c) {
        String cell = (char) c + "=1+1";
        assertEquals("'" + cell, Csv.defuse(cell));
    }

    @org.junit.jupiter.api.Test
    void reportsDefuseAndDataDoesNot() {
        List<String> row = Arrays.asList("=1+1", "-3", null, "@x, y", "\r=2");
        assertEquals(
                "a,b,c,d,e\n'=1+1,-3,,\"'@x, y\",\"'\r=2\"\n",
                Csv.text(List.of("a", "b", "c", "d", "e")).row(row).toString());
        StringWriter w = new StringWriter();
        Csv.forPeople(w, List.of("a")).row(List.of("+A1"));
        assertEquals("a\n'+A1\n", w.toString());
        StringBuilder data = new StringBuilder();
        new Csv(data, List.of("a", "b", "c", "d", "e")).row(row);
        assertEquals("a,b,c,d,e\n=1+1,-3,,\"@x, y\",\"\r=2\"\n", data.toString());
    }
}
