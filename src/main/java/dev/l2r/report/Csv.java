package dev.l2r.report;

import java.util.List;

/** RFC 4180 CSV text: fields with a comma, quote or line break are quoted; lines end with \n. */
final class Csv {

    private final StringBuilder out = new StringBuilder();

    Csv(List<String> header) { row(header); }

    Csv row(List<?> fields) {
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
    }

    @Override
    public String toString() { return out.toString(); }
}
