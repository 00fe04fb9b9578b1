package dev.l2r.parse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.l2r.Numbers;
import dev.l2r.model.Bound;
import dev.l2r.model.Clause;
import dev.l2r.model.Team;
import dev.l2r.source.Loc;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the {@code min} or {@code max} of a target: one number, or with {@code per: team|owner} a map of
 * team (or owner) to number. Numbers stay decimals in the range the DRL literals and reports can hold.
 */
final class Bounds {

    private final Fields fields;
    private final AgreementRules rules;
    private final Map<String, Team> teams;

    Bounds(Fields fields, AgreementRules rules, Map<String, Team> teams) {
        this.fields = fields;
        this.rules = rules;
        this.teams = teams;
    }

    /** The bound, or null when it is absent or wrong. */
    Bound read(JsonNode v, Loc at, Clause.Per per) {
        if (v == null || v.isNull()) return null;
        if (v.isNumber() && !Numbers.inRange(v.decimalValue())) {
            fields.add(at, "a bound is a decimal number below 10^15 with at most 12 decimals");
            return null;
        }
        if (v.isNumber()) return Bound.of(v.decimalValue());
        if (v.isObject()) return perSubject(v, at, per);
        fields.add(
                at,
                Fields.notANumber(
                        v, "expected a number" + (per != Clause.Per.ALL ? " or a map of team to number" : "")));
        return null;
    }

    private Bound perSubject(JsonNode v, Loc at, Clause.Per per) {
        if (!rules.boundMapAllowed(per, at)) return null;
        if (v.size() > AgreementLimits.MAX_BOUND_ENTRIES) {
            fields.add(
                    at,
                    AgreementLimits.n(v.size()) + " entries; a map of bounds has at most "
                            + AgreementLimits.n(AgreementLimits.MAX_BOUND_ENTRIES));
            return null;
        }
        Map<String, BigDecimal> m = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
            var e = it.next();
            Loc tl = at.field(e.getKey());
            if (!rules.boundSubjectKnown(per, e.getKey(), teams, tl)) continue;
            if (!e.getValue().isNumber() || !Numbers.inRange(e.getValue().decimalValue())) {
                fields.add(tl, Fields.notANumber(e.getValue(), "expected a decimal number below 10^15"));
            } else {
                m.put(e.getKey(), e.getValue().decimalValue());
            }
        }
        return Bound.perTeam(m);
    }
}
