package dev.l2r.compile;

import dev.l2r.Version;
import dev.l2r.model.Agreement;
import dev.l2r.model.Bound;
import dev.l2r.model.Clause;
import dev.l2r.model.Stage;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Compiles an agreement into DRL text: a small group of rules per clause, named after the agreement
 * and the clause, with {@code @sla}/{@code @clause}/{@code @outcome} metadata. The output depends on
 * the agreement only, so it is the same byte for byte on every run. No free text of the agreement
 * (titles, owners) enters the DRL; values used in constraints go through {@link DrlLiterals}.
 */
public final class DrlGenerator {

    private final Agreement a;
    private final StringBuilder out = new StringBuilder();

    private DrlGenerator(Agreement a) { this.a = a; }

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

    private String render() {
        line("// Generated from " + safeName(a.source()) + " (agreement " + a.id() + ") by l2r " + Version.VERSION + ".");
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
        line("");
        line("global dev.l2r.facts.SlaSink sla;");
        for (Clause c : a.clauses()) {
            line("");
            line("// ---- " + c.id() + " (" + c.type() + ", " + safeName(a.source()) + " line " + c.head().line() + ")");
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
            rule(t, "segment", List.of("$l : Lead( " + ConditionDrl.all(t.head().where(), "") + " )"), "$l");
        } else {
            line("// " + t.id() + " measures every lead of the period (no where).");
        }
        Set<String> keyed = new LinkedHashSet<>();
        for (Bound b : new Bound[] {t.min(), t.max()}) {
            if (b != null && b.perTeam() != null) keyed.addAll(b.perTeam().keySet());
        }
        for (String team : keyed) {
            comparison(t, (t.per() == Clause.Per.OWNER ? "owner " : "team ") + team, "subject == " + DrlLiterals.string(team),
                    bound(t.min(), team), bound(t.max(), team));
        }
        BigDecimal min = t.min() == null ? null : t.min().all();
        BigDecimal max = t.max() == null ? null : t.max().all();
        if (min != null || max != null) {
            String subject;
            if (!t.perSubject()) subject = "subject == \"all\"";
            else if (keyed.isEmpty()) subject = null;
            else subject = "subject not in (" + DrlLiterals.strings(List.copyOf(keyed)) + ")";
            comparison(t, t.per() == Clause.Per.TEAM ? "each team" : t.per() == Clause.Per.OWNER ? "each owner" : "all", subject, min, max);
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
        String where = f.head().where().isEmpty() ? "" : ConditionDrl.all(f.head().where(), "lead.") + ", ";
        String item = "$f : FollowUpItem( clause == " + id(f) + ", " + where;
        String[][] cases = {
                {"met", "stop != null, stop <= deadline"},
                {"late", "stop != null, stop > deadline"},
                {"missed", "stop == null, deadline <= asOf"},
                {"at_risk", "stop == null, deadline > asOf, riskAt <= asOf"},
                {"open", "stop == null, deadline > asOf, riskAt > asOf"},
        };
        for (String[] c : cases) {
            rule(f, c[0], List.of(item + c[1] + " )"), "$f");
        }
    }

    private void handoff(Clause.Handoff h) {
        String scope = inPeriod(h.at()) + where(h);
        rule(h, "met", List.of("$p : PeriodWindow()", "$l : Lead( " + scope + ", " + ConditionDrl.all(h.require(), "") + " )"), "$l");
        // one rule per requirement, so that each rule says which requirement a lead missed
        for (int i = 0; i < h.require().size(); i++) {
            rule(h, "requirement " + (i + 1) + " missed", "violated", i + 1, List.of("$p : PeriodWindow()",
                    "$l : Lead( " + scope + ", !( " + ConditionDrl.constraint(h.require().get(i), "") + " ) )"), "$l");
        }
    }

    private void rejection(Clause.Rejection r) {
        String scope = inPeriod(Stage.REJECTED) + where(r);
        String reasons = DrlLiterals.strings(r.reasons());
        rule(r, "met", List.of("$p : PeriodWindow()", "$l : Lead( " + scope + ", rejectionReason in (" + reasons + ") )"), "$l");
        rule(r, "violated", List.of("$p : PeriodWindow()",
                        "$l : Lead( " + scope + ", rejectionReason == null || rejectionReason not in (" + reasons + ") )"), "$l");
    }

    /**
     * A rule clause is checked by the hand-written rule it names; with a where, a segment rule decides which
     * leads the clause covers, so that the hand-written rule's reports count only for those.
     */
    private void ruleClause(Clause.Rule c) {
        if (c.head().where().isEmpty()) {
            line("// " + c.id() + " is checked by the hand-written rule it names, in rules/, for every lead it reports.");
            return;
        }
        line("// " + c.id() + " is checked by the hand-written rule it names, in rules/, for the leads of this segment.");
        rule(c, "segment", List.of("$l : Lead( " + ConditionDrl.all(c.head().where(), "") + " )"), "$l");
    }

    private static String inPeriod(Stage s) {
        String p = s.property();
        return p + " != null, " + p + " >= $p.start, " + p + " < $p.end";
    }

    private static String where(Clause c) {
        return c.head().where().isEmpty() ? "" : ", " + ConditionDrl.all(c.head().where(), "");
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
        line("    @sla(" + DrlLiterals.string(a.id()) + ") @clause(" + id(c) + ") @outcome(" + DrlLiterals.string(outcome) + ")"
                + (requirement > 0 ? " @requirement(" + requirement + ")" : ""));
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
