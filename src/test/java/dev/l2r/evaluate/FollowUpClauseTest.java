package dev.l2r.evaluate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.l2r.Cli;
import dev.l2r.Workspace;
import dev.l2r.model.Severity;
import dev.l2r.verify.LeadBuilder;
import dev.l2r.verify.RuleVerifier;
import dev.l2r.verify.Scenario;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Follow-up clauses on hand-computed cases (SPEC section 2, "Follow-up"): in memory, one clause per case
 * of one agreement; the worked example also end to end, for its report files and exit code.
 */
class FollowUpClauseTest {

    static final String HEAD = """
            sla: t
            period: month
            timezone: America/New_York
            calendar:
              hours: { mon-fri: "09:00-17:00" }
              holidays: [2026-10-12]
            teams:
              sales: { owner: "VP Sales" }
              sdr: { owner: "SDR Manager", timezone: Europe/London, holidays: [2026-08-31] }
            clauses:
            """;

    static final String F1 = """
              - id: F1
                type: followup
                from: mql
                to: first_touch
                within: 4 business hours
                owner: sales
                severity: critical
            """;

    static final RuleVerifier VERIFY = RuleVerifier.of(HEAD + F1 + """
              - id: H2
                type: followup
                from: mql
                to: [sal, rejected]
                within: 2 business days
                owner: lead.team
              - id: F8
                type: followup
                from: mql
                to: first_touch
                within: 8 business hours
                warn_at: 0.75
                owner: sales
              - id: A1
                type: followup
                from: inquiry
                to: auto_response
                within: 5 minutes
                owner: sales
                where: ["channel = web"]
              - id: F9
                type: followup
                from: mql
                to: first_touch
                within: 8 business hours
                owner: lead.team
            """);

    @TempDir
    Path tmp;

    /** An MQL created when it became one, as the CRM exports of these cases have it. */
    private static LeadBuilder mql(String id, String team, String owner, String mql, String touch) {
        return LeadBuilder.lead(id)
                .created(mql)
                .team(team)
                .owner(owner)
                .mql(mql)
                .firstTouch(touch);
    }

    static final List<LeadBuilder> WORKED_EXAMPLE = List.of(
            mql("L1", "sales", "Ann", "2026-10-09T15:00", "2026-10-13T10:30"),
            mql("L2", "sales", "Bob", "2026-10-13T13:00", "2026-10-13T18:30"),
            mql("L3", "sales", "Ann", "2026-10-29T10:00", null),
            mql("L4", "sales", "Bob", "2026-10-30T16:00", null));

    @Test
    void theWorkedExampleOfTheSpecGivesMetMetMissedOpen() {
        Scenario f1 = VERIFY.clause("F1")
                .given(WORKED_EXAMPLE)
                .forPeriod("2026-10")
                .meets("L1", "L2")
                .violates("L3")
                .leavesOpen("L4")
                .atRisk();
        Violation v = f1.violation("L3");
        assertEquals("2026-10-29T14:00:00-04:00", v.deadline());
        assertEquals(Severity.CRITICAL, v.severity());
        assertEquals("sales", v.team());
        assertEquals("Ann", v.owner());
        assertEquals("no first touch by the deadline", v.actual());
        assertArrayEquals(new long[] {2, 1, 1, 0}, f1.outcome("sales"));
        OpenItem open = f1.openItem("L4");
        assertEquals(
                List.of("sales", "Bob", "2026-10-30T16:00:00-04:00", "2026-11-02T12:00:00-05:00"),
                List.of(open.team(), open.owner(), open.started(), open.deadline()));
        f1.firedRule("t F1: met").on("L1", "L2");
        f1.firedRule("t F1: missed").on("L3");
        f1.firedRule("t F1: open").on("L4");
        f1.firedRule("t F1: late").never();
        f1.clause("A1").reportsNothing(); // no lead of the example has an inquiry
    }

    @Test
    void theWorkedExampleEndToEndWritesItsReportsAndFailsOnTheCriticalViolation() {
        Workspace w = new Workspace(tmp).sla(HEAD + F1).file("data/leads.csv", LeadBuilder.csv(WORKED_EXAMPLE));
        Cli r = w.check("2026-10");
        assertEquals(1, r.code(), r.toString());
        assertEquals(List.of("F1 L3"), w.violationKeys());
        JsonNode v = w.violations().get(0);
        assertEquals("2026-10-29T14:00:00-04:00", v.get("deadline").asText());
        assertEquals("critical", v.get("severity").asText());
        assertEquals("sales", v.get("team").asText());
        assertEquals("Ann", v.get("owner").asText());
        assertEquals("no first touch by the deadline", v.get("actual").asText());
        assertArrayEquals(new long[] {2, 1, 1, 0}, w.outcome("sales", "F1"));
        String open = w.read("open-items.csv");
        assertTrue(open.contains("F1,sales,Bob,L4,2026-10-30T16:00:00-04:00,2026-11-02T12:00:00-05:00,"), open);
    }

    @Test
    void aTouchOneSecondAfterTheDeadlineIsLateAndOneAtItIsMet() {
        Scenario f1 = VERIFY.clause("F1")
                .given(
                        mql("AT", "sales", "Ann", "2026-10-19T09:00", "2026-10-19T13:00:00"),
                        mql("LATE", "sales", "Ann", "2026-10-19T09:00", "2026-10-19T13:00:01"),
                        mql("EARLY", "sales", "Ann", "2026-10-19T09:00", "2026-10-19T08:00"),
                        mql("WEEKEND", "sales", "Ann", "2026-10-17T11:00", "2026-10-19T12:59"))
                .forPeriod("2026-10")
                .violates("LATE")
                .reports("late", "LATE")
                .meets("AT", "EARLY", "WEEKEND");
        Violation v = f1.violation("LATE");
        assertEquals("2026-10-19T13:00:00-04:00", v.deadline());
        assertEquals("first touch after 4 business hours", v.actual());
        assertArrayEquals(new long[] {3, 1, 0, 0}, f1.outcome("sales"));
    }

    @Test
    void theFirstOfSeveralStopStagesStopsTheClockInTheTeamsZone() {
        // sdr works in London: MQL Thu 2026-10-29 10:00 New York (EDT) = 14:00 London (GMT since 25 Oct).
        // 2 business days on the London calendar -> Mon 2026-11-02 14:00 GMT = 09:00 EST.
        Scenario h2 = VERIFY.clause("H2")
                .given(
                        // rejected Mon 13:59 London -> met; sal later does not matter
                        LeadBuilder.lead("R1")
                                .created("2026-10-29T10:00")
                                .team("sdr")
                                .owner("Sam")
                                .mql("2026-10-29T10:00")
                                .sal("2026-11-03T09:00")
                                .rejected("2026-11-02T08:59")
                                .rejectionReason("no-need"),
                        // sal Mon 14:01 London (09:01 New York) -> late by one minute
                        LeadBuilder.lead("R2")
                                .created("2026-10-29T10:00")
                                .team("sdr")
                                .owner("Sam")
                                .mql("2026-10-29T10:00")
                                .sal("2026-11-02T09:01"))
                .forPeriod("2026-10")
                .asOf("2026-11-10T00:00")
                .violates("R2")
                .meets("R1");
        Violation v = h2.violation("R2");
        assertEquals("2026-11-02T14:00:00+00:00", v.deadline());
        assertEquals(
                "acceptance after 16 business hours", v.actual(), "14:00 Thu to 14:01 Mon London = 8+8h and 1 min");
        assertTrue(v.message().contains("1 business min after the deadline"), v.toString());
    }

    @Test
    void atRiskOncePastWarnAtAndEventsAfterAsOfHaveNotHappened() {
        Scenario f8 = VERIFY.clause("F8")
                .given(
                        // as-of Tue 15:30: 6.5 of 8 business hours gone = 0.81 -> at risk; its touch at 16:00 is after
                        // as-of
                        mql("RISK", "sales", "Ann", "2026-10-20T09:00", "2026-10-20T16:00"),
                        // 2.5 of 8 hours -> open
                        mql("OPEN", "sales", "Ann", "2026-10-20T13:00", null),
                        // MQL after as-of: not yet in the period's facts
                        mql("LATER", "sales", "Ann", "2026-10-20T16:30", null))
                .forPeriod("2026-10")
                .asOf("2026-10-20T15:30")
                .violates()
                .meets()
                .atRisk("RISK")
                .leavesOpen("OPEN");
        assertArrayEquals(new long[] {0, 0, 1, 1}, f8.outcome("sales"));
        // the rows of open-items.csv: clause, team, owner, lead, started, deadline, remaining, at risk
        OpenItem risk = f8.openItem("RISK");
        assertEquals(
                List.of("sales", "Ann", "2026-10-20T09:00:00-04:00", "2026-10-21T09:00:00-04:00", "1.5 business hours"),
                List.of(risk.team(), risk.owner(), risk.started(), risk.deadline(), risk.remaining()));
        OpenItem open = f8.openItem("OPEN");
        assertEquals(
                List.of("sales", "Ann", "2026-10-20T13:00:00-04:00", "2026-10-21T13:00:00-04:00", "5.5 business hours"),
                List.of(open.team(), open.owner(), open.started(), open.deadline(), open.remaining()));
        // run.json leads.created_after_as_of
        assertEquals(1, f8.evaluation().leadsAfterAsOf());
    }

    @Test
    void aCalendarWindowIgnoresBusinessHours() {
        Scenario a1 = VERIFY.clause("A1")
                .given(
                        LeadBuilder.lead("OK")
                                .created("2026-10-17T23:58")
                                .channel("web")
                                .team("sales")
                                .inquiry("2026-10-17T23:58")
                                .autoResponse("2026-10-18T00:03"),
                        LeadBuilder.lead("SLOW")
                                .created("2026-10-17T23:58")
                                .channel("web")
                                .team("sales")
                                .inquiry("2026-10-17T23:58")
                                .autoResponse("2026-10-18T00:03:01"),
                        LeadBuilder.lead("OTHER")
                                .created("2026-10-17T23:58")
                                .channel("email")
                                .team("sales")
                                .inquiry("2026-10-17T23:58"))
                .forPeriod("2026-10")
                .violates("SLOW")
                .meets("OK");
        Violation v = a1.violation("SLOW");
        assertEquals(
                Severity.MAJOR,
                v.severity(),
                "a major violation, which the default --fail-on critical does not fail on");
        assertEquals("2026-10-18T00:03:00-04:00", v.deadline());
        assertArrayEquals(new long[] {1, 1, 0, 0}, a1.outcome("sales"));
    }

    @Test
    void aTeamsOwnHolidaysPauseOnlyItsClocks() {
        // Mon 2026-08-31 is a UK bank holiday: the London desk's clock pauses, New York's does not.
        Scenario f9 = VERIFY.clause("F9")
                .given(
                        // Fri 28 Aug 16:00 London -> 1 h Friday, 7 h on Tue 1 Sep -> deadline Tue 16:00 BST: touched
                        // Tue 15:00, met
                        mql("UK", "sdr", "Sam", "2026-08-28T16:00+01:00", "2026-09-01T15:00+01:00"),
                        // Fri 28 Aug 16:00 New York -> 1 h Friday, 7 h Monday -> deadline Mon 31 Aug 16:00 EDT: Tue
                        // touch is late
                        mql("US", "sales", "Ann", "2026-08-28T16:00-04:00", "2026-09-01T10:00-04:00"))
                .forPeriod("2026-08")
                .asOf("2026-09-05T00:00")
                .violates("US")
                .meets("UK");
        assertEquals("2026-08-31T16:00:00-04:00", f9.violation("US").deadline());
        assertArrayEquals(new long[] {1, 0, 0, 0}, f9.outcome("sdr"));
    }
}
