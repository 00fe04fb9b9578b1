package dev.l2r.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.l2r.Cli;
import dev.l2r.Numbers;
import dev.l2r.Progress;
import dev.l2r.Timestamps;
import dev.l2r.Workspace;
import dev.l2r.ingest.profile.Profiles;
import dev.l2r.ingest.profile.TimeFormats;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A malformed record costs that record only: it is rejected with the line it starts on and reading goes on
 * at the next line. Every file's rows read = accepted + rejected. Only ASCII digits are digits.
 */
class RowRecoveryTest {

    @TempDir
    Path tmp;

    private static final String QUOTE_IN_B =
            "a quote in the middle of a field at column 2 (b); quote the whole field and double inner quotes";

    /** What {@link Rows#read} handed on: "line: v1|v2" or "line! problem". */
    private List<String> rows(String name, String text) {
        Path p = Ingest.write(tmp.resolve(name), text);
        List<String> out = new ArrayList<>();
        Rows.read(
                p,
                (names, values, line, problem) -> out.add(
                        problem != null
                                ? line + "! " + problem.reason()
                                : line + ": "
                                        + String.join("|", values)
                                                .replace("\r", "\\r")
                                                .replace("\n", "\\n")));
        return out;
    }

    // ---- CSV ----

    @Test
    void aStrayQuoteMidFileRejectsThatRowOnly() {
        assertEquals(List.of("2: 1|x", "3! " + QUOTE_IN_B, "4: 3|y"), rows("s.csv", "a,b\n1,x\n2,\"Ac\"me\"\n3,y\n"));
    }

    @Test
    void aQuoteInsideAnUnquotedFieldRejectsThatRowOnly() {
        assertEquals(List.of("2: 1|x", "3! " + QUOTE_IN_B, "4: 3|y"), rows("s.csv", "a,b\n1,x\n2,Ac\"me\n3,y\n"));
    }

    /** The field each malformed row is blamed on, by line: "line field" (field empty for the whole row). */
    private List<String> fields(String name, String text) {
        Path p = Ingest.write(tmp.resolve(name), text);
        List<String> out = new ArrayList<>();
        Rows.read(p, (names, values, line, problem) -> {
            if (problem != null) out.add(line + " " + problem.field());
        });
        return out;
    }

    @Test
    void aMalformedRowNamesTheFieldItBrokeIn() {
        // a quote mid-field, a field that is never closed (reading goes on at the next line), a field of a
        // column without a name, and a row with one field too many, which is no one field's fault
        assertEquals(
                List.of("2 b", "3 b", "4 column 3", "5 "),
                fields("f.csv", "a,b,\n1,Ac\"me,x\n2,\"open\n3,x,y\"z\n4,x,y,z\n5,x,y\n"));
        // too long: the field, or the whole record
        String huge = "x".repeat(CsvRecords.MAX_FIELD + 1);
        assertEquals(List.of("2 b"), fields("l.csv", "a,b\n1," + huge + "\n2,y\n"));
        String part = "x".repeat(CsvRecords.MAX_FIELD - 1);
        assertEquals(
                List.of("2 "),
                fields("r.csv", "a,b,c,d,e\n" + String.join(",", Collections.nCopies(5, part)) + "\n1,2,3,4,5\n"));
        // JSON: the key that is nested or repeated; a line that is no object, or no JSON, has none
        assertEquals(
                List.of("1 n", "2 a", "3 ", "4 "),
                fields("j.ndjson", "{\"a\": \"1\", \"n\": [1]}\n{\"a\": \"1\", \"a\": \"2\"}\n[1]\nnot json\n"));
    }

    @Test
    void aQuoteLeftOpenAtTheEndOfTheFileRejectsItsRow() {
        assertEquals(
                List.of(
                        "2: 1|x",
                        "3! a quoted field at column 2 (b) is never closed; close it (reading went on at the next line)"),
                rows("s.csv", "a,b\n1,x\n2,\"open"));
    }

    @Test
    void aQuoteOpenedInRow3Of10ThatNeverClosesCostsRow3Only() {
        StringBuilder text = new StringBuilder("a,b\n");
        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            long line = i + 1;
            if (i == 3) {
                text.append("3,\"never closed\n");
                expected.add(
                        line
                                + "! a quoted field at column 2 (b) is never closed; close it (reading went on at the next line)");
            } else {
                text.append(i).append(",v").append(i).append('\n');
                expected.add(line + ": " + i + "|v" + i);
            }
        }
        assertEquals(expected, rows("s.csv", text.toString()));
    }

    @Test
    void aStrayQuoteClosedByAnotherRowsQuoteGivesTheRowsBetweenBack() {
        // line 3 opens a quote that line 5's quoted field closes: the record 3-5 is malformed, lines 4 and 5 are read
        // again
        assertEquals(
                List.of("2: 1|x", "3! " + QUOTE_IN_B, "4: 3|y", "5! has 3 fields; the header has 2", "6: 5|z"),
                rows("s.csv", "a,b\n1,x\n2,\"open\n3,y\n4,\"q\",w\n5,z\n"));
    }

    @Test
    void crlfAndCrLineEndsCountLines() {
        assertEquals(List.of("2: 1|x", "4: 2|y"), rows("crlf.csv", "a,b\r\n1,x\r\n\r\n2,y\r\n"));
        assertEquals(List.of("2: 1|x", "3: 2|y"), rows("cr.csv", "a,b\r1,x\r2,y"));
    }

    @Test
    void multiLineQuotedFieldsKeepTheLinesOfLaterRowsAndErrors() {
        assertEquals(
                List.of("2: 1|two\\r\\nlines", "4: 2|\"quoted\", and\\nmore", "6! " + QUOTE_IN_B, "7: 4|w"),
                rows("m.csv", "a,b\r\n1,\"two\r\nlines\"\r\n2,\"\"\"quoted\"\", and\nmore\"\n3,x\"y\n4,w\n"));
    }

    @Test
    void blankLinesAreNoRowsAndSpacesAroundAQuotedFieldAreNotPartOfIt() {
        assertEquals(List.of("2: 1|x, y", "5: 2|z"), rows("b.csv", "a,b\n1, \"x, y\" \n   \n\t\n2,z\n"));
    }

    @Test
    void aTwentyMegabyteFieldIsRejectedWithItsLineAndMemoryStaysBounded() throws IOException {
        Path p = tmp.resolve("big.csv");
        try (Writer w = Files.newBufferedWriter(p)) {
            w.write("a,b\n1,x\n2,");
            char[] chunk = new char[1 << 16];
            java.util.Arrays.fill(chunk, 'z');
            for (int i = 0; i < 20 * 16; i++) w.write(chunk); // 20 MiB
            w.write("\n3,\"");
            for (int i = 0; i < 20 * 16; i++) w.write(chunk); // a quoted one, never closed on its line
            w.write("\"\n4,y\n");
        }
        List<String> out = new ArrayList<>();
        Rows.read(
                p,
                (names, values, line, problem) ->
                        out.add(line + (problem == null ? ": " + String.join("|", values) : "! " + problem.reason())));
        String tooLong =
                "the field at column 2 (b) is longer than 1048576 characters (or a quote opened there is never closed)";
        assertEquals(List.of("2: 1|x", "3! " + tooLong, "4! " + tooLong, "5: 4|y"), out);

        try (var in = Files.newBufferedReader(p)) {
            CsvRecords r = new CsvRecords(in, ',');
            int max = 0;
            while (r.next()) max = Math.max(max, r.capacity());
            assertTrue(max <= CsvRecords.MAX_RECORD + (1 << 16), "buffer " + max);
        }
    }

    @Test
    void aRowOverTheRecordLimitIsRejectedAndReadingGoesOn() {
        String field = "y".repeat(CsvRecords.MAX_FIELD - 10);
        String big = String.join(",", field, field, field, field, field);
        assertEquals(
                List.of("2: 1|x", "3! the row is longer than 4194304 characters", "4: 3|z"),
                rows("r.csv", "a,b\n1,x\n" + big + "\n3,z\n"));
    }

    @Test
    void theDelimiterOfTheFormatIsHonoured() {
        Path p = Ingest.write(tmp.resolve("semi.csv"), "a;b\n1;\"x;y\"\n2;Ac\"me\n3;z\n");
        List<String> out = new ArrayList<>();
        Rows.read(
                p,
                new Rows.Format(StandardCharsets.UTF_8, ';'),
                (names, values, line, problem) ->
                        out.add(line + (problem == null ? ": " + String.join("|", values) : "! " + problem.reason())));
        assertEquals(List.of("2: 1|x;y", "3! " + QUOTE_IN_B, "4: 3|z"), out);
    }

    // ---- NDJSON and JSON ----

    @Test
    void ndjsonIsOneRowPerNonBlankLine() {
        List<String> out = rows("l.ndjson", """
                {"a": "1"}

                {"a": "2"} trailing
                {"a": "3"}{"a": "4"}
                   \t
                {"a": "5"}
                not json
                """);
        assertEquals(
                List.of(
                        "1: 1",
                        "3! text after the JSON object at column 12; put one object per line",
                        "4! text after the JSON object at column 11; put one object per line",
                        "6: 5",
                        "7! not valid JSON: Unrecognized token 'not': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')"),
                out);
    }

    @Test
    void anNdjsonLineOverTheLimitIsOneRejectedRow() {
        String big = "{\"a\": \"" + "x".repeat(CsvRecords.MAX_RECORD) + "\"}";
        assertEquals(
                List.of("1: 1", "2! the line is longer than 4194304 characters", "3: 3"),
                rows("big.ndjson", "{\"a\": \"1\"}\r\n" + big + "\r\n{\"a\": \"3\"}"));
    }

    @Test
    void ndjsonCountsRowsReadAsNonBlankLines() {
        Path dir = tmp.resolve("d");
        Ingest.write(dir.resolve("leads.ndjson"), """
                {"lead_id": "A", "created_at": "2026-10-01T10:00Z"}
                {"lead_id": "B", "created_at": "2026-10-01T10:00Z"} {"lead_id": "C", "created_at": "2026-10-01T10:00Z"}

                {"lead_id": "D", "created_at": "2026-10-01T10:00Z"}, x
                {"lead_id": "E", "created_at": "2026-10-0\u0669T10:00Z"}

                {"lead_id": "F", "created_at": "2026-10-01T10:00Z"}
                """);
        Dataset d = load(dir, null);
        InputFile f = d.inputs().get(0);
        assertEquals(List.of(5L, 2L, 3L), List.of(f.read(), f.accepted(), f.rejected()), "7 lines, 2 blank");
        assertEquals(
                List.of("A", "F"), d.leads().stream().map(l -> l.getLeadId()).toList());
        assertEquals(
                List.of(2L, 4L, 5L),
                d.rejected().stream().map(RejectedRow::line).toList());
    }

    @Test
    void aMalformedJsonArrayElementStopsWithItsLine() {
        Path dir = tmp.resolve("d");
        Ingest.write(
                dir.resolve("leads.json"),
                "[\n{\"lead_id\": \"A\", \"created_at\": \"2026-10-01\"},\n{\"lead_id\": \"B\",, }\n]\n");
        dev.l2r.InputError e = assertThrows(dev.l2r.InputError.class, () -> load(dir, null));
        assertTrue(
                e.getMessage().startsWith(dir.resolve("leads.json") + ":3: cannot be read past this line: "),
                e.getMessage());
    }

    // ---- digits ----

    @Test
    void onlyAsciiDigitsMakeTimestamps() {
        assertEquals(
                java.time.Instant.parse("2026-10-09T10:00:00.900Z"),
                Timestamps.parse("2026-10-09T10:00:00.9Z", ZoneOffset.UTC));
        for (String s : List.of(
                "2026-10-0\u0669T10:00",
                "2026-10-09T10:00:00.\u0669Z",
                "\uff12\uff10\uff12\uff16-10-09",
                "2026-10-09T10:00+0\u0661:00",
                "2026-10-09T1\u06f0:00")) {
            assertNull(Timestamps.parse(s, ZoneOffset.UTC), s);
            assertNull(TimeFormats.ISO.parse(s, ZoneOffset.UTC), s);
        }
        TimeFormats custom = TimeFormats.of(List.of("dd.MM.yyyy HH:mm", "epoch-millis"));
        assertEquals(java.time.Instant.parse("2026-10-09T10:00:00Z"), custom.parse("09.10.2026 10:00", ZoneOffset.UTC));
        assertNull(custom.parse("0\u0669.10.2026 10:00", ZoneOffset.UTC));
        assertNull(custom.parse("17\u0669\u0669", ZoneOffset.UTC));
        assertNull(custom.parse("\uff11\uff12", ZoneOffset.UTC));
    }

    @Test
    void onlyAsciiDigitsMakeNumbers() {
        assertEquals(70.0, Numbers.parse("70"));
        assertEquals(0.5, Numbers.parse(".5"));
        assertEquals(5.0, Numbers.parse("5."));
        assertEquals(-1200.0, Numbers.parse("-1.2e3"));
        for (String s : List.of(
                "\u0667\u0660", "\uff17\uff10", "7\u0660", "1e\u0663", ".", "", "1e1234", "0x10", "60d", "+-1", "1e")) {
            assertNull(Numbers.parse(s), s);
        }
    }

    @Test
    void aNonAsciiDigitRejectsTheRowNamingTheField() {
        Path dir = tmp.resolve("d");
        Ingest.write(
                dir.resolve("leads.csv"),
                "lead_id,created_at,score\nA,2026-10-09T10:00,70\nB,2026-10-0\u0669T10:00,70\n"
                        + "C,2026-10-09T10:00,\uff17\uff10\n");
        Dataset d = load(dir, null);
        String other = "; write digits as ASCII 0-9 (this one has an Arabic-Indic, full-width or other digit)";
        String file = dir.resolve("leads.csv").toString();
        assertEquals(
                List.of(
                        new RejectedRow(
                                file, 3, "created_at", "not an ISO-8601 timestamp" + other, "2026-10-0\u0669T10:00"),
                        new RejectedRow(file, 4, "score", "not a number" + other, "\uff17\uff10")),
                d.rejected());
    }

    // ---- counts add up ----

    @Test
    void countsThatDoNotAddUpAreAnL2rBug() {
        assertThrows(IllegalStateException.class, () -> new InputFile("f", "leads", "x", 3, 1, 1, null));
        assertThrows(IllegalStateException.class, () -> new InputFile("f", "leads", "x", 1, 2, -1, null));
        assertThrows(
                IllegalStateException.class, () -> new InputFile("f", "deals", "x", 2, 2, 0, Map.of("joined", 3L)));
        assertEquals(3, new InputFile("f", "leads", "x", 3, 2, 1, null).read());
    }

    @Test
    void everyFileOfTheExampleAndTheFixturesAddsUp() {
        check(load(Path.of("examples/northwind"), null));
        Map<String, String> profiles = Map.of(
                "hubspot",
                "hubspot",
                "maven-crm",
                "maven-crm",
                "olist",
                "olist",
                "salesforce",
                "salesforce",
                "salesforce-report",
                "salesforce");
        profiles.forEach((dir, profile) -> check(load(Path.of(Ingest.FIXTURES, dir), profile)));
    }

    /** Each file: read = accepted + rejected, rejected = its rows in rejected.csv, and read = records an independent reader finds. */
    private static void check(Dataset d) {
        assertTrue(!d.inputs().isEmpty());
        Map<String, Long> listed = new HashMap<>();
        d.rejected().forEach(r -> listed.merge(r.file(), 1L, Long::sum));
        for (InputFile f : d.inputs()) {
            assertEquals(f.read(), f.accepted() + f.rejected(), f.path());
            assertEquals(f.rejected(), listed.getOrDefault(f.path(), 0L), f.path());
            List<List<String>> records = Ingest.parse(Ingest.read(Path.of(f.path())));
            long rows = records.stream()
                            .filter(r -> !(r.size() == 1 && r.get(0).isBlank()))
                            .count()
                    - 1;
            assertEquals(rows, f.read(), f.path());
        }
    }

    private Dataset load(Path data, String profile) {
        return new DataLoader(
                        ZoneOffset.UTC, Map.of(), profile == null ? null : Profiles.resolve(profile), Progress.QUIET)
                .load(data, "2026-10");
    }

    // ---- end to end: l2r check ----

    private static final String SLA = """
            sla: t
            effective_from: 2026-01-01
            period: month
            timezone: UTC
            teams:
              sdr: { owner: "SDR Manager" }
            clauses:
              - id: R1
                type: rejection
                reasons: [no-budget]
                owner: sdr
            """;

    @Test
    void checkRejectsAStrayQuoteRowAndReadsTheRest() {
        String row = ",,,,sdr,,,,,,,,,,,,,,,,,,";
        Workspace w = new Workspace(tmp)
                .sla(SLA)
                .file(
                        "data/leads.csv",
                        Workspace.LEADS_HEADER + "\n"
                                + "A,2026-10-05T10:00" + row + "\n"
                                + "B,2026-10-05T10:00,,,,sdr,,,\"Ac\"me\",,,,,,,,,,,,,,,\n"
                                + "C,2026-10-05T10:00,,,,sdr,,,\"Open,,,,,,,,,,,,,,,\n"
                                + "D,2026-10-05T10:00" + row + "\n");
        Cli r = w.check("2026-10");
        assertEquals(0, r.code(), r.toString());
        String data = tmp.resolve("data") + "/";
        assertEquals("""
                file,line,field,reason,value
                Dleads.csv,3,company,a quote in the middle of a field at column 9 (company); quote the whole field and double inner quotes,
                Dleads.csv,4,company,a quoted field at column 9 (company) is never closed; close it (reading went on at the next line),
                """.replace("D", data), w.read("rejected.csv"));
        JsonNode in = w.json("run.json").get("inputs").get(0);
        assertEquals(
                List.of(4, 2, 2),
                List.of(
                        in.get("read").asInt(),
                        in.get("accepted").asInt(),
                        in.get("rejected").asInt()));
        assertTrue(r.err().contains("leads.csv (leads): 4 rows read, 2 accepted, 2 rejected"), r.err());
    }

    @Test
    void checkRejectsAnNdjsonLineWithTwoObjectsOnce() {
        Workspace w = new Workspace(tmp).sla(SLA).file("data/leads.ndjson", """
                {"lead_id": "A", "created_at": "2026-10-05T10:00", "team": "sdr"}
                {"lead_id": "B", "created_at": "2026-10-05T10:00"}{"lead_id": "C", "created_at": "2026-10-05T10:00"}

                {"lead_id": "D", "created_at": "2026-10-05T10:00", "score": "\u0669\u0660"}
                """);
        Cli r = w.check("2026-10");
        assertEquals(0, r.code(), r.toString());
        String data = tmp.resolve("data") + "/";
        assertEquals(
                """
                file,line,field,reason,value
                Dleads.ndjson,2,,text after the JSON object at column 51; put one object per line,
                Dleads.ndjson,4,score,not a number; write digits as ASCII 0-9 (this one has an Arabic-Indic, full-width or other digit),\u0669\u0660
                """.replace("D", data).replace(
                        "not a number; write digits as ASCII 0-9 (this one has an Arabic-Indic, full-width or other digit)",
                        "\"not a number; write digits as ASCII 0-9 (this one has an Arabic-Indic, full-width or other digit)\""),
                w.read("rejected.csv"));
        JsonNode in = w.json("run.json").get("inputs").get(0);
        assertEquals(
                List.of(3, 1, 2),
                List.of(
                        in.get("read").asInt(),
                        in.get("accepted").asInt(),
                        in.get("rejected").asInt()));
    }
}
