package dev.l2r.evaluate;

import dev.l2r.calendar.FollowUpClock;
import dev.l2r.calendar.ZonedCalendar;
import dev.l2r.model.Agreement;
import dev.l2r.model.Clause;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

/** One follow-up clock per clause and zone, sharing one calendar per zone (and its cache of days). */
final class Clocks {

    private final Agreement agreement;
    private final Map<ZoneId, ZonedCalendar> calendars = new HashMap<>();
    private final Map<String, FollowUpClock> clocks = new HashMap<>();

    Clocks(Agreement agreement) { this.agreement = agreement; }

    FollowUpClock of(Clause.FollowUp f, ZoneId zone) {
        return clocks.computeIfAbsent(f.id() + "\u0000" + zone.getId(), k -> new FollowUpClock(f.within(),
                calendars.computeIfAbsent(zone, z -> agreement.calendar().in(z))));
    }
}
