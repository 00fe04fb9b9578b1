package dev.l2r.facts;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The values of one long {@code in} / {@code not-in} list (or list of rejection reasons), looked up in
 * O(1). Generated rules bind it by key ({@code $set0 : ValueSet( key == "H1#require#0" )}) and call
 * {@link #contains}; the values come from the validated agreement as Java data and never as DRL text. An
 * inline {@code in (a, b, ...)} nests one comparison per value in the DRL/MVEL parsers, which overflows the
 * stack at some thousands of values.
 *
 * <p>Semantics equal the inline form: text compares exactly; numbers compare as doubles, so 60 equals
 * 60.0 and -0.0 equals 0.0; timestamps compare as epoch millis.
 */
public final class ValueSet {

    /** Lists up to this length are written inline in the DRL; longer ones become a ValueSet. */
    public static final int INLINE_MAX = 32;

    private final String key;
    private final Set<Object> values;

    private ValueSet(String key, Set<Object> values) {
        this.key = key;
        this.values = values;
    }

    /** A set of condition values: {@link String}, {@link BigDecimal} or {@link Instant}, as the model holds them. */
    public static ValueSet of(String key, List<?> values) {
        Set<Object> s = new HashSet<>(Math.max(16, values.size() * 2));
        for (Object v : values) {
            if (v instanceof BigDecimal n) s.add(n.doubleValue() + 0.0); // + 0.0 turns -0.0 into 0.0
            else if (v instanceof Instant t) s.add(t.toEpochMilli());
            else s.add((String) v);
        }
        return new ValueSet(key, s);
    }

    public String getKey() {
        return key;
    }

    /** True when a lead's value (String, Double or Long epoch millis) is one of the values; false for null. */
    public boolean contains(Object v) {
        if (v instanceof Double d) return !d.isNaN() && values.contains(d + 0.0);
        return v != null && values.contains(v);
    }

    public int size() {
        return values.size();
    }

    @Override
    public String toString() {
        return "ValueSet[" + key + ", " + values.size() + " values]";
    }
}
