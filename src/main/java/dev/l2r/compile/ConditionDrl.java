package dev.l2r.compile;

import dev.l2r.model.Condition;
import dev.l2r.model.FieldRef;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Renders agreement conditions as DRL constraints on a {@code Lead}. Fields and operators come from fixed
 * lists; values go through {@link DrlLiterals}. A missing value satisfies only {@code is absent}.
 */
final class ConditionDrl {

    private ConditionDrl() {}

    /** The constraint for one condition, reading the lead through {@code prefix} ("" or "lead."). */
    static String constraint(Condition c, String prefix) {
        String acc = prefix + accessor(c.field());
        return switch (c.op()) {
            case PRESENT -> acc + " != null";
            case ABSENT -> acc + " == null";
            case EQ -> acc + " == " + literal(c.value());
            case NE -> "(" + acc + " != null && " + acc + " != " + literal(c.value()) + ")";
            case LT -> "(" + acc + " != null && " + acc + " < " + literal(c.value()) + ")";
            case LE -> "(" + acc + " != null && " + acc + " <= " + literal(c.value()) + ")";
            case GT -> "(" + acc + " != null && " + acc + " > " + literal(c.value()) + ")";
            case GE -> "(" + acc + " != null && " + acc + " >= " + literal(c.value()) + ")";
            case IN -> "(" + acc + " != null && " + acc + " in (" + literals(c.values()) + "))";
            case NOT_IN -> "(" + acc + " != null && " + acc + " not in (" + literals(c.values()) + "))";
        };
    }

    /** All conditions, each as its own constraint, joined for a pattern's constraint list. */
    static String all(List<Condition> conditions, String prefix) {
        return conditions.stream().map(c -> constraint(c, prefix)).collect(Collectors.joining(", "));
    }

    private static String accessor(FieldRef f) {
        if (!f.isCustom()) return f.canonical().property();
        String name = DrlLiterals.string(f.name());
        return switch (f.type()) {
            case TEXT -> "text(" + name + ")";
            case NUMBER -> "number(" + name + ")";
            case TIMESTAMP -> "time(" + name + ")";
        };
    }

    private static String literals(List<Object> values) {
        return values.stream().map(ConditionDrl::literal).collect(Collectors.joining(", "));
    }

    private static String literal(Object v) {
        if (v instanceof BigDecimal n) return DrlLiterals.number(n);
        if (v instanceof Instant t) return DrlLiterals.epochMillis(t.toEpochMilli());
        return DrlLiterals.string((String) v);
    }
}
