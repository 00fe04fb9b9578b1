package dev.l2r.rules;

import static dev.l2r.rules.RulesHarness.lead;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.l2r.compile.CompiledRules;
import dev.l2r.compile.DrlGenerator;
import dev.l2r.compile.RulesFile;
import dev.l2r.model.Agreement;
import dev.l2r.spec.AgreementParser;
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
        Files.writeString(sla, DataQualityRulesTest.AGREEMENT);
        Agreement a = AgreementParser.load(sla);
        CompiledRules compiled = CompiledRules.build(a, sla.toString(), DrlGenerator.generate(a), RulesFile.readAll(RulesHarness.RULES));
        Map<String, String> severities = new TreeMap<>();
        Set<String> custom = new TreeSet<>();
        compiled.kieBase().getKiePackages().stream().filter(p -> p.getName().equals("l2r.rules"))
                .flatMap(p -> p.getRules().stream()).forEach((Rule r) -> {
                    Map<String, Object> meta = r.getMetaData();
                    if (CompiledRules.isDataQuality(r)) {
                        String id = String.valueOf(meta.get("id"));
                        assertTrue(id.matches("DQ-[A-Z0-9-]+"), r.getName() + ": @id " + id);
                        assertEquals(null, severities.put(id, String.valueOf(meta.get("severity"))), "@id " + id + " used twice");
                    } else {
                        // a clause gives id, owner and severity to the rule it names; these keys would be ignored
                        assertFalse(meta.containsKey("id") || meta.containsKey("severity"), r.getName() + " has @id/@severity");
                        custom.add(r.getName());
                    }
                });
        Map<String, String> expected = new TreeMap<>();
        DataQualityRulesTest.CHECKS.forEach((id, check) -> expected.put(id, check[0]));
        assertEquals(expected, severities, "data-quality ids and severities (an unknown severity would silently become minor)");
        assertEquals(Set.of(CustomRulesTest.HUMAN_TOUCH, CustomRulesTest.ONE_OPPORTUNITY), custom);
    }

    @Test
    void aBrokenRulesFileStopsTheRunWithExit2NamingFileAndLine() throws IOException {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        for (Path p : RulesFile.readAll(RulesHarness.RULES).stream().map(RulesFile::path).toList()) {
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
        assertTrue(run.stderr().lines().anyMatch(l -> l.startsWith(rules.resolve("broken.drl") + ":6:")
                && l.contains("mismatched input 'then'")), run.stderr());
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
        assertTrue(run.stderr().contains("clauses[1].rule: no rule named \"Enterprise MQLs get a human touch\""), run.stderr());
        assertTrue(run.stderr().contains(CustomRulesTest.HUMAN_TOUCH), "lists the rules there: " + run.stderr());
        assertFalse(Files.exists(run.out()), "no partial output");
    }
}
