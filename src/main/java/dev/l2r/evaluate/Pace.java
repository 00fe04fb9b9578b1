package dev.l2r.evaluate;

/**
 * How a target stands when it is judged: finally at the period's end, or mid-period against its pro-rated
 * pace (volume targets) or provisionally (rates), docs/AGREEMENTS.md "Pacing".
 */
public enum Pace {
    /** The as-of time is at or after the period's end: the judgement is final. */
    FINAL("final"),
    /** Mid-period, a volume target at or ahead of its pro-rated bound. */
    ON_TRACK("on track"),
    /** Mid-period, a volume target behind its pro-rated bound. */
    BEHIND("behind"),
    /** Mid-period, a rate (conversion, win rate, price, cycle, coverage, cost per): shown, judged at the end. */
    PROVISIONAL("provisional");

    private final String key;

    Pace(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
