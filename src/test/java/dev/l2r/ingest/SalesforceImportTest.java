package dev.l2r.ingest;

import static dev.l2r.ingest.Ingest.FIXTURES;
import static dev.l2r.ingest.Ingest.assertLeads;
import static dev.l2r.ingest.Ingest.lead;
import static dev.l2r.ingest.Ingest.rejected;
import static dev.l2r.ingest.Ingest.sorted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code l2r import --profile salesforce} of a Lead / Opportunity / LeadHistory / OpportunityHistory export with
 * standard API field names. Every expected value below is written by hand from the fixture files.
 */
class SalesforceImportTest {

    static final String DIR = FIXTURES + "/salesforce";
    static final String REPORT = FIXTURES + "/salesforce-report";

    static final String RW = "0058c00000A1bRwAAJ";
    static final String RX = "0058c00000A1bRxAAJ";
    static final String RY = "0058c00000A1bRyAAJ";

    static final String FORMATS = "iso, M/d/yyyy h:mm a, M/d/yyyy, h:mm a, M/d/yyyy H:mm, M/d/yyyy";

    @TempDir
    Path tmp;

    static List<String> header(String... extras) {
        List<String> h = new ArrayList<>(Ingest.CANONICAL);
        h.addAll(List.of(extras));
        return h;
    }

    @Test
    void apiExportBecomesCanonicalLeads() {
        Ingest.Run r = Ingest.importRun(tmp, "salesforce", List.of(DIR));
        assertEquals(0, r.code(), r.cli().toString());

        // unmapped Lead columns (custom fields included) and unmapped Opportunity columns are kept as extras;
        // the Opportunity's OwnerId is named after its file because the Lead's OwnerId is mapped (owner)
        assertEquals(
                header(
                        "status",
                        "is_converted",
                        "rejection_reason_c",
                        "rating",
                        "name",
                        "stage_name",
                        "opportunities_owner_id"),
                r.header());

        assertLeads(
                r,
                List.of(
                        // unconverted, no history
                        lead(
                                "00Q8c00001Kx7TaEAJ",
                                "created_at=2026-10-01T14:05:00Z",
                                "source=Web",
                                "owner=" + RW,
                                "company=Acme Corp",
                                "title=CTO",
                                "email=cto@acme.example",
                                "country=United States",
                                "status=Open - Not Contacted",
                                "is_converted=false",
                                "rating=Cold"),
                        // +0000 offset; Status -> Marketing Qualified; the "created" and Rating rows of its history are
                        // ignored
                        lead(
                                "00Q8c00001Kx7TbEAJ",
                                "created_at=2026-10-02T09:30:00Z",
                                "source=Webinar",
                                "owner=" + RW,
                                "company=Globex, Inc.",
                                "title=VP Marketing",
                                "email=vp@globex.example",
                                "country=Germany",
                                "mql_at=2026-10-02T10:00:00Z",
                                "status=Marketing Qualified",
                                "is_converted=false",
                                "rating=Warm"),
                        // MQL then Working - Contacted (first touch); the Owner change is ignored
                        lead(
                                "00Q8c00001Kx7TcEAJ",
                                "created_at=2026-10-02T11:00:00Z",
                                "source=Trade Show",
                                "owner=" + RX,
                                "company=Initech",
                                "title=IT Manager",
                                "email=it@initech.example",
                                "country=United Kingdom",
                                "mql_at=2026-10-02T11:30:00Z",
                                "first_touch_at=2026-10-02T14:45:00Z",
                                "status=Working - Contacted",
                                "is_converted=false",
                                "rating=Hot"),
                        // converted, won: history gives mql/first touch/sal (before ConvertedDate), OpportunityHistory
                        // the
                        // first qualified stage (Prospecting is not one); CloseDate is a date
                        lead(
                                "00Q8c00001Kx7TdEAJ",
                                "created_at=2026-10-03T08:15:00Z",
                                "source=Partner Referral",
                                "owner=" + RX,
                                "company=Umbrella Corporation",
                                "title=Head of Operations",
                                "email=ops@umbrella.example",
                                "country=France",
                                "mql_at=2026-10-03T09:00:00Z",
                                "first_touch_at=2026-10-03T09:20:00Z",
                                "sal_at=2026-10-05T16:30:00Z",
                                "sqo_at=2026-10-08T09:00:00Z",
                                "opportunity_id=0068c00000vQ2MnAAK",
                                "amount=25000",
                                "closed_at=2026-10-20T00:00:00Z",
                                "outcome=won",
                                "status=Qualified",
                                "is_converted=true",
                                "rating=Hot",
                                "name=Umbrella Corporation - Platform",
                                "stage_name=Closed Won",
                                "opportunities_owner_id=" + RX),
                        // converted, lost
                        lead(
                                "00Q8c00001Kx7TeEAJ",
                                "created_at=2026-10-03T10:45:00Z",
                                "source=Web",
                                "owner=" + RY,
                                "company=Stark Industries",
                                "title=Procurement Lead",
                                "email=buy@stark.example",
                                "country=United States",
                                "mql_at=2026-10-03T11:00:00Z",
                                "sal_at=2026-10-06T09:00:00Z",
                                "sqo_at=2026-10-09T13:00:00Z",
                                "opportunity_id=0068c00000vQ2MoAAK",
                                "amount=8000",
                                "closed_at=2026-10-15T00:00:00Z",
                                "outcome=lost",
                                "status=Qualified",
                                "is_converted=true",
                                "rating=Warm",
                                "name=Stark Industries - Renewal",
                                "stage_name=Closed Lost",
                                "opportunities_owner_id=" + RY),
                        // converted, still open: the CloseDate 2026-12-15 is a forecast, not closed_at; no
                        // OpportunityHistory, so sqo_at is the Opportunity's CreatedDate
                        lead(
                                "00Q8c00001Kx7TfEAJ",
                                "created_at=2026-10-04T16:20:00Z",
                                "source=Web",
                                "owner=" + RY,
                                "company=Wayne Enterprises",
                                "title=CFO",
                                "email=cfo@wayne.example",
                                "country=United States",
                                "sal_at=2026-10-05T13:00:00Z",
                                "sqo_at=2026-10-08T14:00:00Z",
                                "opportunity_id=0068c00000vQ2MpAAK",
                                "amount=12500.5",
                                "outcome=open",
                                "status=Qualified",
                                "is_converted=true",
                                "rating=Hot",
                                "name=Wayne Enterprises - Expansion",
                                "stage_name=Negotiation/Review",
                                "opportunities_owner_id=" + RY),
                        // Working then Unqualified; the custom Rejection_Reason__c is kept as an extra field
                        lead(
                                "00Q8c00001Kx7TgEAJ",
                                "created_at=2026-10-05T12:00:00Z",
                                "source=Purchased List",
                                "owner=" + RW,
                                "company=Hooli",
                                "title=Intern",
                                "email=intern@hooli.example",
                                "country=Canada",
                                "first_touch_at=2026-10-05T12:30:00Z",
                                "rejected_at=2026-10-05T15:00:00Z",
                                "status=Unqualified",
                                "is_converted=false",
                                "rejection_reason_c=No budget",
                                "rating=Cold"),
                        // no history: ConvertedDate (a date) is sal_at
                        lead(
                                "00Q8c00001Kx7ThEAJ",
                                "created_at=2026-10-05T13:10:00Z",
                                "source=Phone Inquiry",
                                "owner=" + RX,
                                "company=Soylent Corp",
                                "title=COO",
                                "email=coo@soylent.example",
                                "country=Brazil",
                                "sal_at=2026-10-05T00:00:00Z",
                                "sqo_at=2026-10-07T15:30:00Z",
                                "opportunity_id=0068c00000vQ2MqAAK",
                                "amount=4999.99",
                                "closed_at=2026-10-21T00:00:00Z",
                                "outcome=won",
                                "status=Closed - Converted",
                                "is_converted=true",
                                "rating=Hot",
                                "name=Soylent Corp - New Business",
                                "stage_name=Closed Won",
                                "opportunities_owner_id=" + RX),
                        // two changes to Marketing Qualified, listed out of order: the earliest counts
                        lead(
                                "00Q8c00001Kx7TiEAJ",
                                "created_at=2026-10-06T07:00:00Z",
                                "source=Web",
                                "owner=" + RW,
                                "company=Vandelay Industries",
                                "title=Buyer",
                                "email=art@vandelay.example",
                                "country=United States",
                                "mql_at=2026-10-06T08:00:00Z",
                                "first_touch_at=2026-10-07T10:15:00Z",
                                "status=Working - Contacted",
                                "is_converted=false",
                                "rating=Warm"),
                        // Closed - Not Converted is a rejection
                        lead(
                                "00Q8c00001Kx7TjEAJ",
                                "created_at=2026-10-06T15:30:00Z",
                                "source=Web",
                                "owner=" + RY,
                                "company=Duplicate Co",
                                "email=dup@dupco.example",
                                "country=Spain",
                                "rejected_at=2026-10-07T09:00:00Z",
                                "status=Closed - Not Converted",
                                "is_converted=false",
                                "rejection_reason_c=Duplicate"),
                        // milliseconds kept; its only history row has a bad time (rejected), so no mql_at
                        lead(
                                "00Q8c00001Kx7TkEAJ",
                                "created_at=2026-10-08T23:59:59.999Z",
                                "source=Other",
                                "owner=" + RY,
                                "company=Initrode",
                                "title=Analyst",
                                "email=analyst@initrode.example",
                                "status=Open - Not Contacted",
                                "is_converted=false")));

        assertEquals(
                List.of(
                        rejected(
                                DIR + "/Lead.csv",
                                12,
                                "lead_id",
                                "duplicate lead_id; the first one, at line 2, is kept",
                                "00Q8c00001Kx7TaEAJ"),
                        rejected(
                                DIR + "/Lead.csv",
                                13,
                                "created_at",
                                "CreatedDate: not a time in the formats " + FORMATS,
                                "2026-10-32T09:00:00.000Z"),
                        rejected(
                                DIR + "/LeadHistory.csv",
                                23,
                                "LeadId",
                                "no lead of the leads file has Id = 00Q8c00001Kx7TzEAJ",
                                "00Q8c00001Kx7TzEAJ"),
                        rejected(
                                DIR + "/LeadHistory.csv",
                                24,
                                "CreatedDate",
                                "not a time in the formats " + FORMATS,
                                "yesterday"),
                        // the rows of the Bad Date Ltd lead (rejected at line 13) go with it
                        rejected(
                                DIR + "/LeadHistory.csv",
                                26,
                                "LeadId",
                                "the lead it joins (" + DIR + "/Lead.csv line 13) is rejected",
                                "00Q8c00001Kx7TlEAJ"),
                        rejected(
                                DIR + "/Opportunity.csv",
                                6,
                                "Id",
                                "no lead of the leads file has ConvertedOpportunityId = 0068c00000vQ2MrAAK",
                                "0068c00000vQ2MrAAK"),
                        rejected(
                                DIR + "/Opportunity.csv",
                                7,
                                "Id",
                                "the lead it joins (" + DIR + "/Lead.csv line 13) is rejected",
                                "0068c00000vQ2MsAAK"),
                        rejected(
                                DIR + "/OpportunityHistory.csv",
                                8,
                                "OpportunityId",
                                "no lead of the leads file has ConvertedOpportunityId = 0068c00000vQ2MrAAK",
                                "0068c00000vQ2MrAAK")),
                sorted(r.rejected()));

        assertEquals(
                List.of(
                        // Soylent was converted the day it was created: ConvertedDate (a date) is midnight, before
                        // CreatedDate
                        DIR + "/Lead.csv (leads): 13 rows read, 11 accepted, 2 rejected, 1 stage before created",
                        // the Bad Date Ltd opportunity is rejected with its lead: a row joined to no accepted lead is
                        // not "joined"
                        DIR + "/Opportunity.csv (opportunities): 6 rows read, 4 accepted, 2 rejected, 4 joined",
                        // other changes: created, Rating, Owner (x2), leadConverted, Rejection_Reason__c, Status ->
                        // Open
                        DIR
                                + "/LeadHistory.csv (lead_history): 25 rows read, 22 accepted, 3 rejected, 7 other changes, 15 stage times",
                        // other changes: Prospecting, Closed Lost
                        DIR
                                + "/OpportunityHistory.csv (opportunity_history): 7 rows read, 6 accepted, 1 rejected, 2 other changes, 4 stage times"),
                r.countLines());
        assertEquals(
                r.out() + ": 11 leads written (profile salesforce); 8 rows rejected: "
                        + tmp.resolve("leads.rejected.csv") + "\n",
                r.cli().out());
    }

    @Test
    void filesGivenOneByOneReadAsTheFolder() {
        Ingest.Run r = Ingest.importRun(
                tmp,
                "salesforce",
                List.of(
                        DIR + "/OpportunityHistory.csv",
                        DIR + "/Lead.csv",
                        DIR + "/LeadHistory.csv",
                        DIR + "/Opportunity.csv"));
        assertEquals(0, r.code(), r.cli().toString());
        assertEquals(11, r.leads().size());
        assertEquals(8, r.rejected().size());
        assertEquals("2026-10-08T09:00:00Z", r.lead("00Q8c00001Kx7TdEAJ").get("sqo_at"));
    }

    @Test
    void withoutHistoryFilesConvertedDateIsSalAndOpportunityCreatedDateIsSqo() {
        Ingest.Run r = Ingest.importRun(tmp, "salesforce", List.of(DIR + "/Lead.csv", DIR + "/Opportunity.csv"));
        assertEquals(0, r.code(), r.cli().toString());
        var won = r.lead("00Q8c00001Kx7TdEAJ");
        assertEquals("", won.get("mql_at"));
        assertEquals("2026-10-06T00:00:00Z", won.get("sal_at"));
        assertEquals("2026-10-06T10:00:00Z", won.get("sqo_at"));
        assertEquals("won", won.get("outcome"));
        assertEquals("", r.lead("00Q8c00001Kx7TgEAJ").get("rejected_at"));
        assertEquals(
                List.of(
                        DIR + "/Lead.csv (leads): 13 rows read, 11 accepted, 2 rejected, 1 stage before created",
                        DIR + "/Opportunity.csv (opportunities): 6 rows read, 4 accepted, 2 rejected, 4 joined"),
                r.countLines());
    }

    @Test
    void reportExportFormatsReadInTheGivenZoneAcrossTheDstChange() {
        Ingest.Run r = Ingest.importRun(tmp, "salesforce", List.of(REPORT), "--timezone", "America/New_York");
        assertEquals(0, r.code(), r.cli().toString());
        assertEquals(header("status", "is_converted", "name", "stage_name", "opportunities_owner_id"), r.header());
        assertLeads(
                r,
                List.of(
                        // "M/d/yyyy h:mm a", EDT; history "10/9/2026 3:05 PM" and "10/12/2026 9:00 AM"
                        lead(
                                "00Q8c00001Mp3QaEAJ",
                                "created_at=2026-10-09T15:00:00-04:00",
                                "source=Web",
                                "owner=" + RW,
                                "company=Pied Piper",
                                "title=CEO",
                                "email=richard@piedpiper.example",
                                "country=United States",
                                "mql_at=2026-10-09T15:05:00-04:00",
                                "first_touch_at=2026-10-12T09:00:00-04:00",
                                "status=Working - Contacted",
                                "is_converted=false"),
                        // "M/d/yyyy, h:mm a"; 12:00 PM is noon; sal after the change to EST (Nov 1); sqo the
                        // Opportunity's
                        // CreatedDate; open, so the CloseDate is no closed_at
                        lead(
                                "00Q8c00001Mp3QbEAJ",
                                "created_at=2026-10-30T11:45:00-04:00",
                                "source=Webinar",
                                "owner=" + RX,
                                "company=Massive Dynamic",
                                "title=CIO",
                                "email=cio@massive.example",
                                "country=United States",
                                "mql_at=2026-10-30T12:00:00-04:00",
                                "sal_at=2026-11-02T09:15:00-05:00",
                                "sqo_at=2026-11-02T10:00:00-05:00",
                                "opportunity_id=0068c00000wR5ZkAAK",
                                "amount=45000",
                                "outcome=open",
                                "status=Qualified",
                                "is_converted=true",
                                "name=Massive Dynamic - Platform",
                                "stage_name=Proposal/Price Quote",
                                "opportunities_owner_id=" + RX),
                        // "M/d/yyyy H:mm"; rejected on Nov 1 at 9:00 EST
                        lead(
                                "00Q8c00001Mp3QcEAJ",
                                "created_at=2026-10-31T23:10:00-04:00",
                                "source=Web",
                                "owner=" + RY,
                                "company=Gringotts",
                                "title=Clerk",
                                "email=clerk@gringotts.example",
                                "country=United Kingdom",
                                "rejected_at=2026-11-01T09:00:00-05:00",
                                "status=Unqualified",
                                "is_converted=false"),
                        // 1:30 AM on Nov 1 happens twice: the earlier (EDT) one
                        lead(
                                "00Q8c00001Mp3QdEAJ",
                                "created_at=2026-11-01T01:30:00-04:00",
                                "source=Web",
                                "owner=" + RW,
                                "company=Cyberdyne",
                                "title=Engineer",
                                "email=eng@cyberdyne.example",
                                "country=United States",
                                "status=Open - Not Contacted",
                                "is_converted=false"),
                        // 12:05 AM is five past midnight
                        lead(
                                "00Q8c00001Mp3QeEAJ",
                                "created_at=2026-11-03T00:05:00-05:00",
                                "source=Other",
                                "owner=" + RW,
                                "company=Tyrell Corp",
                                "title=Designer",
                                "email=design@tyrell.example",
                                "country=United States",
                                "status=Open - Not Contacted",
                                "is_converted=false")));
        assertEquals(
                List.of(rejected(
                        REPORT + "/Lead.csv",
                        7,
                        "created_at",
                        "CreatedDate: not a time in the formats " + FORMATS,
                        "13/1/2026 10:00 AM")),
                r.rejected());
        assertEquals(
                List.of(
                        REPORT + "/Lead.csv (leads): 6 rows read, 5 accepted, 1 rejected",
                        REPORT + "/Opportunity.csv (opportunities): 1 rows read, 1 accepted, 0 rejected, 1 joined",
                        REPORT
                                + "/LeadHistory.csv (lead_history): 5 rows read, 5 accepted, 0 rejected, 0 other changes, 5 stage times"),
                r.countLines());
    }

    @Test
    void reportExportWithoutTimezoneIsReadAsUtc() {
        Ingest.Run r = Ingest.importRun(tmp, "salesforce", List.of(REPORT));
        assertEquals(0, r.code(), r.cli().toString());
        assertEquals("2026-10-09T15:00:00Z", r.lead("00Q8c00001Mp3QaEAJ").get("created_at"));
        assertEquals("2026-11-02T09:15:00Z", r.lead("00Q8c00001Mp3QbEAJ").get("sal_at"));
    }

    /**
     * The weekly Data Export Service writes one file per object into one folder: Lead.csv and LeadStatus.csv,
     * Opportunity.csv and OpportunityLineItem.csv / OpportunityFieldHistory.csv, ... Files of other objects are no
     * input of the profile and should be named as ignored, not read as leads or opportunities.
     */
    @Test
    void otherObjectsOfADataExportFolderAreIgnored() throws Exception {
        Path dir = tmp.resolve("export");
        for (String f : List.of("Lead.csv", "Opportunity.csv", "LeadHistory.csv", "OpportunityHistory.csv")) {
            Ingest.write(dir.resolve(f), java.nio.file.Files.readAllBytes(Path.of(DIR, f)));
        }
        Ingest.write(
                dir.resolve("LeadStatus.csv"),
                "Id,MasterLabel,SortOrder,IsConverted,IsDefault,CreatedDate\n"
                        + "01J8c000001AAAAEA4,Open - Not Contacted,1,false,true,2020-01-01T00:00:00.000Z\n");
        Ingest.write(
                dir.resolve("OpportunityLineItem.csv"),
                "Id,OpportunityId,PricebookEntryId,Quantity,UnitPrice,TotalPrice\n"
                        + "00k8c000001AbCdAAK,0068c00000vQ2MnAAK,01u8c000001XyZaAAC,10,2500,25000\n");
        Ingest.write(
                dir.resolve("OpportunityFieldHistory.csv"),
                "Id,OpportunityId,Field,OldValue,NewValue,CreatedDate\n"
                        + "0178c00003zZz01AAC,0068c00000vQ2MnAAK,Amount,20000,25000,2026-10-14T12:00:00.000Z\n");
        Ingest.Run r = Ingest.importRun(tmp.resolve("out"), "salesforce", List.of(dir.toString()));
        assertEquals(0, r.code(), r.cli().toString());
        assertEquals(11, r.leads().size());
        assertEquals(8, r.rejected().size());
        for (String f : List.of("LeadStatus.csv", "OpportunityLineItem.csv", "OpportunityFieldHistory.csv")) {
            assertTrue(r.err().contains(dir.resolve(f) + ": not an input of this run"), r.err());
        }
    }
}
