package dev.l2r;

import java.util.Locale;

/**
 * Whether the bytes of a file are text l2r can read: UTF-8, and (when asked) free of control characters
 * other than tab, line breaks and form feed. Decoding with replacement would turn a Latin-1 file into
 * text with U+FFFD in it and let it through; this names the line and column of the first bad byte instead.
 */
public final class TextCheck {

    private TextCheck() {}

    /** The first problem as {@code file:line: message}, or null when the bytes are clean text. */
    public static String problem(String file, byte[] bytes, boolean controlCharacters) {
        int line = 1;
        int lineStart = 0;
        int i = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF
                ? 3
                : 0;
        while (i < bytes.length) {
            int b = bytes[i] & 0xff;
            int column = i - lineStart + 1;
            if (b < 0x80) {
                if (b == '\n') {
                    line++;
                    lineStart = i + 1;
                } else if (controlCharacters && b < 0x20 && b != '\t' && b != '\r' && b != '\f'
                        || controlCharacters && b == 0x7f) {
                    return InputError.at(
                            file,
                            line,
                            null,
                            String.format(
                                    Locale.ROOT,
                                    "a control character (U+%04X) at column %d; remove it (text holds no control characters but tab and line breaks)",
                                    b,
                                    column));
                }
                i++;
                continue;
            }
            int n = b >= 0xC2 && b <= 0xDF ? 1 : b >= 0xE0 && b <= 0xEF ? 2 : b >= 0xF0 && b <= 0xF4 ? 3 : -1;
            boolean ok = n > 0;
            if (ok) {
                for (int k = 1; k <= n; k++) {
                    if (i + k >= bytes.length || (bytes[i + k] & 0xC0) != 0x80) {
                        ok = false;
                        break;
                    }
                }
            }
            if (ok && n == 2) { // no overlong forms or surrogates
                int b1 = bytes[i + 1] & 0xff;
                ok = !(b == 0xE0 && b1 < 0xA0) && !(b == 0xED && b1 >= 0xA0);
            } else if (ok && n == 3) {
                int b1 = bytes[i + 1] & 0xff;
                ok = !(b == 0xF0 && b1 < 0x90) && !(b == 0xF4 && b1 >= 0x90);
            }
            if (!ok) {
                return InputError.at(
                        file,
                        line,
                        null,
                        String.format(
                                Locale.ROOT,
                                "not UTF-8 text (byte 0x%02X at column %d); save the file as UTF-8",
                                b,
                                column));
            }
            i += n + 1;
        }
        return null;
    }
}
