package dev.l2r.compile;

import dev.l2r.facts.ValueSet;
import dev.l2r.model.Condition;
import dev.l2r.model.FieldRef;
import dev.l2r.model.Operator;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Renders agreement conditions as DRL constraints on a {@code Lead}. Fields and operators come from fixed
 * lists; values go through {@link DrlLiterals}. A missing value satisfies only {@code is absent}. An
 * {@code in}/{@code not-in} list longer than {@link ValueSet#INLINE_MAX} is not written out: the rule binds
 * a {@link ValueSet} fact by key and asks it (see {@link Sets}).
 */
final class ConditionDrl {

    private ConditionDrl() {}

    /** The value-set patterns one rule needs, each bound to a variable its constraints read. */
    static final class Sets {
        private final List<String> patterns = new ArrayList<>();

        /** Binds the value set with this key and returns its variable. */
        String bind(String key) {
            String var = "$set" + patterns.size();
            patterns.add(var + " : ValueSet( key == " + DrlLiterals.string(key) + " )");
            return var;
        }

        List<String> patterns() {
            return patterns;
        }
    }

    /** True when a condition's list is looked up in a {@link ValueSet} rather than written inline. */
    static boolean bySet(Condition c) {
        return c.op().takesList() && c.values().size() > ValueSet.INLINE_MAX;
    }

    /** The key of the value set of condition {@code index} of a clause's list ("where", "require"). */
    static String key(String clauseId, String list, int index) {
        return clauseId + "#" + list + "#" + index;
    }

    /**
     * The constraint for one condition; a long list reads the value set {@code key}, bound in {@code sets}.
     */
    static String constraint(Condition c, String prefix, String key, Sets sets) {
        if (!bySet(c)) return constraint(c, prefix);
        String acc = prefix + accessor(c.field());
        String var = sets.bind(key);
        return "(" + acc + " != null && " + (c.op() == Operator.IN ? "" : "!") + var + ".contains(" + acc + "))";
    }

    /** The constraint for one condition with any list written inline, reading the lead through {@code prefix} ("" or "lead."). */
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

    /** All conditions of a clause's list, each as its own constraint, joined for a pattern's constraint list. */
    static String all(List<Condition> conditions, String prefix, String clauseId, String list, Sets sets) {
        return each(conditions, prefix, clauseId, list, sets, ", ");
    }

    private static String each(
            List<Condition> conditions, String prefix, String clauseId, String list, Sets sets, String glue) {
        List<String> out = new ArrayList<>(conditions.size());
        for (int i = 0; i < conditions.size(); i++)
            out.add(constraint(conditions.get(i), prefix, key(clauseId, list, i), sets));
        return String.join(glue, out);
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
