package dev.l2r.evaluate;

import dev.l2r.model.Severity;

/**
 * A target measured for one subject (a team, an owner or {@code all}): the executive scorecard. Mid-period
 * a volume target is judged against its pro-rated bound ({@code paceValue}), a rate provisionally.
 *
 * @param met the value is within the bounds (the full bounds, whatever the pace)
 * @param paceValue the bound pro-rated to the as-of time for a volume target mid-period, else null
 */
public record TargetResult(
        String clauseId,
        String title,
        String subject,
        String team,
        String metric,
        double value,
        String expected,
        String actual,
        boolean met,
        Pace pace,
        Double paceValue,
        Severity severity,
        Verdict verdict) {}
