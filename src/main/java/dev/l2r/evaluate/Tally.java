package dev.l2r.evaluate;

import dev.l2r.model.Agreement;
import dev.l2r.model.Clause;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Counts of assessed items per team, clause and status, and data-quality findings per team and check. */
final class Tally {

    /** Who owns data-quality findings when the agreement names no revenue-ops owner. */
    static final String DQ_OWNER = "Revenue operations";

    private final Map<String, Map<String, EnumMap<Status, Long>>> counts = new TreeMap<>();
    private final Map<String, Map<String, Long>> dataQuality = new TreeMap<>();

    void count(String team, Clause c, Status s) {
        counts.computeIfAbsent(team, k -> new TreeMap<>())
                .computeIfAbsent(c.id(), k -> new EnumMap<>(Status.class))
                .merge(s, 1L, Long::sum);
    }

    void finding(String team, String check) {
        dataQuality.computeIfAbsent(team, k -> new TreeMap<>()).merge(check, 1L, Long::sum);
    }

    /** Each team's record: its clauses in agreement order, and its data-quality findings by check. */
    List<TeamAccountability> teams(Agreement a) {
        Set<String> names = new TreeSet<>(counts.keySet());
        names.addAll(dataQuality.keySet());
        List<TeamAccountability> out = new ArrayList<>();
        for (String team : names) {
            List<ClauseOutcome> rows = new ArrayList<>();
            Map<String, EnumMap<Status, Long>> byClause = counts.getOrDefault(team, Map.of());
            for (Clause c : a.clauses()) {
                EnumMap<Status, Long> n = byClause.get(c.id());
                if (n != null) {
                    rows.add(new ClauseOutcome(
                            c.id(),
                            c.title(),
                            c.type(),
                            c.head().severity(),
                            n.getOrDefault(Status.MET, 0L),
                            n.getOrDefault(Status.VIOLATED, 0L),
                            n.getOrDefault(Status.OPEN, 0L),
                            n.getOrDefault(Status.AT_RISK, 0L)));
                }
            }
            String owner = a.ownerOf(team);
            if (owner == null) owner = team.equals(Agreement.DATA_QUALITY_TEAM) ? DQ_OWNER : "";
            out.add(new TeamAccountability(
                    team, owner, rows, new LinkedHashMap<>(dataQuality.getOrDefault(team, Map.of()))));
        }
        return List.copyOf(out);
    }
}
