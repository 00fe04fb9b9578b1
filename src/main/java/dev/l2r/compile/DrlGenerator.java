package dev.l2r.compile;

import dev.l2r.Version;
import dev.l2r.facts.ValueSet;
import dev.l2r.model.Agreement;
import dev.l2r.model.Bound;
import dev.l2r.model.Clause;
import dev.l2r.model.Condition;
import dev.l2r.model.Stage;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compiles an agreement into DRL text: a small group of rules per clause, named after the agreement
 * and the clause, with {@code @sla}/{@code @clause}/{@code @outcome} metadata. The output depends on
 * the agreement only, so it is the same byte for byte on every run. No free text of the agreement
 * (titles, owners) enters the DRL; values used in constraints go through {@link DrlLiterals}, and long
 * value lists do not enter it at all: rules look them up in the {@link ValueSet} facts of {@link #valueSets}.
 */
public final class DrlGenerator {

    private final Agreement a;
    private final StringBuilder out = new StringBuilder();

    private DrlGenerator(Agreement a) {
        this.a = a;
    }

    /**
     * The DRL package of an agreement's generated rules: "a_" before the id, so that ids such as
     * "2026-plan" or "class" still make a valid package name.
     */
    public static String packageOf(Agreement a) {
        return "l2r.sla.a_" + a.id().replace('-', '_');
    }

    /** The agreement's file name as it may appear in a comment: printable ASCII only. */
    private static String safeName(String source) {
        StringBuilder b = new StringBuilder();
        for (char c : source.toCharArray()) b.append(c >= 0x20 && c < 0x7f ? c : '?');
        return b.toString();
    }

    public static String generate(Agreement a) {
        return new DrlGenerator(a).render();
    }

    /**
     * The value sets the generated rules of an agreement look up (lists longer than
     * {@link ValueSet#INLINE_MAX}), to be inserted into every session that runs them; empty for most agreements.
     */
    public static List<ValueSet> valueSets(Agreement a) {
        List<ValueSet> out = new ArrayList<>();
        setValues(a).forEach((key, values) -> out.add(ValueSet.of(key, values)));
        return out;
    }

    /** The values of each long list by value-set key, in clause order. */
    private static Map<String, List<?>> setValues(Agreement a) {
        Map<String, List<?>> out = new LinkedHashMap<>();
        for (Clause c : a.clauses()) {
            listed(out, c.id(), "where", c.head().where());
            if (c instanceof Clause.Handoff h) listed(out, c.id(), "require", h.require());
            if (c instanceof Clause.Rejection r && r.reasons().size() > ValueSet.INLINE_MAX) {
                out.put(ConditionDrl.key(c.id(), "reasons", 0), r.reasons());
            }
        }
        return out;
    }

    private static void listed(Map<String, List<?>> out, String clauseId, String list, List<Condition> conditions) {
        for (int i = 0; i < conditions.size(); i++) {
            if (ConditionDrl.bySet(conditions.get(i)))
                out.put(ConditionDrl.key(clauseId, list, i), conditions.get(i).values());
        }
    }

    /**
     * Probe rules, for explaining one lead: one rule per {@code where} condition of each clause, matching the
     * leads for which that condition holds ({@code @clause}, {@code @condition} counted from 1). They say,
     * with the same constraints the clause rules use, which condition keeps a lead out of a segment.
     */
    public static String probes(Agreement a) {
        DrlGenerator g = new DrlGenerator(a);
        g.line("// Probes of agreement " + a.id() + ": each where condition on its own (l2r explain).");
        g.line("package " + packageOf(a) + "_probes;");
        g.line("");
        g.line("import dev.l2r.facts.Lead;");
        if (!setValues(a).isEmpty()) g.line("import dev.l2r.facts.ValueSet;");
        g.line("");
        g.line("global dev.l2r.facts.SlaSink sla;");
        for (Clause c : a.clauses()) {
            List<Condition> where = c.head().where();
            for (int i = 0; i < where.size(); i++) {
                ConditionDrl.Sets sets = new ConditionDrl.Sets();
                String constraint =
                        ConditionDrl.constraint(where.get(i), "", ConditionDrl.key(c.id(), "where", i), sets);
                g.line("rule " + DrlLiterals.string(a.id() + " " + c.id() + ": where " + (i + 1) + " holds"));
                g.line("    @clause(" + id(c) + ") @condition(" + (i + 1) + ")");
                g.line("when");
                for (String pattern : with(sets, List.of("$l : Lead( " + constraint + " )"))) g.line("    " + pattern);
                g.line("then");
                g.line("    sla.decide(kcontext, $l);");
                g.line("end");
            }
        }
        return g.out.toString();
    }

    private String render() {
        line("// Generated from " + safeName(a.source()) + " (agreement " + a.id() + ") by l2r " + Version.VERSION
                + ".");
        line("// Do not edit: change the agreement and run `l2r compile` again. Hand-written rules belong in rules/.");
        line("// Calendar math (deadlines, business hours) is done in Java before facts are inserted; these rules");
        line("// decide which leads each clause covers and whether each item meets it. Each rule's metadata says what");
        line("// it decides (@clause, @outcome, @requirement); its consequence hands the matched fact to sla.decide.");
        line("package " + packageOf(a) + ";");
        line("");
        line("import dev.l2r.facts.Lead;");
        line("import dev.l2r.facts.PeriodWindow;");
        line("import dev.l2r.facts.FollowUpItem;");
        line("import dev.l2r.facts.Measurement;");
        if (!setValues(a).isEmpty()) line("import dev.l2r.facts.ValueSet;");
        line("");
        line("global dev.l2r.facts.SlaSink sla;");
        for (Clause c : a.clauses()) {
            line("");
            line("// ---- " + c.id() + " (" + c.type() + ", " + safeName(a.source()) + " line "
                    + c.head().line() + ")");
            if (c instanceof Clause.Target t) target(t);
            else if (c instanceof Clause.FollowUp f) followUp(f);
            else if (c instanceof Clause.Handoff h) handoff(h);
            else if (c instanceof Clause.Rejection r) rejection(r);
            else ruleClause((Clause.Rule) c);
        }
        return out.toString();
    }

    private void target(Clause.Target t) {
        if (!t.head().where().isEmpty()) {
            ConditionDrl.Sets sets = new ConditionDrl.Sets();
            String lead = "$l : Lead( " + ConditionDrl.all(t.head().where(), "", t.id(), "where", sets) + " )";
            rule(t, "segment", with(sets, List.of(lead)), "$l");
        } else {
            line("// " + t.id() + " measures every lead of the period (no where).");
        }
        Set<String> keyed = new LinkedHashSet<>();
        for (Bound b : new Bound[] {t.min(), t.max()}) {
            if (b != null && b.perTeam() != null) keyed.addAll(b.perTeam().keySet());
        }
        for (String team : keyed) {
            comparison(
                    t,
                    (t.per() == Clause.Per.OWNER ? "owner " : "team ") + team,
                    "subject == " + DrlLiterals.string(team),
                    bound(t.min(), team),
                    bound(t.max(), team));
        }
        BigDecimal min = t.min() == null ? null : t.min().all();
        BigDecimal max = t.max() == null ? null : t.max().all();
        if (min != null || max != null) {
            String subject;
            if (!t.perSubject()) subject = "subject == \"all\"";
            else if (keyed.isEmpty()) subject = null;
            else subject = "subject not in (" + DrlLiterals.strings(List.copyOf(keyed)) + ")";
            comparison(
                    t,
                    t.per() == Clause.Per.TEAM ? "each team" : t.per() == Clause.Per.OWNER ? "each owner" : "all",
                    subject,
                    min,
                    max);
        }
    }

    private static BigDecimal bound(Bound b, String team) {
        return b == null ? null : b.forSubject(team).orElse(null);
    }

    private void comparison(Clause.Target t, String label, String subject, BigDecimal min, BigDecimal max) {
        if (min == null && max == null) return;
        List<String> within = new ArrayList<>();
        List<String> outside = new ArrayList<>();
        if (min != null) {
            within.add("value >= " + DrlLiterals.number(min));
            outside.add("value < " + DrlLiterals.number(min));
        }
        if (max != null) {
            within.add("value <= " + DrlLiterals.number(max));
            outside.add("value > " + DrlLiterals.number(max));
        }
        String head = "$m : Measurement( clause == " + id(t) + (subject == null ? "" : ", " + subject);
        rule(t, "met (" + label + ")", List.of(head + ", " + String.join(", ", within) + " )"), "$m");
        rule(t, "violated (" + label + ")", List.of(head + ", " + String.join(" || ", outside) + " )"), "$m");
    }

    private void followUp(Clause.FollowUp f) {
        ConditionDrl.Sets sets = new ConditionDrl.Sets();
        String where = f.head().where().isEmpty()
                ? ""
                : ConditionDrl.all(f.head().where(), "lead.", f.id(), "where", sets) + ", ";
        String item = "$f : FollowUpItem( clause == " + id(f) + ", " + where;
        String[][] cases = {
            {"met", "stop != null, stop <= deadline"},
            {"late", "stop != null, stop > deadline"},
            {"missed", "stop == null, deadline <= asOf"},
            {"at_risk", "stop == null, deadline > asOf, riskAt <= asOf"},
            {"open", "stop == null, deadline > asOf, riskAt > asOf"},
        };
        for (String[] c : cases) {
            rule(f, c[0], with(sets, List.of(item + c[1] + " )")), "$f");
        }
    }

    private void handoff(Clause.Handoff h) {
        ConditionDrl.Sets sets = new ConditionDrl.Sets();
        String scope = inPeriod(h.at()) + where(h, sets);
        String all = ConditionDrl.all(h.require(), "", h.id(), "require", sets);
        rule(h, "met", withPeriod(sets, "$l : Lead( " + scope + ", " + all + " )"), "$l");
        // one rule per requirement, so that each rule says which requirement a lead missed
        for (int i = 0; i < h.require().size(); i++) {
            ConditionDrl.Sets own = new ConditionDrl.Sets();
            String ownScope = inPeriod(h.at()) + where(h, own);
            String req = ConditionDrl.constraint(h.require().get(i), "", ConditionDrl.key(h.id(), "require", i), own);
            rule(
                    h,
                    "requirement " + (i + 1) + " missed",
                    "violated",
                    i + 1,
                    withPeriod(own, "$l : Lead( " + ownScope + ", !( " + req + " ) )"),
                    "$l");
        }
    }

    private void rejection(Clause.Rejection r) {
        ConditionDrl.Sets sets = new ConditionDrl.Sets();
        String scope = inPeriod(Stage.REJECTED) + where(r, sets);
        String in;
        String notIn;
        if (r.reasons().size() > ValueSet.INLINE_MAX) {
            String set = sets.bind(ConditionDrl.key(r.id(), "reasons", 0));
            in = "rejectionReason != null && " + set + ".contains(rejectionReason)";
            notIn = "rejectionReason == null || !" + set + ".contains(rejectionReason)";
        } else {
            String reasons = DrlLiterals.strings(r.reasons());
            in = "rejectionReason in (" + reasons + ")";
            notIn = "rejectionReason == null || rejectionReason not in (" + reasons + ")";
        }
        rule(r, "met", withPeriod(sets, "$l : Lead( " + scope + ", " + in + " )"), "$l");
        rule(r, "violated", withPeriod(sets, "$l : Lead( " + scope + ", " + notIn + " )"), "$l");
    }

    /**
     * A rule clause is checked by the hand-written rule it names; with a where, a segment rule decides which
     * leads the clause covers, so that the hand-written rule's reports count only for those.
     */
    private void ruleClause(Clause.Rule c) {
        if (c.head().where().isEmpty()) {
            line("// " + c.id()
                    + " is checked by the hand-written rule it names, in rules/, for every lead it reports.");
            return;
        }
        line("// " + c.id()
                + " is checked by the hand-written rule it names, in rules/, for the leads of this segment.");
        ConditionDrl.Sets sets = new ConditionDrl.Sets();
        rule(
                c,
                "segment",
                with(
                        sets,
                        List.of("$l : Lead( " + ConditionDrl.all(c.head().where(), "", c.id(), "where", sets) + " )")),
                "$l");
    }

    private static String inPeriod(Stage s) {
        String p = s.property();
        return p + " != null, " + p + " >= $p.start, " + p + " < $p.end";
    }

    private static String where(Clause c, ConditionDrl.Sets sets) {
        return c.head().where().isEmpty()
                ? ""
                : ", " + ConditionDrl.all(c.head().where(), "", c.id(), "where", sets);
    }

    /** A rule's patterns: the value sets its constraints read, then the given patterns. */
    private static List<String> with(ConditionDrl.Sets sets, List<String> patterns) {
        List<String> out = new ArrayList<>(sets.patterns());
        out.addAll(patterns);
        return out;
    }

    /** The period window, the value sets, then the lead pattern. */
    private static List<String> withPeriod(ConditionDrl.Sets sets, String lead) {
        List<String> out = new ArrayList<>(List.of("$p : PeriodWindow()"));
        out.addAll(sets.patterns());
        out.add(lead);
        return out;
    }

    private static String id(Clause c) {
        return DrlLiterals.string(c.id());
    }

    /** A rule named "{sla} {clause}: {name}" whose outcome is the name without its parenthesis. */
    private void rule(Clause c, String name, List<String> when, String fact) {
        rule(c, name, name.replaceAll(" \\(.*", ""), 0, when, fact);
    }

    /** A rule whose metadata names the decision; the consequence hands {@code fact} to the sink. */
    private void rule(Clause c, String name, String outcome, int requirement, List<String> when, String fact) {
        line("rule " + DrlLiterals.string(a.id() + " " + c.id() + ": " + name));
        line("    @sla(" + DrlLiterals.string(a.id()) + ") @clause(" + id(c) + ") @outcome("
                + DrlLiterals.string(outcome) + ")" + (requirement > 0 ? " @requirement(" + requirement + ")" : ""));
        line("when");
        for (String w : when) line("    " + w);
        line("then");
        line("    sla.decide(kcontext, " + fact + ");");
        line("end");
    }

    private void line(String s) {
        out.append(s).append('\n');
    }
}
