package dev.l2r.model;

import java.util.Arrays;
import java.util.Optional;

/** Funnel stages and touch events an agreement can name. */
public enum Stage {
    INQUIRY("inquiry"),
    MQL("mql"),
    SAL("sal"),
    REJECTED("rejected"),
    SQO("sqo"),
    WON("won"),
    LOST("lost"),
    AUTO_RESPONSE("auto_response"),
    FIRST_TOUCH("first_touch");

    private final String key;

    Stage(String key) {
        this.key = key;
    }

    public String key() {
        return key;
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
