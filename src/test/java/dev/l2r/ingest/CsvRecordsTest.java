package dev.l2r.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CSV reader's short paths: text as written whatever the characters, quotes and buffer boundaries. */
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
    void valuesReadAcrossManyBufferRefillsStayApart() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 20_000; i++)
            text.append("v").append(i % 3000).append(",,").append(i).append('\n');
        List<String[]> rows = records(text.toString(), 1 << 10);
        for (int i = 0; i < 20_000; i++) {
            assertArrayEquals(new String[] {"v" + (i % 3000), "", String.valueOf(i)}, rows.get(i));
        }
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
}
