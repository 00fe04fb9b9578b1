package dev.l2r.evaluate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.l2r.Cli;
import dev.l2r.Workspace;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Follow-up clauses end to end, on hand-computed cases (SPEC section 2, "Follow-up"). */
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
              sdr: { owner: "SDR Manager", timezone: Europe/London }
            clauses:
            """;

    @TempDir
    Path tmp;

    private static String row(String id, String team, String owner, String mql, String touch) {
        // lead_id,created_at,source,channel,campaign,team,owner,score,company,title,email,country,inquiry_at,mql_at,
        // auto_response_at,first_touch_at,sal_at,rejected_at,rejection_reason,sqo_at,opportunity_id,amount,closed_at,outcome
        return id + "," + mql + ",,,," + team + "," + owner + ",,,,,,," + mql + ",," + touch + ",,,,,,,,";
    }

    @Test
    void theWorkedExampleOfTheSpecGivesMetMetMissedOpen() {
        Workspace w = new Workspace(tmp).sla(HEAD + """
                  - id: F1
                    type: followup
                    from: mql
                    to: first_touch
                    within: 4 business hours
                    owner: sales
                    severity: critical
                """).leads(
                row("L1", "sales", "Ann", "2026-10-09T15:00", "2026-10-13T10:30"),
                row("L2", "sales", "Bob", "2026-10-13T13:00", "2026-10-13T18:30"),
                row("L3", "sales", "Ann", "2026-10-29T10:00", ""),
                row("L4", "sales", "Bob", "2026-10-30T16:00", ""));
        Cli r = w.check("2026-10");
        assertEquals(1, r.code(), r.toString());
        assertEquals(List.of("F1 L3"), w.violationKeys());
        JsonNode v = w.violations().get(0);
        assertEquals("2026-10-29T14:00:00-04:00", v.get("deadline").asText());
        assertEquals("critical", v.get("severity").asText());
        assertEquals("sales", v.get("team").asText());
        assertEquals("Ann", v.get("owner").asText());
        assertEquals("no first_touch by the deadline", v.get("actual").asText());
        assertArrayEquals(new long[] {2, 1, 1, 0}, w.outcome("sales", "F1"));
        String open = w.read("open-items.csv");
        assertTrue(open.contains("F1,sales,Bob,L4,2026-10-30T16:00:00-04:00,2026-11-02T12:00:00-05:00,"), open);
    }

    @Test
    void aTouchOneSecondAfterTheDeadlineIsLateAndOneAtItIsMet() {
        Workspace w = new Workspace(tmp).sla(HEAD + """
                  - id: F1
                    type: followup
                    from: mql
                    to: first_touch
                    within: 4 business hours
                    owner: sales
                """).leads(
                row("AT", "sales", "Ann", "2026-10-19T09:00", "2026-10-19T13:00:00"),
                row("LATE", "sales", "Ann", "2026-10-19T09:00", "2026-10-19T13:00:01"),
                row("EARLY", "sales", "Ann", "2026-10-19T09:00", "2026-10-19T08:00"),
                row("WEEKEND", "sales", "Ann", "2026-10-17T11:00", "2026-10-19T12:59"));
        Cli r = w.check("2026-10", "--fail-on", "none");
        assertEquals(0, r.code(), r.toString());
        assertEquals(List.of("F1 LATE"), w.violationKeys());
        JsonNode v = w.violations().get(0);
        assertEquals("2026-10-19T13:00:00-04:00", v.get("deadline").asText());
        assertEquals("first_touch after 4 business hours", v.get("actual").asText());
        assertArrayEquals(new long[] {3, 1, 0, 0}, w.outcome("sales", "F1"));
    }

    @Test
    void theFirstOfSeveralStopStagesStopsTheClockInTheTeamsZone() {
        // sdr works in London: MQL Thu 2026-10-29 10:00 New York (EDT) = 14:00 London (GMT since 25 Oct).
        // 2 business days on the London calendar -> Mon 2026-11-02 14:00 GMT = 09:00 EST.
        Workspace w = new Workspace(tmp).sla(HEAD + """
                  - id: H2
                    type: followup
                    from: mql
                    to: [sal, rejected]
                    within: 2 business days
                    owner: lead.team
                """).leads(
                // rejected Mon 13:59 London -> met; sal later does not matter
                "R1,2026-10-29T10:00,,,,sdr,Sam,,,,,,,2026-10-29T10:00,,,2026-11-03T09:00,2026-11-02T08:59,no-need,,,,,",
                // sal Mon 14:01 London (09:01 New York) -> late by one minute
                "R2,2026-10-29T10:00,,,,sdr,Sam,,,,,,,2026-10-29T10:00,,,2026-11-02T09:01,,,,,,,");
        Cli r = w.check("2026-10", "--as-of", "2026-11-10T00:00");
        assertEquals(0, r.code(), r.toString());
        assertEquals(List.of("H2 R2"), w.violationKeys());
        JsonNode v = w.violations().get(0);
        assertEquals("2026-11-02T14:00:00+00:00", v.get("deadline").asText());
        assertEquals("sal after 16 business hours", v.get("actual").asText(), "14:00 Thu to 14:01 Mon London = 8+8h and 1 min");
        assertTrue(v.get("message").asText().contains("1 business min after the deadline"), v.toString());
    }

    @Test
    void atRiskOncePastWarnAtAndEventsAfterAsOfHaveNotHappened() {
        Workspace w = new Workspace(tmp).sla(HEAD + """
                  - id: F8
                    type: followup
                    from: mql
                    to: first_touch
                    within: 8 business hours
                    warn_at: 0.75
                    owner: sales
                """).leads(
                // as-of Tue 15:30: 6.5 of 8 business hours gone = 0.81 -> at risk; its touch at 16:00 is after as-of
                row("RISK", "sales", "Ann", "2026-10-20T09:00", "2026-10-20T16:00"),
                // 2.5 of 8 hours -> open
                row("OPEN", "sales", "Ann", "2026-10-20T13:00", ""),
                // MQL after as-of: not yet in the period's facts
                row("LATER", "sales", "Ann", "2026-10-20T16:30", ""));
        Cli r = w.check("2026-10", "--as-of", "2026-10-20T15:30");
        assertEquals(0, r.code(), r.toString());
        assertEquals(List.of(), w.violationKeys());
        assertArrayEquals(new long[] {0, 0, 1, 1}, w.outcome("sales", "F8"));
        String open = w.read("open-items.csv");
        assertTrue(open.contains("F8,sales,Ann,RISK,2026-10-20T09:00:00-04:00,2026-10-21T09:00:00-04:00,1.5 business hours,true"), open);
        assertTrue(open.contains("F8,sales,Ann,OPEN,2026-10-20T13:00:00-04:00,2026-10-21T13:00:00-04:00,5.5 business hours,false"), open);
        assertEquals(1, w.json("run.json").get("leads").get("created_after_as_of").asInt());
    }

    @Test
    void aCalendarWindowIgnoresBusinessHours() {
        Workspace w = new Workspace(tmp).sla(HEAD + """
                  - id: A1
                    type: followup
                    from: inquiry
                    to: auto_response
                    within: 5 minutes
                    owner: sales
                    where: ["channel = web"]
                """).leads(
                "OK,2026-10-17T23:58,,web,,sales,,,,,,,2026-10-17T23:58,,2026-10-18T00:03,,,,,,,,,",
                "SLOW,2026-10-17T23:58,,web,,sales,,,,,,,2026-10-17T23:58,,2026-10-18T00:03:01,,,,,,,,,",
                "OTHER,2026-10-17T23:58,,email,,sales,,,,,,,2026-10-17T23:58,,,,,,,,,,,");
        Cli r = w.check("2026-10");
        assertEquals(0, r.code(), "a major violation does not fail the default --fail-on critical: " + r);
        assertEquals(List.of("A1 SLOW"), w.violationKeys());
        assertEquals("2026-10-18T00:03:00-04:00", w.violations().get(0).get("deadline").asText());
        assertArrayEquals(new long[] {1, 1, 0, 0}, w.outcome("sales", "A1"));
    }

    @Test
    void aTeamsOwnHolidaysPauseOnlyItsClocks() {
        // Mon 2026-08-31 is a UK bank holiday: the London desk's clock pauses, New York's does not.
        Workspace w = new Workspace(tmp).sla("""
                sla: t
                period: month
                timezone: America/New_York
                calendar:
                  hours: { mon-fri: "09:00-17:00" }
                teams:
                  sales: { owner: "VP Sales" }
                  sdr: { owner: "SDR Manager", timezone: Europe/London, holidays: [2026-08-31] }
                clauses:
                  - id: F1
                    type: followup
                    from: mql
                    to: first_touch
                    within: 8 business hours
                    owner: lead.team
                """).leads(
                // Fri 28 Aug 16:00 London -> 1 h Friday, 7 h on Tue 1 Sep -> deadline Tue 16:00 BST: touched Tue 15:00, met
                row("UK", "sdr", "Sam", "2026-08-28T16:00+01:00", "2026-09-01T15:00+01:00"),
                // Fri 28 Aug 16:00 New York -> 1 h Friday, 7 h Monday -> deadline Mon 31 Aug 16:00 EDT: Tue touch is late
                row("US", "sales", "Ann", "2026-08-28T16:00-04:00", "2026-09-01T10:00-04:00"));
        Cli r = w.check("2026-08", "--as-of", "2026-09-05T00:00");
        assertEquals(0, r.code(), r.toString());
        assertEquals(List.of("F1 US"), w.violationKeys());
        assertEquals("2026-08-31T16:00:00-04:00", w.violations().get(0).get("deadline").asText());
        assertArrayEquals(new long[] {1, 0, 0, 0}, w.outcome("sdr", "F1"));
    }
}
