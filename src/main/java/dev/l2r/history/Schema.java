package dev.l2r.history;

import dev.l2r.history.RunRecord.CheckRow;
import dev.l2r.history.RunRecord.ClauseRow;
import dev.l2r.history.RunRecord.PersonRow;
import dev.l2r.history.RunRecord.TargetRow;
import dev.l2r.history.RunRecord.TeamRow;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * The history's tables (docs/HISTORY.md describes each column), and how the lists of a {@link RunRecord} map
 * to the child tables: one row per item, in the run's order ({@code position}).
 */
final class Schema {

    private Schema() {}

    /** The schema this l2r writes; a file with a newer one is refused, never changed. */
    static final int VERSION = 1;

    static final List<String> DDL = List.of(
            "CREATE TABLE schema_version (version INTEGER NOT NULL)",
            """
            CREATE TABLE run (
              id INTEGER PRIMARY KEY AUTOINCREMENT,
              agreement_id TEXT NOT NULL,
              agreement_version TEXT,
              agreement_title TEXT,
              agreement_sha256 TEXT,
              generated_drl_sha256 TEXT,
              rules_sha256 TEXT,
              inputs_sha256 TEXT,
              run_json_sha256 TEXT,
              tool_version TEXT,
              period TEXT NOT NULL,
              period_start TEXT NOT NULL,
              period_end TEXT,
              as_of TEXT,
              is_final INTEGER NOT NULL,
              recorded_at TEXT NOT NULL,
              latest INTEGER NOT NULL,
              verdict TEXT,
              compliance REAL,
              violations INTEGER NOT NULL,
              critical INTEGER NOT NULL,
              major INTEGER NOT NULL,
              minor INTEGER NOT NULL,
              data_quality_findings INTEGER NOT NULL
            )""",
            "CREATE INDEX run_by_period ON run (agreement_id, period_start, latest)",
            """
            CREATE TABLE clause_result (
              run_id INTEGER NOT NULL REFERENCES run (id),
              position INTEGER NOT NULL,
              clause_id TEXT,
              title TEXT,
              type TEXT,
              severity TEXT,
              team TEXT,
              objective REAL,
              met INTEGER NOT NULL,
              violated INTEGER NOT NULL,
              open INTEGER NOT NULL,
              at_risk INTEGER NOT NULL,
              compliance REAL,
              verdict TEXT,
              PRIMARY KEY (run_id, position)
            )""",
            """
            CREATE TABLE team_result (
              run_id INTEGER NOT NULL REFERENCES run (id),
              position INTEGER NOT NULL,
              team TEXT,
              owner TEXT,
              met INTEGER NOT NULL,
              violated INTEGER NOT NULL,
              open INTEGER NOT NULL,
              at_risk INTEGER NOT NULL,
              compliance REAL,
              verdict TEXT,
              PRIMARY KEY (run_id, position)
            )""",
            """
            CREATE TABLE person_result (
              run_id INTEGER NOT NULL REFERENCES run (id),
              position INTEGER NOT NULL,
              person TEXT,
              team TEXT,
              met INTEGER NOT NULL,
              violated INTEGER NOT NULL,
              open INTEGER NOT NULL,
              at_risk INTEGER NOT NULL,
              critical_violations INTEGER NOT NULL,
              PRIMARY KEY (run_id, position)
            )""",
            """
            CREATE TABLE target_result (
              run_id INTEGER NOT NULL REFERENCES run (id),
              position INTEGER NOT NULL,
              clause_id TEXT,
              subject TEXT,
              team TEXT,
              metric TEXT,
              label TEXT,
              value REAL,
              expected TEXT,
              actual TEXT,
              status TEXT,
              PRIMARY KEY (run_id, position)
            )""",
            """
            CREATE TABLE data_quality (
              run_id INTEGER NOT NULL REFERENCES run (id),
              position INTEGER NOT NULL,
              check_id TEXT,
              title TEXT,
              findings INTEGER NOT NULL,
              PRIMARY KEY (run_id, position)
            )""");

    /** Reads one row into a value; column 1 is the first of the child's columns. */
    interface Reader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /**
     * A child table of {@code run}: its name, its columns after {@code run_id} and {@code position}, the values
     * of an item in that order, and how a row is read back.
     */
    record Child<T>(String table, List<String> columns, Function<T, List<Object>> values, Reader<T> reader) {

        String insert() {
            return "INSERT INTO " + table + " (run_id, position, " + String.join(", ", columns) + ") VALUES (?, ?"
                    + ", ?".repeat(columns.size()) + ")";
        }

        String select() {
            return "SELECT " + String.join(", ", columns) + " FROM " + table + " WHERE run_id = ? ORDER BY position";
        }
    }

    static final Child<ClauseRow> CLAUSES = new Child<>(
            "clause_result",
            List.of(
                    "clause_id",
                    "title",
                    "type",
                    "severity",
                    "team",
                    "objective",
                    "met",
                    "violated",
                    "open",
                    "at_risk",
                    "compliance",
                    "verdict"),
            c -> values(
                    c.clauseId(),
                    c.title(),
                    c.type(),
                    c.severity(),
                    c.team(),
                    c.objective(),
                    c.met(),
                    c.violated(),
                    c.open(),
                    c.atRisk(),
                    c.compliance(),
                    c.verdict()),
            x -> new ClauseRow(
                    x.getString(1),
                    x.getString(2),
                    x.getString(3),
                    x.getString(4),
                    x.getString(5),
                    real(x, 6),
                    x.getLong(7),
                    x.getLong(8),
                    x.getLong(9),
                    x.getLong(10),
                    real(x, 11),
                    x.getString(12)));

    static final Child<TeamRow> TEAMS = new Child<>(
            "team_result",
            List.of("team", "owner", "met", "violated", "open", "at_risk", "compliance", "verdict"),
            t -> values(t.team(), t.owner(), t.met(), t.violated(), t.open(), t.atRisk(), t.compliance(), t.verdict()),
            x -> new TeamRow(
                    x.getString(1),
                    x.getString(2),
                    x.getLong(3),
                    x.getLong(4),
                    x.getLong(5),
                    x.getLong(6),
                    real(x, 7),
                    x.getString(8)));

    static final Child<PersonRow> PEOPLE = new Child<>(
            "person_result",
            List.of("person", "team", "met", "violated", "open", "at_risk", "critical_violations"),
            p -> values(p.person(), p.team(), p.met(), p.violated(), p.open(), p.atRisk(), p.criticalViolations()),
            x -> new PersonRow(
                    x.getString(1),
                    x.getString(2),
                    x.getLong(3),
                    x.getLong(4),
                    x.getLong(5),
                    x.getLong(6),
                    x.getLong(7)));

    static final Child<TargetRow> TARGETS = new Child<>(
            "target_result",
            List.of("clause_id", "subject", "team", "metric", "label", "value", "expected", "actual", "status"),
            t -> values(
                    t.clauseId(),
                    t.subject(),
                    t.team(),
                    t.metric(),
                    t.label(),
                    t.value(),
                    t.expected(),
                    t.actual(),
                    t.status()),
            x -> new TargetRow(
                    x.getString(1),
                    x.getString(2),
                    x.getString(3),
                    x.getString(4),
                    x.getString(5),
                    real(x, 6),
                    x.getString(7),
                    x.getString(8),
                    x.getString(9)));

    static final Child<CheckRow> DATA_QUALITY = new Child<>(
            "data_quality",
            List.of("check_id", "title", "findings"),
            q -> values(q.checkId(), q.title(), q.findings()),
            x -> new CheckRow(x.getString(1), x.getString(2), x.getLong(3)));

    /** The values of a row, nulls allowed (List.of refuses them). */
    private static List<Object> values(Object... v) {
        return Arrays.asList(v);
    }

    /** A REAL column that may be NULL. */
    static Double real(ResultSet rs, int column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }
}
