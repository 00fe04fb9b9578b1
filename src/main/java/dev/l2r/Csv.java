package dev.l2r;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.regex.Pattern;

/**
 * RFC 4180 CSV: fields with a comma, quote or line break are quoted; lines end with \n; null is empty.
 * Files meant for people ({@link #forPeople}) also defuse spreadsheet formulas (see {@link #defuse}).
 */
public final class Csv {

    /** A plain decimal number, signed or not, optionally with an exponent: a spreadsheet reads it as a number. */
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    private final Appendable out;
    private final boolean defuse;

    /** Data l2r reads back (canonical leads.csv): every value is written exactly as it is. */
    public Csv(Appendable out, List<String> header) {
        this(out, header, false);
    }

    private Csv(Appendable out, List<String> header, boolean defuse) {
        this.out = out;
        this.defuse = defuse;
        row(header);
    }

    /** A report people open in a spreadsheet: text cells that a spreadsheet would run as a formula are defused. */
    public static Csv forPeople(Appendable out, List<String> header) {
        return new Csv(out, header, true);
    }

    /** A report held in memory, for small files; defused like {@link #forPeople}. */
    public static Csv text(List<String> header) {
        return forPeople(new StringBuilder(), header);
    }

    /**
     * The OWASP rule against CSV injection: a text cell that starts with {@code = + - @}, tab or carriage
     * return gets a leading single quote, so a spreadsheet shows it as text instead of evaluating it
     * ({@code =HYPERLINK(...)} becomes {@code '=HYPERLINK(...)}). A number such as {@code -1200.50} or
     * {@code -3} is no formula and stays as it is, and so does a lone {@code -} (nothing can follow it).
     */
    public static String defuse(String s) {
        if (s.isEmpty() || s.equals("-")) return s;
        char c = s.charAt(0);
        if (c != '=' && c != '+' && c != '-' && c != '@' && c != '\t' && c != '\r') return s;
        if ((c == '+' || c == '-') && NUMBER.matcher(s).matches()) return s;
        return "'" + s;
    }

    public Csv row(List<?> fields) {
        try {
            for (int i = 0; i < fields.size(); i++) {
                if (i > 0) out.append(',');
                Object f = fields.get(i);
                String s = f == null ? "" : f.toString();
                if (defuse) s = defuse(s);
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
