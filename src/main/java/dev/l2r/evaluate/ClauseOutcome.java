package dev.l2r.evaluate;

import dev.l2r.model.Severity;

/**
 * How one team (or person) did on one clause: items assessed, met, violated, open and at risk, the share of
 * decided items the clause demands ({@code objective}, 1 for every item) and the verdict.
 */
public record ClauseOutcome(
        String clauseId,
        String title,
        String type,
        Severity severity,
        long met,
        long violated,
        long open,
        long atRisk,
        double objective,
        Verdict verdict) {

    public long assessed() {
        return met + violated + open + atRisk;
    }

    /** met / (met + violated), or null when nothing was decided yet. */
    public Double compliance() {
        return compliance(met, violated);
    }

    /** Misses the objective allows among the decided items: floor((1 - objective) x (met + violated)). */
    public long missesAllowed() {
        return missesAllowed(objective, met + violated);
    }

    /** Misses still allowed before the clause breaches; negative once it has. */
    public long missesLeft() {
        return missesAllowed() - violated;
    }

    /** The misses an objective allows among {@code decided} items (the epsilon absorbs 0.95 x 40 = 1.9999...). */
    public static long missesAllowed(double objective, long decided) {
        return (long) Math.floor((1 - objective) * decided + 1e-9);
    }

    /** The compliance of any count of items: met / (met + violated), or null when nothing was decided. */
    public static Double compliance(long met, long violated) {
        return met + violated == 0 ? null : (double) met / (met + violated);
    }
}
