package dev.l2r.parse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.l2r.Cli;
import dev.l2r.Workspace;
import dev.l2r.model.Period;
import dev.l2r.model.PeriodKind;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The limits of an agreement (README "Limits", {@link Limits}): what is within them validates and checks,
 * what is beyond them is refused early, with exit 2 and the file, line and field, never exit 70 or a hang.
 */
class AgreementLimitsTest {

    static final String HEAD = """
            sla: t
            period: month
            timezone: America/New_York
            fields: { employees: number }
            teams:
              marketing: { owner: "VP Demand Generation" }
              sdr: { owner: "SDR Manager" }
            clauses:
            """;

    @TempDir
    Path tmp;

    private static String list(int n, IntFunction<String> value) {
        StringJoiner j = new StringJoiner(", ", "[", "]");
        for (int i = 0; i < n; i++) j.add(value.apply(i));
        return j.toString();
    }

    private Cli validate(Path sla) {
        return Cli.run(
                "validate",
                "--sla",
                sla.toString(),
                "--rules",
                tmp.resolve("no-rules").toString());
    }

    private void refused(Cli r, String firstLine) {
        assertEquals(2, r.code(), r.toString());
        assertEquals(firstLine, r.err().lines().findFirst().orElse("").replace(tmp + "/", ""), r.toString());
        assertFalse(r.err().contains("\tat "), "no stack trace");
        assertFalse(Files.exists(tmp.resolve("out")), "no partial output");
    }

    // ---- long in / not-in lists ----

    /**
     * Companies "Co 0" .. "Co N-1" are in the list, employee counts 0, 2, 4, .., 2(N-1) are not allowed,
     * reasons r0 .. rN-1 are agreed, and T1 counts the MQLs of companies not among "Co 0" .. "Co 999" (a
     * shorter list, so that the file stays within 3 MB). Each lead sits on one side of one edge of a list.
     */
    @ParameterizedTest(name = "{0} values")
    @ValueSource(ints = {10_000, 100_000})
    void longListsValidateAndCheckWithExactMembership(int n) {
        String companies = list(n, i -> "'Co " + i + "'");
        Workspace w = new Workspace(tmp)
                .sla(HEAD + "  - id: H1\n    type: handoff\n    at: mql\n    owner: marketing\n"
                        + "    require: [\"company in " + companies + "\", \"employees not-in "
                        + list(n, i -> String.valueOf(2 * i)) + "\"]\n"
                        + "  - id: T1\n    type: target\n    metric: count(mql)\n    min: 4\n    owner: marketing\n"
                        + "    where: [\"company not-in " + list(1_000, i -> "'Co " + i + "'") + "\"]\n"
                        + "  - id: R1\n    type: rejection\n    owner: sdr\n    reasons: " + list(n, i -> "r" + i)
                        + "\n");
        String last = "Co " + (n - 1);
        w.file(
                "data/leads.csv",
                Workspace.LEADS_HEADER + ",employees\n"
                        + lead("FIRST", "Co 0", "", "3") // in, odd: meets H1
                        + lead("LAST", last, "", "1") // the last value is in the list too
                        + lead("BEYOND", "Co " + n, "", "3") // one past the list: fails H1, counts for T1
                        + lead("CASE", "co 5", "", "3") // text compares exactly: fails H1, counts for T1
                        + lead(
                                "EVEN",
                                "Co 7",
                                "",
                                (2 * n - 2) + ".0") // the last even number, written as a decimal: fails H1
                        + lead("NOEMP", "Co 7", "", "") // a missing value satisfies no not-in: fails H1
                        + lead("RLAST", "Co 8", "r" + (n - 1), "5") // agreed reason
                        + lead("RBEYOND", "Co 9", "r" + n, "5")); // reason one past the list
        long t0 = System.nanoTime();
        Cli v = validate(tmp.resolve("sla.yaml"));
        long t1 = System.nanoTime();
        assertEquals(0, v.code(), v.toString());
        Cli r = w.check("2026-10", "--fail-on", "none");
        long t2 = System.nanoTime();
        assertEquals(0, r.code(), r.toString());
        assertEquals(
                List.of("H1 BEYOND", "H1 CASE", "H1 EVEN", "H1 NOEMP", "R1 RBEYOND", "T1 all"),
                w.violationKeys().stream().sorted().toList());
        assertArrayEquals(new long[] {4, 4, 0, 0}, w.outcome("marketing", "H1"));
        assertArrayEquals(new long[] {1, 1, 0, 0}, w.outcome("sdr", "R1"));
        // T1 counts the MQLs whose company is not among the first 1,000: LAST, BEYOND and CASE, 3 < 4
        assertTrue(
                w.violations().stream()
                        .anyMatch(x -> x.get("clause_id").asText().equals("T1")
                                && x.get("actual").asText().startsWith("3 ")),
                "T1 actual");
        // a violation names the long condition without repeating its values
        assertTrue(
                w.read("violations.csv").length() < 10_000,
                "violations.csv is " + w.read("violations.csv").length() + " chars");
        assertTrue(
                w.read("violations.csv")
                        .contains("one of: r0, r1, r2, r3, r4, r5, r6, r7, r8, r9, ... ("
                                + String.format(Locale.ROOT, "%,d", n) + " reasons)"),
                "reasons shown by their start");
        // the values stay out of the DRL: rules bind a value set by key
        Cli drl = Cli.run("compile", "--sla", tmp.resolve("sla.yaml").toString());
        assertEquals(0, drl.code(), drl.err());
        assertTrue(
                drl.out().contains("$set0 : ValueSet( key == \"H1#require#0\" )")
                        && drl.out().contains("$set1 : ValueSet( key == \"H1#require#1\" )")
                        && drl.out().contains("ValueSet( key == \"T1#where#0\" )")
                        && drl.out().contains("ValueSet( key == \"R1#reasons#0\" )"),
                "value sets bound");
        assertFalse(drl.out().contains("Co 5") || drl.out().contains("r77"), "no value in the DRL");
        assertTrue(drl.out().length() < 10_000, "DRL of " + drl.out().length() + " chars");
        System.out.printf(
                Locale.ROOT, "%,d values: validate %.1f s, check %.1f s%n", n, (t1 - t0) / 1e9, (t2 - t1) / 1e9);
        assertTrue(t2 - t0 < TimeUnit.SECONDS.toNanos(60), "validate + check took " + (t2 - t0) / 1e9 + " s");
    }

    private static String lead(String id, String company, String reason, String employees) {
        String rejected = reason.isEmpty() ? "" : "2026-10-06T10:00";
        return id + ",2026-10-05T10:00,,web,,sdr,Ann,,\"" + company + "\",,,,,2026-10-05T10:00,,,," + rejected + ","
                + reason + ",,,,,," + employees + "\n";
    }

    @Test
    void aListBeyondTheLimitIsRefusedWithItsLine() {
        new Workspace(tmp)
                .sla(HEAD + "  - id: H1\n    type: handoff\n    at: mql\n    owner: marketing\n"
                        + "    require: [\"employees in " + list(AgreementLimits.MAX_LIST_VALUES + 1, String::valueOf)
                        + "\"]\n");
        Cli r = validate(tmp.resolve("sla.yaml"));
        assertEquals(2, r.code(), r.toString());
        String line = r.err().lines().findFirst().orElse("").replace(tmp + "/", "");
        assertTrue(line.startsWith("sla.yaml:13: clauses[0] (H1).require[0]: \"employees in [0, 1, 2, 3"), line);
        assertTrue(line.endsWith("characters)\": 100,001 values; a list has at most 100,000"), line);
        assertTrue(line.length() < 300, "the message does not repeat the list: " + line.length());
    }

    // ---- files that are no agreement file ----

    @Test
    void devZeroIsRefusedAtOnce() {
        Path zero = Path.of("/dev/zero");
        Assumptions.assumeTrue(Files.exists(zero), "no /dev/zero on this system");
        long t0 = System.nanoTime();
        Cli r = validate(zero);
        assertTrue(
                System.nanoTime() - t0 < TimeUnit.MILLISECONDS.toNanos(500),
                "took " + (System.nanoTime() - t0) / 1e6 + " ms");
        refused(r, "/dev/zero: is not a regular file (a device, FIFO or socket); give a YAML or JSON file");
    }

    @Test
    void aFifoIsRefusedWithoutBlocking() throws Exception {
        Path fifo = tmp.resolve("sla.fifo");
        Process p;
        try {
            p = new ProcessBuilder("mkfifo", fifo.toString())
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            Assumptions.abort("mkfifo is not available: " + e.getMessage());
            return;
        }
        Assumptions.assumeTrue(
                p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 && Files.exists(fifo), "mkfifo failed");
        Workspace w = new Workspace(tmp).leads("A,2026-10-05T10:00,,,,sdr,,,,,,,,,,,,,,,,,,");
        Cli r = Cli.run(
                "check",
                "--sla",
                fifo.toString(),
                "--data",
                tmp.resolve("data").toString(),
                "--period",
                "2026-10",
                "--out",
                w.out().toString());
        refused(r, "sla.fifo: is not a regular file (a device, FIFO or socket); give a YAML or JSON file");
    }

    @Test
    void aFolderWithoutAgreementsIsRefused() throws Exception {
        Files.createDirectories(tmp.resolve("agreements.yaml"));
        refused(
                validate(tmp.resolve("agreements.yaml")),
                "agreements.yaml: no agreement in this folder (.yaml, .yml or .json files)");
    }

    @Test
    void aFileOverThreeMegabytesIsRefusedWithoutParsing() throws Exception {
        Path big = tmp.resolve("big.yaml");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(4L << 20); // 4 MB of zero bytes: would be "not valid YAML" if it were parsed
        }
        refused(
                validate(big),
                "big.yaml: larger than 3 MB (3,145,728 bytes), the limit for an agreement or profile file");
        Files.write(big, new byte[AgreementLimits.MAX_FILE_BYTES + 1]);
        refused(
                validate(big),
                "big.yaml: larger than 3 MB (3,145,728 bytes), the limit for an agreement or profile file");
    }

    @Test
    void aFileOfExactlyThreeMegabytesIsRead() throws Exception {
        String sla = HEAD + "  - id: R1\n    type: rejection\n    reasons: [no-budget]\n    owner: sdr\n";
        String line = "#".repeat(99) + "\n";
        int rest = AgreementLimits.MAX_FILE_BYTES - sla.length();
        String padded = sla + line.repeat(rest / line.length()) + "#".repeat(rest % line.length() - 1) + "\n";
        new Workspace(tmp).file("sla.yaml", padded);
        assertEquals(AgreementLimits.MAX_FILE_BYTES, Files.size(tmp.resolve("sla.yaml")));
        Cli r = validate(tmp.resolve("sla.yaml"));
        assertEquals(0, r.code(), r.toString());
    }

    // ---- YAML ----

    static final String ONE = HEAD + "  - id: R1\n    type: rejection\n    reasons: [no-budget]\n    owner: sdr\n";

    @Test
    void aSecondYamlDocumentIsAnErrorNamingItsLine() {
        new Workspace(tmp).sla("---\n" + ONE + "---\n" + ONE.replace("no-budget", "too-small"));
        refused(
                validate(tmp.resolve("sla.yaml")),
                "sla.yaml:15: a second YAML document starts here; an agreement is one document (remove the '---' before it, or put it in its own file)");
    }

    @Test
    void aLeadingOrTrailingSeparatorAloneIsFine() {
        new Workspace(tmp).sla("---\n" + ONE + "---\n");
        Cli r = validate(tmp.resolve("sla.yaml"));
        assertEquals(0, r.code(), r.toString());
    }

    @Test
    void aSecondJsonValueIsAnError() {
        new Workspace(tmp).file("sla.json", "{\"sla\": \"t\"}\n{\"sla\": \"u\"}\n");
        refused(
                validate(tmp.resolve("sla.json")),
                "sla.json:2: a second JSON value starts here; an agreement is one JSON object");
    }

    @Test
    void notANumberAndInfinitiesNameTheirLineAndField() {
        new Workspace(tmp).sla(HEAD + """
                  - id: T1
                    type: target
                    metric: count(mql)
                    min: .nan
                    max: .inf
                    owner: marketing
                  - id: F1
                    type: followup
                    from: mql
                    to: first_touch
                    within: 4 hours
                    warn_at: -.Inf
                    owner: sdr
                """);
        Cli r = validate(tmp.resolve("sla.yaml"));
        assertEquals(2, r.code(), r.toString());
        assertEquals(
                List.of(
                        "sla.yaml:12: clauses[0].min: .nan is not a finite number; write a decimal number",
                        "sla.yaml:13: clauses[0].max: .inf is not a finite number; write a decimal number",
                        "sla.yaml:20: clauses[1].warn_at: -.Inf is not a finite number; write a decimal number"),
                r.err().lines().map(l -> l.replace(tmp + "/", "")).toList());
        Cli c = new Workspace(tmp)
                .leads("A,2026-10-05T10:00,,,,sdr,,,,,,,,,,,,,,,,,,")
                .check("2026-10");
        assertEquals(r.err(), c.err(), "check refuses as validate does");
    }

    @Test
    void jsonNotANumberIsNotJson() {
        new Workspace(tmp).file("sla.json", "{\"sla\": \"t\",\n \"x\": NaN}\n");
        Cli r = validate(tmp.resolve("sla.json"));
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().startsWith(tmp.resolve("sla.json") + ":2: not valid JSON"), r.err());
    }

    // ---- years ----

    @Test
    void periodLabelsNeedAYearFrom1900To9999() {
        for (String bad : List.of("0000-01", "0001-12", "1899-12"))
            assertTrue(Period.parse(PeriodKind.MONTH, bad).isEmpty(), bad);
        assertTrue(Period.parse(PeriodKind.QUARTER, "0000-Q1").isEmpty());
        assertTrue(Period.parse(PeriodKind.WEEK, "0000-W01").isEmpty());
        assertEquals(
                "1900-01-01",
                Period.parse(PeriodKind.MONTH, "1900-01").orElseThrow().start().toString());
        assertEquals(
                "+10000-01-01",
                Period.parse(PeriodKind.QUARTER, "9999-Q4").orElseThrow().end().toString());
        assertEquals(
                "9999-12-27",
                Period.parse(PeriodKind.WEEK, "9999-W52").orElseThrow().start().toString());

        Workspace w = new Workspace(tmp).sla(ONE).leads("A,2026-10-05T10:00,,,,sdr,,,,,,,,,,,,,,,,,,");
        refused(
                w.check("0000-01"),
                "--period: \"0000-01\" is not a month of agreement t (years run from 1900 to 9999); use a label such as 2026-10");
    }

    @Test
    void datesOutsideTheYearsAreRefusedWithTheirLine() {
        new Workspace(tmp)
                .sla(
                        ONE.replace(
                                "period: month\n",
                                "period: month\neffective_from: 0000-01-01\ncalendar:\n  holidays: [2026-12-25, 1899-12-25]\n"));
        Cli r = validate(tmp.resolve("sla.yaml"));
        assertEquals(
                List.of(
                        "sla.yaml:3: effective_from: \"0000-01-01\" is outside the years 1900 to 9999",
                        "sla.yaml:5: calendar.holidays[1]: \"1899-12-25\" is outside the years 1900 to 9999"),
                r.err().lines().map(l -> l.replace(tmp + "/", "")).toList());
    }

    // ---- calendar horizon ----

    /**
     * Every day from 2026-10-01 to 2037-12-31 is a holiday: more than ten years without an opening. The
     * clock of an MQL on Mon 2026-10-05 starts at the first opening after, Fri 2038-01-01 09:00 EST, and 4
     * business hours end at 13:00. validate and check both accept it (they used to: validate ok, check exit 70).
     */
    @Test
    void holidaysOverMoreThanTenYearsMoveTheClockAndNeitherCommandFails() {
        List<String> days = new ArrayList<>();
        for (var d = java.time.LocalDate.of(2026, 10, 1); d.getYear() < 2038; d = d.plusDays(1)) days.add(d.toString());
        Workspace w = new Workspace(tmp)
                .sla(
                        HEAD.replace(
                                        "clauses:\n",
                                        "calendar:\n  hours: { mon-fri: \"09:00-17:00\" }\n  holidays: ["
                                                + String.join(", ", days) + "]\nclauses:\n")
                                + "  - id: F1\n    type: followup\n    from: mql\n    to: first_touch\n    within: 4 business hours\n    owner: sdr\n")
                .leads(
                        "TOUCHED,2026-10-05T10:00,,,,sdr,Ann,,,,,,,2026-10-05T10:00,,2026-10-20T10:00,,,,,,,,",
                        "WAITING,2026-10-05T10:00,,,,sdr,Ann,,,,,,,2026-10-05T10:00,,,,,,,,,,");
        Cli v = validate(tmp.resolve("sla.yaml"));
        assertEquals(0, v.code(), v.toString());
        Cli r = w.check("2026-10");
        assertEquals(0, r.code(), r.toString());
        assertArrayEquals(new long[] {1, 0, 1, 0}, w.outcome("sdr", "F1"));
        assertTrue(w.read("open-items.csv").contains("2038-01-01T13:00:00-05:00"), w.read("open-items.csv"));
    }

    @Test
    void aBusinessWindowLongerThanTenYearsOfTheHoursIsRefused() {
        new Workspace(tmp)
                .sla(
                        HEAD.replace("clauses:\n", "calendar:\n  hours: { sun: \"09:00-10:00\" }\nclauses:\n")
                                + "  - id: F1\n    type: followup\n    from: mql\n    to: first_touch\n    within: 8784 business hours\n    owner: sdr\n");
        refused(
                validate(tmp.resolve("sla.yaml")),
                "sla.yaml:15: clauses[0] (F1).within: \"8784 business hours\" takes more than ten years "
                        + "of the 60 business minutes a week in calendar.hours; shorten the window or widen the hours");
    }

    @Test
    void tooManyHolidaysAreRefused() {
        new Workspace(tmp)
                .sla(ONE.replace(
                        "period: month\n",
                        "period: month\ncalendar:\n  holidays: "
                                + list(
                                        AgreementLimits.MAX_HOLIDAYS + 1,
                                        i -> java.time.LocalDate.of(2000, 1, 1)
                                                .plusDays(i)
                                                .toString())
                                + "\n"));
        refused(
                validate(tmp.resolve("sla.yaml")),
                "sla.yaml:4: calendar.holidays: 10,001 dates; a holidays list has at most 10,000");
    }

    // ---- counts ----

    @Test
    void tooManyClausesAreRefusedWithTheLineOfTheList() {
        StringBuilder b = new StringBuilder(HEAD);
        for (int i = 0; i <= AgreementLimits.MAX_CLAUSES; i++)
            b.append("  - { id: R").append(i).append(", type: rejection, reasons: [x], owner: sdr }\n");
        new Workspace(tmp).sla(b.toString());
        refused(
                validate(tmp.resolve("sla.yaml")),
                "sla.yaml:8: clauses: 1,001 clauses; an agreement has at most 1,000 (split it into several agreements)");
    }

    @Test
    void tooManyTeamsAndConditionsAreRefused() {
        StringBuilder b = new StringBuilder("sla: t\nperiod: month\ntimezone: UTC\nteams:\n");
        for (int i = 0; i <= AgreementLimits.MAX_TEAMS; i++)
            b.append("  t").append(i).append(": { owner: O }\n");
        new Workspace(tmp).sla(b + "clauses:\n  - { id: R1, type: rejection, reasons: [x], owner: t0 }\n");
        Cli r = validate(tmp.resolve("sla.yaml"));
        assertEquals(2, r.code(), r.toString());
        assertEquals(
                "sla.yaml:4: teams: 1,001 teams; an agreement has at most 1,000",
                r.err().lines().findFirst().orElse("").replace(tmp + "/", ""));

        new Workspace(tmp)
                .sla(ONE.replace(
                        "owner: sdr\n",
                        "owner: sdr\n    where: "
                                + list(AgreementLimits.MAX_CONDITIONS + 1, i -> "\"employees != " + i + "\"") + "\n"));
        refused(
                validate(tmp.resolve("sla.yaml")),
                "sla.yaml:13: clauses[0] (R1).where: 101 conditions; a list has at most 100");
    }

    @Test
    void theLargestAgreementWithinTheLimitsCompiles() {
        // 1,000 per-owner bounds (an inline "subject not in" of 1,000 owners) and 100 conditions in a handoff
        StringBuilder b = new StringBuilder(HEAD);
        b.append(
                "  - id: T1\n    type: target\n    metric: count(mql)\n    per: owner\n    owner: marketing\n    min: {");
        for (int i = 0; i < AgreementLimits.MAX_BOUND_ENTRIES; i++)
            b.append(i == 0 ? "" : ", ")
                    .append("\"rep ")
                    .append(i)
                    .append("\": ")
                    .append(i);
        b.append("}\n  - id: H1\n    type: handoff\n    at: mql\n    owner: marketing\n    require: ")
                .append(list(AgreementLimits.MAX_CONDITIONS, i -> "\"employees != " + i + "\""))
                .append("\n");
        new Workspace(tmp).sla(b.toString());
        Cli r = validate(tmp.resolve("sla.yaml"));
        assertEquals(0, r.code(), r.toString());
    }
}
