package dev.l2r.parse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.l2r.model.FieldType;
import dev.l2r.model.LeadField;
import dev.l2r.source.Loc;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the {@code fields} section: extra lead columns (text, number or timestamp) that conditions may
 * use. Declaring them is what lets a typo in a condition's field be caught instead of matching nothing.
 */
final class DeclaredFields {

    private static final Pattern FIELD_NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    private DeclaredFields() {}

    static Map<String, FieldType> read(Fields fields, JsonNode node, Loc at) {
        Map<String, FieldType> out = new LinkedHashMap<>();
        if (node == null || node.isNull()) return out;
        if (!node.isObject()) {
            fields.add(at, "expected a mapping of field name to text, number or timestamp");
            return out;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            var e = it.next();
            Loc fl = at.field(e.getKey());
            if (!FIELD_NAME.matcher(e.getKey()).matches()) {
                fields.add(fl, "a field name is lower-case letters, digits and '_', starting with a letter");
                continue;
            }
            if (LeadField.of(e.getKey()).isPresent()) {
                fields.add(fl, e.getKey() + " is a canonical field already; declare only extra columns");
                continue;
            }
            String type = e.getValue().isTextual() ? e.getValue().asText() : "";
            if (AgreementKeys.FIELD_TYPES.contains(type)) {
                out.put(e.getKey(), FieldType.valueOf(type.toUpperCase(Locale.ROOT)));
            } else {
                fields.add(fl, "\"" + e.getValue().asText() + "\" is not a field type; use text, number or timestamp");
            }
        }
        return out;
    }
}
