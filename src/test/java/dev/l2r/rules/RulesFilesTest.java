package dev.l2r.rules;

import static dev.l2r.rules.RulesHarness.lead;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.l2r.compile.CompiledRules;
import dev.l2r.compile.DrlGenerator;
import dev.l2r.compile.RulesFile;
import dev.l2r.model.Agreement;
import dev.l2r.parse.AgreementParser;
import dev.l2r.verify.RuleVerifier;
import dev.l2r.verify.Scenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kie.api.definition.rule.Rule;

/** The shipped rules/ folder as a whole: its metadata, and how mistakes in rules stop a run. */
class RulesFilesTest {

    @TempDir
    Path dir;

    @Test
    void everyShippedRuleCarriesTheMetadataItsKindNeeds() throws IOException {
        Path sla = dir.resolve("sla.yaml");
        // name both custom rules, so that the KieBase keeps them (rules no clause names are removed from it)
        Files.writeString(
                sla,
                DataQualityRulesTest.AGREEMENT
                        + """
                  - id: X1
                    type: rule
                    rule: "%s"
                    owner: marketing
                  - id: X2
                    type: rule
                    rule: "%s"
                    owner: marketing
                """.formatted(CustomRulesTest.HUMAN_TOUCH, CustomRulesTest.ONE_OPPORTUNITY));
        Agreement a = AgreementParser.load(sla);
        CompiledRules compiled =
                CompiledRules.build(a, sla.toString(), DrlGenerator.generate(a), RulesFile.readAll(RulesHarness.RULES));
        Map<String, String> severities = new TreeMap<>();
        Set<String> custom = new TreeSet<>();
        compiled.kieBase().getKiePackages().stream()
                .filter(p -> p.getName().equals("l2r.rules"))
                .flatMap(p -> p.getRules().stream())
                .forEach((Rule r) -> {
                    Map<String, Object> meta = r.getMetaData();
                    if (CompiledRules.isDataQuality(r)) {
                        String id = String.valueOf(meta.get("id"));
                        assertTrue(id.matches("DQ-[A-Z0-9-]+"), r.getName() + ": @id " + id);
                        assertEquals(
                                null,
                                severities.put(id, String.valueOf(meta.get("severity"))),
                                "@id " + id + " used twice");
                    } else {
                        // a clause gives id, owner and severity to the rule it names; these keys would be ignored
                        assertFalse(
                                meta.containsKey("id") || meta.containsKey("severity"),
                                r.getName() + " has @id/@severity");
                        custom.add(r.getName());
                    }
                });
        Map<String, String> expected = new TreeMap<>();
        DataQualityRulesTest.CHECKS.forEach((id, check) -> expected.put(id, check[0]));
        assertEquals(expected, severities, "data-quality ids and severities");
        assertEquals(Set.of(CustomRulesTest.HUMAN_TOUCH, CustomRulesTest.ONE_OPPORTUNITY), custom);
    }

    @Test
    void aBrokenRulesFileStopsTheRunWithExit2NamingFileAndLine() throws IOException {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        for (Path p : RulesFile.readAll(RulesHarness.RULES).stream()
                .map(RulesFile::path)
                .toList()) {
            Files.copy(p, rules.resolve(p.getFileName()));
        }
        Files.writeString(rules.resolve("broken.drl"), """
                package l2r.rules;
                import dev.l2r.facts.Lead;
                rule "Broken"
                when
                    Lead( mqlAt != null
                then
                end
                """);
        RulesHarness.Run run = RulesHarness.check(dir, DataQualityRulesTest.AGREEMENT, List.of(lead("L1")), rules);
        assertEquals(2, run.exitCode(), run.stderr());
        // SPEC section 4: one line per problem naming the rules file as given, its line and column
        assertTrue(
                run.stderr()
                        .lines()
                        .anyMatch(l -> l.startsWith(rules.resolve("broken.drl") + ":6:")
                                && l.contains("mismatched input 'then'")),
                run.stderr());
        assertFalse(run.stderr().contains("ERROR org.drools"), "no Drools log lines: " + run.stderr());
        assertFalse(Files.exists(run.out()), "no partial output");
    }

    @Test
    void aRuleClauseNamingNoRuleIsAnAgreementError() {
        String agreement = DataQualityRulesTest.AGREEMENT + """
                  - id: C9
                    type: rule
                    rule: "Enterprise MQLs get a human touch"
                    owner: marketing
                """;
        RulesHarness.Run run = RulesHarness.check(dir, agreement, List.of(lead("L1")), RulesHarness.RULES);
        assertEquals(2, run.exitCode(), run.stderr());
        assertTrue(run.stderr().contains("sla.yaml:"), run.stderr());
        assertTrue(
                run.stderr().contains("clauses[1] (C9).rule: no rule named \"Enterprise MQLs get a human touch\""),
                run.stderr());
        assertTrue(run.stderr().contains(CustomRulesTest.HUMAN_TOUCH), "lists the rules there: " + run.stderr());
        assertFalse(Files.exists(run.out()), "no partial output");
    }

    @Test
    void anUnknownSeverityOfADataQualityRuleStopsTheRun() throws IOException {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        String drl = """
                package l2r.rules;
                import dev.l2r.facts.Lead;
                global dev.l2r.facts.SlaSink sla;

                rule "Lead without owner"
                    @dataQuality @id("DQ-NO-OWNER") @severity("urgent")
                when
                    $l : Lead( owner == null )
                then
                    sla.dataQuality(kcontext, $l, "owner", "owner missing", "Lead " + $l.getLeadId() + " has no owner.");
                end
                """;
        Path file = rules.resolve("owners.drl");
        Files.writeString(file, drl);
        RulesHarness.Run run = RulesHarness.check(dir, DataQualityRulesTest.AGREEMENT, List.of(lead("L1")), rules);
        assertEquals(2, run.exitCode(), run.stderr());
        assertTrue(
                run.stderr()
                        .lines()
                        .anyMatch(l -> l.startsWith(file + ":" + lineOf(drl, "rule \"Lead without owner\"") + ": ")
                                && l.contains("@severity")
                                && l.contains("\"urgent\"")),
                run.stderr());
        assertFalse(Files.exists(run.out()), "no partial output");
    }

    @Test
    void aDuplicateDataQualityIdStopsTheRun() throws IOException {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        String drl = """
                package l2r.rules;
                import dev.l2r.facts.Lead;
                global dev.l2r.facts.SlaSink sla;

                rule "Lead without owner"
                    @dataQuality @id("DQ-MISSING") @severity("minor")
                when
                    $l : Lead( owner == null )
                then
                    sla.dataQuality(kcontext, $l, "owner", "owner missing", "Lead " + $l.getLeadId() + " has no owner.");
                end

                rule "Lead without team"
                    @dataQuality @id("DQ-MISSING") @severity("minor")
                when
                    $l : Lead( team == null )
                then
                    sla.dataQuality(kcontext, $l, "team", "team missing", "Lead " + $l.getLeadId() + " has no team.");
                end
                """;
        Path file = rules.resolve("missing.drl");
        Files.writeString(file, drl);
        RulesHarness.Run run = RulesHarness.check(dir, DataQualityRulesTest.AGREEMENT, List.of(lead("L1")), rules);
        assertEquals(2, run.exitCode(), run.stderr());
        // either rule may be the one reported second; the line is that rule's declaration
        String owner = file + ":" + lineOf(drl, "rule \"Lead without owner\"") + ": ";
        String team = file + ":" + lineOf(drl, "rule \"Lead without team\"") + ": ";
        assertTrue(
                run.stderr()
                        .lines()
                        .anyMatch(l -> (l.startsWith(owner) || l.startsWith(team))
                                && l.contains("@id")
                                && l.contains("\"DQ-MISSING\"")),
                run.stderr());
        assertFalse(Files.exists(run.out()), "no partial output");
    }

    @Test
    void anExceptionInAHandWrittenRuleStopsTheRunNamingFileLineAndRule() throws IOException {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        String drl = """
                package l2r.rules;
                import dev.l2r.facts.Lead;
                global dev.l2r.facts.SlaSink sla;

                rule "Unguarded getter"
                    @dataQuality @id("DQ-UNGUARDED") @severity("minor")
                when
                    $l : Lead()
                then
                    // mql_at is null for L1: unboxing it throws
                    long mql = $l.getMqlAt().longValue();
                    sla.dataQuality(kcontext, $l, "mql_at", "mql_at " + mql, "Lead " + $l.getLeadId() + " has an MQL.");
                end
                """;
        Path file = rules.resolve("unguarded.drl");
        Files.writeString(file, drl);
        RulesHarness.Run run = RulesHarness.check(dir, DataQualityRulesTest.AGREEMENT, List.of(lead("L1")), rules);
        assertEquals(2, run.exitCode(), "exit 2 (bad rules), not 70 (internal error): " + run.stderr());
        assertTrue(
                run.stderr()
                        .lines()
                        .anyMatch(l -> l.startsWith(file + ":" + lineOf(drl, "rule \"Unguarded getter\"") + ": ")
                                && l.contains("Unguarded getter")
                                && l.contains("NullPointerException")),
                run.stderr());
        assertFalse(run.stderr().contains("internal error"), run.stderr());
        assertFalse(Files.exists(run.out()), "no partial output");
    }

    @Test
    void aRuleClauseNamingADataQualityRuleIsAnAgreementError() {
        String agreement = DataQualityRulesTest.AGREEMENT + """
                  - id: C9
                    type: rule
                    rule: "SAL before MQL"
                    owner: marketing
                """;
        RulesHarness.Run run = RulesHarness.check(dir, agreement, List.of(lead("L1")), RulesHarness.RULES);
        assertEquals(2, run.exitCode(), run.stderr());
        String sla = dir.resolve("sla.yaml") + ":" + lineOf(agreement, "- id: C9") + ": ";
        assertTrue(
                run.stderr()
                        .lines()
                        .anyMatch(l -> l.startsWith(sla)
                                && l.contains("clauses[1] (C9).rule: \"SAL before MQL\" is a data-quality rule")),
                run.stderr());
        assertFalse(Files.exists(run.out()), "no partial output");
    }

    @Test
    void aRuleNoClauseNamesIsRemovedNotJustSilenced() {
        // its condition would throw for every lead; removed from the rule base, it is never evaluated
        Path rules = RuleVerifier.rulesDir("other-agreement.drl", """
                package l2r.rules;
                import dev.l2r.facts.Lead;
                global dev.l2r.facts.SlaSink sla;

                function boolean crBoom(Lead l) {
                    throw new IllegalStateException("evaluated " + l.getLeadId());
                }

                rule "Belongs to another agreement"
                when
                    $l : Lead( crBoom(this) )
                then
                    sla.met(kcontext, $l);
                end
                """);
        RuleVerifier verifier = RuleVerifier.of(DataQualityRulesTest.AGREEMENT, rules);
        assertNull(verifier.compiled().kieBase().getRule("l2r.rules", "Belongs to another agreement"));
        Scenario s = verifier.given(lead("L1")).forPeriod("2026-10");
        assertEquals(
                List.of(), s.evaluation().violations(), "evaluated without an exception (exit 0), nothing reported");
        s.firedRule("Belongs to another agreement").never();
    }

    /** The 1-based line of the first line of {@code text} that contains {@code s}. */
    private static int lineOf(String text, String s) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).contains(s)) return i + 1;
        throw new AssertionError("no line with " + s);
    }
}
