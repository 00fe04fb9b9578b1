package dev.l2r.model;

import java.util.List;

/** One promise of the agreement. */
public sealed interface Clause {

    ClauseHeader head();

    /** The {@code type:} keyword of the clause. */
    String type();

    default String id() {
        return head().id();
    }

    default String title() {
        return head().title();
    }

    /** Whom a target measures: the whole company, each team, or each lead owner (rep). */
    enum Per {
        ALL,
        TEAM,
        OWNER
    }

    /** A period metric against min and/or max. */
    record Target(ClauseHeader head, Metric metric, Bound min, Bound max, Per per) implements Clause {
        public String type() {
            return "target";
        }

        /** True when the target measures subjects one by one (per team or per owner). */
        public boolean perSubject() {
            return per != Per.ALL;
        }
    }

    /** For each lead whose {@code from} falls in the period, the first {@code to} must happen in the window. */
    record FollowUp(ClauseHeader head, Stage from, List<Stage> to, Window within, Double warnAt) implements Clause {
        public FollowUp {
            to = List.copyOf(to);
        }

        public String type() {
            return "followup";
        }
    }

    /** Each lead entering {@code at} in the period must satisfy every condition in {@code require}. */
    record Handoff(ClauseHeader head, Stage at, List<Condition> require) implements Clause {
        public Handoff {
            require = List.copyOf(require);
        }

        public String type() {
            return "handoff";
        }
    }

    /** Each lead rejected in the period must carry a reason from {@code reasons}. */
    record Rejection(ClauseHeader head, List<String> reasons) implements Clause {
        public Rejection {
            reasons = List.copyOf(reasons);
        }

        public String type() {
            return "rejection";
        }
    }

    /** A hand-written DRL rule in rules/ that produces violations itself. */
    record Rule(ClauseHeader head, String rule) implements Clause {
        public String type() {
            return "rule";
        }
    }
}
