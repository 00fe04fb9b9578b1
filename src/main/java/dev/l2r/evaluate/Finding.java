package dev.l2r.evaluate;

import dev.l2r.model.Severity;

/**
 * A data-quality finding of a hand-written check about one lead (a row of data-quality.csv): the data is
 * wrong, which is no broken promise of the agreement, so it is kept apart from violations and compliance.
 */
public record Finding(
        String checkId, String title, Severity severity, String leadId, String field, String actual, String message) {}
