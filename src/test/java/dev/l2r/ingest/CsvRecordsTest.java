package dev.l2r.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CSV reader's short paths: repeated values shared, text as written whatever the characters. */
class CsvRecordsTest {

    @TempDir
    Path tmp;

    private static List<String[]> records(String text, int bufferSize) throws IOException {
        CsvRecords r = new CsvRecords(new StringReader(text), ',', bufferSize);
        List<String[]> out = new ArrayList<>();
        while (r.next()) out.add(r.fields());
        return out;
    }

    @Test
    void aRepeatedValueOfAColumnIsOneString() throws IOException {
        List<String[]> rows = records("emea,won,x\namer,won,emea\nemea,\"won\",y\n", 1 << 16);
        assertSame(rows.get(0)[0], rows.get(2)[0]);
        assertSame(rows.get(0)[1], rows.get(1)[1]);
        assertSame(rows.get(0)[1], rows.get(2)[1]); // quoted or not, the same text
        assertNotSame(rows.get(0)[0], rows.get(1)[2]); // another column keeps its own strings
        assertEquals("emea", rows.get(1)[2]);
    }

    @Test
    void valuesThatShareAHashSlotOrAPrefixStayApart() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 20_000; i++)
            text.append("v").append(i % 3000).append(',').append(i).append('\n');
        List<String[]> rows = records(text.toString(), 1 << 10);
        for (int i = 0; i < 20_000; i++) {
            assertEquals("v" + (i % 3000), rows.get(i)[0]);
            assertEquals(String.valueOf(i), rows.get(i)[1]);
        }
        // "Aa" and "BB" have the same String hash: two values, each read back as written
        List<String[]> same = records("Aa\nBB\nAa\nBB\n", 1 << 16);
        assertEquals(
                List.of("Aa", "BB", "Aa", "BB"), same.stream().map(r -> r[0]).toList());
    }

    @Test
    void nonAsciiQuotedAndMultiLineFieldsReadAsWritten() throws IOException {
        String text = "Zoë Müller,\"Granite, Inc.\",\"two\nlines\",東京,\"say \"\"hi\"\"\", \"spaced\" ,\r\n"
                + "Zoë Müller,Łódź,😀,\"\",plain,,last\n";
        List<String[]> rows = records(text, 1 << 16);
        assertArrayEquals(
                new String[] {"Zoë Müller", "Granite, Inc.", "two\nlines", "東京", "say \"hi\"", "spaced", ""},
                rows.get(0));
        assertArrayEquals(new String[] {"Zoë Müller", "Łódź", "😀", "", "plain", "", "last"}, rows.get(1));
        assertSame(rows.get(0)[0], rows.get(1)[0]);
        List<String[]> small = records(text, 7); // values split across buffer refills read the same
        assertEquals(2, small.size());
        assertArrayEquals(rows.get(0), small.get(0));
        assertArrayEquals(rows.get(1), small.get(1));
    }

    @Test
    void aByteOrderMarkIsNotPartOfTheFirstColumnName() throws IOException {
        Path p = tmp.resolve("leads.csv");
        Files.write(p, ("\uFEFFlead_id,team\nL1,emea\n").getBytes(StandardCharsets.UTF_8));
        List<String> seen = new ArrayList<>();
        Rows.read(p, (names, values, line, problem) -> seen.add(names + " " + String.join("|", values)));
        assertEquals(List.of("[lead_id, team] L1|emea"), seen);
    }

    @Test
    void aColumnOfValuesThatNeverRepeatIsReadWithoutLookups() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 10_000; i++) text.append("id").append(i).append(",emea\n");
        List<String[]> rows = records(text.toString(), 1 << 16);
        assertEquals("id9999", rows.get(9_999)[0]);
        assertSame(rows.get(0)[1], rows.get(9_999)[1]);
        assertTrue(rows.stream().allMatch(r -> r.length == 2));
    }
}
