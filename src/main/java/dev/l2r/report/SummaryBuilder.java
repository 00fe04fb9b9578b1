package dev.l2r.report;

import dev.l2r.evaluate.ClauseOutcome;
import dev.l2r.evaluate.Evaluation;
import dev.l2r.evaluate.Finding;
import dev.l2r.evaluate.HumanFormat;
import dev.l2r.evaluate.OpenItem;
import dev.l2r.evaluate.TargetResult;
import dev.l2r.evaluate.TeamAccountability;
import dev.l2r.evaluate.Violation;
import dev.l2r.ingest.InputFile;
import dev.l2r.ingest.RejectedRow;
import dev.l2r.model.Agreement;
import dev.l2r.model.Bound;
import dev.l2r.model.Clause;
import dev.l2r.model.Severity;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The executive summary: one headline number, what needs attention (with who must act), the target
 * scorecard, teams, clauses, owners, data quality and inputs. Every figure points at someone's next step.
 */
final class SummaryBuilder {

    private static final List<Boolean> TEAM_NUM = List.of(false, false, true, true, true, true, true);

    private final RunInfo run;
    private final Evaluation e;
    private final List<RejectedRow> rejected;
    private final Agreement a;
    private final List<SummaryTrend> trend;

    SummaryBuilder(RunInfo run, Evaluation e, List<RejectedRow> rejected) {
        this(run, e, rejected, List.of());
    }

    /** @param trend earlier periods of the same agreement, oldest first (the history store's records); may be empty */
    SummaryBuilder(RunInfo run, Evaluation e, List<RejectedRow> rejected, List<SummaryTrend> trend) {
        this.run = run;
        this.e = e;
        this.rejected = rejected;
        this.a = run.agreement();
        this.trend = List.copyOf(trend);
    }

    String title() {
        return "SLA compliance: " + a.title() + ", " + e.period();
    }

    Summary build() {
        Summary s = new Summary();
        s.heading(1, title());
        s.para(
                null,
                "Agreement " + a.id() + (a.version().isEmpty() ? "" : " version " + a.version())
                        + (a.approvedBy().isEmpty() ? "" : ", approved by " + String.join(", ", a.approvedBy()))
                        + ". Period " + run.period().start() + " to "
                        + run.period().end().minusDays(1) + " (" + a.zone().getId()
                        + "), as of " + e.asOf() + ".");
        long met = e.met();
        long violated = e.violated();
        long open = e.open();
        long atRisk = e.atRisk();
        Map<Severity, Long> bySeverity = new EnumMap<>(Severity.class);
        for (Severity sev : Severity.values()) bySeverity.put(sev, 0L);
        e.violations().forEach(v -> bySeverity.merge(v.severity(), 1L, Long::sum));
        s.para(
                "Compliance " + (e.compliance() == null ? "not assessed" : HumanFormat.percent(e.compliance())) + ".",
                plural(met, "item") + " met, " + n(violated) + " violated; " + plural(open, "follow-up")
                        + " still open, "
                        + n(atRisk) + " of them at risk. "
                        + plural(e.violations().size(), "violation") + ": "
                        + n(bySeverity.get(Severity.CRITICAL)) + " critical, " + n(bySeverity.get(Severity.MAJOR))
                        + " major, "
                        + n(bySeverity.get(Severity.MINOR)) + " minor.");

        s.heading(2, "What needs attention");
        s.bullets(attention(e.openItems().stream().filter(OpenItem::atRisk).count()));
        if (!e.targets().isEmpty()) {
            s.heading(2, "Targets");
            funnel(s);
            List<List<String>> rows = new ArrayList<>();
            for (TargetResult t : e.targets()) {
                rows.add(List.of(
                        t.clauseId() + " " + t.title(),
                        t.subject(),
                        t.team(),
                        t.metric(),
                        t.expected(),
                        t.actual(),
                        t.met() ? "met" : "violated"));
            }
            s.table(
                    List.of("Clause", "Subject", "Accountable", "Metric", "Expected", "Actual", "Result"),
                    rows,
                    List.of(false, false, false, false, false, false, false));
        }
        teams(s);
        trend(s);
        clauses(s);
        owners(s);
        dataQuality(s);
        inputs(s);
        return s;
    }

    private List<String> attention(long atRisk) {
        List<String> items = new ArrayList<>();
        Map<String, List<Violation>> byClause = new LinkedHashMap<>();
        for (Violation v : e.violations()) {
            if (!v.type().equals("data-quality"))
                byClause.computeIfAbsent(v.clauseId(), k -> new ArrayList<>()).add(v);
        }
        List<Map.Entry<String, List<Violation>>> entries = new ArrayList<>(byClause.entrySet());
        entries.sort(Comparator.comparingInt((Map.Entry<String, List<Violation>> x) ->
                        x.getValue().get(0).severity().ordinal())
                .thenComparing(x -> -x.getValue().size())
                .thenComparing(Map.Entry::getKey));
        for (var entry : entries) {
            List<Violation> vs = entry.getValue();
            Violation first = vs.get(0);
            Map<String, Long> teams = new TreeMap<>();
            vs.forEach(v -> teams.merge(v.team(), 1L, Long::sum));
            List<String> who = new ArrayList<>();
            teams.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue()
                            .reversed()
                            .thenComparing(Map.Entry.comparingByKey()))
                    .forEach(t -> who.add(
                            t.getKey() + (nz(a.ownerOf(t.getKey())).isEmpty() ? "" : " (" + a.ownerOf(t.getKey()) + ")")
                                    + " " + t.getValue()));
            String head = capital(first.severity().key()) + ": " + first.clauseId() + " " + first.clauseTitle() + ". ";
            if (first.type().equals("target")) {
                List<String> messages =
                        vs.stream().limit(3).map(Violation::message).toList();
                items.add(head + String.join(" ", messages)
                        + (vs.size() > 3 ? " (" + (vs.size() - 3) + " more in violations.csv.)" : "") + " Accountable: "
                        + String.join(", ", who) + ".");
            } else {
                items.add(head + plural(vs.size(), "violation") + "; accountable: " + String.join(", ", who) + ".");
            }
        }
        if (atRisk > 0) {
            OpenItem next =
                    e.openItems().stream().filter(OpenItem::atRisk).findFirst().orElseThrow();
            items.add(plural(atRisk, "follow-up") + (atRisk == 1 ? " is" : " are")
                    + " at risk: act before the deadline (open-items.csv); the first is lead " + next.leadId() + " ("
                    + next.team() + ", " + next.owner() + ") by " + next.deadline() + ".");
        }
        long dq = e.findings().size();
        if (dq > 0)
            items.add(plural(dq, "data-quality finding")
                    + " for revenue operations to correct in the CRM (see Data quality).");
        if (!rejected.isEmpty()) {
            items.add(plural(rejected.size(), "input row") + (rejected.size() == 1 ? " was" : " were")
                    + " unreadable and left out of the check (rejected.csv): fix at the source.");
        }
        if (items.isEmpty()) items.add("Nothing: every assessed item met the agreement.");
        return items;
    }

    private void teams(Summary s) {
        s.heading(2, "Teams");
        List<List<String>> rows = new ArrayList<>();
        for (TeamAccountability t : e.teams()) {
            if (t.clauses().isEmpty()) continue;
            rows.add(List.of(
                    t.team(), t.owner(), pct(t.compliance()), n(t.met()), n(t.violated()), n(t.open()), n(t.atRisk())));
        }
        s.table(List.of("Team", "Owner", "Compliance", "Met", "Violated", "Open", "At risk"), rows, TEAM_NUM);
    }

    private void clauses(Summary s) {
        s.heading(2, "Clauses");
        violationsChart(s);
        List<List<String>> rows = new ArrayList<>();
        for (Clause c : a.clauses()) {
            long[] n = new long[4];
            for (TeamAccountability t : e.teams()) {
                for (ClauseOutcome o : t.clauses()) {
                    if (o.clauseId().equals(c.id())) {
                        n[0] += o.met();
                        n[1] += o.violated();
                        n[2] += o.open();
                        n[3] += o.atRisk();
                    }
                }
            }
            Double comp = ClauseOutcome.compliance(n[0], n[1]);
            rows.add(List.of(
                    c.id(),
                    c.title(),
                    c.type(),
                    c.head().severity().key(),
                    n(n[0]),
                    n(n[1]),
                    n(n[2]),
                    n(n[3]),
                    pct(comp)));
        }
        s.table(
                List.of("Clause", "Title", "Type", "Severity", "Met", "Violated", "Open", "At risk", "Compliance"),
                rows,
                List.of(false, false, false, false, true, true, true, true, true));
    }

    /** Actual against target for every target, in funnel order (the stage a metric counts, then clause order). */
    private void funnel(Summary s) {
        List<Charts.Bar> bars = new ArrayList<>();
        List<String> words = new ArrayList<>();
        for (TargetResult t : e.targets()) {
            Clause.Target c = a.clause(t.clauseId())
                    .filter(Clause.Target.class::isInstance)
                    .map(Clause.Target.class::cast)
                    .orElse(null);
            if (c == null) continue;
            BigDecimal bound = bound(c.min(), t.subject());
            if (bound == null) bound = bound(c.max(), t.subject());
            if (bound == null) continue;
            String actual = t.actual().contains(" (")
                    ? t.actual().substring(0, t.actual().indexOf(" ("))
                    : t.actual();
            String label = t.clauseId() + " " + t.metric() + (t.subject().equals("all") ? "" : ", " + t.subject());
            bars.add(new Charts.Bar(label, t.value(), bound.doubleValue(), t.met(), actual, t.expected()));
            words.add(label + " " + actual + " against " + t.expected() + (t.met() ? " (met)" : " (missed)"));
        }
        if (bars.isEmpty()) return;
        s.add(new Summary.Chart(
                Charts.funnel("Targets: actual against target", bars),
                "Targets, actual against target: " + String.join("; ", words) + "."));
    }

    private static BigDecimal bound(Bound b, String subject) {
        return b == null ? null : b.forSubject(subject).orElse(null);
    }

    /** Compliance per team: earlier periods from the history the caller passes, then this one. */
    private void trend(Summary s) {
        List<Charts.Point> points = new ArrayList<>();
        for (SummaryTrend t : trend) {
            if (t.period().equals(e.period())) continue;
            t.teams().forEach((team, c) -> {
                if (c != null) points.add(new Charts.Point(t.period(), team, c));
            });
        }
        List<String> now = new ArrayList<>();
        for (TeamAccountability t : e.teams()) {
            Double c = t.compliance();
            if (c == null) continue;
            points.add(new Charts.Point(e.period(), t.team(), ratio(c)));
            now.add(t.team() + " " + pct(c));
        }
        if (now.isEmpty()) return;
        long periods = points.stream().map(Charts.Point::period).distinct().count();
        s.add(new Summary.Chart(
                Charts.trend("Compliance per team by period", points),
                "Compliance per team in " + e.period() + ": " + String.join(", ", now) + "."
                        + (periods < 2 ? " The trend starts when more periods are recorded." : "")));
    }

    /** Violations by clause, stacked by accountable team. */
    private void violationsChart(Summary s) {
        List<Charts.Count> counts = new ArrayList<>();
        Map<String, Long> totals = new LinkedHashMap<>();
        for (Clause c : a.clauses()) {
            for (TeamAccountability t : e.teams()) {
                for (ClauseOutcome o : t.clauses()) {
                    if (o.clauseId().equals(c.id()) && o.violated() > 0) {
                        counts.add(new Charts.Count(c.id(), t.team(), o.violated()));
                        totals.merge(c.id(), o.violated(), Long::sum);
                    }
                }
            }
        }
        if (counts.isEmpty()) return;
        List<String> words = new ArrayList<>();
        totals.forEach((id, n) -> words.add(id + " " + n));
        s.add(new Summary.Chart(
                Charts.violations("Violations by clause and team", counts),
                "Violations by clause: " + String.join(", ", words) + "."));
    }

    private void owners(Summary s) {
        Map<String, long[]> byOwner = new TreeMap<>();
        for (Violation v : e.violations()) {
            if (v.type().equals("data-quality")) continue;
            long[] c = byOwner.computeIfAbsent(accountable(v) + "\u0000" + v.team(), k -> new long[2]);
            c[0]++;
            if (v.severity() == Severity.CRITICAL) c[1]++;
        }
        if (byOwner.isEmpty()) return;
        s.heading(2, "Who must act");
        List<Map.Entry<String, long[]>> list = new ArrayList<>(byOwner.entrySet());
        list.sort(Comparator.comparing((Map.Entry<String, long[]> x) -> -x.getValue()[0])
                .thenComparing(x -> -x.getValue()[1])
                .thenComparing(Map.Entry::getKey));
        List<List<String>> rows = new ArrayList<>();
        for (var x : list.subList(0, Math.min(10, list.size()))) {
            String[] k = x.getKey().split("\u0000", 2);
            rows.add(List.of(k[0].isEmpty() ? "(no owner)" : k[0], k[1], n(x.getValue()[0]), n(x.getValue()[1])));
        }
        s.para(
                null,
                "The " + (rows.size() == 1 ? "person" : rows.size() + " people") + " with the most violations"
                        + (list.size() > 10 ? " (of " + list.size() + ")" : "")
                        + ": reps for the leads they own, team owners for their team's promises. violations.csv lists each violation.");
        s.table(List.of("Who", "Team", "Violations", "Critical"), rows, List.of(false, false, true, true));
    }

    /**
     * Who must act on a violation: the lead's owner when the clause holds each lead's own team to account
     * (owner: lead.team), else the owner of the accountable team. violations.csv keeps the lead's owner
     * for every lead-level clause.
     */
    private String accountable(Violation v) {
        boolean perLead =
                a.clause(v.clauseId()).map(c -> c.head().owner().isLeadTeam()).orElse(true);
        return perLead || a.ownerOf(v.team()) == null ? v.owner() : a.ownerOf(v.team());
    }

    private void dataQuality(Summary s) {
        Map<String, long[]> rules = new TreeMap<>();
        Map<String, String> titles = new TreeMap<>();
        for (Finding f : e.findings()) {
            rules.computeIfAbsent(f.checkId(), k -> new long[1])[0]++;
            titles.put(f.checkId(), f.title());
        }
        if (rules.isEmpty()) return;
        s.heading(2, "Data quality");
        s.para(null, "Findings for revenue operations: records that make the SLA figures unreliable until corrected.");
        List<List<String>> rows = new ArrayList<>();
        rules.forEach((id, c) -> rows.add(List.of(id, titles.get(id), n(c[0]))));
        s.table(List.of("Check", "Rule", "Leads"), rows, List.of(false, false, true));
    }

    private void inputs(Summary s) {
        s.heading(2, "Inputs");
        List<List<String>> rows = new ArrayList<>();
        for (InputFile f : run.inputs()) rows.add(List.of(f.path(), n(f.read()), n(f.accepted()), n(f.rejected())));
        s.table(List.of("File", "Rows read", "Accepted", "Rejected"), rows, List.of(false, true, true, true));
        if (e.leadsAfterAsOf() > 0) {
            s.para(
                    null,
                    e.leadsAfterAsOf() + " leads were created after the as-of time and are not part of this check.");
        }
    }

    static String plural(long n, String word) {
        return HumanFormat.integer(n) + " " + word + (n == 1 ? "" : "s");
    }

    /**
     * A share as accountability.json writes it (4 decimals, half up): the summary shows the number the
     * JSON holds, not a neighbour of it.
     */
    static BigDecimal ratioJson(double v) {
        return new BigDecimal(v).setScale(4, RoundingMode.HALF_UP);
    }

    static double ratio(double v) {
        return ratioJson(v).doubleValue();
    }

    private static String pct(Double v) {
        return v == null ? "n/a" : HumanFormat.percent(ratio(v));
    }

    private static String n(long v) {
        return HumanFormat.integer(v);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String capital(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
