package dev.l2r.model;

import java.util.Arrays;
import java.util.Optional;

/** Funnel stages and touch events an agreement can name. */
public enum Stage {
    INQUIRY("inquiry", "inquiry", "inquiries"),
    MQL("mql", "MQL", "MQLs"),
    SAL("sal", "SAL", "SALs"),
    REJECTED("rejected", "rejected", "rejected leads"),
    SQO("sqo", "SQO", "SQOs"),
    WON("won", "won", "deals won"),
    LOST("lost", "lost", "deals lost"),
    AUTO_RESPONSE("auto_response", "auto-response", "auto-responses"),
    FIRST_TOUCH("first_touch", "first touch", "first touches");

    private final String key;
    private final String label;
    private final String plural;

    Stage(String key, String label, String plural) {
        this.key = key;
        this.label = label;
        this.plural = plural;
    }

    public String key() {
        return key;
    }

    /** The stage as people name it: "MQL", "inquiry", "first touch". */
    public String label() {
        return label;
    }

    /** What a count of the stage is called: "MQLs", "inquiries", "deals won". */
    public String plural() {
        return plural;
    }

    /** What {@code n} leads of the stage are called: "1 MQL", "deals won" for 2 or more. */
    public String noun(long n) {
        if (n != 1) return plural;
        return switch (this) {
            case REJECTED -> "rejected lead";
            case WON -> "deal won";
            case LOST -> "deal lost";
            default -> label;
        };
    }

    /** Name of the {@code Lead} fact property holding this stage's timestamp. */
    public String property() {
        return switch (this) {
            case INQUIRY -> "inquiryAt";
            case MQL -> "mqlAt";
            case SAL -> "salAt";
            case REJECTED -> "rejectedAt";
            case SQO -> "sqoAt";
            case WON -> "wonAt";
            case LOST -> "lostAt";
            case AUTO_RESPONSE -> "autoResponseAt";
            case FIRST_TOUCH -> "firstTouchAt";
        };
    }

    public static Optional<Stage> of(String key) {
        return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst();
    }

    public static String valid() {
        return String.join(" ", Arrays.stream(values()).map(Stage::key).toList());
    }
}
