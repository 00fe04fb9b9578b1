package dev.l2r.ingest;

import dev.l2r.facts.Lead;

/**
 * What one input row becomes: a lead, or the reason it is rejected. A row is taken whole or rejected
 * whole, so there are exactly these two outcomes; the sealed type says so where {@code Object} did not,
 * and a reader of a result cannot mistake one for the other.
 */
public sealed interface LeadResult {

    /** The row is a lead. */
    record Accepted(Lead lead) implements LeadResult {}

    /** Why the row is rejected: the field at fault (or "" for the whole row), a reason, the value found. */
    record Rejected(String field, String reason, String value) implements LeadResult {

        /** The rejected row of rejected.csv, at a file and line. */
        public RejectedRow at(String file, long line) {
            return new RejectedRow(file, line, field, reason, value);
        }
    }
}
