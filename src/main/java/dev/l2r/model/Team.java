package dev.l2r.model;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;

/**
 * A team named in the agreement. {@code zone} is null when the team uses the SLA zone; {@code holidays}
 * are days off of this team only (e.g. a country's public holidays), on top of the calendar's.
 */
public record Team(String id, String owner, ZoneId zone, Set<LocalDate> holidays) {
    public Team {
        holidays = holidays == null ? Set.of() : Set.copyOf(holidays);
    }

    public Team(String id, String owner, ZoneId zone) {
        this(id, owner, zone, null);
    }
}
