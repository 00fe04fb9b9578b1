package dev.l2r.model;

/** Operators allowed in {@code where} and {@code require} conditions. Nothing else is accepted. */
public enum Operator {
    EQ("="),
    NE("!="),
    LT("<"),
    LE("<="),
    GT(">"),
    GE(">="),
    IN("in"),
    NOT_IN("not-in"),
    PRESENT("is present"),
    ABSENT("is absent");

    private final String symbol;

    Operator(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    public boolean ordering() {
        return this == LT || this == LE || this == GT || this == GE;
    }

    public boolean takesList() {
        return this == IN || this == NOT_IN;
    }

    public boolean unary() {
        return this == PRESENT || this == ABSENT;
    }
}
