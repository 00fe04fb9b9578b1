package dev.l2r.evaluate;

/** How one assessed item of a clause stands. */
public enum Status {
    MET, VIOLATED, OPEN, AT_RISK;

    public static Status of(String s) {
        return switch (s) {
            case "met" -> MET;
            case "open" -> OPEN;
            case "at_risk" -> AT_RISK;
            default -> VIOLATED;
        };
    }
}
