package dev.l2r.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.l2r.Cli;
import dev.l2r.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** run.json names exactly what was checked: digests of agreement, rules and inputs, counts, period and as-of. */
class RunManifestTest {

    @TempDir
    Path tmp;

    static String sha(Path p) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
    }

    @Test
    void runJsonCarriesDigestsAndCounts() throws Exception {
        Workspace w = new Workspace(tmp)
                .sla("""
                sla: m
                version: "3"
                period: week
                timezone: Europe/Berlin
                teams:
                  sdr: { owner: "SDR Manager" }
                clauses:
                  - id: R1
                    type: rejection
                    reasons: [no-budget]
                    owner: sdr
                    severity: critical
                """)
                .leads(
                        "A,2026-10-26T10:00,,,,sdr,,,,,,,,,,,,2026-10-27T10:00,,,,,,",
                        "B,not-a-date,,,,,,,,,,,,,,,,,,,,,,")
                .metrics("2026-W44,,visitors,10");
        w.rules = Path.of("rules");
        Cli r = w.check("2026-W44", "--as-of", "2026-10-30T12:00");
        assertEquals(1, r.code(), r.toString());
        JsonNode run = w.json("run.json");
        assertEquals("m", run.get("agreement").get("id").asText());
        assertEquals("3", run.get("agreement").get("version").asText());
        assertEquals(
                sha(tmp.resolve("sla.yaml")), run.get("agreement").get("sha256").asText());
        assertEquals(
                "rules/custom-rules.drl", run.get("rules").get(0).get("file").asText());
        assertEquals(
                sha(Path.of("rules/custom-rules.drl")),
                run.get("rules").get(0).get("sha256").asText());
        assertEquals(
                sha(Path.of("rules/data-quality.drl")),
                run.get("rules").get(1).get("sha256").asText());
        JsonNode leads = run.get("inputs").get(0);
        assertEquals(sha(tmp.resolve("data/leads.csv")), leads.get("sha256").asText());
        assertEquals(2, leads.get("read").asInt());
        assertEquals(1, leads.get("accepted").asInt());
        assertEquals(1, leads.get("rejected").asInt());
        assertEquals(
                sha(tmp.resolve("data/metrics.csv")),
                run.get("inputs").get(1).get("sha256").asText());
        // ISO week 44 of 2026: Mon Oct 26 to Mon Nov 2, Berlin (CET after Oct 25)
        assertEquals("2026-W44", run.get("period").get("label").asText());
        assertEquals("2026-10-26T00:00+01:00", run.get("period").get("start").asText());
        assertEquals("2026-11-02T00:00+01:00", run.get("period").get("end").asText());
        assertEquals("2026-10-30T12:00:00+01:00", run.get("as_of").asText());
        assertEquals(1, run.get("violations").get("critical").asInt());
        assertEquals(1, run.get("exit_code").asInt());
        assertEquals("critical", run.get("fail_on").asText());
    }
}
