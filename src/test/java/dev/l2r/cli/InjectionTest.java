package dev.l2r.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.l2r.Cli;
import dev.l2r.Workspace;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Agreement values never become code: a team name, title, reason or where-value written as code is
 * either refused (exit 2) or shows up verbatim in the outputs. Were it executed, System.exit(3) would
 * end this JVM and fail the build.
 */
class InjectionTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(
            strings = {
                "x\" ) ; System.exit(3); ( \"",
                "\" + System.exit(3) + \"",
                "x\\\" ) ; System.exit(3); ( \\\"",
                "${System.exit(3)}",
                "@{System.exit(3)}",
                "'); System.exit(3); ('",
                "end\nrule \"evil\" when then System.exit(3); end",
                "*/ System.exit(3); /*",
                "x\" || true || \"y"
            })
    void payloadIsDataNotCode(String payload) throws Exception {
        ObjectMapper m = new ObjectMapper();
        ObjectNode a = m.createObjectNode();
        a.put("sla", "inj");
        a.put("title", payload);
        a.put("period", "month");
        a.put("timezone", "America/New_York");
        ObjectNode teams = a.putObject("teams");
        teams.putObject(payload).put("owner", payload);
        ArrayNode clauses = a.putArray("clauses");
        ObjectNode h = clauses.addObject();
        h.put("id", "H1");
        h.put("title", payload);
        h.put("type", "handoff");
        h.put("at", "mql");
        h.putArray("require").add("company is present");
        h.put("owner", payload);
        h.putArray("where").add("channel in ['" + payload.replace("'", "") + "', web]");
        ObjectNode r = clauses.addObject();
        r.put("id", "R1");
        r.put("type", "rejection");
        r.putArray("reasons").add(payload).add("no-budget");
        r.put("owner", payload);
        ObjectNode t = clauses.addObject();
        t.put("id", "T1");
        t.put("type", "target");
        t.put("metric", "count(mql)");
        t.put("per", "team");
        t.putObject("min").put(payload, 5);
        t.put("owner", payload);

        Workspace w = new Workspace(tmp)
                .file("sla.yaml", m.writeValueAsString(a))
                .leads("L1,2026-10-05T10:00,,web,,x,Ann,,,,,,,2026-10-05T10:00,,,,2026-10-06T10:00,no-budget,,,,,");
        Cli run = w.check("2026-10", "--fail-on", "none");
        if (run.code() == 2) {
            assertTrue(
                    run.err()
                            .lines()
                            .allMatch(l -> l.startsWith(tmp.resolve("sla.yaml").toString() + ":")),
                    "refused, one line per problem naming the file: " + run);
            assertTrue(!java.nio.file.Files.exists(w.out()), "no partial output");
            return;
        }
        assertEquals(0, run.code(), run.toString());
        List<JsonNode> v = w.violations();
        JsonNode handoff = v.stream()
                .filter(x -> x.get("clause_id").asText().equals("H1"))
                .findFirst()
                .orElseThrow();
        assertEquals(payload, handoff.get("clause_title").asText());
        assertEquals(payload, handoff.get("team").asText());
        String accountability = w.read("accountability.json");
        assertTrue(
                m.readTree(accountability)
                        .get("teams")
                        .get(0)
                        .get("team")
                        .asText()
                        .equals(payload),
                accountability);
        Cli compiled = Cli.run("compile", "--sla", tmp.resolve("sla.yaml").toString());
        assertEquals(0, compiled.code());
        assertTrue(
                compiled.out().contains(dev.l2r.compile.DrlLiterals.string(payload)),
                "the payload appears only as a literal");
    }
}
