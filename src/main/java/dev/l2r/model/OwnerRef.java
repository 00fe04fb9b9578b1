package dev.l2r.model;

/** Who is accountable for a clause: a named team, or the team named on each lead. */
public record OwnerRef(String team) {

    public static final String LEAD_TEAM = "lead.team";

    public static OwnerRef leadTeam() {
        return new OwnerRef(null);
    }

    public boolean isLeadTeam() {
        return team == null;
    }

    public String text() {
        return team == null ? LEAD_TEAM : team;
    }
}
