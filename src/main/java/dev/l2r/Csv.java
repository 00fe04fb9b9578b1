package dev.l2r;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/** RFC 4180 CSV: fields with a comma, quote or line break are quoted; lines end with \n; null is empty. */
public final class Csv {

    private final Appendable out;

    public Csv(Appendable out, List<String> header) {
        this.out = out;
        row(header);
    }

    /** CSV text held in memory, for small files. */
    public static Csv text(List<String> header) {
        return new Csv(new StringBuilder(), header);
    }

    public Csv row(List<?> fields) {
        try {
            for (int i = 0; i < fields.size(); i++) {
                if (i > 0) out.append(',');
                Object f = fields.get(i);
                String s = f == null ? "" : f.toString();
                if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
                    out.append('"').append(s.replace("\"", "\"\"")).append('"');
                } else {
                    out.append(s);
                }
            }
            out.append('\n');
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        if (out instanceof Writer) throw new IllegalStateException("streamed to a file");
        return out.toString();
    }
}
