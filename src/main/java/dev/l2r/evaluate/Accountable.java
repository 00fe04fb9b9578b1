package dev.l2r.evaluate;

import dev.l2r.facts.Lead;
import dev.l2r.model.Agreement;
import dev.l2r.model.Clause;
import dev.l2r.model.OwnerRef;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Who answers for an item: the accountable team (the clause owner, or the lead's own team for
 * {@code owner: lead.team}) and the person (the lead's owner for lead-level clauses, else the team's owner).
 */
final class Accountable {

    static final String UNASSIGNED = "(no team)";

    private final Agreement a;
    private Map<String, String> ownerTeams = Map.of();

    Accountable(Agreement a) {
        this.a = a;
    }

    /** The accountable team: the clause owner, or the team named on the lead for lead.team. */
    static String teamOf(Clause c, Lead lead) {
        OwnerRef o = c.head().owner();
        if (!o.isLeadTeam()) return o.team();
        return lead.getTeam() == null ? UNASSIGNED : lead.getTeam();
    }

    /** The accountable person: the lead's owner for lead-level clauses, else the team's owner. */
    String personOf(String team, Lead lead) {
        if (lead != null && lead.getOwner() != null) return lead.getOwner();
        String owner = a.ownerOf(team);
        return owner == null ? "" : owner;
    }

    /**
     * The person who must act for a lead-level clause: the lead's owner when the clause is owned by
     * lead.team, else the owning team's owner.
     */
    String accountableFor(Clause c, String team, Lead lead) {
        return c.head().owner().isLeadTeam() ? personOf(team, lead) : personOf(team, null);
    }

    /**
     * The accountable person of a violation whose {@code owner} (who worked the lead, or for a target the
     * team's owner or the owner measured) is known: the owner itself for targets and lead.team clauses,
     * else the owning team's owner.
     */
    static String of(Agreement a, Clause c, String team, String owner) {
        if (c instanceof Clause.Target || c.head().owner().isLeadTeam()) return owner;
        String o = a.ownerOf(team);
        return o == null ? "" : o;
    }

    /** The team that answers for a target measured for {@code subject} (a team, an owner or "all"). */
    String teamOfTarget(Clause.Target t, String subject) {
        if (!t.head().owner().isLeadTeam()) return t.head().owner().team();
        if (t.per() == Clause.Per.OWNER) return ownerTeams.getOrDefault(subject, UNASSIGNED);
        return subject;
    }

    /** Learns each owner's team from the leads, for {@code per: owner} targets owned by lead.team. */
    void learnOwnerTeams(List<Lead> leads) {
        Map<String, Map<String, Integer>> counts = new HashMap<>();
        for (Lead l : leads) countOwnerTeam(l, counts);
        learnOwnerTeams(counts);
    }

    /** Learns each owner's team from counts gathered with {@link #countOwnerTeam}. */
    void learnOwnerTeams(Map<String, Map<String, Integer>> counts) {
        ownerTeams = ownerTeams(counts);
    }

    /** Counts one lead for its owner's team: owner → team → leads (teams sorted by name). */
    static void countOwnerTeam(Lead l, Map<String, Map<String, Integer>> counts) {
        if (l.getOwner() == null) return;
        counts.computeIfAbsent(l.getOwner(), k -> new TreeMap<>())
                .merge(l.getTeam() == null ? UNASSIGNED : l.getTeam(), 1, Integer::sum);
    }

    /** Each owner's team: the team named on most of their leads (ties: the first by name). */
    static Map<String, String> ownerTeams(Map<String, Map<String, Integer>> counts) {
        Map<String, String> out = new HashMap<>();
        counts.forEach((owner, teams) -> {
            String best = null;
            for (Map.Entry<String, Integer> e : teams.entrySet()) { // sorted by name: the first of a tie wins
                if (best == null || e.getValue() > teams.get(best)) best = e.getKey();
            }
            out.put(owner, best);
        });
        return out;
    }
}
