package dev.l2r.parse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.l2r.model.BusinessCalendar;
import dev.l2r.source.Loc;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the {@code calendar} section (business hours per day, holidays) into a {@link BusinessCalendar}.
 * Without the section, or without hours, the standard mon-fri 09:00-17:00 applies.
 */
final class CalendarReader {

    private final Fields fields;

    CalendarReader(Fields fields) {
        this.fields = fields;
    }

    BusinessCalendar read(JsonNode node, Loc at) {
        if (node == null || node.isNull()) return BusinessCalendar.standard();
        if (!node.isObject()) {
            fields.add(at, "expected a mapping with hours and holidays");
            return BusinessCalendar.standard();
        }
        fields.unknownKeys(node, at, AgreementKeys.CALENDAR);
        Loc hl = at.field("hours");
        int before = fields.count();
        Map<DayOfWeek, List<BusinessCalendar.Span>> hours = hours(node.get("hours"), hl);
        if (fields.count() > before) {
            // hours written wrong are named once: the clauses are checked against the standard hours, not
            // against a calendar left without hours (a business window would then be named as a second cause)
            hours = BusinessCalendar.standard().hours();
        }
        List<LocalDate> holidays = fields.holidays(node, at, "holidays");
        try {
            return new BusinessCalendar(hours, holidays);
        } catch (IllegalArgumentException e) {
            fields.add(hl, e.getMessage());
            return BusinessCalendar.standard();
        }
    }

    /** The open days with their spans; a day given twice is a problem, a closed day is left out. */
    private Map<DayOfWeek, List<BusinessCalendar.Span>> hours(JsonNode h, Loc hl) {
        Map<DayOfWeek, List<BusinessCalendar.Span>> hours = new EnumMap<>(DayOfWeek.class);
        if (h == null) {
            hours.putAll(BusinessCalendar.standard().hours());
            return hours;
        }
        if (!h.isObject()) {
            fields.add(hl, "expected a mapping such as { mon-fri: \"09:00-17:00\" }");
            return hours;
        }
        Set<DayOfWeek> seenDays = EnumSet.noneOf(DayOfWeek.class);
        for (Iterator<Map.Entry<String, JsonNode>> it = h.fields(); it.hasNext(); ) {
            var e = it.next();
            Loc dl = hl.field(e.getKey());
            Optional<List<DayOfWeek>> days = HoursGrammar.days(e.getKey());
            if (days.isEmpty()) {
                fields.add(dl, "\"" + e.getKey() + "\" is not a day or range of days; " + HoursGrammar.DAYS_HINT);
                continue;
            }
            List<BusinessCalendar.Span> spans = spans(e.getValue(), dl);
            if (spans == null) continue;
            for (DayOfWeek d : days.get()) {
                if (!seenDays.add(d)) {
                    fields.add(dl, HoursGrammar.name(d) + " has hours twice");
                } else if (!spans.isEmpty()) {
                    hours.put(d, spans);
                }
            }
        }
        return hours;
    }

    private List<BusinessCalendar.Span> spans(JsonNode v, Loc at) {
        if (!v.isTextual()) {
            fields.add(at, "expected hours such as \"09:00-17:00\" or \"09:00-12:00, 13:00-17:00\", or \"closed\"");
            return null;
        }
        HoursGrammar.Spans s = HoursGrammar.spans(v.asText());
        if (s.problem() != null) fields.add(at, s.problem());
        return s.spans();
    }
}
