package dev.l2r.evaluate;

/** How one assessed item of a clause stands. */
public enum Status {
    MET,
    VIOLATED,
    OPEN,
    AT_RISK
}
