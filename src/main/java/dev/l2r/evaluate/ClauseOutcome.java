package dev.l2r.evaluate;

import dev.l2r.model.Severity;

/** How one team did on one clause: items assessed, met, violated, open and at risk. */
public record ClauseOutcome(
        String clauseId,
        String title,
        String type,
        Severity severity,
        long met,
        long violated,
        long open,
        long atRisk) {

    public long assessed() {
        return met + violated + open + atRisk;
    }

    /** met / (met + violated), or null when nothing was decided yet. */
    public Double compliance() {
        return compliance(met, violated);
    }

    /** The compliance of any count of items: met / (met + violated), or null when nothing was decided. */
    public static Double compliance(long met, long violated) {
        return met + violated == 0 ? null : (double) met / (met + violated);
    }
}
