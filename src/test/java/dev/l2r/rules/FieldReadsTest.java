package dev.l2r.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.l2r.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hand-written rule that reads a custom field the agreement does not declare (or declares with another
 * type) sees no value on any lead: validate and check say so, naming the file and line.
 */
class FieldReadsTest {

    @TempDir
    Path tmp;

    private static final String SLA = """
            sla: fields-test
            period: month
            timezone: America/New_York
            teams:
              sales: { owner: "VP Sales" }
            fields:
              partner_tier: text
              signed_at: timestamp
            clauses:
              - id: C1
                type: rule
                rule: "Big partners are called"
                owner: sales
            """;

    private static final String DRL = """
            package l2r.rules;
            import dev.l2r.facts.Lead;
            global dev.l2r.facts.SlaSink sla;
            rule "Big partners are called"
            when
                $l : Lead( number("employees") != null, text("partner_tier") == "gold", number("partner_tier") != null, time("signed_at") != null )
            then
                sla.met(kcontext, $l);
            end
            """;

    @Test
    void readingAnUndeclaredOrMistypedFieldIsAWarningWithFileAndLine() throws IOException {
        Files.writeString(tmp.resolve("sla.yaml"), SLA);
        Path rules = Files.createDirectories(tmp.resolve("rules"));
        Files.writeString(rules.resolve("custom.drl"), DRL);
        Cli r = Cli.run("validate", "--sla", tmp.resolve("sla.yaml").toString(), "--rules", rules.toString());
        assertEquals(0, r.code(), r.toString());
        String file = rules.resolve("custom.drl").toString();
        assertEquals(
                List.of(
                        file
                                + ":6: warning: number(\"employees\") reads a field agreement fields-test does not declare, so no lead"
                                + " has a value; add \"employees: number\" under fields:",
                        file
                                + ":6: warning: number(\"partner_tier\") reads a field agreement fields-test declares as text, so no"
                                + " lead has a value; read it with text(\"partner_tier\")"),
                r.err().lines().toList());
        assertTrue(r.out().contains("ok: agreement fields-test"), r.toString());
    }

    @Test
    void declaredFieldsReadWithTheirTypeGiveNoWarning() throws IOException {
        Files.writeString(
                tmp.resolve("sla.yaml"),
                SLA.replace("  signed_at: timestamp", "  signed_at: timestamp\n  employees: number"));
        Path rules = Files.createDirectories(tmp.resolve("rules"));
        Files.writeString(rules.resolve("custom.drl"), DRL.replace(", number(\"partner_tier\") != null", ""));
        Cli r = Cli.run("validate", "--sla", tmp.resolve("sla.yaml").toString(), "--rules", rules.toString());
        assertEquals(0, r.code(), r.toString());
        assertEquals("", r.err(), r.toString());
    }
}
