package dev.l2r.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.l2r.Cli;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code l2r test}: the shipped scenarios, the diff of a failing one, and malformed ones. */
class ScenariosTest {

    @TempDir
    Path dir;

    private static final String AGREEMENT =
            Path.of("sla-templates/inside-sales.yaml").toAbsolutePath().toString();
    private static final String RULES = Path.of("rules").toAbsolutePath().toString();

    /** A demo request late for S1 and S2 (worked out in scenarios/inside-sales/callback-late.yaml). */
    private static final String LEAD = """
              - lead_id: IS-1
                created_at: 2026-09-03T15:10:00-04:00
                mql_at: 2026-09-03T15:16:00-04:00
                first_touch_at: 2026-09-04T09:19:00-04:00
                sal_at: 2026-09-04T11:00:00-04:00
                source: demo-request
                team: sdr-amer
                company: Acme
                email: ann@acme.example
                score: 80
            """;

    private Path scenario(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    private static String head() {
        return "agreement: " + AGREEMENT + "\nrules: " + RULES + "\nperiod: 2026-09\n";
    }

    @Test
    void everyShippedScenarioPasses() {
        Cli r = Cli.run("test", "scenarios");
        assertEquals(0, r.code(), r.toString());
        assertFalse(r.out().contains("FAIL"), r.toString());
        assertTrue(r.out().endsWith(" passed, 0 failed\n"), r.toString());
    }

    @Test
    void everyTemplateShipsAScenarioWithViolationsAndACleanOne() throws IOException {
        try (Stream<Path> templates = Files.list(Path.of("sla-templates"))) {
            for (Path t : templates.sorted().toList()) {
                String name = t.getFileName().toString().replaceFirst("\\.yaml$", "");
                Path folder = Path.of("scenarios", name);
                assertTrue(Files.isDirectory(folder), "no scenarios for template " + name);
                List<String> texts;
                try (Stream<Path> files = Files.list(folder)) {
                    texts = files.filter(f -> f.toString().endsWith(".yaml"))
                            .map(ScenariosTest::read)
                            .toList();
                }
                assertTrue(texts.size() >= 2, name + ": " + texts.size() + " scenarios");
                assertTrue(texts.stream().anyMatch(s -> s.contains("\nexpect: none")), name + ": no clean scenario");
                assertTrue(
                        texts.stream().anyMatch(s -> s.contains("clause:")),
                        name + ": no scenario with expected violations");
                assertTrue(
                        texts.stream().allMatch(s -> s.contains("agreement: ../../sla-templates/" + name + ".yaml")),
                        name + ": a scenario checks another agreement");
            }
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aFailingScenarioShowsWhatIsMissingAndWhatIsUnexpected() throws IOException {
        scenario("inside/late.yaml", head() + "leads:\n" + LEAD + """
                        expect:
                          - { clause: S1, subject: IS-1, status: late }
                          - { clause: S7, subject: IS-1 }
                        """);
        scenario("inside/clean.yaml", head() + "leads: []\nexpect: none\n");
        Cli r = Cli.run("test", dir.toString());
        assertEquals(1, r.code(), r.toString());
        assertEquals("""
                PASS inside/clean
                FAIL inside/late
                  missing:    S7 IS-1 (expected at late.yaml:17), not found
                  unexpected: S2 IS-1 late: Lead IS-1 became an MQL Thu 3 Sep 2026, 15:16 EDT and was first touched \
                Fri 4 Sep 2026, 09:19 EDT, 3 business min after the deadline of Fri 4 Sep 2026, 09:16 EDT; the window is \
                4 business hours on the America/New_York calendar.
                  unexpected: S6 sdr-amer violated: Team sdr-amer: 1 MQL in 2026-09; the agreement asks for at least \
                160 (short by 159); marketing (VP Demand Generation) answers for it.
                1 passed, 1 failed
                """, r.out());
        assertEquals("", r.err());
    }

    @Test
    void aStatusOrDeadlineThatDiffersIsADifferentViolation() throws IOException {
        scenario("s.yaml", head() + "leads:\n" + LEAD + """
                        expect:
                          - { clause: S1, subject: IS-1, status: missed }
                          - { clause: S2, subject: IS-1, deadline: 2026-09-04T09:16:00-04:00 }
                          - { clause: S6, subject: sdr-amer }
                        """);
        Cli r = Cli.run("test", dir.resolve("s.yaml").toString());
        assertEquals(1, r.code(), r.toString());
        assertTrue(r.out().contains("  missing:    S1 IS-1 missed (expected at s.yaml:16), not found\n"), r.out());
        assertTrue(r.out().contains("  unexpected: S1 IS-1 late: Lead IS-1 became an MQL"), r.out());
        assertFalse(r.out().contains("S2"), r.out());
    }

    @Test
    void aLeadThatCannotBeReadFailsTheScenarioNamingTheField() throws IOException {
        Path s = scenario("bad-lead.yaml", head() + """
                        leads:
                          - { lead_id: X-1, created_at: 2026-09-03T10:00:00-04:00, mql_at: yesterday }
                        expect: none
                        """);
        Cli r = Cli.run("test", dir.toString());
        assertEquals(1, r.code(), r.toString());
        assertEquals(
                "FAIL bad-lead\n  row not read: " + s + ":5: mql_at: not an ISO-8601 timestamp (\"yesterday\")\n"
                        + "0 passed, 1 failed\n",
                r.out());
    }

    @Test
    void aLeadsFileAndInlineMetricsAreReadWithTheSameChecksAsData() throws IOException {
        scenario("leads.csv", "lead_id,created_at,score\nF-1,2026-09-03T10:00:00-04:00,high\n");
        Path s = scenario("file.yaml", head() + """
                        leads: leads.csv
                        metrics:
                          - { team: sdr-amer, metric: quota, value: lots }
                        expect: none
                        """);
        Cli r = Cli.run("test", dir.toString());
        assertEquals(1, r.code(), r.toString());
        assertEquals(
                "FAIL file\n  row not read: " + dir.resolve("leads.csv") + ":2: score: not a number (\"high\")\n"
                        + "  row not read: " + s + ":6: value: not a number (\"lots\")\n"
                        + "0 passed, 1 failed\n",
                r.out());
    }

    @Test
    void aLeadsFileWhoseOnlyLineIsNoHeaderIsBadInputNotAPass() throws IOException {
        scenario("leads.csv", "hi\n");
        scenario("file.yaml", head() + "leads: leads.csv\nexpect: none\n");
        Cli r = Cli.run("test", dir.toString());
        assertEquals(2, r.code(), r.toString());
        assertEquals("", r.out());
        assertEquals(
                dir.resolve("leads.csv") + ":1: lead_id: missing column; a leads file needs lead_id and created_at\n",
                r.err());
    }

    @Test
    void malformedScenariosExitTwoNamingFileLineAndField() throws IOException {
        Path a = scenario("a.yaml", head() + """
                        leads: {lead_id: X}
                        expekt: none
                        """);
        Path b = scenario("b.yaml", head() + """
                        leads: []
                        expect:
                          - { clause: S1, subject: X, status: slow }
                          - { clause: S1 }
                        """);
        Cli r = Cli.run("test", dir.toString());
        assertEquals(2, r.code(), r.toString());
        assertEquals("", r.out());
        assertEquals(
                a + ":1: expect: required; a list of {clause, subject} or none\n"
                        + a + ":4: leads: expected a list of leads or a file name, found a mapping\n"
                        + a + ":5: expekt: unknown field; valid here: description, agreement, rules, period, as_of,"
                        + " leads, metrics, expect\n"
                        + b + ":6: expect[0].status: \"slow\" is not a status; use late, missed, violated\n"
                        + b + ":7: expect[1].subject: required\n",
                r.err());
    }

    @Test
    void anExpectedViolationOfAClauseTheAgreementDoesNotHaveIsAMalformedScenario() throws IOException {
        Path s = scenario("nope.yaml", head() + "leads:\n" + LEAD + """
                        expect:
                          - { clause: S1, subject: IS-1 }
                          - clause: NOPE
                            subject: IS-1
                          - { clause: DQ-SAL-BEFORE-MQL, subject: IS-1 }
                        """);
        Cli r = Cli.run("test", dir.toString());
        assertEquals(2, r.code(), r.toString());
        assertEquals("", r.out());
        assertEquals(
                s + ":17: expect[1].clause: agreement inside-sales has no clause \"NOPE\"; use one of its clauses"
                        + " (S1, S2, S3, S4, S5, S6, S7) or the id of a data-quality check\n",
                r.err());
    }

    @Test
    void aPeriodOrAsOfTheAgreementCannotUseIsBadInput() throws IOException {
        Path s = scenario(
                "p.yaml",
                "agreement: " + AGREEMENT + "\nrules: " + RULES
                        + "\nperiod: 2026-Q3\nas_of: soon\nleads: []\nexpect: none\n");
        Cli r = Cli.run("test", dir.toString());
        assertEquals(2, r.code(), r.toString());
        assertEquals(
                s + ":3: period: \"2026-Q3\" is not a month of agreement inside-sales; use a label such as 2026-10\n",
                r.err());
    }

    @Test
    void aFolderWithoutScenariosIsBadInput() {
        Cli r = Cli.run("test", dir.toString());
        assertEquals(2, r.code(), r.toString());
        assertEquals(dir + ": no scenario here (*.yaml files)\n", r.err());
        Cli missing = Cli.run("test", dir.resolve("nowhere").toString());
        assertEquals(2, missing.code(), missing.toString());
        assertEquals(dir.resolve("nowhere") + ": no such folder; give a folder of scenarios\n", missing.err());
    }
}
