package dev.l2r.ingest;

import static dev.l2r.ingest.Ingest.assertLeads;
import static dev.l2r.ingest.Ingest.lead;
import static dev.l2r.ingest.Ingest.rejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several primary files, reference tables with duplicate keys, loose keys, extra-field names, messages. */
class ProfileReaderEdgesTest {

    @TempDir
    Path tmp;

    private static final String SIMPLE = """
            profile: t
            files:
              leads:
                match: ["leads*.csv"]
                key: id
            fields:
              lead_id: id
              created_at: created
            """;

    private String profile(String yaml) {
        return Ingest.write(tmp.resolve("p.yaml"), yaml).toString();
    }

    private String in(String name, String text) {
        return Ingest.write(tmp.resolve("in").resolve(name), text).toString();
    }

    private static List<String> header(String... extras) {
        List<String> h = new ArrayList<>(Ingest.CANONICAL);
        h.addAll(List.of(extras));
        return h;
    }

    @Test
    void severalPrimaryFilesAreCountedApartAndShareLeadIds() {
        String p = profile(SIMPLE);
        String a = in("leads_a.csv", "id,created,region\n1,2026-10-01,EMEA\n2,2026-10-02,APAC\n");
        String b = in("leads_b.csv", "id,created,segment\n3,2026-10-03,SMB\n1,2026-10-04,ENT\n");
        Ingest.Run r = Ingest.importRun(
                tmp.resolve("out"), p, List.of(tmp.resolve("in").toString()));
        assertEquals(0, r.code(), r.cli().toString());
        // the extra columns of both files, in file order
        assertEquals(header("region", "segment"), r.header());
        assertLeads(
                r,
                List.of(
                        lead("1", "created_at=2026-10-01T00:00:00Z", "region=EMEA"),
                        lead("2", "created_at=2026-10-02T00:00:00Z", "region=APAC"),
                        lead("3", "created_at=2026-10-03T00:00:00Z", "segment=SMB")));
        assertEquals(
                List.of(b, "3", "lead_id", "1"),
                List.of(
                        r.rejected().get(0).get(0),
                        r.rejected().get(0).get(1),
                        r.rejected().get(0).get(2),
                        r.rejected().get(0).get(4)));
        assertEquals(
                List.of(
                        a + " (leads): 2 rows read, 2 accepted, 0 rejected",
                        b + " (leads): 2 rows read, 1 accepted, 1 rejected"),
                r.countLines());
    }

    @Test
    void aDuplicateInAnotherPrimaryFileNamesThatFile() {
        String p = profile(SIMPLE);
        in("leads_a.csv", "id,created\n1,2026-10-01\n");
        String b = in("leads_b.csv", "id,created\n1,2026-10-04\n");
        Ingest.Run r = Ingest.importRun(
                tmp.resolve("out"), p, List.of(tmp.resolve("in").toString()));
        assertEquals(0, r.code(), r.cli().toString());
        assertEquals(b, r.rejected().get(0).get(0));
        assertTrue(
                r.rejected().get(0).get(3).contains("leads_a.csv"),
                r.rejected().get(0).get(3));
    }

    @Test
    void aDuplicateKeyOfAReferenceTableIsRejectedAndTheFirstRowJoins() {
        String p = profile("""
                profile: t
                files:
                  opps:
                    match: ["opps*.csv"]
                    key: id
                  teams:
                    match: ["teams*.csv"]
                    key: agent
                    join: agent
                    keys: loose
                    reference: true
                fields:
                  lead_id: id
                  created_at: created
                  owner: agent
                  team: teams.region
                """);
        String opps = in("opps.csv", "id,created,agent\nA,2026-10-01,Lena Okafor\nB,2026-10-02,TOMAS  REYES\n");
        String teams = in(
                "teams.csv",
                "agent,region\nLena Okafor,Central\nTomas Reyes,East\nlena okafor,West\nIdle Agent,North\n");
        Ingest.Run r = Ingest.importRun(tmp.resolve("out"), p, List.of(opps, teams));
        assertEquals(0, r.code(), r.cli().toString());
        assertLeads(
                r,
                List.of(
                        lead("A", "created_at=2026-10-01T00:00:00Z", "owner=Lena Okafor", "team=Central"),
                        // loose keys: case and spaces do not matter
                        lead("B", "created_at=2026-10-02T00:00:00Z", "owner=TOMAS  REYES", "team=East")));
        assertEquals(
                List.of(rejected(
                        teams,
                        4,
                        "agent",
                        "duplicate key lena okafor; the row at line 2 is joined instead",
                        "lena okafor")),
                r.rejected());
        assertEquals(
                List.of(
                        opps + " (opps): 2 rows read, 2 accepted, 0 rejected",
                        teams + " (teams): 4 rows read, 3 accepted, 1 rejected, 2 joined, 1 not joined"),
                r.countLines());
    }

    @Test
    void extraFieldNamesAreSnakeCaseAndCollisionsArePrefixedWithTheFile() {
        String p = profile("""
                profile: t
                files:
                  leads:
                    match: ["leads*.csv"]
                    key: Id
                  deals:
                    match: ["deals*.csv"]
                    key: LeadId
                    join: Id
                fields:
                  lead_id: Id
                  created_at: CreatedDate
                  owner: OwnerId
                """);
        String leads = in(
                "leads.csv",
                "Id,CreatedDate,OwnerId,Lead Source,Annual Revenue (USD),2nd Contact,Source\n"
                        + "1,2026-10-01,u1,Web,1000,Bob,Fair\n");
        String deals = in("deals.csv", "LeadId,OwnerId,Lead Source,Stage\n1,u2,Partner,Won\n");
        Ingest.Run r = Ingest.importRun(tmp.resolve("out"), p, List.of(leads, deals));
        assertEquals(0, r.code(), r.cli().toString());
        // "Source" would be the canonical source: it becomes leads_source; the deal's OwnerId and Lead Source
        // collide with the lead's and get the file's prefix; a leading digit gets c_
        assertEquals(
                header(
                        "lead_source",
                        "annual_revenue_usd",
                        "c_2nd_contact",
                        "leads_source",
                        "deals_owner_id",
                        "deals_lead_source",
                        "stage"),
                r.header());
        assertLeads(
                r,
                List.of(lead(
                        "1",
                        "created_at=2026-10-01T00:00:00Z",
                        "owner=u1",
                        "lead_source=Web",
                        "annual_revenue_usd=1000",
                        "c_2nd_contact=Bob",
                        "leads_source=Fair",
                        "deals_owner_id=u2",
                        "deals_lead_source=Partner",
                        "stage=Won")));
    }

    @Test
    void noColumnIsDroppedWhenExtraNamesCollide() {
        String p = profile(SIMPLE);
        String leads = in("leads.csv", "id,created,Lead Source,lead_source,LeadSource\n1,2026-10-01,a,b,c\n");
        Ingest.Run r = Ingest.importRun(tmp.resolve("out"), p, List.of(leads));
        assertEquals(0, r.code(), r.cli().toString());
        assertEquals(Ingest.CANONICAL.size() + 3, r.header().size(), r.header().toString());
        assertTrue(r.lead("1").containsValue("c"), r.lead("1").toString());
    }

    @Test
    void importNamesTheRejectedFileItWrote() {
        String p = profile(SIMPLE);
        String leads = in("leads.csv", "id,created\n1,2026-10-01\n2,bad\n");
        Ingest.Run r = Ingest.importRun(tmp.resolve("out"), p, List.of(leads));
        assertEquals(0, r.code(), r.cli().toString());
        assertEquals(1, r.rejected().size());
        for (String line : r.err().lines().toList()) {
            if (line.contains("rejected rows")) assertTrue(line.endsWith("leads.rejected.csv"), line);
        }
    }

    @Test
    void aRejectedFileOfAnEarlierRunIsRemovedWhenNothingIsRejected() {
        String p = profile(SIMPLE);
        String bad = in("leads.csv", "id,created\n1,2026-10-01\n2,bad\n");
        Ingest.Run first = Ingest.importRun(tmp.resolve("out"), p, List.of(bad));
        assertEquals(1, first.rejected().size());
        in("leads.csv", "id,created\n1,2026-10-01\n");
        Ingest.Run second = Ingest.importRun(tmp.resolve("out"), p, List.of(bad));
        assertEquals(0, second.code(), second.cli().toString());
        assertEquals(List.of(), second.rejected());
        assertEquals(
                second.out() + ": 1 leads written (profile t)\n", second.cli().out());
    }

    @Test
    void unterminatedQuoteRejectsTheRowWhereItOpensAndTheNextRowsAreRead() {
        String p = profile(SIMPLE);
        String leads =
                in("leads.csv", "id,created,company\n1,2026-10-01,Acme\n2,2026-10-02,\"Unclosed\n3,2026-10-03,Foo\n");
        Ingest.Run r = Ingest.importRun(tmp.resolve("out"), p, List.of(leads));
        assertEquals(0, r.code(), r.cli().toString());
        assertEquals(List.of("1", "3"), r.ids());
        assertEquals(
                List.of(Ingest.rejected(
                        leads,
                        3,
                        "company",
                        "a quoted field at column 3 (company) is never closed; "
                                + "close it (reading went on at the next line)",
                        "")),
                r.rejected());
    }
}
