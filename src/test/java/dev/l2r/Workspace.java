package dev.l2r;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A throw-away folder with an agreement, a leads file and an output folder, for end-to-end tests
 * through the real command line. Rules come from the shipped rules/ unless a test supplies its own.
 */
public final class Workspace {

    public static final String LEADS_HEADER =
            "lead_id,created_at,source,channel,campaign,team,owner,score,company,title,"
                    + "email,country,inquiry_at,mql_at,auto_response_at,first_touch_at,sal_at,rejected_at,rejection_reason,sqo_at,"
                    + "opportunity_id,amount,closed_at,outcome";

    public final Path dir;
    /** No hand-written rules unless a test chooses some (e.g. the shipped rules/). */
    public Path rules;

    public Workspace(Path dir) {
        this.dir = dir;
        this.rules = dir.resolve("no-rules");
        try {
            Files.createDirectories(rules);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Workspace file(String name, String text) {
        try {
            Path p = dir.resolve(name);
            Files.createDirectories(p.getParent());
            Files.writeString(p, text, StandardCharsets.UTF_8);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Workspace sla(String yaml) {
        return file("sla.yaml", yaml);
    }

    /** Writes data/leads.csv with the canonical header and the given rows. */
    public Workspace leads(String... rows) {
        return file("data/leads.csv", LEADS_HEADER + "\n" + String.join("\n", rows) + "\n");
    }

    public Workspace metrics(String... rows) {
        return file("data/metrics.csv", "period,team,metric,value\n" + String.join("\n", rows) + "\n");
    }

    public Path out() {
        return dir.resolve("out");
    }

    /** Runs check with the workspace's files (and history) plus extra arguments. */
    public Cli check(String period, String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "check",
                "--sla",
                dir.resolve("sla.yaml").toString(),
                "--data",
                dir.resolve("data").toString(),
                "--period",
                period,
                "--rules",
                rules.toString(),
                "--out",
                out().toString()));
        // the workspace's history, unless the check is to record none (l2r refuses both at once)
        if (!List.of(extra).contains("--no-history"))
            args.addAll(List.of("--history", dir.resolve("history.sqlite").toString()));
        args.addAll(List.of(extra));
        return Cli.run(args.toArray(String[]::new));
    }

    public String read(String name) {
        try {
            return Files.readString(out().resolve(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public JsonNode json(String name) {
        try {
            return new ObjectMapper().readTree(read(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Violations as "clause_id subject" strings plus the whole node, in report order. */
    public List<JsonNode> violations() {
        List<JsonNode> out = new ArrayList<>();
        json("violations.json").forEach(out::add);
        return out;
    }

    /** Data-quality findings of data-quality.csv as "check_id lead_id", in report order. */
    public List<String> findingKeys() {
        List<String> out = new ArrayList<>();
        List<String> lines = read("data-quality.csv").lines().toList();
        for (String line : lines.subList(1, lines.size())) {
            List<String> cells = cells(line);
            out.add(cells.get(0) + " " + cells.get(3));
        }
        return out;
    }

    /** The cells of one CSV line (quotes as RFC 4180 writes them; no line breaks inside cells). */
    static List<String> cells(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted && ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                cell.append('"');
                i++;
            } else if (ch == '"') {
                quoted = !quoted;
            } else if (ch == ',' && !quoted) {
                out.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        out.add(cell.toString());
        return out;
    }

    public List<String> violationKeys() {
        return violations().stream()
                .map(v -> v.get("clause_id").asText() + " " + v.get("subject").asText())
                .toList();
    }

    /** Counts of one clause for one team in accountability.json: [met, violated, open, at_risk], or null. */
    public long[] outcome(String team, String clause) {
        for (JsonNode t : json("accountability.json").get("teams")) {
            if (!t.get("team").asText().equals(team)) continue;
            for (JsonNode c : t.get("clauses")) {
                if (c.get("clause_id").asText().equals(clause)) {
                    return new long[] {
                        c.get("met").asLong(),
                        c.get("violated").asLong(),
                        c.get("open").asLong(),
                        c.get("at_risk").asLong()
                    };
                }
            }
        }
        return null;
    }
}
