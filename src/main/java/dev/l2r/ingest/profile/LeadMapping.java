package dev.l2r.ingest.profile;

import dev.l2r.Numbers;
import dev.l2r.ingest.LeadParser;
import dev.l2r.ingest.LeadResult;
import dev.l2r.model.FieldType;
import dev.l2r.model.LeadField;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How the rows of one primary file become leads: the output columns (the profile's fields, then the
 * columns it keeps as extra fields), each computed from the row and what it joins, read with the profile's
 * time and number formats into canonical text, and handed to {@link LeadParser}, which types and checks
 * the whole row as it does for a canonical leads file. One per primary file: files of one export may order
 * their columns differently, or lack an optional one.
 */
final class LeadMapping {

    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final Profile profile;
    private final ZoneId zone;
    private final Map<String, FieldType> custom;
    private final String file;
    private final FieldExpressions expressions;
    private final Map<String, JoinedTable> tables;
    private final Map<String, HistoryTable> histories;
    private final List<String> names = new ArrayList<>();
    private final List<Expr> exprs = new ArrayList<>();

    /** Binds the profile to the header of {@code file}; a column a field needs and the files lack is an InputError. */
    LeadMapping(
            Profile profile,
            ZoneId zone,
            Map<String, FieldType> custom,
            String file,
            List<String> header,
            Map<String, JoinedTable> tables,
            Map<String, HistoryTable> histories) {
        this.profile = profile;
        this.zone = zone;
        this.custom = custom;
        this.file = file;
        this.tables = tables;
        this.histories = histories;
        this.expressions = new FieldExpressions(profile, zone, file, header, tables, histories);
        Set<String> used = new HashSet<>();
        profile.fields().forEach((name, expr) -> {
            expressions.check(expr, used);
            names.add(name);
            exprs.add(expr);
        });
        if (profile.keepExtras()) {
            ExtraColumns.of(profile, header, tables.values(), used, names).forEach((name, column) -> {
                names.add(name);
                exprs.add(column);
            });
        }
    }

    /** The output columns: canonical and extra field names. */
    List<String> names() {
        return names;
    }

    /** The lead of a row, or why it is rejected; what the row joins is taken only by an accepted lead. */
    LeadResult lead(String[] row, long line, LeadParser parser) {
        RowJoins joins = new RowJoins(tables.values(), histories.values(), column -> expressions.cell(row, column));
        LeadResult r = mapped(row, line, parser, joins);
        if (r instanceof LeadResult.Accepted) joins.accepted();
        else joins.rejected(file + " line " + line);
        return r;
    }

    private LeadResult mapped(String[] row, long line, LeadParser parser, RowJoins joins) {
        String[] values = new String[names.size()];
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            FieldExpressions.Value v = expressions.eval(exprs.get(i), row, joins);
            if (v == null) continue;
            LeadField f = LeadField.of(name).orElse(null);
            FieldType type = f != null ? f.type() : custom.getOrDefault(name, FieldType.TEXT);
            if (type == FieldType.TIMESTAMP && !v.isTime()) {
                Instant t = (v.format() != null ? v.format() : profile.formats()).parse(v.text(), zone);
                if (t == null) {
                    return new LeadResult.Rejected(
                            name,
                            v.from() + ": not a time in the formats "
                                    + (v.format() != null ? v.format() : profile.formats()),
                            v.text());
                }
                values[i] = ISO.format(t.atZone(zone));
            } else if (type == FieldType.NUMBER && v.text() != null) {
                String number = profile.numbers().canonical(v.text());
                if (Numbers.parse(number) == null) {
                    return new LeadResult.Rejected(
                            name,
                            v.from() + ": not a number (decimal '"
                                    + profile.numbers().decimal() + "', grouping '"
                                    + profile.numbers().grouping() + "')",
                            v.text());
                }
                values[i] = number;
            } else {
                values[i] = v.text();
            }
        }
        return parser.parse(names, values, line);
    }
}
