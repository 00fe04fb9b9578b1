package dev.l2r;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.util.Locale;

/** A value over one of Jackson's reading limits, in words: its messages name Jackson's internals. */
public final class ParserLimits {

    private ParserLimits() {}

    /** What was too large, e.g. "nested deeper than 1000 levels", for a parser with these limits. */
    public static String describe(StreamConstraintsException e, StreamReadConstraints c) {
        String m = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (m.startsWith("Document nesting depth")) return "nested deeper than " + c.getMaxNestingDepth() + " levels";
        if (m.startsWith("Number value length")) return "a number longer than " + c.getMaxNumberLength() + " digits";
        if (m.startsWith("String value length")) {
            return String.format(Locale.ROOT, "a string longer than %,d characters", c.getMaxStringLength());
        }
        if (m.startsWith("Name length")) {
            return String.format(Locale.ROOT, "a key longer than %,d characters", c.getMaxNameLength());
        }
        return "a value too large to read";
    }
}
