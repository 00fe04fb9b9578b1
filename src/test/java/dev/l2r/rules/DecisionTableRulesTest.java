package dev.l2r.rules;

import static dev.l2r.rules.RulesHarness.lead;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.l2r.verify.RuleVerifier;
import org.junit.jupiter.api.Test;

/**
 * rules/handoff-routing.csv in memory, one row (one rule) at a time: each clause names one routing rule of
 * the table, and each test gives a lead routed right, one routed wrong and one the row does not cover.
 */
class DecisionTableRulesTest {

    static final String AMER = "MQLs from the US and Canada go to sdr-amer";
    static final String EMEA = "MQLs from the UK and Europe go to sdr-emea";
    static final String PARTNER = "Partner MQLs go to the channel team";
    static final String ABM = "ABM MQLs go to the enterprise team";

    static final String AGREEMENT = """
            sla: routing-test
            version: "1"
            period: month
            timezone: America/New_York
            teams:
              sdr-amer: { owner: "SDR Manager, Americas" }
              sdr-emea: { owner: "SDR Manager, EMEA" }
              channel: { owner: "Channel Chief" }
              enterprise: { owner: "Enterprise Director" }
              revenue-ops: { owner: "RevOps Lead" }
            clauses:
              - id: R1
                title: US and Canadian MQLs go to sdr-amer
                type: rule
                rule: "MQLs from the US and Canada go to sdr-amer"
                owner: sdr-amer
              - id: R2
                title: European MQLs go to sdr-emea
                type: rule
                rule: "MQLs from the UK and Europe go to sdr-emea"
                owner: sdr-emea
              - id: R3
                title: Partner MQLs go to the channel team
                type: rule
                rule: "Partner MQLs go to the channel team"
                owner: channel
              - id: R4
                title: ABM MQLs go to the enterprise team
                type: rule
                rule: "ABM MQLs go to the enterprise team"
                owner: enterprise
            """;

    static final RuleVerifier VERIFY = RuleVerifier.of(AGREEMENT, RuleVerifier.SHIPPED_RULES); // compiled once

    @Test
    void aCanadianMqlRoutedToEmeaViolatesTheAmericasRow() {
        VERIFY.clause("R1")
                .given(
                        lead("A1")
                                .channel("web")
                                .country("US")
                                .team("sdr-amer")
                                .owner("Ann")
                                .mql("2026-10-05T09:30"),
                        lead("A2")
                                .channel("web")
                                .country("CA")
                                .team("sdr-emea")
                                .owner("Bob")
                                .mql("2026-10-05T09:30"),
                        lead("A3")
                                .channel("partner")
                                .country("US")
                                .team("channel")
                                .owner("Cy")
                                .mql("2026-10-05T09:30"),
                        lead("A4")
                                .channel("web")
                                .country("DE")
                                .team("sdr-emea")
                                .owner("Di")
                                .mql("2026-10-05T09:30"))
                .forPeriod("2026-10")
                .violates("A2")
                .meets("A1") // A3 is a partner lead, A4 is German: the row does not cover them
                .firedRule(AMER)
                .on("A1", "A2");
    }

    @Test
    void theViolationSaysWhereTheLeadWentAndWhereItBelongs() {
        var v = VERIFY.clause("R1")
                .given(lead("A2")
                        .channel("web")
                        .country("CA")
                        .team("sdr-emea")
                        .owner("Bob")
                        .mql("2026-10-05T09:30"))
                .forPeriod("2026-10")
                .violation("A2");
        assertEquals("team sdr-amer", v.expected());
        assertEquals("team sdr-emea", v.actual());
        assertEquals(
                "Lead A2 (country CA, channel web) became an MQL Mon 2026-10-05 09:30 EDT and was routed to sdr-emea;"
                        + " the handoff routing table sends it to sdr-amer: reassign it in the CRM and correct the"
                        + " assignment rule.",
                v.message());
    }

    @Test
    void aGermanMqlWithoutTeamViolatesTheEuropeRow() {
        VERIFY.clause("R2")
                .given(
                        lead("E1")
                                .channel("web")
                                .country("GB")
                                .team("sdr-emea")
                                .owner("Ann")
                                .mql("2026-10-06T09:30"),
                        lead("E2").channel("web").country("DE").owner("Bob").mql("2026-10-06T09:30"),
                        lead("E3")
                                .channel("web")
                                .country("US")
                                .team("sdr-emea")
                                .owner("Cy")
                                .mql("2026-10-06T09:30"))
                .forPeriod("2026-10")
                .violates("E2")
                .meets("E1")
                .firedRule(EMEA)
                .on("E1", "E2");
    }

    @Test
    void aPartnerMqlRoutedToAnSdrViolatesThePartnerRowWhateverItsCountry() {
        VERIFY.clause("R3")
                .given(
                        lead("P1")
                                .channel("partner")
                                .country("GB")
                                .team("channel")
                                .owner("Ann")
                                .mql("2026-10-07T09:30"),
                        lead("P2")
                                .channel("partner")
                                .country("US")
                                .team("sdr-amer")
                                .owner("Bob")
                                .mql("2026-10-07T09:30"),
                        lead("P3")
                                .channel("web")
                                .country("US")
                                .team("sdr-amer")
                                .owner("Cy")
                                .mql("2026-10-07T09:30"))
                .forPeriod("2026-10")
                .violates("P2")
                .meets("P1")
                .firedRule(PARTNER)
                .on("P1", "P2");
    }

    @Test
    void anAbmMqlIsJudgedInThePeriodOfItsMql() {
        VERIFY.clause("R4")
                .given(
                        lead("B1")
                                .channel("abm")
                                .country("US")
                                .team("enterprise")
                                .owner("Ann")
                                .mql("2026-10-08T09:30"),
                        lead("B2")
                                .channel("abm")
                                .country("US")
                                .team("sdr-amer")
                                .owner("Bob")
                                .mql("2026-10-08T09:30"),
                        lead("B3")
                                .created("2026-09-01T00:00")
                                .channel("abm")
                                .country("US")
                                .team("sdr-amer")
                                .owner("Cy")
                                .mql("2026-09-08T09:30"))
                .forPeriod("2026-10")
                .violates("B2") // B3 became an MQL in September: judged then, not now
                .meets("B1")
                .firedRule(ABM)
                .on("B1", "B2");
    }
}
