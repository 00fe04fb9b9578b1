package dev.l2r.parse;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The keys an agreement may hold, section by section: the one list the readers of this package check
 * unknown keys against, and that {@code schema/agreement.schema.json} must match (a test keeps the two in
 * step). docs/AGREEMENTS.md says what each key means. Read-only: the lists cannot be changed.
 */
public final class AgreementKeys {

    private AgreementKeys() {}

    /** Keys of the agreement itself, in the order the reference documents them. */
    public static final List<String> TOP = List.of(
            "sla",
            "title",
            "version",
            "effective_from",
            "approved_by",
            "period",
            "timezone",
            "calendar",
            "teams",
            "fields",
            "data_quality",
            "clauses");

    /** Keys of {@code calendar}. */
    public static final List<String> CALENDAR = List.of("hours", "holidays");

    /** Keys of each team under {@code teams} (a team's own key is its id). */
    public static final List<String> TEAM = List.of("owner", "timezone", "holidays");

    /** Keys of {@code data_quality}. */
    public static final List<String> DATA_QUALITY = List.of("ignore");

    /** Keys every clause may hold, whatever its type. */
    public static final List<String> CLAUSE_COMMON = List.of("id", "title", "type", "owner", "severity", "where");

    /** The clause types, each with the keys it adds to {@link #CLAUSE_COMMON}; in the order messages list them. */
    public static final Map<String, List<String>> CLAUSE_BY_TYPE = byType();

    /** The clause types: target, followup, handoff, rejection, rule. */
    public static final List<String> CLAUSE_TYPES = List.copyOf(CLAUSE_BY_TYPE.keySet());

    /** Types of a field declared under {@code fields} (the key of each entry is the field's name). */
    public static final List<String> FIELD_TYPES = List.of("text", "number", "timestamp");

    private static Map<String, List<String>> byType() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("target", List.of("metric", "min", "max", "per"));
        m.put("followup", List.of("from", "to", "within", "warn_at", "objective"));
        m.put("handoff", List.of("at", "require", "objective"));
        m.put("rejection", List.of("reasons", "objective"));
        m.put("rule", List.of("rule", "objective"));
        return Collections.unmodifiableMap(m);
    }
}
