package dev.l2r.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.l2r.InputError;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The history store on a real SQLite file: what is recorded comes back exactly, reruns, errors, two writers. */
class HistoryStoreTest {

    @TempDir
    Path tmp;

    private Path file() {
        return tmp.resolve("out/history.sqlite");
    }

    @Test
    void aRecordedRunComesBackExactlyThroughRunsLatestAndLoad() {
        RunRecord july = Runs.july();
        RunRecord august = Runs.august();
        try (HistoryStore store = HistoryStore.open(file())) {
            long j = store.record(july);
            long a = store.record(august);
            assertEquals(List.of(new StoredRun(j, true, july), new StoredRun(a, true, august)), store.runs(null));
            assertEquals(
                    List.of(new StoredRun(j, true, july), new StoredRun(a, true, august)), store.runs("inside-sales"));
            assertEquals(List.of(), store.runs("channel"));
            assertEquals(
                    List.of(new StoredRun(a, true, august)),
                    store.latest("inside-sales", LocalDate.parse("2026-08-01"), LocalDate.parse("2026-12-01")));
            assertEquals(july, store.load(j).orElseThrow().run());
            assertTrue(store.load(a + 1).isEmpty());
        }
        try (HistoryStore again = HistoryStore.open(file())) { // survives closing the file
            assertEquals(august, again.runs("inside-sales", "2026-08").get(0).run());
        }
    }

    @Test
    void rerunningAPeriodKeepsTheEarlierRunAndMarksTheNewOneLatest() {
        try (HistoryStore store = HistoryStore.open(file())) {
            long first = store.record(Runs.august());
            long july = store.record(Runs.july());
            long second = store.record(Runs.rerun(Runs.august(), 0.9, Instant.parse("2026-09-02T08:00:00Z")));
            List<StoredRun> august = store.runs("inside-sales", "2026-08");
            assertEquals(
                    List.of(first, second), august.stream().map(StoredRun::id).toList());
            assertEquals(
                    List.of(false, true), august.stream().map(StoredRun::latest).toList());
            assertEquals(0.881, august.get(0).run().compliance());
            assertTrue(store.load(july).orElseThrow().latest(), "a rerun of August leaves July's latest run alone");
            List<StoredRun> latest =
                    store.latest("inside-sales", LocalDate.parse("2026-07-01"), LocalDate.parse("2026-08-01"));
            assertEquals(
                    List.of(july, second), latest.stream().map(StoredRun::id).toList());
            assertEquals(0.9, latest.get(1).run().compliance());
        }
    }

    @Test
    void latestRunsComeInPeriodOrderWhateverTheOrderRecorded() {
        try (HistoryStore store = HistoryStore.open(file())) {
            store.record(Runs.september());
            store.record(Runs.july());
            store.record(Runs.august());
            List<String> periods =
                    store.latest("inside-sales", LocalDate.parse("2026-01-01"), LocalDate.parse("2026-12-01")).stream()
                            .map(s -> s.run().periodLabel())
                            .toList();
            assertEquals(List.of("2026-07", "2026-08", "2026-09"), periods);
            assertEquals(
                    "2026-08",
                    store.previous("inside-sales", LocalDate.parse("2026-09-01"))
                            .orElseThrow()
                            .run()
                            .periodLabel());
            assertTrue(store.previous("inside-sales", LocalDate.parse("2026-07-01"))
                    .isEmpty());
            assertEquals(
                    List.of("2026-07", "2026-08"),
                    store.earlier("inside-sales", LocalDate.parse("2026-09-01"), 5).stream()
                            .map(s -> s.run().periodLabel())
                            .toList());
            assertEquals(
                    List.of("2026-08"),
                    store.earlier("inside-sales", LocalDate.parse("2026-09-01"), 1).stream()
                            .map(s -> s.run().periodLabel())
                            .toList());
        }
    }

    @Test
    void twoThreadsRecordingAtOnceBothSucceed() throws Exception {
        HistoryStore.open(file()).close();
        int each = 15;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<List<Long>>> done = new ArrayList<>();
            for (RunRecord r : List.of(Runs.july(), Runs.august())) {
                Callable<List<Long>> writer = () -> {
                    start.await();
                    List<Long> ids = new ArrayList<>();
                    for (int i = 0; i < each; i++) {
                        try (HistoryStore store = HistoryStore.open(file())) { // a connection each, as two processes
                            ids.add(store.record(r));
                        }
                    }
                    return ids;
                };
                done.add(pool.submit(writer));
            }
            start.countDown();
            TreeSet<Long> ids = new TreeSet<>();
            for (Future<List<Long>> f : done) ids.addAll(f.get());
            assertEquals(2 * each, ids.size());
        } finally {
            pool.shutdownNow();
        }
        try (HistoryStore store = HistoryStore.open(file())) {
            List<StoredRun> runs = store.runs("inside-sales");
            assertEquals(2 * each, runs.size());
            assertEquals(2, runs.stream().filter(StoredRun::latest).count(), "one latest run per period");
            for (String p : List.of("2026-07", "2026-08")) {
                List<StoredRun> of = store.runs("inside-sales", p);
                assertTrue(of.get(of.size() - 1).latest(), p + ": the last recorded is the latest");
            }
        }
    }

    @Test
    void aFileThatIsNotADatabaseIsRefusedNamingIt() throws Exception {
        Path bad = tmp.resolve("history.sqlite");
        Files.writeString(
                bad,
                "this is a text file, not a database, and it is long enough to have a header page\n".repeat(20),
                StandardCharsets.UTF_8);
        InputError e = assertThrows(InputError.class, () -> HistoryStore.open(bad));
        assertEquals(1, e.lines().size());
        assertEquals(
                bad + ": not a SQLite database; give another --history file or move this one away",
                e.lines().get(0));
    }

    @Test
    void aHistoryDamagedOnDiskIsRefusedInOneLineNamingIt() throws Exception {
        try (HistoryStore store = HistoryStore.open(file())) {
            store.record(Runs.july());
        }
        byte[] bytes = Files.readAllBytes(file());
        for (int i = 100; i < 4096; i++) bytes[i] = (byte) 0xA5; // the rest of page 1: the table of tables
        Files.write(file(), bytes);
        InputError e = assertThrows(InputError.class, () -> {
            try (HistoryStore store = HistoryStore.open(file())) {
                store.runs(null);
            }
        });
        assertEquals(1, e.lines().size(), e.getMessage());
        assertTrue(e.getMessage().startsWith(file() + ": "), e.getMessage());
        assertTrue(
                e.getMessage().contains("corrupt") || e.getMessage().contains("not a SQLite database"), e.getMessage());
    }

    @Test
    void aFolderIsRefusedNamingIt() {
        InputError e = assertThrows(InputError.class, () -> HistoryStore.open(tmp));
        assertEquals(tmp + ": is a folder, not a file", e.getMessage());
    }

    @Test
    void anotherSqliteDatabaseIsNotTakenForAHistory() throws Exception {
        Path other = tmp.resolve("crm.sqlite");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + other);
                Statement s = c.createStatement()) {
            s.executeUpdate("CREATE TABLE leads (id TEXT)");
        }
        InputError e = assertThrows(InputError.class, () -> HistoryStore.open(other));
        assertTrue(e.getMessage().startsWith(other + ": a SQLite database, but not an l2r history"), e.getMessage());
    }

    @Test
    void aHistoryWrittenByANewerL2rIsRefusedAndLeftAlone() throws Exception {
        try (HistoryStore store = HistoryStore.open(file())) {
            store.record(Runs.july());
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file());
                Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE schema_version SET version = 2");
        }
        InputError e = assertThrows(InputError.class, () -> HistoryStore.open(file()));
        assertEquals(
                file() + ": history schema version 2 is newer than this l2r reads (1); use a newer l2r, or another"
                        + " --history file",
                e.getMessage());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM run")) {
            rs.next();
            assertEquals(1, rs.getInt(1));
        }
    }

    @Test
    void theOptionWinsOverTheEnvironmentWhichWinsOverTheDefault() {
        assertEquals(Path.of("a.sqlite"), HistoryStore.file(Path.of("a.sqlite"), "b.sqlite"));
        assertEquals(Path.of("b.sqlite"), HistoryStore.file(null, "b.sqlite"));
        assertEquals(Path.of("out/history.sqlite"), HistoryStore.file(null, null));
        assertEquals(Path.of("out/history.sqlite"), HistoryStore.file(null, " "));
    }

    @Test
    void everyColumnOfTheSchemaIsDocumentedInHistoryMd() throws Exception {
        HistoryStore.open(file()).close();
        String doc = Files.readString(Path.of("docs/HISTORY.md"), StandardCharsets.UTF_8);
        List<String> undocumented = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file());
                Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery(
                    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%' ORDER BY name")) {
                while (rs.next()) tables.add(rs.getString(1));
            }
            for (String t : tables) {
                String section = section(doc, t);
                if (section == null) {
                    undocumented.add(t);
                    continue;
                }
                try (ResultSet rs = s.executeQuery("SELECT name FROM pragma_table_info('" + t + "')")) {
                    while (rs.next()) {
                        if (!section.contains("| `" + rs.getString(1) + "` |"))
                            undocumented.add(t + "." + rs.getString(1));
                    }
                }
            }
        }
        assertEquals(List.of(), undocumented);
        assertFalse(doc.contains("TODO"));
    }

    /** The text of docs/HISTORY.md under the heading {@code ### `table`}, up to the next heading. */
    private static String section(String doc, String table) {
        Matcher m = Pattern.compile("(?ms)^### `" + table + "`\\s*$(.*?)(?=^#)").matcher(doc + "\n#");
        return m.find() ? m.group(1) : null;
    }
}
