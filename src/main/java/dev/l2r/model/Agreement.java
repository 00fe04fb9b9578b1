package dev.l2r.model;

import dev.l2r.InputError;
import dev.l2r.Timestamps;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A validated SLA agreement, independent of the file format it came from.
 *
 * @param fields custom lead fields the agreement may use in conditions, by name
 * @param ignoredChecks ids of data-quality checks that do not apply to this agreement's data (e.g. an
 *     export that carries no deal values), with the line that says so
 * @param currency ISO 4217 code of the amounts of the data and metrics (USD), or null when the agreement does
 *     not say; reports write money with it
 * @param source the file name it was read from, for traceability
 */
public record Agreement(
        String id,
        String title,
        String version,
        LocalDate effectiveFrom,
        List<String> approvedBy,
        PeriodKind period,
        ZoneId zone,
        BusinessCalendar calendar,
        Map<String, Team> teams,
        Map<String, FieldType> fields,
        List<Clause> clauses,
        Map<String, Integer> ignoredChecks,
        String currency,
        String source) {

    /** Team that owns data-quality findings; agreements may declare it to name its owner. */
    public static final String DATA_QUALITY_TEAM = "revenue-ops";

    public Agreement {
        approvedBy = List.copyOf(approvedBy);
        teams = Collections.unmodifiableMap(new LinkedHashMap<>(teams));
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        clauses = List.copyOf(clauses);
        ignoredChecks = Collections.unmodifiableMap(new LinkedHashMap<>(ignoredChecks));
    }

    public Optional<Clause> clause(String id) {
        return clauses.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** The target clause with this id, or empty when there is none (or the clause is not a target). */
    public Optional<Clause.Target> target(String id) {
        return clause(id).filter(Clause.Target.class::isInstance).map(Clause.Target.class::cast);
    }

    /** Zone a team's clocks run in: its own zone, else the SLA zone. Unknown teams use the SLA zone. */
    public ZoneId zoneOf(String team) {
        Team t = team == null ? null : teams.get(team);
        return t != null && t.zone() != null ? t.zone() : zone;
    }

    /** The business calendar a team's clocks run on: the agreement's, plus the team's own holidays. */
    public BusinessCalendar calendarOf(String team) {
        Team t = team == null ? null : teams.get(team);
        return t == null || t.holidays().isEmpty() ? calendar : calendar.withHolidays(t.holidays());
    }

    /** Person accountable for a team, or null when the team is not declared. */
    public String ownerOf(String team) {
        Team t = team == null ? null : teams.get(team);
        return t == null ? null : t.owner();
    }

    /**
     * The {@code --period} label as a period of this agreement's kind, in force from {@code effective_from};
     * bad input names the option.
     */
    public Period period(String label) {
        boolean badYear = label.matches("\\d{4}-.*") && !Period.validYear(Integer.parseInt(label.substring(0, 4)));
        Period p = Period.parse(period, label)
                .orElseThrow(() -> new InputError("--period: \"" + label + "\" is not a " + period.key()
                        + " of agreement " + id
                        + (badYear ? " (years run from " + Period.MIN_YEAR + " to " + Period.MAX_YEAR + ")" : "")
                        + "; use a label such as " + Period.example(period)));
        if (effectiveFrom != null && !p.end().isAfter(effectiveFrom)) {
            throw new InputError(
                    "--period: " + label + " ends before agreement " + id + " takes effect (" + effectiveFrom + ")");
        }
        return p;
    }

    /** The most periods one {@code --period FROM..TO} may name. */
    public static final int MAX_PERIODS = 60;

    /**
     * The {@code --period} text as the periods it names, in order: one label ({@code 2026-09}) or an
     * inclusive range ({@code 2026-07..2026-09}) of this agreement's kind; bad input names the option.
     */
    public List<Period> periods(String text) {
        int dots = text.indexOf("..");
        if (dots < 0) return List.of(period(text));
        Period from = period(text.substring(0, dots).strip());
        Period to = period(text.substring(dots + 2).strip());
        if (to.start().isBefore(from.start())) {
            throw new InputError("--period: " + text + " ends before it starts; write FROM..TO, e.g. "
                    + Period.example(period) + ".." + Period.example(period));
        }
        List<Period> out = new ArrayList<>();
        for (Period p = from; !p.start().isAfter(to.start()); p = p.next()) {
            if (out.size() == MAX_PERIODS) {
                throw new InputError(
                        "--period: " + text + " names more than " + MAX_PERIODS + " periods; check fewer at a time");
            }
            out.add(p);
        }
        return List.copyOf(out);
    }

    /** The {@code --as-of} text as an instant (local times in the SLA zone), or null for none; not before the period. */
    public Instant asOf(Period p, String text) {
        if (text == null) return null;
        Instant t = Timestamps.parse(text, zone);
        if (t == null) {
            throw new InputError("--as-of: \"" + text
                    + "\" is not an ISO-8601 time such as 2026-10-20T12:00 or 2026-10-20T12:00:00-04:00");
        }
        if (t.isBefore(p.startIn(zone).toInstant())) {
            throw new InputError("--as-of: " + text + " is before period " + p.label() + " starts (" + p.start() + ")");
        }
        return t;
    }
}
