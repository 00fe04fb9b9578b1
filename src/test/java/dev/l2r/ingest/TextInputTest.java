package dev.l2r.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the first byte that is not text is: its line (ended as CSV lines end) and column, found after the fact. */
class TextInputTest {

    @TempDir
    Path tmp;

    private TextInput.BadByte bad(byte[] bytes) throws IOException {
        Path f = tmp.resolve("f.csv");
        Files.write(f, bytes);
        return TextInput.firstBadByte(f, StandardCharsets.UTF_8);
    }

    private static byte[] latin1(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void cleanTextHasNoBadByte() throws IOException {
        assertNull(bad("a,b\r\nM\u00fcller,\u20ac\n".getBytes(StandardCharsets.UTF_8)));
        assertNull(bad(new byte[0]));
    }

    @Test
    void linesEndWithLfCrlfOrCrAlike() throws IOException {
        assertEquals(new TextInput.BadByte(4, 3, 0xE9), bad(latin1("a\nb\r\nc\rd,\u00e9\n")));
    }

    @Test
    void aByteOrderMarkIsNoColumnAndWideCharactersAreOneColumn() throws IOException {
        byte[] text = "\uFEFFM\u00fcller \uD83D\uDE00 x".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[text.length + 1];
        System.arraycopy(text, 0, bytes, 0, text.length);
        bytes[text.length] = (byte) 0xFF;
        assertEquals(new TextInput.BadByte(1, 11, 0xFF), bad(bytes));
    }

    @Test
    void aSequenceCutOffByTheEndOfTheFileIsBad() throws IOException {
        assertEquals(new TextInput.BadByte(2, 2, 0xE2), bad(new byte[] {'a', '\n', 'b', (byte) 0xE2, (byte) 0x82}));
    }

    @Test
    void aBadByteFarIntoALargeFileIsFound() throws IOException {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i < 30_000; i++) b.append("L").append(i).append(",2026-10-05T10:00\n");
        b.append("x,\u00e9\n");
        assertEquals(new TextInput.BadByte(30_000, 3, 0xE9), bad(latin1(b.toString())));
    }
}
