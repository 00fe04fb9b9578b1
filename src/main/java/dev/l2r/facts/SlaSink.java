package dev.l2r.facts;

import org.kie.api.runtime.rule.RuleContext;

/**
 * What rules report to, as the global {@code sla}. Generated rules call the clause-id methods; hand-written
 * rules in rules/ call the {@link RuleContext} methods, which find the clause that names the rule.
 */
public interface SlaSink {

    /** A lead-level clause (handoff, rejection) is met for this lead. */
    void met(String clause, Lead lead);

    /** A handoff clause is violated: the lead misses at least one requirement. */
    void handoffFailed(String clause, Lead lead);

    /** A rejection clause is violated: the reason is missing or not an agreed one. */
    void rejectionFailed(String clause, Lead lead);

    /** A follow-up item's status: met, late, missed, open or at_risk. */
    void followUp(String clause, FollowUpItem item, String status);

    /** The lead belongs to the segment ({@code where}) a target measures. */
    void member(String clause, Lead lead);

    /** A target measurement is within (met) or outside its bounds. */
    void target(String clause, Measurement m, boolean met);

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
}
