package dev.l2r.parse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.l2r.model.Condition;
import dev.l2r.source.Loc;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a list of conditions ({@code where} of any clause, {@code require} of a handoff): the list's shape
 * and size here, each item through the {@link Conditions} grammar with the agreement's declared fields.
 */
final class ConditionLists {

    private final Fields fields;
    private final Conditions grammar;

    ConditionLists(Fields fields, Conditions grammar) {
        this.fields = fields;
        this.grammar = grammar;
    }

    /** The conditions that parse; a problem for each that does not. */
    List<Condition> read(JsonNode c, Loc cl, String key, boolean required) {
        List<Condition> out = new ArrayList<>();
        Loc at = cl.field(key);
        JsonNode v = c.get(key);
        if (v == null || v.isNull()) {
            if (required)
                fields.add(at, "required: a list of conditions such as [\"score >= 60\", \"company is present\"]");
            return out;
        }
        if (v.isTextual()) {
            fields.add(at, "expected a list of conditions; write [\"" + v.asText() + "\"]");
            return out;
        }
        if (!v.isArray() || (required && v.isEmpty())) {
            fields.add(at, "expected a " + (required ? "non-empty " : "") + "list of conditions");
            return out;
        }
        if (v.size() > AgreementLimits.MAX_CONDITIONS) {
            fields.add(
                    at,
                    AgreementLimits.n(v.size()) + " conditions; a list has at most "
                            + AgreementLimits.n(AgreementLimits.MAX_CONDITIONS));
            return out;
        }
        for (int i = 0; i < v.size(); i++) {
            if (!v.get(i).isTextual()) {
                fields.add(at.index(i), "a condition is text such as \"channel = partner\"; " + Conditions.HINT);
                continue;
            }
            String[] err = new String[1];
            Condition cond = grammar.parse(v.get(i).asText(), err);
            if (cond == null) fields.add(at.index(i), err[0]);
            else out.add(cond);
        }
        return out;
    }
}
