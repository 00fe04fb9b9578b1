/*
 * Benchmark: l2r check against a hand-coded plain-Java pass and DuckDB SQL doing the same checks over the
 * same canonical leads.csv and agreement (bench/bench.yaml). docs/PERFORMANCE.md has the figures and the
 * machine; bench/run is the one command:
 *
 *   bench/run 10000 100000            sizes in leads; data is made once by bench/GenerateLeads.java
 *
 * Modes of this program (bench/run compiles it once, so no run pays for compiling it):
 *   run SIZE...                   generate (if missing), run the three tools, compare, print the table
 *   plain DATA_DIR OUT_DIR        the plain-Java single pass (no dependencies)
 *   duckdb DATA_DIR OUT_DIR       the same checks as DuckDB SQL (org.duckdb:duckdb_jdbc on the classpath)
 *   compare L2R_OUT PLAIN_OUT DUCKDB_OUT
 *
 * Each tool runs in a fresh JVM under /usr/bin/time -v (wall time includes JVM start; peak RSS from time).
 * The three must agree on every lead-level violation (clause, lead, deadline, late or missed) and every
 * target value (to 6 decimals, as l2r's accountability.json writes it) and met/not met; any disagreement is
 * printed (the first 10) and the run exits 1. l2r's violations.csv and accountability.json are read as l2r
 * writes them; the baselines write a small normalised CSV each.
 *
 * The checks, exactly as bench/bench.yaml states them (docs/AGREEMENTS.md semantics), period 2026-10 in
 * America/New_York, as-of its end:
 *   F1 inquiry -> auto_response within 5 minutes, where source in [web-form, demo-request, contact-sales,
 *      webinar, content-download]
 *   F2 mql -> first_touch within 8 business hours, in the zone and holidays of the lead's desk
 *   F3 mql -> first of [sal, rejected] within 2 business days, same calendar
 *   F4 sal -> sqo within 14 (calendar) days, local time of the lead's desk
 *   H1 at mql: score >= 60, company present, title present
 *   R1 rejected in the period with a reason from the agreed list
 *   T1 count(mql) >= 100; T2 conversion(mql, sal) >= 0.6; T3 the same per team (amer 0.5, emea 0.55,
 *   apac 0.45); T4 win_rate >= 0.45; T5 revenue >= 1000; T6 average_selling_price >= 35000;
 *   T7 sales_cycle_days <= 30
 */

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public final class Bench {

    // ---- the agreement, as the baselines hard-code it (bench/bench.yaml) ----------------------------

    static final ZoneId SLA_ZONE = ZoneId.of("America/New_York");
    static final String PERIOD = "2026-10";
    static final long START = LocalDate.of(2026, 10, 1).atStartOfDay(SLA_ZONE).toInstant().toEpochMilli();
    static final long END = LocalDate.of(2026, 11, 1).atStartOfDay(SLA_ZONE).toInstant().toEpochMilli();
    /** BENCH_AS_OF (ISO-8601 with offset, as l2r's --as-of), default the end of the period. */
    static final String AS_OF_TEXT = System.getenv().getOrDefault("BENCH_AS_OF", "2026-11-01T00:00:00-04:00");
    static final long AS_OF = OffsetDateTime.parse(AS_OF_TEXT).toInstant().toEpochMilli();
    static final List<LocalDate> COMMON_HOLIDAYS = List.of(LocalDate.of(2026, 10, 12), LocalDate.of(2026, 12, 25));
    /** Teams of the agreement with their clock zone and own holidays; other teams use the SLA zone. */
    static final Map<String, ZoneId> TEAM_ZONE = Map.of(
            "amer", ZoneId.of("America/New_York"), "emea", ZoneId.of("Europe/London"),
            "apac", ZoneId.of("Asia/Singapore"), "marketing", SLA_ZONE, "sales", SLA_ZONE);
    static final Map<String, List<LocalDate>> TEAM_HOLIDAYS = Map.of(
            "amer", List.of(LocalDate.of(2026, 11, 26)), "emea", List.of(LocalDate.of(2026, 10, 23)),
            "apac", List.of(LocalDate.of(2026, 11, 9)));
    static final Set<String> F1_SOURCES = Set.of("web-form", "demo-request", "contact-sales", "webinar", "content-download");
    static final Set<String> R1_REASONS = Set.of("no-budget", "no-authority", "no-need", "bad-timing", "duplicate",
            "bad-data", "wrong-geography");
    static final Map<String, Double> T3_MIN = Map.of("amer", 0.5, "emea", 0.55, "apac", 0.45);
    static final long MIN = 60_000L;
    static final long HOUR = 3_600_000L;

    public static void main(String[] args) throws Exception {
        String mode = args.length == 0 ? "" : args[0];
        switch (mode) {
            case "plain" -> Plain.run(Path.of(args[1]), Path.of(args[2]));
            case "duckdb" -> Duck.run(Path.of(args[1]), Path.of(args[2]));
            case "compare" -> System.exit(Compare.run(Path.of(args[1]), Path.of(args[2]), Path.of(args[3])) ? 0 : 1);
            case "run" -> System.exit(Runner.run(Arrays.copyOfRange(args, 1, args.length)));
            default -> {
                System.err.println("usage: Bench run SIZE... | plain DATA OUT | duckdb DATA OUT | compare L2R PLAIN DUCKDB");
                System.exit(2);
            }
        }
    }

    // ================================================================================================
    // Business calendar of the baselines: bench.yaml's hours (mon-thu 08:00-12:00 and 13:00-18:00, fri
    // 08:00-15:00) minus holidays, in a zone. Precomputed as an array of business intervals (spans) with the
    // business time before each, searched by binary search. (DuckDB builds the same table in SQL; l2r has
    // its own calendar code.)
    // ================================================================================================

    /** Business spans of a weekday, as pairs of local times. */
    static LocalTime[] spans(DayOfWeek w) {
        return switch (w) {
            case SATURDAY, SUNDAY -> new LocalTime[0];
            case FRIDAY -> new LocalTime[] {LocalTime.of(8, 0), LocalTime.of(15, 0)};
            default -> new LocalTime[] {LocalTime.of(8, 0), LocalTime.of(12, 0), LocalTime.of(13, 0), LocalTime.of(18, 0)};
        };
    }

    static final class Calendar {
        final ZoneId zone;
        final long[] open;
        final long[] close;
        final long[] before; // business ms before span k
        final int[] dayOf; // business day (index into days) of span k
        final List<LocalDate> days = new ArrayList<>();

        Calendar(ZoneId zone, List<LocalDate> holidays) {
            this.zone = zone;
            List<long[]> spans = new ArrayList<>();
            for (LocalDate d = LocalDate.of(2026, 6, 1); d.isBefore(LocalDate.of(2028, 1, 1)); d = d.plusDays(1)) {
                LocalTime[] s = spans(d.getDayOfWeek());
                if (s.length == 0 || holidays.contains(d)) continue;
                days.add(d);
                for (int i = 0; i < s.length; i += 2) {
                    spans.add(new long[] {ZonedDateTime.of(d, s[i], zone).toInstant().toEpochMilli(),
                        ZonedDateTime.of(d, s[i + 1], zone).toInstant().toEpochMilli(), days.size() - 1});
                }
            }
            int n = spans.size();
            open = new long[n];
            close = new long[n];
            before = new long[n];
            dayOf = new int[n];
            long cum = 0;
            for (int k = 0; k < n; k++) {
                open[k] = spans.get(k)[0];
                close[k] = spans.get(k)[1];
                dayOf[k] = (int) spans.get(k)[2];
                before[k] = cum;
                cum += close[k] - open[k];
            }
        }

        /** Index of the first span that closes after t (the clock starts there). */
        int startInterval(long t) {
            int lo = 0;
            int hi = close.length - 1;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (close[mid] > t) hi = mid;
                else lo = mid + 1;
            }
            return lo;
        }

        /** Deadline of a window of {@code ms} business time from t: the last instant still within it. */
        long addBusiness(long t, long ms) {
            int k = startInterval(t);
            long target = before[k] + Math.max(0, t - open[k]) + ms;
            // the last span whose business time before it is <= target: a window that ends exactly at a
            // closing time (or lunch) runs on to the next opening
            int lo = k;
            int hi = before.length - 1;
            while (lo < hi) {
                int mid = (lo + hi + 1) >>> 1;
                if (before[mid] <= target) lo = mid;
                else hi = mid - 1;
            }
            return open[lo] + (target - before[lo]);
        }

        /**
         * N business days: the same local time of day N business days after the (moved) start; when that is
         * not business time on that day (lunch, a Friday afternoon), the next opening after it.
         */
        long addBusinessDays(long t, int n) {
            int k = startInterval(t);
            long s = Math.max(t, open[k]);
            LocalTime tod = Instant.ofEpochMilli(s).atZone(zone).toLocalTime();
            long d = ZonedDateTime.of(days.get(dayOf[k] + n), tod, zone).toInstant().toEpochMilli();
            int j = startInterval(d);
            return Math.max(d, open[j]);
        }
    }

    static final Map<String, Calendar> CALENDARS = new HashMap<>();

    /** The clock calendar of a lead's team (owner: lead.team): its zone and holidays, else the SLA's. */
    static Calendar calendarOf(String team) {
        String key = team != null && TEAM_ZONE.containsKey(team) ? team : "";
        return CALENDARS.computeIfAbsent(key, k -> {
            List<LocalDate> h = new ArrayList<>(COMMON_HOLIDAYS);
            h.addAll(TEAM_HOLIDAYS.getOrDefault(k, List.of()));
            return new Calendar(k.isEmpty() ? SLA_ZONE : TEAM_ZONE.get(k), h);
        });
    }

    // ================================================================================================
    // (b) The plain-Java single pass
    // ================================================================================================

    static final class Plain {
        // target accumulators
        long mqls;
        long mqlSal;
        final Map<String, long[]> perTeam = new TreeMap<>(); // team -> {mql cohort, reached sal}
        long won;
        long lost;
        BigDecimal revenue = BigDecimal.ZERO;
        long wonWithAmount;
        final DoubleList cycle = new DoubleList();
        long violations;

        static void run(Path data, Path out) throws IOException {
            Files.createDirectories(out);
            Plain p = new Plain();
            try (BufferedReader in = Files.newBufferedReader(data.resolve("leads.csv"), StandardCharsets.UTF_8);
                    BufferedWriter w = Files.newBufferedWriter(out.resolve("violations.csv"), StandardCharsets.UTF_8)) {
                w.write("clause_id,lead_id,deadline,kind\n");
                p.pass(in, w);
            }
            p.writeTargets(out.resolve("targets.csv"));
        }

        // column indexes
        int cId, cTeam, cSource, cScore, cCompany, cTitle, cInquiry, cMql, cAuto, cTouch, cSal, cRej, cReason, cSqo,
                cAmount, cClosed, cOutcome, cCreated;

        void pass(BufferedReader in, BufferedWriter w) throws IOException {
            Row header = new Row(64);
            header.split(in.readLine());
            Map<String, Integer> col = new HashMap<>();
            for (int i = 0; i < header.n; i++) col.put(header.text(i), i);
            cId = col.get("lead_id");
            cCreated = col.get("created_at");
            cTeam = col.getOrDefault("team", -1);
            cSource = col.getOrDefault("source", -1);
            cScore = col.getOrDefault("score", -1);
            cCompany = col.getOrDefault("company", -1);
            cTitle = col.getOrDefault("title", -1);
            cInquiry = col.getOrDefault("inquiry_at", -1);
            cMql = col.getOrDefault("mql_at", -1);
            cAuto = col.getOrDefault("auto_response_at", -1);
            cTouch = col.getOrDefault("first_touch_at", -1);
            cSal = col.getOrDefault("sal_at", -1);
            cRej = col.getOrDefault("rejected_at", -1);
            cReason = col.getOrDefault("rejection_reason", -1);
            cSqo = col.getOrDefault("sqo_at", -1);
            cAmount = col.getOrDefault("amount", -1);
            cClosed = col.getOrDefault("closed_at", -1);
            cOutcome = col.getOrDefault("outcome", -1);
            Row r = new Row(header.n);
            String line;
            StringBuilder out = new StringBuilder(256);
            while ((line = in.readLine()) != null) {
                while (Row.openQuote(line)) {
                    String more = in.readLine();
                    if (more == null) break;
                    line = line + "\n" + more;
                }
                r.split(line);
                out.setLength(0);
                lead(r, out);
                if (out.length() > 0) w.append(out);
            }
        }

        void lead(Row r, StringBuilder out) {
            long created = r.time(cCreated);
            if (created == NONE || created > AS_OF) return; // not there yet at as-of
            String team = r.textOrNull(cTeam);
            long inquiry = r.time(cInquiry);
            long mql = r.time(cMql);
            long auto = r.time(cAuto);
            long touch = r.time(cTouch);
            long sal = r.time(cSal);
            long rej = r.time(cRej);
            long sqo = r.time(cSqo);
            long closed = r.time(cClosed);
            boolean mqlIn = in(mql);
            // F1
            if (in(inquiry) && cSource >= 0 && r.present(cSource) && F1_SOURCES.contains(r.text(cSource))) {
                followup(out, r, "F1", inquiry, auto, inquiry + 5 * MIN);
            }
            if (mqlIn) {
                Calendar cal = calendarOf(team);
                followup(out, r, "F2", mql, touch, cal.addBusiness(mql, 8 * HOUR));
                followup(out, r, "F3", mql, first(sal, rej), cal.addBusinessDays(mql, 2));
                // H1
                double score = r.number(cScore);
                if (!(score >= 60) || !r.present(cCompany) || !r.present(cTitle)) emit(out, r, "H1", NONE, "handoff");
                // T1..T3
                mqls++;
                if (sal != NONE) mqlSal++;
                if (team != null) {
                    long[] c = perTeam.computeIfAbsent(team, k -> new long[2]);
                    c[0]++;
                    if (sal != NONE) c[1]++;
                }
            } else if (team != null) {
                perTeam.computeIfAbsent(team, k -> new long[2]); // a team named on a lead is a subject
            }
            // F4
            if (in(sal)) {
                ZoneId z = calendarOf(team).zone;
                long due = Instant.ofEpochMilli(sal).atZone(z).plusDays(14).toInstant().toEpochMilli();
                followup(out, r, "F4", sal, sqo, due);
            }
            // R1
            if (in(rej)) {
                String reason = r.textOrNull(cReason);
                if (reason == null || !R1_REASONS.contains(reason)) emit(out, r, "R1", NONE, "rejection");
            }
            // T4..T7: won/lost at closed_at (at or before as-of) of a lead with that outcome
            if (in(closed) && cOutcome >= 0) {
                String o = r.text(cOutcome).toLowerCase(Locale.ROOT);
                if (o.equals("won")) {
                    won++;
                    double amount = r.number(cAmount);
                    if (!Double.isNaN(amount)) {
                        revenue = revenue.add(BigDecimal.valueOf(amount));
                        wonWithAmount++;
                    }
                    if (sqo != NONE) cycle.add((closed - sqo) / 86_400_000.0);
                } else if (o.equals("lost")) {
                    lost++;
                }
            }
        }

        static long first(long a, long b) {
            if (a == NONE) return b;
            if (b == NONE) return a;
            return Math.min(a, b);
        }

        void followup(StringBuilder out, Row r, String clause, long from, long stop, long deadline) {
            if (stop != NONE) {
                if (stop > deadline) emit(out, r, clause, deadline, "late");
            } else if (deadline <= AS_OF) {
                emit(out, r, clause, deadline, "missed");
            }
        }

        void emit(StringBuilder out, Row r, String clause, long deadline, String kind) {
            violations++;
            out.append(clause).append(',').append(r.text(cId)).append(',');
            if (deadline != NONE) out.append(Math.floorDiv(deadline, 1000));
            out.append(',').append(kind).append('\n');
        }

        void writeTargets(Path file) throws IOException {
            List<String> rows = new ArrayList<>();
            rows.add("clause_id,subject,value,met");
            if (true) rows.add(target("T1", "all", mqls, mqls >= 100));
            if (mqls > 0) {
                double c = (double) mqlSal / mqls;
                rows.add(target("T2", "all", c, c >= 0.6));
            }
            for (var e : perTeam.entrySet()) {
                Double min = T3_MIN.get(e.getKey());
                long[] c = e.getValue();
                if (min == null || c[0] == 0) continue;
                double v = (double) c[1] / c[0];
                rows.add(target("T3", e.getKey(), v, v >= min));
            }
            if (won + lost > 0) {
                double v = (double) won / (won + lost);
                rows.add(target("T4", "all", v, v >= 0.45));
            }
            rows.add(target("T5", "all", revenue.doubleValue(), revenue.doubleValue() >= 1000));
            if (wonWithAmount > 0) {
                double v = revenue.doubleValue() / wonWithAmount;
                rows.add(target("T6", "all", v, v >= 35000));
            }
            if (cycle.n > 0) {
                double v = cycle.median();
                rows.add(target("T7", "all", v, v <= 30));
            }
            Files.write(file, rows, StandardCharsets.UTF_8);
        }

        static String target(String id, String subject, double v, boolean met) {
            return id + "," + subject + "," + v + "," + met;
        }
    }

    static boolean in(long t) {
        return t != NONE && t >= START && t < END;
    }

    static final long NONE = Long.MIN_VALUE;

    static final class DoubleList {
        double[] a = new double[1024];
        int n;

        void add(double v) {
            if (n == a.length) a = Arrays.copyOf(a, n * 2);
            a[n++] = v;
        }

        double median() {
            double[] s = Arrays.copyOf(a, n);
            Arrays.sort(s);
            return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
        }
    }

    /** One CSV record split in place: field k is line[from[k], to[k]), quotes removed from the ends. */
    static final class Row {
        String line;
        int[] from;
        int[] to;
        boolean[] escaped;
        int n;

        Row(int cols) {
            from = new int[cols];
            to = new int[cols];
            escaped = new boolean[cols];
        }

        static boolean openQuote(String line) {
            boolean q = false;
            for (int i = 0; i < line.length(); i++) if (line.charAt(i) == '"') q = !q;
            return q;
        }

        void split(String s) {
            line = s;
            n = 0;
            int i = 0;
            int len = s.length();
            while (true) {
                if (n == from.length) {
                    from = Arrays.copyOf(from, n * 2);
                    to = Arrays.copyOf(to, n * 2);
                    escaped = Arrays.copyOf(escaped, n * 2);
                }
                if (i < len && s.charAt(i) == '"') {
                    int b = ++i;
                    boolean esc = false;
                    while (i < len) {
                        if (s.charAt(i) == '"') {
                            if (i + 1 < len && s.charAt(i + 1) == '"') {
                                esc = true;
                                i += 2;
                                continue;
                            }
                            break;
                        }
                        i++;
                    }
                    from[n] = b;
                    to[n] = i;
                    escaped[n] = esc;
                    n++;
                    i++; // closing quote
                    while (i < len && s.charAt(i) != ',') i++;
                } else {
                    int b = i;
                    while (i < len && s.charAt(i) != ',') i++;
                    from[n] = b;
                    to[n] = i;
                    escaped[n] = false;
                    n++;
                }
                if (i >= len) break;
                i++; // comma
            }
        }

        boolean present(int k) {
            if (k < 0 || k >= n) return false;
            for (int i = from[k]; i < to[k]; i++) if (!Character.isWhitespace(line.charAt(i))) return true;
            return false;
        }

        String text(int k) {
            if (k < 0 || k >= n) return "";
            String v = line.substring(from[k], to[k]);
            if (escaped[k]) v = v.replace("\"\"", "\"");
            return v.strip();
        }

        String textOrNull(int k) {
            return present(k) ? text(k) : null;
        }

        double number(int k) {
            if (!present(k)) return Double.NaN;
            return Double.parseDouble(text(k));
        }

        /** Epoch ms of an ISO-8601 timestamp, NONE when absent or after as-of. */
        long time(int k) {
            if (!present(k)) return NONE;
            long t = parseTime(line, from[k], to[k]);
            return t > AS_OF ? NONE : t;
        }
    }

    /** ISO-8601: date, date-time with optional seconds and fraction, optional Z / +HH:MM / +HHMM / +HH. */
    static long parseTime(String s, int b, int e) {
        while (b < e && s.charAt(b) == ' ') b++;
        while (e > b && s.charAt(e - 1) == ' ') e--;
        int y = dig(s, b, 4);
        int mo = dig(s, b + 5, 2);
        int d = dig(s, b + 8, 2);
        if (e - b == 10) return LocalDate.of(y, mo, d).atStartOfDay(SLA_ZONE).toInstant().toEpochMilli();
        int h = dig(s, b + 11, 2);
        int mi = dig(s, b + 14, 2);
        int sec = 0;
        int ms = 0;
        int i = b + 16;
        if (i < e && s.charAt(i) == ':') {
            sec = dig(s, i + 1, 2);
            i += 3;
            if (i < e && (s.charAt(i) == '.' || s.charAt(i) == ',')) {
                i++;
                int scale = 100;
                while (i < e && Character.isDigit(s.charAt(i))) {
                    ms += (s.charAt(i) - '0') * scale;
                    scale /= 10;
                    i++;
                }
            }
        }
        if (i == e) { // no offset: local time in the agreement's zone
            return LocalDateTime.of(y, mo, d, h, mi, sec, ms * 1_000_000).atZone(SLA_ZONE).toInstant().toEpochMilli();
        }
        int off = 0;
        char c = s.charAt(i);
        if (c != 'Z' && c != 'z') {
            int oh = dig(s, i + 1, 2);
            int om = e - i == 6 ? dig(s, i + 4, 2) : e - i == 5 ? dig(s, i + 3, 2) : 0;
            off = (oh * 60 + om) * 60 * (c == '-' ? -1 : 1);
        }
        long days = epochDay(y, mo, d);
        return ((days * 86400 + h * 3600 + mi * 60 + sec) - off) * 1000 + ms;
    }

    static int dig(String s, int at, int len) {
        int v = 0;
        for (int k = at; k < at + len; k++) v = v * 10 + (s.charAt(k) - '0');
        return v;
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
    static long epochDay(int y, int m, int d) {
        y -= m <= 2 ? 1 : 0;
        long era = Math.floorDiv(y, 400);
        long yoe = y - era * 400;
        long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146097 + doe - 719468;
    }

    // ================================================================================================
    // (c) DuckDB: the same checks in SQL. Business time uses a calendar table built in SQL (one row per
    // business day and desk, with the business time before it) and ASOF joins.
    // ================================================================================================

    static final class Duck {
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

    // ================================================================================================
    // Comparison
    // ================================================================================================

    record Target(String value, boolean met) {}

    /** Reads violations row by row: key "CLAUSE LEAD", value "deadline kind". */
    interface Rows {
        /** Calls back for each violation; returns how many. */
        long each(java.util.function.BiConsumer<String, String> row) throws IOException;
    }

    static final class Compare {
        /** A tool's output folder: l2r's own files, or the baselines' normalised CSVs. */
        record Side(String name, Path dir, boolean l2r) {
            Rows violations() {
                return l2r ? row -> l2rViolations(dir.resolve("violations.csv"), row)
                        : row -> ownViolations(dir.resolve("violations.csv"), row);
            }

            Map<String, Target> targets() throws IOException {
                return l2r ? l2rTargets(dir.resolve("accountability.json")) : ownTargets(dir.resolve("targets.csv"));
            }
        }

        static boolean run(Path l2r, Path plain, Path duck) throws IOException {
            Side ref = new Side("l2r", l2r, true);
            return pair(ref, new Side("plain Java", plain, false)) & pair(ref, new Side("DuckDB", duck, false));
        }

        /** Every violation and target value of {@code a} against {@code b}; prints the first 10 differences. */
        static boolean pair(Side a, Side b) throws IOException {
            Map<String, String> left = new HashMap<>();
            long na = a.violations().each(left::put);
            List<String> diff = new ArrayList<>();
            long[] count = new long[1];
            long nb = b.violations().each((k, v) -> {
                String mine = left.remove(k);
                if (!v.equals(mine) && count[0]++ < 10) {
                    diff.add(k + ": " + a.name() + " " + (mine == null ? "none" : mine) + ", " + b.name() + " " + v);
                }
            });
            for (var e : new TreeMap<>(left).entrySet()) {
                if (count[0]++ < 10) diff.add(e.getKey() + ": " + a.name() + " " + e.getValue() + ", " + b.name() + " none");
            }
            Map<String, Target> ta = a.targets();
            Map<String, Target> tb = b.targets();
            for (var e : ta.entrySet()) {
                Target o = tb.get(e.getKey());
                if (!e.getValue().equals(o) && count[0]++ < 10) {
                    diff.add(e.getKey() + ": " + a.name() + " " + e.getValue() + ", " + b.name() + " " + (o == null ? "not assessed" : o));
                }
            }
            for (var e : tb.entrySet()) {
                if (!ta.containsKey(e.getKey()) && count[0]++ < 10) {
                    diff.add(e.getKey() + ": " + a.name() + " not assessed, " + b.name() + " " + e.getValue());
                }
            }
            if (count[0] == 0) {
                System.out.printf(Locale.ROOT, "%s and %s agree: %,d violations, %d target values%n", a.name(), b.name(), na, ta.size());
                return true;
            }
            System.out.printf(Locale.ROOT, "%s and %s DISAGREE on %,d items (%s %,d violations, %s %,d):%n",
                    a.name(), b.name(), count[0], a.name(), na, b.name(), nb);
            for (String d : diff) System.out.println("  " + d);
            return false;
        }

        static long l2rViolations(Path file, java.util.function.BiConsumer<String, String> row) throws IOException {
            long n = 0;
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                List<String> head = csvRecord(in);
                int cClause = head.indexOf("clause_id");
                int cType = head.indexOf("type");
                int cSubject = head.indexOf("subject");
                int cActual = head.indexOf("actual");
                int cDeadline = head.indexOf("deadline");
                List<String> r;
                while ((r = csvRecord(in)) != null) {
                    String type = r.get(cType);
                    if (!type.equals("followup") && !type.equals("handoff") && !type.equals("rejection")) continue;
                    String deadline = r.get(cDeadline).isEmpty() ? ""
                            : Long.toString(OffsetDateTime.parse(r.get(cDeadline)).toEpochSecond());
                    String kind = type.equals("followup") ? (r.get(cActual).startsWith("no ") ? "missed" : "late") : type;
                    row.accept(r.get(cClause) + " " + r.get(cSubject), deadline + " " + kind);
                    n++;
                }
            }
            return n;
        }

        static long ownViolations(Path file, java.util.function.BiConsumer<String, String> row) throws IOException {
            long n = 0;
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                in.readLine();
                List<String> r;
                while ((r = csvRecord(in)) != null) {
                    row.accept(r.get(0) + " " + r.get(1), r.get(2) + " " + r.get(3));
                    n++;
                }
            }
            return n;
        }

        static final Pattern TARGET = Pattern.compile(
                "\\{\\s*\"clause_id\"\\s*:\\s*\"([^\"]*)\"\\s*,\\s*\"subject\"\\s*:\\s*\"([^\"]*)\".*?\"value\"\\s*:\\s*([-0-9.Ee+]+).*?\"met\"\\s*:\\s*(true|false)",
                Pattern.DOTALL);

        static Map<String, Target> l2rTargets(Path file) throws IOException {
            String json = Files.readString(file);
            int at = json.indexOf("\"targets\"");
            Map<String, Target> m = new TreeMap<>();
            if (at < 0) return m;
            Matcher x = TARGET.matcher(json.substring(at));
            while (x.find()) m.put(x.group(1) + " " + x.group(2), new Target(six(x.group(3)), Boolean.parseBoolean(x.group(4))));
            return m;
        }

        static Map<String, Target> ownTargets(Path file) throws IOException {
            Map<String, Target> m = new TreeMap<>();
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                in.readLine();
                List<String> r;
                while ((r = csvRecord(in)) != null) m.put(r.get(0) + " " + r.get(1), new Target(six(r.get(2)), Boolean.parseBoolean(r.get(3))));
            }
            return m;
        }

        /** A value as l2r writes it: rounded half up to 6 decimals, trailing zeros dropped. */
        static String six(String v) {
            return new BigDecimal(new BigDecimal(v).setScale(6, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString()).toPlainString();
        }

        /** One RFC 4180 record (quoted fields may hold commas, quotes and newlines), or null at the end. */
        static List<String> csvRecord(BufferedReader in) throws IOException {
            String line = in.readLine();
            if (line == null) return null;
            List<String> out = new ArrayList<>();
            StringBuilder f = new StringBuilder();
            boolean q = false;
            int i = 0;
            while (true) {
                if (i == line.length()) {
                    if (q) {
                        String more = in.readLine();
                        if (more == null) break;
                        f.append('\n');
                        line = more;
                        i = 0;
                        continue;
                    }
                    break;
                }
                char c = line.charAt(i++);
                if (q) {
                    if (c == '"') {
                        if (i < line.length() && line.charAt(i) == '"') {
                            f.append('"');
                            i++;
                        } else q = false;
                    } else f.append(c);
                } else if (c == '"') q = true;
                else if (c == ',') {
                    out.add(f.toString());
                    f.setLength(0);
                } else f.append(c);
            }
            out.add(f.toString());
            return out;
        }
    }

    // ================================================================================================
    // The runner: data, three tools in fresh processes, comparison, table
    // ================================================================================================

    record Result(String tool, double wall, double cpu, double rssMb, int exit) {}

    static final class Runner {
        static int run(String[] sizes) throws Exception {
            Path home = Path.of(System.getProperty("bench.home", ".")).toAbsolutePath().normalize();
            Path dataRoot = Path.of(System.getenv().getOrDefault("BENCH_DATA", "/tmp/l2r-bench"));
            String classes = System.getProperty("bench.classes");
            String duckJar = System.getProperty("bench.duckdb");
            String rate = System.getenv().getOrDefault("BENCH_VIOLATION_RATE", "0.2");
            String java = ProcessHandle.current().info().command().orElse("java");
            boolean ok = true;
            List<String> table = new ArrayList<>();
            table.add("| Leads | Tool | Wall s | CPU s | Peak RSS MB | Wall × plain Java | Wall × DuckDB | CPU × plain Java | CPU × DuckDB |");
            table.add("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
            for (String sz : sizes) {
                long n = Long.parseLong(sz.replace("_", ""));
                // the generator's digest in the name: data made by an older generator is not reused
                Path data = dataRoot.resolve("leads-" + n + "-" + rate + "-" + digest(home.resolve("bench/GenerateLeads.java")));
                if (!Files.exists(data.resolve("leads.csv"))) {
                    System.out.printf(Locale.ROOT, "generating %,d leads into %s%n", n, data);
                    long t0 = System.nanoTime();
                    int rc = new ProcessBuilder(java, home.resolve("bench/GenerateLeads.java").toString(), data.toString(), Long.toString(n), rate)
                            .inheritIO().start().waitFor();
                    if (rc != 0) throw new IllegalStateException("generator failed");
                    System.out.printf(Locale.ROOT, "generated in %.1f s (%,d MB)%n", (System.nanoTime() - t0) / 1e9,
                            Files.size(data.resolve("leads.csv")) >> 20);
                }
                Path out = dataRoot.resolve("out-" + n);
                System.out.printf(Locale.ROOT, "%n== %,d leads (%,d MB), load average %s%n", n,
                        Files.size(data.resolve("leads.csv")) >> 20, loadAverage());
                // GC log for "where the time goes": pauses and heap in use at the collections
                Files.createDirectories(out);
                Path gcLog = out.resolve("l2r-gc.log");
                String opts = (System.getenv().getOrDefault("L2R_JAVA_OPTS", "") + " -Xlog:gc:file=" + gcLog).trim();
                Result l2r = time("l2r", out.resolve("l2r.log"), Map.of("L2R_TIMING", "1", "L2R_JAVA_OPTS", opts),
                        home.resolve("l2r").toString(), "check", "--sla", home.resolve("bench/bench.yaml").toString(),
                        "--data", data.toString(), "--period", PERIOD, "--as-of", AS_OF_TEXT, "--out", out.resolve("l2r").toString(),
                        "--fail-on", "none");
                Result plain = time("plain Java", out.resolve("plain.log"), Map.of(),
                        java, "-cp", classes, "Bench", "plain", data.toString(), out.resolve("plain").toString());
                Result duck = time("DuckDB", out.resolve("duckdb.log"), Map.of(),
                        java, "-cp", classes + File.pathSeparator + duckJar, "Bench", "duckdb", data.toString(),
                        out.resolve("duckdb").toString());
                for (Result r : List.of(l2r, plain, duck)) {
                    if (r.exit() != 0) {
                        ok = false;
                        String log = Files.readString(out.resolve(r.tool().equals("l2r") ? "l2r.log" : r.tool().equals("DuckDB") ? "duckdb.log" : "plain.log"));
                        String why = r.exit() == TIMED_OUT ? "stopped after BENCH_TIMEOUT=" + TIMEOUT_S + " s"
                                : log.contains("OutOfMemoryError") ? "OutOfMemoryError" : "exit " + r.exit();
                        System.out.println(r.tool() + " failed (" + why + "); see " + out);
                    }
                }
                if (l2r.exit() == 0 && plain.exit() == 0 && duck.exit() == 0) {
                    ok &= Compare.run(out.resolve("l2r"), out.resolve("plain"), out.resolve("duckdb"));
                } else if (plain.exit() == 0 && duck.exit() == 0) {
                    System.out.println("l2r did not finish: the baselines are compared with each other");
                    ok &= Compare.pair(new Compare.Side("plain Java", out.resolve("plain"), false),
                            new Compare.Side("DuckDB", out.resolve("duckdb"), false));
                }
                for (Result r : List.of(l2r, plain, duck)) {
                    String mark = r.exit() == 0 ? "" : r.exit() == TIMED_OUT ? " (stopped, did not finish)" : " (failed)";
                    table.add(String.format(Locale.ROOT, "| %,d | %s%s | %.2f | %.2f | %,.0f | %.1f | %.1f | %.1f | %.1f |", n, r.tool(),
                            mark, r.wall(), r.cpu(), r.rssMb(), r.wall() / plain.wall(), r.wall() / duck.wall(),
                            r.cpu() / plain.cpu(), r.cpu() / duck.cpu()));
                }
                System.out.println(gcSummary(gcLog));
                System.out.println("l2r steps (L2R_TIMING):");
                for (String line : Files.readAllLines(out.resolve("l2r.log"))) {
                    if (line.startsWith("[")) System.out.println("  " + line);
                }
            }
            System.out.println();
            table.forEach(System.out::println);
            System.out.println(ok ? "\nall three agree" : "\nDISAGREEMENT or failure: see above");
            return ok ? 0 : 1;
        }

        static final Pattern PAUSE = Pattern.compile("Pause .*? (\\d+)M->(\\d+)M\\((\\d+)M\\) ([\\d.]+)ms");

        /** GC pauses of the l2r run, and the most heap in use (at the start of a collection) and committed. */
        static String gcSummary(Path gcLog) throws IOException {
            if (!Files.exists(gcLog)) return "l2r GC: no log";
            long pauses = 0;
            double ms = 0;
            long used = 0;
            long committed = 0;
            for (String line : Files.readAllLines(gcLog)) {
                Matcher m = PAUSE.matcher(line);
                if (!m.find()) continue;
                pauses++;
                used = Math.max(used, Long.parseLong(m.group(1)));
                committed = Math.max(committed, Long.parseLong(m.group(3)));
                ms += Double.parseDouble(m.group(4));
            }
            return String.format(Locale.ROOT, "l2r GC: %,d pauses, %.2f s paused; heap in use up to %,d MB (committed %,d MB)",
                    pauses, ms / 1000, used, committed);
        }

        static String digest(Path file) throws Exception {
            byte[] h = java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
            return String.format("%02x%02x%02x%02x", h[0], h[1], h[2], h[3]);
        }

        static String loadAverage() {
            try {
                String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
                return f[0] + " " + f[1] + " " + f[2];
            } catch (IOException e) {
                return "?";
            }
        }

        static final long TIMEOUT_S = Long.parseLong(System.getenv().getOrDefault("BENCH_TIMEOUT", "1800"));
        static final int TIMED_OUT = -1;
        static final int REPEAT = Integer.parseInt(System.getenv().getOrDefault("BENCH_REPEAT", "1"));

        /** The fastest of BENCH_REPEAT runs (default 1): on a shared machine the minimum is the least disturbed. */
        static Result time(String tool, Path log, Map<String, String> env, String... cmd) throws Exception {
            Result best = null;
            for (int i = 0; i < REPEAT; i++) {
                Result r = once(tool, log, env, cmd);
                if (r.exit() != 0) return r;
                if (best == null || r.wall() < best.wall()) best = r;
            }
            return best;
        }

        static Result once(String tool, Path log, Map<String, String> env, String... cmd) throws Exception {
            Files.createDirectories(log.getParent());
            List<String> full = new ArrayList<>(List.of("/usr/bin/time", "-v"));
            full.addAll(List.of(cmd));
            ProcessBuilder pb = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().putAll(env);
            long t0 = System.nanoTime();
            Process p = pb.start();
            int rc;
            if (p.waitFor(TIMEOUT_S, java.util.concurrent.TimeUnit.SECONDS)) {
                rc = p.exitValue();
            } else { // stop the tool (time's child and its children), keep what it printed
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor();
                rc = TIMED_OUT;
            }
            double wall = (System.nanoTime() - t0) / 1e9;
            double rss = 0;
            double cpu = 0;
            for (String line : Files.readAllLines(log)) {
                line = line.trim();
                String value = line.substring(line.indexOf(':') + 1).trim();
                if (line.startsWith("Maximum resident set size (kbytes):")) rss = Long.parseLong(value) / 1024.0;
                if (line.startsWith("User time (seconds):") || line.startsWith("System time (seconds):")) cpu += Double.parseDouble(value);
            }
            System.out.printf(Locale.ROOT, "%-10s %7.2f s wall  %7.2f s CPU  %,7.0f MB  exit %d%n", tool, wall, cpu, rss, rc);
            return new Result(tool, wall, cpu, rss, rc);
        }
    }
}
