package dev.l2r.evaluate;

import dev.l2r.model.Severity;

/**
 * One broken promise, with the team accountable and a sentence a sales leader can act on (a row of
 * violations.csv). {@code deadline} is null unless the clause has a clock.
 *
 * @param owner who worked the lead (its owner) for lead-level clauses; the team's owner for targets
 * @param accountable who must act for the clause: the lead's owner when the clause is owned by lead.team,
 *     else the owning team's owner; the owner measured for a {@code per: owner} target
 */
public record Violation(
        String period,
        String clauseId,
        String clauseTitle,
        String type,
        Severity severity,
        String team,
        String owner,
        String subject,
        String expected,
        String actual,
        String deadline,
        String message,
        String accountable) {}
