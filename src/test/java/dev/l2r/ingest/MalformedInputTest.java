package dev.l2r.ingest;

import static dev.l2r.ingest.Ingest.assertLeads;
import static dev.l2r.ingest.Ingest.lead;
import static dev.l2r.ingest.Ingest.rejected;
import static dev.l2r.ingest.Ingest.sorted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.l2r.Cli;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Malformed exports: a malformed row is rejected with its line and counted; a file that cannot be read at all
 * (or a profile that does not fit it) stops the import with exit 2, one line naming file, line and field, and no
 * output.
 */
class MalformedInputTest {

    @TempDir
    Path tmp;

    /** leads + deals (joined) + history; line numbers below are those of this text. */
    private static final String PROFILE = """
            profile: t
            files:
              leads:
                match: ["leads*.csv"]
                key: id
              deals:
                match: ["deals*.csv"]
                key: lead_ref
                join: id
              hist:
                match: ["hist*.csv"]
                key: lead_ref
                join: id
                history:
                  when: changed
                  value: status
                  where: { field: Status }
                  times:
                    mql_at: [MQL]
            fields:
              lead_id: id
              created_at: created
              company: company
              amount: deals.amount
              mql_at: hist.mql_at
            """;

    private String profile() {
        return profile(PROFILE);
    }

    private String profile(String yaml) {
        return Ingest.write(tmp.resolve("p.yaml"), yaml).toString();
    }

    private String in(String name, String text) {
        return Ingest.write(tmp.resolve("in").resolve(name), text).toString();
    }

    private String in(String name, byte[] bytes) {
        return Ingest.write(tmp.resolve("in").resolve(name), bytes).toString();
    }

    private Ingest.Run run(String profile, String... in) {
        return Ingest.importRun(tmp.resolve("out"), profile, List.of(in));
    }

    /** Exit 2, the first stderr line (paths relative to the test folder), no stack trace and no output. */
    private void refused(Ingest.Run r, String firstLine) {
        assertEquals(2, r.code(), r.cli().toString());
        assertEquals(
                firstLine,
                r.err().lines().findFirst().orElse("").replace(tmp + "/", ""),
                r.cli().toString());
        assertFalse(r.err().contains("\tat "), "no stack trace");
        assertFalse(r.err().contains("internal error"), r.err());
        assertFalse(Files.exists(tmp.resolve("out/leads.csv")), "no output");
        assertFalse(Files.exists(tmp.resolve("out/leads.rejected.csv")), "no rejected file");
        try (var s = Files.list(tmp.resolve("out"))) {
            assertEquals(List.of(), s.map(Path::getFileName).map(Path::toString).toList(), "no temporary file left");
        } catch (java.io.IOException e) {
            // the folder may not exist at all: fine
        }
    }

    // ---- rows that are rejected, counted and listed ----

    @Test
    void rowsWithTooManyOrTooFewFieldsAreRejectedWithTheirLineInEveryKindOfFile() {
        String leads = in("leads.csv", """
                id,created,company
                1,2026-10-01,Acme
                2,2026-10-02,Beta,extra
                3,2026-10-03
                4,2026-10-04,"Gamma, with comma"

                5,2026-10-05,Delta
                """);
        String deals = in("deals.csv", "lead_ref,amount\n1,100\n4,400,oops\n5\n");
        String hist = in(
                "hist.csv",
                "lead_ref,field,status,changed\n1,Status,MQL,2026-10-01T10:00Z\n5,Status,MQL\n"
                        + "5,Status,MQL,2026-10-05T11:00Z,x\n5,Owner,bob,2026-10-05T12:00Z\n");
        Ingest.Run r = run(profile(), leads, deals, hist);
        assertEquals(0, r.code(), r.cli().toString());
        assertLeads(
                r,
                List.of(
                        lead(
                                "1",
                                "created_at=2026-10-01T00:00:00Z",
                                "company=Acme",
                                "amount=100",
                                "mql_at=2026-10-01T10:00:00Z"),
                        lead("4", "created_at=2026-10-04T00:00:00Z", "company=Gamma, with comma"),
                        lead("5", "created_at=2026-10-05T00:00:00Z", "company=Delta")));
        assertEquals(
                sorted(List.of(
                        rejected(leads, 3, "", "has 4 fields; the header has 3", ""),
                        rejected(leads, 4, "", "has 2 fields; the header has 3", ""),
                        rejected(deals, 3, "", "has 3 fields; the header has 2", ""),
                        rejected(deals, 4, "", "has 1 fields; the header has 2", ""),
                        rejected(hist, 3, "", "has 3 fields; the header has 4", ""),
                        rejected(hist, 4, "", "has 5 fields; the header has 4", ""))),
                sorted(r.rejected()));
        assertEquals(
                List.of(
                        // the empty line 6 is no row
                        leads + " (leads): 5 rows read, 3 accepted, 2 rejected",
                        deals + " (deals): 3 rows read, 1 accepted, 2 rejected, 1 joined",
                        hist + " (hist): 4 rows read, 2 accepted, 2 rejected, 1 other changes, 1 stage times"),
                r.countLines());
    }

    @Test
    void headerOnlyGivesNoLeads() {
        String leads = in("leads.csv", "id,created,company,region\n");
        Ingest.Run r = run(profile(), leads);
        assertEquals(0, r.code(), r.cli().toString());
        List<String> header = new ArrayList<>(Ingest.CANONICAL);
        header.add("region");
        assertEquals(header, r.header());
        assertEquals(List.of(), r.leads());
        assertEquals(List.of(leads + " (leads): 0 rows read, 0 accepted, 0 rejected"), r.countLines());
        assertEquals(r.out() + ": 0 leads written (profile t)\n", r.cli().out());
    }

    @Test
    void headerOnlyJoinedFileJoinsNothing() {
        String leads = in("leads.csv", "id,created,company\n1,2026-10-01,Acme\n");
        String deals = in("deals.csv", "lead_ref,amount\n");
        Ingest.Run r = run(profile(), leads, deals);
        assertEquals(0, r.code(), r.cli().toString());
        assertLeads(r, List.of(lead("1", "created_at=2026-10-01T00:00:00Z", "company=Acme")));
        assertEquals(
                List.of(
                        leads + " (leads): 1 rows read, 1 accepted, 0 rejected",
                        deals + " (deals): 0 rows read, 0 accepted, 0 rejected, 0 joined"),
                r.countLines());
    }

    @Test
    void rejectedRowsOfAHistoryFileForAnUnknownLeadAreListed() {
        String leads = in("leads.csv", "id,created,company\n1,2026-10-01,Acme\n");
        String hist = in(
                "hist.csv",
                "lead_ref,field,status,changed\n9,Status,MQL,2026-10-01T10:00Z\n,Status,MQL,2026-10-01T10:00Z\n"
                        + "1,Status,MQL,someday\n");
        Ingest.Run r = run(profile(), leads, hist);
        assertEquals(0, r.code(), r.cli().toString());
        assertEquals(
                List.of(
                        rejected(hist, 2, "lead_ref", "no lead of the leads file has id = 9", "9"),
                        rejected(hist, 3, "lead_ref", "no key: this row joins no lead", ""),
                        rejected(hist, 4, "changed", "not a time in the formats iso", "someday")),
                sorted(r.rejected()));
        assertEquals(
                List.of(
                        leads + " (leads): 1 rows read, 1 accepted, 0 rejected",
                        hist + " (hist): 3 rows read, 0 accepted, 3 rejected, 0 other changes, 0 stage times"),
                r.countLines());
    }

    // ---- files that cannot be read: exit 2 ----

    @Test
    void unterminatedQuoteRejectsItsRowAndReadingGoesOnAtTheNextLine() {
        String leads =
                in("leads.csv", "id,created,company\n1,2026-10-01,Acme\n2,2026-10-02,\"Unclosed\n3,2026-10-03,Foo\n");
        Ingest.Run r = run(profile(), leads);
        assertEquals(0, r.code(), r.cli().toString());
        assertEquals(List.of("1", "3"), r.ids());
        assertEquals(
                List.of(rejected(
                        leads,
                        3,
                        "company",
                        "a quoted field at column 3 (company) is never closed; "
                                + "close it (reading went on at the next line)",
                        "")),
                r.rejected());
        assertEquals(List.of(leads + " (leads): 3 rows read, 2 accepted, 1 rejected"), r.countLines());
    }

    @Test
    void unterminatedQuoteInAJoinedFileRejectsThatRow() {
        String leads = in("leads.csv", "id,created,company\n1,2026-10-01,Acme\n");
        String deals = in("deals.csv", "lead_ref,amount\n1,\"100\n");
        Ingest.Run r = run(profile(), leads, deals);
        assertEquals(0, r.code(), r.cli().toString());
        assertLeads(r, List.of(lead("1", "created_at=2026-10-01T00:00:00Z", "company=Acme")));
        assertEquals(
                List.of(rejected(
                        deals,
                        2,
                        "amount",
                        "a quoted field at column 2 (amount) is never closed; "
                                + "close it (reading went on at the next line)",
                        "")),
                r.rejected());
        assertEquals(
                List.of(
                        leads + " (leads): 1 rows read, 1 accepted, 0 rejected",
                        deals + " (deals): 1 rows read, 0 accepted, 1 rejected, 0 joined"),
                r.countLines());
    }

    @Test
    void aMalformedHeaderStopsWithItsLine() {
        String leads = in("leads.csv", "id,\"created\"x,company\n1,2026-10-01,Acme\n");
        refused(
                run(profile(), leads),
                "in/leads.csv:1: the header row cannot be read: a quote in the middle of a field at column 2; "
                        + "quote the whole field and double inner quotes");
    }

    @Test
    void emptyFileStops() {
        String leads = in("leads.csv", "");
        refused(run(profile(), leads), "in/leads.csv:1: empty file: expected a header row");
    }

    @Test
    void fileOfBlankLinesIsEmpty() {
        String leads = in("leads.csv", "\n\n\r\n");
        refused(run(profile(), leads), "in/leads.csv:1: empty file: expected a header row");
    }

    @Test
    void emptyJoinedFileStops() {
        String leads = in("leads.csv", "id,created,company\n1,2026-10-01,Acme\n");
        String deals = in("deals.csv", "");
        refused(run(profile(), leads, deals), "in/deals.csv:1: empty file: expected a header row");
    }

    @Test
    void duplicateHeaderColumnStops() {
        String leads = in("leads.csv", "id,created,company,Company ,company\n1,2026-10-01,Acme,ACME,acme\n");
        refused(run(profile(), leads), "in/leads.csv:1: company: column appears twice in the header");
    }

    @Test
    void duplicateHeaderColumnInAJoinedFileStops() {
        String leads = in("leads.csv", "id,created,company\n1,2026-10-01,Acme\n");
        String deals = in("deals.csv", "lead_ref,amount,amount\n1,100,200\n");
        refused(run(profile(), leads, deals), "in/deals.csv:1: amount: column appears twice in the header");
    }

    @Test
    void missingKeyColumnOfAJoinedFileNamesFileColumnAndProfileLine() {
        String p = profile();
        String leads = in("leads.csv", "id,created,company\n1,2026-10-01,Acme\n");
        String deals = in("deals.csv", "lead_id,amount\n1,100\n");
        refused(
                run(p, leads, deals),
                "in/deals.csv:1: lead_ref: missing key column (profile t, p.yaml:6 files.deals.key)");
    }

    @Test
    void missingColumnOfAHistoryFileNamesFileColumnAndProfileLine() {
        String leads = in("leads.csv", "id,created,company\n1,2026-10-01,Acme\n");
        String hist = in("hist.csv", "lead_ref,field,new_value,changed\n1,Status,MQL,2026-10-01T10:00Z\n");
        refused(run(profile(), leads, hist), "in/hist.csv:1: status: missing column (profile t, p.yaml:10 files.hist)");
    }

    @Test
    void fieldNamingAColumnTheExportLacksNamesTheProfileLine() {
        String leads = in("leads.csv", "id,created,company_name\n1,2026-10-01,Acme\n");
        refused(
                run(profile(), leads),
                "in/leads.csv:1: company: missing column (profile t, p.yaml:23); the header has company_name, created, id");
    }

    @Test
    void joinedFieldNamingAColumnTheJoinedFileLacksNamesTheProfileLine() {
        String leads = in("leads.csv", "id,created,company\n1,2026-10-01,Acme\n");
        String deals = in("deals.csv", "lead_ref,value\n1,100\n");
        refused(
                run(profile(), leads, deals),
                "in/deals.csv:1: amount: missing column (profile t, p.yaml:24); the header has lead_ref, value");
    }

    @Test
    void primaryFileWithoutTheJoinColumnStops() {
        String p = profile(PROFILE.replace("    join: id\n  hist:", "    join: account_id\n  hist:"));
        String leads = in("leads.csv", "id,created,company\n1,2026-10-01,Acme\n");
        String deals = in("deals.csv", "lead_ref,amount\n1,100\n");
        refused(run(p, leads, deals), "in/leads.csv:1: account_id: missing column that profile t joins on");
    }

    @Test
    void nonUtf8FileWithoutDeclaredEncodingStops() {
        byte[] latin1 = "id,created,company\n1,2026-10-01,Soci\u00e9t\u00e9 G\u00e9n\u00e9rale\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        String leads = in("leads.csv", latin1);
        refused(
                run(profile(), leads),
                "in/leads.csv:2: not UTF-8 text (byte 0xE9 at column 18); save the file as UTF-8 (or a profile can declare"
                        + " another encoding, e.g. encoding: ISO-8859-1)");
    }

    @Test
    void nonUtf8JoinedFileStops() {
        String leads = in("leads.csv", "id,created,company\n1,2026-10-01,Acme\n");
        String deals = in(
                "deals.csv",
                "lead_ref,amount\n1,100\u00a0\u20ac\n".getBytes(java.nio.charset.Charset.forName("windows-1252")));
        refused(
                run(profile(), leads, deals),
                "in/deals.csv:2: not UTF-8 text (byte 0xA0 at column 6); save the file as UTF-8 (or a profile can declare"
                        + " another encoding, e.g. encoding: ISO-8859-1)");
    }

    @Test
    void fileMatchingNoSourceOfTheProfileStops() {
        String leads = in("leads.csv", "id,created,company\n1,2026-10-01,Acme\n");
        String notes = in("notes.txt", "not an export\n");
        refused(
                run(profile(), leads, notes),
                "in/notes.txt: is no file of profile t; it expects leads [leads*.csv], deals [deals*.csv], hist [hist*.csv]");
    }

    @Test
    void unrecognisedFilesOfAFolderAreNamedAndIgnored() {
        in("leads.csv", "id,created,company\n1,2026-10-01,Acme\n");
        in("notes.txt", "not an export\n");
        Ingest.Run r = run(profile(), tmp.resolve("in").toString());
        assertEquals(0, r.code(), r.cli().toString());
        assertEquals(1, r.leads().size());
        assertTrue(r.err().contains(tmp.resolve("in/notes.txt") + ": not an input of this run"), r.err());
    }

    @Test
    void noPrimaryFileStops() {
        String deals = in("deals.csv", "lead_ref,amount\n1,100\n");
        refused(
                run(profile(), deals),
                "p.yaml:3: files.leads: no input file matches [leads*.csv] (the primary file of profile t)");
    }

    @Test
    void metricsCsvIsNoExport() {
        String leads = in("leads.csv", "id,created,company\n1,2026-10-01,Acme\n");
        String metrics = in("metrics.csv", "period,team,metric,value\n2026-10,,visitors,10\n");
        refused(
                run(profile(), leads, metrics),
                "in/metrics.csv: metrics.csv is no CRM export; give it to l2r check --data as it is");
    }

    @Test
    void jsonPrimaryFileStops() {
        String p = profile(PROFILE.replace("match: [\"leads*.csv\"]", "match: [\"leads*\"]"));
        String leads = in("leads.json", "[{\"id\": \"1\", \"created\": \"2026-10-01\"}]");
        refused(run(p, leads), "in/leads.json: profiles read CSV exports; give the .csv export");
    }

    @Test
    void missingInputStops() {
        refused(run(profile(), tmp.resolve("in/nope.csv").toString()), "in/nope.csv: no such file or folder");
    }

    @Test
    void badTimezoneOptionStops() {
        String leads = in("leads.csv", "id,created,company\n1,2026-10-01,Acme\n");
        Ingest.Run r = Ingest.importRun(tmp.resolve("out"), profile(), List.of(leads), "--timezone", "Mars/Olympus");
        refused(r, "--timezone: \"Mars/Olympus\" is not an IANA time zone such as America/New_York");
    }

    // ---- profiles that cannot be found or read ----

    @Test
    void unknownProfileNameListsTheShippedOnes() {
        String leads = in("leads.csv", "id,created\n1,2026-10-01\n");
        Ingest.Run r = run("zoho", leads);
        String first = r.err().lines().findFirst().orElse("");
        assertTrue(first.startsWith("--profile: no profile named \"zoho\"; profiles: "), first);
        assertTrue(first.endsWith(" (or give the path of a profile .yaml)"), first);
        for (String name : List.of("hubspot", "maven-crm", "olist", "salesforce"))
            assertTrue(first.contains(name), first);
        assertTrue(
                first.indexOf("hubspot") < first.indexOf("maven-crm")
                        && first.indexOf("maven-crm") < first.indexOf("olist")
                        && first.indexOf("olist") < first.indexOf("salesforce"),
                "sorted: " + first);
        refused(r, first);
    }

    @Test
    void missingProfileFileStops() {
        String leads = in("leads.csv", "id,created\n1,2026-10-01\n");
        refused(run(tmp.resolve("nope.yaml").toString(), leads), "nope.yaml: no such file");
    }

    @Test
    void profileWithUnknownKeyNamesLineAndPath() {
        String p = profile(PROFILE.replace("    key: id\n", "    key: id\n    matches: [\"x\"]\n"));
        String leads = in("leads.csv", "id,created\n1,2026-10-01\n");
        refused(
                run(p, leads),
                "p.yaml:6: files.leads.matches: unknown field; valid here: match, key, join, key_split, keys, "
                        + "history, reference, encoding, delimiter");
    }

    @Test
    void profileWithUnknownTopLevelKeyNamesLineAndPath() {
        String p = profile("profile: t\ntime_zone: UTC\n" + PROFILE.substring("profile: t\n".length()));
        String leads = in("leads.csv", "id,created\n1,2026-10-01\n");
        refused(
                run(p, leads),
                "p.yaml:2: time_zone: unknown field; valid here: profile, title, description, timezone, formats, "
                        + "numbers, encoding, delimiter, files, fields, keep");
    }

    @Test
    void profileWithBadTimezoneNamesLineAndPath() {
        String p = profile("profile: t\ntimezone: Mars/Olympus\n" + PROFILE.substring("profile: t\n".length()));
        String leads = in("leads.csv", "id,created\n1,2026-10-01\n");
        refused(
                run(p, leads),
                "p.yaml:2: timezone: \"Mars/Olympus\" is not an IANA time zone; use a name such as "
                        + "America/Sao_Paulo or UTC");
    }

    @Test
    void profileWithTwoPrimaryFilesNamesLineAndPath() {
        String p = profile(PROFILE.replace("    key: lead_ref\n    join: id\n  hist:", "    key: lead_ref\n  hist:"));
        String leads = in("leads.csv", "id,created\n1,2026-10-01\n");
        refused(
                run(p, leads),
                "p.yaml:2: files: exactly one file is the primary one (a row per lead, no join:); found leads, deals");
    }

    @Test
    void profileWithBadTimePatternNamesLineAndPath() {
        String p = profile(
                "profile: t\nformats: [iso, \"dd.MM.yyyy bbb\"]\n" + PROFILE.substring("profile: t\n".length()));
        String leads = in("leads.csv", "id,created\n1,2026-10-01\n");
        Ingest.Run r = run(p, leads);
        String first = r.err().lines().findFirst().orElse("").replace(tmp + "/", "");
        assertTrue(first.startsWith("p.yaml:2: formats: not a time format: "), first);
        assertTrue(first.contains("bbb") || first.contains("b"), first);
        refused(r, first);
    }

    @Test
    void profileWithBadColumnTimePatternNamesLineAndPath() {
        String p = profile(PROFILE.replace(
                "  created_at: created\n", "  created_at: { column: created, format: \"yyyy-MM-dd'T\" }\n"));
        String leads = in("leads.csv", "id,created\n1,2026-10-01\n");
        Ingest.Run r = run(p, leads);
        String first = r.err().lines().findFirst().orElse("").replace(tmp + "/", "");
        assertTrue(first.startsWith("p.yaml:22: fields.created_at.format: not a time format: "), first);
        refused(r, first);
    }

    @Test
    void everyProblemOfAProfileIsListedAtOnce() {
        String p = profile("""
                profile: T
                timezone: Nowhere/City
                formats: [iso, "dd.MM.yyyy bbb"]
                numbers: { decimal: ",", grouping: "," }
                files:
                  leads:
                    match: ["leads*.csv"]
                    key: id
                    keys: fuzzy
                  deals:
                    match: ["deals*.csv"]
                    key: lead_ref
                    reference: true
                fields:
                  lead_id: id
                  Created: created
                """);
        String leads = in("leads.csv", "id,created\n1,2026-10-01\n");
        Ingest.Run r = run(p, leads);
        assertEquals(2, r.code(), r.cli().toString());
        List<String> lines = r.err().lines().map(l -> l.replace(tmp + "/", "")).toList();
        List<String> prefixes = List.of(
                "p.yaml:1: profile: \"T\" is not a profile name",
                "p.yaml:2: timezone: \"Nowhere/City\" is not an IANA time zone",
                "p.yaml:3: formats: not a time format",
                "p.yaml:4: numbers: expected { decimal: \",\", grouping: \".\" }",
                "p.yaml:5: files: exactly one file is the primary one (a row per lead, no join:); found leads, deals",
                "p.yaml:9: files.leads.keys: use exact (the default) or loose",
                "p.yaml:13: files.deals.reference: only a joined file can be a reference table",
                "p.yaml:14: fields: required: created_at",
                "p.yaml:16: fields.Created: not a canonical field, nor an extra field name");
        assertEquals(prefixes.size(), lines.size(), String.join("\n", lines));
        for (int i = 0; i < prefixes.size(); i++) assertTrue(lines.get(i).startsWith(prefixes.get(i)), lines.get(i));
    }

    @Test
    void invalidYamlNamesTheLine() {
        String p = profile("profile: t\nfiles:\n  leads: [unclosed\nfields: {}\n");
        String leads = in("leads.csv", "id,created\n1,2026-10-01\n");
        Ingest.Run r = run(p, leads);
        String first = r.err().lines().findFirst().orElse("").replace(tmp + "/", "");
        assertTrue(first.matches("p\\.yaml:[34]: not valid YAML: .*"), first);
        refused(r, first);
    }

    @Test
    void historyFieldNamingNoDerivedTimeNamesTheProfileLine() {
        String p =
                profile(PROFILE.replace("  mql_at: hist.mql_at\n", "  mql_at: hist.mql_at\n  sal_at: hist.sal_at\n"));
        String leads = in("leads.csv", "id,created,company\n1,2026-10-01,Acme\n");
        refused(run(p, leads), "p.yaml:26: hist.sal_at is no derived time of history file hist; it has [mql_at]");
    }

    @Test
    void checkWithABadProfileStopsWithoutOutput() throws java.io.IOException {
        String p = profile("profile: t\ntimezone: Mars/Olympus\n" + PROFILE.substring("profile: t\n".length()));
        in("leads.csv", "id,created\n1,2026-10-01\n");
        Ingest.write(tmp.resolve("sla.yaml"), """
                sla: t
                period: month
                timezone: UTC
                teams:
                  sdr: { owner: "SDR Manager" }
                clauses:
                  - id: T1
                    type: target
                    metric: count(mql)
                    min: 1
                    owner: sdr
                """);
        Path rules = Files.createDirectories(tmp.resolve("no-rules"));
        Cli c = Cli.run(
                "check",
                "--sla",
                tmp.resolve("sla.yaml").toString(),
                "--profile",
                p,
                "--data",
                tmp.resolve("in").toString(),
                "--period",
                "2026-10",
                "--rules",
                rules.toString(),
                "--out",
                tmp.resolve("out").toString());
        assertEquals(2, c.code(), c.toString());
        assertEquals(
                "p.yaml:2: timezone: \"Mars/Olympus\" is not an IANA time zone; use a name such as America/Sao_Paulo or UTC",
                c.err().lines().findFirst().orElse("").replace(tmp + "/", ""));
        assertFalse(Files.exists(tmp.resolve("out")), "no output");
    }
}
