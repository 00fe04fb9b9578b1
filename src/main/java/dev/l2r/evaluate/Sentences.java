package dev.l2r.evaluate;

import dev.l2r.calendar.FollowUpClock;
import dev.l2r.facts.FollowUpItem;
import dev.l2r.facts.Lead;
import dev.l2r.facts.ValueSet;
import dev.l2r.model.Agreement;
import dev.l2r.model.Clause;
import dev.l2r.model.Condition;
import dev.l2r.model.FieldType;
import dev.l2r.model.Severity;
import dev.l2r.model.Stage;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The violation records a sales leader reads: what was expected, what happened and a sentence that says
 * it in the accountable team's own zone and calendar. Built where the lead, the clause and the clock are
 * all known; texts that are the same for every lead of a clause are built once.
 */
final class Sentences {

    private final Agreement a;
    private final String period;
    /** The "expected" text of each lead-level clause, the same for every lead. */
    private final Map<String, String> expected = new HashMap<>();

    Sentences(Agreement a, String period) {
        this.a = a;
        this.period = period;
        for (Clause c : a.clauses()) {
            if (c instanceof Clause.Handoff h) {
                expected.put(c.id(), h.require().stream().map(Condition::text).collect(Collectors.joining("; ")));
            } else if (c instanceof Clause.Rejection r) {
                expected.put(
                        c.id(),
                        r.reasons().size() <= ValueSet.INLINE_MAX
                                ? String.join(", ", r.reasons()) // a long list: its start
                                : String.join(", ", r.reasons().subList(0, 10)) + ", ... ("
                                        + HumanFormat.integer(r.reasons().size()) + " reasons)");
            } else if (c instanceof Clause.FollowUp f) {
                expected.put(c.id(), f.to().stream().map(Stage::key).collect(Collectors.joining(" or ")));
            }
        }
    }

    /** A lead that missed the requirements of a handoff clause flagged in {@code failed} (0-based). */
    Violation handoff(Clause.Handoff h, Lead lead, String team, String person, BitSet failed) {
        List<String> missed = new ArrayList<>();
        List<String> actual = new ArrayList<>();
        for (int i = failed.nextSetBit(0); i >= 0; i = failed.nextSetBit(i + 1)) {
            Condition cond = h.require().get(i);
            Object v = lead.value(cond.field());
            String shown = v == null ? "missing" : show(v, cond);
            missed.add(cond.text() + " (" + cond.field().name() + " is " + shown + ")");
            actual.add(cond.field().name() + " " + shown);
        }
        ZoneId zone = a.zoneOf(team);
        return violation(
                h,
                team,
                person,
                lead.getLeadId(),
                expected.get(h.id()),
                String.join("; ", actual),
                null,
                "Lead " + lead.getLeadId() + " " + phrase(h.at()) + " "
                        + HumanFormat.when(Stages.at(lead, h.at()), zone) + " without meeting the handoff criteria: "
                        + String.join(", ", missed) + ".");
    }

    /** A lead rejected without a reason, or with one the agreement does not list. */
    Violation rejection(Clause.Rejection r, Lead lead, String team, String person) {
        String reason = lead.getRejectionReason();
        String when = HumanFormat.when(lead.getRejectedAt(), a.zoneOf(team));
        String reasons = expected.get(r.id());
        return violation(
                r,
                team,
                person,
                lead.getLeadId(),
                "one of: " + reasons,
                reason == null ? "no reason" : "\"" + reason + "\"",
                null,
                reason == null
                        ? "Lead " + lead.getLeadId() + " was rejected " + when + " without a reason; give one of: "
                                + reasons + "."
                        : "Lead " + lead.getLeadId() + " was rejected " + when + " with the reason \"" + reason
                                + "\", which is not an agreed reason; use one of: " + reasons + ".");
    }

    /** A follow-up stopped after its deadline (late) or not stopped by a deadline that has passed (missed). */
    Violation followUp(Clause.FollowUp f, FollowUpItem item, String person, FollowUpClock clock) {
        String team = item.getTeam();
        Lead lead = item.getLead();
        ZoneId zone = a.zoneOf(team);
        boolean business = f.within().business();
        String deadline = HumanFormat.iso(item.getDeadline(), zone);
        String toText = expected.get(f.id());
        String start =
                "Lead " + lead.getLeadId() + " " + phrase(f.from()) + " " + HumanFormat.when(item.getFrom(), zone);
        String window =
                "the window is " + f.within().text() + (business ? " on the " + zone.getId() + " calendar" : "");
        if (item.getStop() != null) {
            Stage hit = f.to().stream()
                    .filter(t -> item.getStop().equals(Stages.at(lead, t)))
                    .findFirst()
                    .orElse(f.to().get(0));
            return violation(
                    f,
                    team,
                    person,
                    lead.getLeadId(),
                    toText + " within " + f.within().text(),
                    hit.key() + " after "
                            + HumanFormat.duration(clock.elapsed(item.getFrom(), item.getStop()), business),
                    deadline,
                    start + " and " + phrase(hit) + " " + HumanFormat.when(item.getStop(), zone) + ", "
                            + HumanFormat.duration(clock.elapsed(item.getDeadline(), item.getStop()), business)
                            + " after the deadline of " + HumanFormat.when(item.getDeadline(), zone) + "; " + window
                            + ".");
        }
        return violation(
                f,
                team,
                person,
                lead.getLeadId(),
                toText + " within " + f.within().text(),
                "no " + toText + " by the deadline",
                deadline,
                start + " and had no " + toText + " by the deadline of " + HumanFormat.when(item.getDeadline(), zone)
                        + "; " + window + ".");
    }

    /** A follow-up whose clock still runs at as-of. */
    OpenItem open(Clause.FollowUp f, FollowUpItem item, String person, FollowUpClock clock, long asOf, boolean atRisk) {
        ZoneId zone = a.zoneOf(item.getTeam());
        return new OpenItem(
                f.id(),
                item.getTeam(),
                person,
                item.getLead().getLeadId(),
                HumanFormat.iso(item.getFrom(), zone),
                HumanFormat.iso(item.getDeadline(), zone),
                HumanFormat.duration(
                        clock.elapsed(asOf, item.getDeadline()), f.within().business()),
                atRisk,
                item.getDeadline());
    }

    /** The scorecard row of a target measured for one subject, and its expected and actual texts. */
    TargetResult target(
            Clause.Target t,
            String subject,
            String team,
            double value,
            MetricCalculator.Measure measure,
            boolean met,
            boolean isFinal,
            double elapsed) {
        BigDecimal min = t.min() == null ? null : t.min().forSubject(subject).orElse(null);
        BigDecimal max = t.max() == null ? null : t.max().forSubject(subject).orElse(null);
        String expectedText;
        if (min != null && max != null) expectedText = "between " + bound(t, min) + " and " + bound(t, max);
        else if (min != null) expectedText = ">= " + bound(t, min);
        else expectedText = "<= " + bound(t, max);
        String actual =
                MetricCalculator.format(t.metric(), value) + (measure == null ? "" : " (" + measure.detail() + ")");
        Pacing.Paced p = Pacing.pace(t.metric(), min, max, value, isFinal, elapsed);
        return new TargetResult(
                t.id(),
                t.title(),
                subject,
                team,
                t.metric().text(),
                value,
                expectedText,
                actual,
                met,
                p.pace(),
                p.paceValue(),
                t.head().severity(),
                Verdicts.target(met, p.pace()));
    }

    /** A target outside its bounds for one subject. */
    Violation targetMissed(Clause.Target t, TargetResult r, String person) {
        String subject = r.subject();
        double value = r.value();
        BigDecimal min = t.min() == null ? null : t.min().forSubject(subject).orElse(null);
        BigDecimal max = t.max() == null ? null : t.max().forSubject(subject).orElse(null);
        String ask;
        if (min != null && max != null) ask = "between " + bound(t, min) + " and " + bound(t, max);
        else if (min != null) ask = "at least " + bound(t, min);
        else ask = "at most " + bound(t, max);
        String gap = min != null && value < min.doubleValue()
                ? "short by " + MetricCalculator.formatGap(t.metric(), min.doubleValue() - value)
                : "over by " + MetricCalculator.formatGap(t.metric(), value - max.doubleValue());
        String who = t.per() == Clause.Per.ALL ? "" : (t.per() == Clause.Per.TEAM ? "Team " : "") + subject + ": ";
        return violation(
                t,
                r.team(),
                person,
                subject,
                r.expected(),
                r.actual(),
                null,
                who + t.metric().text() + " was " + MetricCalculator.format(t.metric(), value) + " in " + period
                        + "; the agreement asks for " + ask + " (" + gap + ").");
    }

    /** A data-quality finding of a hand-written check, owned by revenue ops. */
    Violation dataQuality(
            String check,
            String rule,
            Severity severity,
            String team,
            String owner,
            String leadId,
            String field,
            String actual,
            String message) {
        return new Violation(
                period,
                check,
                rule,
                "data-quality",
                severity,
                team,
                owner,
                leadId,
                "valid " + field,
                actual,
                null,
                message,
                owner);
    }

    Violation violation(
            Clause c,
            String team,
            String owner,
            String subject,
            String expectedText,
            String actual,
            String deadline,
            String message) {
        return new Violation(
                period,
                c.id(),
                c.title(),
                c.type(),
                c.head().severity(),
                team,
                owner,
                subject,
                expectedText,
                actual,
                deadline,
                message,
                Accountable.of(a, c, team, owner));
    }

    private static String bound(Clause.Target t, BigDecimal v) {
        return MetricCalculator.format(t.metric(), v.doubleValue());
    }

    private static String show(Object v, Condition c) {
        if (v instanceof Double d) return HumanFormat.trim(d, 4);
        if (v instanceof Long t && c.field().type() == FieldType.TIMESTAMP)
            return Instant.ofEpochMilli(t).toString();
        return "\"" + v + "\"";
    }

    private static String phrase(Stage s) {
        return switch (s) {
            case INQUIRY -> "inquired";
            case MQL -> "became an MQL";
            case SAL -> "was accepted by sales";
            case REJECTED -> "was rejected";
            case SQO -> "became an opportunity";
            case WON -> "was won";
            case LOST -> "was lost";
            case AUTO_RESPONSE -> "got the auto-response";
            case FIRST_TOUCH -> "was first touched";
        };
    }
}
