package dev.l2r.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.l2r.Cli;
import dev.l2r.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hand-written rule that fails is bad rules input, never "an l2r bug": exit 2, {@code file:line: rule
 * "NAME": ...} with the line of the rule's declaration, no output. Also: names and packages that belong to
 * generated rules are refused, and a compile error is reported against the one file that has it.
 */
class RuleFailuresTest {

    static final String HEAD = """
            package l2r.rules;
            import dev.l2r.facts.Lead;
            import dev.l2r.facts.PeriodWindow;
            global dev.l2r.facts.SlaSink sla;
            function boolean crBoom(Object o) {
                throw new IllegalStateException("boom " + o);
            }
            """;

    /** A rejection clause (generated rules "guard R1: ...") and one rule clause per hand-written rule named. */
    static String agreement(String... rules) {
        StringBuilder b = new StringBuilder("""
                sla: guard
                effective_from: 2026-01-01
                period: month
                timezone: America/New_York
                teams:
                  sdr: { owner: "SDR Manager" }
                clauses:
                  - { id: R1, type: rejection, reasons: [no-budget], owner: sdr }
                """);
        for (int i = 0; i < rules.length; i++)
            b.append("  - { id: X")
                    .append(i + 1)
                    .append(", type: rule, rule: \"")
                    .append(rules[i])
                    .append("\", owner: sdr }\n");
        return b.toString();
    }

    @TempDir
    Path tmp;

    /** One lead, A, MQL in October; rules/NAME holds HEAD plus the body. */
    Workspace ws(String file, String body, String... rules) {
        Workspace w = new Workspace(tmp)
                .sla(agreement(rules))
                .leads("A,2026-10-05T10:00,,,,sdr,,,,,,,,2026-10-05T11:00,,,,,,,,,,")
                .file("rules/" + file, HEAD + body);
        w.rules = tmp.resolve("rules");
        return w;
    }

    void refused(Cli r, String line) {
        assertEquals(2, r.code(), r.toString());
        assertEquals(line, r.err().strip().replace(tmp + "/", ""), r.toString());
        assertFalse(r.err().contains("internal error"), r.toString());
        assertFalse(Files.exists(tmp.resolve("out")), "no partial output");
    }

    @Test
    void anEvalThatThrows() {
        Cli r = ws("x.drl", """
                rule "Eval boom"
                when
                    $l : Lead()
                    eval( crBoom($l.getLeadId()) )
                then
                    sla.met(kcontext, $l);
                end
                """, "Eval boom").check("2026-10");
        refused(r, "rules/x.drl:8: rule \"Eval boom\": a condition failed: java.lang.IllegalStateException: boom A");
    }

    @Test
    void aFunctionThatThrowsInAConstraint() {
        // evaluated when l2r inserts the lead
        Cli r = ws("x.drl", """
                rule "Constraint boom"
                when
                    $l : Lead( crBoom(leadId) )
                then
                    sla.met(kcontext, $l);
                end
                """, "Constraint boom").check("2026-10");
        refused(
                r,
                "rules/x.drl:8: rule \"Constraint boom\": a condition failed: java.lang.IllegalStateException: boom A");
    }

    @Test
    void aFunctionThatThrowsInAJoin() {
        // evaluated while firing
        Cli r = ws("x.drl", """
                rule "Join boom"
                when
                    $p : PeriodWindow()
                    $l : Lead( crBoom($p.label) )
                then
                    sla.met(kcontext, $l);
                end
                """, "Join boom").check("2026-10");
        refused(
                r,
                "rules/x.drl:8: rule \"Join boom\": a condition failed: java.lang.IllegalStateException: boom 2026-10");
    }

    @Test
    void aConsequenceThatThrows() {
        Cli r = ws("x.drl", """
                rule "Consequence boom"
                when
                    $l : Lead()
                then
                    crBoom($l.getLeadId());
                end
                """, "Consequence boom").check("2026-10");
        refused(
                r,
                "rules/x.drl:8: rule \"Consequence boom\": failed on Lead[A]: java.lang.IllegalStateException: boom A");
    }

    @Test
    void aFactInsertedByOneRuleThatMakesAnotherRulesConditionThrowBlamesTheCondition() {
        Cli r = ws("x.drl", """
                rule "Inserter"
                when
                    $l : Lead()
                then
                    insert(new PeriodWindow("extra", 0L, 1L, 1L, java.time.ZoneId.of("UTC")));
                end

                rule "Picky"
                when
                    $p : PeriodWindow( label == "extra", crBoom(label) )
                then
                end
                """, "Inserter", "Picky").check("2026-10");
        refused(r, "rules/x.drl:15: rule \"Picky\": a condition failed: java.lang.IllegalStateException: boom extra");
    }

    @Test
    void aRuleNamedLikeAGeneratedRuleIsRefused() {
        // "guard R1: met" is the generated rule that counts R1 as met; Drools allows it in another package, but
        // every message about either rule would be ambiguous
        Cli r = ws("x.drl", """
                rule "guard R1: met"
                when
                    $l : Lead()
                then
                    sla.met(kcontext, $l);
                end
                """).check("2026-10");
        refused(
                r,
                "rules/x.drl:8: rule \"guard R1: met\": is the name of a rule l2r generates for clause R1 of agreement guard; rename it");
    }

    @Test
    void aRulesFileInTheGeneratedPackageIsRefused() {
        Workspace w = new Workspace(tmp)
                .sla(agreement())
                .leads("A,2026-10-05T10:00,,,,sdr,,,,,,,,2026-10-05T11:00,,,,,,,,,,")
                .file(
                        "rules/x.drl",
                        "// one line before\n" + HEAD.replace("package l2r.rules;", "package l2r.sla.a_guard;"));
        w.rules = tmp.resolve("rules");
        refused(
                w.check("2026-10"),
                "rules/x.drl:2: package l2r.sla.a_guard: packages under l2r.sla hold the rules l2r generates"
                        + " from agreements; declare package l2r.rules (or one of your own)");
    }

    @Test
    void aBadImportInOneFileIsReportedAgainstThatFileOnly() throws IOException {
        Path rules = Files.createDirectories(tmp.resolve("rules"));
        for (String shipped : List.of("custom-rules.drl", "data-quality.drl"))
            Files.copy(Path.of("rules", shipped), rules.resolve(shipped));
        Files.writeString(rules.resolve("owners.drl"), """
                package l2r.rules;
                import dev.l2r.facts.Lead;
                import dev.l2r.facts.Leed;
                global dev.l2r.facts.SlaSink sla;

                rule "Lead without owner"
                    @dataQuality @id("DQ-NO-OWNER")
                when
                    $l : Lead( owner == null )
                then
                    sla.dataQuality(kcontext, $l, "owner", "owner missing", "Lead " + $l.getLeadId() + " has no owner.");
                end
                """);
        Workspace w = new Workspace(tmp).sla(agreement()).leads("A,2026-10-05T10:00,,,,sdr,,,,,,,,,,,,,,,,,,");
        w.rules = rules;
        Cli r = w.check("2026-10");
        assertEquals(2, r.code(), r.toString());
        List<String> lines = r.err().lines().map(l -> l.replace(tmp + "/", "")).toList();
        // Drools reports this import against every file of package l2r.rules; only owners.drl has it
        assertTrue(lines.stream().allMatch(l -> l.startsWith("rules/owners.drl:")), r.toString());
        // the line of the import itself (Drools says line 1), once: not again at the rules that would use it
        assertEquals(List.of("rules/owners.drl:3: import dev.l2r.facts.Leed: no such class"), lines, r.toString());
        assertFalse(Files.exists(tmp.resolve("out")), "no partial output");
    }

    @Test
    void aRuleNameUsedInTwoFilesOfAPackageIsReportedAtTheSecond() throws IOException {
        Path rules = Files.createDirectories(tmp.resolve("rules"));
        String rule = """
                rule "Same"
                when
                    $l : Lead()
                then
                end
                """;
        Files.writeString(rules.resolve("a.drl"), HEAD.replace("crBoom", "crBoomA") + rule);
        Files.writeString(rules.resolve("b.drl"), HEAD.replace("crBoom", "crBoomB") + "\n" + rule);
        Workspace w = new Workspace(tmp).sla(agreement("Same")).leads("A,2026-10-05T10:00,,,,sdr,,,,,,,,,,,,,,,,,,");
        w.rules = rules;
        refused(
                w.check("2026-10"),
                "rules/b.drl:9: rule \"Same\": also declared at rules/a.drl:8 in package l2r.rules; rule names"
                        + " are unique in a package (agreements refer to rules by name)");
    }
}
