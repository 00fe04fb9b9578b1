package dev.l2r.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.l2r.Progress;
import dev.l2r.compile.CompiledRules;
import dev.l2r.compile.DrlGenerator;
import dev.l2r.compile.RuleShapes;
import dev.l2r.compile.RulesFile;
import dev.l2r.ingest.DataLoader;
import dev.l2r.ingest.Dataset;
import dev.l2r.ingest.MetricsTable;
import dev.l2r.model.Agreement;
import dev.l2r.model.Period;
import dev.l2r.parse.AgreementParser;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checking leads in chunks on several threads gives exactly what one session over all leads gives: every
 * violation, open item, finding, target value and count, in the same order. Run over the bundled example
 * with each template, at the end of a month and in the middle of it (open items, pacing), with chunks of a
 * few leads (so that one lead's facts never meet another's) on two threads.
 */
class ChunkedEvaluationTest {

    static Stream<Arguments> cases() {
        return Stream.of("inside-sales", "online-volume", "enterprise-abm", "channel")
                .flatMap(t -> Stream.of(Arguments.of(t, false), Arguments.of(t, true)));
    }

    @ParameterizedTest(name = "{0}, mid-period {1}")
    @MethodSource("cases")
    void chunksAndThreadsDoNotChangeTheOutcome(String template, boolean midPeriod) {
        Path sla = Path.of("sla-templates", template + ".yaml");
        Agreement a = AgreementParser.load(sla);
        CompiledRules rules =
                CompiledRules.build(a, sla.toString(), DrlGenerator.generate(a), RulesFile.readAll(Path.of("rules")));
        boolean quarterly = template.equals("enterprise-abm") || template.equals("channel");
        Period p = a.period(quarterly ? "2026-Q3" : "2026-09");
        Instant asOf = midPeriod
                ? LocalDateTime.of(2026, 9, 16, 11, 30).atZone(a.zone()).toInstant()
                : null;
        Dataset data = new DataLoader(a.zone(), a.fields(), null, Progress.QUIET)
                .load(Path.of("examples", "northwind"), p.label());
        Evaluation whole = run(a, rules, data, p, asOf, Integer.MAX_VALUE, 1);
        assertTrue(whole.violations().size() > 0, "the example breaks some promises");
        for (int[] shape : new int[][] {{97, 2, 1_000_000}, {1000, 1, 1_000_000}, {1, 2, 1_000_000}, {500, 2, 7}}) {
            Evaluation chunked = run(a, rules, data, p, asOf, shape[0], shape[1], shape[2]);
            assertEquals(
                    whole,
                    chunked,
                    "chunks of " + shape[0] + " on " + shape[1] + " threads, runs of " + shape[2] + " violations");
        }
        // the shipped cross-lead rule ("One open opportunity per company") keeps channel's check in one session
        assertEquals(!template.equals("channel"), RuleShapes.leadLocal(rules.kieBase()));
    }

    private static Evaluation run(
            Agreement a, CompiledRules rules, Dataset d, Period p, Instant asOf, int chunk, int workers) {
        return run(a, rules, d, p, asOf, chunk, workers, 1_000_000);
    }

    private static Evaluation run(
            Agreement a, CompiledRules rules, Dataset d, Period p, Instant asOf, int chunk, int workers, int run) {
        return Evaluator.run(
                a,
                CompletableFuture.completedFuture(rules),
                d.leads()::forEach,
                d::metrics,
                p,
                asOf,
                Limits.defaults(),
                Progress.QUIET,
                chunk,
                workers,
                run);
    }

    @Test
    void anEmptyDataSetIsCheckedToo() {
        Path sla = Path.of("sla-templates", "inside-sales.yaml");
        Agreement a = AgreementParser.load(sla);
        CompiledRules rules =
                CompiledRules.build(a, sla.toString(), DrlGenerator.generate(a), RulesFile.readAll(Path.of("rules")));
        Period p = a.period("2026-09");
        Dataset none = new Dataset(List.of(), MetricsTable.empty(), List.of(), List.of(), List.of());
        Evaluation e = run(a, rules, none, p, null, 10, 2);
        assertEquals(0, e.leadsSeen());
        assertEquals(0, e.violations().size());
        assertTrue(e.targets().isEmpty(), "per-team targets have no team to measure");
        assertEquals(run(a, rules, none, p, null, Integer.MAX_VALUE, 1), e);
    }
}
