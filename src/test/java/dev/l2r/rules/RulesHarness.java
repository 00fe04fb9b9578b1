package dev.l2r.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.l2r.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs {@code l2r check} through the real CLI (agreement → generated DRL + rules/ → KieBase → evaluation →
 * reports) on a tiny agreement and lead table written to a temporary folder, and reads the outputs back.
 */
final class RulesHarness {

    /** The hand-written rules shipped with the tool; tests run from the Maven project folder. */
    static final Path RULES = Path.of("rules");

    /** Columns of the leads.csv the tests write; each lead sets only the ones it needs. */
    static final List<String> COLUMNS = List.of("lead_id", "created_at", "team", "owner", "company", "inquiry_at", "mql_at",
            "auto_response_at", "first_touch_at", "sal_at", "rejected_at", "rejection_reason", "sqo_at", "opportunity_id",
            "amount", "closed_at", "outcome");

    private static final ObjectMapper JSON = new ObjectMapper();

    private RulesHarness() {}

    /**
     * One leads.csv row: {@code lead("L1", "mql_at=2026-10-05T10:00", "team=sales")}. created_at defaults to
     * the start of October 1 (New York), so that it precedes every other October event of a test lead.
     */
    static Map<String, String> lead(String id, String... settings) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("lead_id", id);
        row.put("created_at", "2026-10-01T00:00");
        for (String s : settings) {
            int eq = s.indexOf('=');
            String col = s.substring(0, eq);
            if (!COLUMNS.contains(col)) throw new IllegalArgumentException("unknown column " + col);
            row.put(col, s.substring(eq + 1));
        }
        return row;
    }

    static String csv(List<Map<String, String>> rows) {
        StringBuilder b = new StringBuilder(String.join(",", COLUMNS)).append('\n');
        for (Map<String, String> r : rows) {
            List<String> cells = new ArrayList<>();
            for (String c : COLUMNS) {
                String v = r.getOrDefault(c, "");
                if (v.contains(",") || v.contains("\"")) v = '"' + v.replace("\"", "\"\"") + '"';
                cells.add(v);
            }
            b.append(String.join(",", cells)).append('\n');
        }
        return b.toString();
    }

    /** The outcome of one check run. */
    record Run(int exitCode, String stderr, Path out) {

        List<JsonNode> violations() {
            try {
                List<JsonNode> out = new ArrayList<>();
                JSON.readTree(this.out.resolve("violations.json").toFile()).forEach(out::add);
                return out;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        JsonNode accountability() {
            try {
                return JSON.readTree(out.resolve("accountability.json").toFile());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The accountability entry of one clause of one team, or null. */
        JsonNode clause(String team, String clauseId) {
            for (JsonNode t : accountability().get("teams")) {
                if (!t.get("team").asText().equals(team)) continue;
                for (JsonNode c : t.get("clauses")) if (c.get("clause_id").asText().equals(clauseId)) return c;
            }
            return null;
        }
    }

    /** Writes sla.yaml and leads.csv into {@code dir} and runs {@code l2r check} for October 2026. */
    static Run check(Path dir, String agreement, List<Map<String, String>> leads, Path rules) {
        try {
            Path sla = dir.resolve("sla.yaml");
            Path data = dir.resolve("leads.csv");
            Path out = dir.resolve("out");
            Files.writeString(sla, agreement, StandardCharsets.UTF_8);
            Files.writeString(data, csv(leads), StandardCharsets.UTF_8);
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            PrintStream saved = System.err;
            int code;
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            try {
                code = Main.execute("check", "--sla", sla.toString(), "--data", data.toString(), "--period", "2026-10",
                        "--rules", rules.toString(), "--out", out.toString(), "--fail-on", "none");
            } finally {
                System.setErr(saved);
            }
            return new Run(code, err.toString(StandardCharsets.UTF_8), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
