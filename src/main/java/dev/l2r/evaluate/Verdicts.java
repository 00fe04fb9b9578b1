package dev.l2r.evaluate;

import dev.l2r.model.Clause;
import dev.l2r.model.Severity;
import java.util.Collection;

/** The verdict rule of docs/AGREEMENTS.md "Verdicts", for a clause, a team and the agreement. */
final class Verdicts {

    private Verdicts() {}

    /** The share of decided items a clause demands: its {@code objective}, 1 (every item) by default. */
    static double objective(Clause c) {
        return c instanceof Clause.Target ? 1.0 : c.head().objective();
    }

    /**
     * A lead-level clause for a team: breached when fewer items met than the objective demands; at risk when
     * missing the at-risk open items would breach, or mid-period when no miss is left to spare after one.
     */
    static Verdict leadLevel(long met, long violated, long atRisk, double objective, boolean isFinal) {
        long left = ClauseOutcome.missesAllowed(objective, met + violated) - violated;
        if (met + violated > 0 && left < 0) return Verdict.BREACHED;
        if (atRisk >= left + 1 || (!isFinal && violated > 0 && left == 0)) return Verdict.AT_RISK;
        return Verdict.KEPT;
    }

    /** A target for one subject: final misses breach; mid-period a volume behind pace or a rate missed is at risk. */
    static Verdict target(boolean met, Pace pace) {
        if (pace == Pace.FINAL) return met ? Verdict.KEPT : Verdict.BREACHED;
        if (pace == Pace.BEHIND || (pace == Pace.PROVISIONAL && !met)) return Verdict.AT_RISK;
        return Verdict.KEPT;
    }

    /** A team's or the agreement's: breached by a critical or major clause breached, at risk by any lesser trouble. */
    static Verdict overall(Collection<ClauseOutcome> clauses) {
        Verdict v = Verdict.KEPT;
        for (ClauseOutcome c : clauses) {
            if (c.verdict() == Verdict.BREACHED) {
                v = v.worse(c.severity() == Severity.MINOR ? Verdict.AT_RISK : Verdict.BREACHED);
            } else {
                v = v.worse(c.verdict());
            }
        }
        return v;
    }
}
