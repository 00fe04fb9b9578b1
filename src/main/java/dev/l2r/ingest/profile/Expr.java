package dev.l2r.ingest.profile;

import java.util.List;
import java.util.Map;

/** How a profile computes one canonical field from a row (and the rows joined to it). */
public sealed interface Expr {

    /**
     * A column of a source (the primary one when {@code alias} is null), optionally mapped: {@code map}
     * translates values ("*" matches any non-empty value; an unmapped value is missing unless
     * {@code otherwise} is set); {@code format} overrides the profile's time formats; {@code when} keeps
     * the value only if other columns hold one of the listed values (e.g. a close date only when the
     * opportunity is closed); an {@code optional} column may be absent from the export.
     */
    record Column(
            String alias,
            String column,
            Map<String, String> map,
            String otherwise,
            TimeFormats format,
            Map<Column, List<String>> when,
            boolean optional,
            int line)
            implements Expr {
        public Column(String alias, String column) {
            this(alias, column, null, null, null, Map.of(), false, 0);
        }

        public String text() {
            return alias == null ? column : alias + "." + column;
        }
    }

    /** A fixed value. */
    record Const(String value) implements Expr {}

    /** The first of several expressions that gives a value. */
    record First(List<Expr> options) implements Expr {}
}
