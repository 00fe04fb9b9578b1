package dev.l2r.evaluate;

import dev.l2r.model.Clause;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a generated rule decides, read from its metadata: the clause ({@code @clause}), the outcome
 * ({@code @outcome}) and, for a rule that checks one handoff requirement, which one ({@code @requirement},
 * counted from 1).
 */
record Outcome(Clause clause, Kind kind, int requirement) {

    /** The outcomes a generated rule can name. */
    enum Kind {
        /** The item meets the clause. */
        MET,
        /** A follow-up stop came after the deadline. */
        LATE,
        /** No follow-up stop by a deadline that has passed. */
        MISSED,
        /** The clock still runs, before warn_at. */
        OPEN,
        /** The clock still runs, past warn_at. */
        AT_RISK,
        /** A handoff requirement, rejection reason or target bound is not met. */
        VIOLATED,
        /** The lead belongs to the segment ({@code where}) of a target or a rule clause. */
        SEGMENT;

        String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        Status status() {
            return switch (this) {
                case MET -> Status.MET;
                case OPEN -> Status.OPEN;
                case AT_RISK -> Status.AT_RISK;
                case LATE, MISSED, VIOLATED -> Status.VIOLATED;
                case SEGMENT -> throw new IllegalStateException("a segment is no status");
            };
        }
    }

    /** The outcome named by a rule's metadata, or empty when the rule is not a generated one of this agreement. */
    static Optional<Outcome> of(Map<String, Object> meta, Map<String, Clause> clauses) {
        Clause c = clauses.get(String.valueOf(meta.get("clause")));
        Object kind = meta.get("outcome");
        if (c == null || kind == null) return Optional.empty();
        Object req = meta.get("requirement");
        return Optional.of(new Outcome(
                c,
                Kind.valueOf(String.valueOf(kind).toUpperCase(Locale.ROOT)),
                req == null ? 0 : Integer.parseInt(String.valueOf(req))));
    }
}
