package dev.l2r.verify;

import dev.l2r.Csv;
import dev.l2r.Numbers;
import dev.l2r.Timestamps;
import dev.l2r.facts.Lead;
import dev.l2r.model.FieldType;
import dev.l2r.model.LeadField;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One test lead with its columns set by name, every canonical column of SPEC section 3:
 * {@code lead("L1").created("2026-10-09T15:00").team("sales").owner("Ann").mql("2026-10-09T15:00")}.
 * Timestamps are ISO-8601 text as a CRM export writes them, local to the agreement's zone unless they carry
 * an offset; numbers are numbers. The same lead becomes a {@link Lead} fact for {@link RuleVerifier} or a
 * leads.csv row ({@link #csv}) for the few tests that go through the command line.
 */
public final class LeadBuilder {

    private final Map<LeadField, String> values = new EnumMap<>(LeadField.class);
    /** Extra (agreement-declared) columns: text as String, numbers as Double, timestamps as {@link Time}. */
    private final Map<String, Object> extras = new LinkedHashMap<>();

    private record Time(String text) {}

    private LeadBuilder(String id) {
        values.put(LeadField.LEAD_ID, id);
    }

    /** A lead with only its id; set created_at before building it. */
    public static LeadBuilder lead(String id) {
        return new LeadBuilder(id);
    }

    public String id() {
        return values.get(LeadField.LEAD_ID);
    }

    /** The text of a canonical column as it would be written to leads.csv, or null. */
    public String get(String column) {
        return values.get(field(column));
    }

    /** Any canonical column by name, as text: {@code set("mql_at", "2026-10-05T10:00")}; null or "" clears it. */
    public LeadBuilder set(String column, String text) {
        LeadField f = field(column);
        if (f == LeadField.LEAD_ID && (text == null || text.isBlank()))
            throw new IllegalArgumentException("lead_id is required");
        if (text == null || text.isEmpty()) values.remove(f);
        else values.put(f, text);
        return this;
    }

    public LeadBuilder created(String time) {
        return set("created_at", time);
    }

    public LeadBuilder source(String v) {
        return set("source", v);
    }

    public LeadBuilder channel(String v) {
        return set("channel", v);
    }

    public LeadBuilder campaign(String v) {
        return set("campaign", v);
    }

    public LeadBuilder team(String v) {
        return set("team", v);
    }

    public LeadBuilder owner(String v) {
        return set("owner", v);
    }

    public LeadBuilder score(double v) {
        return set("score", number(v));
    }

    public LeadBuilder company(String v) {
        return set("company", v);
    }

    public LeadBuilder title(String v) {
        return set("title", v);
    }

    public LeadBuilder email(String v) {
        return set("email", v);
    }

    public LeadBuilder country(String v) {
        return set("country", v);
    }

    public LeadBuilder inquiry(String time) {
        return set("inquiry_at", time);
    }

    public LeadBuilder mql(String time) {
        return set("mql_at", time);
    }

    public LeadBuilder autoResponse(String time) {
        return set("auto_response_at", time);
    }

    public LeadBuilder firstTouch(String time) {
        return set("first_touch_at", time);
    }

    public LeadBuilder sal(String time) {
        return set("sal_at", time);
    }

    public LeadBuilder rejected(String time) {
        return set("rejected_at", time);
    }

    public LeadBuilder rejectionReason(String v) {
        return set("rejection_reason", v);
    }

    public LeadBuilder sqo(String time) {
        return set("sqo_at", time);
    }

    public LeadBuilder opportunityId(String v) {
        return set("opportunity_id", v);
    }

    public LeadBuilder amount(double v) {
        return set("amount", number(v));
    }

    public LeadBuilder closed(String time) {
        return set("closed_at", time);
    }
    /** won, lost or open. */
    public LeadBuilder outcome(String v) {
        return set("outcome", v);
    }

    /** An extra text column (declared in the agreement's fields, or kept as text). */
    public LeadBuilder field(String name, String text) {
        return extra(name, text);
    }

    /** An extra number column (declared {@code name: number} in the agreement). */
    public LeadBuilder field(String name, double number) {
        return extra(name, number);
    }

    /** An extra timestamp column (declared {@code name: timestamp} in the agreement). */
    public LeadBuilder timeField(String name, String time) {
        return extra(name, new Time(time));
    }

    private LeadBuilder extra(String name, Object v) {
        if (LeadField.of(name).isPresent())
            throw new IllegalArgumentException(name + " is a canonical column; use its setter");
        extras.put(name, v);
        return this;
    }

    /**
     * The lead fact, timestamps without an offset read in {@code zone} (the agreement's), as leads.csv would
     * be read. Extra columns keep the type they were given.
     */
    public Lead build(ZoneId zone) {
        String created = values.get(LeadField.CREATED_AT);
        if (created == null)
            throw new IllegalStateException("lead " + id() + ": created_at is required; call created(...)");
        Lead.Builder b = Lead.builder(id(), time(LeadField.CREATED_AT, created, zone));
        values.forEach((f, v) -> {
            switch (f) {
                case LEAD_ID, CREATED_AT -> {}
                case SOURCE -> b.source = v;
                case CHANNEL -> b.channel = v;
                case CAMPAIGN -> b.campaign = v;
                case TEAM -> b.team = v;
                case OWNER -> b.owner = v;
                case SCORE -> b.score = Numbers.parse(v);
                case COMPANY -> b.company = v;
                case TITLE -> b.title = v;
                case EMAIL -> b.email = v;
                case COUNTRY -> b.country = v;
                case INQUIRY_AT -> b.inquiryAt = time(f, v, zone);
                case MQL_AT -> b.mqlAt = time(f, v, zone);
                case AUTO_RESPONSE_AT -> b.autoResponseAt = time(f, v, zone);
                case FIRST_TOUCH_AT -> b.firstTouchAt = time(f, v, zone);
                case SAL_AT -> b.salAt = time(f, v, zone);
                case REJECTED_AT -> b.rejectedAt = time(f, v, zone);
                case REJECTION_REASON -> b.rejectionReason = v;
                case SQO_AT -> b.sqoAt = time(f, v, zone);
                case OPPORTUNITY_ID -> b.opportunityId = v;
                case AMOUNT -> b.amount = Numbers.parse(v);
                case CLOSED_AT -> b.closedAt = time(f, v, zone);
                case OUTCOME -> {
                    String o = v.toLowerCase(Locale.ROOT);
                    if (!Set.of("won", "lost", "open").contains(o))
                        throw new IllegalArgumentException("lead " + id() + ": outcome " + v);
                    b.outcome = o;
                }
            }
        });
        extras.forEach((name, v) -> b.extras.put(name, v instanceof Time t ? (Object) time(name, t.text(), zone) : v));
        return b.build();
    }

    /** The lead fact, with extra columns typed as the agreement declares them (as the CSV reader does). */
    public Lead build(ZoneId zone, Map<String, FieldType> declared) {
        for (Map.Entry<String, Object> e : extras.entrySet()) {
            FieldType t = declared.get(e.getKey());
            boolean ok = t == null || t == FieldType.TEXT
                    ? e.getValue() instanceof String
                    : t == FieldType.NUMBER ? e.getValue() instanceof Double : e.getValue() instanceof Time;
            if (!ok)
                throw new IllegalArgumentException(
                        "lead " + id() + ": " + e.getKey() + " is declared " + t + " in the agreement");
        }
        return build(zone);
    }

    /** A leads.csv with the canonical header (plus the extra columns any lead sets) and one row per lead. */
    public static String csv(List<LeadBuilder> leads) {
        Set<String> extraNames = new LinkedHashSet<>();
        for (LeadBuilder l : leads) extraNames.addAll(l.extras.keySet());
        List<String> header = new ArrayList<>(
                Arrays.stream(LeadField.values()).map(LeadField::column).toList());
        header.addAll(extraNames);
        Csv out = Csv.text(header);
        for (LeadBuilder l : leads) {
            List<String> cells = new ArrayList<>();
            for (LeadField f : LeadField.values()) cells.add(l.values.get(f));
            for (String name : extraNames) {
                Object v = l.extras.get(name);
                cells.add(
                        v == null
                                ? null
                                : v instanceof Time t ? t.text() : v instanceof Double d ? number(d) : (String) v);
            }
            out.row(cells);
        }
        return out.toString();
    }

    public static String csv(LeadBuilder... leads) {
        return csv(List.of(leads));
    }

    /** This lead's leads.csv row, without the header. */
    public String row() {
        String all = csv(List.of(this));
        return all.substring(all.indexOf('\n') + 1).stripTrailing();
    }

    @Override
    public String toString() {
        return "lead " + id();
    }

    private long time(LeadField f, String text, ZoneId zone) {
        return time(f.column(), text, zone);
    }

    private long time(String column, String text, ZoneId zone) {
        Instant t = Timestamps.parse(text, zone);
        if (t == null)
            throw new IllegalArgumentException(
                    "lead " + id() + ": " + column + " \"" + text + "\" is not an ISO-8601 time");
        return t.toEpochMilli();
    }

    private static LeadField field(String column) {
        return LeadField.of(column)
                .orElseThrow(() -> new IllegalArgumentException(
                        "no canonical column " + column + "; use field(name, value) for an extra column"));
    }

    private static String number(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
