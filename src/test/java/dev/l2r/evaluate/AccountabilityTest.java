package dev.l2r.evaluate;

import static dev.l2r.verify.LeadBuilder.lead;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.l2r.verify.LeadBuilder;
import dev.l2r.verify.RuleVerifier;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Who is accountable and who worked the lead (kept distinct), each person's totals, and data-quality
 * findings kept apart from violations and scoped to the leads the agreement covers; in memory.
 */
class AccountabilityTest {

    static final String HEAD = """
            sla: t
            period: month
            timezone: America/New_York
            teams:
              marketing: { owner: "VP Marketing" }
              sdr: { owner: "SDR Manager" }
              revenue-ops: { owner: "RevOps Lead" }
            clauses:
              - id: H1
                type: handoff
                at: mql
                require: ["score >= 60"]
                where: ["channel = partner"]
                owner: marketing
                severity: critical
            """;

    static final RuleVerifier VERIFY = RuleVerifier.of(HEAD + """
              - id: F1
                type: followup
                from: mql
                to: first_touch
                within: 1 hours
                owner: lead.team
            """);

    /** Only H1, whose segment is partner leads, with the shipped data-quality checks. */
    static final RuleVerifier PARTNERS = RuleVerifier.of(HEAD, RuleVerifier.SHIPPED_RULES);

    static LeadBuilder mql(String id, String channel, String owner, double score, String touch) {
        return lead(id).created("2026-10-05T10:00")
                .channel(channel)
                .team("sdr")
                .owner(owner)
                .score(score)
                .mql("2026-10-05T10:00")
                .firstTouch(touch);
    }

    static final List<LeadBuilder> LEADS = List.of(
            mql("P1", "partner", "Sam SDR", 40, "2026-10-05T10:30"), // H1 violated (marketing's), F1 met
            mql("P2", "partner", "Ann SDR", 80, "2026-10-05T13:00"), // H1 met, F1 late (Ann's)
            mql("P3", "web", "Ann SDR", 80, null)); // F1 missed (Ann's)

    @Test
    void aMarketingOwnedClauseNamesMarketingAccountableAndTheRepWhoWorkedTheLead() {
        Evaluation e = VERIFY.given(LEADS).forPeriod("2026-10").evaluation();
        Violation h1 = VERIFY.given(LEADS).forPeriod("2026-10").clause("H1").violation("P1");
        assertEquals("marketing", h1.team());
        assertEquals("Sam SDR", h1.owner(), "who worked the lead");
        assertEquals("VP Marketing", h1.accountable(), "who must act for marketing's clause");
        for (Violation v : e.violations()) {
            if (v.clauseId().equals("F1")) {
                assertEquals("Ann SDR", v.owner());
                assertEquals("Ann SDR", v.accountable(), "lead.team: each rep answers for their leads");
            }
        }
    }

    @Test
    void eachPersonsTotalsAreTheViolationsTheyAreAccountableFor() {
        Evaluation e = VERIFY.given(LEADS).forPeriod("2026-10").evaluation();
        List<PersonAccountability> people = e.people();
        assertEquals(
                List.of("Ann SDR", "VP Marketing", "Sam SDR"),
                people.stream().map(PersonAccountability::person).toList(),
                "most violated first, then by name");
        PersonAccountability ann = people.get(0);
        assertEquals("sdr", ann.team());
        assertEquals(0, ann.met());
        assertEquals(2, ann.violated());
        assertEquals(0, ann.critical());
        assertEquals(
                List.of("F1"),
                ann.clauses().stream().map(ClauseOutcome::clauseId).toList());
        PersonAccountability vp = people.get(1);
        assertEquals("marketing", vp.team());
        assertEquals(1, vp.met()); // P2 met H1
        assertEquals(1, vp.violated());
        assertEquals(1, vp.critical());
        assertEquals(Verdict.BREACHED, vp.clauses().get(0).verdict());
        PersonAccountability sam = people.get(2);
        assertEquals(1, sam.met());
        assertEquals(0, sam.violated());

        Map<String, Long> fromViolations = e.violations().stream()
                .collect(Collectors.groupingBy(Violation::accountable, TreeMap::new, Collectors.counting()));
        Map<String, Long> fromPeople = new TreeMap<>();
        people.stream().filter(p -> p.violated() > 0).forEach(p -> fromPeople.put(p.person(), p.violated()));
        assertEquals(fromViolations, fromPeople);
        assertEquals(
                e.met(), people.stream().mapToLong(PersonAccountability::met).sum());
    }

    /** A won deal without an amount (DQ-WON-WITHOUT-AMOUNT) that became an MQL in the period. */
    static LeadBuilder wonWithoutAmount(String id, String channel) {
        return lead(id).created("2026-10-05T10:00")
                .channel(channel)
                .team("sdr")
                .owner("Sam SDR")
                .score(80)
                .mql("2026-10-05T10:00")
                .sqo("2026-10-06T10:00")
                .opportunityId("O-" + id)
                .closed("2026-10-20T10:00")
                .outcome("won");
    }

    @Test
    void findingsAreNoViolationsAndOnlyCoveredLeadsAreListed() {
        // A is a partner lead H1 decides about; B (web) is in no clause's segment: counted, not listed
        Evaluation e = PARTNERS.given(wonWithoutAmount("A", "partner"), wonWithoutAmount("B", "web"))
                .forPeriod("2026-10")
                .evaluation();
        assertEquals(
                List.of("DQ-WON-WITHOUT-AMOUNT A"),
                e.findings().stream().map(f -> f.checkId() + " " + f.leadId()).toList());
        assertEquals(1, e.findingsOutOfScope());
        Finding f = e.findings().get(0);
        assertEquals("major", f.severity().key());
        assertEquals("amount", f.field());
        assertEquals(List.of(), e.violations(), "H1 is met; a finding is no violation");
        assertEquals(1, e.met());
        assertEquals(0, e.violated());
        assertEquals(1.0, e.compliance());
        TeamAccountability revOps = e.teams().stream()
                .filter(t -> t.team().equals("revenue-ops"))
                .findFirst()
                .orElseThrow();
        assertEquals(Map.of("DQ-WON-WITHOUT-AMOUNT", 1L), revOps.dataQuality(), "in scope only");
        assertTrue(revOps.clauses().isEmpty());
        assertEquals(Verdict.KEPT, e.verdict());
    }

    @Test
    void aClauseWithoutWhereCoversEveryLead() {
        // F1 has no where: B, no partner, is covered too
        RuleVerifier all = RuleVerifier.of(HEAD + """
                  - id: F1
                    type: followup
                    from: mql
                    to: first_touch
                    within: 1 hours
                    owner: lead.team
                """, RuleVerifier.SHIPPED_RULES);
        Evaluation e = all.given(wonWithoutAmount("A", "partner"), wonWithoutAmount("B", "web"))
                .forPeriod("2026-10")
                .evaluation();
        assertEquals(2, e.findings().size());
        assertEquals(0, e.findingsOutOfScope());
    }
}
