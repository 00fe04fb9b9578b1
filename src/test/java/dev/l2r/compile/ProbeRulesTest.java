package dev.l2r.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.l2r.facts.Lead;
import dev.l2r.facts.SlaSink;
import dev.l2r.model.Agreement;
import dev.l2r.parse.AgreementParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;

/**
 * The probe rules that {@code l2r explain} uses to name the where condition keeping a lead out of a segment:
 * one rule per condition, with the constraints of the clause rules (a long list through its value set).
 */
class ProbeRulesTest {

    @TempDir
    Path tmp;

    @Test
    void eachWhereConditionIsProbedOnItsOwn() throws Exception {
        String many = IntStream.range(0, 40).mapToObj(i -> "co-" + i).collect(Collectors.joining(", "));
        Path sla = tmp.resolve("sla.yaml");
        Files.writeString(sla, """
                sla: probe
                period: month
                timezone: America/New_York
                teams:
                  sales: { owner: "VP Sales" }
                clauses:
                  - id: F1
                    type: followup
                    from: mql
                    to: first_touch
                    within: 4 business hours
                    where: ["source in [web, demo-request]", "score >= 60", "company in [%s]"]
                    owner: sales
                """.formatted(many));
        Agreement a = AgreementParser.load(sla);
        KieBase probes = CompiledRules.probes(a);

        assertEquals(Set.of("F1#1", "F1#2", "F1#3"), holding(a, probes, lead("A", "web", 60.0, "co-7")));
        assertEquals(Set.of("F1#2"), holding(a, probes, lead("B", "webinar", 75.0, "co-99")));
        assertEquals(Set.of("F1#1", "F1#3"), holding(a, probes, lead("C", "demo-request", null, "co-39")));
        assertFalse(DrlGenerator.probes(a).contains("co-7"), "long lists stay out of the DRL");
    }

    private static Lead lead(String id, String source, Double score, String company) {
        Lead.Builder b = Lead.builder(id, 0);
        b.source = source;
        b.score = score;
        b.company = company;
        return b.build();
    }

    private static Set<String> holding(Agreement a, KieBase probes, Lead lead) {
        Set<String> out = new TreeSet<>();
        KieSession s = probes.newKieSession();
        try {
            s.setGlobal("sla", SlaSink.decisionsOnly((rule, fact) -> {
                out.add(rule.getRule().getMetaData().get("clause") + "#"
                        + rule.getRule().getMetaData().get("condition"));
            }));
            DrlGenerator.valueSets(a).forEach(s::insert);
            s.insert(lead);
            s.fireAllRules();
        } finally {
            s.dispose();
        }
        return out;
    }
}
