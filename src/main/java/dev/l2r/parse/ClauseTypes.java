package dev.l2r.parse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.l2r.model.Bound;
import dev.l2r.model.BusinessCalendar;
import dev.l2r.model.Clause;
import dev.l2r.model.ClauseHeader;
import dev.l2r.model.Condition;
import dev.l2r.model.Metric;
import dev.l2r.model.OwnerRef;
import dev.l2r.model.Stage;
import dev.l2r.model.Window;
import dev.l2r.source.ControlCharacters;
import dev.l2r.source.Loc;
import java.util.ArrayList;
import java.util.List;

/**
 * The fields of each clause type, one method per type (docs/AGREEMENTS.md): each reads what its type adds to
 * the common header and returns the clause, or null when a field is missing or wrong (a problem says which).
 */
final class ClauseTypes {

    private final Fields fields;
    private final AgreementRules rules;
    private final Bounds bounds;
    private final ConditionLists conditions;
    private final BusinessCalendar calendar;

    ClauseTypes(
            Fields fields, AgreementRules rules, Bounds bounds, ConditionLists conditions, BusinessCalendar calendar) {
        this.fields = fields;
        this.rules = rules;
        this.bounds = bounds;
        this.conditions = conditions;
        this.calendar = calendar;
    }

    /** {@code owner} is the clause's owner as read, null when it is missing or wrong. */
    Clause target(JsonNode c, Loc cl, ClauseHeader head, OwnerRef owner) {
        Metric metric = null;
        String m = fields.text(c, cl, "metric", true);
        if (m != null) {
            metric = MetricGrammar.parse(m).orElse(null);
            if (metric == null) fields.add(cl.field("metric"), "\"" + m + "\" is not a metric; " + MetricGrammar.HINT);
        }
        Clause.Per per = Clause.Per.ALL;
        String p = fields.text(c, cl, "per", false);
        if (p != null) {
            if (p.equals("team")) per = Clause.Per.TEAM;
            else if (p.equals("owner")) per = Clause.Per.OWNER;
            else
                fields.add(
                        cl.field("per"),
                        "\"" + p + "\" cannot be used; use team (each team on the leads) or owner (each lead owner)");
        }
        Bound min = bounds.read(c.get("min"), cl.field("min"), per);
        Bound max = bounds.read(c.get("max"), cl.field("max"), per);
        if (c.get("min") == null && c.get("max") == null) fields.add(cl, "a target needs min, max or both");
        rules.minNotAboveMax(min, max, cl.field("min"));
        rules.metricMeasurablePerOwner(per, metric, cl.field("per"));
        rules.leadTeamNeedsPer(owner, per, cl.field("owner"));
        if (metric == null) return null;
        return new Clause.Target(head, metric, min, max, per);
    }

    Clause followUp(JsonNode c, Loc cl, ClauseHeader head) {
        Stage from = fields.stage(c, cl, "from");
        List<Stage> to = stopStages(c.get("to"), cl.field("to"));
        rules.clockStopsElsewhere(from, to, cl.field("to"));
        Window within = null;
        String w = fields.text(c, cl, "within", true);
        Loc wl = cl.field("within");
        if (w != null) {
            within = Durations.parse(w).orElse(null);
            if (within == null) {
                fields.add(wl, "\"" + w + "\" is not a duration; " + Durations.HINT);
            } else if (!Durations.atMostAYear(within)) {
                fields.add(
                        wl,
                        "\"" + w + "\" is longer than a year; a follow-up window is at most 366 days, "
                                + "366 business days, 8784 hours or 527040 minutes");
                within = null;
            } else {
                rules.windowFitsCalendar(within, w, calendar, wl);
            }
        }
        Double warnAt = null;
        JsonNode wa = c.get("warn_at");
        if (wa != null && !wa.isNull()) {
            if (!wa.isNumber() || wa.doubleValue() <= 0 || wa.doubleValue() > 1) {
                fields.add(
                        cl.field("warn_at"),
                        Fields.notANumber(wa, "expected a fraction of the window above 0 and at most 1, such as 0.75"));
            } else {
                warnAt = wa.doubleValue();
            }
        }
        if (from == null || to.isEmpty() || within == null) return null;
        return new Clause.FollowUp(head, from, to, within, warnAt);
    }

    /** {@code to}: a stage or a list of them, the first of which stops the clock; repeats are dropped. */
    private List<Stage> stopStages(JsonNode t, Loc tl) {
        List<Stage> to = new ArrayList<>();
        if (t == null) {
            fields.add(tl, "required: a stage or a list of stages");
        } else if (t.isTextual()) {
            Stage s = fields.stage(t.asText(), tl);
            if (s != null) to.add(s);
        } else if (t.isArray() && !t.isEmpty()) {
            for (int i = 0; i < t.size(); i++) {
                if (!t.get(i).isTextual()) {
                    fields.add(tl.index(i), "expected a stage: " + Stage.valid());
                    continue;
                }
                Stage s = fields.stage(t.get(i).asText(), tl.index(i));
                if (s != null && !to.contains(s)) to.add(s);
            }
        } else {
            fields.add(tl, "expected a stage or a non-empty list of stages");
        }
        return to;
    }

    Clause handoff(JsonNode c, Loc cl, ClauseHeader head) {
        Stage at = fields.stage(c, cl, "at");
        List<Condition> require = conditions.read(c, cl, "require", true);
        if (at == null || require.isEmpty()) return null;
        return new Clause.Handoff(head, at, require);
    }

    Clause rejection(JsonNode c, Loc cl, ClauseHeader head) {
        List<String> reasons = fields.textList(c, cl, "reasons", true);
        Loc rl = cl.field("reasons");
        if (reasons.size() > AgreementLimits.MAX_LIST_VALUES) {
            fields.add(
                    rl,
                    AgreementLimits.n(reasons.size()) + " reasons; a list has at most "
                            + AgreementLimits.n(AgreementLimits.MAX_LIST_VALUES));
            return null;
        }
        for (int i = 0; i < reasons.size(); i++) {
            String bad = ControlCharacters.controlCharacter(reasons.get(i));
            if (bad != null) fields.add(rl.index(i), "contains a control character (" + bad + ")");
        }
        if (reasons.isEmpty()) return null;
        return new Clause.Rejection(head, reasons);
    }

    Clause rule(JsonNode c, Loc cl, ClauseHeader head) {
        String name = fields.text(c, cl, "rule", true);
        if (name == null) return null;
        if (ControlCharacters.controlCharacter(name) != null || name.isBlank()) {
            fields.add(cl.field("rule"), "a rule name is non-blank text without control characters");
            return null;
        }
        return new Clause.Rule(head, name);
    }
}
