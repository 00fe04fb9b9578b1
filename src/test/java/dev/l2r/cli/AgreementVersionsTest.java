package dev.l2r.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.l2r.Cli;
import dev.l2r.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A folder of versions of one agreement: each period is judged by the version in force when it starts. */
class AgreementVersionsTest {

    static final String VERSION = """
            sla: routing
            version: "%s"
            effective_from: %s
            period: month
            timezone: America/New_York
            teams:
              sdr: { owner: "SDR Manager" }
            clauses:
              - { id: F1, type: followup, from: mql, to: sal, within: %s, owner: sdr }
            """;

    /** MQL Monday 2026-07-06 and 2026-08-03 at 10:00; accepted 6 hours later each time. */
    static final List<String> LEADS = List.of(
            "A,2026-07-06T10:00-04:00,,,,sdr,Ann,,,,,,,2026-07-06T10:00-04:00,,,2026-07-06T16:00-04:00,,,,,,,",
            "B,2026-08-03T10:00-04:00,,,,sdr,Ann,,,,,,,2026-08-03T10:00-04:00,,,2026-08-03T16:00-04:00,,,,,,,");

    @TempDir
    Path tmp;

    private Workspace workspace() throws Exception {
        Workspace w = new Workspace(tmp).leads(LEADS.toArray(String[]::new));
        Path versions = Files.createDirectories(tmp.resolve("routing"));
        Files.writeString(versions.resolve("routing-1.yaml"), VERSION.formatted("1", "2026-01-01", "8 hours"));
        Files.writeString(versions.resolve("routing-2.yaml"), VERSION.formatted("2", "2026-08-01", "4 hours"));
        return w;
    }

    private Cli check(Workspace w, String period) {
        return Cli.run(
                "check",
                "--sla",
                tmp.resolve("routing").toString(),
                "--data",
                tmp.resolve("data").toString(),
                "--period",
                period,
                "--rules",
                tmp.resolve("no-rules").toString(),
                "--out",
                w.out().toString(),
                "--fail-on",
                "none");
    }

    @Test
    void eachPeriodIsJudgedByTheVersionInForceAndRunJsonSaysWhich() throws Exception {
        Workspace w = workspace();
        Files.createDirectories(tmp.resolve("no-rules"));
        Cli r = check(w, "2026-07..2026-08");
        assertEquals(0, r.code(), r.toString());
        JsonNode july =
                new ObjectMapper().readTree(w.out().resolve("2026-07/run.json").toFile());
        JsonNode august =
                new ObjectMapper().readTree(w.out().resolve("2026-08/run.json").toFile());
        assertEquals("1", july.get("agreement").get("version").asText());
        assertTrue(july.get("agreement").get("file").asText().endsWith("routing-1.yaml"));
        assertEquals("2", august.get("agreement").get("version").asText());
        assertTrue(august.get("agreement").get("file").asText().endsWith("routing-2.yaml"));
        // 6 hours to accept: within version 1's 8 hours, late under version 2's 4 hours
        assertFalse(Files.readString(w.out().resolve("2026-07/violations.csv")).contains("F1"));
        assertTrue(Files.readString(w.out().resolve("2026-08/violations.csv")).contains("F1"));
    }

    @Test
    void versionsMustShareTheIdAndPeriodAndEachHaveItsOwnDate() throws Exception {
        Workspace w = workspace();
        Path versions = tmp.resolve("routing");
        Files.writeString(
                versions.resolve("routing-3.yaml"),
                VERSION.formatted("3", "2026-08-01", "2 hours").replace("sla: routing", "sla: other"));
        Cli r = check(w, "2026-08");
        assertEquals(2, r.code(), r.toString());
        List<String> lines =
                r.err().lines().map(l -> l.replace(versions + "/", "")).toList();
        assertEquals(
                List.of(
                        "routing-3.yaml: sla: \"other\" differs from \"routing\" in routing-1.yaml; a folder holds"
                                + " versions of one agreement only",
                        "routing-3.yaml: effective_from: 2026-08-01 is also the date of routing-2.yaml; each version"
                                + " takes effect on its own date"),
                lines);
        assertFalse(Files.exists(w.out()));
    }

    @Test
    void anEmptyFolderOrAFolderForAOneFileCommandIsRefused() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        Cli r = Cli.run("validate", "--sla", empty.toString());
        assertEquals(2, r.code(), r.toString());
        assertEquals(
                empty + ": no agreement in this folder (.yaml, .yml or .json files)",
                r.err().strip());
        workspace();
        Cli compile = Cli.run("compile", "--sla", tmp.resolve("routing").toString());
        assertEquals(2, compile.code(), compile.toString());
        assertTrue(compile.err().contains("is a folder; this command reads one agreement file"), compile.err());
        Cli validate = Cli.run("validate", "--sla", tmp.resolve("routing").toString(), "--rules", empty.toString());
        assertEquals(0, validate.code(), validate.toString());
        assertEquals(
                2,
                validate.out()
                        .lines()
                        .filter(l -> l.contains(": ok: agreement routing effective from"))
                        .count());
    }
}
