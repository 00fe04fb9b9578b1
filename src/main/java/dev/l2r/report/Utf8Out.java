package dev.l2r.report;

import dev.l2r.Csv;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes the large reports (violations.json, violations.csv, open-items.csv) as UTF-8 bytes straight from
 * their strings: a million violations are some 350 MB of text, and a general-purpose generator or a
 * character encoder spends most of its time per character. The bytes are exactly those that Jackson's
 * pretty-printing generator ({@link Json#printer()}) and {@link Csv#forPeople} through a UTF-8 writer
 * produce (see Utf8OutTest, which compares them on every character):
 * <ul>
 *   <li>a JSON string escapes {@code "} and {@code \}, writes {@code \b \t \n \f \r} as such and other
 *       control characters as a six-character escape (backslash, u, four hex digits), and each UTF-16
 *       surrogate as such an escape of its own (as Jackson does); every other character is UTF-8;</li>
 *   <li>a CSV cell is defused ({@link Csv#defuse}), quoted when it holds a comma, quote or line break, with
 *       quotes doubled; a surrogate pair is one 4-byte character and a lone surrogate is {@code ?} (what the
 *       UTF-8 encoder writes for it).</li>
 * </ul>
 */
final class Utf8Out implements Closeable {

    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

    private final OutputStream os;
    private final byte[] buf = new byte[1 << 16];
    private int n;

    Utf8Out(OutputStream os) {
        this.os = os;
    }

    /** Text known to be ASCII (keys, punctuation, indentation). */
    Utf8Out ascii(String s) throws IOException {
        int len = s.length();
        if (len > buf.length - n) flush();
        if (len > buf.length) {
            for (int i = 0; i < len; i++) {
                room(1);
                buf[n++] = (byte) s.charAt(i);
            }
            return this;
        }
        byte[] b = buf;
        int p = n;
        for (int i = 0; i < len; i++) b[p++] = (byte) s.charAt(i);
        n = p;
        return this;
    }

    /** A JSON string value in quotes, or {@code null}. */
    Utf8Out json(String s) throws IOException {
        if (s == null) return ascii("null");
        int len = s.length();
        if (6L * len + 2 > buf.length - n) {
            flush();
            if (6L * len + 2 > buf.length) return longJson(s);
        }
        // room for the worst case (every character escaped): no check per character
        byte[] b = buf;
        int p = n;
        b[p++] = '"';
        for (int i = 0; i < len; i++) {
            char c = s.charAt(i);
            if (c < 0x80 && c >= 0x20 && c != '"' && c != '\\') {
                b[p++] = (byte) c;
            } else {
                n = p;
                jsonChar(c);
                p = n;
            }
        }
        b[p++] = '"';
        n = p;
        return this;
    }

    private void jsonChar(char c) {
        if (c < 0x80) {
            jsonEscape(c);
        } else if (c < 0x800) {
            buf[n++] = (byte) (0xC0 | (c >> 6));
            buf[n++] = (byte) (0x80 | (c & 0x3F));
        } else if (Character.isSurrogate(c)) {
            unicodeEscape(c);
        } else {
            three(c);
        }
    }

    /** A string longer than the buffer holds at the worst case, a character at a time. */
    private Utf8Out longJson(String s) throws IOException {
        int len = s.length();
        room(2);
        buf[n++] = '"';
        for (int i = 0; i < len; i++) {
            char c = s.charAt(i);
            room(6);
            if (c < 0x80 && c >= 0x20 && c != '"' && c != '\\') buf[n++] = (byte) c;
            else jsonChar(c);
        }
        room(1);
        buf[n++] = '"';
        return this;
    }

    /** One CSV cell for people: defused, quoted when needed; {@code null} is empty. */
    Utf8Out csv(String value) throws IOException {
        if (value == null) return this;
        String s = Csv.defuse(value);
        int len = s.length();
        boolean quote = false;
        for (int i = 0; i < len && !quote; i++) {
            char c = s.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        // at most 3 bytes a character (a doubled quote 2, a surrogate pair 4 for two): no check per character
        // unless the cell is longer than the buffer holds
        if (3L * len + 2 > buf.length - n) flush();
        boolean check = 3L * len + 2 > buf.length;
        room(1);
        if (quote) buf[n++] = '"';
        for (int i = 0; i < len; i++) {
            char c = s.charAt(i);
            if (check) room(4);
            if (c < 0x80) {
                if (c == '"') buf[n++] = '"';
                buf[n++] = (byte) c;
            } else if (c < 0x800) {
                buf[n++] = (byte) (0xC0 | (c >> 6));
                buf[n++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < len && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                buf[n++] = (byte) (0xF0 | (cp >> 18));
                buf[n++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                buf[n++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                buf[n++] = (byte) (0x80 | (cp & 0x3F));
            } else if (Character.isSurrogate(c)) {
                buf[n++] = '?';
            } else {
                three(c);
            }
        }
        room(1);
        if (quote) buf[n++] = '"';
        return this;
    }

    private void jsonEscape(char c) {
        buf[n++] = '\\';
        switch (c) {
            case '"', '\\' -> buf[n++] = (byte) c;
            case '\b' -> buf[n++] = 'b';
            case '\t' -> buf[n++] = 't';
            case '\n' -> buf[n++] = 'n';
            case '\f' -> buf[n++] = 'f';
            case '\r' -> buf[n++] = 'r';
            default -> {
                n--;
                unicodeEscape(c);
            }
        }
    }

    private void unicodeEscape(char c) {
        buf[n++] = '\\';
        buf[n++] = 'u';
        buf[n++] = HEX[(c >> 12) & 0xF];
        buf[n++] = HEX[(c >> 8) & 0xF];
        buf[n++] = HEX[(c >> 4) & 0xF];
        buf[n++] = HEX[c & 0xF];
    }

    private void three(char c) {
        buf[n++] = (byte) (0xE0 | (c >> 12));
        buf[n++] = (byte) (0x80 | ((c >> 6) & 0x3F));
        buf[n++] = (byte) (0x80 | (c & 0x3F));
    }

    /** Makes room for {@code k} more bytes, writing out what the buffer holds when it is too full. */
    private void room(int k) throws IOException {
        if (n + k > buf.length) flush();
    }

    void flush() throws IOException {
        os.write(buf, 0, n);
        n = 0;
    }

    @Override
    public void close() throws IOException {
        try {
            flush();
        } finally {
            os.close();
        }
    }
}
