package dev.l2r.report;

import dev.l2r.evaluate.Attribution;
import dev.l2r.evaluate.ClauseOutcome;
import dev.l2r.evaluate.Evaluation;
import dev.l2r.evaluate.Finding;
import dev.l2r.evaluate.HumanFormat;
import dev.l2r.evaluate.MetricCalculator;
import dev.l2r.evaluate.OpenItem;
import dev.l2r.evaluate.Pace;
import dev.l2r.evaluate.PersonAccountability;
import dev.l2r.evaluate.TargetResult;
import dev.l2r.evaluate.TeamAccountability;
import dev.l2r.evaluate.Verdict;
import dev.l2r.evaluate.Violation;
import dev.l2r.ingest.InputFile;
import dev.l2r.ingest.RejectedRow;
import dev.l2r.model.Agreement;
import dev.l2r.model.Bound;
import dev.l2r.model.Clause;
import dev.l2r.model.Metric;
import dev.l2r.model.Severity;
import dev.l2r.report.Summary.Cell;
import dev.l2r.report.Summary.Figure;
import dev.l2r.report.Summary.Tone;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The executive summary, read in 30 seconds: the verdict first (in words, icon and colour), compliance per
 * severity, the top three actions; then what needs attention and who must act, targets, teams, clauses,
 * people, data quality, the trend and the inputs. Every figure is one accountability.json or run.json
 * holds (rounded as they round), and the HTML marks the key ones with {@code data-key}.
 */
final class SummaryBuilder {

    private final RunInfo run;
    private final Evaluation e;
    private final List<RejectedRow> rejected;
    private final Agreement a;
    private final List<SummaryTrend> trend;

    SummaryBuilder(RunInfo run, Evaluation e, List<RejectedRow> rejected) {
        this(run, e, rejected, List.of());
    }

    /**
     * @param trend earlier periods of the same agreement, oldest first, as the run history recorded them;
     *     empty when there is no history (the chart then shows this period only)
     */
    SummaryBuilder(RunInfo run, Evaluation e, List<RejectedRow> rejected, List<SummaryTrend> trend) {
        this.run = run;
        this.e = e;
        this.rejected = rejected;
        this.a = run.agreement();
        this.trend = List.copyOf(trend);
    }

    /** This period as a point of the trend: verdict, compliance and each team's compliance. */
    private SummaryTrend now() {
        Map<String, Double> teams = new LinkedHashMap<>();
        for (TeamAccountability t : e.teams()) if (t.compliance() != null) teams.put(t.team(), ratio(t.compliance()));
        return new SummaryTrend(
                e.period(), e.verdict().key(), e.compliance() == null ? null : ratio(e.compliance()), teams);
    }

    /** The as-of time for people, in the agreement's zone: "Thu 1 Oct 2026, 00:00 EDT". */
    private String readableAsOf() {
        return HumanFormat.readable(OffsetDateTime.parse(e.asOf()).toInstant().toEpochMilli(), a.zone());
    }

    /** The pro-rated bound of a volume target in the metric's own format ("472 MQLs", "$1,250,000"). */
    private String paceText(TargetResult t) {
        return a.target(t.clauseId())
                .map(c -> MetricCalculator.format(c.metric(), t.paceValue(), a.currency()))
                .orElse(HumanFormat.number(t.paceValue(), 2));
    }

    /** A target's metric as people say it ("MQL → SAL conversion"). */
    private String label(TargetResult t) {
        return a.target(t.clauseId()).map(c -> c.metric().label()).orElse(t.metric());
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
                        + "), as of " + readableAsOf() + "."
                        + (e.isFinal()
                                ? ""
                                : " Mid-period: " + HumanFormat.percent(ratio(e.elapsed()))
                                        + " of the business days have passed, so targets are judged on pace and"
                                        + " rates are provisional."));
        headline(s);
        attention(s);
        targets(s);
        teams(s);
        clauses(s);
        people(s);
        dataQuality(s);
        trend(s);
        inputs(s);
        return s;
    }

    // --- headline: verdict, compliance per severity, top actions

    /** A clause (for one team) or a target (for one subject) that breached or is at risk, for the headline. */
    private record Trouble(Severity severity, Verdict verdict, boolean target, String clauseId, String text) {}

    /** Every breach and risk, worst first: verdict, severity, then agreement order. */
    private List<Trouble> troubles() {
        List<Trouble> out = new ArrayList<>();
        for (TargetResult t : e.targets()) {
            if (t.verdict() == Verdict.KEPT) continue;
            out.add(new Trouble(
                    t.severity(),
                    t.verdict(),
                    true,
                    t.clauseId(),
                    t.clauseId() + " " + label(t) + (t.subject().equals("all") ? "" : " for " + t.subject()) + " "
                            + shortActual(t) + " against " + t.expected()
                            + (t.pace() == Pace.BEHIND ? " (behind pace)" : "")));
        }
        // a lead-level clause once per verdict, naming each team it holds for
        for (Clause c : a.clauses()) {
            if (c instanceof Clause.Target) continue;
            for (Verdict level : List.of(Verdict.BREACHED, Verdict.AT_RISK)) {
                List<String> teams = new ArrayList<>();
                ClauseOutcome any = null;
                for (TeamAccountability t : e.teams()) {
                    for (ClauseOutcome o : t.clauses()) {
                        if (!o.clauseId().equals(c.id()) || o.verdict() != level) continue;
                        any = o;
                        teams.add(t.team() + " " + pct(o.compliance())
                                + (level == Verdict.AT_RISK ? " with " + n(o.atRisk()) + " at risk" : ""));
                    }
                }
                if (any == null) continue;
                out.add(new Trouble(
                        any.severity(),
                        level,
                        false,
                        c.id(),
                        c.id() + " for " + String.join(", ", teams) + " against "
                                + HumanFormat.percent(any.objective())));
            }
        }
        List<String> order = a.clauses().stream().map(Clause::id).toList();
        out.sort(Comparator.comparing((Trouble x) -> -x.verdict().ordinal())
                .thenComparing(Trouble::severity)
                .thenComparing(x -> !x.target())
                .thenComparing(x -> order.indexOf(x.clauseId())));
        return out;
    }

    /** At most this many groups (verdict, severity, kind) in the headline; the rest is in the tables. */
    private static final int HEADLINE_GROUPS = 3;

    private void headline(Summary s) {
        Verdict v = e.verdict();
        List<Trouble> all = troubles();
        String sentence;
        if (v == Verdict.KEPT && all.isEmpty()) {
            sentence = e.violated() == 0
                    ? "every clause and target met its objective."
                    : "every clause stayed within its objective.";
        } else {
            List<String> parts = new ArrayList<>();
            int groups = 0;
            for (Verdict level : List.of(Verdict.BREACHED, Verdict.AT_RISK)) {
                for (Severity sev : Severity.values()) {
                    for (boolean target : List.of(true, false)) {
                        List<Trouble> group = all.stream()
                                .filter(x -> x.verdict() == level && x.severity() == sev && x.target() == target)
                                .toList();
                        if (group.isEmpty()) continue;
                        if (++groups > HEADLINE_GROUPS) continue;
                        String what = target
                                ? plural(group.size(), sev.key() + " target")
                                        + (level == Verdict.BREACHED ? " missed" : " at risk")
                                : plural(group.size(), sev.key() + " clause")
                                        + (level == Verdict.BREACHED ? " below objective" : " at risk");
                        List<String> texts = group.stream().map(Trouble::text).toList();
                        parts.add(what + ": " + String.join("; ", texts.subList(0, Math.min(2, texts.size())))
                                + (texts.size() > 2 ? "; " + (texts.size() - 2) + " more" : ""));
                    }
                }
            }
            sentence = String.join(". ", parts) + "." + (groups > HEADLINE_GROUPS ? " More under Clauses." : "");
        }
        s.add(new Summary.Verdict(tone(v), capital(v.key()), sentence, "verdict", v.key()));

        List<Figure> figures = new ArrayList<>();
        figures.add(new Figure(
                "Compliance",
                pct(e.compliance()),
                n(e.met()) + " met of " + n(e.met() + e.violated()) + " decided",
                null,
                "compliance",
                json(e.compliance())));
        Map<Severity, long[]> bySev = severityCounts();
        for (Severity sev : Severity.values()) {
            long[] c = bySev.get(sev);
            if (c[0] + c[1] == 0) continue;
            Verdict worst = Verdict.KEPT;
            for (Trouble t : all) if (t.severity() == sev) worst = worst.worse(t.verdict());
            Double compliance = e.complianceBySeverity().get(sev); // what accountability.json writes
            figures.add(new Figure(
                    capital(sev.key()),
                    pct(compliance),
                    n(c[0]) + " met of " + n(c[0] + c[1]),
                    tone(worst),
                    "compliance_by_severity." + sev.key(),
                    json(compliance)));
        }
        long[] bySeverity = violationsBySeverity();
        figures.add(new Figure(
                "Violations",
                n(e.violations().size()),
                n(bySeverity[0]) + " critical, " + n(bySeverity[1]) + " major, " + n(bySeverity[2]) + " minor",
                null,
                "violations.total",
                Long.toString(e.violations().size())));
        // follow-ups, as open-items.csv lists them (a target at risk is in the headline, not here)
        long atRisk = e.openItems().stream().filter(OpenItem::atRisk).count();
        if (!e.openItems().isEmpty()) {
            figures.add(new Figure(
                    "Follow-ups at risk",
                    n(atRisk),
                    "of " + plural(e.openItems().size(), "open follow-up"),
                    atRisk > 0 ? Tone.AT_RISK : null,
                    null,
                    null));
        }
        s.add(new Summary.Figures(figures));
        s.para(
                "Why per severity:",
                "overall compliance counts every item alike, so one missed critical target hardly moves it; the"
                        + " Critical figure shows it.");
        List<SummaryTrend> earlier =
                trend.stream().filter(t -> !t.period().equals(e.period())).toList();
        if (!earlier.isEmpty()) s.para("Against the period before:", change(earlier.get(earlier.size() - 1), now()));
        List<String> actions = actions();
        if (!actions.isEmpty()) {
            s.heading(2, "Top actions");
            s.steps(actions);
        }
    }

    /** met and violated per severity over every team's clauses (targets count once per subject). */
    private Map<Severity, long[]> severityCounts() {
        Map<Severity, long[]> out = new java.util.EnumMap<>(Severity.class);
        for (Severity sev : Severity.values()) out.put(sev, new long[2]);
        for (TeamAccountability t : e.teams()) {
            for (ClauseOutcome o : t.clauses()) {
                long[] c = out.get(o.severity());
                c[0] += o.met();
                c[1] += o.violated();
            }
        }
        return out;
    }

    private long[] violationsBySeverity() {
        long[] out = new long[3];
        e.violationsBySeverity().forEach((s, n) -> out[s.ordinal()] = n);
        return out;
    }

    /**
     * A clause's violations as the summary needs them, gathered in one pass so that no list of them is kept:
     * how many, the first, who must act, who worked the leads, the teams; a target's violations (one per
     * subject) are kept for their texts.
     */
    private static final class ClauseGroup {
        final String clauseId;
        Violation first;
        long size;
        final Map<String, Long> accountable = new TreeMap<>();
        final Map<String, Long> owners = new TreeMap<>();
        final Map<String, Long> teams = new TreeMap<>();
        final List<Violation> targets = new ArrayList<>();

        ClauseGroup(String clauseId) {
            this.clauseId = clauseId;
        }

        void add(Violation v) {
            if (first == null) first = v;
            size++;
            accountable.merge(nz(v.accountable()), 1L, Long::sum);
            owners.merge(nz(v.owner()), 1L, Long::sum);
            teams.merge(nz(v.team()), 1L, Long::sum);
            if (v.type().equals("target")) targets.add(v);
        }

        Violation first() {
            return first;
        }
    }

    /** The groups, once built. */
    private List<ClauseGroup> groups;

    /** Violations grouped by clause, worst first: severity, then most violations, then agreement order. */
    private List<ClauseGroup> groups() {
        if (groups != null) return groups;
        Map<String, ClauseGroup> byClause = new LinkedHashMap<>();
        for (Clause c : a.clauses()) byClause.put(c.id(), new ClauseGroup(c.id()));
        for (Violation v : e.violations())
            byClause.computeIfAbsent(v.clauseId(), ClauseGroup::new).add(v);
        List<String> order = new ArrayList<>(byClause.keySet());
        groups = byClause.values().stream()
                .filter(g -> g.size > 0)
                .sorted(Comparator.comparing((ClauseGroup g) -> g.first().severity())
                        .thenComparing(g -> -g.size)
                        .thenComparing(g -> order.indexOf(g.clauseId)))
                .toList();
        return groups;
    }

    /** The three things to do first: who must act, on what, how many. */
    private List<String> actions() {
        List<String> out = new ArrayList<>();
        for (ClauseGroup g : groups()) {
            if (out.size() == 3) break;
            Violation first = g.first();
            Map<String, Long> who = g.accountable;
            String what = first.clauseId() + " " + first.clauseTitle() + " ("
                    + first.severity().key() + ", "
                    + (first.type().equals("target") ? shortText(g.targets) : plural(g.size, "violation"))
                    + "): ";
            out.add(what
                    + (who.size() == 1 ? who.keySet().iterator().next() : top(who, 3) + "; " + ownersOfTeams(g.teams))
                    + ".");
        }
        List<OpenItem> risk = e.openItems().stream().filter(OpenItem::atRisk).toList();
        if (out.size() < 3 && !risk.isEmpty()) {
            out.add(plural(risk.size(), "follow-up") + " at risk, to act on before the deadline (open-items.csv): "
                    + top(count(risk, OpenItem::owner), 3) + ".");
        }
        return out;
    }

    /** "team owner X" or "team owners X and Y" of the teams the violations count for. */
    private String ownersOfTeams(Map<String, Long> teams) {
        List<String> out = new ArrayList<>();
        for (String t : teams.keySet()) {
            String owner = a.ownerOf(t);
            out.add(owner == null || owner.isEmpty() ? t : owner);
        }
        return (out.size() == 1 ? "team owner " : "team owners ") + String.join(" and ", out);
    }

    private static String shortText(List<Violation> vs) {
        List<String> out = new ArrayList<>();
        for (Violation v : vs) {
            int i = v.actual().indexOf(" (");
            out.add(v.subject() + " " + (i < 0 ? v.actual() : v.actual().substring(0, i)) + " against " + v.expected());
        }
        return String.join("; ", out);
    }

    // --- what needs attention

    private void attention(Summary s) {
        s.heading(2, "What needs attention");
        List<String> items = new ArrayList<>();
        for (ClauseGroup g : groups()) {
            Violation first = g.first();
            String head = capital(first.severity().key()) + ": " + first.clauseId() + " " + first.clauseTitle() + ". ";
            Map<String, Long> accountable = g.accountable;
            String must = "Who must act: " + top(accountable, 5) + ".";
            if (first.type().equals("target")) {
                List<Violation> vs = g.targets;
                List<String> messages =
                        vs.stream().limit(3).map(Violation::message).toList();
                items.add(head + String.join(" ", messages)
                        + (vs.size() > 3 ? " (" + (vs.size() - 3) + " more in violations.csv.)" : "") + " " + must);
            } else {
                String text = head + plural(g.size, "violation") + ". " + must;
                Map<String, Long> workers = g.owners;
                if (!workers.equals(accountable)) text += " Reps who worked the leads: " + top(workers, 5) + ".";
                items.add(text);
            }
        }
        long atRisk = e.openItems().stream().filter(OpenItem::atRisk).count();
        if (atRisk > 0) {
            OpenItem next =
                    e.openItems().stream().filter(OpenItem::atRisk).findFirst().orElseThrow();
            items.add(plural(atRisk, "follow-up") + (atRisk == 1 ? " is" : " are")
                    + " at risk: act before the deadline (open-items.csv); the first is lead " + next.leadId() + " ("
                    + next.team() + ", " + next.owner() + ") by "
                    + HumanFormat.readable(next.deadlineMillis(), a.zoneOf(next.team())) + ".");
        }
        if (!e.findings().isEmpty())
            items.add(plural(e.findings().size(), "data-quality finding")
                    + " for revenue operations to correct in the CRM (see Data quality; not counted in compliance).");
        if (!rejected.isEmpty()) {
            items.add(plural(rejected.size(), "input row") + (rejected.size() == 1 ? " was" : " were")
                    + " unreadable and left out of the check (rejected.csv): fix at the source.");
        }
        if (items.isEmpty()) items.add("Nothing: every assessed item met the agreement.");
        s.bullets(items);
    }

    // --- targets

    private void targets(Summary s) {
        if (e.targets().isEmpty()) return;
        s.heading(2, "Targets");
        funnel(s);
        List<List<Cell>> rows = new ArrayList<>();
        for (TargetResult t : e.targets()) {
            String key = "target:" + t.clauseId() + ":" + t.subject();
            String pace = t.pace().key() + (t.paceValue() == null ? "" : " (" + paceText(t) + " by now)");
            rows.add(List.of(
                    Cell.of(t.clauseId() + " " + t.title()),
                    Cell.of(t.subject()),
                    Cell.of(t.team()),
                    Cell.of(t.expected()),
                    new Cell(t.actual(), null, key + ":value", json6(t.value())),
                    Cell.of(pace),
                    new Cell(
                            t.verdict().key(),
                            tone(t.verdict()),
                            key + ":verdict",
                            t.verdict().key())));
        }
        s.cells(
                List.of("Target", "Subject", "Accountable", "Expected", "Actual", "Pace", "Verdict"),
                rows,
                List.of(false, false, false, false, false, false, false));
        attribution(s);
    }

    /**
     * Which link of the funnel broke, for each missed revenue, win or pipeline target: each link's plan from the
     * agreement's own targets, what it did, and its share of the shortfall (accountability.json "attribution").
     */
    private void attribution(Summary s) {
        List<Attribution.Miss> misses = Attribution.explain(a, e);
        if (misses.isEmpty()) return;
        s.heading(3, "Why targets were missed");
        for (Attribution.Miss m : misses) {
            Metric metric = a.target(m.clauseId()).orElseThrow().metric();
            s.para(
                    m.clauseId() + " " + m.label() + ":",
                    MetricCalculator.format(metric, m.actual(), a.currency()) + " against "
                            + MetricCalculator.format(metric, m.planned(), a.currency()) + " planned, short by "
                            + MetricCalculator.formatGap(metric, -m.gap(), a.currency())
                            + ". Each link of the funnel below changed it by its share, in funnel order; the shares"
                            + " add up to the shortfall.");
            List<List<Cell>> rows = new ArrayList<>();
            for (Attribution.Link l : m.links()) {
                String whose = l.team() == null
                        ? "nobody (no target)"
                        : l.team() + (l.owner() == null ? "" : ", " + l.owner());
                rows.add(List.of(
                        Cell.of(l.label()),
                        Cell.of(l.kind()),
                        Cell.of(whose),
                        Cell.of(l.planned() == null ? "—" : linkValue(l.kind(), l.planned())),
                        Cell.of(l.planned() == null ? "—" : linkValue(l.kind(), l.actual())),
                        Cell.of((l.shortfall() > 0 ? "+" : l.shortfall() < 0 ? "−" : "")
                                + MetricCalculator.formatGap(metric, Math.abs(l.shortfall()), a.currency())),
                        Cell.of(l.evidence() == null ? "" : l.evidence())));
            }
            s.cells(
                    List.of("Link", "Kind", "Whose", "Planned", "Actual", "Effect on " + m.label(), "Evidence"),
                    rows,
                    List.of(false, false, false, true, true, true, false));
        }
    }

    /** A link's own value: a volume as a count, a conversion as a share, a deal size in the currency. */
    private String linkValue(String kind, double v) {
        return switch (kind) {
            case Attribution.VOLUME -> HumanFormat.integer(v);
            case Attribution.CONVERSION -> HumanFormat.percent(v);
            case Attribution.DEAL_SIZE -> HumanFormat.money(v, a.currency());
            default -> HumanFormat.number(v, 2);
        };
    }

    /** Actual against target for every target, in agreement order. */
    private void funnel(Summary s) {
        List<Charts.Bar> bars = new ArrayList<>();
        List<String> words = new ArrayList<>();
        List<TargetResult> ordered = new ArrayList<>(e.targets());
        ordered.sort(Comparator.comparingInt(this::funnelRank)); // stable: agreement order within a stage
        for (TargetResult t : ordered) {
            Clause.Target c = a.target(t.clauseId()).orElse(null);
            if (c == null) continue;
            BigDecimal bound = bound(c.min(), t.subject());
            if (bound == null) bound = bound(c.max(), t.subject());
            if (bound == null) continue;
            String label = t.clauseId() + " " + label(t) + (t.subject().equals("all") ? "" : ", " + t.subject());
            // mid-period a volume target is held to its pro-rated bound: the tick shows where it should be by now
            double tick = t.paceValue() == null ? bound.doubleValue() : t.paceValue();
            String expected = t.paceValue() == null
                    ? t.expected()
                    : HumanFormat.trim(t.paceValue(), 2) + " by now (" + t.expected() + ")";
            bars.add(new Charts.Bar(label, t.value(), tick, t.verdict() == Verdict.KEPT, shortActual(t), expected));
            words.add(label + " " + shortActual(t) + " against " + expected + " ("
                    + t.verdict().key()
                    + (t.pace() == Pace.FINAL ? "" : ", " + t.pace().key()) + ")");
        }
        if (bars.isEmpty()) return;
        s.add(new Summary.Chart(
                Charts.funnel("Targets: actual against target", bars),
                "Targets, actual against target: " + String.join("; ", words) + ".",
                "Each bar is a target's actual on its own scale; the black tick is the target (mid-period, where a"
                        + " volume target should be by now). A solid bar with ✓ is met or on track; a hatched bar"
                        + " with ✗ is missed or at risk."));
    }

    /** Where a target's metric sits in the funnel: a stage's count, then conversions from it; others last. */
    private int funnelRank(TargetResult t) {
        Metric m = a.target(t.clauseId()).map(Clause.Target::metric).orElse(null);
        if (m instanceof Metric.Count c) return 2 * c.stage().ordinal();
        if (m instanceof Metric.Conversion c) return 2 * c.from().ordinal() + 1;
        return Integer.MAX_VALUE;
    }

    private static BigDecimal bound(Bound b, String subject) {
        return b == null ? null : b.forSubject(subject).orElse(null);
    }

    private static String shortActual(TargetResult t) {
        int i = t.actual().indexOf(" (");
        return i < 0 ? t.actual() : t.actual().substring(0, i);
    }

    // --- teams and clauses

    private void teams(Summary s) {
        s.heading(2, "Teams");
        List<List<Cell>> rows = new ArrayList<>();
        for (TeamAccountability t : e.teams()) {
            if (t.clauses().isEmpty()) continue;
            String k = "team:" + t.team() + ":";
            ClauseOutcome tightest = t.clauses().stream()
                    .filter(o -> !o.type().equals("target") && o.met() + o.violated() > 0)
                    .min(Comparator.comparingLong(ClauseOutcome::missesLeft))
                    .orElse(null);
            rows.add(List.of(
                    Cell.of(t.team()),
                    Cell.of(nz(t.owner())),
                    new Cell(
                            t.verdict().key(),
                            tone(t.verdict()),
                            k + "verdict",
                            t.verdict().key()),
                    new Cell(pct(t.compliance()), null, k + "compliance", json(t.compliance())),
                    new Cell(n(t.met()), null, k + "met", Long.toString(t.met())),
                    new Cell(n(t.violated()), null, k + "violated", Long.toString(t.violated())),
                    new Cell(n(t.open()), null, k + "open", Long.toString(t.open())),
                    new Cell(n(t.atRisk()), null, k + "at_risk", Long.toString(t.atRisk())),
                    Cell.of(tightest == null ? "—" : tightest.clauseId() + ": " + misses(tightest))));
        }
        s.cells(
                List.of(
                        "Team",
                        "Owner",
                        "Verdict",
                        "Compliance",
                        "Met",
                        "Violated",
                        "Open",
                        "At risk",
                        "Fewest misses left"),
                rows,
                List.of(false, false, false, true, true, true, true, true, false));
    }

    private static String misses(ClauseOutcome o) {
        long left = o.missesLeft();
        return left < 0 ? n(-left) + " over" : n(left) + " left";
    }

    private void clauses(Summary s) {
        s.heading(2, "Clauses");
        violationsChart(s);
        s.para(
                null,
                "Compliance against each clause's objective, per accountable team; misses left is how many more"
                        + " violations the objective allows this period.");
        List<List<Cell>> rows = new ArrayList<>();
        for (Clause c : a.clauses()) {
            for (TeamAccountability t : e.teams()) {
                for (ClauseOutcome o : t.clauses()) {
                    if (!o.clauseId().equals(c.id())) continue;
                    String k = "team:" + t.team() + ":clause:" + c.id() + ":";
                    boolean target = o.type().equals("target");
                    rows.add(List.of(
                            Cell.of(c.id() + " (" + o.severity().key() + ") " + c.title()),
                            Cell.of(t.team()),
                            new Cell(
                                    o.verdict().key(),
                                    tone(o.verdict()),
                                    k + "verdict",
                                    o.verdict().key()),
                            new Cell(n(o.met()), null, k + "met", Long.toString(o.met())),
                            new Cell(n(o.violated()), null, k + "violated", Long.toString(o.violated())),
                            Cell.of(n(o.open() + o.atRisk())),
                            new Cell(pct(o.compliance()), null, k + "compliance", json(o.compliance())),
                            Cell.of(target ? "—" : HumanFormat.percent(o.objective())),
                            target || o.met() + o.violated() == 0
                                    ? Cell.of("—")
                                    : new Cell(misses(o), null, k + "misses_left", Long.toString(o.missesLeft()))));
                }
            }
        }
        s.cells(
                List.of(
                        "Clause (severity)",
                        "Team",
                        "Verdict",
                        "Met",
                        "Violated",
                        "Open",
                        "Compliance",
                        "Objective",
                        "Misses left"),
                rows,
                List.of(false, false, false, true, true, true, true, true, true));
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
                "Violations by clause: " + String.join(", ", words) + " (by team in the table below).",
                "One bar per clause, split by accountable team (colour and pattern, named in the legend); all bars"
                        + " on one scale."));
    }

    // --- people

    private void people(Summary s) {
        List<PersonAccountability> list = e.people().stream()
                .filter(p -> p.violated() > 0 || p.atRisk() > 0)
                .sorted(Comparator.comparingLong((PersonAccountability p) -> -p.violated())
                        .thenComparingLong(p -> -p.critical())
                        .thenComparing(PersonAccountability::person))
                .toList();
        if (list.isEmpty()) return;
        s.heading(2, "People");
        int shown = Math.min(10, list.size());
        s.para(
                null,
                "The " + (shown == 1 ? "person" : shown + " people") + " with the most violations"
                        + (list.size() > shown ? " (of " + list.size() + ")" : "")
                        + ", each counted where they must act: reps for the leads they own, team owners for their"
                        + " team's promises and targets. violations.csv lists each violation.");
        List<List<Cell>> rows = new ArrayList<>();
        for (PersonAccountability p : list.subList(0, shown)) {
            String k = "person:" + p.person() + ":";
            rows.add(List.of(
                    Cell.of(p.person().isEmpty() ? "(no owner)" : p.person()),
                    Cell.of(nz(p.team())),
                    new Cell(n(p.violated()), null, k + "violated", Long.toString(p.violated())),
                    new Cell(n(p.critical()), null, k + "critical", Long.toString(p.critical())),
                    Cell.of(n(p.met())),
                    Cell.of(pct(p.compliance())),
                    Cell.of(n(p.atRisk()))));
        }
        s.cells(
                List.of("Who", "Team", "Violations", "Critical", "Met", "Compliance", "At risk"),
                rows,
                List.of(false, false, true, true, true, true, true));
    }

    // --- data quality, trend, inputs

    private void dataQuality(Summary s) {
        if (e.findings().isEmpty() && e.findingsOutOfScope() == 0) return;
        s.heading(2, "Data quality");
        s.para(
                null,
                "Findings for revenue operations (data-quality.csv): records that make the SLA figures unreliable"
                        + " until corrected. They are not violations and do not count in compliance.");
        Map<String, long[]> checks = new TreeMap<>();
        Map<String, String> titles = new TreeMap<>();
        for (Finding f : e.findings()) {
            checks.computeIfAbsent(f.checkId(), k -> new long[1])[0]++;
            titles.put(f.checkId(), f.title());
        }
        List<List<String>> rows = new ArrayList<>();
        checks.forEach((id, c) -> rows.add(List.of(id, titles.get(id), n(c[0]))));
        if (!rows.isEmpty()) s.table(List.of("Check", "Rule", "Leads"), rows, List.of(false, false, true));
        if (e.findingsOutOfScope() > 0)
            s.para(
                    null,
                    plural(e.findingsOutOfScope(), "more finding")
                            + " on leads no clause covers: counted, not listed.");
    }

    /**
     * Compliance per team: earlier periods from the history the caller passes, then this one; with history
     * a table holds every number the chart draws.
     */
    private void trend(Summary s) {
        List<SummaryTrend> earlier =
                trend.stream().filter(t -> !t.period().equals(e.period())).toList();
        List<String> teams = new ArrayList<>();
        for (TeamAccountability t : e.teams()) if (t.compliance() != null) teams.add(t.team());
        for (SummaryTrend t : earlier)
            t.teams().forEach((team, c) -> {
                if (c != null && !teams.contains(team)) teams.add(team);
            });
        if (teams.isEmpty()) return;
        Map<String, Double> current = new LinkedHashMap<>();
        for (TeamAccountability t : e.teams()) if (t.compliance() != null) current.put(t.team(), ratio(t.compliance()));
        List<SummaryTrend> all = new ArrayList<>(earlier);
        all.add(now());
        List<Charts.Point> points = new ArrayList<>();
        for (SummaryTrend t : all) {
            for (String team : teams) {
                Double c = t.teams().get(team);
                if (c != null) points.add(new Charts.Point(t.period(), team, c));
            }
        }
        s.heading(2, "Trend");
        List<String> now = new ArrayList<>();
        current.forEach((team, c) -> now.add(team + " " + pct(c)));
        s.add(new Summary.Chart(
                Charts.trend("Compliance per team by period", points),
                earlier.isEmpty()
                        ? "Compliance per team in " + e.period() + ": " + String.join(", ", now)
                                + ". The trend starts when more periods are recorded."
                        : "Compliance per team over " + plural(all.size(), "period") + ", as in the table."));
        if (earlier.isEmpty()) return;
        s.para(null, change(earlier.get(earlier.size() - 1), all.get(all.size() - 1)));
        List<String> header = new ArrayList<>(List.of("Period", "Verdict", "Compliance"));
        header.addAll(teams);
        List<List<Cell>> rows = new ArrayList<>();
        for (SummaryTrend t : all) {
            List<Cell> row = new ArrayList<>(List.of(
                    Cell.of(t.period()),
                    new Cell(t.verdict(), toneOf(t.verdict()), null, null),
                    Cell.of(pct(t.compliance()))));
            for (String team : teams) row.add(Cell.of(pct(t.teams().get(team))));
            rows.add(row);
        }
        List<Boolean> numeric = new ArrayList<>(List.of(false, false, true));
        teams.forEach(x -> numeric.add(true));
        s.cells(header, rows, numeric);
    }

    /**
     * The change against the period before, in one sentence: "Compliance 93.1%, down 1.3 points on 2026-08
     * (94.4%); verdict breached (was breached)." Points are computed from the rounded percentages shown.
     */
    static String change(SummaryTrend previous, SummaryTrend now) {
        StringBuilder b = new StringBuilder("Compliance ").append(pct(now.compliance()));
        if (now.compliance() != null && previous.compliance() != null) {
            BigDecimal delta = BigDecimal.valueOf(now.compliance() * 100)
                    .setScale(1, RoundingMode.HALF_UP)
                    .subtract(BigDecimal.valueOf(previous.compliance() * 100).setScale(1, RoundingMode.HALF_UP));
            b.append(
                    delta.signum() == 0
                            ? ", unchanged on "
                            : (delta.signum() > 0 ? ", up " : ", down ")
                                    + delta.abs().toPlainString() + " points on ");
        } else {
            b.append("; ");
        }
        b.append(previous.period())
                .append(" (")
                .append(pct(previous.compliance()))
                .append("); verdict ");
        b.append(now.verdict()).append(" (was ").append(previous.verdict()).append(").");
        return b.toString();
    }

    private static Tone toneOf(String verdictKey) {
        for (Verdict v : Verdict.values()) if (v.key().equals(verdictKey)) return tone(v);
        return Tone.NEUTRAL;
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

    // --- helpers

    private static <T> Map<String, Long> count(List<T> items, java.util.function.Function<T, String> key) {
        Map<String, Long> out = new TreeMap<>();
        for (T x : items) out.merge(nz(key.apply(x)), 1L, Long::sum);
        return out;
    }

    /** "A (3), B (2), C (1)" by count then name, at most {@code max} named and "k more"; one name alone. */
    private static String top(Map<String, Long> counts, int max) {
        List<Map.Entry<String, Long>> list = new ArrayList<>(counts.entrySet());
        list.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        if (list.size() == 1)
            return list.get(0).getKey().isEmpty() ? "(no owner)" : list.get(0).getKey();
        List<String> out = new ArrayList<>();
        for (var x : list.subList(0, Math.min(max, list.size())))
            out.add((x.getKey().isEmpty() ? "(no owner)" : x.getKey()) + " (" + n(x.getValue()) + ")");
        return String.join(", ", out) + (list.size() > max ? " and " + (list.size() - max) + " more" : "");
    }

    private static Tone tone(Verdict v) {
        return switch (v) {
            case KEPT -> Tone.KEPT;
            case AT_RISK -> Tone.AT_RISK;
            case BREACHED -> Tone.BREACHED;
        };
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

    /** The JSON text of a share as accountability.json writes it, or "null". */
    private static String json(Double v) {
        return v == null ? "null" : ratioJson(v).toPlainString();
    }

    /** A target's value as accountability.json writes it (6 decimals, no trailing zeros). */
    private static String json6(double v) {
        return BigDecimal.valueOf(v)
                .setScale(6, RoundingMode.HALF_UP)
                .stripTrailingZeros()
                .toPlainString();
    }

    static String plural(long n, String word) {
        return plural(n, word, word + "s");
    }

    static String plural(long n, String one, String many) {
        return HumanFormat.integer(n) + " " + (n == 1 ? one : many);
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
