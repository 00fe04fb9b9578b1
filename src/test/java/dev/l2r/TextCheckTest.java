package dev.l2r;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TextCheckTest {

    private static byte[] bytes(int... b) {
        byte[] out = new byte[b.length];
        for (int i = 0; i < b.length; i++) out[i] = (byte) b[i];
        return out;
    }

    @Test
    void utf8TextWithTabsAndLineBreaksPasses() {
        assertNull(TextCheck.problem("f", "a:\tb\r\nc: \"ü€😀\"\n".getBytes(StandardCharsets.UTF_8), true));
    }

    @Test
    void aByteOrderMarkIsNoProblem() {
        assertNull(TextCheck.problem("f", bytes(0xEF, 0xBB, 0xBF, 'x'), true));
    }

    @Test
    void latin1IsNamedWithItsLineAndColumn() {
        // "ab\nc" then ü in ISO-8859-1 (0xFC): line 2, column 2
        assertEquals(
                "f:2: not UTF-8 text (byte 0xFC at column 2); save the file as UTF-8",
                TextCheck.problem("f", bytes('a', 'b', '\n', 'c', 0xFC), false));
    }

    @Test
    void overlongFormsSurrogatesAndTruncatedSequencesAreNotUtf8() {
        assertEquals(
                "f:1: not UTF-8 text (byte 0xC0 at column 1); save the file as UTF-8",
                TextCheck.problem("f", bytes(0xC0, 0x80), false));
        assertEquals(
                "f:1: not UTF-8 text (byte 0xE0 at column 2); save the file as UTF-8",
                TextCheck.problem("f", bytes('x', 0xE0, 0x80, 0x80), false));
        assertEquals(
                "f:1: not UTF-8 text (byte 0xED at column 1); save the file as UTF-8",
                TextCheck.problem("f", bytes(0xED, 0xA0, 0x80), false));
        assertEquals(
                "f:1: not UTF-8 text (byte 0xF4 at column 1); save the file as UTF-8",
                TextCheck.problem("f", bytes(0xF4, 0x90, 0x80, 0x80), false));
        assertEquals(
                "f:1: not UTF-8 text (byte 0xE2 at column 3); save the file as UTF-8",
                TextCheck.problem("f", bytes('a', 'b', 0xE2, 0x82), false));
    }

    @Test
    void controlCharactersAreRefusedOnlyWhenAsked() {
        byte[] nul = bytes('a', '\n', 'b', 'c', 0x00);
        assertNull(TextCheck.problem("f", nul, false));
        assertEquals(
                "f:2: a control character (U+0000) at column 3; remove it (text holds no control characters but tab and line breaks)",
                TextCheck.problem("f", nul, true));
        assertEquals(
                "f:1: a control character (U+007F) at column 1; remove it (text holds no control characters but tab and line breaks)",
                TextCheck.problem("f", bytes(0x7F), true));
    }
}
