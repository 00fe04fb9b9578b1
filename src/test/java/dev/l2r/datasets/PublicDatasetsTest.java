package dev.l2r.datasets;

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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Both public data sets end to end, read in place from ../shared/datasets. Every count is checked against
 * figures computed here from the raw files by a plain splitter (no l2r code) and against the publishers'
 * figures in SOURCE.md. Without the data sets (set -Dl2r.datasets=DIR to point elsewhere) the tests are
 * skipped, unless L2R_REQUIRE_DATASETS is set, which makes their absence a failure.
 */
class PublicDatasetsTest {

    static final Path DATASETS = Path.of(System.getProperty("l2r.datasets", "../shared/datasets"));
    static final Path OLIST = DATASETS.resolve("olist-marketing-funnel");
    static final Path MAVEN = DATASETS.resolve("maven-crm-sales-opportunities");

    @TempDir
    static Path tmp;

    /** Each test checks on its own, so that a run without the data sets reports them as skipped, one by one. */
    @BeforeEach
    void present() {
        boolean there = Files.isDirectory(OLIST) && Files.isDirectory(MAVEN);
        if (System.getenv("L2R_REQUIRE_DATASETS") != null)
            assertTrue(there, "data sets not found at " + DATASETS.toAbsolutePath());
        Assumptions.assumeTrue(there, "data sets not found at " + DATASETS.toAbsolutePath());
    }

    // ---- an independent reader: RFC 4180 fields, quotes, no l2r code ----

    static List<Map<String, String>> rows(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n");
        List<List<String>> records = new ArrayList<>();
        List<String> rec = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    f.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    f.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                rec.add(f.toString());
                f.setLength(0);
            } else if (c == '\n') {
                rec.add(f.toString());
                f.setLength(0);
                records.add(rec);
                rec = new ArrayList<>();
            } else {
                f.append(c);
            }
        }
        if (f.length() > 0 || !rec.isEmpty()) {
            rec.add(f.toString());
            records.add(rec);
        }
        List<String> header = records.get(0);
        List<Map<String, String>> out = new ArrayList<>();
        for (List<String> r : records.subList(1, records.size())) {
            assertEquals(header.size(), r.size(), "row width");
            Map<String, String> m = new HashMap<>();
            for (int i = 0; i < header.size(); i++) m.put(header.get(i), r.get(i));
            out.add(m);
        }
        return out;
    }

    static Map<String, Long> count(List<Map<String, String>> rows, String column) {
        Map<String, Long> out = new TreeMap<>();
        rows.forEach(r -> out.merge(r.get(column), 1L, Long::sum));
        return out;
    }

    static Cli importTo(String profile, Path in, Path out) {
        Cli r = Cli.run("import", "--profile", profile, "--in", in.toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.toString());
        return r;
    }

    // ---- Olist ----

    @Test
    void olistImportsEveryMqlAndEveryWonDeal() throws IOException {
        List<Map<String, String>> mqls = rows(OLIST.resolve("olist_marketing_qualified_leads_dataset.csv"));
        List<Map<String, String>> deals = rows(OLIST.resolve("olist_closed_deals_dataset.csv"));
        assertEquals(8000, mqls.size(), "SOURCE.md: 8,000 MQLs");
        assertEquals(842, deals.size(), "SOURCE.md: 842 won deals");

        Path out = tmp.resolve("olist.csv");
        Cli r = importTo("olist", OLIST, out);
        List<Map<String, String>> leads = rows(out);
        assertEquals(8000, leads.size());
        assertTrue(r.out().contains("8,000 leads written"), r.out());
        assertEquals(
                Map.of("won", 842L),
                count(leads.stream().filter(l -> !l.get("outcome").isEmpty()).toList(), "outcome"));
        // channel per origin, as counted from the raw file (60 blanks stay blank)
        assertEquals(count(mqls, "origin"), count(leads, "channel"));
        assertEquals(2296, count(leads, "channel").get("organic_search"));
        // every deal's rep became the owner of its lead
        Map<String, String> repOf = new HashMap<>();
        deals.forEach(d -> repOf.put(d.get("mql_id"), d.get("sr_id")));
        for (Map<String, String> l : leads)
            assertEquals(repOf.getOrDefault(l.get("lead_id"), ""), l.get("owner"), l.get("lead_id"));
        // extra columns are kept: business_segment of the won deals
        assertEquals(
                count(deals, "business_segment"),
                count(
                        leads.stream()
                                .filter(l -> repOf.containsKey(l.get("lead_id")))
                                .toList(),
                        "business_segment"));

        // the deal won before its MQL date: kept as it is, counted, and a data-quality finding in its month
        Map<String, String> odd = leads.stream()
                .filter(l -> l.get("lead_id").equals("b91cf8812365f50ff4bda4bcd6206b05"))
                .findFirst()
                .orElseThrow();
        assertEquals("2018-03-08T00:00:00-03:00", odd.get("created_at"));
        assertEquals("2018-03-08T00:00:00-03:00", odd.get("mql_at"));
        assertEquals("2018-03-06T19:38:55-03:00", odd.get("closed_at"));
        assertEquals("won", odd.get("outcome"));
        assertTrue(
                r.err()
                        .contains(
                                "olist_marketing_qualified_leads_dataset.csv (mqls): 8,000 rows read, 8,000 accepted, 0 rejected, 1 stage before created"),
                r.err());
        assertTrue(
                r.err()
                        .contains(
                                "olist_closed_deals_dataset.csv (deals): 842 rows read, 842 accepted, 0 rejected, 842 joined"),
                r.err());
    }

    @Test
    void olistMarchCohortConvertsAsCountedFromTheRawFiles() throws IOException {
        List<Map<String, String>> mqls = rows(OLIST.resolve("olist_marketing_qualified_leads_dataset.csv"));
        Map<String, String> wonDate = new HashMap<>();
        rows(OLIST.resolve("olist_closed_deals_dataset.csv"))
                .forEach(d -> wonDate.put(d.get("mql_id"), d.get("won_date")));
        long cohort = 0;
        long won = 0;
        for (Map<String, String> m : mqls) {
            if (!m.get("first_contact_date").startsWith("2018-03")) continue;
            cohort++;
            String w = wonDate.get(m.get("mql_id"));
            if (w != null && w.compareTo("2018-11-30 23:59:59") <= 0) won++;
        }
        assertEquals(1174, cohort, "SOURCE.md: 1,174 MQLs in 2018-03");

        Path out = tmp.resolve("olist-2018-03");
        Cli r = Cli.run(
                "check",
                "--sla",
                "sla-templates/olist-funnel.yaml",
                "--profile",
                "olist",
                "--data",
                OLIST.toString(),
                "--period",
                "2018-03",
                "--as-of",
                "2018-11-30T23:59:59",
                "--out",
                out.toString(),
                "--fail-on",
                "none");
        assertEquals(0, r.code(), r.toString());
        JsonNode acc =
                new ObjectMapper().readTree(out.resolve("accountability.json").toFile());
        Map<String, Double> values = new HashMap<>();
        acc.get("targets")
                .forEach(t -> values.put(
                        t.get("clause_id").asText() + " " + t.get("subject").asText(),
                        t.get("value").asDouble()));
        assertEquals(1174.0, values.get("O1 all"));
        assertEquals(Math.round((double) won / cohort * 1e6) / 1e6, values.get("O2 all"), 1e-9);
        // the won-before-MQL deal is the one data-quality finding of the month
        List<String> dq = Files.readAllLines(out.resolve("data-quality.csv")).stream()
                .skip(1)
                .map(x -> x.split(",")[0] + " " + x.split(",")[3])
                .toList();
        assertEquals(List.of("DQ-STAGE-BEFORE-CREATED b91cf8812365f50ff4bda4bcd6206b05"), dq);
        JsonNode v = new ObjectMapper().readTree(out.resolve("violations.json").toFile());
        v.forEach(x -> assertFalse(x.get("type").asText().equals("data-quality"), x.toString()));
        JsonNode run = new ObjectMapper().readTree(out.resolve("run.json").toFile());
        assertEquals("olist", run.get("profile").get("name").asText());
        assertEquals(1, run.get("inputs").get(0).get("stage_before_created").asInt());
        assertEquals(
                OLIST.resolve("SOURCE.md").toString(),
                run.get("ignored_files").get(0).asText());
    }

    // ---- Maven CRM ----

    @Test
    void mavenImportsEveryOpportunityWithItsOutcomeAndRegion() throws IOException {
        List<Map<String, String>> pipeline = rows(MAVEN.resolve("sales_pipeline.csv"));
        assertEquals(8800, pipeline.size(), "SOURCE.md: 8,800 opportunities");
        Map<String, Long> stages = count(pipeline, "deal_stage");
        assertEquals(4238L, stages.get("Won"));
        assertEquals(2473L, stages.get("Lost"));

        Path out = tmp.resolve("maven.csv");
        Cli r = importTo("maven-crm", MAVEN, out);
        List<Map<String, String>> leads = rows(out);
        assertEquals(8800, leads.size());
        Map<String, Long> outcomes = count(leads, "outcome");
        assertEquals(4238L, outcomes.get("won"));
        assertEquals(2473L, outcomes.get("lost"));
        assertEquals(stages.get("Engaging") + stages.get("Prospecting"), outcomes.get("open"));

        // won value: SOURCE.md says 10,005,534 in all
        long wonValue = leads.stream()
                .filter(l -> l.get("outcome").equals("won"))
                .mapToLong(l -> Long.parseLong(l.get("amount")))
                .sum();
        assertEquals(10_005_534L, wonValue);
        // open deals carry the product's list price, including the GTXPro / "GTX Pro" spelling
        Map<String, String> price = new HashMap<>();
        rows(MAVEN.resolve("products.csv"))
                .forEach(p -> price.put(p.get("product").replace(" ", ""), p.get("sales_price")));
        Map<String, Map<String, String>> byId = new HashMap<>();
        leads.forEach(l -> byId.put(l.get("lead_id"), l));
        int open = 0;
        for (Map<String, String> p : pipeline) {
            Map<String, String> l = byId.get(p.get("opportunity_id"));
            if (p.get("close_value").isEmpty()) {
                open++;
                assertEquals(price.get(p.get("product").replace(" ", "")), l.get("amount"), p.get("opportunity_id"));
            }
        }
        assertEquals(2089, open);
        // region and manager from sales_teams.csv
        Map<String, Map<String, String>> agent = new HashMap<>();
        rows(MAVEN.resolve("sales_teams.csv")).forEach(a -> agent.put(a.get("sales_agent"), a));
        for (Map<String, String> p : pipeline) {
            Map<String, String> l = byId.get(p.get("opportunity_id"));
            assertEquals(agent.get(p.get("sales_agent")).get("regional_office"), l.get("team"));
            assertEquals(agent.get(p.get("sales_agent")).get("manager"), l.get("manager"));
            assertEquals(p.get("sales_agent"), l.get("owner"));
        }
        // the 500 Prospecting rows have no date: created at the export date, per the profile
        assertEquals(
                500,
                leads.stream()
                        .filter(l -> l.get("created_at").startsWith("2017-12-31")
                                && l.get("sqo_at").isEmpty())
                        .count());
        // 35 agents, 30 with opportunities: 5 not joined, none rejected
        Set<String> withDeals = new HashSet<>();
        pipeline.forEach(p -> withDeals.add(p.get("sales_agent")));
        assertEquals(30, withDeals.size());
        assertTrue(
                r.err()
                        .contains(
                                "sales_teams.csv (teams): 35 rows read, 35 accepted, 0 rejected, 30 joined, 5 not joined"),
                r.err());
    }

    @Test
    void mavenQuarterWinRatesPerRegionMatchTheRawFiles() throws IOException {
        Map<String, String> region = new HashMap<>();
        rows(MAVEN.resolve("sales_teams.csv")).forEach(a -> region.put(a.get("sales_agent"), a.get("regional_office")));
        Map<String, long[]> wl = new TreeMap<>();
        LocalDate from = LocalDate.of(2017, 7, 1);
        LocalDate to = LocalDate.of(2017, 10, 1);
        for (Map<String, String> p : rows(MAVEN.resolve("sales_pipeline.csv"))) {
            if (p.get("close_date").isEmpty()) continue;
            LocalDate d = LocalDate.parse(p.get("close_date"));
            if (d.isBefore(from) || !d.isBefore(to)) continue;
            long[] n = wl.computeIfAbsent(region.get(p.get("sales_agent")), k -> new long[2]);
            if (p.get("deal_stage").equals("Won")) n[0]++;
            else n[1]++;
        }
        Path out = tmp.resolve("maven-2017-Q3");
        Cli r = Cli.run(
                "check",
                "--sla",
                "sla-templates/maven-crm.yaml",
                "--profile",
                "maven-crm",
                "--data",
                MAVEN.toString(),
                "--period",
                "2017-Q3",
                "--out",
                out.toString(),
                "--fail-on",
                "none");
        assertEquals(0, r.code(), r.toString());
        JsonNode acc =
                new ObjectMapper().readTree(out.resolve("accountability.json").toFile());
        Map<String, Double> winRate = new TreeMap<>();
        acc.get("targets").forEach(t -> {
            if (t.get("clause_id").asText().equals("M1"))
                winRate.put(t.get("subject").asText(), t.get("value").asDouble());
        });
        assertEquals(wl.keySet(), winRate.keySet());
        wl.forEach((reg, n) ->
                assertEquals(Math.round((double) n[0] / (n[0] + n[1]) * 1e6) / 1e6, winRate.get(reg), 1e-9, reg));
    }
}
