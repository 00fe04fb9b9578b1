package dev.l2r.model;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The canonical lead columns (docs/AGREEMENTS.md, "Stages and lead fields"), in their canonical order. */
public enum LeadField {
    LEAD_ID("lead_id", FieldType.TEXT, "leadId"),
    CREATED_AT("created_at", FieldType.TIMESTAMP, "createdAt"),
    SOURCE("source", FieldType.TEXT, "source"),
    CHANNEL("channel", FieldType.TEXT, "channel"),
    CAMPAIGN("campaign", FieldType.TEXT, "campaign"),
    TEAM("team", FieldType.TEXT, "team"),
    OWNER("owner", FieldType.TEXT, "owner"),
    SCORE("score", FieldType.NUMBER, "score"),
    COMPANY("company", FieldType.TEXT, "company"),
    TITLE("title", FieldType.TEXT, "title"),
    EMAIL("email", FieldType.TEXT, "email"),
    COUNTRY("country", FieldType.TEXT, "country"),
    INQUIRY_AT("inquiry_at", FieldType.TIMESTAMP, "inquiryAt"),
    MQL_AT("mql_at", FieldType.TIMESTAMP, "mqlAt"),
    AUTO_RESPONSE_AT("auto_response_at", FieldType.TIMESTAMP, "autoResponseAt"),
    FIRST_TOUCH_AT("first_touch_at", FieldType.TIMESTAMP, "firstTouchAt"),
    SAL_AT("sal_at", FieldType.TIMESTAMP, "salAt"),
    REJECTED_AT("rejected_at", FieldType.TIMESTAMP, "rejectedAt"),
    REJECTION_REASON("rejection_reason", FieldType.TEXT, "rejectionReason"),
    SQO_AT("sqo_at", FieldType.TIMESTAMP, "sqoAt"),
    OPPORTUNITY_ID("opportunity_id", FieldType.TEXT, "opportunityId"),
    AMOUNT("amount", FieldType.NUMBER, "amount"),
    CLOSED_AT("closed_at", FieldType.TIMESTAMP, "closedAt"),
    OUTCOME("outcome", FieldType.TEXT, "outcome");

    private final String column;
    private final FieldType type;
    private final String property;

    LeadField(String column, FieldType type, String property) {
        this.column = column;
        this.type = type;
        this.property = property;
    }

    public String column() {
        return column;
    }

    public FieldType type() {
        return type;
    }

    /** The {@code Lead} fact property that holds this field. */
    public String property() {
        return property;
    }

    private static final Map<String, LeadField> BY_COLUMN = new HashMap<>();

    static {
        for (LeadField f : values()) BY_COLUMN.put(f.column, f);
    }

    public static Optional<LeadField> of(String column) {
        return Optional.ofNullable(BY_COLUMN.get(column));
    }
}
