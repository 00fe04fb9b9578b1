package dev.l2r.evaluate;

/** A target measured for one subject (a team or {@code all}), met or not: the executive scorecard. */
public record TargetResult(
        String clauseId,
        String title,
        String subject,
        String team,
        String metric,
        double value,
        String expected,
        String actual,
        boolean met) {}
