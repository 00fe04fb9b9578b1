package dev.l2r.parse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.l2r.model.Clause;
import dev.l2r.model.ClauseHeader;
import dev.l2r.model.Condition;
import dev.l2r.model.OwnerRef;
import dev.l2r.model.Severity;
import dev.l2r.model.Team;
import dev.l2r.source.Loc;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the {@code clauses} list: the fields every clause shares (id, type, owner, severity, where,
 * title), then the fields of its type through {@link ClauseTypes}. The type decides which keys are known,
 * so it is read first; a clause whose id or type is wrong is not read further.
 */
final class ClauseParser {

    private static final Pattern CLAUSE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    private static final List<String> COMMON = AgreementKeys.CLAUSE_COMMON;
    private static final Map<String, List<String>> BY_TYPE = AgreementKeys.CLAUSE_BY_TYPE;
    private static final List<String> TYPES = AgreementKeys.CLAUSE_TYPES;

    private final Fields fields;
    private final AgreementRules rules;
    private final Map<String, Team> teams;
    private final ConditionLists conditions;
    private final ClauseTypes types;

    ClauseParser(
            Fields fields,
            AgreementRules rules,
            Map<String, Team> teams,
            ConditionLists conditions,
            ClauseTypes types) {
        this.fields = fields;
        this.rules = rules;
        this.teams = teams;
        this.conditions = conditions;
        this.types = types;
    }

    List<Clause> read(JsonNode node, Loc at) {
        List<Clause> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            fields.add(at, "required: a list of clauses");
            return out;
        }
        if (!node.isArray() || node.isEmpty()) {
            fields.add(at, "expected a non-empty list of clauses");
            return out;
        }
        if (node.size() > AgreementLimits.MAX_CLAUSES) {
            fields.add(
                    at,
                    AgreementLimits.n(node.size()) + " clauses; an agreement has at most "
                            + AgreementLimits.n(AgreementLimits.MAX_CLAUSES) + " (split it into several agreements)");
            return out;
        }
        Set<String> ids = new HashSet<>();
        List<Loc> locs = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            Loc cl = named(node.get(i), at.index(i));
            Clause clause = clause(node.get(i), cl, ids);
            if (clause != null) {
                out.add(clause);
                locs.add(cl);
            }
        }
        rules.volumesFitTheFunnel(out, locs);
        return out;
    }

    /** A clause's location, named by its id when the id is readable: problems then say {@code clauses[2] (S3).within}. */
    private static Loc named(JsonNode c, Loc cl) {
        JsonNode id = c.get("id");
        return id != null && id.isTextual() && CLAUSE_ID.matcher(id.asText()).matches() ? cl.named(id.asText()) : cl;
    }

    /** One clause, or null when it is wrong. {@code ids}: the ids of the clauses before it. */
    private Clause clause(JsonNode c, Loc cl, Set<String> ids) {
        if (!c.isObject()) {
            fields.add(cl, "a clause is a mapping with id, type, owner and the fields of its type");
            return null;
        }
        String type = fields.text(c, cl, "type", true);
        if (type != null && !TYPES.contains(type)) {
            fields.add(cl.field("type"), "unknown clause type \"" + type + "\"; use " + String.join(", ", TYPES));
            type = null;
        }
        List<String> allowed = new ArrayList<>(COMMON);
        if (type != null) allowed.addAll(BY_TYPE.get(type));
        else BY_TYPE.values().forEach(allowed::addAll);
        boolean targetObjective = "target".equals(type) && c.has("objective");
        if (targetObjective) {
            allowed.add("objective"); // refused below with a reason of its own
            fields.add(
                    cl.field("objective"),
                    "a target has no objective: its min and max say what must be reached; objective is the share"
                            + " of leads that must meet a followup, handoff, rejection or rule clause");
        }
        fields.unknownKeys(c, cl, allowed);

        String id = fields.text(c, cl, "id", true);
        if (id != null && !CLAUSE_ID.matcher(id).matches()) {
            fields.add(
                    cl.field("id"),
                    "\"" + id + "\" is not a clause id; use letters, digits, '_', '.' and '-' (at most 64)");
            id = null;
        } else if (id != null) {
            rules.clauseIdUnique(ids, id, cl.field("id"));
        }
        String title = fields.text(c, cl, "title", false);
        OwnerRef owner = owner(c, cl);
        Severity severity = Severity.MAJOR;
        String sev = fields.text(c, cl, "severity", false);
        if (sev != null) {
            severity = Severity.of(sev).orElse(null);
            if (severity == null)
                fields.add(cl.field("severity"), "\"" + sev + "\" is not a severity; use critical, major or minor");
        }
        List<Condition> where = conditions.read(c, cl, "where", false);
        double objective = targetObjective ? ClauseHeader.EVERY_ITEM : objective(c, cl);
        if (type == null || id == null) return null;
        // A clause without a usable owner is still read to the end, for the problems of its other fields.
        ClauseHeader head = new ClauseHeader(
                id,
                title == null ? defaultTitle(type, c) : title,
                owner,
                severity == null ? Severity.MAJOR : severity,
                where,
                fields.line(cl),
                objective);
        Clause clause = switch (type) {
            case "target" -> types.target(c, cl, head, owner);
            case "followup" -> types.followUp(c, cl, head);
            case "handoff" -> types.handoff(c, cl, head);
            case "rejection" -> types.rejection(c, cl, head);
            default -> types.rule(c, cl, head);
        };
        return owner == null ? null : clause;
    }

    /**
     * {@code objective}: the share of a lead-level clause's decided items that must meet it, above 0 and at
     * most 1; 1 (every item) when absent or wrong (a problem says so).
     */
    private double objective(JsonNode c, Loc cl) {
        JsonNode o = c.get("objective");
        if (o == null || o.isNull()) return ClauseHeader.EVERY_ITEM;
        if (!o.isNumber() || !(o.doubleValue() > 0) || o.doubleValue() > 1) {
            fields.add(
                    cl.field("objective"),
                    Fields.notANumber(
                            o,
                            "expected the share of items that must meet the clause, above 0 and at most 1, such as"
                                    + " 0.95 (1: every item)"));
            return ClauseHeader.EVERY_ITEM;
        }
        return o.doubleValue();
    }

    /** The owner, or null when it is missing or not text (a problem says so). */
    private OwnerRef owner(JsonNode c, Loc cl) {
        String owner = fields.text(c, cl, "owner", true);
        if (owner == null) return null;
        rules.ownerIsATeam(owner, teams, cl.field("owner"));
        return owner.equals(OwnerRef.LEAD_TEAM) ? OwnerRef.leadTeam() : new OwnerRef(owner);
    }

    private static String defaultTitle(String type, JsonNode c) {
        JsonNode m = c.get("metric");
        return switch (type) {
            case "target" -> "Target " + (m != null ? m.asText() : "");
            case "followup" ->
                "Follow-up " + c.path("from").asText() + " to "
                        + c.path("to").toString().replace("\"", "") + " within "
                        + c.path("within").asText();
            case "handoff" -> "Handoff criteria at " + c.path("at").asText();
            case "rejection" -> "Rejections carry an agreed reason";
            default -> "Rule " + c.path("rule").asText();
        };
    }
}
