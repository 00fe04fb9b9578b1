package dev.l2r.model;

import java.util.List;

/**
 * What every clause carries: id, title, accountable team, severity, segment, where it was written and,
 * for clauses about leads, the share of items that must meet it.
 *
 * @param line line of the clause in the agreement file (0 when unknown)
 * @param objective the share of decided items that must meet the clause for it to be kept, above 0 and at
 *     most 1 (1: every item); targets have none (1), their bounds are their objective
 */
public record ClauseHeader(
        String id, String title, OwnerRef owner, Severity severity, List<Condition> where, int line, double objective) {

    /** Every item must meet the clause. */
    public static final double EVERY_ITEM = 1.0;

    public ClauseHeader {
        where = List.copyOf(where);
        if (!(objective > 0 && objective <= 1)) throw new IllegalArgumentException("objective " + objective);
    }

    /** A header whose clause every item must meet. */
    public ClauseHeader(String id, String title, OwnerRef owner, Severity severity, List<Condition> where, int line) {
        this(id, title, owner, severity, where, line, EVERY_ITEM);
    }
}
