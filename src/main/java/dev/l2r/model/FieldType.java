package dev.l2r.model;

/** How values of a lead field are read and compared. */
public enum FieldType {
    TEXT, NUMBER, TIMESTAMP;

    public String key() { return name().toLowerCase(java.util.Locale.ROOT); }
}
