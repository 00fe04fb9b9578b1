package dev.l2r.evaluate;

import dev.l2r.calendar.FollowUpClock;
import dev.l2r.facts.FollowUpItem;
import dev.l2r.facts.Lead;
import dev.l2r.facts.ValueSet;
import dev.l2r.model.Agreement;
import dev.l2r.model.Clause;
import dev.l2r.model.Condition;
import dev.l2r.model.FieldType;
import dev.l2r.model.Metric;
import dev.l2r.model.Severity;
import dev.l2r.model.Stage;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
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
    /** A follow-up's "the window is ..." text in each zone, built once per clause and zone. */
    private final Map<Clause.FollowUp, Map<ZoneId, String>> windows = new IdentityHashMap<>();
    /** The "expected" text of each lead-level clause, the same for every lead. */
    private final Map<String, String> expected = new HashMap<>();
    /** A follow-up's expected text with its window ("first touch within 8 business hours"), one copy for all leads. */
    private final Map<String, String> expectedWithin = new HashMap<>();

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
                expected.put(c.id(), f.to().stream().map(Sentences::event).collect(Collectors.joining(" or ")));
                expectedWithin.put(
                        c.id(), expected.get(c.id()) + " within " + f.within().text());
            }
        }
    }

    /** A lead that missed the requirements of a handoff clause flagged in {@code failed} (0-based). */
    Violation handoff(Clause.Handoff h, Lead lead, String team, String person, BitSet failed) {
        ZoneId zone = a.zoneOf(team);
        List<String> missed = new ArrayList<>();
        List<String> actual = new ArrayList<>();
        for (int i = failed.nextSetBit(0); i >= 0; i = failed.nextSetBit(i + 1)) {
            Condition cond = h.require().get(i);
            Object v = lead.value(cond.field());
            String shown = v == null ? "missing" : show(v, cond, zone);
            missed.add(cond.text() + " (" + cond.field().name() + " is " + shown + ")");
            actual.add(cond.field().name() + " " + shown);
        }
        return violation(
                h,
                team,
                person,
                lead.getLeadId(),
                expected.get(h.id()),
                String.join("; ", actual),
                null,
                "Lead " + lead.getLeadId() + " " + phrase(h.at()) + " "
                        + HumanFormat.readable(Stages.at(lead, h.at()), zone)
                        + " without meeting the handoff criteria: "
                        + String.join(", ", missed) + ".");
    }

    /** A lead rejected without a reason, or with one the agreement does not list. */
    Violation rejection(Clause.Rejection r, Lead lead, String team, String person) {
        String reason = lead.getRejectionReason();
        String when = HumanFormat.readable(lead.getRejectedAt(), a.zoneOf(team));
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
                "Lead " + lead.getLeadId() + " " + phrase(f.from()) + " " + HumanFormat.readable(item.getFrom(), zone);
        String window = windows.computeIfAbsent(f, k -> new HashMap<>())
                .computeIfAbsent(
                        zone,
                        z -> "the window is " + f.within().text()
                                + (business ? " on the " + z.getId() + " calendar" : ""));
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
                    expectedWithin.get(f.id()),
                    event(hit) + " after "
                            + HumanFormat.duration(clock.elapsed(item.getFrom(), item.getStop()), business),
                    deadline,
                    start + " and " + phrase(hit) + " " + HumanFormat.readable(item.getStop(), zone) + ", "
                            + HumanFormat.duration(clock.elapsed(item.getDeadline(), item.getStop()), business)
                            + " after the deadline of " + HumanFormat.readable(item.getDeadline(), zone) + "; " + window
                            + ".");
        }
        return violation(
                f,
                team,
                person,
                lead.getLeadId(),
                expectedWithin.get(f.id()),
                "no " + toText + " by the deadline",
                deadline,
                start + " and had no " + toText + " by the deadline of "
                        + HumanFormat.readable(item.getDeadline(), zone)
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
        String expectedText = ask(t, min, max);
        String actual = MetricCalculator.format(t.metric(), value, a.currency())
                + (measure == null ? "" : " (" + measure.detail() + ")");
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

    /**
     * A target outside its bounds for one subject: "Team sdr-amer: MQL → SAL conversion was 38.2% in 2026-09; the
     * agreement asks for at least 45% (short by 6.8 percentage points); sdr-amer (SDR Manager) answers for it."
     */
    Violation targetMissed(Clause.Target t, TargetResult r, String person) {
        String subject = r.subject();
        double value = r.value();
        BigDecimal min = t.min() == null ? null : t.min().forSubject(subject).orElse(null);
        BigDecimal max = t.max() == null ? null : t.max().forSubject(subject).orElse(null);
        String currency = a.currency();
        String gap = min != null && value < min.doubleValue()
                ? "short by " + MetricCalculator.formatGap(t.metric(), min.doubleValue() - value, currency)
                : "over by " + MetricCalculator.formatGap(t.metric(), value - max.doubleValue(), currency);
        String who = t.per() == Clause.Per.ALL ? "" : (t.per() == Clause.Per.TEAM ? "Team " : "") + subject + ": ";
        String measured;
        if (t.metric() instanceof Metric.Count c) {
            measured = HumanFormat.integer(value) + " " + c.stage().noun(Math.round(value)); // "1 deal won", "120 MQLs"
        } else {
            // "days from MQL to SAL were", "partner enablement sessions were", "win rate was"
            String label = t.metric().label();
            boolean plural = t.metric() instanceof Metric.CycleDays || label.endsWith("s") && !label.endsWith("ss");
            measured = t.metric().label()
                    + (plural ? " were " : " was ")
                    + MetricCalculator.format(t.metric(), value, currency);
            if (who.isEmpty()) measured = Character.toUpperCase(measured.charAt(0)) + measured.substring(1);
        }
        // who answers: the team and its owner, or the person alone when the subject already names the team
        boolean nobody = person == null || person.isEmpty();
        String answers = nobody
                ? r.team()
                : subject.equals(r.team()) || subject.equals(person) ? person : r.team() + " (" + person + ")";
        return violation(
                t,
                r.team(),
                person,
                subject,
                r.expected(),
                r.actual(),
                null,
                who + measured + " in " + period + "; the agreement asks for " + ask(t, min, max) + " (" + gap + "); "
                        + answers + " answers for it.");
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

    /** "at least 45%", "at most $200", "between 2 and 3 days". */
    private String ask(Clause.Target t, BigDecimal min, BigDecimal max) {
        if (min != null && max != null) return "between " + bound(t, min) + " and " + bound(t, max);
        if (min != null) return "at least " + bound(t, min);
        return "at most " + bound(t, max);
    }

    private String bound(Clause.Target t, BigDecimal v) {
        return MetricCalculator.format(t.metric(), v.doubleValue(), a.currency());
    }

    private static String show(Object v, Condition c, ZoneId zone) {
        if (v instanceof Double d) return HumanFormat.number(d, 4);
        if (v instanceof Long t && c.field().type() == FieldType.TIMESTAMP) return HumanFormat.readable(t, zone);
        return "\"" + v + "\"";
    }

    /** A stage reached, as an event: "first touch", "acceptance", "rejection". */
    private static String event(Stage s) {
        return switch (s) {
            case INQUIRY -> "inquiry";
            case MQL -> "MQL";
            case SAL -> "acceptance";
            case REJECTED -> "rejection";
            case SQO -> "opportunity";
            case WON -> "win";
            case LOST -> "loss";
            case AUTO_RESPONSE -> "auto-response";
            case FIRST_TOUCH -> "first touch";
        };
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
