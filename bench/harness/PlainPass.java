package harness;

import static harness.Sla.*;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The plain-Java single pass: one read of leads.csv with a hand-written field splitter and timestamp
 * parser, the clauses of bench.yaml computed on the way; writes violations.csv and targets.csv.
 */
final class PlainPass {
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
        PlainPass p = new PlainPass();
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
            BusinessCalendar cal = calendarOf(team);
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
        rows.add(target("T1", "all", mqls, mqls >= 100)); // a count is always assessed
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
}
