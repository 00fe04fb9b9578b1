package dev.l2r.app;

import dev.l2r.facts.Lead;
import dev.l2r.model.Condition;
import dev.l2r.model.FieldType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;

/**
 * Tells which condition of a segment keeps a lead out, for {@code l2r explain}. Whether a clause applies
 * is decided by the rules ({@code LeadDecisions}); this only names the condition that failed, with the
 * semantics of {@code compile.ConditionDrl}: a missing value satisfies only {@code is absent}.
 */
final class ConditionCheck {

    private ConditionCheck() {}

    static boolean holds(Condition c, Lead lead) {
        Object v = lead.value(c.field());
        switch (c.op()) {
            case PRESENT:
                return v != null;
            case ABSENT:
                return v == null;
            default:
                break;
        }
        if (v == null) return false;
        return switch (c.op()) {
            case EQ -> compare(v, c.value()) == 0;
            case NE -> compare(v, c.value()) != 0;
            case LT -> compare(v, c.value()) < 0;
            case LE -> compare(v, c.value()) <= 0;
            case GT -> compare(v, c.value()) > 0;
            case GE -> compare(v, c.value()) >= 0;
            case IN -> c.values().stream().anyMatch(x -> compare(v, x) == 0);
            case NOT_IN -> c.values().stream().noneMatch(x -> compare(v, x) == 0);
            default -> throw new IllegalStateException("unary " + c.op());
        };
    }

    /** The lead's value of a condition's field, as people read it. */
    static String valueOf(Condition c, Lead lead, ZoneId zone) {
        Object v = lead.value(c.field());
        if (v == null) return "missing";
        if (v instanceof Long t && c.field().type() == FieldType.TIMESTAMP) {
            return Instant.ofEpochMilli(t).atZone(zone).toOffsetDateTime().toString();
        }
        if (v instanceof Double d)
            return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        return "\"" + v + "\"";
    }

    private static int compare(Object v, Object literal) {
        if (literal instanceof BigDecimal n)
            return BigDecimal.valueOf(((Number) v).doubleValue()).compareTo(n);
        if (literal instanceof Instant t) return Long.compare(((Number) v).longValue(), t.toEpochMilli());
        int c = String.valueOf(v).compareTo(String.valueOf(literal));
        return Integer.signum(c);
    }
}
