package dev.l2r.evaluate;

import dev.l2r.calendar.FollowUpClock;
import dev.l2r.facts.FollowUpItem;
import dev.l2r.facts.Lead;
import dev.l2r.facts.Measurement;
import dev.l2r.facts.SlaSink;
import dev.l2r.model.Agreement;
import dev.l2r.model.Clause;
import dev.l2r.model.Condition;
import dev.l2r.model.OwnerRef;
import dev.l2r.model.Severity;
import dev.l2r.model.Stage;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.kie.api.runtime.rule.RuleContext;

/**
 * Receives what the rules decide (the global {@code sla}) and turns it into violations, open items and
 * per-team counts. Each violation's sentence is written here, where the lead, the clause and the clock are
 * all known.
 */
final class Verdicts implements SlaSink {

    static final String UNASSIGNED = "(no team)";
    private static final String DQ_OWNER = "Revenue operations";

    private final Agreement a;
    private final String period;
    private final long asOf;
    private final Clocks clocks;
    private final Map<String, Clause> clauses = new HashMap<>();
    private final Map<String, Integer> order = new HashMap<>();
    private final Map<String, List<Clause.Rule>> byRule = new HashMap<>();
    /** The "expected" text of each lead-level clause, the same for every lead: built once. */
    private final Map<String, String> expected = new HashMap<>();
    private final Map<String, Map<String, long[]>> counts = new TreeMap<>();
    private final Map<String, Map<String, Long>> dataQuality = new TreeMap<>();
    private final List<Violation> violations = new ArrayList<>();
    private final List<OpenItem> open = new ArrayList<>();
    private final Map<String, List<Lead>> members = new HashMap<>();
    private final Map<String, MetricCalculator.Measure> measures = new HashMap<>();
    private final List<TargetResult> targets = new ArrayList<>();
    private Map<String, String> ownerTeams = Map.of();

    void ownerTeams(Map<String, String> m) {
        ownerTeams = m;
    }

    Verdicts(Agreement a, String period, long asOf, Clocks clocks) {
        this.a = a;
        this.period = period;
        this.asOf = asOf;
        this.clocks = clocks;
        for (int i = 0; i < a.clauses().size(); i++) {
            Clause c = a.clauses().get(i);
            clauses.put(c.id(), c);
            order.put(c.id(), i);
            if (c instanceof Clause.Rule r) byRule.computeIfAbsent(r.rule(), k -> new ArrayList<>()).add(r);
            if (c instanceof Clause.Handoff h) {
                expected.put(c.id(), h.require().stream().map(Condition::text).collect(Collectors.joining("; ")));
            } else if (c instanceof Clause.Rejection r) {
                expected.put(c.id(), r.reasons().size() <= dev.l2r.facts.ValueSet.INLINE_MAX ? String.join(", ", r.reasons()) // a long list: its start
                        : String.join(", ", r.reasons().subList(0, 10)) + ", ... (" + String.format(java.util.Locale.ROOT, "%,d", r.reasons().size()) + " reasons)");
            } else if (c instanceof Clause.FollowUp f) {
                expected.put(c.id(), f.to().stream().map(Stage::key).collect(Collectors.joining(" or ")));
            }
        }
    }

    // ---- lead-level clauses ----

    @Override
    public void met(String clause, Lead lead) {
        Clause c = clauses.get(clause);
        count(teamOf(c, lead), c, Status.MET);
    }

    @Override
    public void handoffFailed(String clause, Lead lead) {
        Clause.Handoff h = (Clause.Handoff) clauses.get(clause);
        String team = teamOf(h, lead);
        count(team, h, Status.VIOLATED);
        List<String> missed = new ArrayList<>();
        List<String> actual = new ArrayList<>();
        for (Condition cond : h.require()) {
            if (!ConditionEval.test(cond, lead)) {
                Object v = ConditionEval.value(cond.field(), lead);
                String shown = v == null ? "missing" : show(v, cond);
                missed.add(cond.text() + " (" + cond.field().name() + " is " + shown + ")");
                actual.add(cond.field().name() + " " + shown);
            }
        }
        ZoneId zone = a.zoneOf(team);
        add(h, team, personOf(team, lead), lead.getLeadId(),
                expected.get(h.id()),
                String.join("; ", actual), null,
                "Lead " + lead.getLeadId() + " " + phrase(h.at()) + " " + Fmt.when(Stages.at(lead, h.at()), zone)
                        + " without meeting the handoff criteria: " + String.join(", ", missed) + ".");
    }

    @Override
    public void rejectionFailed(String clause, Lead lead) {
        Clause.Rejection r = (Clause.Rejection) clauses.get(clause);
        String team = teamOf(r, lead);
        count(team, r, Status.VIOLATED);
        String reason = lead.getRejectionReason();
        String when = Fmt.when(lead.getRejectedAt(), a.zoneOf(team));
        String reasons = expected.get(r.id());
        add(r, team, personOf(team, lead), lead.getLeadId(), "one of: " + reasons,
                reason == null ? "no reason" : "\"" + reason + "\"", null,
                reason == null
                        ? "Lead " + lead.getLeadId() + " was rejected " + when + " without a reason; give one of: " + reasons + "."
                        : "Lead " + lead.getLeadId() + " was rejected " + when + " with the reason \"" + reason
                        + "\", which is not an agreed reason; use one of: " + reasons + ".");
    }

    @Override
    public void followUp(String clause, FollowUpItem item, String status) {
        Clause.FollowUp f = (Clause.FollowUp) clauses.get(clause);
        String team = item.getTeam();
        Status s = Status.of(status);
        count(team, f, s);
        if (s == Status.MET) return;
        Lead lead = item.getLead();
        ZoneId zone = a.zoneOf(team);
        FollowUpClock clock = clocks.of(f, team);
        boolean business = f.within().business();
        String person = personOf(team, lead);
        String deadline = Fmt.iso(item.getDeadline(), zone);
        String toText = expected.get(f.id());
        if (s == Status.OPEN || s == Status.AT_RISK) {
            open.add(new OpenItem(f.id(), team, person, lead.getLeadId(), Fmt.iso(item.getFrom(), zone), deadline,
                    Fmt.duration(clock.elapsed(asOf, item.getDeadline()), business), s == Status.AT_RISK, item.getDeadline()));
            return;
        }
        String start = "Lead " + lead.getLeadId() + " " + phrase(f.from()) + " " + Fmt.when(item.getFrom(), zone);
        String window = "the window is " + f.within().text() + (business ? " on the " + zone.getId() + " calendar" : "");
        if (s == Status.VIOLATED && item.getStop() != null) {
            Stage hit = f.to().stream().filter(t -> item.getStop().equals(Stages.at(lead, t))).findFirst().orElse(f.to().get(0));
            add(f, team, person, lead.getLeadId(), toText + " within " + f.within().text(),
                    hit.key() + " after " + Fmt.duration(clock.elapsed(item.getFrom(), item.getStop()), business), deadline,
                    start + " and " + phrase(hit) + " " + Fmt.when(item.getStop(), zone) + ", "
                            + Fmt.duration(clock.elapsed(item.getDeadline(), item.getStop()), business)
                            + " after the deadline of " + Fmt.when(item.getDeadline(), zone) + "; " + window + ".");
        } else {
            add(f, team, person, lead.getLeadId(), toText + " within " + f.within().text(),
                    "no " + toText + " by the deadline", deadline,
                    start + " and had no " + toText + " by the deadline of " + Fmt.when(item.getDeadline(), zone)
                            + "; " + window + ".");
        }
    }

    // ---- targets ----

    @Override
    public void member(String clause, Lead lead) {
        members.computeIfAbsent(clause, k -> new ArrayList<>()).add(lead);
    }

    List<Lead> members(String clause) {
        return members.getOrDefault(clause, List.of());
    }

    void measured(String clause, String subject, MetricCalculator.Measure m) {
        measures.put(clause + "\u0000" + subject, m);
    }

    @Override
    public void target(String clause, Measurement m, boolean met) {
        Clause.Target t = (Clause.Target) clauses.get(clause);
        String subject = m.getSubject();
        String team;
        if (!t.head().owner().isLeadTeam()) team = t.head().owner().team();
        else if (t.per() == Clause.Per.OWNER) team = ownerTeams.getOrDefault(subject, UNASSIGNED);
        else team = subject;
        count(team, t, met ? Status.MET : Status.VIOLATED);
        BigDecimal min = t.min() == null ? null : t.min().forSubject(subject).orElse(null);
        BigDecimal max = t.max() == null ? null : t.max().forSubject(subject).orElse(null);
        String expected;
        String ask;
        if (min != null && max != null) {
            expected = "between " + bound(t, min) + " and " + bound(t, max);
            ask = expected;
        } else if (min != null) {
            expected = ">= " + bound(t, min);
            ask = "at least " + bound(t, min);
        } else {
            expected = "<= " + bound(t, max);
            ask = "at most " + bound(t, max);
        }
        MetricCalculator.Measure measure = measures.get(clause + "\u0000" + subject);
        String value = MetricCalculator.format(t.metric(), m.getValue());
        String actual = value + (measure == null ? "" : " (" + measure.detail() + ")");
        targets.add(new TargetResult(t.id(), t.title(), subject, team, t.metric().text(), m.getValue(), expected, actual, met));
        if (met) return;
        String gap;
        if (min != null && m.getValue() < min.doubleValue()) {
            gap = "short by " + MetricCalculator.formatGap(t.metric(), min.doubleValue() - m.getValue());
        } else {
            gap = "over by " + MetricCalculator.formatGap(t.metric(), m.getValue() - max.doubleValue());
        }
        String who = t.per() == Clause.Per.ALL ? "" : (t.per() == Clause.Per.TEAM ? "Team " : "") + subject + ": ";
        add(t, team, t.per() == Clause.Per.OWNER ? subject : personOf(team, null), subject, expected, actual, null,
                who + t.metric().text() + " was " + value + " in " + period + "; the agreement asks for " + ask + " (" + gap + ").");
    }

    List<TargetResult> targets() {
        List<TargetResult> out = new ArrayList<>(targets);
        out.sort(Comparator.comparingInt((TargetResult x) -> order.get(x.clauseId())).thenComparing(TargetResult::subject));
        return out;
    }

    private static String bound(Clause.Target t, BigDecimal v) {
        return MetricCalculator.format(t.metric(), v.doubleValue());
    }

    // ---- hand-written rules ----

    @Override
    public void violation(RuleContext rule, Lead lead, String expected, String actual, String message) {
        for (Clause.Rule r : byRule.getOrDefault(rule.getRule().getName(), List.of())) {
            if (!inSegment(r, lead)) continue;
            String team = teamOf(r, lead);
            count(team, r, Status.VIOLATED);
            add(r, team, personOf(team, lead), lead.getLeadId(), nz(expected), nz(actual), null, nz(message));
        }
    }

    @Override
    public void met(RuleContext rule, Lead lead) {
        for (Clause.Rule r : byRule.getOrDefault(rule.getRule().getName(), List.of())) {
            if (inSegment(r, lead)) count(teamOf(r, lead), r, Status.MET);
        }
    }

    @Override
    public void dataQuality(RuleContext rule, Lead lead, String field, String actual, String message) {
        var meta = rule.getRule().getMetaData();
        String id = dev.l2r.compile.CompiledRules.dqIdOf(rule.getRule());
        Severity sev = meta.get("severity") == null ? Severity.MINOR
                : Severity.of(String.valueOf(meta.get("severity"))).orElse(Severity.MINOR);
        String team = Agreement.DATA_QUALITY_TEAM;
        String owner = a.ownerOf(team) == null ? DQ_OWNER : a.ownerOf(team);
        dataQuality.computeIfAbsent(team, k -> new TreeMap<>()).merge(id, 1L, Long::sum);
        violations.add(new Violation(period, id, rule.getRule().getName(), "data-quality", sev, team, owner,
                lead.getLeadId(), "valid " + nz(field), actual == null ? nz(field) : actual, null, nz(message)));
    }

    private boolean inSegment(Clause c, Lead lead) {
        return c.head().where().stream().allMatch(cond -> ConditionEval.test(cond, lead));
    }

    // ---- results ----

    List<Violation> violations() {
        List<Violation> v = new ArrayList<>(violations);
        v.sort(Comparator.comparingInt((Violation x) -> order.getOrDefault(x.clauseId(), Integer.MAX_VALUE))
                .thenComparing(Violation::clauseId)
                .thenComparing(Violation::team)
                .thenComparing(Violation::subject)
                .thenComparing(x -> x.deadline() == null ? "" : x.deadline())
                .thenComparing(Violation::message));
        return v;
    }

    List<OpenItem> openItems() {
        List<OpenItem> o = new ArrayList<>(open);
        // at risk first, then by the instant of the deadline (not its text: teams' offsets differ)
        o.sort(Comparator.comparing((OpenItem x) -> !x.atRisk()).thenComparingLong(OpenItem::deadlineMillis)
                .thenComparing(OpenItem::clauseId).thenComparing(OpenItem::leadId));
        return o;
    }

    List<TeamAccountability> teams() {
        Map<String, TeamAccountability> out = new TreeMap<>();
        java.util.Set<String> names = new java.util.TreeSet<>(counts.keySet());
        names.addAll(dataQuality.keySet());
        for (String team : names) {
            List<ClauseOutcome> rows = new ArrayList<>();
            Map<String, long[]> byClause = counts.getOrDefault(team, Map.of());
            for (Clause c : a.clauses()) {
                long[] n = byClause.get(c.id());
                if (n != null) {
                    rows.add(new ClauseOutcome(c.id(), c.title(), c.type(), c.head().severity(), n[0], n[1], n[2], n[3]));
                }
            }
            String owner = team.equals(Agreement.DATA_QUALITY_TEAM) && a.ownerOf(team) == null ? DQ_OWNER : nz(a.ownerOf(team));
            out.put(team, new TeamAccountability(team, owner, rows,
                    new LinkedHashMap<>(dataQuality.getOrDefault(team, Map.of()))));
        }
        return List.copyOf(out.values());
    }

    // ---- helpers ----

    private void count(String team, Clause c, Status s) {
        counts.computeIfAbsent(team, k -> new TreeMap<>()).computeIfAbsent(c.id(), k -> new long[4])[s.ordinal()]++;
    }

    private void add(Clause c, String team, String owner, String subject, String expected, String actual,
                     String deadline, String message) {
        violations.add(new Violation(period, c.id(), c.title(), c.type(), c.head().severity(), team, owner, subject,
                expected, actual, deadline, message));
    }

    /** The accountable team: the clause owner, or the team named on the lead for lead.team. */
    static String teamOf(Clause c, Lead lead) {
        OwnerRef o = c.head().owner();
        if (!o.isLeadTeam()) return o.team();
        return lead.getTeam() == null ? UNASSIGNED : lead.getTeam();
    }

    /** The accountable person: the lead's owner for lead-level clauses, else the team's owner. */
    private String personOf(String team, Lead lead) {
        if (lead != null && lead.getOwner() != null) return lead.getOwner();
        return nz(a.ownerOf(team));
    }

    private static String show(Object v, Condition c) {
        if (v instanceof Double d) return Fmt.trim(d, 4);
        if (v instanceof Long t && c.field().type() == dev.l2r.model.FieldType.TIMESTAMP) {
            return java.time.Instant.ofEpochMilli(t).toString();
        }
        return "\"" + v + "\"";
    }

    private static String nz(String s) {
        return s == null ? "" : s;
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
