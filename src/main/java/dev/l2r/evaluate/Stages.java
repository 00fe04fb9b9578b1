package dev.l2r.evaluate;

import dev.l2r.facts.Lead;
import dev.l2r.model.Stage;

/** The timestamp of a stage on a lead (epoch millis), or null. */
public final class Stages {

    private Stages() {}

    public static Long at(Lead l, Stage s) {
        return switch (s) {
            case INQUIRY -> l.getInquiryAt();
            case MQL -> l.getMqlAt();
            case SAL -> l.getSalAt();
            case REJECTED -> l.getRejectedAt();
            case SQO -> l.getSqoAt();
            case WON -> l.getWonAt();
            case LOST -> l.getLostAt();
            case AUTO_RESPONSE -> l.getAutoResponseAt();
            case FIRST_TOUCH -> l.getFirstTouchAt();
        };
    }
}
