package dev.l2r.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.l2r.Cli;
import dev.l2r.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hand-written rules that never stop end the check with exit 2 naming the rule, its file and line, and no
 * output: an update without no-loop (firing limit), an eval or a function in a condition that loops (time
 * limit; the tests use --timeout 2s), and consequences that insert without end (limit on facts inserted).
 * Bounded time is shown by the message: it names the limit that stopped the run.
 */
class RunawayRulesTest {

    /** One rule clause naming the rule under test, so that it stays in the rule base; two leads in October. */
    static String agreement(String rule) {
        return """
                sla: guard
                effective_from: 2026-01-01
                period: month
                timezone: America/New_York
                teams:
                  sdr: { owner: "SDR Manager" }
                clauses:
                  - { id: X1, type: rule, rule: "%s", owner: sdr }
                """.formatted(rule);
    }

    static final String HEAD = """
            package l2r.rules;
            import dev.l2r.facts.Lead;
            import dev.l2r.facts.PeriodWindow;
            global dev.l2r.facts.SlaSink sla;
            """;

    @TempDir
    Path tmp;

    /** A workspace whose rules folder holds one file, {@code rules/NAME}, with {@link #HEAD} and {@code body}. */
    Workspace ws(String rule, String file, String body) {
        Workspace w = new Workspace(tmp)
                .sla(agreement(rule))
                .leads("A,2026-10-05T10:00,,,,sdr,,,,,,,,,,,,,,,,,,", "B,2026-10-06T10:00,,,,sdr,,,,,,,,,,,,,,,,,,")
                .file("rules/" + file, HEAD + body);
        w.rules = tmp.resolve("rules");
        return w;
    }

    void refused(Cli r, String line) {
        assertEquals(2, r.code(), r.toString());
        assertEquals(line, r.err().strip().replace(tmp + "/", ""), r.toString());
        assertFalse(Files.exists(tmp.resolve("out")), "no partial output");
        assertTrue(rulesThreadEnded(), "the thread that ran the rules has ended");
    }

    static boolean rulesThreadEnded() {
        return Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().equals("l2r-rules") && t.isAlive());
    }

    static final String LOOP = """
            rule "Loop"
            when
                $l : Lead()
            then
                update($l);
            end
            """;

    @Test
    void anUpdateWithoutNoLoopIsStoppedAtTheFiringLimit() {
        // fireAllRules(10,001): the one firing past the limit shows that the rule would go on
        Cli r = ws("Loop", "loop.drl", LOOP).check("2026-10", "--max-firings", "10000");
        refused(
                r,
                "rules/loop.drl:5: rule \"Loop\": stopped after 10,001 firings (--max-firings 10,000), 10,001 of them by this rule;"
                        + " a rule that modifies a fact it matches needs no-loop or a guard");
    }

    @Test
    void theDefaultFiringLimitGrowsWithTheFacts() {
        // facts l2r inserts: the period window and 2 leads = 3; default 1,000,000 + 20 x 3 = 1,000,060
        Cli r = ws("Loop", "loop.drl", LOOP).check("2026-10");
        refused(
                r,
                "rules/loop.drl:5: rule \"Loop\": stopped after 1,000,061 firings (--max-firings default 1,000,060:"
                        + " 1,000,000 + 20 per fact), 1,000,061 of them by this rule; a rule that modifies a fact it matches needs no-loop"
                        + " or a guard");
    }

    @Test
    void aLoopBelowAHighFiringLimitIsStoppedAtTheTimeLimit() {
        // at the limit the rules' thread is either between firings (the rule that fired most is named) or
        // inside the rule's consequence (the running rule is named): the same rule either way
        Cli r = ws("Loop", "loop.drl", LOOP).check("2026-10", "--max-firings", "1000000000000", "--timeout", "1s");
        assertEquals(2, r.code(), r.toString());
        String line = r.err().strip().replace(tmp + "/", "");
        assertTrue(
                line.matches(
                        "rules/loop\\.drl:5: rule \"Loop\": (stopped after 1s \\(--timeout 1s\\) and [0-9,]+ firings,"
                                + " [0-9,]+ of them by this rule; a rule that modifies a fact it matches needs no-loop or a guard"
                                + "|still running after 1s \\(--timeout 1s\\); .*)"),
                line);
        assertFalse(Files.exists(tmp.resolve("out")), "no partial output");
        assertTrue(rulesThreadEnded(), "the thread that ran the rules has ended");
    }

    @Test
    void aRuleWithNoLoopRunsToTheEnd() {
        Cli r = ws("Loop", "loop.drl", LOOP.replace("rule \"Loop\"\n", "rule \"Loop\" no-loop\n"))
                .check("2026-10", "--max-firings", "10000");
        assertEquals(0, r.code(), r.toString());
    }

    @Test
    void anEvalThatNeverReturnsIsStoppedAtTheTimeLimit() {
        // halt() cannot end one evaluation that loops: the watchdog stops the rules' thread
        Cli r = ws("Spin", "spin.drl", """
                function boolean crSpin(Lead l) {
                    long i = 0;
                    while (l != null) { i++; }
                    return i > 0;
                }
                rule "Spin"
                when
                    $l : Lead()
                    eval( crSpin($l) )
                then
                    sla.met(kcontext, $l);
                end
                """).check("2026-10", "--timeout", "2s");
        refused(
                r,
                "rules/spin.drl:10: rule \"Spin\": still running after 2s (--timeout 2s); a condition, eval, function or"
                        + " consequence that loops without end must be fixed");
    }

    @Test
    void aFunctionThatNeverReturnsInAConstraintIsNamedAtTheTimeLimit() {
        // a constraint is evaluated when the lead is inserted, by Drools' expression interpreter: only the
        // function is on the stack
        Cli r = ws("Spin", "spin.drl", """
                function boolean crSpin(Lead l) {
                    long i = 0;
                    while (l != null) { i++; }
                    return i > 0;
                }
                rule "Spin"
                when
                    $l : Lead( crSpin(this) )
                then
                    sla.met(kcontext, $l);
                end
                """).check("2026-10", "--timeout", "2s");
        refused(
                r,
                "rules/spin.drl:5: function crSpin: still running after 2s (--timeout 2s); a condition, eval, function or"
                        + " consequence that loops without end must be fixed");
    }

    @Test
    void aConsequenceThatInsertsWhatItMatchesIsStoppedAtTheInsertLimit() {
        // each firing inserts a window that matches again; rules may insert 100,000 + 3 facts (one per fact l2r
        // inserts): the 100,004th insert stops the run
        Cli r = ws("Flood", "flood.drl", """
                rule "Flood"
                when
                    $p : PeriodWindow()
                then
                    insert(new PeriodWindow($p.getLabel(), $p.getStart(), $p.getEnd(), $p.getAsOf(), java.time.ZoneId.of("UTC")));
                end
                """).check("2026-10");
        refused(
                r,
                "rules/flood.drl:5: rule \"Flood\": stopped after rules inserted 100,004 facts, 100,004 of them by this rule"
                        + " (rules may insert 100,000 plus one per fact l2r inserts); a rule that inserts a fact it matches itself never ends");
    }

    @Test
    void oneFiringThatInsertsInALoopIsStoppedAtTheInsertLimit() {
        Cli r = ws("Flood", "flood.drl", """
                rule "Flood"
                when
                    $l : Lead( leadId == "A" )
                then
                    while (true) {
                        insert(new PeriodWindow("x", 0L, 1L, 1L, java.time.ZoneId.of("UTC")));
                    }
                end
                """).check("2026-10", "--max-firings", "10");
        refused(
                r,
                "rules/flood.drl:5: rule \"Flood\": stopped after rules inserted 100,004 facts, 100,004 of them by this rule"
                        + " (rules may insert 100,000 plus one per fact l2r inserts); a rule that inserts a fact it matches itself never ends");
    }

    @Test
    void badLimitsAreRefusedBeforeAnythingRuns() {
        Cli r = ws("Loop", "loop.drl", LOOP).check("2026-10", "--timeout", "5x");
        refused(r, "--timeout: \"5x\" is not a duration; use a positive number with ms, s, m or h, such as 90s or 5m");
        r = ws("Loop", "loop.drl", LOOP).check("2026-10", "--max-firings", "0");
        refused(r, "--max-firings: 0 is not a number of firings; use a positive number such as 5000000");
    }
}
