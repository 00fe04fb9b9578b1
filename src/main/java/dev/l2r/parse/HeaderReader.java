package dev.l2r.parse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.l2r.model.PeriodKind;
import dev.l2r.source.Loc;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the top-level fields that say which agreement this is and how it counts time (id, title,
 * version, effective date, approvers, period, zone, currency), and the data-quality checks it switches off.
 */
final class HeaderReader {

    static final Pattern SLA_ID = Pattern.compile("[a-z0-9-]+");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    /** The header of an agreement; a field is null when it is absent or wrong (and a problem says so). */
    record Header(
            String id,
            String title,
            String version,
            LocalDate effectiveFrom,
            List<String> approvedBy,
            PeriodKind period,
            ZoneId zone,
            String currency) {}

    private final Fields fields;

    HeaderReader(Fields fields) {
        this.fields = fields;
    }

    Header read(JsonNode root) {
        Loc at = Loc.ROOT;
        String id = fields.text(root, at, "sla", true);
        if (id != null && !SLA_ID.matcher(id).matches()) {
            fields.add(
                    at.field("sla"), "\"" + id + "\" is not an agreement id; use lower-case letters, digits and '-'");
        }
        String title = fields.text(root, at, "title", false);
        String version = fields.scalar(root, at, "version");
        LocalDate effectiveFrom = fields.date(root.get("effective_from"), at.field("effective_from"));
        List<String> approvedBy = fields.textList(root, at, "approved_by", false);
        PeriodKind period = null;
        String p = fields.text(root, at, "period", true);
        if (p != null) {
            try {
                period = PeriodKind.valueOf(p.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                fields.add(at.field("period"), "\"" + p + "\" is not a period; use week, month or quarter");
            }
        }
        ZoneId zone = fields.zone(root, at, "timezone", true);
        return new Header(id, title, version, effectiveFrom, approvedBy, period, zone, currency(root, at));
    }

    /** {@code currency}: an ISO 4217 code such as USD, or null when absent or wrong (and a problem says so). */
    private String currency(JsonNode root, Loc at) {
        String c = fields.text(root, at, "currency", false);
        if (c == null) return null;
        if (CURRENCY.matcher(c).matches()) {
            try {
                Currency.getInstance(c);
                return c;
            } catch (IllegalArgumentException e) {
                // not a known code: reported below
            }
        }
        fields.add(
                at.field("currency"),
                "\"" + c + "\" is not a currency; use an ISO 4217 code in capitals, such as USD, EUR or GBP");
        return null;
    }

    /** {@code data_quality.ignore}: the ids of data-quality checks switched off, each with its line. */
    Map<String, Integer> ignoredChecks(JsonNode root) {
        Map<String, Integer> ignored = new LinkedHashMap<>();
        JsonNode dq = root.get("data_quality");
        Loc dql = Loc.ROOT.field("data_quality");
        if (dq == null || dq.isNull()) return ignored;
        if (!dq.isObject()) {
            fields.add(dql, "expected { ignore: [DQ-ID, ...] }");
            return ignored;
        }
        fields.unknownKeys(dq, dql, AgreementKeys.DATA_QUALITY);
        List<String> ids = fields.textList(dq, dql, "ignore", false);
        for (int i = 0; i < ids.size(); i++)
            ignored.put(ids.get(i), fields.line(dql.field("ignore").index(i)));
        return ignored;
    }
}
