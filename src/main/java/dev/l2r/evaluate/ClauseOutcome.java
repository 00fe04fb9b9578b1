package dev.l2r.evaluate;

import dev.l2r.model.Severity;

/** How one team did on one clause: items assessed, met, violated, open and at risk. */
public record ClauseOutcome(String clauseId, String title, String type, Severity severity,
                            long met, long violated, long open, long atRisk) {

    public long assessed() { return met + violated + open + atRisk; }

    /** met / (met + violated), or null when nothing was decided yet. */
    public Double compliance() {
        return met + violated == 0 ? null : (double) met / (met + violated);
    }
}
