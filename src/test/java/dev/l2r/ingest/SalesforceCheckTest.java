package dev.l2r.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.l2r.Cli;
import dev.l2r.Workspace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code l2r check --profile salesforce --data FOLDER}: the export flows into violations and run.json. */
class SalesforceCheckTest {

    static final String DIR = SalesforceImportTest.DIR;

    @TempDir
    Path tmp;

    @Test
    void exportIsCheckedAndAccountedForInRunJson() {
        Workspace w = new Workspace(tmp).sla("""
                sla: sf-check
                effective_from: 2026-01-01
                period: month
                timezone: America/New_York
                teams:
                  sdr: { owner: "SDR Manager" }
                  sales: { owner: "VP Sales" }
                clauses:
                  - id: F1
                    title: Every MQL is touched within 4 hours
                    type: followup
                    from: mql
                    to: first_touch
                    within: 4 hours
                    owner: sdr
                    severity: critical
                  - id: T1
                    type: target
                    metric: count(won)
                    min: 3
                    owner: sales
                """);
        Cli r = Cli.run(
                "check",
                "--sla",
                tmp.resolve("sla.yaml").toString(),
                "--profile",
                "salesforce",
                "--data",
                DIR,
                "--period",
                "2026-10",
                "--rules",
                w.rules.toString(),
                "--out",
                w.out().toString());
        assertEquals(1, r.code(), r.toString());

        // MQL leads: Globex (never touched), Initech (3h15, met), Umbrella (20 min, met), Stark (never touched),
        // Vandelay (touched the next day); won in October: Umbrella and Soylent, 2 of the 3 asked
        Map<String, String> got = new TreeMap<>();
        for (JsonNode v : w.violations()) {
            got.put(
                    v.get("clause_id").asText() + " " + v.get("subject").asText(),
                    v.get("team").asText() + " " + v.get("owner").asText() + " "
                            + v.path("deadline").asText(""));
        }
        Map<String, String> want = new TreeMap<>(Map.of(
                "F1 00Q8c00001Kx7TbEAJ", "sdr 0058c00000A1bRwAAJ 2026-10-02T10:00:00-04:00",
                "F1 00Q8c00001Kx7TeEAJ", "sdr 0058c00000A1bRyAAJ 2026-10-03T11:00:00-04:00",
                "F1 00Q8c00001Kx7TiEAJ", "sdr 0058c00000A1bRwAAJ 2026-10-06T08:00:00-04:00",
                "T1 all", "sales VP Sales "));
        assertEquals(want, got, r.toString());
        assertEquals(
                "2 (2 deals won in the period)",
                w.violations().stream()
                        .filter(v -> v.get("clause_id").asText().equals("T1"))
                        .findFirst()
                        .orElseThrow()
                        .get("actual")
                        .asText());

        JsonNode run = w.json("run.json");
        assertEquals("salesforce", run.get("profile").get("name").asText());
        assertEquals(
                Ingest.sha256(Path.of("profiles/salesforce.yaml")),
                run.get("profile").get("sha256").asText());
        List<String> inputs = new ArrayList<>();
        for (JsonNode i : run.get("inputs")) {
            StringBuilder b = new StringBuilder(
                    i.get("file").asText() + " " + i.get("role").asText());
            assertEquals(
                    Ingest.sha256(Path.of(i.get("file").asText())),
                    i.get("sha256").asText(),
                    i.toString());
            i.fields().forEachRemaining(e -> {
                if (!List.of("file", "role", "sha256").contains(e.getKey()))
                    b.append(' ')
                            .append(e.getKey())
                            .append('=')
                            .append(e.getValue().asText());
            });
            inputs.add(b.toString());
        }
        assertEquals(
                List.of(
                        DIR + "/Lead.csv leads read=13 accepted=11 rejected=2 stage_before_created=1",
                        DIR + "/Opportunity.csv opportunities read=6 accepted=4 rejected=2 joined=4",
                        DIR
                                + "/LeadHistory.csv lead_history read=25 accepted=22 rejected=3 other_changes=7 stage_times=15",
                        DIR
                                + "/OpportunityHistory.csv opportunity_history read=7 accepted=6 rejected=1 other_changes=2 stage_times=4"),
                inputs);
        // the files are named by path and digest: the digests are those of the fixture files themselves
        assertEquals(
                Ingest.sha256(Path.of(DIR, "Lead.csv")),
                run.get("inputs").get(0).get("sha256").asText());
        assertEquals(8, run.get("rejected_rows").asInt());

        List<List<String>> rejected = Ingest.parse(w.read("rejected.csv"));
        assertEquals(List.of("file", "line", "field", "reason", "value"), rejected.get(0));
        assertEquals(
                List.of(
                        List.of(DIR + "/Lead.csv", "12"),
                        List.of(DIR + "/Lead.csv", "13"),
                        List.of(DIR + "/LeadHistory.csv", "23"),
                        List.of(DIR + "/LeadHistory.csv", "24"),
                        List.of(DIR + "/LeadHistory.csv", "26"),
                        List.of(DIR + "/Opportunity.csv", "6"),
                        List.of(DIR + "/Opportunity.csv", "7"),
                        List.of(DIR + "/OpportunityHistory.csv", "8")),
                Ingest.sorted(rejected.subList(1, rejected.size())).stream()
                        .map(x -> x.subList(0, 2))
                        .toList());
        assertFalse(r.err().contains("Exception"), r.err());
    }
}
