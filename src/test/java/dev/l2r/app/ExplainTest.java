package dev.l2r.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.l2r.Cli;
import dev.l2r.Workspace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code l2r explain} with hand-computed expectations (the SPEC worked example and its variations). */
class ExplainTest {

    /** The SPEC worked example: mon-fri 09:00-17:00 New York, holiday Mon 2026-10-12, 4 business hours. */
    static final String SLA = """
            sla: spec
            period: month
            timezone: America/New_York
            calendar:
              hours: { mon-fri: "09:00-17:00" }
              holidays: [2026-10-12]
            teams:
              sdr: { owner: "SDR Manager" }
              marketing: { owner: "VP Demand Generation" }
            clauses:
              - { id: F1, title: MQLs are touched within 4 business hours, type: followup, from: mql, to: first_touch,
                  within: 4 business hours, warn_at: 0.5, owner: lead.team, severity: critical,
                  where: ["source in [demo-request, contact-sales]"] }
              - { id: H1, type: handoff, at: mql, require: ["score >= 60", "company is present"], owner: marketing }
              - { id: R1, type: rejection, reasons: [no-budget, duplicate], owner: sdr }
              - { id: T1, type: target, metric: count(mql), min: 1, owner: marketing }
            """;

    @TempDir
    Path tmp;

    private Workspace ws() {
        return new Workspace(tmp)
                .sla(SLA)
                .leads(
                        // MQL Fri Oct 9 15:00, touched Tue Oct 13 10:30: 2 h + (Mon holiday) + 1.5 h = 3.5 h, met
                        "L1,2026-10-09T15:00:00-04:00,demo-request,web,,sdr,Ann,70,Acme,,,US,,2026-10-09T15:00:00-04:00,,"
                                + "2026-10-13T10:30:00-04:00,,,,,,,,",
                        // MQL Sat Oct 3 10:00 (moved to Mon 09:00), touched Mon 14:30: 5.5 h, late by 1.5 h;
                        // score 50 fails H1, no company fails H1
                        "L2,2026-10-03T10:00:00-04:00,contact-sales,web,,sdr,Bob,50,,,,US,,2026-10-03T10:00:00-04:00,,"
                                + "2026-10-05T14:30:00-04:00,,2026-10-06T10:00:00-04:00,spam,,,,,",
                        // a webinar lead: not in F1's segment
                        "L3,2026-10-05T10:00:00-04:00,webinar,web,,sdr,Ann,80,Beta,,,US,,2026-10-05T10:00:00-04:00,,,,,,,,,,",
                        // an MQL of September: outside the period
                        "L4,2026-09-05T10:00:00-04:00,demo-request,web,,sdr,Ann,80,Beta,,,US,,2026-09-29T10:00:00-04:00,,,,,,,,,,",
                        // MQL Fri Oct 30 15:00, no touch; as of Mon Nov 2 10:00: 3 h used, 1 h left, at risk
                        "L5,2026-10-30T15:00:00-04:00,demo-request,web,,sdr,Ann,80,Gamma,,,US,,2026-10-30T15:00:00-04:00,,,,,,,,,,");
    }

    private Cli explain(Workspace w, String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "explain",
                "--sla",
                w.dir.resolve("sla.yaml").toString(),
                "--data",
                w.dir.resolve("data").toString(),
                "--period",
                "2026-10",
                "--rules",
                w.rules.toString()));
        args.addAll(List.of(extra));
        return Cli.run(args.toArray(String[]::new));
    }

    @Test
    void theSpecExampleCountsFridaySkipsTheWeekendAndTheHolidayAndIsMet() {
        Cli r = explain(ws(), "--lead", "L1");
        assertEquals(0, r.code(), r.toString());
        String expected = """
                F1 (followup, critical, team sdr): MQLs are touched within 4 business hours
                  start: mql at Fri 2026-10-09 15:00 EDT (team sdr, America/New_York)
                  business time counted up to the stop:
                    Fri 2026-10-09 15:00–17:00 (2 h)
                    Sat 2026-10-10 skipped (weekend)
                    Sun 2026-10-11 skipped (weekend)
                    Mon 2026-10-12 skipped (holiday)
                    Tue 2026-10-13 09:00–10:30 (1.5 h)
                    total 3.5 h
                  deadline: Tue 2026-10-13 11:00 EDT (4 business hours after the start)
                  stop: first_touch at Tue 2026-10-13 10:30 EDT
                  elapsed: 3.5 business hours of 4 business hours
                  outcome: met
                """;
        assertTrue(r.out().contains(expected), r.out());
        assertTrue(r.out().contains("1. score is at least 60: the lead has 70 → passed"), r.out());
        assertTrue(r.out().contains("R1 (rejection): outside the period: the lead has no rejected_at"), r.out());
    }

    @Test
    void aStartOnTheWeekendMovesToMondayAndALateTouchSaysByHowMuch() {
        Cli r = explain(ws(), "--lead", "L2");
        assertEquals(0, r.code(), r.toString());
        String out = r.out();
        assertTrue(
                out.contains("outside business hours: the clock starts at the next opening, Mon 2026-10-05 09:00 EDT"),
                out);
        assertTrue(out.contains("    Sat 2026-10-03 10:00") == false, out);
        assertTrue(out.contains("    Mon 2026-10-05 09:00–14:30 (5.5 h)"), out);
        assertTrue(out.contains("deadline: Mon 2026-10-05 13:00 EDT"), out);
        assertTrue(out.contains("outcome: late by 1.5 business hours"), out);
        assertTrue(out.contains("1. score is at least 60: the lead has 50 → failed"), out);
        assertTrue(out.contains("2. company is present: the lead has missing → failed"), out);
        assertTrue(out.contains("with reason \"spam\": not on the agreed list"), out);
        assertTrue(out.contains("outcome: violated"), out);
    }

    @Test
    void clausesThatDoNotApplySayWhichConditionFailed() {
        String out = explain(ws(), "--lead", "L3").out();
        assertTrue(
                out.contains("F1 (followup): not in the segment: \"source in [demo-request, contact-sales]\" fails"
                        + " (the lead has \"webinar\")"),
                out);
        String l4 = explain(ws(), "--lead", "L4").out();
        assertTrue(
                l4.contains("F1 (followup): outside the period: mql at Tue 2026-09-29 10:00 EDT is not in 2026-10"),
                l4);
    }

    @Test
    void anOpenClockAsOfMondayIsAtRiskWithTheTimeLeft() {
        Cli r = explain(ws(), "--lead", "L5", "--as-of", "2026-11-02T10:00");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("    Fri 2026-10-30 15:00–17:00 (2 h)"), r.out());
        assertTrue(r.out().contains("    Mon 2026-11-02 09:00–10:00 (1 h)"), r.out());
        assertTrue(r.out().contains("stop: none by as-of Mon 2026-11-02 10:00 EST"), r.out());
        assertTrue(r.out().contains("DST: on Sun 2026-11-01 at 02:00 local time the clocks go back 1 h"), r.out());
        assertTrue(r.out().contains("outcome: at risk since Fri 2026-10-30 17:00 EDT, 1 business hours left"), r.out());
    }

    @Test
    void aClauseInPlainWordsWithItsRulesOnly() {
        Cli r = Cli.run("explain", "--sla", ws().dir.resolve("sla.yaml").toString(), "--clause", "F1");
        assertEquals(0, r.code(), r.toString());
        assertTrue(
                r.out()
                        .startsWith("F1 (critical, owned by each lead's own team): for every lead that became an MQL"
                                + " in the period and whose source is demo-request or contact-sales, a first touch must follow"
                                + " within 4 business hours on the team's calendar (Mon–Fri 09:00–17:00, America/New_York,"
                                + " holidays 2026-10-12); at risk once half the window has passed\n"),
                r.out());
        assertTrue(r.out().contains("rule \"spec F1: late\""), r.out());
        assertTrue(!r.out().contains("@clause(\"H1\")"), r.out());
    }

    @Test
    void coverageCountsItemsAndNamesClausesThatNeverApplied() {
        // as of Mon Oct 5 12:00: only L2's clock runs (deadline 13:00, at risk since 11:00); nothing rejected yet
        Cli r = explain(ws(), "--coverage", "--as-of", "2026-10-05T12:00");
        assertEquals(0, r.code(), r.toString());
        assertTrue(
                r.out().contains("F1       followup          1 assessed: 0 met, 0 violated, 0 open, 1 at risk"),
                r.out());
        assertTrue(r.out().contains("Never applied:\n  R1 (rejection): no lead in its scope"), r.out());
    }

    @Test
    void badInputIsOneLineAndExitTwo() {
        Workspace w = ws();
        Cli clause = Cli.run("explain", "--sla", w.dir.resolve("sla.yaml").toString(), "--clause", "X1");
        assertEquals(2, clause.code());
        assertEquals("--clause: agreement spec has no clause \"X1\"; its clauses are F1, H1, R1, T1\n", clause.err());
        Cli lead = explain(w, "--lead", "NOPE");
        assertEquals(2, lead.code());
        assertEquals("--lead: no lead \"NOPE\" in the data (5 leads read)\n", lead.err());
        Cli period = Cli.run(
                "explain",
                "--sla",
                w.dir.resolve("sla.yaml").toString(),
                "--data",
                w.dir.resolve("data").toString(),
                "--period",
                "2026-13",
                "--lead",
                "L1");
        assertEquals(2, period.code());
        assertTrue(period.err().startsWith("--period: "), period.err());
        Cli none = Cli.run("explain", "--sla", w.dir.resolve("sla.yaml").toString());
        assertEquals(2, none.code());
        assertEquals(1, none.err().lines().count(), none.err());
    }

    /** ws() plus two rows that cannot be read: a time that is no timestamp (line 7) and a repeated lead_id. */
    private Workspace withRejectedRows() {
        Workspace w = ws();
        String leads = w.dir.resolve("data/leads.csv").toString();
        w.file(
                "data/leads.csv",
                Workspace.LEADS_HEADER + "\n"
                        + String.join("\n", readLines(leads).subList(1, 6))
                        + "\nL6,10/07/2026 10:41 AM,demo-request,web,,sdr,Ann,80,Delta,,,US,,,,,,,,,,,,"
                        + "\nL1,2026-10-09T15:00:00-04:00,demo-request,web,,sdr,Ann,70,Acme,,,US,,,,,,,,,,,,\n");
        return w;
    }

    private static List<String> readLines(String file) {
        try {
            return java.nio.file.Files.readAllLines(Path.of(file));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void coverageSaysWhichRowsItCouldNotReadAsCheckDoes() {
        Workspace w = withRejectedRows();
        Cli r = explain(w, "--coverage");
        assertEquals(0, r.code(), r.toString());
        String leads = w.dir.resolve("data/leads.csv").toString();
        assertEquals(
                "2 rejected rows, each with file, line, field and reason:\n"
                        + "  " + leads + ":7: created_at: not an ISO-8601 timestamp (\"10/07/2026 10:41 AM\")\n"
                        + "  " + leads + ":8: lead_id: duplicate lead_id; the first one, at line 2, is kept (\"L1\")\n",
                r.err());
        Cli lead = explain(w, "--lead", "L1");
        assertEquals(0, lead.code(), lead.toString());
        assertEquals(r.err(), lead.err(), "explain --lead says it too");
    }

    @Test
    void aLeadWhoseRowWasRejectedIsSaidToBeRejectedWhereAndWhy() {
        Workspace w = withRejectedRows();
        Cli r = explain(w, "--lead", "L6");
        assertEquals(2, r.code(), r.toString());
        assertEquals(
                "--lead: lead \"L6\" was rejected, not read: " + w.dir.resolve("data/leads.csv")
                        + ":7: created_at: not an ISO-8601 timestamp (\"10/07/2026 10:41 AM\")\n",
                r.err());
        assertEquals("", r.out());
        Cli unknown = explain(w, "--lead", "NOPE");
        assertEquals(2, unknown.code(), unknown.toString());
        assertEquals(
                "--lead: no lead \"NOPE\" in the data (5 leads read; 2 rejected rows could not be read)\n",
                unknown.err());
    }
}
