package dev.l2r.history;

/**
 * A run as the history store holds it.
 *
 * @param id the run's id in the store, in the order runs were recorded
 * @param latest true for the most recently recorded run of its agreement and period
 */
public record StoredRun(long id, boolean latest, RunRecord run) {}
