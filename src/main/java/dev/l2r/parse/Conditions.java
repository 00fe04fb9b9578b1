package dev.l2r.parse;

import dev.l2r.Numbers;
import dev.l2r.Timestamps;
import dev.l2r.model.Condition;
import dev.l2r.model.FieldRef;
import dev.l2r.model.FieldType;
import dev.l2r.model.LeadField;
import dev.l2r.model.Operator;
import dev.l2r.source.ControlCharacters;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the condition language of docs/AGREEMENTS.md: {@code FIELD OP VALUE}, {@code FIELD in [a, b]},
 * {@code FIELD is present|absent}. No other expression is accepted. Values may be quoted ('…' or "…")
 * to hold spaces or commas.
 */
final class Conditions {

    static final String HINT =
            "write FIELD OP VALUE with OP one of = != < <= > >= in not-in, or FIELD is present / FIELD is absent";

    private static final Pattern FORM = Pattern.compile(
            "\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*(?:(is\\s+present|is\\s+absent)|(not-in|in)\\s+(.*)|(!=|<=|>=|=|<|>)(.*))\\s*",
            Pattern.DOTALL);

    private final Map<String, FieldType> custom;
    private final ZoneId zone;

    Conditions(Map<String, FieldType> custom, ZoneId zone) {
        this.custom = custom;
        this.zone = zone;
    }

    /** Parses one condition; returns the problem as text in {@code error[0]} when it cannot. */
    Condition parse(String text, String[] error) {
        String shown = shown(text);
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            error[0] = "\"" + shown + "\" is not a condition; " + HINT;
            return null;
        }
        String name = m.group(1);
        FieldRef field = field(name);
        if (field == null) {
            error[0] = "unknown field '" + name + "' in \"" + shown + "\"; valid fields: " + validFields()
                    + (custom.isEmpty() ? " (declare others under fields:)" : "");
            return null;
        }
        if (m.group(2) != null) {
            Operator op = m.group(2).endsWith("present") ? Operator.PRESENT : Operator.ABSENT;
            return new Condition(field, op, List.of(), text.strip());
        }
        Operator op;
        List<String> raw;
        if (m.group(3) != null) {
            op = m.group(3).equals("in") ? Operator.IN : Operator.NOT_IN;
            String list = m.group(4).strip();
            if (!list.startsWith("[") || !list.endsWith("]")) {
                error[0] = "\"" + shown + "\": " + m.group(3) + " takes a list such as [a, b]";
                return null;
            }
            raw = splitList(list.substring(1, list.length() - 1), error);
            if (raw == null) {
                error[0] = "\"" + shown + "\": " + error[0];
                return null;
            }
            if (raw.isEmpty()) {
                error[0] = "\"" + shown + "\": the list is empty";
                return null;
            }
            if (raw.size() > AgreementLimits.MAX_LIST_VALUES) {
                error[0] = "\"" + shown + "\": " + AgreementLimits.n(raw.size()) + " values; a list has at most "
                        + AgreementLimits.n(AgreementLimits.MAX_LIST_VALUES);
                return null;
            }
        } else {
            op = switch (m.group(5)) {
                case "=" -> Operator.EQ;
                case "!=" -> Operator.NE;
                case "<" -> Operator.LT;
                case "<=" -> Operator.LE;
                case ">" -> Operator.GT;
                default -> Operator.GE;
            };
            String v = unquote(m.group(6).strip(), error);
            if (v == null) {
                error[0] = "\"" + shown + "\": " + error[0];
                return null;
            }
            if (v.isEmpty()) {
                error[0] = "\"" + shown + "\" has no value; to test for a missing value write '" + name + " is absent'";
                return null;
            }
            raw = List.of(v);
        }
        if (op.ordering() && field.type() == FieldType.TEXT) {
            error[0] = "\"" + shown + "\": " + name + " is text and cannot be ordered; use = != in not-in";
            return null;
        }
        List<Object> values = new ArrayList<>();
        for (String r : raw) {
            Object v = typed(field, r, error);
            if (v == null) {
                error[0] = "\"" + shown + "\": " + error[0];
                return null;
            }
            values.add(v);
        }
        return new Condition(field, op, values, shown(text.strip()));
    }

    /**
     * A condition as messages show it: as written, or for a long one (a list of thousands of values) its
     * start and its length, so that neither an error nor a violation message repeats a megabyte of values.
     */
    static String shown(String text) {
        if (text.length() <= 200) return text;
        return text.substring(0, 120) + "... (" + AgreementLimits.n(text.length()) + " characters)";
    }

    private FieldRef field(String name) {
        return LeadField.of(name)
                .map(FieldRef::of)
                .orElseGet(() -> custom.containsKey(name) ? FieldRef.custom(name, custom.get(name)) : null);
    }

    private String validFields() {
        List<String> names = new ArrayList<>(
                Arrays.stream(LeadField.values()).map(LeadField::column).toList());
        names.addAll(custom.keySet());
        return String.join(", ", names);
    }

    private Object typed(FieldRef field, String raw, String[] error) {
        switch (field.type()) {
            case NUMBER -> {
                if (Numbers.parse(raw) == null) {
                    String hint = Fields.percentHint(raw);
                    error[0] = field.name() + " is a number; '" + raw + "' is "
                            + (hint == null ? "not a decimal number below 10^15" : "not a number; " + hint);
                    return null;
                }
                return new BigDecimal(raw);
            }
            case TIMESTAMP -> {
                var t = Timestamps.parse(raw, zone);
                if (t == null) {
                    error[0] = field.name() + " is a timestamp; '" + raw
                            + "' is not ISO-8601 (e.g. 2026-10-01 or 2026-10-01T09:00:00-04:00)";
                }
                return t;
            }
            default -> {
                String bad = ControlCharacters.controlCharacter(raw);
                if (bad != null) {
                    error[0] = "value contains a control character (" + bad + ")";
                    return null;
                }
                return raw;
            }
        }
    }

    /** Splits {@code a, "b, c", 'd'} into values. */
    private static List<String> splitList(String s, String[] error) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        if (s.isBlank()) return out;
        while (i <= n) {
            while (i < n && Character.isWhitespace(s.charAt(i))) i++;
            String item;
            if (i < n && (s.charAt(i) == '"' || s.charAt(i) == '\'')) {
                char q = s.charAt(i);
                int close = s.indexOf(q, i + 1);
                if (close < 0) {
                    error[0] = "unclosed quote";
                    return null;
                }
                item = s.substring(i + 1, close);
                i = close + 1;
                while (i < n && Character.isWhitespace(s.charAt(i))) i++;
                if (i < n && s.charAt(i) != ',') {
                    error[0] = "expected ',' after a quoted value";
                    return null;
                }
            } else {
                int comma = s.indexOf(',', i);
                int end = comma < 0 ? n : comma;
                item = s.substring(i, end).strip();
                i = end;
                if (item.isEmpty()) {
                    error[0] = "empty value in the list";
                    return null;
                }
            }
            out.add(item);
            i++; // skip the comma (or step past the end)
        }
        return out;
    }

    private static String unquote(String v, String[] error) {
        if (v.length() >= 1 && (v.charAt(0) == '"' || v.charAt(0) == '\'')) {
            char q = v.charAt(0);
            if (v.length() < 2 || v.charAt(v.length() - 1) != q) {
                error[0] = "unclosed quote";
                return null;
            }
            return v.substring(1, v.length() - 1);
        }
        return v;
    }
}
