package dev.l2r.facts;

import dev.l2r.model.FieldRef;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * A lead as rules see it: canonical lead fields (docs/AGREEMENTS.md), timestamps as epoch milliseconds
 * ({@code null} when absent), numbers as {@link Double}. Immutable. Custom fields an agreement declares
 * are read with {@link #text}, {@link #number} and {@link #time}.
 */
public final class Lead {

    private final String leadId;
    private final long createdAt;
    private final String source;
    private final String channel;
    private final String campaign;
    private final String team;
    private final String owner;
    private final Double score;
    private final String company;
    private final String title;
    private final String email;
    private final String country;
    private final Long inquiryAt;
    private final Long mqlAt;
    private final Long autoResponseAt;
    private final Long firstTouchAt;
    private final Long salAt;
    private final Long rejectedAt;
    private final String rejectionReason;
    private final Long sqoAt;
    private final String opportunityId;
    private final Double amount;
    private final Long closedAt;
    private final String outcome;
    private final Map<String, Object> extras;

    private Lead(Builder b) {
        leadId = b.leadId;
        createdAt = b.createdAt;
        source = b.source;
        channel = b.channel;
        campaign = b.campaign;
        team = b.team;
        owner = b.owner;
        score = b.score;
        company = b.company;
        title = b.title;
        email = b.email;
        country = b.country;
        inquiryAt = b.inquiryAt;
        mqlAt = b.mqlAt;
        autoResponseAt = b.autoResponseAt;
        firstTouchAt = b.firstTouchAt;
        salAt = b.salAt;
        rejectedAt = b.rejectedAt;
        rejectionReason = b.rejectionReason;
        sqoAt = b.sqoAt;
        opportunityId = b.opportunityId;
        amount = b.amount;
        closedAt = b.closedAt;
        outcome = b.outcome;
        extras = b.extras.isEmpty() ? Map.of() : Collections.unmodifiableMap(new HashMap<>(b.extras));
    }

    public String getLeadId() {
        return leadId;
    }

    public long getCreatedAt() {
        return createdAt;
    }

    public String getSource() {
        return source;
    }

    public String getChannel() {
        return channel;
    }

    public String getCampaign() {
        return campaign;
    }

    public String getTeam() {
        return team;
    }

    public String getOwner() {
        return owner;
    }

    public Double getScore() {
        return score;
    }

    public String getCompany() {
        return company;
    }

    public String getTitle() {
        return title;
    }

    public String getEmail() {
        return email;
    }

    public String getCountry() {
        return country;
    }

    public Long getInquiryAt() {
        return inquiryAt;
    }

    public Long getMqlAt() {
        return mqlAt;
    }

    public Long getAutoResponseAt() {
        return autoResponseAt;
    }

    public Long getFirstTouchAt() {
        return firstTouchAt;
    }

    public Long getSalAt() {
        return salAt;
    }

    public Long getRejectedAt() {
        return rejectedAt;
    }

    public String getRejectionReason() {
        return rejectionReason;
    }

    public Long getSqoAt() {
        return sqoAt;
    }

    public String getOpportunityId() {
        return opportunityId;
    }

    public Double getAmount() {
        return amount;
    }

    public Long getClosedAt() {
        return closedAt;
    }

    public String getOutcome() {
        return outcome;
    }

    /** closed_at when the outcome is won, else null. */
    public Long getWonAt() {
        return "won".equals(outcome) ? closedAt : null;
    }

    /** closed_at when the outcome is lost, else null. */
    public Long getLostAt() {
        return "lost".equals(outcome) ? closedAt : null;
    }

    /**
     * True for an opportunity (sqo_at or opportunity_id) that is neither won nor lost. A won or lost deal
     * without closed_at is closed, not pipeline, even though no period counts its close.
     */
    public boolean isOpenOpportunity() {
        return (sqoAt != null || opportunityId != null) && !closedOutcome();
    }

    private boolean closedOutcome() {
        return "won".equals(outcome) || "lost".equals(outcome);
    }

    /** A custom text field, or null. */
    public String text(String name) {
        return extras.get(name) instanceof String s ? s : null;
    }

    /** A custom number field, or null. */
    public Double number(String name) {
        return extras.get(name) instanceof Double d ? d : null;
    }

    /** A custom timestamp field in epoch millis, or null. */
    public Long time(String name) {
        return extras.get(name) instanceof Long l ? l : null;
    }

    /** The value of a field a condition reads: String, Double or Long (epoch millis), or null when missing. */
    public Object value(FieldRef f) {
        if (f.isCustom()) {
            return switch (f.type()) {
                case TEXT -> text(f.name());
                case NUMBER -> number(f.name());
                case TIMESTAMP -> time(f.name());
            };
        }
        return switch (f.canonical()) {
            case LEAD_ID -> leadId;
            case CREATED_AT -> createdAt;
            case SOURCE -> source;
            case CHANNEL -> channel;
            case CAMPAIGN -> campaign;
            case TEAM -> team;
            case OWNER -> owner;
            case SCORE -> score;
            case COMPANY -> company;
            case TITLE -> title;
            case EMAIL -> email;
            case COUNTRY -> country;
            case INQUIRY_AT -> inquiryAt;
            case MQL_AT -> mqlAt;
            case AUTO_RESPONSE_AT -> autoResponseAt;
            case FIRST_TOUCH_AT -> firstTouchAt;
            case SAL_AT -> salAt;
            case REJECTED_AT -> rejectedAt;
            case REJECTION_REASON -> rejectionReason;
            case SQO_AT -> sqoAt;
            case OPPORTUNITY_ID -> opportunityId;
            case AMOUNT -> amount;
            case CLOSED_AT -> closedAt;
            case OUTCOME -> outcome;
        };
    }

    /** Every extra column kept from the input, by name. */
    public Map<String, Object> extras() {
        return extras;
    }

    /**
     * The lead as it stood at {@code asOf}: events after it have not happened yet (docs/AGREEMENTS.md, "As-of"), so
     * nothing recorded after as-of reaches a rule or a metric. A stage, touch or custom timestamp after
     * as-of is absent; a rejection after as-of has no reason yet; a deal closed after as-of is still open.
     * The opportunity (opportunity_id, amount, outcome) exists from sqo_at, or from an earlier won/lost
     * closed_at; one whose sqo_at is after as-of, and which was not closed by then, is not there yet.
     * Values without a date of their own are taken as they are in the data: an opportunity without sqo_at
     * exists from creation, a won/lost without closed_at is closed (in no period), and the amount of an
     * opportunity that exists, like team or score, is its current value (the data keeps no history).
     * Returns this lead when nothing changes, and null when the lead did not exist yet.
     */
    public Lead seenAt(long asOf) {
        if (createdAt > asOf) return null;
        boolean laterExtra = false;
        for (Object v : extras.values()) laterExtra |= v instanceof Long l && l > asOf;
        if (!after(inquiryAt, asOf)
                && !after(mqlAt, asOf)
                && !after(autoResponseAt, asOf)
                && !after(firstTouchAt, asOf)
                && !after(salAt, asOf)
                && !after(rejectedAt, asOf)
                && !after(sqoAt, asOf)
                && !after(closedAt, asOf)
                && !laterExtra) {
            return this;
        }
        Builder b = toBuilder();
        b.inquiryAt = upTo(inquiryAt, asOf);
        b.mqlAt = upTo(mqlAt, asOf);
        b.autoResponseAt = upTo(autoResponseAt, asOf);
        b.firstTouchAt = upTo(firstTouchAt, asOf);
        b.salAt = upTo(salAt, asOf);
        if (after(rejectedAt, asOf)) {
            b.rejectedAt = null;
            b.rejectionReason = null;
        }
        b.sqoAt = upTo(sqoAt, asOf);
        boolean closedBy = closedOutcome() && closedAt != null && closedAt <= asOf;
        if (after(closedAt, asOf)) {
            b.closedAt = null;
            if (closedOutcome()) b.outcome = "open";
        }
        if (after(sqoAt, asOf) && !closedBy) {
            // not an opportunity yet: its id, value and outcome were recorded later
            b.opportunityId = null;
            b.amount = null;
            b.outcome = null;
        }
        b.extras.values().removeIf(v -> v instanceof Long l && l > asOf);
        return b.build();
    }

    private static boolean after(Long t, long asOf) {
        return t != null && t > asOf;
    }

    private static Long upTo(Long t, long asOf) {
        return after(t, asOf) ? null : t;
    }

    @Override
    public String toString() {
        return "Lead[" + leadId + "]";
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.leadId = leadId;
        b.createdAt = createdAt;
        b.source = source;
        b.channel = channel;
        b.campaign = campaign;
        b.team = team;
        b.owner = owner;
        b.score = score;
        b.company = company;
        b.title = title;
        b.email = email;
        b.country = country;
        b.inquiryAt = inquiryAt;
        b.mqlAt = mqlAt;
        b.autoResponseAt = autoResponseAt;
        b.firstTouchAt = firstTouchAt;
        b.salAt = salAt;
        b.rejectedAt = rejectedAt;
        b.rejectionReason = rejectionReason;
        b.sqoAt = sqoAt;
        b.opportunityId = opportunityId;
        b.amount = amount;
        b.closedAt = closedAt;
        b.outcome = outcome;
        b.extras.putAll(extras);
        return b;
    }

    public static Builder builder(String leadId, long createdAt) {
        Builder b = new Builder();
        b.leadId = leadId;
        b.createdAt = createdAt;
        return b;
    }

    /** Mutable builder; fields are set by name so that readers can fill them column by column. */
    public static final class Builder {
        public String leadId;
        public long createdAt;
        public String source;
        public String channel;
        public String campaign;
        public String team;
        public String owner;
        public Double score;
        public String company;
        public String title;
        public String email;
        public String country;
        public Long inquiryAt;
        public Long mqlAt;
        public Long autoResponseAt;
        public Long firstTouchAt;
        public Long salAt;
        public Long rejectedAt;
        public String rejectionReason;
        public Long sqoAt;
        public String opportunityId;
        public Double amount;
        public Long closedAt;
        public String outcome;
        public final Map<String, Object> extras = new HashMap<>();

        private Builder() {}

        public Lead build() {
            return new Lead(this);
        }
    }
}
