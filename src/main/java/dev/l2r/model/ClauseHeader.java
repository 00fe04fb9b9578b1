package dev.l2r.model;

import java.util.List;

/**
 * What every clause carries: id, title, accountable team, severity, segment and where it was written.
 *
 * @param line line of the clause in the agreement file (0 when unknown)
 */
public record ClauseHeader(
        String id, String title, OwnerRef owner, Severity severity, List<Condition> where, int line) {
    public ClauseHeader {
        where = List.copyOf(where);
    }
}
