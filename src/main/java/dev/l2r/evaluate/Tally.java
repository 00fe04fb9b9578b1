package dev.l2r.evaluate;

import dev.l2r.model.Agreement;
import dev.l2r.model.Clause;
import dev.l2r.model.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Counts of assessed items per team and per accountable person, clause and status; the verdicts of targets
 * per team and person; data-quality findings per team and check.
 */
final class Tally {

    /** Who owns data-quality findings when the agreement names no revenue-ops owner. */
    static final String DQ_OWNER = "Revenue operations";

    private final Map<String, Map<String, EnumMap<Status, Long>>> counts = new TreeMap<>();
    private final Map<String, Map<String, EnumMap<Status, Long>>> people = new TreeMap<>();
    /** person → team → items, for the team a person answers for most. */
    private final Map<String, Map<String, Long>> personTeams = new TreeMap<>();

    private final Map<String, Verdict> teamTargets = new HashMap<>();
    private final Map<String, Verdict> personTargets = new HashMap<>();
    private final Map<String, Map<String, Long>> dataQuality = new TreeMap<>();

    /** Counts not yet in the maps above: one hash lookup per item, the sorted maps once per key. */
    private final Map<Key, long[]> pending = new HashMap<>();

    private record Key(String team, String person, String clause) {}

    /** One item of a clause, for the accountable team and the accountable person. */
    void count(String team, String person, Clause c, Status s) {
        pending.computeIfAbsent(new Key(team, person == null ? "" : person, c.id()), k -> new long[STATUSES.length])[
                s.ordinal()]++;
    }

    private static final Status[] STATUSES = Status.values();

    /** Moves the pending counts into the sorted maps. */
    private void flush() {
        pending.forEach((k, n) -> {
            for (Status s : STATUSES) if (n[s.ordinal()] > 0) add(k.team(), k.person(), k.clause(), s, n[s.ordinal()]);
        });
        pending.clear();
    }

    private void add(String team, String p, String clause, Status s, long n) {
        counts.computeIfAbsent(team, k -> new TreeMap<>())
                .computeIfAbsent(clause, k -> new EnumMap<>(Status.class))
                .merge(s, n, Long::sum);
        people.computeIfAbsent(p, k -> new TreeMap<>())
                .computeIfAbsent(clause, k -> new EnumMap<>(Status.class))
                .merge(s, n, Long::sum);
        personTeams.computeIfAbsent(p, k -> new TreeMap<>()).merge(team, n, Long::sum);
    }

    /** Adds the counts of another tally (of other items): every count is a sum, so the order does not matter. */
    void merge(Tally o) {
        flush();
        o.flush();
        mergeCounts(counts, o.counts);
        mergeCounts(people, o.people);
        o.personTeams.forEach((p, teams) -> {
            Map<String, Long> mine = personTeams.computeIfAbsent(p, k -> new TreeMap<>());
            teams.forEach((t, n) -> mine.merge(t, n, Long::sum));
        });
        o.teamTargets.forEach((k, v) -> teamTargets.merge(k, v, Verdict::worse));
        o.personTargets.forEach((k, v) -> personTargets.merge(k, v, Verdict::worse));
        o.dataQuality.forEach((team, byCheck) -> {
            Map<String, Long> mine = dataQuality.computeIfAbsent(team, k -> new TreeMap<>());
            byCheck.forEach((c, n) -> mine.merge(c, n, Long::sum));
        });
    }

    private static void mergeCounts(
            Map<String, Map<String, EnumMap<Status, Long>>> into,
            Map<String, Map<String, EnumMap<Status, Long>>> from) {
        from.forEach((who, byClause) -> {
            Map<String, EnumMap<Status, Long>> mine = into.computeIfAbsent(who, k -> new TreeMap<>());
            byClause.forEach((clause, byStatus) -> {
                EnumMap<Status, Long> m = mine.computeIfAbsent(clause, k -> new EnumMap<>(Status.class));
                byStatus.forEach((st, n) -> m.merge(st, n, Long::sum));
            });
        });
    }

    /** One subject of a target, counted like an item, with its verdict. */
    void target(String team, String person, Clause c, Status s, Verdict v) {
        add(team, person == null ? "" : person, c.id(), s, 1);
        teamTargets.merge(team + "\u0000" + c.id(), v, Verdict::worse);
        personTargets.merge((person == null ? "" : person) + "\u0000" + c.id(), v, Verdict::worse);
    }

    /** The data-quality findings a team owns, by check (replacing any it had). */
    void findings(String team, Map<String, Long> byCheck) {
        if (byCheck.isEmpty()) dataQuality.remove(team);
        else dataQuality.put(team, new TreeMap<>(byCheck));
    }

    /** Each team's record: its clauses in agreement order, and its data-quality findings by check. */
    List<TeamAccountability> teams(Agreement a, boolean isFinal) {
        flush();
        Set<String> names = new TreeSet<>(counts.keySet());
        names.addAll(dataQuality.keySet());
        List<TeamAccountability> out = new ArrayList<>();
        for (String team : names) {
            List<ClauseOutcome> rows = outcomes(a, counts.getOrDefault(team, Map.of()), teamTargets, team, isFinal);
            String owner = a.ownerOf(team);
            if (owner == null) owner = team.equals(Agreement.DATA_QUALITY_TEAM) ? DQ_OWNER : "";
            out.add(new TeamAccountability(
                    team,
                    owner,
                    rows,
                    new LinkedHashMap<>(dataQuality.getOrDefault(team, Map.of())),
                    Verdicts.overall(rows)));
        }
        return List.copyOf(out);
    }

    /** Each accountable person's record, most violated items first, then by name. */
    List<PersonAccountability> people(Agreement a, boolean isFinal) {
        flush();
        List<PersonAccountability> out = new ArrayList<>();
        for (Map.Entry<String, Map<String, EnumMap<Status, Long>>> e : people.entrySet()) {
            List<ClauseOutcome> rows = outcomes(a, e.getValue(), personTargets, e.getKey(), isFinal);
            String team = null;
            for (Map.Entry<String, Long> t : personTeams.get(e.getKey()).entrySet()) { // by name: first of a tie
                if (team == null || t.getValue() > personTeams.get(e.getKey()).get(team)) team = t.getKey();
            }
            long met = 0, violated = 0, open = 0, atRisk = 0, critical = 0;
            for (ClauseOutcome c : rows) {
                met += c.met();
                violated += c.violated();
                open += c.open();
                atRisk += c.atRisk();
                if (c.severity() == Severity.CRITICAL) critical += c.violated();
            }
            out.add(new PersonAccountability(e.getKey(), team, met, violated, open, atRisk, critical, rows));
        }
        out.sort(Comparator.comparingLong(PersonAccountability::violated)
                .reversed()
                .thenComparing(PersonAccountability::person));
        return List.copyOf(out);
    }

    private static List<ClauseOutcome> outcomes(
            Agreement a,
            Map<String, EnumMap<Status, Long>> byClause,
            Map<String, Verdict> targets,
            String who,
            boolean isFinal) {
        List<ClauseOutcome> rows = new ArrayList<>();
        for (Clause c : a.clauses()) {
            EnumMap<Status, Long> n = byClause.get(c.id());
            if (n == null) continue;
            long met = n.getOrDefault(Status.MET, 0L);
            long violated = n.getOrDefault(Status.VIOLATED, 0L);
            long open = n.getOrDefault(Status.OPEN, 0L);
            long atRisk = n.getOrDefault(Status.AT_RISK, 0L);
            double objective = c instanceof Clause.Target ? 1.0 : Verdicts.objective(c);
            Verdict v = c instanceof Clause.Target
                    ? targets.getOrDefault(who + "\u0000" + c.id(), Verdict.KEPT)
                    : Verdicts.leadLevel(met, violated, atRisk, objective, isFinal);
            rows.add(new ClauseOutcome(
                    c.id(), c.title(), c.type(), c.head().severity(), met, violated, open, atRisk, objective, v));
        }
        return rows;
    }
}
