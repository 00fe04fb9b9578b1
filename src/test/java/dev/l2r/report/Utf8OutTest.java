package dev.l2r.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.l2r.Csv;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * violations.json and violations.csv are written by {@link Utf8Out}: its bytes must be exactly those of Jackson's
 * pretty-printing generator and of {@link Csv#forPeople} through a UTF-8 writer, for every UTF-16 character
 * (controls, quotes, backslashes, two- and three-byte characters, surrogate pairs and lone surrogates) and
 * for spreadsheet formulas.
 */
class Utf8OutTest {

    /** Every character alone, then with text around it. */
    private static List<String> everyCharacter() {
        List<String> out = new ArrayList<>();
        for (int c = 0; c <= 0xFFFF; c++) {
            out.add(String.valueOf((char) c));
            out.add("a" + (char) c + "b");
        }
        return out;
    }

    /** Random strings from an alphabet heavy in characters that need care, some long (past the buffer). */
    private static List<String> randomStrings() {
        char[] alphabet = {
            'a', 'Z', '0', ' ', ',', '"', '\\', '\n', '\r', '\t', '\b', '\f', '\u0000', '\u001f', '\u007f', '=', '+',
            '-', '@', '\'', 'é', 'ß', '→', '€', '\u2028', '\uFFFD', '\uD83D', '\uDE00', '\uDBFF', '\uDC00'
        };
        Random r = new Random(20261127);
        List<String> out = new ArrayList<>(List.of("", "-", "-3", "+1.5e3", "=SUM(A1)", "@x", "\tx", "\rx"));
        for (int i = 0; i < 5_000; i++) {
            int len = i % 500 == 0 ? 70_000 + r.nextInt(1_000) : r.nextInt(40);
            StringBuilder b = new StringBuilder();
            for (int k = 0; k < len; k++) b.append(alphabet[r.nextInt(alphabet.length)]);
            out.add(b.toString());
        }
        return out;
    }

    private static List<String> cases() {
        List<String> all = new ArrayList<>(everyCharacter());
        all.addAll(randomStrings());
        return all;
    }

    @Test
    void jsonStringsAreJacksons() throws IOException {
        List<String> values = cases();
        ByteArrayOutputStream jackson = new ByteArrayOutputStream();
        try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(jackson, JsonEncoding.UTF8)) {
            g.writeStartArray();
            for (String v : values) g.writeString(v);
            g.writeNull();
            g.writeEndArray();
        }
        ByteArrayOutputStream mine = new ByteArrayOutputStream();
        try (Utf8Out o = new Utf8Out(mine)) {
            o.ascii("[");
            for (int i = 0; i < values.size(); i++) {
                if (i > 0) o.ascii(",");
                o.json(values.get(i));
            }
            o.ascii(",").json(null).ascii("]");
        }
        assertArrayEquals(jackson.toByteArray(), mine.toByteArray());
    }

    @Test
    void csvCellsAreCsvForPeople() throws IOException {
        List<String> values = cases();
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        try (Writer w = new OutputStreamWriter(expected, StandardCharsets.UTF_8)) {
            Csv csv = Csv.forPeople(w, List.of("a", "b", "c"));
            for (int i = 0; i + 2 < values.size(); i += 3) {
                csv.row(Arrays.asList(values.get(i), i % 7 == 0 ? null : values.get(i + 1), values.get(i + 2)));
            }
        }
        ByteArrayOutputStream mine = new ByteArrayOutputStream();
        try (Utf8Out o = new Utf8Out(mine)) {
            o.csv("a").ascii(",").csv("b").ascii(",").csv("c").ascii("\n");
            for (int i = 0; i + 2 < values.size(); i += 3) {
                o.csv(values.get(i)).ascii(",");
                o.csv(i % 7 == 0 ? null : values.get(i + 1)).ascii(",");
                o.csv(values.get(i + 2)).ascii("\n");
            }
        }
        assertArrayEquals(expected.toByteArray(), mine.toByteArray());
    }
}
