package dev.l2r.ingest;

import dev.l2r.Numbers;
import dev.l2r.Timestamps;
import dev.l2r.facts.Lead;
import dev.l2r.ingest.LeadResult.Accepted;
import dev.l2r.ingest.LeadResult.Rejected;
import dev.l2r.model.FieldType;
import dev.l2r.model.LeadField;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns one row (column names and text values) into a {@link Lead}, or says which field is wrong. A row
 * is taken whole or rejected whole: an auditing tool does not guess a value. Empty text is a missing value.
 * Columns that are not canonical are kept as extra fields (typed when the agreement declares them).
 */
public final class LeadParser {

    private final ZoneId zone;
    private final Map<String, FieldType> custom;
    /** Lead ids read so far, each with where it was first read (a table of 112-bit hashes, not of text). */
    private final LeadIds seen = new LeadIds();
    /** Files read so far, so that a duplicate in another file can name it. */
    private final List<String> files = new ArrayList<>();

    private int fileIndex = -1;

    /** Rows that follow come from this file (several lead files may be read into one run). */
    public void file(String name) {
        fileIndex = files.indexOf(name);
        if (fileIndex < 0) {
            files.add(name);
            fileIndex = files.size() - 1;
        }
    }

    public LeadParser(ZoneId zone, Map<String, FieldType> custom) {
        this.zone = zone;
        this.custom = custom;
    }

    /** Shares the text of repeated values (teams, owners, channels...) so a million leads hold each once. */
    private final Map<String, String> shared = new HashMap<>();

    /** The shared strings met last, by hash: a value repeated on the next rows is found without the map. */
    private final String[] recent = new String[4096];

    private String share(String v) {
        int h = v.hashCode();
        int slot = (h ^ (h >>> 12)) & (recent.length - 1);
        String r = recent[slot];
        if (r == v || (r != null && r.equals(v))) return r;
        if (shared.size() > 200_000) return v;
        String s = shared.putIfAbsent(v, v);
        if (s == null) s = v;
        recent[slot] = s;
        return s;
    }

    private List<String> lastNames;
    private LeadField[] lastFields;

    /** Canonical field of each column (null for extra columns), computed once per header. */
    private LeadField[] fields(List<String> names) {
        if (names != lastNames) {
            lastFields = names.stream().map(n -> LeadField.of(n).orElse(null)).toArray(LeadField[]::new);
            lastNames = names;
        }
        return lastFields;
    }

    /** The lead, or why the row is rejected. */
    public LeadResult parse(List<String> names, String[] values, long line) {
        LeadField[] fields = fields(names);
        Lead.Builder b = Lead.builder(null, 0);
        String id = null;
        long created = Timestamps.NOT_A_TIMESTAMP;
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            String raw = i < values.length ? values[i] : null;
            String v = raw == null || raw.isBlank() ? null : raw.strip();
            LeadField f = fields[i];
            if (f == null) {
                if (v == null) continue;
                FieldType t = custom.get(name);
                if (t == null || t == FieldType.TEXT) {
                    b.extras.put(name, share(v));
                } else if (t == FieldType.NUMBER) {
                    Double d = number(v);
                    if (d == null) return new Rejected(name, numberProblem(v), v);
                    b.extras.put(name, d);
                } else {
                    long ts = Timestamps.parseMillis(v, zone);
                    if (ts == Timestamps.NOT_A_TIMESTAMP) return new Rejected(name, timestampProblem(v), v);
                    b.extras.put(name, ts);
                }
                continue;
            }
            if (v == null) continue;
            switch (f.type()) {
                case TIMESTAMP -> {
                    long ts = Timestamps.parseMillis(v, zone);
                    if (ts == Timestamps.NOT_A_TIMESTAMP) return new Rejected(name, timestampProblem(v), v);
                    if (f == LeadField.CREATED_AT) created = ts;
                    else setTime(b, f, ts);
                }
                case NUMBER -> {
                    Double d = number(v);
                    if (d == null) return new Rejected(name, numberProblem(v), v);
                    if (f == LeadField.SCORE) b.score = d;
                    else b.amount = d;
                }
                default -> {
                    if (f == LeadField.LEAD_ID) id = v;
                    else if (f == LeadField.OUTCOME) {
                        String o = outcome(v);
                        if (!o.equals("won") && !o.equals("lost") && !o.equals("open")) {
                            return new Rejected(name, "not an outcome; use won, lost or open", v);
                        }
                        b.outcome = o;
                    } else setText(b, f, f == LeadField.EMAIL || f == LeadField.OPPORTUNITY_ID ? v : share(v));
                }
            }
        }
        if (id == null) return new Rejected("lead_id", "required", "");
        if (created == Timestamps.NOT_A_TIMESTAMP) return new Rejected("created_at", "required", "");
        long first = seen.putIfAbsent(id, Math.max(fileIndex, 0), line);
        if (first >= 0) {
            int f = (int) (first >>> 48);
            long firstLine = first & ((1L << 48) - 1);
            String where = f == Math.max(fileIndex, 0) || files.isEmpty()
                    ? "at line " + firstLine
                    : "in " + files.get(f) + " at line " + firstLine;
            return new Rejected("lead_id", "duplicate lead_id; the first one, " + where + ", is kept", id);
        }
        b.leadId = id;
        b.createdAt = created;
        return new Accepted(b.build());
    }

    /** The outcome in lower case: one of three strings for a million leads, and no case mapping for them. */
    private static String outcome(String v) {
        if (v.equals("won")) return "won";
        if (v.equals("lost")) return "lost";
        if (v.equals("open")) return "open";
        return v.toLowerCase(Locale.ROOT);
    }

    private static final String OTHER_DIGIT =
            "; write digits as ASCII 0-9 (this one has an Arabic-Indic, full-width or other digit)";

    private static String timestampProblem(String v) {
        return "not an ISO-8601 timestamp" + (Numbers.hasOtherDigit(v) ? OTHER_DIGIT : "");
    }

    private static String numberProblem(String v) {
        return "not a number" + (Numbers.hasOtherDigit(v) ? OTHER_DIGIT : "");
    }

    private static Double number(String v) {
        return Numbers.parse(v);
    }

    private static void setTime(Lead.Builder b, LeadField f, long t) {
        switch (f) {
            case INQUIRY_AT -> b.inquiryAt = t;
            case MQL_AT -> b.mqlAt = t;
            case AUTO_RESPONSE_AT -> b.autoResponseAt = t;
            case FIRST_TOUCH_AT -> b.firstTouchAt = t;
            case SAL_AT -> b.salAt = t;
            case REJECTED_AT -> b.rejectedAt = t;
            case SQO_AT -> b.sqoAt = t;
            case CLOSED_AT -> b.closedAt = t;
            default -> throw new IllegalStateException(f.column());
        }
    }

    private static void setText(Lead.Builder b, LeadField f, String v) {
        switch (f) {
            case SOURCE -> b.source = v;
            case CHANNEL -> b.channel = v;
            case CAMPAIGN -> b.campaign = v;
            case TEAM -> b.team = v;
            case OWNER -> b.owner = v;
            case COMPANY -> b.company = v;
            case TITLE -> b.title = v;
            case EMAIL -> b.email = v;
            case COUNTRY -> b.country = v;
            case REJECTION_REASON -> b.rejectionReason = v;
            case OPPORTUNITY_ID -> b.opportunityId = v;
            default -> throw new IllegalStateException(f.column());
        }
    }
}
