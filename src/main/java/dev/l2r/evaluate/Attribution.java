package dev.l2r.evaluate;

import dev.l2r.model.Agreement;
import dev.l2r.model.Clause;
import dev.l2r.model.Metric;
import dev.l2r.model.Stage;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Which link of the funnel broke when a revenue, win or pipeline target misses, and whose it is
 * (docs/AGREEMENTS.md, "Attribution"). The missed metric is written as a product of the funnel's links in
 * order (wins = MQLs × MQL → SAL × SAL → SQO × win rate; revenue = wins × average selling price), each link
 * planned by the agreement's own target for it (its {@code min}) and measured by that target's result. Each
 * planned value is replaced by its actual one in funnel order; the change at each step is that link's share
 * of the shortfall, and the shares add up to the whole shortfall. Links without a target in the agreement
 * are carried as one factor, planned at what the missed target implies, and blamed on nobody. Follow-up and
 * handoff clauses are not links: their violations are evidence on the link they feed.
 *
 * <p>A pure function of the agreement and the evaluation: same inputs, same answer, in funnel order.
 */
public final class Attribution {

    /**
     * A missed revenue, win or pipeline target of one subject, and its links in funnel order.
     *
     * @param label the metric as people say it, with the subject when the target is measured per team or owner
     * @param planned the target's {@code min} for the subject
     * @param actual the measured value
     */
    public record Miss(String clauseId, String label, String team, double planned, double actual, List<Link> links) {
        public Miss {
            links = List.copyOf(links);
        }

        /** actual − planned: negative, and the sum of the links' shortfalls. */
        public double gap() {
            return actual - planned;
        }
    }

    /**
     * One link of the funnel.
     *
     * @param kind {@code volume}, {@code conversion}, {@code deal size}, or {@code other} (what the stage targets
     *     do not explain)
     * @param team the team of the target that plans the link, null when no target does (not blamed)
     * @param owner the person who answers for that team (or the rep of a per-owner target), null when none
     * @param planned the link's planned value (the target's {@code min}), null when the agreement has no target
     * @param actual the link's measured value (for a link without a target: what the missed metric implies)
     * @param shortfall the change this link made to the missed metric, in its units: negative when the link fell
     *     short of its plan
     * @param evidence follow-up and handoff violations that feed the link, "no target in the agreement" for a
     *     link without one; null when there is nothing to add
     */
    public record Link(
            String kind,
            String label,
            String team,
            String owner,
            Double planned,
            double actual,
            double shortfall,
            String evidence) {}

    public static final String VOLUME = "volume";
    public static final String CONVERSION = "conversion";
    public static final String DEAL_SIZE = "deal size";
    public static final String OTHER = "other";
    public static final String NO_TARGET = "no target in the agreement";

    /** The stages of the funnel, top to bottom; touch events, rejections and losses are not links. */
    static final List<Stage> FUNNEL = List.of(Stage.INQUIRY, Stage.MQL, Stage.SAL, Stage.SQO, Stage.WON);

    private static final MathContext MC = MathContext.DECIMAL128;

    private Attribution() {}

    /** Every missed revenue, win, win-rate, SQO or pipeline-coverage target explained, in the evaluation's order. */
    public static List<Miss> explain(Agreement a, Evaluation e) {
        List<Miss> misses = new ArrayList<>();
        for (TargetResult r : e.targets()) {
            if (r.met()) continue;
            if (!(a.clause(r.clauseId()).orElse(null) instanceof Clause.Target t)) continue;
            if (!explained(t.metric())) continue;
            BigDecimal min =
                    t.min() == null ? null : t.min().forSubject(r.subject()).orElse(null);
            if (min == null || r.value() >= min.doubleValue()) continue; // missed by its max: not a shortfall
            misses.add(miss(a, e, t, r, min));
        }
        return List.copyOf(misses);
    }

    private static boolean explained(Metric m) {
        return m instanceof Metric.Revenue
                || m instanceof Metric.WinRate
                || m instanceof Metric.PipelineCoverage
                || (m instanceof Metric.Count c && (c.stage() == Stage.WON || c.stage() == Stage.SQO));
    }

    /**
     * A factor of the product: a link planned by a target (target and result not null) or not (both null).
     * {@code lo}..{@code hi} is the part of the funnel it covers, for evidence: a follow-up from a stage, or a
     * handoff at a stage, in {@code [lo, hi)} feeds it.
     */
    private record Step(String kind, String label, Clause.Target target, TargetResult result, int lo, int hi) {
        boolean planned() {
            return target != null;
        }
    }

    private static Miss miss(Agreement a, Evaluation e, Clause.Target t, TargetResult r, BigDecimal min) {
        List<Step> steps = steps(a, e, t, r);
        List<Step> chain = mergeUnplanned(steps);
        BigDecimal planned = min;
        BigDecimal actual = BigDecimal.valueOf(r.value());

        // planned and actual value of each factor; the factor without a target takes what the missed target implies
        int k = chain.size();
        BigDecimal[] p = new BigDecimal[k];
        BigDecimal[] q = new BigDecimal[k];
        BigDecimal plannedKnown = BigDecimal.ONE;
        BigDecimal actualKnown = BigDecimal.ONE;
        for (int i = 0; i < k; i++) {
            Step s = chain.get(i);
            if (!s.planned()) continue;
            p[i] = s.target().min().forSubject(r.subject()).orElseThrow();
            q[i] = BigDecimal.valueOf(s.result().value());
            plannedKnown = plannedKnown.multiply(p[i]);
            actualKnown = actualKnown.multiply(q[i]);
        }
        for (int i = 0; i < k; i++) {
            if (chain.get(i).planned()) continue;
            BigDecimal impliedActual = actualKnown.signum() == 0 ? null : actual.divide(actualKnown, MC);
            BigDecimal impliedPlan = plannedKnown.signum() == 0 ? null : planned.divide(plannedKnown, MC);
            if (impliedActual == null && impliedPlan == null) impliedActual = impliedPlan = BigDecimal.ONE;
            q[i] = impliedActual == null ? impliedPlan : impliedActual;
            p[i] = impliedPlan == null ? impliedActual : impliedPlan;
        }

        // sequential substitution in funnel order
        BigDecimal[] current = p.clone();
        BigDecimal before = product(current);
        BigDecimal start = before;
        BigDecimal[] share = new BigDecimal[k];
        for (int i = 0; i < k; i++) {
            current[i] = q[i];
            BigDecimal after = product(current);
            share[i] = after.subtract(before);
            before = after;
        }
        // what the links do not explain: the stage targets multiply out to another plan than the missed target's,
        // or the measured stages to another value (cohorts that close in a later period, other segments)
        BigDecimal rest = actual.subtract(planned).subtract(before.subtract(start));
        double scale = Math.max(1, Math.max(Math.abs(planned.doubleValue()), Math.abs(actual.doubleValue())));
        boolean restMatters = Math.abs(rest.doubleValue()) > 1e-9 * scale;
        if (!restMatters && k > 0) share[k - 1] = share[k - 1].add(rest); // rounding of the implied factor only

        String subjectTeams = t.per() == Clause.Per.ALL ? null : r.team();
        List<Link> links = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            Step s = chain.get(i);
            String evidence = evidence(a, e, s, subjectTeams);
            if (!s.planned()) evidence = evidence == null ? NO_TARGET : NO_TARGET + "; " + evidence;
            String team = s.planned() ? s.result().team() : null;
            String owner = !s.planned()
                    ? null
                    : s.target().per() == Clause.Per.OWNER ? s.result().subject() : a.ownerOf(team);
            links.add(new Link(
                    s.kind(),
                    s.label(),
                    team,
                    owner,
                    s.planned() ? p[i].doubleValue() : null,
                    q[i].doubleValue(),
                    share[i].doubleValue(),
                    evidence));
        }
        if (restMatters) {
            links.add(new Link(
                    OTHER,
                    "not explained by the stage targets",
                    null,
                    null,
                    null,
                    before.doubleValue(),
                    rest.doubleValue(),
                    "the stage targets multiply out to " + HumanFormat.number(start.doubleValue(), 2)
                            + " planned and " + HumanFormat.number(before.doubleValue(), 2)
                            + " measured (leads that move on in another period, or other segments)"));
        }
        String label = t.metric().label() + (t.per() == Clause.Per.ALL ? "" : " (" + r.subject() + ")");
        return new Miss(t.id(), label, r.team(), min.doubleValue(), r.value(), links);
    }

    private static BigDecimal product(BigDecimal[] v) {
        BigDecimal x = BigDecimal.ONE;
        for (BigDecimal b : v) x = x.multiply(b);
        return x;
    }

    /** The funnel behind the missed metric, walked back from its last stage, top first. */
    private static List<Step> steps(Agreement a, Evaluation e, Clause.Target t, TargetResult r) {
        List<Step> steps = new ArrayList<>();
        Metric m = t.metric();
        if (m instanceof Metric.WinRate) {
            steps.add(new Step(CONVERSION, m.label(), t, r, idx(Stage.SQO), idx(Stage.WON)));
            return steps;
        }
        Stage end = m instanceof Metric.Revenue || m instanceof Metric.Count c && c.stage() == Stage.WON
                ? Stage.WON
                : Stage.SQO;
        // a count target of the last stage explains revenue or coverage, never itself
        boolean countAtEnd = m instanceof Metric.Revenue || m instanceof Metric.PipelineCoverage;
        Stage cur = end;
        boolean first = true;
        while (true) {
            if (!first || countAtEnd) {
                Step count = planned(a, e, t, r, new Metric.Count(cur));
                if (count != null) {
                    String kind = cur == Stage.INQUIRY || cur == Stage.MQL ? VOLUME : CONVERSION;
                    steps.add(0, withSpan(count, kind, 0, idx(cur)));
                    break;
                }
            }
            first = false;
            if (cur == FUNNEL.get(0)) {
                steps.add(0, new Step(VOLUME, cur.plural(), null, null, 0, 0));
                break;
            }
            Step conv = null;
            for (int i = idx(cur) - 1; i >= 0 && conv == null; i--) {
                conv = planned(a, e, t, r, new Metric.Conversion(FUNNEL.get(i), cur));
                if (conv != null) conv = withSpan(conv, CONVERSION, i, idx(cur));
            }
            if (conv == null && cur == Stage.WON) {
                conv = planned(a, e, t, r, new Metric.WinRate());
                if (conv != null) conv = withSpan(conv, CONVERSION, idx(Stage.SQO), idx(Stage.WON));
            }
            if (conv == null) {
                Stage prev = FUNNEL.get(idx(cur) - 1);
                String label = cur == Stage.WON ? "win rate" : new Metric.Conversion(prev, cur).label();
                conv = new Step(CONVERSION, label, null, null, idx(prev), idx(cur));
            }
            steps.add(0, conv);
            cur = FUNNEL.get(conv.lo());
        }
        if (m instanceof Metric.Revenue) {
            Step asp = planned(a, e, t, r, new Metric.AverageSellingPrice());
            steps.add(
                    asp != null
                            ? withSpan(asp, DEAL_SIZE, idx(Stage.WON), idx(Stage.WON))
                            : new Step(DEAL_SIZE, "average selling price", null, null, idx(Stage.WON), idx(Stage.WON)));
        }
        if (m instanceof Metric.PipelineCoverage) {
            steps.add(
                    new Step(DEAL_SIZE, "opportunity value against quota", null, null, idx(Stage.SQO), idx(Stage.SQO)));
        }
        return steps;
    }

    private static Step withSpan(Step s, String kind, int lo, int hi) {
        return new Step(kind, s.label(), s.target(), s.result(), lo, hi);
    }

    /**
     * The target of the agreement that plans {@code metric} for the missed target's subject: same segment
     * ({@code where}), a {@code min} for the subject and a result for it in the evaluation. Null when none.
     */
    private static Step planned(Agreement a, Evaluation e, Clause.Target missed, TargetResult r, Metric metric) {
        for (Clause c : a.clauses()) {
            if (!(c instanceof Clause.Target t) || t == missed || !t.metric().equals(metric)) continue;
            if (!t.head().where().equals(missed.head().where())) continue;
            if (t.min() == null || t.min().forSubject(r.subject()).isEmpty()) continue;
            for (TargetResult x : e.targets()) {
                if (x.clauseId().equals(t.id()) && x.subject().equals(r.subject())) {
                    return new Step(CONVERSION, metric.label(), t, x, 0, 0);
                }
            }
        }
        return null;
    }

    /**
     * Links without a target cannot be measured apart (only their product is known), so they become one
     * factor at the place of the first: the top of the funnel down to a stage is named by that stage's count
     * ("SQOs"), other links by their labels, joined with "and".
     */
    private static List<Step> mergeUnplanned(List<Step> steps) {
        List<Step> unplanned = steps.stream().filter(s -> !s.planned()).toList();
        if (unplanned.size() <= 1) return steps;
        int top = 0; // steps from the top of the funnel without a target
        while (top < steps.size()
                && !steps.get(top).planned()
                && !steps.get(top).kind().equals(DEAL_SIZE)) top++;
        List<String> labels = new ArrayList<>();
        if (top > 1) labels.add(FUNNEL.get(steps.get(top - 1).hi()).plural());
        for (int i = top > 1 ? top : 0; i < steps.size(); i++) {
            if (!steps.get(i).planned()) labels.add(steps.get(i).label());
        }
        int lo = unplanned.stream().mapToInt(Step::lo).min().orElse(0);
        int hi = unplanned.stream().mapToInt(Step::hi).max().orElse(0);
        Step merged =
                new Step(top > 1 ? VOLUME : unplanned.get(0).kind(), String.join(" and ", labels), null, null, lo, hi);
        List<Step> out = new ArrayList<>();
        boolean placed = false;
        for (Step s : steps) {
            if (s.planned()) out.add(s);
            else if (!placed) {
                out.add(merged);
                placed = true;
            }
        }
        return out;
    }

    /** Violations of the follow-up and handoff clauses that feed a link, per clause and team, with counts. */
    private static String evidence(Agreement a, Evaluation e, Step s, String onlyTeam) {
        List<String> parts = new ArrayList<>();
        for (Clause c : a.clauses()) {
            Stage at;
            if (c instanceof Clause.FollowUp f) at = f.from();
            else if (c instanceof Clause.Handoff h) at = h.at();
            else continue;
            int i = FUNNEL.indexOf(at);
            if (i < 0 || i < s.lo() || i >= s.hi()) continue;
            for (TeamAccountability team : e.teams()) {
                if (onlyTeam != null && !onlyTeam.equals(team.team())) continue;
                for (ClauseOutcome o : team.clauses()) {
                    if (!o.clauseId().equals(c.id()) || o.violated() == 0) continue;
                    String who = team.team() + (team.owner() == null ? "" : ", " + team.owner());
                    parts.add(HumanFormat.integer(o.violated()) + " " + what(c, o.violated()) + " (" + who + ")");
                }
            }
        }
        return parts.isEmpty() ? null : String.join("; ", parts);
    }

    /** "MQLs not contacted within 8 business hours", "MQLs failed the handoff criteria". */
    private static String what(Clause c, long n) {
        if (c instanceof Clause.Handoff h) {
            return (n == 1 ? h.at().label() : h.at().plural()) + " failed the handoff criteria";
        }
        Clause.FollowUp f = (Clause.FollowUp) c;
        String leads = n == 1 ? f.from().label() : f.from().plural();
        String within = " within " + f.within().text();
        if (f.to().equals(List.of(Stage.FIRST_TOUCH))) return leads + " not contacted" + within;
        if (f.to().contains(Stage.SAL) && f.to().contains(Stage.REJECTED))
            return leads + " not accepted or rejected" + within;
        if (f.to().contains(Stage.WON) && f.to().contains(Stage.LOST)) return leads + " not closed" + within;
        return leads + " without " + f.to().stream().map(Stage::label).collect(Collectors.joining(" or ")) + within;
    }

    private static int idx(Stage s) {
        return FUNNEL.indexOf(s);
    }
}
