package dev.l2r.ingest;

import static dev.l2r.ingest.Ingest.FIXTURES;
import static dev.l2r.ingest.Ingest.assertLeads;
import static dev.l2r.ingest.Ingest.lead;
import static dev.l2r.ingest.Ingest.rejected;
import static dev.l2r.ingest.Ingest.sorted;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code l2r import --profile hubspot} of a contacts export and a deals export with internal property names.
 * Times without an offset are read in Europe/Berlin (--timezone); CEST ends on 2026-10-25.
 */
class HubSpotImportTest {

    static final String DIR = FIXTURES + "/hubspot";
    static final String FORMATS = "iso, epoch-millis, yyyy-MM-dd HH:mm, M/d/yyyy H:mm, M/d/yyyy";

    @TempDir
    Path tmp;

    @Test
    void contactsAndDealsBecomeCanonicalLeads() {
        Ingest.Run r = Ingest.importRun(tmp, "hubspot", List.of(DIR), "--timezone", "Europe/Berlin");
        assertEquals(0, r.code(), r.cli().toString());

        List<String> header = new ArrayList<>(Ingest.CANONICAL);
        // the deal's hubspot_owner_id is named after its file: the contact's one is mapped (owner)
        header.addAll(List.of(
                "hs_lead_status",
                "lifecyclestage",
                "hs_lifecyclestage_customer_date",
                "dealname",
                "deals_hubspot_owner_id",
                "pipeline"));
        assertEquals(header, r.header());

        assertLeads(
                r,
                List.of(
                        // ISO createdate; the lead date as epoch millis (13:00Z)
                        lead(
                                "35172850901",
                                "created_at=2026-10-01T15:00:00+02:00",
                                "source=ORGANIC_SEARCH",
                                "channel=ORGANIC_SEARCH",
                                "team=4412345",
                                "owner=51234567",
                                "company=Northwind Traders",
                                "title=Head of IT",
                                "email=ana.silva@northwind.example",
                                "country=Portugal",
                                "inquiry_at=2026-10-01T15:00:00+02:00",
                                "hs_lead_status=NEW",
                                "lifecyclestage=lead"),
                        // createdate as epoch millis (08:00Z); the MQL date "yyyy-MM-dd HH:mm", local Berlin time
                        lead(
                                "35172850902",
                                "created_at=2026-10-02T10:00:00+02:00",
                                "source=PAID_SEARCH",
                                "channel=PAID_SEARCH",
                                "team=4412345",
                                "owner=51234567",
                                "company=Contoso",
                                "title=Marketing Manager",
                                "email=ben@contoso.example",
                                "country=Germany",
                                "inquiry_at=2026-10-02T10:00:00+02:00",
                                "mql_at=2026-10-02T11:30:00+02:00",
                                "hs_lead_status=OPEN",
                                "lifecyclestage=marketingqualifiedlead"),
                        // won deal; SQL date "M/d/yyyy H:mm"; first engagement epoch millis (07:30Z); no opportunity
                        // date,
                        // so sqo_at is the deal's createdate; the customer date is not mapped and stays as exported
                        lead(
                                "35172850903",
                                "created_at=2026-10-03T09:00:00+02:00",
                                "source=REFERRALS",
                                "channel=REFERRALS",
                                "team=4412346",
                                "owner=51234568",
                                "company=Tailspin Toys",
                                "title=CTO",
                                "email=carla@tailspin.example",
                                "country=Netherlands",
                                "inquiry_at=2026-10-03T09:00:00+02:00",
                                "mql_at=2026-10-03T12:00:00+02:00",
                                "first_touch_at=2026-10-05T09:30:00+02:00",
                                "sal_at=2026-10-05T14:00:00+02:00",
                                "sqo_at=2026-10-06T11:00:00+02:00",
                                "opportunity_id=18234567001",
                                "amount=48000",
                                "closed_at=2026-10-20T17:00:00+02:00",
                                "outcome=won",
                                "hs_lead_status=IN_PROGRESS",
                                "lifecyclestage=customer",
                                "hs_lifecyclestage_customer_date=1792515600000",
                                "dealname=Tailspin Toys - Annual",
                                "deals_hubspot_owner_id=51234568",
                                "pipeline=default"),
                        // the lost deal associated to two contacts joins the first; this one has its own opportunity
                        // date
                        // (a date alone: midnight in Berlin); the closedate is epoch millis (10:00Z)
                        lead(
                                "35172850904",
                                "created_at=2026-10-04T09:00:00+02:00",
                                "source=SOCIAL_MEDIA",
                                "channel=SOCIAL_MEDIA",
                                "team=4412346",
                                "owner=51234568",
                                "company=Wingtip Toys",
                                "title=VP Sales",
                                "email=dana@wingtip.example",
                                "country=Austria",
                                "mql_at=2026-10-05T10:00:00+02:00",
                                "sqo_at=2026-10-08T00:00:00+02:00",
                                "opportunity_id=18234567002",
                                "amount=12500.75",
                                "closed_at=2026-10-16T12:00:00+02:00",
                                "outcome=lost",
                                "hs_lead_status=CONNECTED",
                                "lifecyclestage=opportunity",
                                "dealname=Wingtip Toys - Pilot",
                                "deals_hubspot_owner_id=51234568",
                                "pipeline=default"),
                        // the second contact of that deal: createdate "M/d/yyyy H:mm"; a deal counts for one lead only
                        // (the
                        // first of its contacts in the contacts file), so this contact has none
                        lead(
                                "35172850905",
                                "created_at=2026-10-06T08:05:00+02:00",
                                "source=SOCIAL_MEDIA",
                                "channel=SOCIAL_MEDIA",
                                "team=4412346",
                                "owner=51234568",
                                "company=Wingtip Toys",
                                "title=Buyer",
                                "email=eve@wingtip.example",
                                "country=Austria",
                                "hs_lead_status=CONNECTED",
                                "lifecyclestage=opportunity"),
                        // two deals: the first in the file joins (open: no closed_at although a closedate is set);
                        // after
                        // the change to CET
                        lead(
                                "35172850906",
                                "created_at=2026-10-26T10:00:00+01:00",
                                "source=DIRECT_TRAFFIC",
                                "channel=DIRECT_TRAFFIC",
                                "team=4412347",
                                "owner=51234569",
                                "company=Fourth Coffee",
                                "title=Owner",
                                "email=frank@fourthcoffee.example",
                                "country=France",
                                "sqo_at=2026-10-27T13:00:00+01:00",
                                "opportunity_id=18234567003",
                                "amount=7300",
                                "outcome=open",
                                "hs_lead_status=IN_PROGRESS",
                                "lifecyclestage=opportunity",
                                "dealname=Fourth Coffee - Expansion",
                                "deals_hubspot_owner_id=51234569",
                                "pipeline=default"),
                        // createdate "M/d/yyyy"; joins the deal listed for 35172850906 and itself
                        lead(
                                "35172850907",
                                "created_at=2026-10-27T00:00:00+01:00",
                                "source=DIRECT_TRAFFIC",
                                "channel=DIRECT_TRAFFIC",
                                "team=4412347",
                                "owner=51234569",
                                "company=Fourth Coffee",
                                "title=Barista Lead",
                                "email=grace@fourthcoffee.example",
                                "country=France",
                                "sqo_at=2026-10-28T09:00:00+01:00",
                                "opportunity_id=18234567005",
                                "amount=990",
                                "outcome=open",
                                "hs_lead_status=NEW",
                                "lifecyclestage=opportunity",
                                "dealname=Fourth Coffee - Add-on",
                                "deals_hubspot_owner_id=51234569",
                                "pipeline=default"),
                        // hs_lead_status UNQUALIFIED has no date: kept as an extra field, not a rejection
                        lead(
                                "35172850909",
                                "created_at=2026-10-07T08:45:00+02:00",
                                "source=OFFLINE",
                                "channel=OFFLINE",
                                "email=ivy@mail.example",
                                "inquiry_at=2026-10-07T08:45:00+02:00",
                                "hs_lead_status=UNQUALIFIED",
                                "lifecyclestage=other")));

        assertEquals(
                List.of(
                        rejected(DIR + "/contacts.csv", 9, "created_at", "required", ""),
                        rejected(
                                DIR + "/contacts.csv",
                                11,
                                "mql_at",
                                "hs_lifecyclestage_marketingqualifiedlead_date: not a time in the formats " + FORMATS,
                                "31/10/2026"),
                        rejected(
                                DIR + "/deals.csv",
                                5,
                                "Associated Contact IDs",
                                "duplicate key 35172850906; the row at line 4 is joined instead",
                                "35172850906"),
                        rejected(
                                DIR + "/deals.csv",
                                7,
                                "Associated Contact IDs",
                                "no lead of the contacts file has hs_object_id = 35172850999",
                                "35172850999"),
                        rejected(
                                DIR + "/deals.csv", 8, "Associated Contact IDs", "no key: this row joins no lead", "")),
                sorted(r.rejected()));

        assertEquals(
                List.of(
                        DIR + "/contacts.csv (contacts): 10 rows read, 8 accepted, 2 rejected",
                        DIR
                                + "/deals.csv (deals): 7 rows read, 4 accepted, 3 rejected, 4 joined, 1 leads pointing at a joined row"),
                r.countLines());
    }

    @Test
    void contactsAloneNeedNoDealsFile() {
        Ingest.Run r = Ingest.importRun(tmp, "hubspot", List.of(DIR + "/contacts.csv"), "--timezone", "Europe/Berlin");
        assertEquals(0, r.code(), r.cli().toString());
        List<String> header = new ArrayList<>(Ingest.CANONICAL);
        header.addAll(List.of("hs_lead_status", "lifecyclestage", "hs_lifecyclestage_customer_date"));
        assertEquals(header, r.header());
        assertEquals("2026-10-08T00:00:00+02:00", r.lead("35172850904").get("sqo_at"));
        assertEquals("", r.lead("35172850905").get("sqo_at"));
        assertEquals("", r.lead("35172850903").get("outcome"));
        assertEquals(List.of(DIR + "/contacts.csv (contacts): 10 rows read, 8 accepted, 2 rejected"), r.countLines());
    }

    /**
     * A deal of a custom pipeline has a numeric dealstage id; HubSpot still says whether it is closed and won.
     * Closed and not won is a lost deal, whatever its stage id.
     */
    @Test
    void closedLostDealOfACustomPipelineIsLost() {
        Ingest.write(tmp.resolve("in/contacts.csv"), "hs_object_id,createdate\n501,2026-10-01T10:00:00Z\n");
        Ingest.write(tmp.resolve("in/deals.csv"), """
                hs_object_id,dealname,dealstage,amount,closedate,createdate,pipeline,hs_is_closed,hs_is_closed_won,Associated Contact IDs
                901,Partner deal,98765432,4000,2026-10-20T10:00:00Z,2026-10-05T10:00:00Z,12345678,true,false,501
                """);
        Ingest.Run r = Ingest.importRun(
                tmp.resolve("out"), "hubspot", List.of(tmp.resolve("in").toString()));
        assertEquals(0, r.code(), r.cli().toString());
        assertEquals("2026-10-20T10:00:00Z", r.lead("501").get("closed_at"));
        assertEquals("lost", r.lead("501").get("outcome"));
    }

    @Test
    void openDealOfACustomPipelineIsOpen() {
        Ingest.write(tmp.resolve("in/contacts.csv"), "hs_object_id,createdate\n501,2026-10-01T10:00:00Z\n");
        Ingest.write(tmp.resolve("in/deals.csv"), """
                hs_object_id,dealname,dealstage,amount,closedate,createdate,pipeline,hs_is_closed,hs_is_closed_won,Associated Contact IDs
                901,Partner deal,98765431,4000,2026-12-20T10:00:00Z,2026-10-05T10:00:00Z,12345678,false,false,501
                """);
        Ingest.Run r = Ingest.importRun(
                tmp.resolve("out"), "hubspot", List.of(tmp.resolve("in").toString()));
        assertEquals(0, r.code(), r.cli().toString());
        assertEquals("", r.lead("501").get("closed_at"));
        assertEquals("open", r.lead("501").get("outcome"));
        assertEquals("4000", r.lead("501").get("amount"));
    }
}
