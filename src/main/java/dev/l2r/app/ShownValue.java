package dev.l2r.app;

import dev.l2r.facts.Lead;
import dev.l2r.model.Condition;
import dev.l2r.model.FieldType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The lead's value of a condition's field, as {@code l2r explain} shows it. Whether the condition holds is
 * decided by rules (the clause rules and the probe rules of {@code evaluate.LeadDecisions}), never here.
 */
final class ShownValue {

    private ShownValue() {}

    static String of(Condition c, Lead lead, ZoneId zone) {
        Object v = lead.value(c.field());
        if (v == null) return "missing";
        if (v instanceof Long t && c.field().type() == FieldType.TIMESTAMP) {
            return Instant.ofEpochMilli(t).atZone(zone).toOffsetDateTime().toString();
        }
        if (v instanceof Double d)
            return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        return "\"" + v + "\"";
    }
}
