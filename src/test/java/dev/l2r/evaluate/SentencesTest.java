package dev.l2r.evaluate;

import static dev.l2r.verify.LeadBuilder.lead;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.l2r.verify.LeadBuilder;
import dev.l2r.verify.RuleVerifier;
import dev.l2r.verify.Scenario;
import org.junit.jupiter.api.Test;

/** Violation texts in words for people: metric labels, money in the agreement's currency, readable times. */
class SentencesTest {

    static final RuleVerifier VERIFY = RuleVerifier.of("""
            sla: words
            period: month
            timezone: America/New_York
            currency: USD
            teams:
              marketing: { owner: "VP Demand Generation" }
              sdr: { owner: "SDR Manager", timezone: Europe/London }
              sales: { owner: "VP Sales" }
            clauses:
              - id: CPL
                type: target
                metric: cost_per(mql)
                max: 200
                owner: marketing
              - id: REV
                type: target
                metric: revenue
                min: 6000000
                owner: sales
              - id: F1
                type: followup
                from: mql
                to: [sal, rejected]
                within: 8 business hours
                owner: sdr
            """);

    static LeadBuilder mql(String id, String at) {
        return lead(id).created(at).mql(at);
    }

    Scenario run() {
        return VERIFY.given(
                        mql("A", "2026-09-08T14:30"),
                        mql("B", "2026-09-09T10:00").sal("2026-09-09T11:00"),
                        mql("W", "2026-09-01T09:00")
                                .sqo("2026-09-02T09:00")
                                .amount(5_241_000)
                                .closed("2026-09-20T09:00")
                                .outcome("won"))
                .metric("", "spend", 723.30)
                .forPeriod("2026-09");
    }

    @Test
    void moneyIsWrittenWithTheCurrencyAndTheMetricByItsLabel() {
        Violation v = run().clause("CPL").violation("all");
        assertEquals("at most $200", v.expected());
        assertEquals("$241.10 ($723.30 spend / 3 MQLs)", v.actual());
        assertEquals(
                "Cost per MQL was $241.10 in 2026-09; the agreement asks for at most $200 (over by $41.10);"
                        + " marketing (VP Demand Generation) answers for it.",
                v.message());

        Violation r = run().clause("REV").violation("all");
        assertEquals("$5,241,000 (1 deal won)", r.actual());
        assertEquals(
                "Revenue was $5,241,000 in 2026-09; the agreement asks for at least $6,000,000 (short by $759,000);"
                        + " sales (VP Sales) answers for it.",
                r.message());
    }

    @Test
    void timesAreReadableInTheAccountableTeamsZoneAndTheDeadlineColumnStaysIso() {
        // Tue 8 Sep 14:30 EDT is 19:30 in London, after the London desk's hours: the clock starts Wed 09:00
        // and 8 business hours end at Wed 17:00 London, closing time, so the deadline runs on to Thu 09:00
        Violation v = run().clause("F1").violation("A");
        assertEquals("acceptance or rejection within 8 business hours", v.expected());
        assertEquals("no acceptance or rejection by the deadline", v.actual());
        assertEquals("2026-09-10T09:00:00+01:00", v.deadline());
        assertEquals(
                "Lead A became an MQL Tue 8 Sep 2026, 19:30 BST and had no acceptance or rejection by the deadline of"
                        + " Thu 10 Sep 2026, 09:00 BST; the window is 8 business hours on the Europe/London calendar.",
                v.message());
    }
}
