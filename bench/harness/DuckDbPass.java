package harness;

import static harness.Sla.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * (c) DuckDB: the same checks in SQL. Business time uses a calendar table built in SQL (one row per
 * business day and desk, with the business time before it) and ASOF joins.
 */
final class DuckDbPass {
    static void run(Path data, Path out) throws Exception {
        Files.createDirectories(out);
        String leads = data.resolve("leads.csv").toAbsolutePath().toString().replace("'", "''");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            for (String sql : script(leads, out)) s.execute(sql);
        }
    }

    static String ts(String col) {
        // events after as-of have not happened yet
        return "CASE WHEN CAST(" + col + " AS TIMESTAMPTZ) <= TIMESTAMPTZ '" + AS_OF_TEXT + "' THEN CAST(" + col
                + " AS TIMESTAMPTZ) END AS " + col;
    }

    static List<String> script(String leads, Path out) {
        String v = out.resolve("violations.csv").toAbsolutePath().toString().replace("'", "''");
        String t = out.resolve("targets.csv").toAbsolutePath().toString().replace("'", "''");
        List<String> q = new ArrayList<>();
        // timestamps without an offset are read in the agreement's zone
        q.add("SET TimeZone = 'America/New_York'");
        q.add("CREATE TABLE p AS SELECT TIMESTAMPTZ '2026-10-01 00:00:00-04:00' AS start_ts, "
                + "TIMESTAMPTZ '2026-11-01 00:00:00-04:00' AS end_ts, TIMESTAMPTZ '" + AS_OF_TEXT + "' AS as_of");
        q.add("CREATE TABLE leads AS SELECT lead_id, NULLIF(trim(team), '') AS team, NULLIF(trim(source), '') AS source, "
                + "TRY_CAST(NULLIF(trim(score), '') AS DOUBLE) AS score, NULLIF(trim(company), '') AS company, "
                + "NULLIF(trim(title), '') AS title, NULLIF(trim(rejection_reason), '') AS rejection_reason, "
                + "CAST(NULLIF(trim(amount), '') AS DOUBLE) AS amount, lower(trim(outcome)) AS outcome, "
                + String.join(", ", ts("created_at"), ts("inquiry_at"), ts("mql_at"), ts("auto_response_at"),
                        ts("first_touch_at"), ts("sal_at"), ts("rejected_at"), ts("sqo_at"), ts("closed_at"))
                + " FROM read_csv('" + leads + "', header = true, all_varchar = true, quote = '\"', escape = '\"')");
        q.add("DELETE FROM leads WHERE created_at IS NULL"); // created after as-of: not there yet
        // the clock calendar of each desk: zone and holidays (owner: lead.team; other teams: the SLA's)
        q.add("CREATE TABLE desks AS SELECT * FROM (VALUES "
                + "('amer', 'America/New_York', [DATE '2026-11-26']), "
                + "('emea', 'Europe/London', [DATE '2026-10-23']), "
                + "('apac', 'Asia/Singapore', [DATE '2026-11-09']), "
                + "('marketing', 'America/New_York', []::DATE[]), ('sales', 'America/New_York', []::DATE[]), "
                + "('', 'America/New_York', []::DATE[])) d(desk, zone, holidays)");
        // bench.yaml's business hours: mon-thu 08:00-12:00 and 13:00-18:00, fri 08:00-15:00
        q.add("CREATE TABLE spans AS SELECT dow, o, c FROM range(1, 5) r(dow), "
                + "(VALUES (TIME '08:00', TIME '12:00'), (TIME '13:00', TIME '18:00')) x(o, c) "
                + "UNION ALL SELECT 5, TIME '08:00', TIME '15:00'");
        // one row per business span and desk: its business day (dk), its place (k), the business time before it
        q.add("CREATE TABLE biz AS SELECT desk, zone, day, dense_rank() OVER (PARTITION BY desk ORDER BY day) AS dk, "
                + "row_number() OVER (PARTITION BY desk ORDER BY open_ts) AS k, open_ts, close_ts, "
                + "coalesce(sum(epoch_ms(close_ts) - epoch_ms(open_ts)) OVER (PARTITION BY desk ORDER BY open_ts "
                + "ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS before_ms FROM ("
                + "SELECT desk, zone, g.day::DATE AS day, timezone(zone, g.day::DATE + s.o) AS open_ts, "
                + "timezone(zone, g.day::DATE + s.c) AS close_ts "
                + "FROM desks, generate_series(TIMESTAMP '2026-06-01', TIMESTAMP '2027-12-31', INTERVAL 1 DAY) g(day) "
                + "JOIN spans s ON s.dow = isodow(g.day) "
                + "WHERE NOT list_contains(holidays || [DATE '2026-10-12', DATE '2026-12-25'], g.day::DATE))");
        q.add("CREATE TABLE leads2 AS SELECT l.*, d.desk, d.zone FROM leads l JOIN desks d "
                + "ON d.desk = CASE WHEN l.team IN ('amer', 'emea', 'apac', 'marketing', 'sales') THEN l.team ELSE '' END");
        // clocks: one row per item (clause, lead, from, first stop)
        q.add("CREATE TABLE items AS "
                + "SELECT 'F2' AS clause_id, lead_id, desk, zone, mql_at AS from_ts, first_touch_at AS stop_ts FROM leads2, p "
                + "  WHERE mql_at >= start_ts AND mql_at < end_ts "
                + "UNION ALL SELECT 'F3', lead_id, desk, zone, mql_at, least(sal_at, rejected_at) FROM leads2, p "
                + "  WHERE mql_at >= start_ts AND mql_at < end_ts");
        // the moved start: the first business interval closing after from (greatest opening <= from, else
        // the next one), and the business time before the start
        q.add("CREATE TABLE started AS SELECT i.*, b.k, b.dk, "
                + "CASE WHEN i.from_ts < b.close_ts THEN b.before_ms + (epoch_ms(i.from_ts) - epoch_ms(b.open_ts)) "
                + "     ELSE b.before_ms + (epoch_ms(b.close_ts) - epoch_ms(b.open_ts)) END AS start_ms, "
                + "CASE WHEN i.from_ts < b.close_ts THEN i.from_ts ELSE NULL END AS moved "
                + "FROM items i ASOF JOIN biz b ON i.desk = b.desk AND i.from_ts >= b.open_ts");
        // F2, 8 business hours: the last business interval with business time before it <= start + window
        q.add("CREATE TABLE deadlines AS "
                + "SELECT s.clause_id, s.lead_id, s.stop_ts, "
                + "  b.open_ts + to_milliseconds(CAST(s.start_ms + 8 * 3600000 - b.before_ms AS BIGINT)) AS deadline "
                + "FROM (SELECT *, start_ms + 8 * 3600000 AS target FROM started WHERE clause_id = 'F2') s "
                + "ASOF JOIN biz b ON s.desk = b.desk AND s.target >= b.before_ms");
        // F3, 2 business days: the same local time of day 2 business days after the moved start; when that
        // is not business time on that day (lunch, Friday afternoon), the next opening after it
        q.add("CREATE TABLE f3start AS SELECT st.lead_id, st.desk, st.zone, st.stop_ts, "
                + "CASE WHEN st.moved IS NULL THEN nb.open_ts ELSE st.moved END AS s, "
                + "CASE WHEN st.moved IS NULL THEN nb.dk ELSE st.dk END AS sdk "
                + "FROM started st JOIN biz nb ON nb.desk = st.desk AND nb.k = st.k + 1 WHERE st.clause_id = 'F3'");
        q.add("CREATE TABLE f3cand AS SELECT f.lead_id, f.desk, f.stop_ts, "
                + "timezone(f.zone, t.day + (timezone(f.zone, f.s) - date_trunc('day', timezone(f.zone, f.s)))) AS cand "
                + "FROM f3start f JOIN (SELECT DISTINCT desk, dk, day FROM biz) t ON t.desk = f.desk AND t.dk = f.sdk + 2");
        q.add("INSERT INTO deadlines SELECT 'F3', a.lead_id, a.stop_ts, "
                + "CASE WHEN a.cand < a.close_ts THEN a.cand ELSE nb.open_ts END "
                + "FROM (SELECT c.*, b.k, b.close_ts FROM f3cand c ASOF JOIN biz b ON c.desk = b.desk AND c.cand >= b.open_ts) a "
                + "JOIN biz nb ON nb.desk = a.desk AND nb.k = a.k + 1");
        // F1, 5 minutes of real time
        q.add("INSERT INTO deadlines SELECT 'F1', lead_id, auto_response_at, inquiry_at + INTERVAL 5 MINUTE FROM leads2, p "
                + "WHERE inquiry_at >= start_ts AND inquiry_at < end_ts "
                + "AND source IN ('web-form', 'demo-request', 'contact-sales', 'webinar', 'content-download')");
        // F4, 14 days: the same local time 14 days later in the desk's zone; a local time that occurs twice
        // (autumn overlap) takes the earlier offset, as java.time does
        q.add("INSERT INTO deadlines SELECT 'F4', lead_id, sqo_at, "
                + "CASE WHEN timezone(zone, cand - INTERVAL 1 HOUR) = loc THEN cand - INTERVAL 1 HOUR ELSE cand END "
                + "FROM (SELECT lead_id, sqo_at, zone, timezone(zone, sal_at) + INTERVAL 14 DAY AS loc, "
                + "      timezone(zone, timezone(zone, sal_at) + INTERVAL 14 DAY) AS cand FROM leads2, p "
                + "      WHERE sal_at >= start_ts AND sal_at < end_ts)");
        q.add("COPY ("
                + "SELECT clause_id, lead_id, CAST(floor(epoch_ms(deadline) / 1000) AS BIGINT) AS deadline, "
                + "  CASE WHEN stop_ts IS NOT NULL THEN 'late' ELSE 'missed' END AS kind "
                + "FROM deadlines, p WHERE (stop_ts IS NOT NULL AND stop_ts > deadline) OR (stop_ts IS NULL AND deadline <= as_of) "
                + "UNION ALL SELECT 'H1', lead_id, NULL, 'handoff' FROM leads2, p WHERE mql_at >= start_ts AND mql_at < end_ts "
                + "  AND NOT (coalesce(score >= 60, false) AND company IS NOT NULL AND title IS NOT NULL) "
                + "UNION ALL SELECT 'R1', lead_id, NULL, 'rejection' FROM leads2, p WHERE rejected_at >= start_ts AND rejected_at < end_ts "
                + "  AND (rejection_reason IS NULL OR rejection_reason NOT IN "
                + "       ('no-budget', 'no-authority', 'no-need', 'bad-timing', 'duplicate', 'bad-data', 'wrong-geography'))"
                + ") TO '" + v + "' (HEADER, DELIMITER ',')");
        String inMql = "mql_at >= start_ts AND mql_at < end_ts";
        String won = "outcome = 'won' AND closed_at >= start_ts AND closed_at < end_ts";
        String lost = "outcome = 'lost' AND closed_at >= start_ts AND closed_at < end_ts";
        q.add("COPY ("
                + "SELECT 'T1' AS clause_id, 'all' AS subject, count(*)::DOUBLE AS value, count(*) >= 100 AS met FROM leads2, p WHERE " + inMql
                + " UNION ALL SELECT 'T2', 'all', x, x >= 0.6 FROM (SELECT count(sal_at) / count(*) AS x FROM leads2, p WHERE " + inMql + ") WHERE x IS NOT NULL"
                + " UNION ALL SELECT 'T3', t.team, x, x >= m.lo FROM (SELECT team, count(sal_at) / count(*) AS x FROM leads2, p WHERE " + inMql
                + "   AND team IS NOT NULL GROUP BY team) t JOIN (VALUES ('amer', 0.5), ('emea', 0.55), ('apac', 0.45)) m(team, lo) ON m.team = t.team"
                + " UNION ALL SELECT 'T4', 'all', x, x >= 0.45 FROM (SELECT count(*) FILTER (WHERE " + won + ") / "
                + "   nullif(count(*) FILTER (WHERE " + won + " OR " + lost + "), 0) AS x FROM leads2, p) WHERE x IS NOT NULL"
                + " UNION ALL SELECT 'T5', 'all', coalesce(sum(amount), 0), coalesce(sum(amount), 0) >= 1000 FROM leads2, p WHERE " + won
                + " UNION ALL SELECT 'T6', 'all', x, x >= 35000 FROM (SELECT avg(amount) AS x FROM leads2, p WHERE " + won + ") WHERE x IS NOT NULL"
                + " UNION ALL SELECT 'T7', 'all', x, x <= 30 FROM (SELECT median((epoch_ms(closed_at) - epoch_ms(sqo_at)) / 86400000.0) AS x "
                + "   FROM leads2, p WHERE " + won + " AND sqo_at IS NOT NULL) WHERE x IS NOT NULL"
                + ") TO '" + t + "' (HEADER, DELIMITER ',')");
        return q;
    }
}
