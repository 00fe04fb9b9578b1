package dev.l2r.parse;

import dev.l2r.calendar.ZonedCalendar;
import dev.l2r.model.Bound;
import dev.l2r.model.BusinessCalendar;
import dev.l2r.model.Clause;
import dev.l2r.model.Metric;
import dev.l2r.model.OwnerRef;
import dev.l2r.model.Stage;
import dev.l2r.model.Team;
import dev.l2r.model.Window;
import dev.l2r.source.ControlCharacters;
import dev.l2r.source.Loc;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules an agreement must keep beyond the shape of each field: references between sections (a
 * clause's owner and a bound's keys are teams), values that contradict each other (min above max, a
 * clock that stops where it starts), and fields that only make sense together (lead.team and per, a
 * business window and the calendar's hours). They take values already read, never the tree.
 * The readers call each rule at the point of the file where it applies, so that problems keep the
 * order in which a reader of the file meets them.
 */
final class AgreementRules {

    private final Fields fields;

    AgreementRules(Fields fields) {
        this.fields = fields;
    }

    /** A team names the person accountable for it. */
    void teamOwnerNamed(String owner, Loc at) {
        if (owner != null && owner.isBlank()) fields.add(at, "empty; name the person accountable");
    }

    /** Clause ids are unique in an agreement (violations and rules refer to them). */
    void clauseIdUnique(Set<String> seen, String id, Loc at) {
        if (!seen.add(id)) fields.add(at, "clause id \"" + id + "\" is used twice");
    }

    /**
     * The teams section is missing or not a mapping of teams: it has its own problem, and the teams that clauses
     * name cannot be told known or unknown (every one would be a second, misleading "unknown team").
     */
    void teamsUnreadable() {
        teamsUnreadable = true;
    }

    private boolean teamsUnreadable;

    /** A clause's owner is lead.team or a team of the agreement. */
    void ownerIsATeam(String owner, Map<String, Team> teams, Loc at) {
        if (teamsUnreadable) return;
        if (!owner.equals(OwnerRef.LEAD_TEAM) && !teams.containsKey(owner)) {
            fields.add(
                    at,
                    "unknown team \"" + owner + "\"; use lead.team or one of: " + String.join(", ", teams.keySet()));
        }
    }

    /** A bound given per team (or owner) needs the target to be measured per team (or owner). */
    boolean boundMapAllowed(Clause.Per per, Loc at) {
        if (per != Clause.Per.ALL) return true;
        fields.add(at, "a map of team (or owner) to number needs per: team (or per: owner)");
        return false;
    }

    /** A key of a per-team bound is a team of the agreement; of a per-owner bound, a usable name. */
    boolean boundSubjectKnown(Clause.Per per, String key, Map<String, Team> teams, Loc at) {
        if (per == Clause.Per.OWNER && (ControlCharacters.controlCharacter(key) != null || key.isBlank())) {
            fields.add(at, "an owner name is non-blank text without control characters");
            return false;
        }
        if (per == Clause.Per.TEAM && !teamsUnreadable && !teams.containsKey(key)) {
            fields.add(at, "unknown team \"" + key + "\"; teams: " + String.join(", ", teams.keySet()));
            return false;
        }
        return true;
    }

    /** A target that no value can meet is a typo, not an agreement. */
    void minNotAboveMax(Bound min, Bound max, Loc at) {
        if (min != null
                && max != null
                && min.all() != null
                && max.all() != null
                && min.all().compareTo(max.all()) > 0) {
            fields.add(
                    at,
                    "min " + min.all().toPlainString() + " is above max "
                            + max.all().toPlainString());
        }
    }

    /** The stages every lead passes in this order; a later one cannot hold more leads than an earlier one. */
    private static final List<Stage> FUNNEL = List.of(Stage.INQUIRY, Stage.MQL, Stage.SAL, Stage.SQO, Stage.WON);

    /**
     * A volume target of a later funnel stage cannot ask for more leads than a target of an earlier stage
     * allows: every SAL was an MQL first, so {@code count(sal) min 400} and {@code count(mql) max 300} cannot
     * both be kept. Only what the agreement's own numbers show: both targets over all leads (no per), of the
     * same segment (the same where). {@code locs}: the location of each clause.
     */
    void volumesFitTheFunnel(List<Clause> clauses, List<Loc> locs) {
        for (int b = 0; b < clauses.size(); b++) {
            BigDecimal min = countBound(clauses.get(b), true);
            if (min == null) continue;
            Clause.Target later = (Clause.Target) clauses.get(b);
            int laterStage = FUNNEL.indexOf(((Metric.Count) later.metric()).stage());
            for (int a = 0; a < clauses.size(); a++) {
                BigDecimal max = countBound(clauses.get(a), false);
                if (max == null) continue;
                Clause.Target earlier = (Clause.Target) clauses.get(a);
                Stage earlierStage = ((Metric.Count) earlier.metric()).stage();
                if (FUNNEL.indexOf(earlierStage) >= laterStage
                        || !earlier.head().where().equals(later.head().where())
                        || min.compareTo(max) <= 0) continue;
                fields.add(
                        locs.get(b).field("min"),
                        later.metric().text() + " min " + min.toPlainString() + " is above "
                                + earlier.metric().text() + " max " + max.toPlainString() + " of clause "
                                + earlier.head().id() + " (line "
                                + fields.line(locs.get(a).field("max"))
                                + "): every "
                                + ((Metric.Count) later.metric()).stage().key() + " lead is an "
                                + earlierStage.key() + " lead first, so both cannot be met period after period");
            }
        }
    }

    /** The min (or max) of a count(STAGE) target over all leads, STAGE in the funnel; else null. */
    private static BigDecimal countBound(Clause c, boolean min) {
        if (!(c instanceof Clause.Target t)
                || t.per() != Clause.Per.ALL
                || !(t.metric() instanceof Metric.Count count)
                || !FUNNEL.contains(count.stage())) return null;
        Bound bound = min ? t.min() : t.max();
        return bound == null ? null : bound.all();
    }

    /** Metrics read from metrics.csv exist per team, so they cannot be measured per owner. */
    void metricMeasurablePerOwner(Clause.Per per, Metric metric, Loc at) {
        if (per == Clause.Per.OWNER
                && (metric instanceof Metric.PipelineCoverage
                        || metric instanceof Metric.Named
                        || metric instanceof Metric.CostPer)) {
            fields.add(at, metric.text() + " reads metrics.csv, whose rows are per team, not per owner; use per: team");
        }
    }

    /** lead.team owns a target only when the target is measured per team (or owner). A missing owner is no lead.team. */
    void leadTeamNeedsPer(OwnerRef owner, Clause.Per per, Loc at) {
        if (owner != null && owner.isLeadTeam() && per == Clause.Per.ALL) {
            fields.add(
                    at,
                    "lead.team names the team being measured, so it needs per: team (or per: owner); or name a team");
        }
    }

    /** A follow-up clock stops at another stage than the one that starts it. */
    void clockStopsElsewhere(Stage from, List<Stage> to, Loc at) {
        if (from != null && to.contains(from))
            fields.add(at, "the clock cannot stop at the stage that starts it (" + from.key() + ")");
    }

    /** A business window needs business hours, and enough of them to end within the calendar's search horizon. */
    void windowFitsCalendar(Window within, String text, BusinessCalendar calendar, Loc at) {
        if (!within.business()) return;
        if (!calendar.hasHours()) {
            fields.add(at, "a business window needs business hours, and calendar.hours has none");
        } else if (within.unit() != Window.Unit.DAYS
                && within.minutes() / calendar.weeklyMinutes() * 7 > ZonedCalendar.SEARCH_DAYS) {
            fields.add(
                    at,
                    "\"" + text + "\" takes more than ten years of the " + calendar.weeklyMinutes()
                            + " business minutes a week in calendar.hours; shorten the window or widen the hours");
        }
    }
}
