package dev.l2r.evaluate;

import dev.l2r.calendar.FollowUpClock;
import dev.l2r.calendar.ZonedCalendar;
import dev.l2r.model.Agreement;
import dev.l2r.model.Clause;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * One follow-up clock per clause and accountable team: the team's zone and holidays. Teams with the same
 * zone and holidays share one calendar (and its cache of days). Like its calendars, an instance belongs to one
 * thread at a time.
 */
final class Clocks {

    private final Agreement agreement;
    private final Map<String, ZonedCalendar> calendars = new HashMap<>();
    private final Map<Clause.FollowUp, Map<String, FollowUpClock>> clocks = new IdentityHashMap<>();

    Clocks(Agreement agreement) {
        this.agreement = agreement;
    }

    /** The clause asked about last, and its clocks: items are built a clause at a time, lead after lead. */
    private Clause.FollowUp lastClause;

    private Map<String, FollowUpClock> lastClocks;

    FollowUpClock of(Clause.FollowUp f, String team) {
        if (f != lastClause) {
            lastClocks = clocks.computeIfAbsent(f, k -> new HashMap<>());
            lastClause = f;
        }
        FollowUpClock c = lastClocks.get(team);
        if (c == null) {
            ZoneId zone = agreement.zoneOf(team);
            var calendar = agreement.calendarOf(team);
            String key = zone.getId() + calendar.holidays();
            c = new FollowUpClock(f.within(), calendars.computeIfAbsent(key, x -> new ZonedCalendar(calendar, zone)));
            lastClocks.put(team, c);
        }
        return c;
    }
}
