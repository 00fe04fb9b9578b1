package dev.l2r.ingest.profile;

import dev.l2r.InputError;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The interpreter of a profile's field expressions ({@link Expr}: columns with value maps, {@code *} and
 * {@code otherwise}, {@code when} conditions, coalescing lists, constants, optional columns), bound to the
 * header of one primary file and to the joined and history files. Binding is where a profile meets an
 * export, so {@link #check} refuses a column the files lack before any row is read; {@link #eval} then
 * gives a field's text for one row. Named apart from dev.l2r.evaluate.Evaluator, which judges agreements.
 */
final class FieldExpressions {

    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    /**
     * A field's value before typing.
     *
     * @param from what it was read from, for messages (a column, alias.column, or "value")
     * @param format the column's own time formats, or null for the profile's
     * @param isTime a history time, already canonical text
     */
    record Value(String text, String from, TimeFormats format, boolean isTime) {}

    private final Profile profile;
    private final ZoneId zone;
    private final String file;
    private final Map<String, Integer> columns = new HashMap<>();
    private final Map<String, JoinedTable> tables;
    private final Map<String, HistoryTable> histories;

    FieldExpressions(
            Profile profile,
            ZoneId zone,
            String file,
            List<String> header,
            Map<String, JoinedTable> tables,
            Map<String, HistoryTable> histories) {
        this.profile = profile;
        this.zone = zone;
        this.file = file;
        this.tables = tables;
        this.histories = histories;
        for (int i = 0; i < header.size(); i++) columns.putIfAbsent(header.get(i), i);
    }

    /**
     * Checks that every column {@code e} names is in its file (all files of a joined source) unless optional,
     * or is a derived time of its history file, and adds each as "alias:column" to {@code used} ("" is the
     * primary file's alias).
     */
    void check(Expr e, Set<String> used) {
        if (e instanceof Expr.First f) {
            f.options().forEach(o -> check(o, used));
        } else if (e instanceof Expr.Column c) {
            c.when().keySet().forEach(w -> check(w, used));
            used.add((c.alias() == null ? "" : c.alias()) + ":" + c.column());
            if (c.alias() == null) {
                if (!columns.containsKey(c.column()) && !c.optional()) missing(c, file, columns.keySet());
            } else if (tables.containsKey(c.alias())) {
                JoinedTable t = tables.get(c.alias());
                if (!c.optional()) {
                    t.headers().forEach((f, cols) -> {
                        if (!cols.containsKey(c.column())) missing(c, f, cols.keySet());
                    });
                }
            } else if (!histories.containsKey(c.alias())
                    || !histories.get(c.alias()).source().history().times().containsKey(c.column())) {
                throw new InputError(InputError.at(
                        profile.source(),
                        c.line(),
                        null,
                        c.text() + " is no derived time of history file " + c.alias()
                                + (histories.containsKey(c.alias())
                                        ? "; it has "
                                                + histories
                                                        .get(c.alias())
                                                        .source()
                                                        .history()
                                                        .times()
                                                        .keySet()
                                        : "")));
            }
        }
    }

    private void missing(Expr.Column c, String file, Set<String> have) {
        throw new InputError(InputError.at(
                file,
                1,
                c.column(),
                "missing column (profile " + profile.name() + ", " + profile.source() + ":" + c.line()
                        + "); the header has " + String.join(", ", new TreeSet<>(have))));
    }

    /** The value of {@code e} for a primary row and what it joins, or null when it has none. */
    Value eval(Expr e, String[] row, RowJoins joins) {
        if (e instanceof Expr.Const c) return new Value(c.value(), "value", null, false);
        if (e instanceof Expr.First f) {
            for (Expr o : f.options()) {
                Value v = eval(o, row, joins);
                if (v != null) return v;
            }
            return null;
        }
        Expr.Column c = (Expr.Column) e;
        for (Map.Entry<Expr.Column, List<String>> w : c.when().entrySet()) {
            Value cond = eval(w.getKey(), row, joins);
            if (cond == null || !w.getValue().contains(cond.text)) return null;
        }
        String raw;
        if (c.alias() == null) {
            raw = columns.containsKey(c.column()) ? cell(row, c.column()) : null;
        } else if (histories.containsKey(c.alias())) {
            Map<String, Long> times = joins.times(c.alias());
            Long t = times == null ? null : times.get(c.column());
            return t == null
                    ? null
                    : new Value(ISO.format(Instant.ofEpochMilli(t).atZone(zone)), c.text(), null, true);
        } else {
            JoinedTable.Row r = joins.row(c.alias());
            raw = r == null ? null : r.cell(c.column());
        }
        if (c.map() != null) {
            String mapped = raw == null
                    ? null
                    : c.map().containsKey(raw) ? c.map().get(raw) : c.map().get("*");
            if (mapped == null) mapped = c.otherwise();
            return mapped == null ? null : new Value(mapped, c.text(), null, false);
        }
        if (raw == null) return c.otherwise() == null ? null : new Value(c.otherwise(), c.text(), null, false);
        return new Value(raw, c.text(), c.format(), false);
    }

    /** The text of a primary column (null when blank); a column the profile joins on must be in the file. */
    String cell(String[] row, String column) {
        Integer i = columns.get(column);
        if (i == null) {
            throw new InputError(
                    InputError.at(file, 1, column, "missing column that profile " + profile.name() + " joins on"));
        }
        String v = i < row.length ? row[i] : null;
        return v == null || v.isBlank() ? null : v.strip();
    }
}
