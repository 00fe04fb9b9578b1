package dev.l2r.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.l2r.Progress;
import dev.l2r.evaluate.ClauseOutcome;
import dev.l2r.evaluate.Limits;
import dev.l2r.evaluate.OpenItem;
import dev.l2r.evaluate.TeamAccountability;
import dev.l2r.evaluate.Violation;
import dev.l2r.facts.Lead;
import dev.l2r.model.Clause;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * For every lead of examples/northwind, what {@code l2r explain --lead} says of each lead-level clause is
 * what {@code l2r check} decided: late, missed or violated exactly when check reports a violation for that
 * clause and lead; open or at risk exactly when it lists the open item; and the leads explained as met add
 * up to check's met counts per clause.
 */
class ExplainAgreesWithCheckTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @CsvSource({"inside-sales, 2026-09, ''", "online-volume, 2026-09, 2026-09-15T12:00", "channel, 2026-Q3, ''"})
    void everyLeadIsExplainedAsCheckDecidedIt(String template, String period, String asOf) throws IOException {
        Path sla = Path.of("sla-templates", template + ".yaml");
        List<Path> data = List.of(Path.of("examples", "northwind"));
        String at = asOf.isEmpty() ? null : asOf;
        CheckRun.Result check = CheckRun.run(new CheckRun.Request(
                sla,
                data,
                null,
                period,
                at,
                null,
                tmp.resolve("out"),
                null,
                Limits.defaults(),
                Progress.QUIET,
                null,
                false));

        Set<String> violated = check.evaluation().violations().stream()
                .map(v -> v.clauseId() + " " + v.subject())
                .collect(Collectors.toSet());
        Map<String, Boolean> open = new HashMap<>();
        for (OpenItem o : check.evaluation().openItems()) open.put(o.clauseId() + " " + o.leadId(), o.atRisk());
        Map<String, Long> met = new TreeMap<>();
        for (TeamAccountability t : check.evaluation().teams())
            for (ClauseOutcome c : t.clauses()) met.merge(c.clauseId(), c.met(), Long::sum);

        Explain.Session s = new Explain.Session(new Explain.Request(sla, data, null, period, at, null));
        Map<String, Long> explainedMet = new TreeMap<>();
        long explained = 0;
        for (Lead l : s.dataset().leads()) {
            Map<String, String> outcomes = s.lead(l.getLeadId()).outcomes();
            for (Clause c : s.agreement().clauses()) {
                if (!(c instanceof Clause.FollowUp || c instanceof Clause.Handoff || c instanceof Clause.Rejection))
                    continue;
                String key = c.id() + " " + l.getLeadId();
                String o = outcomes.get(c.id());
                boolean bad = Set.of("late", "missed", "violated").contains(o);
                assertEquals(violated.contains(key), bad, key + ": explain says " + o);
                boolean running = o.equals("open") || o.equals("at_risk");
                assertEquals(open.containsKey(key), running, key + ": explain says " + o);
                if (running) assertEquals(open.get(key), o.equals("at_risk"), key + ": explain says " + o);
                if (o.equals("met")) explainedMet.merge(c.id(), 1L, Long::sum);
                if (!o.equals("not-applicable")) explained++;
            }
        }
        for (Clause c : s.agreement().clauses()) {
            if (c instanceof Clause.FollowUp || c instanceof Clause.Handoff || c instanceof Clause.Rejection) {
                assertEquals(met.getOrDefault(c.id(), 0L), explainedMet.getOrDefault(c.id(), 0L), c.id() + " met");
            }
        }
        assertTrue(explained > 100, "explained " + explained + " items");
        long leadViolations = check.evaluation().violations().stream()
                .filter(v -> s.agreement().clause(v.clauseId()).orElse(null) instanceof Clause.FollowUp
                        || s.agreement().clause(v.clauseId()).orElse(null) instanceof Clause.Handoff
                        || s.agreement().clause(v.clauseId()).orElse(null) instanceof Clause.Rejection)
                .map(Violation::clauseId)
                .count();
        assertTrue(leadViolations > 0, "the example has lead-level violations");
    }
}
