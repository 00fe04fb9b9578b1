package dev.l2r.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.l2r.Cli;
import dev.l2r.Progress;
import dev.l2r.Workspace;
import dev.l2r.compile.CompiledRules;
import dev.l2r.compile.DrlGenerator;
import dev.l2r.compile.RulesFile;
import dev.l2r.facts.Lead;
import dev.l2r.facts.PeriodWindow;
import dev.l2r.ingest.Dataset;
import dev.l2r.ingest.MetricsTable;
import dev.l2r.model.Agreement;
import dev.l2r.model.Clause;
import dev.l2r.model.Metric;
import dev.l2r.model.Period;
import dev.l2r.parse.AgreementParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Nothing recorded after the as-of time may influence a result (SPEC section 2, README "As-of"). A
 * hand-written October 2026 data set is checked as of T = Tue 2026-10-20 12:00 New York; then events after
 * T are added (later stages, closes, opportunities with amounts, rejections, leads created later, changed
 * outcomes, custom timestamps) and it is checked again as of T: every measured value, violation, open item
 * and count must be the same. The agreement measures every metric and has every lead-level clause kind,
 * and the base run asserts that each of them has something to assess, so the comparison cannot pass
 * vacuously.
 */
class AsOfLeakTest {

    static final ZoneId NY = ZoneId.of("America/New_York");
    static final long T = t("2026-10-20T12:00");

    static final String AGREEMENT = """
            sla: as-of-leak
            period: month
            timezone: America/New_York
            fields: { demo_at: timestamp }
            teams:
              marketing: { owner: "VP Demand Generation" }
              sales: { owner: "VP Sales" }
              east: { owner: "East Manager" }
              west: { owner: "West Manager" }
              revenue-ops: { owner: "RevOps Lead" }
            clauses:
            %s
              - id: F1
                type: followup
                from: mql
                to: first_touch
                within: 4 business hours
                warn_at: 0.5
                owner: lead.team
              - id: F2
                type: followup
                from: mql
                to: [sal, rejected]
                within: 2 business days
                owner: sales
              - id: H1
                type: handoff
                at: mql
                require: ["score >= 60", "company is present"]
                owner: marketing
              - id: H2
                type: handoff
                at: mql
                require: ["opportunity_id is absent", "amount is absent", "outcome is absent", "demo_at is absent"]
                owner: marketing
              - id: R1
                type: rejection
                reasons: [no-budget, bad-data]
                owner: sales
              - id: C1
                type: rule
                rule: "One open opportunity per company"
                owner: sales
              - id: C2
                type: rule
                rule: "MQLs get a human touch, not only an auto-response"
                owner: sales
            """;

    /** Every metric, each a target with a minimum of 0: met, and its measured value reported. */
    static final List<String> METRICS = List.of(
            "count(inquiry)",
            "count(mql)",
            "count(auto_response)",
            "count(first_touch)",
            "count(sal)",
            "count(rejected)",
            "count(sqo)",
            "count(won)",
            "count(lost)",
            "conversion(mql, sal)",
            "conversion(mql, rejected)",
            "conversion(sal, sqo)",
            "conversion(sqo, won)",
            "win_rate",
            "average_selling_price",
            "revenue",
            "sales_cycle_days",
            "cycle_days(mql, sqo)",
            "cycle_days(sal, won)",
            "pipeline_coverage",
            "metric(visitors)",
            "cost_per(mql)",
            "cost_per(sqo)");

    static String targets() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < METRICS.size(); i++) {
            b.append("  - id: M")
                    .append(i)
                    .append("\n    type: target\n    metric: ")
                    .append(METRICS.get(i))
                    .append("\n    min: 0\n    owner: marketing\n");
        }
        // per team and per owner: the subjects are the teams and owners of the leads that exist at as-of
        b.append("""
                  - id: P1
                    type: target
                    metric: pipeline_coverage
                    per: team
                    min: 2
                    owner: lead.team
                  - id: P2
                    type: target
                    metric: count(mql)
                    per: owner
                    min: 1000
                    owner: sales
                  - id: S1
                    type: target
                    metric: count(mql)
                    where: ["opportunity_id is absent", "outcome is absent", "demo_at is absent"]
                    min: 1000
                    owner: marketing
                  - id: S2
                    type: target
                    metric: count(sal)
                    where: ["amount is absent", "rejection_reason is absent"]
                    min: 1000
                    owner: marketing
                """);
        return b.toString();
    }

    @TempDir
    static Path dir;

    static Agreement agreement;
    static CompiledRules rules;
    static Evaluation base;

    static long t(String local) {
        return LocalDateTime.parse(local).atZone(NY).toInstant().toEpochMilli();
    }

    static Lead.Builder lead(String id, String created, String team, String owner) {
        Lead.Builder b = Lead.builder(id, t(created));
        b.team = team;
        b.owner = owner;
        b.company = "Co " + id;
        b.score = 80.0;
        return b;
    }

    /** The data as recorded at T: every event at or before T. Canonical: a lead that is no opportunity has no outcome. */
    static Map<String, Lead.Builder> baseLeads() {
        Map<String, Lead.Builder> m = new LinkedHashMap<>();
        // an open opportunity of Acme, 150,000; MQL Mon Oct 5, touched within the hour, accepted the same day
        Lead.Builder a1 = lead("A1", "2026-10-05T09:00", "east", "Ann");
        a1.company = "Acme";
        a1.inquiryAt = t("2026-10-05T09:30");
        a1.mqlAt = t("2026-10-05T10:00");
        a1.autoResponseAt = t("2026-10-05T10:01");
        a1.firstTouchAt = t("2026-10-05T11:00");
        a1.salAt = t("2026-10-05T15:00");
        a1.sqoAt = t("2026-10-08T10:00");
        a1.opportunityId = "O-A1";
        a1.amount = 150_000.0;
        a1.outcome = "open";
        m.put("A1", a1);
        // MQL Tue Oct 6, never touched, no acceptance, a low score: F1, F2 and H1 violated
        Lead.Builder a2 = lead("A2", "2026-10-06T09:00", "west", "Bob");
        a2.mqlAt = t("2026-10-06T10:00");
        a2.score = 40.0;
        m.put("A2", a2);
        // MQL at T minus 2 business hours: F1 open and at risk (half the window gone), F2 open
        Lead.Builder a3 = lead("A3", "2026-10-20T09:00", "east", "Ann");
        a3.mqlAt = t("2026-10-20T10:00");
        m.put("A3", a3);
        // rejected with an agreed reason
        Lead.Builder a4 = lead("A4", "2026-10-07T08:00", "west", "Bob");
        a4.mqlAt = t("2026-10-07T09:00");
        a4.firstTouchAt = t("2026-10-07T09:30");
        a4.rejectedAt = t("2026-10-07T10:00");
        a4.rejectionReason = "no-budget";
        m.put("A4", a4);
        // rejected with a reason that is not agreed: R1 violated
        Lead.Builder a5 = lead("A5", "2026-10-08T08:00", "west", "Bob");
        a5.mqlAt = t("2026-10-08T09:00");
        a5.firstTouchAt = t("2026-10-08T09:15");
        a5.rejectedAt = t("2026-10-08T11:00");
        a5.rejectionReason = "whatever";
        m.put("A5", a5);
        // a SAL that is no opportunity yet (gets one after T in a variant)
        Lead.Builder n1 = lead("N1", "2026-10-09T08:00", "east", "Cid");
        n1.mqlAt = t("2026-10-09T09:00");
        n1.firstTouchAt = t("2026-10-09T09:10");
        n1.salAt = t("2026-10-09T10:00");
        m.put("N1", n1);
        Lead.Builder n2 = lead("N2", "2026-10-13T08:00", "west", "Bob");
        n2.mqlAt = t("2026-10-13T09:00");
        n2.firstTouchAt = t("2026-10-13T09:10");
        n2.salAt = t("2026-10-13T10:00");
        n2.company = "Acme";
        m.put("N2", n2);
        // deals: won Oct 9 (50,000; cycle 29 days), won Oct 12 (30,000), won Oct 13 without amount, lost Oct 14
        Lead.Builder w1 = lead("W1", "2026-09-01T09:00", "east", "Ann");
        w1.salAt = t("2026-09-05T10:00");
        w1.sqoAt = t("2026-09-10T10:00");
        w1.opportunityId = "O-W1";
        w1.amount = 50_000.0;
        w1.closedAt = t("2026-10-09T10:00");
        w1.outcome = "won";
        m.put("W1", w1);
        Lead.Builder w2 = lead("W2", "2026-09-01T09:00", "west", "Bob");
        w2.sqoAt = t("2026-09-20T10:00");
        w2.opportunityId = "O-W2";
        w2.amount = 30_000.0;
        w2.closedAt = t("2026-10-12T10:00");
        w2.outcome = "won";
        m.put("W2", w2);
        Lead.Builder w3 = lead("W3", "2026-09-01T09:00", "west", "Bob");
        w3.sqoAt = t("2026-09-22T10:00");
        w3.opportunityId = "O-W3";
        w3.closedAt = t("2026-10-13T10:00");
        w3.outcome = "won";
        m.put("W3", w3); // DQ-WON-WITHOUT-AMOUNT
        Lead.Builder l1 = lead("L1", "2026-09-01T09:00", "east", "Ann");
        l1.sqoAt = t("2026-09-25T10:00");
        l1.opportunityId = "O-L1";
        l1.amount = 20_000.0;
        l1.closedAt = t("2026-10-14T10:00");
        l1.outcome = "lost";
        m.put("L1", l1);
        // a second open opportunity of Acme, 10,000: C1 violated
        Lead.Builder d1 = lead("D1", "2026-10-01T09:00", "east", "Cid");
        d1.company = "Acme";
        d1.sqoAt = t("2026-10-12T10:00");
        d1.opportunityId = "O-D1";
        d1.amount = 10_000.0;
        d1.outcome = "open";
        m.put("D1", d1);
        // the auto-response recorded as the first touch: C2 violated, DQ-TOUCH-IS-AUTO-RESPONSE
        Lead.Builder h1 = lead("H1", "2026-10-14T08:00", "east", "Cid");
        h1.mqlAt = t("2026-10-14T09:00");
        h1.autoResponseAt = t("2026-10-14T09:01");
        h1.firstTouchAt = t("2026-10-14T09:01");
        m.put("H1", h1);
        // won, but no close date: closed (not pipeline), DQ-OUTCOME-WITHOUT-CLOSE-DATE
        Lead.Builder u1 = lead("U1", "2026-10-01T09:00", "west", "Bob");
        u1.sqoAt = t("2026-10-02T10:00");
        u1.opportunityId = "O-U1";
        u1.amount = 7_000.0;
        u1.outcome = "won";
        m.put("U1", u1);
        return m;
    }

    /** One kind of event after T, applied to the base data. */
    record Later(String sentence, Consumer<Map<String, Lead.Builder>> change) {
        @Override
        public String toString() {
            return sentence;
        }
    }

    static final List<Later> LATER = List.of(
            new Later("later stages: touch, acceptance and an opportunity with an amount", m -> {
                Lead.Builder a2 = m.get("A2");
                a2.firstTouchAt = t("2026-10-21T09:00");
                a2.salAt = t("2026-10-22T09:00");
                a2.sqoAt = t("2026-10-26T09:00");
                a2.opportunityId = "O-A2";
                a2.amount = 200_000.0;
                a2.outcome = "open";
                m.get("A3").firstTouchAt = t("2026-10-20T13:00"); // before its deadline, but after T
                m.get("A3").salAt = t("2026-10-20T16:00");
                m.get("N1").inquiryAt = t("2026-10-21T09:00");
                m.get("N1").autoResponseAt = t("2026-10-21T09:00");
            }),
            new Later("later closes: an open opportunity won, another lost", m -> {
                m.get("A1").closedAt = t("2026-10-25T10:00");
                m.get("A1").outcome = "won";
                m.get("D1").closedAt = t("2026-10-28T10:00");
                m.get("D1").outcome = "lost";
            }),
            new Later("later opportunities: created, won and lost after T, one won without a close date", m -> {
                Lead.Builder n1 = m.get("N1");
                n1.sqoAt = t("2026-10-22T10:00");
                n1.opportunityId = "O-N1";
                n1.amount = 500_000.0;
                n1.closedAt = t("2026-10-30T10:00");
                n1.outcome = "won";
                Lead.Builder n2 = m.get("N2"); // Acme: would be a third open opportunity of the company
                n2.sqoAt = t("2026-10-23T10:00");
                n2.opportunityId = "O-N2";
                n2.amount = 1_000.0;
                n2.outcome = "won";
                Lead.Builder a4 = m.get("A4");
                a4.sqoAt = t("2026-10-27T10:00");
                a4.opportunityId = "O-A4";
                a4.amount = 0.0;
                a4.closedAt = t("2026-10-29T10:00");
                a4.outcome = "lost";
            }),
            new Later("an open opportunity with a later sqo_at and no other date", m -> {
                Lead.Builder a3 = m.get("A3");
                a3.sqoAt = t("2026-10-20T12:00:01");
                a3.opportunityId = "O-A3";
                a3.amount = 80_000.0;
                a3.outcome = "open";
            }),
            new Later("later rejections with reasons, agreed or not", m -> {
                m.get("A3").rejectedAt = t("2026-10-21T10:00");
                m.get("A3").rejectionReason = "not-agreed";
                m.get("A2").rejectedAt = t("2026-10-21T10:00");
                m.get("A2").rejectionReason = "bad-data";
            }),
            new Later("a custom timestamp after T", m -> {
                m.get("A1").extras.put("demo_at", t("2026-10-21T10:00"));
                m.get("A2").extras.put("demo_at", t("2026-11-02T10:00"));
            }),
            new Later("new leads created after T, naming a new team and owner", m -> {
                Lead.Builder x1 = lead("X1", "2026-10-20T12:00:01", "north", "Zed");
                x1.mqlAt = t("2026-10-20T12:00:01");
                x1.inquiryAt = t("2026-10-20T12:00:01");
                x1.salAt = t("2026-10-20T13:00");
                x1.sqoAt = t("2026-10-20T14:00");
                x1.opportunityId = "O-X1";
                x1.amount = 999_999.0;
                x1.outcome = "open";
                x1.company = "Acme";
                m.put("X1", x1);
                Lead.Builder x2 = lead("X2", "2026-10-22T09:00", "east", "Ann");
                x2.mqlAt = t("2026-10-05T10:00"); // an MQL date before its creation: still not there at T
                x2.rejectedAt = t("2026-10-06T10:00");
                x2.rejectionReason = "nonsense";
                x2.score = 1.0;
                m.put("X2", x2);
                Lead.Builder x3 = lead("X3", "2026-11-02T09:00", "west", "Bob");
                x3.sqoAt = t("2026-10-02T10:00");
                x3.closedAt = t("2026-10-03T10:00");
                x3.outcome = "won";
                m.put("X3", x3);
            }),
            new Later("changed outcomes: a lost deal reopened and won after T keeps its October loss out", m -> {
                // the open opportunity A1 is lost after T; the undated won U1 keeps its state
                m.get("A1").closedAt = t("2026-11-03T10:00");
                m.get("A1").outcome = "lost";
                m.get("D1").closedAt = t("2026-10-20T12:00:00.001");
                m.get("D1").outcome = "won";
            }));

    static List<Lead> build(Map<String, Lead.Builder> m) {
        return m.values().stream().map(Lead.Builder::build).toList();
    }

    static Evaluation evaluate(List<Lead> leads) {
        MetricsTable metrics = new MetricsTable();
        metrics.put("", "quota", 100_000);
        metrics.put("east", "quota", 50_000);
        metrics.put("west", "quota", 40_000);
        metrics.put("north", "quota", 1);
        metrics.put("", "visitors", 48_000);
        metrics.put("", "spend", 9_000);
        Dataset data = new Dataset(leads, metrics, List.of(), List.of(), List.of());
        Period october = Period.parse(agreement.period(), "2026-10").orElseThrow();
        return Evaluator.run(
                agreement, rules, data, october, Instant.ofEpochMilli(T), Limits.defaults(), Progress.QUIET);
    }

    @BeforeAll
    static void compile() throws IOException {
        Path sla = dir.resolve("sla.yaml");
        Files.writeString(sla, AGREEMENT.formatted(targets()));
        agreement = AgreementParser.load(sla);
        rules = CompiledRules.build(
                agreement, sla.toString(), DrlGenerator.generate(agreement), RulesFile.readAll(Path.of("rules")));
        base = evaluate(build(baseLeads()));
    }

    static TargetResult target(Evaluation e, String clause, String subject) {
        return e.targets().stream()
                .filter(r -> r.clauseId().equals(clause) && r.subject().equals(subject))
                .findFirst()
                .orElseThrow(() -> new AssertionError(clause + " " + subject + " not measured"));
    }

    /** Violations and data-quality findings, as "CLAUSE SUBJECT" and "CHECK LEAD". */
    static Set<String> violated(Evaluation e) {
        Set<String> out = e.violations().stream()
                .map(v -> v.clauseId() + " " + v.subject())
                .collect(Collectors.toCollection(TreeSet::new));
        e.findings().forEach(f -> out.add(f.checkId() + " " + f.leadId()));
        return out;
    }

    @Test
    void theBaseRunHasSomethingToAssessForEveryMetricAndClauseKind() {
        for (int i = 0; i < METRICS.size(); i++) target(base, "M" + i, "all");
        // hand-computed values at T
        assertEquals(8.0, target(base, "M1", "all").value(), "MQLs in October at T: A1 A2 A3 A4 A5 N1 N2 H1");
        assertEquals(1.6, target(base, "M19", "all").value(), 1e-12, "pipeline: A1 150,000 + D1 10,000 over 100,000");
        assertEquals(3.0 / 4, target(base, "M13", "all").value(), 1e-12, "win rate: W1 W2 W3 won, L1 lost");
        assertEquals(80_000.0, target(base, "M15", "all").value(), 1e-9, "revenue: W1 50,000 + W2 30,000");
        assertEquals(
                Set.of("east", "west"),
                base.targets().stream()
                        .filter(r -> r.clauseId().equals("P1"))
                        .map(TargetResult::subject)
                        .collect(Collectors.toSet()));
        assertEquals(3.2, target(base, "P1", "east").value(), 1e-12, "east: A1 150,000 + D1 10,000 over 50,000");
        assertEquals(0.0, target(base, "P1", "west").value(), 1e-12, "west: U1 is won (no close date), not pipeline");
        assertEquals(
                Set.of("Ann", "Bob", "Cid"),
                base.targets().stream()
                        .filter(r -> r.clauseId().equals("P2"))
                        .map(TargetResult::subject)
                        .collect(Collectors.toSet()));
        // each lead-level clause kind is both met and violated somewhere; data-quality findings exist
        Set<String> v = violated(base);
        for (String expected : List.of(
                "F1 A2",
                "F2 A2",
                "H1 A2",
                "R1 A5",
                "C1 D1",
                "C2 H1",
                "DQ-WON-WITHOUT-AMOUNT W3",
                "DQ-TOUCH-IS-AUTO-RESPONSE H1",
                "DQ-OUTCOME-WITHOUT-CLOSE-DATE U1")) {
            assertTrue(v.contains(expected), expected + " in " + v);
        }
        for (String clause : List.of("F1", "F2", "H1", "H2", "R1", "C1", "C2")) {
            long met = base.teams().stream()
                    .flatMap(a -> a.clauses().stream())
                    .filter(c -> c.clauseId().equals(clause))
                    .mapToLong(ClauseOutcome::met)
                    .sum();
            assertTrue(met > 0, clause + " met somewhere");
        }
        assertTrue(
                base.openItems().stream()
                        .anyMatch(o -> o.leadId().equals("A3") && o.clauseId().equals("F1") && o.atRisk()),
                base.openItems().toString());
    }

    static Stream<Later> later() {
        return LATER.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("later")
    void eventsAfterAsOfChangeNothingAtAsOf(Later later) {
        Map<String, Lead.Builder> m = baseLeads();
        later.change().accept(m);
        assertSameAsBase(evaluate(build(m)));
    }

    @Test
    void allLaterEventsTogetherChangeNothingAtAsOf() {
        Map<String, Lead.Builder> m = baseLeads();
        // "changed outcomes" closes A1 and D1 otherwise than "later closes": one of the two suffices here
        LATER.stream()
                .filter(l -> !l.sentence().startsWith("changed outcomes"))
                .forEach(l -> l.change().accept(m));
        assertSameAsBase(evaluate(build(m)));
    }

    static void assertSameAsBase(Evaluation e) {
        assertEquals(base.targets(), e.targets());
        assertEquals(base.violations(), e.violations());
        assertEquals(base.openItems(), e.openItems());
        assertEquals(base.teams(), e.teams());
        assertEquals(base.leadsSeen(), e.leadsSeen());
        assertEquals(base.asOf(), e.asOf());
    }

    // ---- the audit's scenario, by hand ----

    @Test
    void anOpportunityCreatedAfterAsOfIsNoPipeline() {
        Lead.Builder a = Lead.builder("A", t("2026-10-01T09:00"));
        a.sqoAt = t("2026-10-10T10:00");
        a.opportunityId = "O-A";
        a.amount = 150_000.0;
        a.outcome = "open";
        Lead.Builder b = Lead.builder("B", t("2026-10-01T09:00"));
        b.sqoAt = t("2026-10-25T10:00");
        b.opportunityId = "O-B";
        b.amount = 200_000.0;
        b.outcome = "open";
        MetricsTable quota = new MetricsTable();
        quota.put("", "quota", 100_000);
        PeriodWindow w = new PeriodWindow("2026-10", t("2026-10-01T00:00"), t("2026-11-01T00:00"), T, NY);
        List<Lead> seen = Stream.of(a, b).map(x -> x.build().seenAt(T)).toList();
        MetricCalculator.Measure m = MetricCalculator.measure(new Metric.PipelineCoverage(), seen, w, quota, "")
                .orElseThrow();
        // 150,000 / 100,000, not (150,000 + 200,000) / 100,000 = 3.5
        assertEquals(1.5, m.value(), 1e-12);
        assertEquals("150,000.00 open in 1 opportunities against a quota of 100,000.00", m.detail());
        Lead bSeen = seen.get(1);
        assertFalse(bSeen.isOpenOpportunity());
        assertNull(bSeen.getSqoAt());
        assertNull(bSeen.getOpportunityId());
        assertNull(bSeen.getAmount());
        assertNull(bSeen.getOutcome());
        // as of the end of the period both are open: 3.5x
        List<Lead> atEnd = Stream.of(a, b)
                .map(x -> x.build().seenAt(t("2026-11-01T00:00")))
                .toList();
        assertEquals(
                3.5,
                MetricCalculator.measure(new Metric.PipelineCoverage(), atEnd, w, quota, "")
                        .orElseThrow()
                        .value(),
                1e-12);
    }

    @Test
    void aDealClosedBeforeAsOfKeepsItsOpportunityEvenWithALaterSqoDate() {
        // closed before it became an opportunity (a data-quality finding once sqo_at is visible): the close
        // at or before as-of proves the deal existed, so its amount still counts in revenue
        Lead.Builder b = Lead.builder("W", t("2026-10-01T09:00"));
        b.sqoAt = t("2026-10-25T10:00");
        b.opportunityId = "O-W";
        b.amount = 4_000.0;
        b.closedAt = t("2026-10-15T10:00");
        b.outcome = "won";
        Lead seen = b.build().seenAt(T);
        assertNull(seen.getSqoAt());
        assertEquals("O-W", seen.getOpportunityId());
        assertEquals(4_000.0, seen.getAmount());
        assertEquals("won", seen.getOutcome());
        assertEquals(t("2026-10-15T10:00"), seen.getWonAt());
    }

    @Test
    void undatedValuesAreTakenAsTheDataHasThem() {
        // an opportunity without sqo_at exists since the lead's creation; a won deal without closed_at is closed
        Lead.Builder o = Lead.builder("O", t("2026-10-01T09:00"));
        o.opportunityId = "O-O";
        o.amount = 5_000.0;
        o.outcome = "open";
        Lead oSeen = o.build().seenAt(T);
        assertTrue(oSeen.isOpenOpportunity());
        assertEquals(5_000.0, oSeen.getAmount());
        Lead.Builder u = Lead.builder("U", t("2026-10-01T09:00"));
        u.sqoAt = t("2026-10-02T09:00");
        u.opportunityId = "O-U";
        u.amount = 5_000.0;
        u.outcome = "won";
        Lead uSeen = u.build().seenAt(T);
        assertEquals("won", uSeen.getOutcome());
        assertFalse(uSeen.isOpenOpportunity(), "won without a close date is not pipeline");
        assertNull(uSeen.getWonAt(), "and counts in no period");
        // the same won deal whose sqo_at is after as-of was no opportunity at as-of
        u.sqoAt = t("2026-10-21T09:00");
        Lead uLater = u.build().seenAt(T);
        assertNull(uLater.getOutcome());
        assertNull(uLater.getOpportunityId());
    }

    // ---- Lead.seenAt on random leads: events after T never reach the lead seen at T ----

    /** Every value a rule or metric can read from a lead. */
    static List<Object> view(Lead l) {
        return Arrays.asList(
                l.getLeadId(),
                l.getCreatedAt(),
                l.getTeam(),
                l.getOwner(),
                l.getScore(),
                l.getCompany(),
                l.getInquiryAt(),
                l.getMqlAt(),
                l.getAutoResponseAt(),
                l.getFirstTouchAt(),
                l.getSalAt(),
                l.getRejectedAt(),
                l.getRejectionReason(),
                l.getSqoAt(),
                l.getOpportunityId(),
                l.getAmount(),
                l.getClosedAt(),
                l.getOutcome(),
                l.getWonAt(),
                l.getLostAt(),
                l.isOpenOpportunity(),
                new java.util.TreeMap<>(l.extras()));
    }

    @Test
    void randomLeadsSeenAtAsOfIgnoreEveryLaterEvent() {
        Random r = new Random(20261020);
        long day = 86_400_000L;
        long start = t("2026-09-01T00:00");
        int changed = 0;
        for (int i = 0; i < 5_000; i++) {
            // a canonical lead recorded at T: events at or before T only
            long created = start + (long) (r.nextDouble() * (T - start));
            Lead.Builder b = Lead.builder("R" + i, created);
            b.team = r.nextBoolean() ? "east" : null;
            java.util.function.LongSupplier before = () -> created + (long) (r.nextDouble() * (T - created));
            if (r.nextBoolean()) b.mqlAt = before.getAsLong();
            if (r.nextBoolean()) b.firstTouchAt = before.getAsLong();
            if (r.nextBoolean()) b.salAt = before.getAsLong();
            if (r.nextInt(4) == 0) {
                b.rejectedAt = before.getAsLong();
                b.rejectionReason = "no-budget";
            }
            if (r.nextInt(5) == 0) b.extras.put("demo_at", before.getAsLong());
            int opp = r.nextInt(4); // 0: none, 1: open, 2: closed at or before T, 3: undated opportunity
            if (opp > 0) {
                if (opp != 3) b.sqoAt = before.getAsLong();
                b.opportunityId = "O-" + i;
                b.amount = r.nextBoolean() ? 1_000.0 * r.nextInt(100) : null;
                b.outcome = "open";
                if (opp == 2) {
                    b.closedAt = before.getAsLong();
                    b.outcome = r.nextBoolean() ? "won" : "lost";
                }
            }
            Lead recorded = b.build();
            List<Object> expected = view(recorded.seenAt(T));
            // then events after T, each with some chance
            java.util.function.LongSupplier after = () -> T + 1 + (long) (r.nextDouble() * 60 * day);
            if (b.mqlAt == null && r.nextBoolean()) b.mqlAt = after.getAsLong();
            if (b.firstTouchAt == null && r.nextBoolean()) b.firstTouchAt = after.getAsLong();
            if (b.salAt == null && r.nextBoolean()) b.salAt = after.getAsLong();
            if (b.inquiryAt == null && r.nextBoolean()) b.inquiryAt = after.getAsLong();
            if (b.autoResponseAt == null && r.nextBoolean()) b.autoResponseAt = after.getAsLong();
            if (b.rejectedAt == null && r.nextBoolean()) {
                b.rejectedAt = after.getAsLong();
                b.rejectionReason = r.nextBoolean() ? "later" : null;
            }
            if (!b.extras.containsKey("demo_at") && r.nextBoolean()) b.extras.put("demo_at", after.getAsLong());
            if (opp == 0
                    && r.nextBoolean()) { // an opportunity created after T, maybe closed, maybe without a close date
                b.sqoAt = after.getAsLong();
                b.opportunityId = "O-" + i;
                b.amount = 1_000.0 * r.nextInt(100);
                b.outcome = List.of("open", "won", "lost").get(r.nextInt(3));
                if (!b.outcome.equals("open") && r.nextBoolean())
                    b.closedAt = b.sqoAt + (long) (r.nextDouble() * 30 * day);
            }
            if ((opp == 1 || opp == 3) && r.nextBoolean()) { // an open opportunity closed after T
                b.closedAt = after.getAsLong();
                b.outcome = r.nextBoolean() ? "won" : "lost";
            }
            Lead full = b.build();
            if (!view(full).equals(view(recorded))) changed++;
            assertEquals(expected, view(full.seenAt(T)), "lead " + i + " " + view(full));
            // a copy created after T is not there at all
            Lead.Builder late = full.toBuilder();
            late.createdAt = T + 1;
            assertNull(late.build().seenAt(T));
        }
        assertTrue(changed > 3_000, "most leads got later events: " + changed);
    }

    // ---- end to end through the CLI ----

    @TempDir
    Path tmp;

    /** A leads.csv row of an open opportunity of team sales created Oct 1. */
    static String opportunity(String id, String sqo, String amount) {
        String[] row = new String[Workspace.LEADS_HEADER.split(",").length];
        Arrays.fill(row, "");
        List<String> cols = List.of(Workspace.LEADS_HEADER.split(","));
        row[cols.indexOf("lead_id")] = id;
        row[cols.indexOf("created_at")] = "2026-10-01T09:00";
        row[cols.indexOf("team")] = "sales";
        row[cols.indexOf("sqo_at")] = sqo;
        row[cols.indexOf("opportunity_id")] = "O-" + id;
        row[cols.indexOf("amount")] = amount;
        row[cols.indexOf("outcome")] = "open";
        return String.join(",", row);
    }

    @Test
    void checkAsOfMidPeriodShowsACoverageTargetThatLaterOpportunitiesWouldMeetAsProvisional() {
        Workspace w = new Workspace(tmp)
                .sla("""
                sla: t
                period: month
                timezone: America/New_York
                teams:
                  sales: { owner: "VP Sales" }
                clauses:
                  - id: P1
                    type: target
                    metric: pipeline_coverage
                    min: 2
                    owner: sales
                """)
                .leads(opportunity("A", "2026-10-10T10:00", "150000"), opportunity("B", "2026-10-25T10:00", "200000"))
                .metrics("2026-10,,quota,100000");
        // mid-period a rate is provisional: shown as missed so far (1.5x, B not yet an opportunity), no violation
        Cli mid = w.check("2026-10", "--as-of", "2026-10-20T12:00", "--fail-on", "major");
        assertEquals(0, mid.code(), mid.toString());
        assertEquals(List.of(), w.violationKeys());
        JsonNode t = w.json("accountability.json").get("targets").get(0);
        assertEquals(1.5, t.get("value").asDouble());
        assertFalse(t.get("met").asBoolean());
        assertEquals(0, w.outcome("sales", "P1")[1]);
        assertEquals(1, w.outcome("sales", "P1")[3]); // at risk
        Cli end = w.check("2026-10", "--fail-on", "major");
        assertEquals(0, end.code(), end.toString());
        assertEquals(List.of(), w.violationKeys());
        assertTrue(
                w.json("accountability.json").get("targets").get(0).get("met").asBoolean());
    }

    @Test
    void perTeamSubjectsComeFromLeadsThatExistAtAsOf() {
        // X1 is the only lead of team north and was created after T: north is no subject of P1 at T
        Map<String, Lead.Builder> m = baseLeads();
        LATER.stream()
                .filter(l -> l.sentence().startsWith("new leads"))
                .forEach(l -> l.change().accept(m));
        Evaluation e = evaluate(build(m));
        assertFalse(e.targets().stream()
                .anyMatch(r -> r.subject().equals("north") || r.subject().equals("Zed")));
        assertFalse(e.teams().stream().anyMatch(a -> a.team().equals("north")));
        assertEquals(3, e.leadsAfterAsOf());
        assertTrue(agreement.clauses().stream()
                .anyMatch(c -> c instanceof Clause.Target tc && tc.per() == Clause.Per.TEAM));
    }
}
