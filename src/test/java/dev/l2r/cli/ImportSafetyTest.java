package dev.l2r.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.l2r.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code l2r import} never writes over its own export, refuses a folder as --out, and says when it assumes UTC. */
class ImportSafetyTest {

    /** A Salesforce report export: local times without an offset, and one row (line 7 of Lead.csv) that cannot be read. */
    static final Path REPORT = Path.of("src/test/resources/fixtures/salesforce-report");

    static final String UTC_WARNING =
            "l2r import: no --timezone and profile salesforce names no zone: times without an offset are read as UTC";

    @TempDir
    Path tmp;

    Path export;

    @BeforeEach
    void copyExport() throws IOException {
        export = Files.createDirectories(tmp.resolve("export"));
        for (String f : List.of("Lead.csv", "LeadHistory.csv", "Opportunity.csv"))
            Files.copy(REPORT.resolve(f), export.resolve(f));
    }

    private Cli importTo(Path out, String... extra) {
        List<String> args = new java.util.ArrayList<>(
                List.of("import", "--profile", "salesforce", "--in", export.toString(), "--out", out.toString()));
        args.addAll(List.of(extra));
        return Cli.run(args.toArray(String[]::new));
    }

    private List<String> exportFiles() throws IOException {
        try (Stream<Path> s = Files.list(export)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private void refused(Cli r, Path named, String cause) throws IOException {
        assertEquals(2, r.code(), r.toString());
        assertEquals(named + ": " + cause + "\n", r.err());
        assertEquals(
                List.of("Lead.csv", "LeadHistory.csv", "Opportunity.csv"),
                exportFiles(),
                "nothing written into the export");
        assertArrayEquals(
                Files.readAllBytes(REPORT.resolve("Lead.csv")), Files.readAllBytes(export.resolve("Lead.csv")));
    }

    @Test
    void anOutputOverTheExportItReadsIsRefused() throws IOException {
        Path out = export.resolve("Lead.csv");
        refused(
                importTo(out),
                out,
                "is an input of this import; writing leads there would destroy it; give another --out such as leads.csv");
    }

    @Test
    void theSameFileReachedThroughDotsOrALinkIsRefusedToo() throws IOException {
        Path dots = tmp.resolve("export/../export/./Lead.csv");
        refused(
                importTo(dots),
                dots,
                "is an input of this import; writing leads there would destroy it; give another --out such as leads.csv");
        Path link = Files.createSymbolicLink(tmp.resolve("link.csv"), export.resolve("Lead.csv"));
        refused(
                importTo(link),
                link,
                "is an input of this import; writing leads there would destroy it; give another --out such as leads.csv");
    }

    @Test
    void rejectedRowsThatWouldLandOnAnInputAreRefused() throws IOException {
        // "Lead_x.rejected.csv" matches the profile's Lead_*.csv, so it is read as a second lead file;
        // --out Lead_x would put the rejected rows on it
        Files.copy(REPORT.resolve("Lead.csv"), export.resolve("Lead_x.rejected.csv"));
        Path out = export.resolve("Lead_x");
        Cli r = importTo(out);
        assertEquals(2, r.code(), r.toString());
        assertEquals(
                export.resolve("Lead_x.rejected.csv")
                        + ": is an input of this import; the rejected rows of --out Lead_x would"
                        + " overwrite it; give another --out\n",
                r.err());
        assertEquals(
                List.of("Lead.csv", "LeadHistory.csv", "Opportunity.csv", "Lead_x.rejected.csv").stream()
                        .sorted()
                        .toList(),
                exportFiles());
        assertArrayEquals(
                Files.readAllBytes(REPORT.resolve("Lead.csv")),
                Files.readAllBytes(export.resolve("Lead_x.rejected.csv")));
    }

    @Test
    void aNewFileBesideTheExportIsFine() throws IOException {
        Cli r = importTo(export.resolve("leads.csv"), "--timezone", "America/New_York");
        assertEquals(0, r.code(), r.toString());
        assertEquals(
                List.of("Lead.csv", "LeadHistory.csv", "Opportunity.csv", "leads.csv", "leads.rejected.csv"),
                exportFiles());
        assertArrayEquals(
                Files.readAllBytes(REPORT.resolve("Lead.csv")), Files.readAllBytes(export.resolve("Lead.csv")));
    }

    @Test
    void anImportThatFailsLeavesNoFolderItMadeForOut() throws IOException {
        // a byte that is not UTF-8 in the export stops the read after --out's folders were made for it
        byte[] lead = Files.readAllBytes(export.resolve("Lead.csv"));
        byte[] bad = java.util.Arrays.copyOf(lead, lead.length + 1);
        bad[lead.length] = (byte) 0xE9;
        Files.write(export.resolve("Lead.csv"), bad);
        Path out = tmp.resolve("new/deeper/leads.csv");
        Cli r = importTo(out, "--timezone", "UTC");
        assertEquals(2, r.code(), r.toString());
        assertFalse(Files.exists(tmp.resolve("new")), "no folder left behind: " + r);
    }

    @Test
    void aFolderAsOutIsRefused() throws IOException {
        Path folder = Files.createDirectories(tmp.resolve("leads"));
        refused(importTo(folder), folder, "is a folder; give a file name such as leads.csv");
        assertEquals(0, Files.list(folder).count());
    }

    @Test
    void withoutAZoneTheImportSaysItReadsUtc() throws IOException {
        Cli r = importTo(tmp.resolve("utc.csv"));
        assertEquals(0, r.code(), r.toString());
        assertEquals(1, r.err().lines().filter(UTC_WARNING::equals).count(), r.err());
        // Lead.csv line 2: CreatedDate 10/9/2026 3:00 PM
        assertTrue(
                Files.readAllLines(tmp.resolve("utc.csv"))
                        .get(1)
                        .startsWith("00Q8c00001Mp3QaEAJ,2026-10-09T15:00:00Z,"),
                Files.readAllLines(tmp.resolve("utc.csv")).get(1));

        Cli ny = importTo(tmp.resolve("ny.csv"), "--timezone", "America/New_York");
        assertEquals(0, ny.code(), ny.toString());
        assertTrue(ny.err().lines().noneMatch(l -> l.contains("--timezone")), ny.err());
        assertTrue(
                Files.readAllLines(tmp.resolve("ny.csv"))
                        .get(1)
                        .startsWith("00Q8c00001Mp3QaEAJ,2026-10-09T15:00:00-04:00,"),
                Files.readAllLines(tmp.resolve("ny.csv")).get(1));
    }

    @Test
    void aProfileWithItsOwnZoneNeedsNoWarning() throws IOException {
        Path olist = Files.createDirectories(tmp.resolve("olist"));
        Files.writeString(
                olist.resolve("olist_marketing_qualified_leads_dataset.csv"),
                "mql_id,first_contact_date,landing_page_id,origin\nm1,2018-02-01,p1,social\n");
        Cli r = Cli.run(
                "import",
                "--profile",
                "olist",
                "--in",
                olist.toString(),
                "--out",
                tmp.resolve("o.csv").toString());
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.err().lines().noneMatch(l -> l.contains("--timezone")), r.err());
    }

    @Test
    void theImportsRejectedRowsAreDefused() throws IOException {
        Files.writeString(
                export.resolve("Lead.csv"),
                Files.readString(export.resolve("Lead.csv"))
                        + "00Q8c00001Mp3QzEAJ,\"=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\",Open,Web,0058c00000A1bRwAAJ,,,false,Evil,CEO,e@x.example,US\n");
        Cli r = importTo(tmp.resolve("leads.csv"), "--timezone", "UTC");
        assertEquals(0, r.code(), r.toString());
        String rejected = Files.readString(tmp.resolve("leads.rejected.csv"));
        assertTrue(rejected.contains(",\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\"\n"), rejected);
    }

    @Test
    void aFolderWhereTheRejectedRowsGoStopsTheImportBeforeItWritesTheLeads() throws IOException {
        // the export has a row that cannot be read, so the rejected rows have somewhere to go
        Path busy = Files.createDirectories(tmp.resolve("o.rejected.csv"));
        Files.writeString(busy.resolve("keep.txt"), "someone's file");
        Cli r = importTo(tmp.resolve("o.csv"), "--timezone", "UTC");
        assertEquals(2, r.code(), r.toString());
        assertEquals(
                busy + ": is a folder; the rejected rows of --out o.csv go there; remove it or give another --out\n",
                r.err());
        assertEquals("", r.out());
        assertFalse(Files.exists(tmp.resolve("o.csv")), "no leads written: " + r);
        assertEquals("someone's file", Files.readString(busy.resolve("keep.txt")));
    }

    @Test
    void anEmptyFolderThereIsRefusedTooNeverReplacedByAFile() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("o.rejected.csv"));
        Cli r = importTo(tmp.resolve("o.csv"), "--timezone", "UTC");
        assertEquals(2, r.code(), r.toString());
        assertEquals(
                empty + ": is a folder; the rejected rows of --out o.csv go there; remove it or give another --out\n",
                r.err());
        assertTrue(Files.isDirectory(empty), "the folder stays a folder");
        assertFalse(Files.exists(tmp.resolve("o.csv")), "no leads written: " + r);
    }

    @Test
    void anOutUnderAFileIsRefusedInWords() throws IOException {
        Path file = Files.writeString(tmp.resolve("plain"), "a file");
        Cli r = importTo(file.resolve("o.csv"), "--timezone", "UTC");
        assertEquals(2, r.code(), r.toString());
        assertEquals(file.resolve("o.csv") + ": cannot write: " + file + " is a file, not a folder\n", r.err());
    }
}
