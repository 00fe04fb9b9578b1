package dev.l2r.compile;

import dev.l2r.model.Agreement;
import dev.l2r.model.FieldType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Custom fields that hand-written rules read and the agreement does not declare. A lead keeps an extra
 * column typed only when the agreement declares it under {@code fields:}; otherwise it is text, so a rule
 * that reads {@code number("employees")} sees no value on any lead and quietly assesses nothing. These
 * are warnings, not errors: the rule may belong to another agreement.
 */
public final class FieldReads {

    private static final Pattern READ = Pattern.compile("\\b(text|number|time)\\(\\s*\"([^\"\\\\]+)\"\\s*\\)");

    private FieldReads() {}

    /** One line per read of an undeclared field, or of a field declared with another type. */
    public static List<String> warnings(Agreement a, List<RulesFile> files) {
        List<String> out = new ArrayList<>();
        Map<String, FieldType> declared = a.fields();
        for (RulesFile f : files) {
            Matcher m = READ.matcher(f.text());
            while (m.find()) {
                String accessor = m.group(1);
                String name = m.group(2);
                FieldType wanted =
                        FieldType.valueOf(accessor.equals("time") ? "TIMESTAMP" : accessor.toUpperCase(Locale.ROOT));
                FieldType has = declared.get(name);
                if (has == wanted || (has == null && wanted == FieldType.TEXT)) continue;
                String where = f.location(RulesFile.lineAt(f.text(), m.start()), -1) + ": warning: ";
                String call = accessor + "(\"" + name + "\")";
                out.add(where
                        + (has == null
                                ? call + " reads a field agreement " + a.id()
                                        + " does not declare, so no lead has a value; add \"" + name + ": "
                                        + wanted.key() + "\" under fields:"
                                : call + " reads a field agreement " + a.id() + " declares as " + has.key()
                                        + ", so no lead has a value; read it with " + reader(has) + "(\"" + name
                                        + "\")"));
            }
        }
        return out;
    }

    private static String reader(FieldType t) {
        return switch (t) {
            case TEXT -> "text";
            case NUMBER -> "number";
            case TIMESTAMP -> "time";
        };
    }
}
