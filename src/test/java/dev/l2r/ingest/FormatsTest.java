package dev.l2r.ingest;

import static dev.l2r.ingest.Ingest.assertLeads;
import static dev.l2r.ingest.Ingest.lead;
import static dev.l2r.ingest.Ingest.rejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Encodings, line ends, quoting, delimiters, number and time formats and value maps, each with its own profile. */
class FormatsTest {

    @TempDir
    Path tmp;

    /** Writes a profile with the given top-level YAML (files and fields included) and returns its path. */
    private String profile(String yaml) {
        return Ingest.write(tmp.resolve("p.yaml"), yaml).toString();
    }

    private static final String LEADS = """
            files:
              leads:
                match: ["leads*.csv"]
                key: id
            """;

    private String in(String name, byte[] bytes) {
        return Ingest.write(tmp.resolve("in").resolve(name), bytes).toString();
    }

    private String in(String name, String text) {
        return in(name, text.getBytes(StandardCharsets.UTF_8));
    }

    private Ingest.Run run(String profile, String... in) {
        return Ingest.importRun(tmp.resolve("out"), profile, List.of(in));
    }

    private static List<String> header(String... extras) {
        List<String> h = new ArrayList<>(Ingest.CANONICAL);
        h.addAll(List.of(extras));
        return h;
    }

    private static byte[] bytes(byte[] prefix, String text, Charset cs) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(prefix);
        b.writeBytes(text.getBytes(cs));
        return b.toByteArray();
    }

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    @Test
    void utf8ByteOrderMarkIsSkippedInPrimaryAndJoinedFiles() {
        String p = profile("profile: t\n" + """
                files:
                  leads:
                    match: ["leads*.csv"]
                    key: id
                  deals:
                    match: ["deals*.csv"]
                    key: ref
                    join: id
                fields:
                  lead_id: id
                  created_at: created
                  company: company
                  amount: deals.amount
                """);
        String leads = in(
                "leads.csv",
                bytes(BOM, "id,created,company\n1,2026-10-01T09:00:00Z,Café Müller\n", StandardCharsets.UTF_8));
        String deals = in("deals.csv", bytes(BOM, "ref,amount\n1,1500\n", StandardCharsets.UTF_8));
        Ingest.Run r = run(p, leads, deals);
        assertEquals(0, r.code(), r.cli().toString());
        assertEquals(header(), r.header());
        assertLeads(r, List.of(lead("1", "created_at=2026-10-01T09:00:00Z", "company=Café Müller", "amount=1500")));
        assertEquals(
                List.of(
                        leads + " (leads): 1 rows read, 1 accepted, 0 rejected",
                        deals + " (deals): 1 rows read, 1 accepted, 0 rejected, 1 joined"),
                r.countLines());
    }

    @Test
    void declaredLatin1FileComesOutAsUtf8() {
        String p = profile("profile: t\nencoding: ISO-8859-1\n" + LEADS + """
                fields:
                  lead_id: id
                  created_at: created
                  company: company
                  title: title
                """);
        String leads = in("leads.csv", bytes(new byte[0], """
                id,created,company,title,ville
                1,2026-10-01,Société Générale,Directeur général,Besançon
                2,2026-10-02,Jürgen Groß GmbH,Geschäftsführer,Köln
                3,2026-10-03,Comércio São João Ltda,Gerente,São Paulo
                """, StandardCharsets.ISO_8859_1));
        Ingest.Run r = run(p, leads);
        assertEquals(0, r.code(), r.cli().toString());
        assertEquals(header("ville"), r.header());
        assertLeads(
                r,
                List.of(
                        lead(
                                "1",
                                "created_at=2026-10-01T00:00:00Z",
                                "company=Société Générale",
                                "title=Directeur général",
                                "ville=Besançon"),
                        lead(
                                "2",
                                "created_at=2026-10-02T00:00:00Z",
                                "company=Jürgen Groß GmbH",
                                "title=Geschäftsführer",
                                "ville=Köln"),
                        lead(
                                "3",
                                "created_at=2026-10-03T00:00:00Z",
                                "company=Comércio São João Ltda",
                                "title=Gerente",
                                "ville=São Paulo")));
    }

    @Test
    void perFileWindows1252EncodingAndLatin1Alias() {
        String p = profile("profile: t\n" + """
                files:
                  leads:
                    match: ["leads*.csv"]
                    key: id
                    encoding: windows-1252
                  deals:
                    match: ["deals*.csv"]
                    key: ref
                    join: id
                    encoding: latin-1
                fields:
                  lead_id: id
                  created_at: created
                  company: company
                  title: deals.name
                """);
        // 0x80 is the euro sign in windows-1252; 0x96 an en dash
        String leads = in(
                "leads.csv",
                bytes(
                        new byte[0],
                        "id,created,company\n1,2026-10-01,Caf\u00e9 \u20ac \u2013 Bar\n",
                        Charset.forName("windows-1252")));
        String deals =
                in("deals.csv", bytes(new byte[0], "ref,name\n1,Ã\u00a0 la carte\n", StandardCharsets.ISO_8859_1));
        Ingest.Run r = run(p, leads, deals);
        assertEquals(0, r.code(), r.cli().toString());
        assertEquals("Caf\u00e9 \u20ac \u2013 Bar", r.lead("1").get("company"));
        assertEquals("Ã\u00a0 la carte", r.lead("1").get("title"));
    }

    @Test
    void crlfLineEndsLeaveNoCarriageReturnInValuesAndCountLines() {
        String p = profile("profile: t\n" + LEADS + """
                fields:
                  lead_id: id
                  created_at: created
                  owner: owner
                  title: title
                """);
        String leads = in(
                "leads.csv",
                "id,created,owner,title\r\n1,2026-10-01,ana,\"Head of\r\nSales\"\r\n2,bad,ben,CEO\r\n"
                        + "3,2026-10-03,cleo,CTO\r\n");
        Ingest.Run r = run(p, leads);
        assertEquals(0, r.code(), r.cli().toString());
        assertEquals(header(), r.header());
        assertLeads(
                r,
                List.of(
                        lead("1", "created_at=2026-10-01T00:00:00Z", "owner=ana", "title=Head of\r\nSales"),
                        lead("3", "created_at=2026-10-03T00:00:00Z", "owner=cleo", "title=CTO")));
        assertEquals(
                List.of(rejected(leads, 4, "created_at", "created: not a time in the formats iso", "bad")),
                r.rejected());
    }

    @Test
    void quotedFieldsWithNewlinesAndCommasKeepTheLineNumbersOfLaterRows() {
        String p = profile("profile: t\n" + LEADS + """
                fields:
                  lead_id: id
                  created_at: created
                  company: company
                  title: title
                """);
        String leads = in("leads.csv", """
                id,created,company,title
                1,2026-10-01,"Acme, Inc.","Head of
                Sales"
                2,2026-10-02,"Multi
                line
                ""quoted"" name",CEO
                3,2026-10-0x,Foo,Bar
                4,2026-10-04,Bar
                5,2026-10-05,"Last, Co",CTO
                """);
        Ingest.Run r = run(p, leads);
        assertEquals(0, r.code(), r.cli().toString());
        assertLeads(
                r,
                List.of(
                        lead("1", "created_at=2026-10-01T00:00:00Z", "company=Acme, Inc.", "title=Head of\nSales"),
                        lead(
                                "2",
                                "created_at=2026-10-02T00:00:00Z",
                                "company=Multi\nline\n\"quoted\" name",
                                "title=CEO"),
                        lead("5", "created_at=2026-10-05T00:00:00Z", "company=Last, Co", "title=CTO")));
        assertEquals(
                List.of(
                        rejected(leads, 7, "created_at", "created: not a time in the formats iso", "2026-10-0x"),
                        rejected(leads, 8, "", "has 3 fields; the header has 4", "")),
                r.rejected());
        assertEquals(List.of(leads + " (leads): 5 rows read, 3 accepted, 2 rejected"), r.countLines());
    }

    @Test
    void semicolonDelimiterAndDecimalCommas() {
        String p =
                profile("profile: t\ndelimiter: \";\"\nnumbers: { decimal: \",\", grouping: \".\" }\n" + LEADS + """
                fields:
                  lead_id: id
                  created_at: created
                  company: company
                  amount: amount
                  score: score
                """);
        String leads = in("leads.csv", """
                id;created;company;amount;score;note
                1;2026-10-01;"Müller; Söhne";1.234,50;87,5;a,b
                2;2026-10-02;Beta;12.500;3;
                3;2026-10-03;Gamma;-0,75;;
                4;2026-10-04;Delta;1 234,5;0,25;
                """);
        Ingest.Run r = run(p, leads);
        assertEquals(0, r.code(), r.cli().toString());
        assertEquals(header("note"), r.header());
        assertLeads(
                r,
                List.of(
                        lead(
                                "1",
                                "created_at=2026-10-01T00:00:00Z",
                                "company=Müller; Söhne",
                                "amount=1234.5",
                                "score=87.5",
                                "note=a,b"),
                        lead("2", "created_at=2026-10-02T00:00:00Z", "company=Beta", "amount=12500", "score=3"),
                        lead("3", "created_at=2026-10-03T00:00:00Z", "company=Gamma", "amount=-0.75"),
                        lead("4", "created_at=2026-10-04T00:00:00Z", "company=Delta", "amount=1234.5", "score=0.25")));
    }

    @Test
    void aNumberThatIsNoNumberIsRejectedNamingFieldAndValue() {
        String p = profile("profile: t\n" + LEADS + """
                fields:
                  lead_id: id
                  created_at: created
                  amount: deal_value
                """);
        String leads = in("leads.csv", "id,created,deal_value\n1,2026-10-01,n/a\n2,2026-10-02,\"12,000\"\n");
        Ingest.Run r = run(p, leads);
        assertEquals(0, r.code(), r.cli().toString());
        // grouping commas are read with the default format ("," groups, "." is the decimal point)
        assertLeads(r, List.of(lead("2", "created_at=2026-10-02T00:00:00Z", "amount=12000")));
        assertEquals(List.of(leads), r.rejected().stream().map(x -> x.get(0)).toList());
        assertEquals(
                List.of("2", "amount", "n/a"),
                List.of(
                        r.rejected().get(0).get(1),
                        r.rejected().get(0).get(2),
                        r.rejected().get(0).get(4)));
    }

    @Test
    void aBadDecimalCommaNumberIsReportedAsExported() {
        String p =
                profile("profile: t\ndelimiter: \";\"\nnumbers: { decimal: \",\", grouping: \".\" }\n" + LEADS + """
                fields:
                  lead_id: id
                  created_at: created
                  amount: Betrag
                """);
        String leads = in("leads.csv", "id;created;Betrag\n1;2026-10-01;1,2,3\n2;2026-10-02;1.000.000,5x\n");
        Ingest.Run r = run(p, leads);
        assertEquals(0, r.code(), r.cli().toString());
        assertEquals(
                List.of(List.of(leads, "2", "amount", "1,2,3"), List.of(leads, "3", "amount", "1.000.000,5x")),
                r.rejected().stream()
                        .map(x -> List.of(x.get(0), x.get(1), x.get(2), x.get(4)))
                        .toList());
        // docs/PROFILES.md: "unreadable times or numbers (the reason names the source column ...)"
        for (List<String> x : r.rejected()) assertTrue(x.get(3).startsWith("Betrag: "), x.get(3));
    }

    @Test
    void timeFormatsOffsetsDatesAndTheDstChangeInTheProfileZone() {
        String p = profile(
                "profile: t\ntimezone: Europe/Berlin\nformats: [iso, \"dd.MM.yyyy HH:mm\", \"M/d/yyyy\", epoch-millis]\n"
                        + LEADS + """
                fields:
                  lead_id: id
                  created_at: created
                  mql_at: mql
                  sal_at: { column: sal, format: epoch-seconds }
                  first_touch_at: { column: touch, format: ["dd.MM.yyyy HH:mm"] }
                """);
        String leads = in("leads.csv", """
                id,created,mql,sal,touch
                a,2026-10-24T10:00:00,24.10.2026 11:15,1793115000,26.10.2026 08:00
                b,2026-10-26T10:00:00,,,
                c,2026-10-25T02:30:00,,,
                d,2026-03-29T02:30,,,
                e,10/26/2026,,,
                f,2026-10-24T10:00:00-05:00,,,
                g,2026-10-24T08:00:00Z,,,
                h,1792843200000,,,
                i,2026-10-24,,,
                j,2026-10-24 10:00:00.250+0200,,,
                k,25.10.2026 02:30,,,
                l,24/10/2026,,,
                m,2026-10-28T08:00:00+01:00,,,2026-10-28T09:00:00+01:00
                """);
        // --timezone does not override the profile's zone
        Ingest.Run r = Ingest.importRun(tmp.resolve("out"), p, List.of(leads), "--timezone", "America/Los_Angeles");
        assertEquals(0, r.code(), r.cli().toString());
        assertLeads(
                r,
                List.of(
                        // local ISO in CEST; dd.MM.yyyy HH:mm; epoch seconds (15:30Z) after the change to CET
                        lead(
                                "a",
                                "created_at=2026-10-24T10:00:00+02:00",
                                "mql_at=2026-10-24T11:15:00+02:00",
                                "sal_at=2026-10-27T16:30:00+01:00",
                                "first_touch_at=2026-10-26T08:00:00+01:00"),
                        lead("b", "created_at=2026-10-26T10:00:00+01:00"),
                        // 02:30 on 2026-10-25 happens twice: the earlier one (CEST)
                        lead("c", "created_at=2026-10-25T02:30:00+02:00"),
                        // 02:30 on 2026-03-29 does not exist: moved forward by the gap
                        lead("d", "created_at=2026-03-29T03:30:00+02:00"),
                        // M/d/yyyy: a date alone is the start of that day
                        lead("e", "created_at=2026-10-26T00:00:00+01:00"),
                        lead("f", "created_at=2026-10-24T17:00:00+02:00"),
                        lead("g", "created_at=2026-10-24T10:00:00+02:00"),
                        // epoch millis: 12:00Z
                        lead("h", "created_at=2026-10-24T14:00:00+02:00"),
                        lead("i", "created_at=2026-10-24T00:00:00+02:00"),
                        lead("j", "created_at=2026-10-24T10:00:00.25+02:00"),
                        lead("k", "created_at=2026-10-25T02:30:00+02:00")));
        assertEquals(
                List.of(
                        rejected(
                                leads,
                                13,
                                "created_at",
                                "created: not a time in the formats iso, dd.MM.yyyy HH:mm, M/d/yyyy, epoch-millis",
                                "24/10/2026"),
                        // a column's own format replaces the profile's: ISO is no format of touch
                        rejected(
                                leads,
                                14,
                                "first_touch_at",
                                "touch: not a time in the formats dd.MM.yyyy HH:mm",
                                "2026-10-28T09:00:00+01:00")),
                r.rejected());
    }

    @Test
    void importTimezoneAppliesWhenTheProfileHasNone() {
        String p = profile("profile: t\n" + LEADS + "fields:\n  lead_id: id\n  created_at: created\n");
        String leads = in("leads.csv", "id,created\n1,2026-10-24\n2,2026-10-26T09:00\n3,2026-10-26T09:00:00Z\n");
        Ingest.Run r = Ingest.importRun(tmp.resolve("out"), p, List.of(leads), "--timezone", "Asia/Kolkata");
        assertEquals(0, r.code(), r.cli().toString());
        assertLeads(
                r,
                List.of(
                        lead("1", "created_at=2026-10-24T00:00:00+05:30"),
                        lead("2", "created_at=2026-10-26T09:00:00+05:30"),
                        lead("3", "created_at=2026-10-26T14:30:00+05:30")));
    }

    @Test
    void valueMapsWithStarAndOtherwise() {
        String p = profile("profile: t\n" + LEADS + """
                fields:
                  lead_id: id
                  created_at: created
                  outcome: { column: stage, map: { "Closed Won": won, "Closed Lost": lost, "*": open } }
                  source: { column: src, map: { web: Website, ads: Paid Ads }, otherwise: Other }
                  channel: { column: src, map: { "*": inbound } }
                  campaign: { column: camp, otherwise: none }
                  team: { value: emea }
                """);
        String leads = in("leads.csv", """
                id,created,stage,src,camp
                1,2026-10-01,Closed Won,web,Q4-launch
                2,2026-10-02,Closed Lost,ads,
                3,2026-10-03,Negotiation,tv,
                4,2026-10-04,,,
                """);
        Ingest.Run r = run(p, leads);
        assertEquals(0, r.code(), r.cli().toString());
        // the mapped columns are used, so none is kept as an extra
        assertEquals(header(), r.header());
        assertLeads(
                r,
                List.of(
                        lead(
                                "1",
                                "created_at=2026-10-01T00:00:00Z",
                                "outcome=won",
                                "source=Website",
                                "channel=inbound",
                                "campaign=Q4-launch",
                                "team=emea"),
                        lead(
                                "2",
                                "created_at=2026-10-02T00:00:00Z",
                                "outcome=lost",
                                "source=Paid Ads",
                                "channel=inbound",
                                "campaign=none",
                                "team=emea"),
                        // an unmapped value: "*" where there is one, otherwise where there is none
                        lead(
                                "3",
                                "created_at=2026-10-03T00:00:00Z",
                                "outcome=open",
                                "source=Other",
                                "channel=inbound",
                                "campaign=none",
                                "team=emea"),
                        // an empty value: "*" does not match it; otherwise does
                        lead("4", "created_at=2026-10-04T00:00:00Z", "source=Other", "campaign=none", "team=emea")));
    }

    @Test
    void keepMappedDropsUnusedColumns() {
        String p = profile("profile: t\nkeep: mapped\n" + LEADS
                + "fields:\n  lead_id: id\n  created_at: created\n  region: Region\n");
        String leads = in("leads.csv", "id,created,Region,Internal Notes\n1,2026-10-01,EMEA,secret\n");
        Ingest.Run r = run(p, leads);
        assertEquals(0, r.code(), r.cli().toString());
        assertEquals(header("region"), r.header());
        assertLeads(r, List.of(lead("1", "created_at=2026-10-01T00:00:00Z", "region=EMEA")));
    }
}
