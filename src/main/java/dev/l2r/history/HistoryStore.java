package dev.l2r.history;

import dev.l2r.InputError;
import dev.l2r.history.RunRecord.Digests;
import dev.l2r.history.RunRecord.Violations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * The run history: every recorded {@code l2r check} in one SQLite file, queryable with SQL (docs/HISTORY.md
 * has the schema). Rerunning a period keeps the earlier run; the newest run of an agreement and period is
 * marked {@code latest}. Writers wait up to {@link #BUSY_TIMEOUT_MS} for each other, so two checks can record
 * at the same time. Values reach SQL only as bound parameters. Every problem with the file is an
 * {@link InputError} naming it.
 */
public final class HistoryStore implements AutoCloseable {

    /** The schema this l2r writes; a file with a newer one is refused, never changed. */
    public static final int SCHEMA_VERSION = Schema.VERSION;

    /** Where the history lives unless {@code --history} or {@link #ENV} says otherwise. */
    public static final Path DEFAULT_FILE = Path.of("out", "history.sqlite");

    /** Environment variable naming the history file. */
    public static final String ENV = "L2R_HISTORY";

    /** How long a writer waits for another to finish before giving up. */
    public static final int BUSY_TIMEOUT_MS = 10_000;

    // SQLite's primary result codes (sqlite.org/rescode.html) that call for advice of their own
    private static final int SQLITE_BUSY = 5;
    private static final int SQLITE_LOCKED = 6;
    private static final int SQLITE_READONLY = 8;
    private static final int SQLITE_CORRUPT = 11;
    private static final int SQLITE_CANTOPEN = 14;
    private static final int SQLITE_NOTADB = 26;

    private static final String READ_ONLY = "read-only; give a --history file l2r may write";

    private static final String RUN_COLUMNS = "id, latest, agreement_id, agreement_version, agreement_title,"
            + " agreement_sha256, generated_drl_sha256, rules_sha256, inputs_sha256, run_json_sha256, tool_version,"
            + " period, period_start, period_end, as_of, is_final, recorded_at, verdict, compliance, violations,"
            + " critical, major, minor, data_quality_findings";

    private final Connection db;
    private final String file;

    private HistoryStore(Connection db, String file) {
        this.db = db;
        this.file = file;
    }

    /** The history file to use: the option if given, else the environment variable if set, else the default. */
    public static Path file(Path option, String env) {
        if (option != null) return option;
        if (env != null && !env.isBlank()) return Path.of(env);
        return DEFAULT_FILE;
    }

    /**
     * Opens the history in {@code file}, creating the file, its folder and the schema when missing. Refuses a
     * file that is not an l2r history, or one written by a newer l2r.
     */
    public static HistoryStore open(Path file) {
        String name = file.toString();
        if (Files.isDirectory(file)) throw new InputError(InputError.at(name, 0, null, "is a folder, not a file"));
        if (name.contains("?")) { // the driver reads what follows a ? in its URL as options
            throw new InputError(InputError.at(name, 0, null, "a history file name cannot contain \"?\""));
        }
        Path parent = file.toAbsolutePath().getParent();
        try {
            if (parent != null) Files.createDirectories(parent);
        } catch (IOException e) {
            throw new InputError(
                    InputError.at(name, 0, null, "cannot create its folder: " + InputError.firstLine(e.getMessage())));
        }
        Properties config = new Properties(); // sqlite-jdbc's names of the pragmas it sets on opening
        config.setProperty("busy_timeout", Integer.toString(BUSY_TIMEOUT_MS));
        config.setProperty("foreign_keys", "true");
        Connection c;
        try {
            c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), config);
        } catch (SQLException e) {
            throw failure(name, e);
        }
        HistoryStore store = new HistoryStore(c, name);
        try {
            store.prepareSchema();
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        return store;
    }

    /**
     * Opens the history as {@link #open} does, for a check that will record in it: a file or folder l2r may
     * not write is refused now, before anything is evaluated or written, not when the run is recorded. SQLite
     * writes a journal beside the file while it records, so the folder must be writable as well as the file.
     */
    public static HistoryStore openToRecord(Path file) {
        String name = file.toString();
        if (Files.exists(file) && !Files.isDirectory(file) && !Files.isWritable(file)) {
            throw new InputError(InputError.at(name, 0, null, READ_ONLY));
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null && Files.isDirectory(parent) && !Files.isWritable(parent)) {
            throw new InputError(InputError.at(
                    name,
                    0,
                    null,
                    "its folder " + parent + " is read-only, and SQLite writes a journal beside the file; give a"
                            + " --history file in a folder l2r may write"));
        }
        HistoryStore store = open(file);
        try {
            store.transaction(() -> null); // takes the write lock and lets it go: fails now on a read-only database
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        return store;
    }

    /**
     * Records a run in one transaction and returns its id. The run becomes the latest of its agreement and
     * period; earlier runs of that period stay, no longer latest.
     */
    public long record(RunRecord r) {
        return transaction(() -> {
            try (PreparedStatement p = db.prepareStatement(
                    "UPDATE run SET latest = 0 WHERE agreement_id = ? AND period = ? AND latest = 1")) {
                bind(p, r.agreementId(), r.periodLabel());
                p.executeUpdate();
            }
            Digests d = r.digests();
            Violations v = r.violations();
            try (PreparedStatement p = db.prepareStatement("INSERT INTO run (agreement_id, agreement_version,"
                    + " agreement_title, agreement_sha256, generated_drl_sha256, rules_sha256, inputs_sha256,"
                    + " run_json_sha256, tool_version, period, period_start, period_end, as_of, is_final, recorded_at,"
                    + " latest, verdict, compliance, violations, critical, major, minor, data_quality_findings)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?)")) {
                bind(
                        p,
                        r.agreementId(),
                        r.agreementVersion(),
                        r.agreementTitle(),
                        d.agreement(),
                        d.generatedDrl(),
                        d.rules(),
                        d.inputs(),
                        d.runJson(),
                        r.toolVersion(),
                        r.periodLabel(),
                        r.periodStart(),
                        r.periodEnd(),
                        r.asOf(),
                        r.isFinal() ? 1L : 0L,
                        r.recordedAt().toString(),
                        r.verdict(),
                        r.compliance(),
                        v.total(),
                        v.critical(),
                        v.major(),
                        v.minor(),
                        r.dataQualityFindings());
                p.executeUpdate();
            }
            long id;
            try (Statement s = db.createStatement();
                    ResultSet rs = s.executeQuery("SELECT last_insert_rowid()")) {
                rs.next();
                id = rs.getLong(1);
            }
            insert(id, Schema.CLAUSES, r.clauses());
            insert(id, Schema.TEAMS, r.teams());
            insert(id, Schema.PEOPLE, r.people());
            insert(id, Schema.TARGETS, r.targets());
            insert(id, Schema.DATA_QUALITY, r.dataQuality());
            return id;
        });
    }

    /** Every run, of one agreement or (null) of all, by agreement, period start and the order recorded. */
    public List<StoredRun> runs(String agreementId) {
        return runs(agreementId, null);
    }

    /** Every run of one agreement (null: all) and period label (null: all), ordered as {@link #runs(String)}. */
    public List<StoredRun> runs(String agreementId, String periodLabel) {
        return select(
                "WHERE (?1 IS NULL OR agreement_id = ?1) AND (?2 IS NULL OR period = ?2)"
                        + " ORDER BY agreement_id, period_start, period, id",
                agreementId,
                periodLabel);
    }

    /**
     * The latest run of each period of an agreement whose first day lies from {@code fromStart} to
     * {@code toStart} (both included), in period order.
     */
    public List<StoredRun> latest(String agreementId, LocalDate fromStart, LocalDate toStart) {
        return select(
                "WHERE agreement_id = ? AND latest = 1 AND period_start >= ? AND period_start <= ?"
                        + " ORDER BY period_start, period, id",
                agreementId,
                fromStart.toString(),
                toStart.toString());
    }

    /**
     * The latest runs of up to {@code limit} periods of an agreement that start before {@code periodStart},
     * the nearest last, in period order: the trend before a period.
     */
    public List<StoredRun> earlier(String agreementId, LocalDate periodStart, int limit) {
        List<StoredRun> runs = new ArrayList<>(select(
                "WHERE agreement_id = ? AND latest = 1 AND period_start < ?"
                        + " ORDER BY period_start DESC, period DESC, id DESC LIMIT ?",
                agreementId,
                periodStart.toString(),
                (long) limit));
        Collections.reverse(runs);
        return runs;
    }

    /** The latest run of the nearest earlier period of an agreement that has one: the change line's baseline. */
    public Optional<StoredRun> previous(String agreementId, LocalDate periodStart) {
        List<StoredRun> runs = earlier(agreementId, periodStart, 1);
        return runs.isEmpty() ? Optional.empty() : Optional.of(runs.get(0));
    }

    /** One run, whole; empty when the store holds no run with that id. */
    public Optional<StoredRun> load(long runId) {
        List<StoredRun> runs = select("WHERE id = ?", runId);
        return runs.isEmpty() ? Optional.empty() : Optional.of(runs.get(0));
    }

    @Override
    public void close() {
        try {
            db.close();
        } catch (SQLException e) {
            throw failure(file, e);
        }
    }

    /** Checks the schema version, and creates the schema in a file that holds no tables yet. */
    private void prepareSchema() {
        if (checkSchema()) return;
        transaction(() -> {
            if (checkSchema()) return null; // another l2r created it meanwhile
            try (Statement s = db.createStatement()) {
                for (String ddl : Schema.DDL) s.executeUpdate(ddl);
            }
            try (PreparedStatement p = db.prepareStatement("INSERT INTO schema_version (version) VALUES (?)")) {
                bind(p, (long) Schema.VERSION);
                p.executeUpdate();
            }
            return null;
        });
    }

    /** True when the file holds a history this l2r reads; false when it holds no tables at all. */
    private boolean checkSchema() {
        return query(() -> {
            Set<String> tables = new HashSet<>();
            try (Statement s = db.createStatement();
                    ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
                while (rs.next()) tables.add(rs.getString(1));
            }
            if (!tables.contains("schema_version")) {
                if (tables.isEmpty()) return false;
                throw new InputError(InputError.at(
                        file,
                        0,
                        null,
                        "a SQLite database, but not an l2r history (no schema_version table); give another"
                                + " --history file"));
            }
            int version;
            try (Statement s = db.createStatement();
                    ResultSet rs = s.executeQuery("SELECT MAX(version) FROM schema_version")) {
                version = rs.next() ? rs.getInt(1) : 0;
            }
            if (version > Schema.VERSION) {
                throw new InputError(InputError.at(
                        file,
                        0,
                        null,
                        "history schema version " + version + " is newer than this l2r reads (" + Schema.VERSION
                                + "); use a newer l2r, or another --history file"));
            }
            return true;
        });
    }

    private List<StoredRun> select(String where, Object... values) {
        return query(() -> {
            List<StoredRun> runs = new ArrayList<>();
            try (PreparedStatement p = db.prepareStatement("SELECT " + RUN_COLUMNS + " FROM run " + where)) {
                bind(p, values);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) runs.add(run(rs));
                }
            }
            return runs;
        });
    }

    private StoredRun run(ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        RunRecord r = new RunRecord(
                rs.getString("agreement_id"),
                rs.getString("agreement_version"),
                rs.getString("agreement_title"),
                new Digests(
                        rs.getString("agreement_sha256"),
                        rs.getString("generated_drl_sha256"),
                        rs.getString("rules_sha256"),
                        rs.getString("inputs_sha256"),
                        rs.getString("run_json_sha256")),
                rs.getString("tool_version"),
                rs.getString("period"),
                rs.getString("period_start"),
                rs.getString("period_end"),
                rs.getString("as_of"),
                rs.getLong("is_final") != 0,
                Instant.parse(rs.getString("recorded_at")),
                rs.getString("verdict"),
                Schema.real(rs, rs.findColumn("compliance")),
                new Violations(
                        rs.getLong("violations"), rs.getLong("critical"), rs.getLong("major"), rs.getLong("minor")),
                rs.getLong("data_quality_findings"),
                rows(id, Schema.CLAUSES),
                rows(id, Schema.TEAMS),
                rows(id, Schema.PEOPLE),
                rows(id, Schema.TARGETS),
                rows(id, Schema.DATA_QUALITY));
        return new StoredRun(id, rs.getLong("latest") != 0, r);
    }

    private <T> List<T> rows(long runId, Schema.Child<T> child) throws SQLException {
        List<T> out = new ArrayList<>();
        try (PreparedStatement p = db.prepareStatement(child.select())) {
            p.setLong(1, runId);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) out.add(child.reader().read(rs));
            }
        }
        return out;
    }

    private <T> void insert(long runId, Schema.Child<T> child, List<T> items) throws SQLException {
        if (items.isEmpty()) return;
        try (PreparedStatement p = db.prepareStatement(child.insert())) {
            for (int i = 0; i < items.size(); i++) {
                List<Object> row = new ArrayList<>();
                row.add(runId);
                row.add((long) i);
                row.addAll(child.values().apply(items.get(i)));
                bind(p, row.toArray());
                p.addBatch();
            }
            p.executeBatch();
        }
    }

    /** Binds values by position: text, whole numbers, reals, or null. */
    private static void bind(PreparedStatement p, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            if (v == null) p.setNull(i + 1, Types.NULL);
            else if (v instanceof String s) p.setString(i + 1, s);
            else if (v instanceof Long l) p.setLong(i + 1, l);
            else if (v instanceof Double d) p.setDouble(i + 1, d);
            else throw new IllegalArgumentException("cannot bind " + v.getClass());
        }
    }

    private interface Work<T> {
        T run() throws SQLException;
    }

    private <T> T query(Work<T> work) {
        try {
            return work.run();
        } catch (SQLException e) {
            throw failure(file, e);
        }
    }

    /** Runs work in one write transaction, taken at once so that concurrent writers queue on the busy timeout. */
    private <T> T transaction(Work<T> work) {
        return query(() -> {
            try (Statement s = db.createStatement()) {
                s.execute("BEGIN IMMEDIATE");
            }
            T result;
            try {
                result = work.run();
            } catch (SQLException | RuntimeException e) {
                try (Statement s = db.createStatement()) {
                    s.execute("ROLLBACK");
                } catch (SQLException ignored) {
                    // the first failure is the one to report
                }
                throw e;
            }
            try (Statement s = db.createStatement()) {
                s.execute("COMMIT");
            }
            return result;
        });
    }

    /** The SQLite error as one line naming the file; the primary result code decides the advice. */
    private static InputError failure(String file, SQLException e) {
        int code = e.getErrorCode() & 0xff;
        String why;
        if (code == SQLITE_NOTADB) {
            why = "not a SQLite database; give another --history file or move this one away";
        } else if (code == SQLITE_CORRUPT) {
            why = "the history database is corrupt; restore it from a backup or move it away";
        } else if (code == SQLITE_BUSY || code == SQLITE_LOCKED) {
            why = "busy: another l2r held it for more than " + BUSY_TIMEOUT_MS / 1000 + " s; try again";
        } else if (code == SQLITE_CANTOPEN) {
            why = "cannot open it; check that its folder exists and may be written";
        } else if (code == SQLITE_READONLY) {
            why = READ_ONLY;
        } else {
            why = "cannot use the history: " + InputError.flatten(e.getMessage());
        }
        return new InputError(InputError.at(file, 0, null, why));
    }
}
