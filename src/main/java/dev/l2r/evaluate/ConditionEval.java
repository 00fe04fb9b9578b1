package dev.l2r.evaluate;

import dev.l2r.facts.Lead;
import dev.l2r.facts.ValueSet;
import dev.l2r.model.Condition;
import dev.l2r.model.FieldRef;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Evaluates a condition on a lead in Java, with the semantics of the generated DRL (a missing value
 * satisfies only {@code is absent}; numbers compare as numbers). Used to explain which requirement a lead
 * missed and to apply {@code where} to leads that hand-written rules report; ConditionConsistencyTest
 * checks that it agrees with the DRL on random leads. Long lists are looked up in a {@link ValueSet}, as
 * the generated rules do, so that a 100,000-value list costs O(1) per lead here too.
 */
public final class ConditionEval {

    /** Value sets of the long lists seen lately, by condition identity (a record's equals would walk the list). */
    private static final Map<Identity, ValueSet> SETS = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Identity, ValueSet> eldest) { return size() > 64; }
    };

    private record Identity(Condition c) {
        @Override
        public boolean equals(Object o) { return o instanceof Identity i && i.c == c; }

        @Override
        public int hashCode() { return System.identityHashCode(c); }
    }

    private ConditionEval() {}

    public static boolean test(Condition c, Lead lead) {
        Object v = value(c.field(), lead);
        switch (c.op()) {
            case PRESENT:
                return v != null;
            case ABSENT:
                return v == null;
            default:
                if (v == null) return false;
        }
        return switch (c.op()) {
            case EQ -> compare(v, c.value()) == 0;
            case NE -> compare(v, c.value()) != 0;
            case LT -> compare(v, c.value()) < 0;
            case LE -> compare(v, c.value()) <= 0;
            case GT -> compare(v, c.value()) > 0;
            case GE -> compare(v, c.value()) >= 0;
            case IN -> c.values().size() > ValueSet.INLINE_MAX ? set(c).contains(v) : c.values().stream().anyMatch(x -> compare(v, x) == 0);
            case NOT_IN -> c.values().size() > ValueSet.INLINE_MAX ? !set(c).contains(v) : c.values().stream().noneMatch(x -> compare(v, x) == 0);
            default -> throw new IllegalStateException();
        };
    }

    private static ValueSet set(Condition c) {
        synchronized (SETS) {
            return SETS.computeIfAbsent(new Identity(c), k -> ValueSet.of(c.text(), c.values()));
        }
    }

    private static int compare(Object actual, Object expected) {
        if (expected instanceof BigDecimal n) {
            double a = (Double) actual;
            double b = n.doubleValue();
            return a < b ? -1 : a > b ? 1 : 0; // as DRL compares: -0.0 equals 0.0
        }
        if (expected instanceof Instant t) return Long.compare((Long) actual, t.toEpochMilli());
        return ((String) actual).equals(expected) ? 0 : ((String) actual).compareTo((String) expected);
    }

    /** The lead's value of a field: String, Double or Long (epoch millis), or null when missing. */
    public static Object value(FieldRef f, Lead l) {
        if (f.isCustom()) {
            return switch (f.type()) {
                case TEXT -> l.text(f.name());
                case NUMBER -> l.number(f.name());
                case TIMESTAMP -> l.time(f.name());
            };
        }
        return switch (f.canonical()) {
            case LEAD_ID -> l.getLeadId();
            case CREATED_AT -> l.getCreatedAt();
            case SOURCE -> l.getSource();
            case CHANNEL -> l.getChannel();
            case CAMPAIGN -> l.getCampaign();
            case TEAM -> l.getTeam();
            case OWNER -> l.getOwner();
            case SCORE -> l.getScore();
            case COMPANY -> l.getCompany();
            case TITLE -> l.getTitle();
            case EMAIL -> l.getEmail();
            case COUNTRY -> l.getCountry();
            case INQUIRY_AT -> l.getInquiryAt();
            case MQL_AT -> l.getMqlAt();
            case AUTO_RESPONSE_AT -> l.getAutoResponseAt();
            case FIRST_TOUCH_AT -> l.getFirstTouchAt();
            case SAL_AT -> l.getSalAt();
            case REJECTED_AT -> l.getRejectedAt();
            case REJECTION_REASON -> l.getRejectionReason();
            case SQO_AT -> l.getSqoAt();
            case OPPORTUNITY_ID -> l.getOpportunityId();
            case AMOUNT -> l.getAmount();
            case CLOSED_AT -> l.getClosedAt();
            case OUTCOME -> l.getOutcome();
        };
    }
}
