package dev.l2r.facts;

/**
 * A target metric measured for one subject (a team, or {@code all}). Rules compare {@code value} with the
 * agreed minimum and maximum.
 */
public final class Measurement {

    private final String clause;
    private final String subject;
    private final double value;

    public Measurement(String clause, String subject, double value) {
        this.clause = clause;
        this.subject = subject;
        this.value = value;
    }

    public String getClause() {
        return clause;
    }

    public String getSubject() {
        return subject;
    }

    public double getValue() {
        return value;
    }
}
