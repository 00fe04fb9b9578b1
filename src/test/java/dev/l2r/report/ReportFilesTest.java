package dev.l2r.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.l2r.Csv;
import dev.l2r.evaluate.Evaluation;
import dev.l2r.evaluate.OpenItem;
import dev.l2r.evaluate.Violation;
import dev.l2r.model.Severity;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * violations.json, violations.csv and open-items.csv as {@link ReportWriter} writes them are byte for byte what
 * Jackson's pretty printer and {@link Csv#forPeople} wrote before ({@link Utf8Out} replaced them): empty, small
 * (written one after the other) and large (written at once on two threads), with null fields; and the writing
 * threads report the more telling of two failures and are done when writing returns.
 */
class ReportFilesTest {

    @TempDir
    Path dir;

    private static Violation violation(int i) {
        String[] odd = {
            "plain", "comma, inside", "quote \" inside", "=SUM(A1)", "-3", "line\nbreak", "é → €", "😀 \\ \t"
        };
        return new Violation(
                "2026-10",
                i % 3 == 0 ? "F1" : "T2",
                "Title " + odd[i % odd.length],
                i % 3 == 0 ? "followup" : "target",
                Severity.values()[i % 3],
                "team " + (i % 4),
                i % 7 == 0 ? null : "Owner, " + i,
                "L" + i,
                "within 5 minutes",
                odd[(i + 3) % odd.length],
                i % 2 == 0 ? null : "2026-10-0" + (1 + i % 9) + " 09:00 EDT",
                "Lead L" + i + " " + odd[(i + 5) % odd.length],
                i % 11 == 0 ? null : "Accountable " + odd[i % odd.length]);
    }

    private static Evaluation evaluation(int violations, int openItems) {
        List<Violation> vs = new ArrayList<>();
        for (int i = 0; i < violations; i++) vs.add(violation(i));
        List<OpenItem> os = new ArrayList<>();
        for (int i = 0; i < openItems; i++) {
            os.add(new OpenItem(
                    "F" + (i % 4),
                    "team, " + i % 3,
                    i % 6 == 0 ? null : "Owner " + i,
                    "L" + i,
                    "=started " + i,
                    "2026-10-31 18:00 GMT",
                    i + " minutes",
                    i % 2 == 0,
                    i));
        }
        return new Evaluation(
                "2026-10",
                "2026-11-01T00:00:00-04:00",
                vs,
                List.of(),
                List.of(),
                os,
                0,
                0,
                List.of(),
                0,
                List.of(),
                true,
                1);
    }

    /** violations.json as the Jackson generator wrote it before. */
    private static byte[] jacksonJson(Evaluation e) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g =
                Json.MAPPER.getFactory().createGenerator(out, JsonEncoding.UTF8).setPrettyPrinter(Json.printer())) {
            g.writeStartArray();
            for (Violation v : e.violations()) {
                g.writeStartObject();
                g.writeStringField("period", v.period());
                g.writeStringField("clause_id", v.clauseId());
                g.writeStringField("clause_title", v.clauseTitle());
                g.writeStringField("type", v.type());
                g.writeStringField(
                        "severity", v.severity() == null ? null : v.severity().key());
                g.writeStringField("team", v.team());
                g.writeStringField("owner", v.owner());
                g.writeStringField("subject", v.subject());
                g.writeStringField("expected", v.expected());
                g.writeStringField("actual", v.actual());
                g.writeStringField("deadline", v.deadline());
                g.writeStringField("message", v.message());
                g.writeStringField("accountable", v.accountable());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeRaw('\n');
        }
        return out.toByteArray();
    }

    /** A CSV as Csv.forPeople through a UTF-8 writer wrote it before. */
    private static byte[] csv(List<String> header, List<List<String>> rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            Csv c = Csv.forPeople(w, header);
            rows.forEach(c::row);
        }
        return out.toByteArray();
    }

    private static List<List<String>> violationRows(Evaluation e) {
        return e.violations().stream()
                .map(v -> Arrays.asList(
                        v.period(),
                        v.clauseId(),
                        v.clauseTitle(),
                        v.type(),
                        v.severity() == null ? null : v.severity().key(),
                        v.team(),
                        v.owner(),
                        v.subject(),
                        v.expected(),
                        v.actual(),
                        v.deadline(),
                        v.message(),
                        v.accountable()))
                .toList();
    }

    private void sameAsBefore(Evaluation e) throws IOException {
        Path out = Files.createTempDirectory(dir, "out");
        ReportWriter.violations(out, e);
        ReportWriter.openItems(out, e);
        assertArrayEquals(jacksonJson(e), Files.readAllBytes(out.resolve("violations.json")), "violations.json");
        assertArrayEquals(
                csv(ReportWriter.VIOLATION_COLUMNS, violationRows(e)),
                Files.readAllBytes(out.resolve("violations.csv")),
                "violations.csv");
        List<List<String>> open = e.openItems().stream()
                .map(o -> Arrays.asList(
                        o.clauseId(),
                        o.team(),
                        o.owner(),
                        o.leadId(),
                        o.started(),
                        o.deadline(),
                        o.remaining(),
                        String.valueOf(o.atRisk())))
                .toList();
        assertArrayEquals(
                csv(
                        List.of("clause_id", "team", "owner", "lead_id", "started", "deadline", "remaining", "at_risk"),
                        open),
                Files.readAllBytes(out.resolve("open-items.csv")),
                "open-items.csv");
    }

    @Test
    void noViolations() throws IOException {
        sameAsBefore(evaluation(0, 0));
        assertEquals(
                "[ ]\n",
                Files.readString(Files.list(dir).findFirst().orElseThrow().resolve("violations.json")));
    }

    @Test
    void aFewOneAfterTheOther() throws IOException {
        sameAsBefore(evaluation(23, 17));
    }

    @Test
    void manyOnTwoThreads() throws IOException {
        sameAsBefore(evaluation(25_000, 3_000));
    }

    @Test
    void aFailureBesideIsReportedAndBothAreDone() throws IOException {
        Path out = Files.createTempDirectory(dir, "out");
        Files.writeString(out.resolve("violations.csv"), "in the way"); // the CSV thread cannot create it
        assertThrows(FileAlreadyExistsException.class, () -> ReportWriter.violations(out, evaluation(25_000, 0)));
        assertTrue(Files.size(out.resolve("violations.json")) > 1_000_000, "the JSON was written to the end");
    }

    @Test
    void theMoreTellingOfTwoFailuresWithTheOtherSuppressed() {
        AtomicBoolean besideDone = new AtomicBoolean();
        IOException io = new IOException("disk full");
        IllegalStateException bug = new IllegalStateException("a bug");
        IOException thrown = assertThrows(
                IOException.class,
                () -> ReportWriter.together(
                        "t",
                        () -> {
                            throw bug;
                        },
                        () -> {
                            sleep();
                            besideDone.set(true);
                            throw io;
                        }));
        assertSame(io, thrown);
        assertSame(bug, thrown.getSuppressed()[0]);
        assertTrue(besideDone.get(), "together returned before the thread beside it was done");

        OutOfMemoryError oom = new OutOfMemoryError("heap");
        UncheckedIOException unchecked = new UncheckedIOException(io);
        OutOfMemoryError e = assertThrows(
                OutOfMemoryError.class,
                () -> ReportWriter.together(
                        "t",
                        () -> {
                            throw unchecked;
                        },
                        () -> {
                            throw oom;
                        }));
        assertSame(oom, e);
        assertSame(unchecked, e.getSuppressed()[0]);

        IllegalStateException other = new IllegalStateException("another bug");
        IllegalStateException tie = assertThrows(
                IllegalStateException.class,
                () -> ReportWriter.together(
                        "t",
                        () -> {
                            throw bug;
                        },
                        () -> {
                            throw other;
                        }));
        assertSame(bug, tie, "on a tie, this thread's failure");
    }

    @Test
    void oneFailureAloneAndNone() throws IOException {
        IOException io = new IOException("x");
        assertSame(
                io,
                assertThrows(
                        IOException.class,
                        () -> ReportWriter.together("t", () -> {}, () -> {
                            throw io;
                        })));
        assertEquals(0, io.getSuppressed().length);
        AtomicBoolean here = new AtomicBoolean();
        AtomicBoolean beside = new AtomicBoolean();
        ReportWriter.together("t", () -> here.set(true), () -> {
            sleep();
            beside.set(true);
        });
        assertTrue(here.get() && beside.get());
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
