package dev.l2r.ingest.profile;

import dev.l2r.model.LeadField;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The columns a profile keeps without mapping them (keep_extras, the default: nothing is dropped), and
 * their extra-field names. Exports name columns freely ("Lead Source", "Rejection_Reason__c") and several
 * files may share a name, while a lead's fields need one plain, unique name each: snake case, prefixed with
 * the file's alias when a field or a used primary column has it already, numbered when still taken.
 */
final class ExtraColumns {

    private ExtraColumns() {}

    /**
     * The unused columns of the primary header, then of each joined file (key columns aside), by extra-field
     * name in output order.
     *
     * @param used the columns the fields use, as "alias:column" ("" is the primary file's alias)
     * @param names the output names taken so far (the profile's fields)
     */
    static Map<String, Expr.Column> of(
            Profile profile,
            List<String> header,
            Collection<JoinedTable> tables,
            Set<String> used,
            List<String> names) {
        Map<String, Expr.Column> out = new LinkedHashMap<>();
        // a joined column named like a used primary column gets its file's prefix (deals_hubspot_owner_id)
        Set<String> taken = new HashSet<>(names);
        for (LeadField f : LeadField.values()) taken.add(f.column());
        for (String u : used) if (u.startsWith(":")) taken.add(name(u.substring(1)));
        String key = profile.primarySource().key();
        for (String col : header) {
            if (!used.contains(":" + col) && !col.equals(key)) add(out, profile.primary(), null, col, taken);
        }
        for (JoinedTable t : tables) {
            String alias = t.source().alias();
            for (String col : t.header()) {
                if (!used.contains(alias + ":" + col) && !col.equals(t.source().key()))
                    add(out, alias, alias, col, taken);
            }
        }
        return out;
    }

    private static void add(
            Map<String, Expr.Column> out, String prefix, String alias, String column, Set<String> taken) {
        String name = name(column);
        if (name.isEmpty()) name = "column";
        if (taken.contains(name)) name = prefix + "_" + name;
        String base = name;
        for (int k = 2; taken.contains(name); k++) name = base + "_" + k; // never drop a column
        taken.add(name);
        out.put(name, new Expr.Column(alias, column));
    }

    /**
     * The extra-field name of a column: snake case of letters and digits, camel case split
     * ("StageName" -> stage_name, "Lead Source" -> lead_source, "Rejection_Reason__c" -> rejection_reason_c).
     */
    static String name(String column) {
        StringBuilder b = new StringBuilder();
        String s = column.strip();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean upper = c >= 'A' && c <= 'Z';
            if (upper
                    && i > 0
                    && Character.isLowerCase(s.charAt(i - 1))
                    && b.length() > 0
                    && b.charAt(b.length() - 1) != '_') {
                b.append('_');
            }
            c = Character.toLowerCase(c);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) b.append(c);
            else if (b.length() > 0 && b.charAt(b.length() - 1) != '_') b.append('_');
        }
        while (b.length() > 0 && b.charAt(b.length() - 1) == '_') b.setLength(b.length() - 1);
        if (b.length() > 0 && Character.isDigit(b.charAt(0))) b.insert(0, "c_");
        return b.length() > 64 ? b.substring(0, 64) : b.toString();
    }
}
