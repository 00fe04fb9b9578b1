package dev.l2r.ingest;

import dev.l2r.Csv;
import dev.l2r.facts.Lead;
import dev.l2r.model.LeadField;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes leads in the canonical form of docs/AGREEMENTS.md (leads.csv), extra fields after the canonical
 * columns. Times carry their offset, so the file reads the same in any zone.
 */
public final class CanonicalWriter {

    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final Csv csv;
    private final ZoneId zone;
    private final List<String> extras;

    public CanonicalWriter(Writer out, ZoneId zone, List<String> extras) {
        this.zone = zone;
        this.extras = List.copyOf(extras);
        List<String> header = new ArrayList<>();
        for (LeadField f : LeadField.values()) header.add(f.column());
        header.addAll(extras);
        // Not Csv.forPeople: this is data l2r reads back, and a defused "'=x" would change the value a check sees.
        this.csv = new Csv(out, header);
    }

    public void write(Lead l) {
        List<String> v = new ArrayList<>(LeadField.values().length + extras.size());
        v.add(l.getLeadId());
        v.add(time(l.getCreatedAt()));
        v.add(l.getSource());
        v.add(l.getChannel());
        v.add(l.getCampaign());
        v.add(l.getTeam());
        v.add(l.getOwner());
        v.add(number(l.getScore()));
        v.add(l.getCompany());
        v.add(l.getTitle());
        v.add(l.getEmail());
        v.add(l.getCountry());
        v.add(time(l.getInquiryAt()));
        v.add(time(l.getMqlAt()));
        v.add(time(l.getAutoResponseAt()));
        v.add(time(l.getFirstTouchAt()));
        v.add(time(l.getSalAt()));
        v.add(time(l.getRejectedAt()));
        v.add(l.getRejectionReason());
        v.add(time(l.getSqoAt()));
        v.add(l.getOpportunityId());
        v.add(number(l.getAmount()));
        v.add(time(l.getClosedAt()));
        v.add(l.getOutcome());
        for (String e : extras) {
            Object x = l.extras().get(e);
            v.add(x instanceof Long t ? time(t) : x instanceof Double d ? number(d) : (String) x);
        }
        row(v);
    }

    private String time(Long t) {
        return t == null ? null : ISO.format(Instant.ofEpochMilli(t).atZone(zone));
    }

    private static String number(Double d) {
        if (d == null) return null;
        BigDecimal b = BigDecimal.valueOf(d).stripTrailingZeros();
        return (b.scale() < 0 ? b.setScale(0) : b).toPlainString();
    }

    private void row(List<String> fields) {
        csv.row(fields);
    }
}
