package dev.l2r.facts;

import java.util.function.BiConsumer;
import org.kie.api.runtime.rule.RuleContext;

/**
 * What rules report to, as the global {@code sla}. Generated rules call {@link #decide}: the decision itself
 * is written in the rule's metadata ({@code @clause}, {@code @outcome} and, for a handoff requirement,
 * {@code @requirement}), so the DRL alone says what each rule decides. Hand-written rules in rules/ call
 * the other methods, which find the clauses that name the rule.
 */
public interface SlaSink {

    /**
     * From a generated rule: records the outcome its metadata names about the fact it matched (a
     * {@link Lead}, {@link FollowUpItem} or {@link Measurement}).
     */
    void decide(RuleContext rule, Object fact);

    /** From a hand-written rule named by a {@code rule} clause: the lead violates it. */
    void violation(RuleContext rule, Lead lead, String expected, String actual, String message);

    /** From a hand-written rule named by a {@code rule} clause: the lead meets it. */
    void met(RuleContext rule, Lead lead);

    /** From a data-quality rule: the lead's data is wrong in {@code field}; owned by revenue ops. */
    default void dataQuality(RuleContext rule, Lead lead, String field, String message) {
        dataQuality(rule, lead, field, null, message);
    }

    /** As above, with the offending value (or values) as the finding's {@code actual}. */
    void dataQuality(RuleContext rule, Lead lead, String field, String actual, String message);

    /**
     * A sink that hands each generated rule's decision to {@code decide} and ignores what hand-written
     * rules report (for explaining one lead, where only the generated rules' decisions matter).
     */
    static SlaSink decisionsOnly(BiConsumer<RuleContext, Object> decide) {
        return new SlaSink() {
            @Override
            public void decide(RuleContext rule, Object fact) {
                decide.accept(rule, fact);
            }

            @Override
            public void violation(RuleContext rule, Lead lead, String expected, String actual, String message) {}

            @Override
            public void met(RuleContext rule, Lead lead) {}

            @Override
            public void dataQuality(RuleContext rule, Lead lead, String field, String actual, String message) {}
        };
    }
}
