package dev.l2r.evaluate;

/**
 * How a clause, a team or the whole agreement stands for the period (docs/AGREEMENTS.md "Verdicts"), from
 * the best to the worst. A critical or major clause breached breaches the whole: it never reads as kept.
 */
public enum Verdict {
    KEPT("kept"),
    AT_RISK("at risk"),
    BREACHED("breached");

    private final String key;

    Verdict(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    /** The worse of this verdict and {@code other}. */
    public Verdict worse(Verdict other) {
        return other != null && other.ordinal() > ordinal() ? other : this;
    }
}
