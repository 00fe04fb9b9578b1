package dev.l2r.evaluate;

import dev.l2r.model.Severity;

/**
 * One broken promise, with the team and person accountable and a sentence a sales leader can act on
 * (a row of violations.csv). {@code deadline} is null unless the clause has a clock.
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
        String message) {}
