package dev.l2r.ingest;

import static dev.l2r.ingest.Ingest.FIXTURES;
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

/**
 * {@code l2r import --profile maven-crm}: a pipeline with three reference tables (teams, products, accounts), CRLF
 * line ends as in the published files, the "GTXPro" / "GTX Pro" product quirk and Prospecting rows without dates.
 */
class MavenCrmImportTest {

    static final String DIR = FIXTURES + "/maven-crm";

    @TempDir
    Path tmp;

    @Test
    void pipelineWithReferenceTablesBecomesCanonicalLeads() {
        Ingest.Run r = Ingest.importRun(tmp, "maven-crm", List.of(DIR));
        assertEquals(0, r.code(), r.cli().toString());

        List<String> header = new ArrayList<>(Ingest.CANONICAL);
        // manager is a field of the profile; product is the pipeline column that joins products.csv
        header.addAll(List.of(
                "manager",
                "product",
                "series",
                "sector",
                "year_established",
                "revenue",
                "employees",
                "office_location",
                "subsidiary_of"));
        assertEquals(header, r.header());

        String[] cobaltix = {
            "company=Cobaltix",
            "sector=technolgy",
            "year_established=1996",
            "revenue=1100.04",
            "employees=2822",
            "office_location=United States"
        };
        assertLeads(
                r,
                List.of(
                        lead(
                                "Q7K2M9PA",
                                concat(
                                        cobaltix,
                                        "created_at=2016-10-20T00:00:00Z",
                                        "sqo_at=2016-10-20T00:00:00Z",
                                        "closed_at=2017-03-01T00:00:00Z",
                                        "outcome=won",
                                        "amount=1054",
                                        "opportunity_id=Q7K2M9PA",
                                        "owner=Lena Okafor",
                                        "team=Central",
                                        "manager=Dana Kell",
                                        "product=GTX Plus Basic",
                                        "series=GTX")),
                        // "GTXPro" joins "GTX Pro" (loose keys)
                        lead(
                                "Z8XW1LD3",
                                "created_at=2016-10-25T00:00:00Z",
                                "sqo_at=2016-10-25T00:00:00Z",
                                "closed_at=2017-03-11T00:00:00Z",
                                "outcome=won",
                                "amount=4514",
                                "opportunity_id=Z8XW1LD3",
                                "owner=Tomas Reyes",
                                "team=East",
                                "manager=Ravi Stone",
                                "company=Lumenware",
                                "product=GTXPro",
                                "series=GTX",
                                "sector=medical",
                                "year_established=1999",
                                "revenue=251.41",
                                "employees=495",
                                "office_location=United States"),
                        // lost: close_value 0 is the amount, not the list price
                        lead(
                                "H4B2N0QC",
                                concat(
                                        cobaltix,
                                        "created_at=2016-11-02T00:00:00Z",
                                        "sqo_at=2016-11-02T00:00:00Z",
                                        "closed_at=2017-03-09T00:00:00Z",
                                        "outcome=lost",
                                        "amount=0",
                                        "opportunity_id=H4B2N0QC",
                                        "owner=Tomas Reyes",
                                        "team=East",
                                        "manager=Ravi Stone",
                                        "product=MG Special",
                                        "series=MG")),
                        // open, no account: the list price of "GTX Pro" (through "GTXPro") is the amount
                        lead(
                                "R5T8Y1UE",
                                "created_at=2017-11-20T00:00:00Z",
                                "sqo_at=2017-11-20T00:00:00Z",
                                "outcome=open",
                                "amount=4821",
                                "opportunity_id=R5T8Y1UE",
                                "owner=Priya Nair",
                                "team=West",
                                "manager=Ravi Stone",
                                "product=GTXPro",
                                "series=GTX"),
                        // Prospecting without any date: created at the export date, 2017-12-31; no sqo_at
                        lead(
                                "P0R5PX01",
                                "created_at=2017-12-31T00:00:00Z",
                                "outcome=open",
                                "amount=550",
                                "opportunity_id=P0R5PX01",
                                "owner=Priya Nair",
                                "team=West",
                                "manager=Ravi Stone",
                                "company=Orbitron",
                                "product=GTX Basic",
                                "series=GTX",
                                "sector=retail",
                                "year_established=1986",
                                "revenue=647.18",
                                "employees=1185",
                                "office_location=Kenya",
                                "subsidiary_of=Lumenware"),
                        lead(
                                "E2NG4G3D",
                                "created_at=2017-12-27T00:00:00Z",
                                "sqo_at=2017-12-27T00:00:00Z",
                                "outcome=open",
                                "amount=3393",
                                "opportunity_id=E2NG4G3D",
                                "owner=Lena Okafor",
                                "team=Central",
                                "manager=Dana Kell",
                                "company=Zentrova",
                                "product=MG Advanced",
                                "series=MG",
                                "sector=software",
                                "year_established=2001",
                                "revenue=321.50",
                                "employees=410",
                                "office_location=Philippines")));

        assertEquals(
                List.of(rejected(
                        DIR + "/sales_pipeline.csv",
                        8,
                        "created_at",
                        "engage_date: not a time in the formats iso",
                        "2017-02-30")),
                r.rejected());
        assertEquals(
                List.of(
                        DIR + "/sales_pipeline.csv (pipeline): 7 rows read, 6 accepted, 1 rejected",
                        // Jonah Whitcombe has no opportunity: not joined, not rejected
                        DIR + "/sales_teams.csv (teams): 4 rows read, 4 accepted, 0 rejected, 3 joined, 1 not joined",
                        // GTK 500 is sold by nobody
                        DIR + "/products.csv (products): 6 rows read, 6 accepted, 0 rejected, 5 joined, 1 not joined",
                        // Quantica buys nothing
                        DIR + "/accounts.csv (accounts): 5 rows read, 5 accepted, 0 rejected, 4 joined, 1 not joined"),
                r.countLines());
        assertTrue(r.err().contains(DIR + "/data_dictionary.csv: not an input of this run"), r.err());
    }

    @Test
    void withoutReferenceFilesOnlyThePipelineIsRead() {
        Ingest.Run r = Ingest.importRun(tmp, "maven-crm", List.of(DIR + "/sales_pipeline.csv"));
        assertEquals(0, r.code(), r.cli().toString());
        List<String> header = new ArrayList<>(Ingest.CANONICAL);
        header.addAll(List.of("manager", "product"));
        assertEquals(header, r.header());
        // no products.csv: an open deal has no amount
        assertEquals("", r.lead("R5T8Y1UE").get("amount"));
        assertEquals("", r.lead("R5T8Y1UE").get("team"));
        assertEquals("4514", r.lead("Z8XW1LD3").get("amount"));
        assertEquals(
                List.of(DIR + "/sales_pipeline.csv (pipeline): 7 rows read, 6 accepted, 1 rejected"), r.countLines());
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = new String[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
