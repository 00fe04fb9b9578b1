package dev.l2r.properties;

import static dev.l2r.properties.Props.between;
import static dev.l2r.properties.Props.forAll;
import static dev.l2r.properties.Props.oneOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.l2r.InputError;
import dev.l2r.Numbers;
import dev.l2r.Timestamps;
import dev.l2r.model.Period;
import dev.l2r.model.PeriodKind;
import dev.l2r.parse.AgreementParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Properties of the readers: timestamps, numbers, period labels, and the agreement parser on random text. */
class ParserPropertiesTest {

    static final String[] ZONES = {
        "America/New_York",
        "Europe/London",
        "Asia/Kolkata",
        "Australia/Lord_Howe",
        "Pacific/Chatham",
        "America/St_Johns",
        "Asia/Kathmandu",
        "UTC"
    };
    static final long MIN = Instant.parse("1970-01-01T00:00:00Z").toEpochMilli();
    static final long MAX = Instant.parse("2100-01-01T00:00:00Z").toEpochMilli();

    @TempDir
    Path tmp;

    record Stamp(Instant instant, ZoneOffset offset, String pattern, ZoneId readIn, String text) {}

    @Test
    void anyInstantWrittenWithAnOffsetReadsBackAsTheSameInstant() {
        forAll(
                "Timestamps.parse(format(instant, offset)) = instant",
                500,
                r -> {
                    Instant i = Instant.ofEpochMilli(between(r, MIN, MAX));
                    ZoneOffset off = ZoneOffset.ofTotalSeconds((r.nextInt(14 * 4 * 2 + 1) - 14 * 4) * 15 * 60);
                    String pattern = oneOf(
                            r,
                            "yyyy-MM-dd'T'HH:mm:ss.SSSXXX",
                            "yyyy-MM-dd'T'HH:mm:ssXXX",
                            "yyyy-MM-dd HH:mm:ss.SSSXX",
                            "yyyy-MM-dd'T'HH:mmXXX",
                            "yyyy-MM-dd'T'HH:mm:ss,SSSXXX");
                    String text = DateTimeFormatter.ofPattern(pattern).format(i.atOffset(off));
                    return new Stamp(i, off, pattern, ZoneId.of(oneOf(r, ZONES)), text);
                },
                s -> {
                    ChronoUnit unit = s.pattern().contains("SSS")
                            ? ChronoUnit.MILLIS
                            : s.pattern().contains("ss") ? ChronoUnit.SECONDS : ChronoUnit.MINUTES;
                    // truncation happens in local time of the offset, which for whole-minute offsets is the same
                    // instant grid
                    assertEquals(s.instant().truncatedTo(unit), Timestamps.parse(s.text(), s.readIn()), s.text());
                });
    }

    record Local(LocalDateTime local, ZoneId zone, String text) {}

    @Test
    void aLocalTimeReadsInTheAgreementZoneWithTheDocumentedGapAndOverlapRules() {
        forAll(
                "Timestamps.parse(local) = local.atZone(zone)",
                500,
                r -> {
                    ZoneId zone = ZoneId.of(oneOf(r, ZONES));
                    // half of them near the 2026 daylight-saving changes, where gaps and overlaps are
                    LocalDateTime base = r.nextBoolean()
                            ? LocalDateTime.of(2026, 1, 1, 0, 0).plusMinutes(r.nextInt(365 * 24 * 60))
                            : oneOf(
                                            r,
                                            LocalDateTime.of(2026, 3, 8, 2, 0),
                                            LocalDateTime.of(2026, 11, 1, 1, 0),
                                            LocalDateTime.of(2026, 3, 29, 1, 0),
                                            LocalDateTime.of(2026, 10, 25, 1, 0),
                                            LocalDateTime.of(2026, 4, 5, 2, 0))
                                    .plusMinutes(r.nextInt(120) - 30);
                    LocalDateTime local = base.withSecond(r.nextInt(60)).withNano(r.nextInt(1000) * 1_000_000);
                    return new Local(
                            local,
                            zone,
                            r.nextBoolean()
                                    ? local.toString()
                                    : local.toString().replace('T', ' '));
                },
                s -> assertEquals(
                        s.local().atZone(s.zone()).toInstant(), Timestamps.parse(s.text(), s.zone()), s.text()));
    }

    @Test
    void timestampsNeverThrowOnRandomText() {
        forAll(
                "Timestamps.parse total",
                500,
                r -> mutate(
                        r,
                        oneOf(r, "2026-10-09T10:00:00.123+02:00", "2026-10-09", "2026-10-09 10:00Z"),
                        "0123456789-:+TZ .,z\u0660\uff10",
                        4),
                s -> {
                    Instant i = Timestamps.parse(s, ZoneId.of("America/New_York"));
                    if (i != null) assertTrue(s.strip().length() >= 10, s);
                });
    }

    @Test
    void anyBusinessFigureWrittenAsTextReadsBackExactly() {
        forAll(
                "Numbers.parse(text(d)) = d",
                500,
                r -> {
                    double d = Math.pow(10, r.nextInt(30) - 15) * r.nextDouble() * (r.nextBoolean() ? 1 : -1);
                    if (r.nextInt(5) == 0) d = Math.rint(d);
                    return r.nextBoolean() ? Double.toString(d) : new BigDecimal(Double.toString(d)).toPlainString();
                },
                s -> {
                    double d = Double.parseDouble(s);
                    if (Math.abs(d) < Numbers.LIMIT) assertEquals(d + 0.0, Numbers.parse(s), s);
                    else assertNull(Numbers.parse(s), s);
                });
    }

    @Test
    void numbersNeverThrowAndStayWithinTheLimit() {
        forAll(
                "Numbers.parse total and bounded",
                500,
                r -> mutate(
                        r, oneOf(r, "60", "-1.5e3", "0.75", "999999999999999"), "0123456789.eE+-x ,_\u0660NaIfy", 4),
                s -> {
                    Double d = Numbers.parse(s);
                    if (d != null) assertTrue(Double.isFinite(d) && Math.abs(d) < Numbers.LIMIT, s + " -> " + d);
                });
    }

    record Label(PeriodKind kind, LocalDate date, String label) {}

    @Test
    void periodLabelsRoundTripAndTileTheCalendar() {
        forAll(
                "Period.parse(label(date)) holds date",
                500,
                r -> {
                    // labels name years MIN_YEAR..MAX_YEAR (1900-01-01 is a Monday: its week is 1900-W01)
                    LocalDate first = LocalDate.of(Period.MIN_YEAR, 1, 1);
                    LocalDate date = first.plusDays(
                            between(r, 0, LocalDate.of(Period.MAX_YEAR, 12, 1).toEpochDay() - first.toEpochDay()));
                    PeriodKind kind = oneOf(r, PeriodKind.values());
                    String label = switch (kind) {
                        case MONTH -> String.format("%04d-%02d", date.getYear(), date.getMonthValue());
                        case QUARTER -> String.format("%04d-Q%d", date.getYear(), date.get(IsoFields.QUARTER_OF_YEAR));
                        case WEEK ->
                            String.format(
                                    "%04d-W%02d",
                                    date.get(IsoFields.WEEK_BASED_YEAR), date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
                    };
                    return new Label(kind, date, label);
                },
                s -> {
                    Period p = Period.parse(s.kind(), s.label()).orElse(null);
                    assertNotNull(p, s.label());
                    assertEquals(s.label(), p.label());
                    assertTrue(!s.date().isBefore(p.start()) && s.date().isBefore(p.end()), s.date() + " in " + p);
                    LocalDate next = p.end();
                    if (next.getYear() <= 9999) {
                        String nextLabel = switch (s.kind()) {
                            case MONTH -> String.format("%04d-%02d", next.getYear(), next.getMonthValue());
                            case QUARTER ->
                                String.format("%04d-Q%d", next.getYear(), next.get(IsoFields.QUARTER_OF_YEAR));
                            case WEEK ->
                                String.format(
                                        "%04d-W%02d",
                                        next.get(IsoFields.WEEK_BASED_YEAR),
                                        next.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
                        };
                        Period q = Period.parse(s.kind(), nextLabel).orElse(null);
                        if (q != null) assertEquals(p.end(), q.start(), "the next period starts where " + p + " ends");
                    }
                });
        for (String before : List.of("1899-12", "1899-Q4", "1899-W52", "0000-01")) {
            assertTrue(
                    java.util.Arrays.stream(PeriodKind.values())
                            .allMatch(k -> Period.parse(k, before).isEmpty()),
                    before + " names no period");
        }
    }

    static final String AGREEMENT = read(Path.of("src/test/resources/corpus/_base/sla.yaml"));
    static final String[] YAMLISH = {
        "{",
        "}",
        "[",
        "]",
        ":",
        ": ",
        "- ",
        "\"",
        "'",
        "&a ",
        "*a",
        "!!str ",
        "!!binary ",
        "#",
        "\n",
        "\t",
        "  ",
        "---\n",
        "...\n",
        "~",
        ".nan",
        ".inf",
        "1e999",
        "null",
        "x: y",
        "\u0000",
        "\uFEFF",
        "%YAML 1.2\n",
        "<<: *a",
        "? ",
        "|\n",
        ">-\n",
        "\\",
        "\u202E",
        "${x}",
        "\"\\u0000\"",
        "2026-02-30",
        "99999999999999999999",
        "-",
        ",",
        "clauses",
        "within: ",
        "type: rule\n"
    };

    @Test
    void theAgreementParserFailsOnlyWithInputErrorsNamingTheFile() throws IOException {
        Path file = tmp.resolve("sla.yaml");
        forAll(
                "AgreementParser.load throws only InputError",
                300,
                r -> {
                    String base = r.nextInt(4) == 0 ? "" : AGREEMENT;
                    int edits = 1 + r.nextInt(6);
                    StringBuilder b = new StringBuilder(base);
                    for (int i = 0; i < edits; i++) {
                        int at = b.length() == 0 ? 0 : r.nextInt(b.length() + 1);
                        switch (r.nextInt(4)) {
                            case 0 -> b.insert(at, oneOf(r, YAMLISH));
                            case 1 -> b.delete(at, Math.min(b.length(), at + 1 + r.nextInt(20)));
                            case 2 -> { // copy a line elsewhere (duplicate keys, wrong indentation)
                                List<String> lines =
                                        new ArrayList<>(b.toString().lines().toList());
                                if (!lines.isEmpty()) {
                                    lines.add(r.nextInt(lines.size() + 1), lines.get(r.nextInt(lines.size())));
                                    b.setLength(0);
                                    b.append(String.join("\n", lines)).append('\n');
                                }
                            }
                            default -> b.insert(at, (char) (r.nextInt(0x3000)));
                        }
                    }
                    return b.toString();
                },
                text -> {
                    try {
                        Files.writeString(file, text, StandardCharsets.UTF_8);
                        AgreementParser.load(file);
                    } catch (InputError e) {
                        for (String line : e.lines()) {
                            assertTrue(
                                    line.startsWith(file.toString()) || line.startsWith("sla.yaml"),
                                    "names the file: " + line);
                            assertTrue(!line.contains("\n"), "one line: " + line);
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    } catch (Throwable t) {
                        fail("threw " + t + " on\n" + text, t);
                    }
                });
    }

    /** The seed text with up to {@code edits} random insertions, deletions and replacements from {@code alphabet}. */
    static String mutate(Random r, String seed, String alphabet, int edits) {
        StringBuilder b = new StringBuilder(seed);
        int n = r.nextInt(edits + 1);
        for (int i = 0; i < n; i++) {
            int at = r.nextInt(b.length() + 1);
            char c = alphabet.charAt(r.nextInt(alphabet.length()));
            switch (r.nextInt(3)) {
                case 0 -> b.insert(at, c);
                case 1 -> {
                    if (at < b.length()) b.deleteCharAt(at);
                }
                default -> {
                    if (at < b.length()) b.setCharAt(at, c);
                }
            }
        }
        return b.toString();
    }

    static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
