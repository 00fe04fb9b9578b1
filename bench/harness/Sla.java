package harness;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** bench/bench.yaml as the baselines hard-code it: period, as-of, zones, holidays, lists and bounds. */
public final class Sla {

    private Sla() {}

    public static final ZoneId SLA_ZONE = ZoneId.of("America/New_York");
    public static final String PERIOD = "2026-10";
    public static final long START = LocalDate.of(2026, 10, 1).atStartOfDay(SLA_ZONE).toInstant().toEpochMilli();
    public static final long END = LocalDate.of(2026, 11, 1).atStartOfDay(SLA_ZONE).toInstant().toEpochMilli();
    /** BENCH_AS_OF (ISO-8601 with offset, as l2r's --as-of), default the end of the period. */
    public static final String AS_OF_TEXT = System.getenv().getOrDefault("BENCH_AS_OF", "2026-11-01T00:00:00-04:00");
    public static final long AS_OF = OffsetDateTime.parse(AS_OF_TEXT).toInstant().toEpochMilli();
    public static final List<LocalDate> COMMON_HOLIDAYS = List.of(LocalDate.of(2026, 10, 12), LocalDate.of(2026, 12, 25));
    /** Teams of the agreement with their clock zone and own holidays; other teams use the SLA zone. */
    public static final Map<String, ZoneId> TEAM_ZONE = Map.of(
            "amer", ZoneId.of("America/New_York"), "emea", ZoneId.of("Europe/London"),
            "apac", ZoneId.of("Asia/Singapore"), "marketing", SLA_ZONE, "sales", SLA_ZONE);
    public static final Map<String, List<LocalDate>> TEAM_HOLIDAYS = Map.of(
            "amer", List.of(LocalDate.of(2026, 11, 26)), "emea", List.of(LocalDate.of(2026, 10, 23)),
            "apac", List.of(LocalDate.of(2026, 11, 9)));
    public static final Set<String> F1_SOURCES = Set.of("web-form", "demo-request", "contact-sales", "webinar", "content-download");
    public static final Set<String> R1_REASONS = Set.of("no-budget", "no-authority", "no-need", "bad-timing", "duplicate",
            "bad-data", "wrong-geography");
    public static final Map<String, Double> T3_MIN = Map.of("amer", 0.5, "emea", 0.55, "apac", 0.45);
    public static final long MIN = 60_000L;
    public static final long HOUR = 3_600_000L;

    public static final long NONE = Long.MIN_VALUE;

    public static boolean in(long t) {
        return t != NONE && t >= START && t < END;
    }

    public static final Map<String, BusinessCalendar> CALENDARS = new HashMap<>();

    /** The clock calendar of a lead's team (owner: lead.team): its zone and holidays, else the SLA's. */
    public static BusinessCalendar calendarOf(String team) {
        String key = team != null && TEAM_ZONE.containsKey(team) ? team : "";
        return CALENDARS.computeIfAbsent(key, k -> {
            List<LocalDate> h = new ArrayList<>(COMMON_HOLIDAYS);
            h.addAll(TEAM_HOLIDAYS.getOrDefault(k, List.of()));
            return new BusinessCalendar(k.isEmpty() ? SLA_ZONE : TEAM_ZONE.get(k), h);
        });
    }
}
