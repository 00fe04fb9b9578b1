package dev.l2r.model;

/**
 * A field a condition reads: a canonical column, or a custom field the agreement declares under
 * {@code fields:} (kept from the input as an extra column).
 */
public record FieldRef(String name, FieldType type, LeadField canonical) {

    public static FieldRef of(LeadField f) {
        return new FieldRef(f.column(), f.type(), f);
    }

    public static FieldRef custom(String name, FieldType type) {
        return new FieldRef(name, type, null);
    }

    public boolean isCustom() {
        return canonical == null;
    }
}
