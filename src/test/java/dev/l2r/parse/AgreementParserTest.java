package dev.l2r.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.l2r.InputError;
import dev.l2r.model.Agreement;
import dev.l2r.model.Clause;
import dev.l2r.model.Metric;
import dev.l2r.model.Operator;
import dev.l2r.model.PeriodKind;
import dev.l2r.model.Severity;
import dev.l2r.model.Stage;
import dev.l2r.model.Window;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Loading agreements: every field of SPEC section 2, and one bad field at a time with its line and path. */
class AgreementParserTest {

    /** The SPEC example, line for line (line numbers below refer to it). */
    static final String VALID = """
            sla: enterprise-abm
            title: Enterprise account-based SLA
            version: "2026.1"
            effective_from: 2026-01-01
            approved_by: [CEO, CRO, CMO]
            period: month
            timezone: America/New_York
            calendar:
              hours: { mon-fri: "09:00-17:00" }
              holidays: [2026-11-26, 2026-12-25]
            teams:
              marketing: { owner: "VP Demand Generation" }
              sdr:       { owner: "SDR Manager", timezone: Europe/London }
              sales:     { owner: "VP Sales" }
            clauses:
              - id: T1
                title: Marketing delivers enough MQLs
                type: target
                metric: count(mql)
                min: 120
                owner: marketing
                severity: major
              - id: T2
                type: target
                metric: conversion(mql, sal)
                min: 0.70
                owner: sdr
              - id: F1
                title: Every MQL is worked within one business day
                type: followup
                from: mql
                to: first_touch
                within: 8 business hours
                warn_at: 0.75
                owner: lead.team
                severity: critical
              - id: H1
                title: MQLs meet the handoff criteria
                type: handoff
                at: mql
                require: ["score >= 60", "company is present", "title is present"]
                owner: marketing
              - id: H2
                type: followup
                from: mql
                to: [sal, rejected]
                within: 2 business days
                owner: sdr
              - id: H3
                type: rejection
                reasons: [no-budget, no-authority, no-need, bad-timing, duplicate, bad-data]
                owner: sdr
            """;

    @TempDir
    Path tmp;

    private Agreement load(String name, String text) throws IOException {
        Path p = tmp.resolve(name);
        Files.writeString(p, text);
        return AgreementParser.load(p);
    }

    @Test
    void theSpecExampleLoadsIntoTheModel() throws IOException {
        Agreement a = load("sla.yaml", VALID);
        assertEquals("enterprise-abm", a.id());
        assertEquals("2026.1", a.version());
        assertEquals(LocalDate.of(2026, 1, 1), a.effectiveFrom());
        assertEquals(List.of("CEO", "CRO", "CMO"), a.approvedBy());
        assertEquals(PeriodKind.MONTH, a.period());
        assertEquals(ZoneId.of("America/New_York"), a.zone());
        assertEquals(
                List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY),
                List.copyOf(a.calendar().hours().keySet()));
        assertEquals(2, a.calendar().holidays().size());
        assertEquals(ZoneId.of("Europe/London"), a.teams().get("sdr").zone());
        assertEquals(ZoneId.of("Europe/London"), a.zoneOf("sdr"));
        assertEquals(ZoneId.of("America/New_York"), a.zoneOf("sales"));
        assertEquals(6, a.clauses().size());
        assertEquals(null, a.currency(), "no currency: amounts are written without one");
        Clause.Target t2 = (Clause.Target) a.clauses().get(1);
        assertEquals(new Metric.Conversion(Stage.MQL, Stage.SAL), t2.metric());
        assertEquals(0, new BigDecimal("0.70").compareTo(t2.min().all()));
        assertEquals(Severity.MAJOR, t2.head().severity());
        Clause.FollowUp f1 = (Clause.FollowUp) a.clauses().get(2);
        assertEquals(new Window(8, Window.Unit.HOURS, true), f1.within());
        assertTrue(f1.head().owner().isLeadTeam());
        assertEquals(0.75, f1.warnAt());
        assertEquals(28, f1.head().line());
        Clause.Handoff h1 = (Clause.Handoff) a.clauses().get(3);
        assertEquals(Operator.GE, h1.require().get(0).op());
        assertEquals(Operator.PRESENT, h1.require().get(1).op());
        Clause.FollowUp h2 = (Clause.FollowUp) a.clauses().get(4);
        assertEquals(List.of(Stage.SAL, Stage.REJECTED), h2.to());
        assertEquals(new Window(2, Window.Unit.DAYS, true), h2.within());
        assertInstanceOf(Clause.Rejection.class, a.clauses().get(5));
    }

    @Test
    void anUnquotedVersionIsKeptAsWritten() throws IOException {
        // YAML reads 2026.10 as the number 2026.1; a version is text, so it is taken as the file writes it
        Agreement a = load("sla.yaml", VALID.replace("version: \"2026.1\"", "version: 2026.10"));
        assertEquals("2026.10", a.version());
        assertEquals(
                "2026.100",
                load("sla.yaml", VALID.replace("version: \"2026.1\"", "version: 2026.100"))
                        .version());
    }

    @Test
    void aDeclaredCurrencyIsKept() throws IOException {
        Agreement a = load(
                "sla.yaml", VALID.replace("timezone: America/New_York", "timezone: America/New_York\ncurrency: EUR"));
        assertEquals("EUR", a.currency());
    }

    @Test
    void jsonGivesTheSameModelAsYaml() throws IOException {
        Agreement yaml = load("sla.yaml", VALID);
        String json = new com.fasterxml.jackson.databind.ObjectMapper()
                .writeValueAsString(new com.fasterxml.jackson.dataformat.yaml.YAMLMapper().readTree(VALID));
        Agreement fromJson = load("sla.json", json);
        assertEquals(yaml.clauses().size(), fromJson.clauses().size());
        assertEquals(yaml.teams(), fromJson.teams());
        assertEquals(
                withoutComments(dev.l2r.compile.DrlGenerator.generate(yaml)),
                withoutComments(dev.l2r.compile.DrlGenerator.generate(fromJson)));
    }

    private static String withoutComments(String drl) {
        return drl.lines().filter(l -> !l.startsWith("//")).collect(java.util.stream.Collectors.joining("\n"));
    }

    static Stream<Arguments> badAgreements() {
        return Stream.of(
                bad(
                        "a conversion min written as a percentage is refused with the decimal it means",
                        "    min: 0.70\n",
                        "    min: 45%\n",
                        "sla.yaml:26: clauses[1] (T2).min: \"45%\" is not a number; write a share as a decimal (45% is 0.45)"),
                bad(
                        "a warn_at written as a percentage is refused with the decimal it means",
                        "    warn_at: 0.75\n",
                        "    warn_at: 75%\n",
                        "sla.yaml:34: clauses[2] (F1).warn_at: \"75%\" is not a number; write a share as a decimal (75% is 0.75)"),
                bad(
                        "a clause whose id is no clause id is named by its index alone",
                        "  - id: T2\n",
                        "  - id: \"T 2\"\n",
                        "sla.yaml:23: clauses[1].id: \"T 2\" is not a clause id"),
                bad(
                        "an unknown clause type is refused",
                        "    type: rejection\n",
                        "    type: rejectoin\n",
                        "sla.yaml:50: clauses[5] (H3).type: unknown clause type \"rejectoin\""),
                bad(
                        "an unknown metric is refused",
                        "metric: count(mql)",
                        "metric: count(mqls)",
                        "sla.yaml:19: clauses[0] (T1).metric: \"count(mqls)\" is not a metric"),
                bad(
                        "an unknown stage in a metric is refused",
                        "conversion(mql, sal)",
                        "conversion(mql, sql)",
                        "sla.yaml:25: clauses[1] (T2).metric: \"conversion(mql, sql)\" is not a metric"),
                bad(
                        "an unknown field in a condition is refused",
                        "\"score >= 60\"",
                        "\"scor >= 60\"",
                        "sla.yaml:41: clauses[3] (H1).require[0]: unknown field 'scor'"),
                bad(
                        "an unknown key in a clause is refused",
                        "    warn_at: 0.75\n",
                        "    warn_at: 0.75\n    wthin: 2 hours\n",
                        "sla.yaml:35: clauses[2] (F1).wthin: unknown field; valid here:"),
                bad(
                        "an unknown stage is refused",
                        "    to: first_touch\n",
                        "    to: first_tuch\n",
                        "sla.yaml:32: clauses[2] (F1).to: unknown stage \"first_tuch\""),
                bad(
                        "a misspelt duration is refused with the valid form",
                        "8 business hours",
                        "8 buisness hours",
                        "sla.yaml:33: clauses[2] (F1).within: \"8 buisness hours\" is not a duration; use \"N minutes|hours|days\", optionally \"business\""),
                bad(
                        "a zero duration is refused",
                        "8 business hours",
                        "0 business hours",
                        "sla.yaml:33: clauses[2] (F1).within: \"0 business hours\" is not a duration"),
                bad(
                        "a bad time zone is refused",
                        "timezone: America/New_York",
                        "timezone: America/Nowhere",
                        "sla.yaml:7: timezone: \"America/Nowhere\" is not an IANA time zone"),
                bad(
                        "a currency in lower case is refused",
                        "timezone: America/New_York",
                        "timezone: America/New_York\ncurrency: usd",
                        "sla.yaml:8: currency: \"usd\" is not a currency; use an ISO 4217 code in capitals"),
                bad(
                        "a currency that ISO 4217 does not know is refused",
                        "timezone: America/New_York",
                        "timezone: America/New_York\ncurrency: ABC",
                        "sla.yaml:8: currency: \"ABC\" is not a currency; use an ISO 4217 code in capitals"),
                bad(
                        "a bad team time zone is refused",
                        "timezone: Europe/London",
                        "timezone: EST",
                        "sla.yaml:13: teams.sdr.timezone: \"EST\" is not an IANA time zone"),
                bad(
                        "an unknown owner team is refused",
                        "    owner: marketing\n    severity: major",
                        "    owner: marketng\n    severity: major",
                        "sla.yaml:21: clauses[0] (T1).owner: unknown team \"marketng\"; use lead.team or one of: marketing, sdr, sales"),
                bad(
                        "an unknown team in a per-team map is refused",
                        "    min: 0.70\n",
                        "    per: team\n    min: { sdr: 0.7, sdrs: 0.5 }\n",
                        "sla.yaml:27: clauses[1] (T2).min.sdrs: unknown team \"sdrs\""),
                bad(
                        "a severity outside the list is refused",
                        "severity: critical",
                        "severity: urgent",
                        "sla.yaml:36: clauses[2] (F1).severity: \"urgent\" is not a severity"),
                bad(
                        "warn_at above 1 is refused",
                        "warn_at: 0.75",
                        "warn_at: 1.5",
                        "sla.yaml:34: clauses[2] (F1).warn_at: expected a fraction of the window above 0 and at most 1"),
                bad(
                        "a bad agreement id is refused",
                        "sla: enterprise-abm",
                        "sla: Enterprise ABM",
                        "sla.yaml:1: sla: \"Enterprise ABM\" is not an agreement id"),
                bad(
                        "a bad period is refused",
                        "period: month",
                        "period: monthly",
                        "sla.yaml:6: period: \"monthly\" is not a period; use week, month or quarter"),
                bad(
                        "a bad holiday is refused",
                        "2026-12-25]",
                        "2026-12-32]",
                        "sla.yaml:10: calendar.holidays[1]: \"2026-12-32\" is not a date"),
                bad(
                        "bad hours are refused",
                        "\"09:00-17:00\"",
                        "\"17:00-09:00\"",
                        "sla.yaml:9: calendar.hours.mon-fri: \"17:00-09:00\" is not a span of hours"),
                bad(
                        "a duplicate clause id is refused",
                        "  - id: T2\n",
                        "  - id: T1\n",
                        "sla.yaml:23: clauses[1] (T1).id: clause id \"T1\" is used twice"),
                bad(
                        "a target without bounds is refused",
                        "    min: 120\n",
                        "",
                        "sla.yaml:16: clauses[0] (T1): a target needs min, max or both"),
                bad(
                        "ordering a text field is refused",
                        "\"company is present\"",
                        "\"company > m\"",
                        "sla.yaml:41: clauses[3] (H1).require[1]: \"company > m\": company is text and cannot be ordered"),
                bad(
                        "a condition in another language is refused",
                        "\"title is present\"",
                        "\"title.length() > 0\"",
                        "sla.yaml:41: clauses[3] (H1).require[2]: \"title.length() > 0\" is not a condition"),
                bad(
                        "a missing clause type is refused",
                        "    type: target\n    metric: conversion",
                        "    metric: conversion",
                        "sla.yaml:23: clauses[1] (T2).type: required"),
                bad(
                        "a clock that stops where it starts is refused",
                        "    to: first_touch\n",
                        "    to: mql\n",
                        "sla.yaml:32: clauses[2] (F1).to: the clock cannot stop at the stage that starts it"),
                bad(
                        "duplicate keys are refused",
                        "period: month\n",
                        "period: month\nperiod: week\n",
                        "sla.yaml:7: not valid YAML: Duplicate field 'period'"),
                bad(
                        "per accepts only team and owner",
                        "    min: 0.70\n",
                        "    per: region\n    min: 0.70\n",
                        "sla.yaml:26: clauses[1] (T2).per: \"region\" cannot be used; use team (each team on the leads) or owner (each lead owner)"),
                bad(
                        "a team owner that names no one is refused",
                        "{ owner: \"VP Sales\" }",
                        "{ owner: \"\" }",
                        "sla.yaml:14: teams.sales.owner: empty; name the person accountable"),
                bad(
                        "a lead.team target without per: team is refused",
                        "    owner: sdr\n  - id: F1",
                        "    owner: lead.team\n  - id: F1",
                        "sla.yaml:27: clauses[1] (T2).owner: lead.team names the team being measured, so it needs per: team"));
    }

    private static Arguments bad(String name, String from, String to, String expected) {
        return Arguments.of(name, from, to, expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badAgreements")
    void oneBadFieldGivesOneLineNamingFileLineAndField(String name, String from, String to, String expected)
            throws IOException {
        assertTrue(VALID.contains(from), "fixture text not found: " + from);
        String text =
                VALID.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to));
        InputError e = assertThrows(InputError.class, () -> load("sla.yaml", text));
        String first = e.lines().get(0).replace(tmp.toString() + "/", "");
        assertTrue(first.startsWith(expected), "got: " + e.lines());
    }

    @Test
    void everyProblemOfAFileIsReportedTogether() {
        String text = VALID.replace("timezone: America/New_York", "timezone: Mars/Base")
                .replace("metric: count(mql)", "metric: count(x)")
                .replace("8 business hours", "8 bizness hours");
        InputError e = assertThrows(InputError.class, () -> load("sla.yaml", text));
        assertEquals(3, e.lines().size(), e.getMessage());
        assertTrue(e.lines().get(0).contains(":7: timezone"), e.getMessage());
        assertTrue(e.lines().get(1).contains(":19: clauses[0] (T1).metric"), e.getMessage());
        assertTrue(e.lines().get(2).contains(":33: clauses[2] (F1).within"), e.getMessage());
    }

    @Test
    void aMissingOrListTargetOwnerGivesOneLineNotASecondAboutLeadTeam() throws IOException {
        String t2 = "    min: 0.70\n    owner: sdr\n";
        assertTrue(VALID.contains(t2), "fixture text not found");
        assertEquals(
                List.of("sla.yaml:23: clauses[1] (T2).owner: required"),
                problems(VALID.replace(t2, "    min: 0.70\n")));
        assertEquals(
                List.of("sla.yaml:27: clauses[1] (T2).owner: expected text, found a list"),
                problems(VALID.replace(t2, "    min: 0.70\n    owner: [sdr]\n")));
    }

    @Test
    void aShareWrittenAsADecimalIsAccepted() throws IOException {
        Agreement a = load("sla.yaml", VALID.replace("    min: 0.70\n", "    min: 0.45\n"));
        Clause.Target t2 = (Clause.Target) a.clauses().get(1);
        assertEquals(0, new BigDecimal("0.45").compareTo(t2.min().all()));
    }

    @Test
    void problemsAreListedInLineOrderNotInTheOrderTheyAreFound() throws IOException {
        // the missing timezone is found after the unknown key, but its line (the mapping's, 1) comes first
        assertEquals(
                List.of(
                        "sla.yaml:1: timezone: required",
                        "sla.yaml:7: timezon: unknown field; valid here: sla, title, version, effective_from,"
                                + " approved_by, period, timezone, currency, calendar, teams, fields, data_quality, clauses"),
                problems(VALID.replace("timezone: America/New_York", "timezon: America/New_York")));
    }

    @Test
    void aVolumeTargetAboveWhatAnEarlierStageMayHoldIsRefusedNamingBothLines() throws IOException {
        // T1 is count(mql) min 120 (line 20); T2 becomes count(sal) min 150 (line 26) under an mql max of 100
        String text = VALID.replace("    min: 120\n", "    min: 20\n    max: 100\n")
                .replace("    metric: conversion(mql, sal)\n    min: 0.70\n", "    metric: count(sal)\n    min: 150\n");
        assertEquals(
                List.of("sla.yaml:27: clauses[1] (T2).min: count(sal) min 150 is above count(mql) max 100 of clause T1"
                        + " (line 21): every sal lead is an mql lead first, so both cannot be met period after period"),
                problems(text));
    }

    @Test
    void aVolumeTargetOfAnotherSegmentIsNotComparedWithAnEarlierStage() throws IOException {
        String text = VALID.replace("    min: 120\n", "    min: 20\n    max: 100\n")
                .replace(
                        "    metric: conversion(mql, sal)\n    min: 0.70\n",
                        "    metric: count(sal)\n    min: 150\n    where: [\"channel = partner\"]\n");
        load("sla.yaml", text); // the partner segment's SALs are not bounded by T1
    }

    private List<String> problems(String text) {
        InputError e = assertThrows(InputError.class, () -> load("sla.yaml", text));
        return e.lines().stream().map(l -> l.replace(tmp.toString() + "/", "")).toList();
    }

    @Test
    void aMissingFileIsNamed() {
        InputError e = assertThrows(InputError.class, () -> AgreementParser.load(tmp.resolve("nope.yaml")));
        assertEquals(tmp.resolve("nope.yaml") + ": no such file", e.getMessage());
    }
}
