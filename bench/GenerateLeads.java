/*
 * Writes a canonical leads.csv (and metrics.csv) of N leads for the benchmark (docs/PERFORMANCE.md,
 * "Benchmark: l2r against plain Java and DuckDB"): the month 2026-10 of a B2B company with three SDR desks in
 * three time zones, plus the August and September history whose deals close in October.
 *
 *   java bench/GenerateLeads.java OUT_DIR LEADS [VIOLATION_RATE=0.2]
 *
 * Single file, Java 17, no dependencies. Deterministic: one SplittableRandom with a fixed seed, Locale-free
 * formatting; the same arguments give the same bytes. Streams: memory does not grow with LEADS.
 *
 * What the data looks like (bench/bench.yaml is the agreement it is checked against):
 *  - Desks amer (America/New_York, 50%), emea (Europe/London, 30%), apac (Asia/Singapore, 20%); 0.2% of
 *    leads have no team. Owners are Zipf-skewed within a desk (a few reps work most leads).
 *  - Channels (organic, paid-search, paid-social, events, partner, outbound) with their sources; campaigns
 *    Zipf-skewed within a channel. Leads arrive mostly in local office hours, fewer at weekends.
 *  - Funnel: inquiry -> auto-response -> MQL (62%) -> first touch -> accepted (sal) or rejected with a
 *    reason -> sqo -> won/lost with an amount. Timestamps carry the desk's UTC offset (marketing automation
 *    writes auto_response_at in UTC, with Z). Events after the month are in the file, as in a later export.
 *  - VIOLATION_RATE (0..1) is the share of each promise broken: late or missing auto-responses, first
 *    touches and accept/reject decisions, slow opportunities, MQLs below the handoff criteria, rejections
 *    without an agreed reason. About 1% of the clocks stop exactly at the deadline or one second after it, and
 *    some start at closing time, at lunch, on a Friday afternoon or on a holiday, where business-time
 *    arithmetic goes wrong.
 */

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Set;
import java.util.SplittableRandom;

public final class GenerateLeads {

    static final long SEED = 20261001L;
    static final ZoneId NY = ZoneId.of("America/New_York");
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final ZoneId SINGAPORE = ZoneId.of("Asia/Singapore");

    /** Leads are created from here to the end of October (New York); 65% of them in October. */
    static final LocalDate HISTORY_FROM = LocalDate.of(2026, 8, 1);
    static final LocalDate MONTH = LocalDate.of(2026, 10, 1);

    static final String HEADER = "lead_id,created_at,source,channel,campaign,team,owner,score,company,title,email,"
            + "country,inquiry_at,mql_at,auto_response_at,first_touch_at,sal_at,rejected_at,rejection_reason,"
            + "sqo_at,opportunity_id,amount,closed_at,outcome\n";

    /** A desk: its zone, the holidays its business clock skips (agreement-wide plus its own) and its reps. */
    record Desk(String id, ZoneId zone, Set<LocalDate> holidays, String[] owners, double[] ownerCdf, String[] countries,
            BusinessDays days) {}

    static final Set<LocalDate> COMMON = Set.of(LocalDate.of(2026, 10, 12), LocalDate.of(2026, 12, 25));

    static final String[] FIRST = {"Maya", "Jordan", "Chris", "Taylor", "Alex", "Sam", "Priya", "Marcus", "Elena",
            "David", "Hannah", "Ben", "Grace", "Omar", "Olivia", "Lukas", "Chloe", "Sven", "Wei", "Aisha", "Hiroshi",
            "Mei", "Arjun", "Fatima", "Noah", "Emma", "Liam", "Sofia", "Mateo", "Ingrid", "Kwame", "Yuki"};
    static final String[] LAST = {"Patel", "Reyes", "Okafor", "Brooks", "Moreno", "Whitfield", "Raman", "Feld",
            "Vasquez", "Cho", "Greene", "Carter", "Liu", "Haddad", "Hughes", "Becker", "Dubois", "Larsson", "Tan",
            "Khan", "Sato", "Lim", "Nair", "Rahman", "Kim", "Jansen", "Murphy", "Costa", "Silva", "Nilsson"};
    static final String[] WORD1 = {"Granite", "Harbor", "Cedar", "Summit", "Bright", "Copper", "Maple", "Silver",
            "River", "Falcon", "Juniper", "Atlas", "Beacon", "Crescent", "Evergreen", "Ironwood", "Lakeside",
            "Meadow", "Northgate", "Pinecrest", "Redwood", "Sterling", "Tidewater", "Westfield", "Willow"};
    static final String[] WORD2 = {"Logistics", "Health", "Foods", "Analytics", "Manufacturing", "Insurance",
            "Retail", "Energy", "Labs", "Software", "Media", "Freight", "Capital", "Pharma", "Robotics", "Systems"};
    static final String[] TITLES = {"Director of Analytics", "VP Finance", "Head of Business Intelligence",
            "Analytics Manager", "Data Engineering Lead", "Chief Financial Officer", "VP Operations",
            "Senior Data Analyst", "FP&A Manager", "Director, Revenue Operations", "Chief Data Officer",
            "Controller", "Head of Data", "Marketing Coordinator", "Consultant", "Software Engineer"};

    static final String[] CHANNELS = {"organic", "paid-search", "paid-social", "events", "partner", "outbound"};
    static final double[] CHANNEL_CDF = cdf(28, 22, 14, 12, 12, 12);
    static final String[][] SOURCES = {
        {"web-form", "content-download", "demo-request", "contact-sales"},
        {"demo-request", "web-form", "contact-sales"},
        {"content-download", "webinar", "web-form"},
        {"badge-scan", "webinar"},
        {"partner-referral"},
        {"outbound-call"}};
    /** Sources that get the automatic reply (and so the 5-minute clock of bench.yaml). */
    static final Set<String> AUTO_REPLIED = Set.of("web-form", "demo-request", "contact-sales", "webinar", "content-download");

    static final String[] REASONS = {"no-budget", "no-authority", "no-need", "bad-timing", "duplicate", "bad-data",
            "wrong-geography"};
    static final double[] REASON_CDF = cdf(22, 12, 18, 20, 10, 10, 8);
    /** Reasons sales writes that the agreement does not list (case and wording differ). */
    static final String[] BAD_REASONS = {"not-interested", "other", "No-Budget", "spam", "bad timing"};

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: java bench/GenerateLeads.java OUT_DIR LEADS [VIOLATION_RATE=0.2]");
            System.exit(2);
        }
        Path out = Files.createDirectories(Path.of(args[0]));
        long n = Long.parseLong(args[1].replace("_", ""));
        double v = args.length > 2 ? Double.parseDouble(args[2]) : 0.2;
        if (n < 1 || v < 0 || v > 1) throw new IllegalArgumentException("LEADS >= 1, 0 <= VIOLATION_RATE <= 1");
        GenerateLeads g = new GenerateLeads(v);
        try (BufferedWriter w = Files.newBufferedWriter(out.resolve("leads.csv"), StandardCharsets.UTF_8)) {
            w.write(HEADER);
            StringBuilder sb = new StringBuilder(512);
            for (long i = 0; i < n; i++) {
                sb.setLength(0);
                g.lead(i, sb);
                w.append(sb);
            }
        }
        try (BufferedWriter w = Files.newBufferedWriter(out.resolve("metrics.csv"), StandardCharsets.UTF_8)) {
            w.write("period,team,metric,value\n");
            w.write("2026-10,,visitors," + n * 40 + "\n");
            w.write("2026-10,,spend," + n * 12 + "\n");
            w.write("2026-10,amer,quota," + n * 600 + "\n");
            w.write("2026-10,emea,quota," + n * 360 + "\n");
            w.write("2026-10,apac,quota," + n * 240 + "\n");
        }
    }

    // ------------------------------------------------------------------------------------------------

    final double v;
    final SplittableRandom r = new SplittableRandom(SEED);
    final Desk[] desks;
    final double[] deskCdf = cdf(50, 30, 20);
    final Desk noTeam;

    GenerateLeads(double v) {
        this.v = v;
        desks = new Desk[] {
            desk("amer", NY, 40, union(COMMON, LocalDate.of(2026, 11, 26)), "US", "US", "US", "CA", "MX", "BR"),
            desk("emea", LONDON, 24, union(COMMON, LocalDate.of(2026, 10, 23)), "GB", "DE", "FR", "NL", "SE", "ES"),
            desk("apac", SINGAPORE, 16, union(COMMON, LocalDate.of(2026, 11, 9)), "SG", "AU", "JP", "IN", "SG")};
        noTeam = new Desk("", NY, COMMON, desks[0].owners(), desks[0].ownerCdf(), desks[0].countries(),
                new BusinessDays(NY, COMMON));
    }

    Desk desk(String id, ZoneId zone, int reps, Set<LocalDate> holidays, String... countries) {
        String[] owners = new String[reps];
        double[] w = new double[reps];
        int off = id.charAt(0) * 7;
        for (int k = 0; k < reps; k++) {
            owners[k] = FIRST[(k + off) % FIRST.length] + " " + LAST[(k * 7 + off) % LAST.length];
            w[k] = 1 / Math.pow(k + 1, 1.1); // Zipf: the first reps take most leads
        }
        return new Desk(id, zone, holidays, owners, cdf(w), countries, new BusinessDays(zone, holidays));
    }

    static Set<LocalDate> union(Set<LocalDate> a, LocalDate b) {
        java.util.HashSet<LocalDate> s = new java.util.HashSet<>(a);
        s.add(b);
        return Set.copyOf(s);
    }

    /** One CSV row. Timestamps are epoch seconds here; 0 means absent. */
    void lead(long i, StringBuilder sb) {
        Desk d = r.nextDouble() < 0.002 ? noTeam : desks[pick(deskCdf)];
        ZoneId z = d.zone();
        int ch = pick(CHANNEL_CDF);
        String channel = CHANNELS[ch];
        String[] srcs = SOURCES[ch];
        String source = srcs[r.nextInt(srcs.length)];
        String campaign = channel + "-q4-" + two(1 + zipf(12));
        String owner = d.owners()[pick(d.ownerCdf())];

        long created = createdAt(z);
        long inquiry = channel.equals("outbound") ? 0 : created + r.nextInt(120);
        long auto = 0;
        if (inquiry != 0 && (AUTO_REPLIED.contains(source) || r.nextDouble() < 0.5)) {
            double p = r.nextDouble();
            if (p < 0.01) auto = inquiry + 300 + (r.nextBoolean() ? 0 : 1); // at the deadline, or one second late
            else if (p < 1 - v * 0.5) auto = inquiry + 5 + r.nextInt(285);
            else if (p < 1 - v * 0.15) auto = inquiry + 301 + r.nextInt(3 * 3600);
            // else: the auto-responder never fired
        }
        boolean isMql = r.nextDouble() < 0.62;
        long mql = 0;
        if (isMql) {
            double p = r.nextDouble();
            long base = inquiry != 0 ? inquiry : created;
            if (p < 0.04) mql = edgeStart(base, d); // 17:00 sharp, Friday evening, weekend or holiday
            else mql = base + 60 + (long) Math.min(20 * 86400.0, Math.exp(r.nextGaussian() * 1.6 + Math.log(6 * 3600.0)));
        }
        boolean handoffFails = isMql && r.nextDouble() < v * 0.4;
        int failWhat = handoffFails ? r.nextInt(3) : -1;
        String score = r.nextDouble() < 0.01 ? "" : Integer.toString(
                failWhat == 0 ? 20 + r.nextInt(40) : isMql ? 60 + r.nextInt(41) : r.nextInt(70));
        String company = failWhat == 1 ? "" : company();
        String title = failWhat == 2 ? "" : TITLES[zipf(TITLES.length)];
        String country = d.countries()[r.nextInt(d.countries().length)];

        long touch = 0;
        long sal = 0;
        long rejected = 0;
        String reason = "";
        long sqo = 0;
        long closed = 0;
        String outcome = "";
        String amount = "";
        if (isMql) {
            double p = r.nextDouble();
            if (p < 0.01) touch = Math.max(created, mql - 60 - r.nextInt(7200)); // called before it became an MQL
            else if (p < 0.03) touch = businessAdd(mql, 8 * 3600, d) + (r.nextBoolean() ? 0 : 1);
            else if (p < 1 - v) touch = businessAdd(mql, r.nextInt(8 * 3600), d);
            else if (p < 1 - v * 0.35) touch = businessAdd(mql, 8 * 3600 + 1 + r.nextInt(24 * 3600), d);
            if (touch != 0 && touch == auto) touch++;
            double q = r.nextDouble();
            long decided = 0;
            double onTime = r.nextDouble();
            if (onTime < 0.015) decided = businessAdd(mql, 16 * 3600, d) + (r.nextBoolean() ? 0 : 1);
            else if (onTime < 1 - v) decided = businessAdd(mql, r.nextInt(16 * 3600), d);
            else decided = businessAdd(mql, 16 * 3600 + 1 + r.nextInt(40 * 3600), d);
            if (q < 0.55) sal = decided;
            else if (q < 0.83) {
                rejected = decided;
                double w = r.nextDouble();
                if (w < 1 - v * 0.4) reason = REASONS[pick(REASON_CDF)];
                else if (w < 1 - v * 0.2) reason = BAD_REASONS[r.nextInt(BAD_REASONS.length)];
                // else: rejected without a reason
            }
            if (sal != 0 && r.nextDouble() < 0.65) {
                double s = r.nextDouble();
                if (s < 1 - v) sqo = sal + 3600 + r.nextInt(14 * 86400 - 3600);
                else sqo = sal + 14 * 86400 + 1 + r.nextInt(16 * 86400);
                amount = Long.toString(Math.max(1000, Math.round(Math.exp(r.nextGaussian() * 0.8 + Math.log(30000)))));
                double o = r.nextDouble();
                if (o < 0.6) {
                    closed = sqo + 3 * 86400 + (long) (r.nextDouble() * r.nextDouble() * 60 * 86400);
                    outcome = o < 0.28 ? "won" : "lost";
                } else {
                    outcome = "open";
                }
            }
        } else if (r.nextDouble() < 0.3) {
            touch = created + 600 + r.nextInt(3 * 86400);
        }

        // Oddities of real exports, one lead in a hundred: times without an offset (read in the agreement's
        // zone), a touch a quarter second after a whole second, a desk the agreement does not know, an MQL at
        // the very start or end of the month, an acceptance at the as-of instant.
        String millis = "";
        String team = d.id();
        int odd = r.nextDouble() < 0.01 ? r.nextInt(5) : -1;
        long monthStart = MONTH.atStartOfDay(NY).toEpochSecond();
        long monthEnd = MONTH.plusMonths(1).atStartOfDay(NY).toEpochSecond();
        switch (odd) {
            case 0 -> z = null;
            case 1 -> {
                if (isMql) { // a quarter second after the deadline, or three quarters before it
                    touch = businessAdd(mql, 8 * 3600 - r.nextInt(2), d);
                    millis = ".250";
                }
            }
            case 2 -> team = "partner-desk";
            case 3 -> {
                if (isMql) {
                    mql = r.nextBoolean() ? monthStart : monthEnd;
                    created = Math.min(created, mql - 3600);
                    if (inquiry != 0) inquiry = Math.min(inquiry, mql - 60);
                }
            }
            case 4 -> {
                if (isMql && mql < monthEnd && rejected == 0) sal = monthEnd;
            }
            default -> {}
        }

        sb.append('B').append(pad8(i)).append(',');
        ts(sb, created, z).append(',');
        sb.append(source).append(',').append(channel).append(',').append(campaign).append(',');
        sb.append(team).append(',').append(owner).append(',').append(score).append(',');
        csv(sb, company).append(',');
        csv(sb, title).append(',');
        sb.append("lead").append(i).append("@example.com,").append(country).append(',');
        ts(sb, inquiry, z).append(',');
        ts(sb, mql, z).append(',');
        ts(sb, auto, z == null ? null : ZoneOffset.UTC).append(',');
        ts(sb, touch, z, millis).append(',');
        ts(sb, sal, z).append(',');
        ts(sb, rejected, z).append(',');
        sb.append(reason).append(',');
        ts(sb, sqo, z).append(',');
        if (sqo != 0) sb.append("OPP-").append(pad8(i));
        sb.append(',').append(amount).append(',');
        ts(sb, closed, z).append(',');
        sb.append(outcome).append('\n');
    }

    /** Mostly in local office hours and on weekdays; 65% in October, the rest in August and September. */
    long createdAt(ZoneId z) {
        LocalDate day;
        do {
            day = r.nextDouble() < 0.65
                    ? MONTH.plusDays(r.nextInt(31))
                    : HISTORY_FROM.plusDays(r.nextInt(61));
        } while (weekend(day) && r.nextDouble() < 0.6);
        int sec = r.nextDouble() < 0.75 ? 8 * 3600 + r.nextInt(11 * 3600) : r.nextInt(86400);
        long t = day.atStartOfDay(z).toEpochSecond() + sec;
        long end = MONTH.plusMonths(1).atStartOfDay(NY).toEpochSecond();
        return Math.min(t, end - 1 - r.nextInt(3600)); // Singapore's October 31 evening is November in New York
    }

    /** A clock start where business-time arithmetic is easy to get wrong, at or after {@code after}. */
    long edgeStart(long after, Desk d) {
        ZoneId z = d.zone();
        LocalDate day = Instant.ofEpochSecond(after).atZone(z).toLocalDate();
        int kind = r.nextInt(6);
        long holiday = LocalDate.of(2026, 10, 12).atTime(10, 0).atZone(z).toEpochSecond();
        if (kind == 5 && holiday < after) kind = 0;
        LocalDate friday = day.with(java.time.temporal.TemporalAdjusters.nextOrSame(DayOfWeek.FRIDAY));
        int jitter = r.nextBoolean() ? 0 : -1; // at the instant, or one second before it
        ZonedDateTime t = switch (kind) {
            case 0 -> day.atTime(18, 0).atZone(z).plusSeconds(jitter); // closing time
            case 1 -> day.atTime(12, 0).atZone(z).plusSeconds(jitter); // lunch
            case 2 -> friday.atTime(r.nextBoolean() ? 15 : 17, r.nextBoolean() ? 0 : 30).atZone(z); // Friday after 15:00
            case 3 -> friday.atTime(12, 0).atZone(z); // the same time on Monday-Thursday is lunch
            case 4 -> day.atTime(8, 0).atZone(z).plusSeconds(jitter); // opening
            default -> Instant.ofEpochSecond(holiday).atZone(z); // a holiday morning
        };
        while (t.toEpochSecond() < after) t = t.plusDays(7);
        return t.toEpochSecond();
    }

    /**
     * The instant {@code seconds} of business time (bench.yaml's hours in the desk's zone, its holidays
     * skipped) after {@code t}; a window ending at a closing time is stamped there (the checkers allow until
     * the next opening). Only used to place events near deadlines; the checkers compute deadlines themselves.
     */
    static long businessAdd(long t, long seconds, Desk d) {
        BusinessDays c = d.days();
        int k = c.startInterval(t);
        long target = c.before[k] + Math.max(0, t - c.open[k]) + seconds;
        int j = k;
        while (c.before[j] + (c.close[j] - c.open[j]) < target) j++;
        return c.open[j] + (target - c.before[j]);
    }

    /** Business hours of bench.yaml: mon-thu 08:00-12:00 and 13:00-18:00, fri 08:00-15:00 (minutes of the day). */
    static int[] spans(DayOfWeek w) {
        return switch (w) {
            case SATURDAY, SUNDAY -> new int[0];
            case FRIDAY -> new int[] {8 * 60, 15 * 60};
            default -> new int[] {8 * 60, 12 * 60, 13 * 60, 18 * 60};
        };
    }

    /** A desk's business intervals from June 2026 to 2027, in epoch seconds. */
    static final class BusinessDays {
        final long[] open;
        final long[] close;
        final long[] before;

        BusinessDays(ZoneId zone, Set<LocalDate> holidays) {
            java.util.List<long[]> spans = new java.util.ArrayList<>();
            for (LocalDate x = LocalDate.of(2026, 6, 1); x.isBefore(LocalDate.of(2028, 1, 1)); x = x.plusDays(1)) {
                if (holidays.contains(x)) continue;
                int[] s = spans(x.getDayOfWeek());
                for (int i = 0; i < s.length; i += 2) {
                    spans.add(new long[] {x.atStartOfDay().plusMinutes(s[i]).atZone(zone).toEpochSecond(),
                        x.atStartOfDay().plusMinutes(s[i + 1]).atZone(zone).toEpochSecond()});
                }
            }
            open = new long[spans.size()];
            close = new long[spans.size()];
            before = new long[spans.size()];
            long cum = 0;
            for (int k = 0; k < spans.size(); k++) {
                open[k] = spans.get(k)[0];
                close[k] = spans.get(k)[1];
                before[k] = cum;
                cum += close[k] - open[k];
            }
        }

        /** The first interval that closes after t. */
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
    }

    static boolean weekend(LocalDate d) {
        return d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    String company() {
        String c = WORD1[zipf(WORD1.length)] + " " + WORD2[r.nextInt(WORD2.length)];
        double p = r.nextDouble();
        if (p < 0.2) return c + ", Inc."; // a comma: the field is quoted
        if (p < 0.201) return c + " \"The Original\""; // quotes inside a quoted field
        return c;
    }

    int zipf(int n) {
        double[] c = ZIPF_CDF[n];
        if (c == null) {
            double[] w = new double[n];
            for (int k = 0; k < n; k++) w[k] = 1 / (k + 1.0);
            c = ZIPF_CDF[n] = cdf(w);
        }
        return pick(c);
    }

    static final double[][] ZIPF_CDF = new double[64][];

    int pick(double[] cdf) {
        double x = r.nextDouble();
        for (int k = 0; k < cdf.length - 1; k++) if (x < cdf[k]) return k;
        return cdf.length - 1;
    }

    static double[] cdf(double... w) {
        double total = 0;
        for (double x : w) total += x;
        double[] c = new double[w.length];
        double s = 0;
        for (int k = 0; k < w.length; k++) c[k] = (s += w[k]) / total;
        return c;
    }

    static StringBuilder csv(StringBuilder sb, String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0) return sb.append(s);
        return sb.append('"').append(s.replace("\"", "\"\"")).append('"');
    }

    static StringBuilder ts(StringBuilder sb, long t, ZoneId z) {
        return ts(sb, t, z, "");
    }

    /**
     * ISO-8601 with the zone's offset at that instant, e.g. 2026-10-09T15:00:00-04:00 (Z for UTC); with a null
     * zone, New York local time without an offset.
     */
    static StringBuilder ts(StringBuilder sb, long t, ZoneId z, String fraction) {
        if (t == 0) return sb;
        ZoneOffset off = (z == null ? NY : z).getRules().getOffset(Instant.ofEpochSecond(t));
        LocalDateTime l = LocalDateTime.ofEpochSecond(t, 0, off);
        sb.append(l.getYear()).append('-').append(two(l.getMonthValue())).append('-').append(two(l.getDayOfMonth()))
                .append('T').append(two(l.getHour())).append(':').append(two(l.getMinute())).append(':')
                .append(two(l.getSecond())).append(fraction);
        if (z == null) return sb;
        return sb.append(off.getTotalSeconds() == 0 ? "Z" : off.getId());
    }

    static String two(int x) {
        return x < 10 ? "0" + x : Integer.toString(x);
    }

    static String pad8(long i) {
        String s = Long.toString(i);
        return "00000000".substring(Math.min(8, s.length())) + s;
    }
}
