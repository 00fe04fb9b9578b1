package dev.l2r.ingest;

import dev.l2r.InputError;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * An input file opened as UTF-8 text (a byte-order mark skipped, malformed bytes refused), digested with
 * SHA-256 as it is read so that run.json can name exactly what was checked without a second pass.
 */
final class TextInput implements AutoCloseable {

    private final DigestInputStream digested;
    private final Reader reader;

    private TextInput(DigestInputStream digested, Reader reader) {
        this.digested = digested;
        this.reader = reader;
    }

    static TextInput open(Path path, Charset charset) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            DigestInputStream d = new DigestInputStream(Files.newInputStream(path), md);
            InputStream in = new BufferedInputStream(d, 1 << 16);
            in.mark(3);
            byte[] bom = in.readNBytes(3);
            boolean utf8 = charset.equals(StandardCharsets.UTF_8);
            if (!(utf8
                    && bom.length == 3
                    && (bom[0] & 0xff) == 0xEF
                    && (bom[1] & 0xff) == 0xBB
                    && (bom[2] & 0xff) == 0xBF)) {
                in.reset();
            }
            Reader r = new InputStreamReader(
                    in,
                    charset.newDecoder()
                            .onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT));
            return new TextInput(d, r);
        } catch (NoSuchFileException e) {
            throw new InputError(InputError.at(path.toString(), 0, null, "no such file"));
        } catch (IOException e) {
            throw new InputError(InputError.at(path.toString(), 0, null, "cannot read: " + e.getMessage()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first byte that is not text in the charset: the line and column of the text before it (1-based). */
    record BadByte(long line, long column, int value) {}

    /**
     * Finds the first byte of {@code path} that is not text in {@code charset}, reading the file again from its
     * start (after a decoding error only: a read that succeeds never pays for it), or null when there is none.
     * Lines end as in {@link CsvRecords} (CRLF, LF or CR); columns count characters.
     */
    static BadByte firstBadByte(Path path, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16)) {
            if (charset.equals(StandardCharsets.UTF_8)) {
                in.mark(3);
                byte[] bom = in.readNBytes(3);
                if (!(bom.length == 3
                        && (bom[0] & 0xff) == 0xEF
                        && (bom[1] & 0xff) == 0xBB
                        && (bom[2] & 0xff) == 0xBF)) {
                    in.reset();
                }
            }
            ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
            CharBuffer chars = CharBuffer.allocate(1 << 16);
            long line = 1;
            long column = 1;
            boolean afterCr = false;
            boolean eof = false;
            while (true) {
                int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
                if (n < 0) eof = true;
                else bytes.position(bytes.position() + n);
                bytes.flip();
                CoderResult r;
                do {
                    r = decoder.decode(bytes, chars, eof);
                    chars.flip();
                    while (chars.hasRemaining()) {
                        char c = chars.get();
                        if (c == '\n' || c == '\r') {
                            if (c == '\r' || !afterCr) line++;
                            column = 1;
                            afterCr = c == '\r';
                        } else {
                            if (!Character.isLowSurrogate(c)) column++;
                            afterCr = false;
                        }
                    }
                    chars.clear();
                    if (r.isError()) return new BadByte(line, column, bytes.get(bytes.position()) & 0xff);
                } while (r.isOverflow());
                if (eof) return null;
                bytes.compact();
            }
        } catch (IOException e) {
            return null;
        }
    }

    Reader reader() {
        return reader;
    }

    /** Reads what is left and returns the SHA-256 of the whole file. */
    String sha256() throws IOException {
        byte[] buf = new byte[1 << 16];
        while (digested.read(buf) >= 0) {
            // drain: the digest covers the bytes a parser did not need
        }
        return HexFormat.of().formatHex(digested.getMessageDigest().digest());
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
