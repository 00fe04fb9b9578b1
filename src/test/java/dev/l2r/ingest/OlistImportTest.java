package dev.l2r.ingest;

import static dev.l2r.ingest.Ingest.FIXTURES;
import static dev.l2r.ingest.Ingest.assertLeads;
import static dev.l2r.ingest.Ingest.lead;
import static dev.l2r.ingest.Ingest.rejected;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code l2r import --profile olist}: the MQL file plus the closed-deals file, in the shape of the public Olist
 * marketing-funnel data. The profile's zone is America/Sao_Paulo, which kept daylight-saving time (UTC-2) from
 * 2017-10-15 (midnight skipped) to 2018-02-18.
 */
class OlistImportTest {

    static final String DIR = FIXTURES + "/olist";
    static final String MQLS = DIR + "/olist_marketing_qualified_leads_dataset.csv";
    static final String DEALS = DIR + "/olist_closed_deals_dataset.csv";

    static final String SR1 = "f0b13a7d8197c2d5f0daf03cb99a121e";
    static final String SR2 = "b324dd9cf5a09cee33dc61fc471c6b95";
    static final String SDR = "df28787681c508d08f7a9a9737cfd98e";

    @TempDir
    Path tmp;

    @Test
    void mqlsAndClosedDealsBecomeCanonicalLeads() {
        // --timezone is overridden by the profile's own zone
        Ingest.Run r = Ingest.importRun(tmp, "olist", List.of(DIR), "--timezone", "Asia/Tokyo");
        assertEquals(0, r.code(), r.cli().toString());

        List<String> header = new ArrayList<>(Ingest.CANONICAL);
        header.addAll(List.of(
                "landing_page_id",
                "seller_id",
                "sdr_id",
                "business_segment",
                "lead_type",
                "lead_behaviour_profile",
                "has_company",
                "has_gtin",
                "average_stock",
                "business_type",
                "declared_product_catalog_size",
                "declared_monthly_revenue"));
        assertEquals(header, r.header());

        assertLeads(
                r,
                List.of(
                        // MQL in summer time (-02:00), won after it ended (-03:00)
                        lead(
                                "b0d8b9a5adc5a13e29952c72ce9ac714",
                                "created_at=2018-02-01T00:00:00-02:00",
                                "mql_at=2018-02-01T00:00:00-02:00",
                                "channel=social",
                                "owner=" + SR1,
                                "closed_at=2018-02-26T19:58:54-03:00",
                                "outcome=won",
                                "landing_page_id=474fa3a50b718c0a24f36562b29b1202",
                                "seller_id=7fecc7f36ada346cb9a25f94c6e12c72",
                                "sdr_id=" + SDR,
                                "business_segment=pet",
                                "lead_type=online_medium",
                                "lead_behaviour_profile=cat",
                                "business_type=reseller",
                                "declared_monthly_revenue=0.0"),
                        // 2017-10-15 has no midnight in Sao Paulo: the day starts at 01:00 -02:00; no deal, no outcome
                        lead(
                                "02726a211a85c9d06abfe7a9701a7e36",
                                "created_at=2017-10-15T01:00:00-02:00",
                                "mql_at=2017-10-15T01:00:00-02:00",
                                "channel=paid_search",
                                "landing_page_id=3544f45ccd9da64e76dc8281733c4aab"),
                        // won two days before its MQL date: kept, counted as stage_before_created
                        lead(
                                "27eb6d2a081111fe93d43b64d67ed979",
                                "created_at=2018-03-08T00:00:00-03:00",
                                "mql_at=2018-03-08T00:00:00-03:00",
                                "channel=organic_search",
                                "owner=" + SR1,
                                "closed_at=2018-03-06T11:42:07-03:00",
                                "outcome=won",
                                "landing_page_id=b6348c00279cb2b4b53469c3b5fd499a",
                                "seller_id=d3fb9da00769f408c64d57cb90026f59",
                                "sdr_id=" + SDR,
                                "business_segment=home_decor",
                                "lead_type=online_big",
                                "lead_behaviour_profile=eagle",
                                "business_type=reseller",
                                "declared_monthly_revenue=0.0"),
                        // blank origin
                        lead(
                                "cca3d0281b634b2faf00779d240dd33c",
                                "created_at=2018-04-10T00:00:00-03:00",
                                "mql_at=2018-04-10T00:00:00-03:00",
                                "landing_page_id=08a6a706587628bac6166d149117faff"),
                        // a quoted multi-value profile ("cat, wolf") and every sparse column filled
                        lead(
                                "51de18384f16772df768db737ff8fcd4",
                                "created_at=2018-05-02T00:00:00-03:00",
                                "mql_at=2018-05-02T00:00:00-03:00",
                                "channel=unknown",
                                "owner=" + SR2,
                                "closed_at=2018-05-08T20:17:59-03:00",
                                "outcome=won",
                                "landing_page_id=474fa3a50b718c0a24f36562b29b1202",
                                "seller_id=32cfdd64a089b0fbb9754620270f2079",
                                "sdr_id=" + SDR,
                                "business_segment=car_accessories",
                                "lead_type=industry",
                                "lead_behaviour_profile=cat, wolf",
                                "has_company=True",
                                "has_gtin=False",
                                "average_stock=5-20",
                                "business_type=manufacturer",
                                "declared_product_catalog_size=100-500",
                                "declared_monthly_revenue=150000.0")));

        assertEquals(
                List.of(rejected(
                        DEALS,
                        5,
                        "mql_id",
                        "no lead of the mqls file has mql_id = 89015022b09f8ab4a2cebb1992e2a016",
                        "89015022b09f8ab4a2cebb1992e2a016")),
                r.rejected());
        assertEquals(
                List.of(
                        MQLS + " (mqls): 5 rows read, 5 accepted, 0 rejected, 1 stage before created",
                        DEALS + " (deals): 4 rows read, 3 accepted, 1 rejected, 3 joined"),
                r.countLines());
    }
}
