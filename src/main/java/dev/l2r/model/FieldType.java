package dev.l2r.model;

import java.util.Locale;

/** How values of a lead field are read and compared. */
public enum FieldType {
    TEXT,
    NUMBER,
    TIMESTAMP;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
