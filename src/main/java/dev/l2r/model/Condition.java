package dev.l2r.model;

import java.util.List;

/**
 * One {@code FIELD OP VALUE} condition. Values are typed by the field: {@link String} for text,
 * {@link java.math.BigDecimal} for numbers, {@link java.time.Instant} for timestamps.
 *
 * @param text the condition as written in the agreement, for messages
 */
public record Condition(FieldRef field, Operator op, List<Object> values, String text) {

    public Condition {
        values = List.copyOf(values);
    }

    public Object value() {
        return values.get(0);
    }
}
