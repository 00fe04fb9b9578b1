package dev.l2r.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.l2r.Cli;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code l2r plan}: the funnel worked backwards from a revenue goal through the agreement's own targets. */
class PlanCommandTest {

    static final String EXAMPLE = "src/test/resources/plan/worked-example.yaml";
    static final String METRICS = "src/test/resources/plan/metrics.csv";
    static final Path GOLDEN = Path.of("src/test/resources/golden/plan-worked-example.json");

    static final String HEAD = """
            sla: t
            period: month
            timezone: America/New_York
            teams:
              marketing: { owner: "VP Marketing" }
              sdr-amer: { owner: "SDR Manager, Americas" }
              sdr-emea: { owner: "SDR Manager, EMEA" }
              sales: { owner: "VP Sales" }
            clauses:
            """;

    @TempDir
    Path tmp;

    private static String target(String id, String metric, String bound) {
        return "  - id: " + id + "\n    type: target\n    metric: " + metric + "\n" + bound + "\n    owner: sales\n";
    }

    private Path sla(String... clauses) throws IOException {
        Path p = tmp.resolve("sla.yaml");
        Files.writeString(p, HEAD + String.join("", clauses), StandardCharsets.UTF_8);
        return p;
    }

    private static JsonNode json(Cli r) throws IOException {
        assertEquals(0, r.code(), r.toString());
        return new ObjectMapper().readTree(r.out());
    }

    private static List<String> needed(JsonNode plan) {
        List<String> out = new ArrayList<>();
        for (JsonNode s : plan.get("stages"))
            out.add(s.get("stage").asText() + " " + s.get("needed").asText());
        return out;
    }

    private Cli refused(String... args) {
        Cli r = Cli.run(args);
        assertEquals(2, r.code(), r.toString());
        assertEquals("", r.out(), r.toString());
        assertEquals(1, r.err().lines().count(), "one line: " + r);
        assertFalse(r.err().contains("\tat "), "no stack trace");
        return r;
    }

    @Test
    void theWorkedExampleNeeds50Wins200Opportunities400SalsAnd500Mqls() throws IOException {
        JsonNode plan =
                json(Cli.run("plan", "--sla", EXAMPLE, "--revenue", "2000000", "--period", "2026-10", "--json"));
        assertEquals(List.of("revenue 2000000", "won 50", "sqo 200", "sal 400", "mql 500"), needed(plan));
        assertEquals(
                "no target gives conversion(inquiry, mql) a min; add one to plan inquiry",
                plan.get("stop").asText());
    }

    @Test
    void theTableShowsStageNeededSourceTargetAndGap() {
        Cli r = Cli.run("plan", "--sla", EXAMPLE, "--revenue", "2000000", "--period", "2026-10");
        assertEquals(0, r.code(), r.toString());
        String expected = """
                Plan for revenue 2,000,000 in 2026-10, worked backwards from agreement plan-example (src/test/resources/plan/worked-example.yaml)
                Each stage is rounded up to whole leads (deals) before the next division.

                Stage       Needed  From                               Agreement's target              Gap
                revenue  2,000,000  goal                               revenue min 1,800,000 (P7)  200,000
                won             50  average_selling_price 40,000 (P1)  count(won) min 50 (P6)         none
                sqo            200  win_rate 25% (P2)                  -                                 -
                sal            400  conversion(sal, sqo) 50% (P3)      -                                 -
                mql            500  conversion(mql, sal) 80% (P4)      count(mql) min 450 (P5)          50

                The plan stops at mql: no target gives conversion(inquiry, mql) a min; add one to plan inquiry.

                Short of the plan:
                - revenue min 1,800,000 < 2,000,000 needed (P7, line 40)
                - count(mql) min 450 < 500 needed (P5, line 30)
                Spend: no spend: give --data with a metrics.csv holding spend:CHANNEL and mqls:CHANNEL rows for 2026-10 (docs/AGREEMENTS.md, "Cost per MQL for l2r plan")
                """;
        assertEquals(expected, r.out());
    }

    @Test
    void theJsonIsTheGoldenCopyByteForByte() throws IOException {
        Cli r = Cli.run(
                "plan", "--sla", EXAMPLE, "--revenue", "2000000", "--period", "2026-10", "--data", METRICS, "--json");
        assertEquals(0, r.code(), r.toString());
        if (Boolean.getBoolean("l2r.regen")) Files.writeString(GOLDEN, r.out(), StandardCharsets.UTF_8);
        assertEquals(Files.readString(GOLDEN, StandardCharsets.UTF_8), r.out());
        Cli again = Cli.run(
                "plan", "--sla", EXAMPLE, "--revenue", "2e6", "--period", "2026-10", "--data", METRICS, "--json");
        assertEquals(r.out(), again.out(), "2e6 is the same goal, written the same way");
    }

    @Test
    void eachStepIsRoundedUpToWholeLeadsInExactDecimals() throws IOException {
        Path sla = sla(
                target("A", "average_selling_price", "    min: 30000"),
                target("W", "win_rate", "    min: 0.3"),
                target("S", "conversion(sal, sqo)", "    min: 0.7"),
                target("M", "conversion(mql, sal)", "    min: 0.45"),
                target("I", "conversion(inquiry, mql)", "    min: 0.1"));
        JsonNode plan =
                json(Cli.run("plan", "--sla", sla.toString(), "--revenue", "1000000", "--period", "2026-10", "--json"));
        // 33.3 -> 34 wins; 113.3 -> 114; 162.9 -> 163; 362.2 -> 363; 3630 exactly (not 3,631 from 363 / 0.1 in double)
        assertEquals(
                List.of("revenue 1000000", "won 34", "sqo 114", "sal 163", "mql 363", "inquiry 3630"), needed(plan));
        assertTrue(plan.get("stop").isNull(), plan.toString());
    }

    @Test
    void withoutAnAverageSellingPriceTargetThePlanCannotStartAndSaysWhatToAdd() throws IOException {
        Path sla = sla(target("W", "win_rate", "    min: 0.3"));
        Cli r = refused("plan", "--sla", sla.toString(), "--revenue", "1000000", "--period", "2026-10");
        assertEquals(
                sla + ": no target with metric average_selling_price; the plan turns revenue into wins with it: add a"
                        + " target clause with metric: average_selling_price and min: AMOUNT\n",
                r.err());
    }

    @Test
    void anAverageSellingPriceWithOnlyAMaxIsNamedWithItsLine() throws IOException {
        Path sla = sla(target("W", "win_rate", "    min: 0.3"), target("A", "average_selling_price", "    max: 90000"));
        Cli r = refused("plan", "--sla", sla.toString(), "--revenue", "1000000", "--period", "2026-10");
        assertEquals(
                sla
                        + ":15: clauses[1] (A).min: target A (average_selling_price) has no min; the plan turns revenue into"
                        + " wins with it: add min: AMOUNT, the lowest average deal value\n",
                r.err());
    }

    @Test
    void aRateOfZeroOrAboveOneCannotPlan() throws IOException {
        Path sla = sla(target("A", "average_selling_price", "    min: 30000"), target("W", "win_rate", "    min: 0"));
        Cli r = refused("plan", "--sla", sla.toString(), "--revenue", "1000000", "--period", "2026-10");
        assertTrue(
                r.err().startsWith(sla + ":15: clauses[1] (W).min: win_rate min 0 of target W cannot plan"), r.err());
    }

    @Test
    void withoutAWinRateThePlanStopsAtWinsAndSaysSo() throws IOException {
        Path sla = sla(
                target("A", "average_selling_price", "    min: 40000"),
                target("M", "conversion(mql, sal)", "    min: 0.8"));
        Cli r = Cli.run("plan", "--sla", sla.toString(), "--revenue", "2000000", "--period", "2026-10");
        assertEquals(0, r.code(), r.toString());
        assertTrue(
                r.out()
                        .contains("The plan stops at won: no target gives win_rate a min; add one to plan sqo and the"
                                + " stages before it."),
                r.out());
        assertFalse(r.out().contains("\nmql "), r.out());
        assertTrue(r.out().contains("Spend: no spend: the plan does not reach mql"), r.out());
    }

    @Test
    void aConversionFromSqoToWonStandsInForAMissingWinRate() throws IOException {
        Path sla = sla(
                target("A", "average_selling_price", "    min: 40000"),
                target("C", "conversion(sqo, won)", "    min: 0.2"));
        JsonNode plan =
                json(Cli.run("plan", "--sla", sla.toString(), "--revenue", "2000000", "--period", "2026-10", "--json"));
        assertEquals(List.of("revenue 2000000", "won 50", "sqo 250"), needed(plan));
        assertEquals(
                "conversion(sqo, won)",
                plan.get("stages").get(2).get("from").get("metric").asText());
    }

    @Test
    void aSegmentTargetIsReadAsTheCompanysWithANote() {
        Cli r = Cli.run(
                "plan", "--sla", "sla-templates/enterprise-abm.yaml", "--revenue", "1500000", "--period", "2026-Q3");
        assertEquals(0, r.code(), r.toString());
        // 1,500,000 / 90,000 = 16.7 -> 17 wins; / 22% = 77.3 -> 78; / 35% = 222.9 -> 223 SALs; no MQL-to-SAL target
        assertTrue(r.out().contains("\nsal            223  conversion(sal, sqo) 35% (E4)"), r.out());
        assertTrue(
                r.out()
                        .contains("- win_rate: E7 measures a segment only (where team = enterprise); the plan reads it"
                                + " as the company's\n"),
                r.out());
        assertTrue(r.out().contains("The agreement has no volume target (count, revenue) to compare with the plan."));
    }

    @Test
    void perTeamRatesUseTheLowestAndPerTeamVolumesTheirSum() throws IOException {
        Path sla = sla(
                target("A", "average_selling_price", "    min: 40000"),
                target("W", "win_rate", "    min: 0.25"),
                target("S", "conversion(sal, sqo)", "    min: 0.5"),
                "  - id: M\n    type: target\n    metric: conversion(mql, sal)\n    per: team\n"
                        + "    min: { sdr-amer: 0.85, sdr-emea: 0.8 }\n    owner: lead.team\n",
                "  - id: C\n    type: target\n    metric: count(mql)\n    per: team\n"
                        + "    min: { sdr-amer: 250, sdr-emea: 200 }\n    owner: lead.team\n");
        JsonNode plan =
                json(Cli.run("plan", "--sla", sla.toString(), "--revenue", "2000000", "--period", "2026-10", "--json"));
        assertEquals(List.of("revenue 2000000", "won 50", "sqo 200", "sal 400", "mql 500"), needed(plan));
        JsonNode mql = plan.get("stages").get(4);
        assertEquals("0.8", mql.get("from").get("min").asText());
        assertEquals("450", mql.get("target").get("min").asText());
        assertEquals("50", mql.get("gap").asText());
        assertEquals(
                List.of(
                        "conversion(mql, sal): M sets a min per team (sdr-amer 85%, sdr-emea 80%); the plan uses the"
                                + " lowest, 80% (sdr-emea), so that it holds whatever the mix",
                        "count(mql): C sets a min per team (sdr-amer 250, sdr-emea 200); the plan compares their sum,"
                                + " 450"),
                strings(plan.get("notes")));
        assertEquals(List.of("count(mql) min 450 < 500 needed (C, line 31)"), strings(plan.get("shortfalls")));
    }

    @Test
    void oneNumberForEveryTeamIsAUsableRateButNoCompanyVolume() throws IOException {
        Path sla = sla(
                target("A", "average_selling_price", "    min: 40000"),
                "  - id: W\n    type: target\n    metric: win_rate\n    per: team\n    min: 0.25\n    owner: lead.team\n",
                "  - id: C\n    type: target\n    metric: count(sqo)\n    per: team\n    min: 60\n    owner: lead.team\n");
        JsonNode plan =
                json(Cli.run("plan", "--sla", sla.toString(), "--revenue", "2000000", "--period", "2026-10", "--json"));
        JsonNode sqo = plan.get("stages").get(2);
        assertEquals("200", sqo.get("needed").asText());
        assertTrue(sqo.get("target").get("min").isNull());
        assertTrue(sqo.get("gap").isNull());
        assertTrue(strings(plan.get("notes")).get(0).contains("is not compared"), plan.toString());
    }

    @Test
    void spendComesFromEachChannelsCostPerMqlOfThePeriod() throws IOException {
        JsonNode plan = json(Cli.run(
                "plan", "--sla", EXAMPLE, "--revenue", "2000000", "--period", "2026-10", "--data", METRICS, "--json"));
        JsonNode spend = plan.get("spend");
        // organic 20,000 / 200 = 100 per MQL, paid-search 60,000 / 200 = 300: blended 200, 500 MQLs cost 100,000
        assertEquals("200", spend.get("cost_per_mql").asText());
        assertEquals("100000", spend.get("spend").asText());
        assertEquals("organic", spend.get("cheapest").asText());
        assertEquals("50000", spend.get("spend_at_cheapest").asText());
        assertEquals(2, spend.get("channels").size(), "a team's row and other periods' rows are not the company's");
        Cli text = Cli.run("plan", "--sla", EXAMPLE, "--revenue", "2000000", "--period", "2026-10", "--data", METRICS);
        assertTrue(text.out().endsWith("""
                Spend: 500 MQLs cost 100,000.00 at 2026-10's 200.00 per MQL over all channels
                  organic      100.00 per MQL (spend 20,000.00, 200 MQLs)
                  paid-search  300.00 per MQL (spend 60,000.00, 200 MQLs)
                  with every MQL from organic, the cheapest channel: 50,000.00
                """), text.out());
    }

    @Test
    void aMetricsFileWithoutChannelCostsSaysHowToAddThem() throws IOException {
        Path m = tmp.resolve("metrics.csv");
        Files.writeString(m, "period,team,metric,value\n2026-10,,spend,80000\n2026-10,,mqls:organic,x\n");
        Cli r = Cli.run(
                "plan", "--sla", EXAMPLE, "--revenue", "2000000", "--period", "2026-10", "--data", tmp.toString());
        assertEquals(0, r.code(), r.toString());
        assertTrue(
                r.out().contains("Spend: no spend: " + m + " has no spend:CHANNEL and mqls:CHANNEL rows for 2026-10"),
                r.out());
        assertEquals(m + ":3: value: not a number (row left out)\n", r.err());
    }

    @Test
    void aMetricsFileWhoseOnlyLineIsNoHeaderIsRefused() throws IOException {
        Path m = tmp.resolve("metrics.csv");
        for (String text : List.of("hi\n", "a,b,c,d\n")) {
            Files.writeString(m, text);
            assertEquals(
                    m + ":1: period: missing column; metrics.csv has period, team, metric, value\n",
                    refused(
                                    "plan",
                                    "--sla",
                                    EXAMPLE,
                                    "--revenue",
                                    "2000000",
                                    "--period",
                                    "2026-10",
                                    "--data",
                                    m.toString())
                            .err());
        }
    }

    @Test
    void theVisitorsTargetIsShownButNotPlanned() throws IOException {
        Path sla = sla(
                target("A", "average_selling_price", "    min: 1000"),
                target("W", "win_rate", "    min: 0.5"),
                target("S", "conversion(sal, sqo)", "    min: 0.5"),
                target("M", "conversion(mql, sal)", "    min: 0.5"),
                target("I", "conversion(inquiry, mql)", "    min: 0.2"),
                target("V", "metric(visitors)", "    min: 85000"));
        JsonNode plan =
                json(Cli.run("plan", "--sla", sla.toString(), "--revenue", "10000", "--period", "2026-10", "--json"));
        JsonNode v = plan.get("stages").get(6);
        assertEquals("visitors", v.get("stage").asText());
        assertTrue(v.get("needed").isNull());
        assertEquals("85000", v.get("target").get("min").asText());
        assertEquals("400", plan.get("stages").get(5).get("needed").asText());
    }

    @Test
    void badArgumentsAreRefusedOnOneLineNamingTheOption() {
        String[] base = {"plan", "--sla", EXAMPLE, "--period", "2026-10", "--revenue"};
        assertEquals(
                "--revenue: \"2M\" is not an amount; give a plain number such as 2000000\n",
                refused(concat(base, "2M")).err());
        assertEquals(
                "--revenue: \"2,000,000\" is not an amount; give a plain number such as 2000000\n",
                refused(concat(base, "2,000,000")).err());
        assertEquals(
                "--revenue: \"-5\" is not above 0; give the revenue goal\n",
                refused(concat(base, "-5")).err());
        assertEquals(
                "--revenue: \"0\" is not above 0; give the revenue goal\n",
                refused(concat(base, "0")).err());
        assertTrue(refused("plan", "--sla", EXAMPLE, "--period", "2026-10")
                .err()
                .startsWith("l2r: Missing required option: '--revenue=AMOUNT'"));
        assertEquals(
                "--period: \"2026-13\" is not a month of agreement plan-example; use a label such as 2026-10\n",
                refused("plan", "--sla", EXAMPLE, "--revenue", "1000", "--period", "2026-13")
                        .err());
        assertEquals(
                "--period: \"2026-Q4\" is not a month of agreement plan-example; use a label such as 2026-10\n",
                refused("plan", "--sla", EXAMPLE, "--revenue", "1000", "--period", "2026-Q4")
                        .err());
        assertEquals(
                "--data: nope: no such file or folder\n",
                refused("plan", "--sla", EXAMPLE, "--revenue", "1000", "--period", "2026-10", "--data", "nope")
                        .err());
        assertEquals(
                "nope.yaml: no such file\n",
                refused("plan", "--sla", "nope.yaml", "--revenue", "1000", "--period", "2026-10")
                        .err());
    }

    private static String[] concat(String[] a, String last) {
        String[] out = Arrays.copyOf(a, a.length + 1);
        out[a.length] = last;
        return out;
    }

    private static List<String> strings(JsonNode a) {
        List<String> out = new ArrayList<>();
        a.forEach(n -> out.add(n.asText()));
        return out;
    }
}
