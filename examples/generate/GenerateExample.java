/*
 * Generates the Northwind Analytics example data set for l2r: examples/northwind/leads.csv and
 * examples/northwind/metrics.csv, one quarter (2026-Q3) of CRM lead data for a fictional B2B SaaS company.
 *
 *   java examples/generate/GenerateExample.java [OUTPUT_DIR]     (default: examples/northwind)
 *
 * Single file, Java 17, no dependencies. Deterministic: fixed seeds (one random stream per lead source, one
 * per lead), java.util.Random (its algorithm is specified), StrictMath, sorted output, Locale.ROOT
 * formatting and no iteration over hash-ordered collections: the same bytes on every run (given the same
 * time-zone rules in the JDK).
 *
 * How the data is made (see examples/README.md for the story):
 *  - The funnel is simulated from 2026-01-05 so that deals closing in Q3 and pipeline open at the end of Q3
 *    have their history. The export, taken 2026-10-01 08:00 America/New_York, keeps every lead with an
 *    event on or after 2026-07-01 (New York) plus every opportunity still open; events after the export
 *    time have not happened yet.
 *  - Lead sources: online (organic, paid search, paid social, webinars, chat), weekly content-syndication
 *    batches, field events (badge scans), account-based (ABM) programs and executive dinners, and
 *    partners (deal registrations and referrals).
 *  - Four teams work the leads: sdr-amer (America/New_York), sdr-emea (Europe/London), enterprise
 *    (America/New_York) and channel (America/Chicago). Reps work 08:00-18:00 (channel 08:00-17:30) in
 *    their team's zone, on their own country's holidays; follow-up delays are drawn in working minutes.
 *  - Incidents that the SLA checks should surface are planted on purpose and described in the README.
 */

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.TreeSet;

public final class GenerateExample {

    static final long SEED = 20260701L;

    static final ZoneId NY = ZoneId.of("America/New_York");
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

    static final LocalDate SIM_START = LocalDate.of(2026, 1, 5);
    static final LocalDate SIM_END = LocalDate.of(2026, 10, 1);
    static final Instant Q3_START = ZonedDateTime.of(2026, 7, 1, 0, 0, 0, 0, NY).toInstant();
    static final Instant Q3_END = ZonedDateTime.of(2026, 10, 1, 0, 0, 0, 0, NY).toInstant();
    /** The CRM export runs at 08:00 New York time on the day after the quarter. */
    static final Instant EXPORT = ZonedDateTime.of(2026, 10, 1, 8, 0, 0, 0, NY).toInstant();

    static final TreeSet<LocalDate> US_HOLIDAYS = dates("2026-01-01", "2026-01-19", "2026-02-16", "2026-05-25",
            "2026-06-19", "2026-07-03", "2026-09-07");
    static final TreeSet<LocalDate> UK_HOLIDAYS = dates("2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04",
            "2026-05-25", "2026-08-31");

    /** Marketing-automation outage: auto-responses queued from 13:05 and sent after the fix at 16:40. */
    static final Instant QUARTER_END_REVIEW = ZonedDateTime.of(2026, 9, 30, 14, 0, 0, 0, NY).toInstant();
    static final Instant OUTAGE_START = ZonedDateTime.of(2026, 8, 12, 13, 5, 0, 0, NY).toInstant();
    static final Instant OUTAGE_END = ZonedDateTime.of(2026, 8, 12, 16, 40, 0, 0, NY).toInstant();

    static final String[] COLUMNS = {"lead_id", "created_at", "source", "channel", "campaign", "team", "owner",
            "score", "company", "title", "email", "country", "inquiry_at", "mql_at", "auto_response_at",
            "first_touch_at", "sal_at", "rejected_at", "rejection_reason", "sqo_at", "opportunity_id", "amount",
            "closed_at", "outcome", "employees", "partner_tier"};

    static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx", Locale.ROOT);

    // ------------------------------------------------------------------------------------------------
    // Calendars, teams, reps
    // ------------------------------------------------------------------------------------------------

    /** Working hours of a team (one span a day, mon-fri) in its zone, minus its holidays. */
    static final class WorkCal {
        final ZoneId zone;
        final int open;
        final int close;
        final TreeSet<LocalDate> holidays;

        WorkCal(ZoneId zone, int open, int close, TreeSet<LocalDate> holidays) {
            this.zone = zone;
            this.open = open;
            this.close = close;
            this.holidays = holidays;
        }

        boolean workday(LocalDate d) {
            DayOfWeek w = d.getDayOfWeek();
            return w != DayOfWeek.SATURDAY && w != DayOfWeek.SUNDAY && !holidays.contains(d);
        }

        /** The instant {@code minutes} working minutes after {@code start} (start moves to the next opening). */
        Instant add(Instant start, double minutes) {
            ZonedDateTime t = start.atZone(zone);
            double left = minutes;
            for (int guard = 0; guard < 2000; guard++) {
                LocalDate d = t.toLocalDate();
                int m = t.getHour() * 60 + t.getMinute();
                if (!workday(d) || m >= close) {
                    t = d.plusDays(1).atTime(LocalTime.of(open / 60, open % 60)).atZone(zone);
                    continue;
                }
                if (m < open) {
                    t = d.atTime(LocalTime.of(open / 60, open % 60)).atZone(zone);
                    m = open;
                }
                double avail = (close - m) - t.getSecond() / 60.0;
                if (left <= avail) return t.toInstant().plusSeconds(StrictMath.round(left * 60));
                left -= avail;
                t = d.plusDays(1).atTime(LocalTime.of(open / 60, open % 60)).atZone(zone);
            }
            throw new IllegalStateException("calendar without working time");
        }

        /** A random working moment on the first working day at or after {@code day + days}. */
        Instant workingMomentAfter(Instant from, double days, Random r) {
            LocalDate d = from.atZone(zone).toLocalDate().plusDays((long) StrictMath.max(0, StrictMath.round(days)));
            while (!workday(d)) d = d.plusDays(1);
            int minute = open + 30 + r.nextInt(StrictMath.max(1, close - open - 60));
            Instant t = d.atTime(LocalTime.of(minute / 60, minute % 60, r.nextInt(60))).atZone(zone).toInstant();
            return t.isAfter(from) ? t : add(from, 30 + r.nextInt(90));
        }
    }

    record Rep(String name, double speed, LocalDate from) {}

    static final class Team {
        final String id;
        final ZoneId zone;
        final WorkCal cal;
        final Rep[] reps;

        Team(String id, ZoneId zone, TreeSet<LocalDate> holidays, int open, int close, Rep... reps) {
            this.id = id;
            this.zone = zone;
            this.cal = new WorkCal(zone, open, close, holidays);
            this.reps = reps;
        }

        Rep rep(LocalDate on, Random r) {
            List<Rep> active = new ArrayList<>();
            for (Rep p : reps) if (!p.from().isAfter(on)) active.add(p);
            return active.get(r.nextInt(active.size()));
        }
    }

    static final LocalDate ALWAYS = LocalDate.of(2020, 1, 1);

    static final Team SDR_AMER = new Team("sdr-amer", NY, US_HOLIDAYS, 8 * 60, 18 * 60,
            new Rep("Maya Patel", 0.9, ALWAYS), new Rep("Jordan Reyes", 0.8, ALWAYS),
            new Rep("Chris Okafor", 1.1, ALWAYS), new Rep("Taylor Brooks", 1.0, ALWAYS),
            new Rep("Alex Moreno", 1.2, ALWAYS),
            // joins in August and is still ramping: noticeably slower follow-up
            new Rep("Sam Whitfield", 2.6, LocalDate.of(2026, 8, 3)));
    static final Team SDR_EMEA = new Team("sdr-emea", LONDON, UK_HOLIDAYS, 8 * 60, 18 * 60,
            new Rep("Olivia Hughes", 1.0, ALWAYS), new Rep("Lukas Becker", 0.9, ALWAYS),
            new Rep("Chloé Dubois", 1.1, ALWAYS), new Rep("Sven Larsson", 1.2, ALWAYS));
    static final Team ENTERPRISE = new Team("enterprise", NY, US_HOLIDAYS, 8 * 60, 18 * 60,
            new Rep("Priya Raman", 1.0, ALWAYS), new Rep("Marcus Feld", 1.1, ALWAYS),
            new Rep("Elena Vasquez", 0.9, ALWAYS), new Rep("David Cho", 1.2, ALWAYS),
            new Rep("Hannah Greene", 1.0, ALWAYS));
    static final Team CHANNEL = new Team("channel", CHICAGO, US_HOLIDAYS, 8 * 60, 17 * 60 + 30,
            new Rep("Ben Carter", 1.0, ALWAYS), new Rep("Grace Liu", 0.9, ALWAYS),
            new Rep("Omar Haddad", 1.2, ALWAYS));

    // ------------------------------------------------------------------------------------------------
    // Reference lists
    // ------------------------------------------------------------------------------------------------

    static final String[] FIRST = {"James", "Mary", "Robert", "Patricia", "Michael", "Jennifer", "David", "Linda",
            "Daniel", "Sarah", "Kevin", "Emily", "Brian", "Jessica", "Ryan", "Ashley", "Jason", "Megan", "Eric",
            "Rachel", "Aisha", "Wei", "Carlos", "Sofia", "Mateo", "Lucia", "Noah", "Emma", "Liam", "Olivia",
            "Hiroshi", "Yuki", "Arjun", "Ananya", "Fatima", "Omar", "Lars", "Ingrid", "Pierre", "Camille",
            "Hans", "Katrin", "Giulia", "Marco", "Sean", "Niamh", "Tom", "Harriet", "Oliver", "Charlotte",
            "Diego", "Valentina", "Kwame", "Amara", "Mei", "Jin", "Elif", "Can", "Sanne", "Daan"};
    static final String[] LAST = {"Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis",
            "Rodriguez", "Martinez", "Hernandez", "Lopez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore",
            "Jackson", "Martin", "Lee", "Thompson", "White", "Harris", "Clark", "Lewis", "Walker", "Young",
            "Allen", "King", "Wright", "Nguyen", "Kim", "Chen", "Singh", "Khan", "Mueller", "Schmidt", "Fischer",
            "Dubois", "Laurent", "Rossi", "Bianchi", "Jansen", "de Vries", "Andersson", "Nilsson", "O'Brien",
            "Murphy", "Evans", "Hughes", "Costa", "Silva", "Mensah", "Okoye", "Tanaka", "Sato", "Kaya", "Yilmaz",
            "Novak", "Kowalski"};
    static final String[] WORD1 = {"Granite", "Harbor", "Cedar", "Summit", "Bright", "Copper", "Maple",
            "Silver", "River", "Falcon", "Juniper", "Atlas", "Beacon", "Crescent", "Evergreen", "Ironwood",
            "Lakeside", "Meadow", "Northgate", "Pinecrest", "Redwood", "Sterling", "Tidewater", "Westfield",
            "Willow", "Aurora", "Bluebird", "Canyon", "Driftwood", "Foxglove", "Glacier", "Hollow", "Kestrel",
            "Lantern", "Mariner", "Oakridge", "Prairie", "Quartz", "Saltmarsh", "Thistle", "Upland", "Vantage",
            "Wharf", "Yarrow", "Zephyr", "Alder", "Basalt", "Cobalt", "Delta", "Ember"};
    static final String[] WORD2 = {"Logistics", "Health", "Foods", "Analytics", "Manufacturing", "Insurance",
            "Retail", "Energy", "Labs", "Software", "Media", "Freight", "Dental", "Capital", "Outdoor", "Pharma",
            "Robotics", "Textiles", "Brewing", "Realty", "Clinics", "Payments", "Hospitality", "Systems",
            "Biotech", "Marine", "Apparel", "Telecom", "Learning", "Components"};
    static final String[] BIG_WORD2 = {"Group", "Holdings", "Corporation", "Industries", "Financial", "Bank",
            "Health System", "Global", "Worldwide", "Partners"};

    static final String[] GOOD_TITLES = {"Director of Analytics", "VP Finance", "Head of Business Intelligence",
            "Analytics Manager", "Data Engineering Lead", "Chief Financial Officer", "VP Operations",
            "Senior Data Analyst", "FP&A Manager", "Director, Revenue Operations", "Chief Data Officer",
            "BI Developer", "Controller", "Head of Data", "VP, Data & Analytics", "Operations Analyst"};
    static final String[] WEAK_TITLES = {"Marketing Coordinator", "Student", "Intern", "Consultant",
            "Software Engineer", "Office Manager", "Freelancer"};
    static final String[] EXEC_TITLES = {"Chief Financial Officer", "Chief Data Officer", "VP Finance",
            "SVP Operations", "VP, Data & Analytics", "Head of Data Platform", "Director of FP&A",
            "Global Head of BI", "Chief Operating Officer", "VP Enterprise Architecture", "Director of Analytics"};

    record Country(String code, String region, String[] zones, double[] zoneWeights) {}

    static Country country(String code, String region, String... zones) {
        double[] w = new double[zones.length];
        Arrays.fill(w, 1.0);
        return new Country(code, region, zones, w);
    }

    static final Country US = new Country("US", "amer",
            new String[] {"America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles"},
            new double[] {45, 25, 8, 22});
    static final Country[] AMER = {US, country("CA", "amer", "America/Toronto"),
            country("BR", "amer", "America/Sao_Paulo"), country("MX", "amer", "America/Mexico_City")};
    static final double[] AMER_W = {80, 10, 5, 5};
    static final Country[] EMEA = {country("GB", "emea", "Europe/London"), country("DE", "emea", "Europe/Berlin"),
            country("FR", "emea", "Europe/Paris"), country("NL", "emea", "Europe/Amsterdam"),
            country("SE", "emea", "Europe/Stockholm"), country("IE", "emea", "Europe/Dublin"),
            country("ES", "emea", "Europe/Madrid")};
    static final double[] EMEA_W = {40, 20, 12, 10, 6, 6, 6};
    /** Outside the sales territories: routed by nearest desk, usually rejected as wrong-geography. */
    static final Country[] OTHER = {country("IN", "emea", "Asia/Kolkata"), country("ZA", "emea", "Africa/Johannesburg"),
            country("AU", "amer", "Australia/Sydney"), country("SG", "amer", "Asia/Singapore")};

    record Partner(String name, String tier, double weight) {}

    static final Partner[] PARTNERS = {
            new Partner("Keystone Analytics Group", "platinum", 22),
            new Partner("Bluefin Data Partners", "gold", 16),
            new Partner("Meridian Cloud Services", "gold", 14),
            new Partner("Orchard BI Consulting", "silver", 12),
            new Partner("Tallgrass IT", "silver", 11),
            new Partner("Helix Systems Integrators", "silver", 10),
            new Partner("Quarry Point Advisors", "registered", 8),
            new Partner("Lumen & Lattice", "registered", 7)};

    static final String[] SDR_REASONS = {"wrong-company-size", "wrong-persona", "wrong-geography",
            "existing-customer", "competitor", "unverifiable-contact", "no-budget", "bad-timing", "duplicate"};
    static final double[] SDR_REASON_W = {20, 17, 5, 9, 4, 12, 12, 10, 6};
    static final String[] ENT_REASONS = {"wrong-persona", "existing-customer", "competitor", "no-budget",
            "bad-timing", "duplicate"};
    static final double[] ENT_REASON_W = {25, 20, 12, 15, 20, 8};
    static final String[] PARTNER_REASONS = {"existing-customer", "duplicate-registration",
            "conflict-with-direct-opportunity", "unverifiable-contact", "wrong-geography", "no-budget"};
    static final double[] PARTNER_REASON_W = {25, 20, 18, 12, 8, 17};
    /** Reasons reps type that are in no agreement's list. */
    static final String[] UNLISTED = {"not interested", "other", "student", "spam", "no response"};

    static final double[] WEEKDAY_HOURS = {0.3, 0.2, 0.15, 0.1, 0.1, 0.2, 0.5, 1.3, 2.8, 4.2, 4.6, 4.4, 3.4, 3.9,
            4.3, 3.9, 3.1, 2.1, 1.5, 1.3, 1.2, 1.0, 0.7, 0.4};
    static final double[] WEEKEND_HOURS = {0.5, 0.3, 0.2, 0.2, 0.2, 0.3, 0.5, 0.8, 1.2, 1.6, 1.9, 2.0, 1.9, 1.8,
            1.8, 1.7, 1.6, 1.5, 1.5, 1.6, 1.6, 1.4, 1.0, 0.7};
    static final double[] OFFICE_HOURS = {0, 0, 0, 0, 0, 0, 0, 0.3, 1.5, 3, 3.5, 3, 2, 2.8, 3.2, 3, 2.2, 1, 0.3, 0.1,
            0, 0, 0, 0};

    // ------------------------------------------------------------------------------------------------
    // The lead
    // ------------------------------------------------------------------------------------------------

    enum Motion { ONLINE, SYNDICATION, EVENT, ABM, PARTNER }

    static final class Lead {
        long seq;
        Motion motion;
        String id;
        Instant created, inquiry, mql, auto, touch, sal, rejected, sqo, closed;
        String source, channel, campaign, owner, company, title, email, countryCode, reason, oppId, outcome, tier;
        Team team;
        ZoneId localZone;
        Integer score, employees;
        Long amount;
        Partner partner;
        /** Set when marketing operations promoted the lead to MQL by hand (bypassing the score). */
        Instant forcedMql;
        /** Set when the MQL moment is known in advance (a hand-raise during a live webinar). */
        Instant fixedMql;
        boolean willMql;
        boolean routingFailure;

        boolean hasEventFrom(Instant t) {
            for (Instant i : new Instant[] {created, inquiry, mql, auto, touch, sal, rejected, sqo, closed}) {
                if (i != null && !i.isBefore(t)) return true;
            }
            return false;
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Random helpers
    // ------------------------------------------------------------------------------------------------

    /** SplitMix64 finalizer: java.util.Random gives correlated first draws for neighbouring seeds. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    static double logn(Random r, double median, double sigma) {
        return median * StrictMath.exp(sigma * r.nextGaussian());
    }

    static int poisson(Random r, double lambda) {
        if (lambda <= 0) return 0;
        double limit = StrictMath.exp(-lambda);
        int k = 0;
        double p = 1;
        do {
            k++;
            p *= r.nextDouble();
        } while (p > limit);
        return k - 1;
    }

    static int pickIndex(Random r, double[] weights) {
        double sum = 0;
        for (double w : weights) sum += w;
        double u = r.nextDouble() * sum;
        for (int i = 0; i < weights.length; i++) {
            u -= weights[i];
            if (u < 0) return i;
        }
        return weights.length - 1;
    }

    static <T> T pick(Random r, T[] items, double[] weights) {
        return items[pickIndex(r, weights)];
    }

    static <T> T any(Random r, T[] items) {
        return items[r.nextInt(items.length)];
    }

    static boolean chance(Random r, double p) {
        return r.nextDouble() < p;
    }

    static TreeSet<LocalDate> dates(String... s) {
        TreeSet<LocalDate> out = new TreeSet<>();
        for (String x : s) out.add(LocalDate.parse(x));
        return out;
    }

    /** A moment on {@code day} in {@code zone}, hour drawn from {@code hours}. */
    static Instant momentOn(LocalDate day, ZoneId zone, double[] hours, Random r) {
        int h = pickIndex(r, hours);
        return day.atTime(h, r.nextInt(60), r.nextInt(60)).atZone(zone).toInstant();
    }

    static String slug(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toLowerCase(Locale.ROOT).toCharArray()) {
            if (c == 'é' || c == 'è') b.append('e');
            else if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') b.append(c);
        }
        return b.toString();
    }

    static String dashSlug(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toLowerCase(Locale.ROOT).toCharArray()) {
            if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') b.append(c);
            else if (b.length() > 0 && b.charAt(b.length() - 1) != '-') b.append('-');
        }
        String out = b.toString();
        return out.endsWith("-") ? out.substring(0, out.length() - 1) : out;
    }

    static String companySuffix(String country, Random r) {
        double u = r.nextDouble();
        switch (country) {
            case "US", "CA", "AU" -> {
                return u < 0.35 ? " Inc." : u < 0.45 ? ", Inc." : u < 0.6 ? " LLC" : "";
            }
            case "GB", "IE", "IN", "ZA", "SG" -> {
                return u < 0.5 ? " Ltd" : u < 0.6 ? " plc" : "";
            }
            case "DE" -> {
                return u < 0.7 ? " GmbH" : u < 0.8 ? " AG" : "";
            }
            case "FR" -> {
                return u < 0.6 ? " SAS" : "";
            }
            case "NL" -> {
                return u < 0.6 ? " B.V." : "";
            }
            case "SE" -> {
                return u < 0.6 ? " AB" : "";
            }
            case "ES", "MX" -> {
                return u < 0.6 ? " S.A." : "";
            }
            case "BR" -> {
                return u < 0.6 ? " Ltda." : "";
            }
            default -> {
                return "";
            }
        }
    }

    static String companyName(Random r, String country) {
        return any(r, WORD1) + " " + any(r, WORD2) + companySuffix(country, r);
    }

    static String email(Random r, String first, String last, String company, boolean personal) {
        String local = slug(first) + "." + slug(last);
        if (personal || company == null) return local + (r.nextInt(90) + 10) + "@mail.example";
        String base = company.replaceAll(",? (Inc\\.|LLC|Ltd|plc|GmbH|AG|SAS|B\\.V\\.|AB|S\\.A\\.|Ltda\\.)$", "");
        return local + "@" + slug(base) + ".example";
    }

    // ------------------------------------------------------------------------------------------------
    // ABM accounts
    // ------------------------------------------------------------------------------------------------

    record Account(String name, String country, Integer employees) {}

    static Account[] accounts() {
        Random r = new Random(mix(SEED + 7));
        String[] countries = {"US", "GB", "DE", "CA", "FR", "NL"};
        double[] w = {60, 15, 10, 5, 5, 5};
        List<Account> out = new ArrayList<>();
        TreeSet<String> names = new TreeSet<>();
        while (out.size() < 72) {
            String c = pick(r, countries, w);
            String name = any(r, WORD1) + " " + any(r, BIG_WORD2) + companySuffix(c, r);
            if (!names.add(name)) continue;
            int employees = (int) StrictMath.min(90000, StrictMath.max(1200, logn(r, 6000, 0.9)));
            employees = employees / 50 * 50;
            out.add(new Account(name, c, employees));
        }
        // enrichment quirks the handoff criteria catch: two subsidiaries counted below 1,000 employees and
        // one account the enrichment vendor could not size
        out.set(9, new Account(out.get(9).name(), out.get(9).country(), 850));
        out.set(23, new Account(out.get(23).name(), out.get(23).country(), 640));
        out.set(41, new Account(out.get(41).name(), out.get(41).country(), null));
        return out.toArray(new Account[0]);
    }

    // ------------------------------------------------------------------------------------------------
    // Arrivals
    // ------------------------------------------------------------------------------------------------

    static final String[] ONLINE_SOURCES = {"demo-request", "contact-sales", "chat", "free-trial",
            "content-download", "webinar-registration", "newsletter-signup"};
    static final double[] ONLINE_SOURCE_W = {8, 4, 3, 15, 42, 18, 10};

    static String onlineChannel(String source, Random r) {
        return switch (source) {
            case "demo-request" -> chance(r, 0.5) ? "organic" : "paid-search";
            case "contact-sales", "chat" -> chance(r, 0.75) ? "organic" : "paid-search";
            case "free-trial" -> pick(r, new String[] {"organic", "paid-search", "paid-social"}, new double[] {40, 35, 25});
            case "content-download" -> pick(r, new String[] {"organic", "paid-search", "paid-social"}, new double[] {35, 20, 45});
            case "webinar-registration" -> "webinar";
            default -> "organic";
        };
    }

    static String onlineCampaign(String source, String channel, LocalDate d) {
        String month = String.format(Locale.ROOT, "%04d-%02d", d.getYear(), d.getMonthValue());
        String quarter = d.getYear() + "-q" + ((d.getMonthValue() - 1) / 3 + 1);
        return switch (channel) {
            case "paid-search" -> month + "-ps-" + (source.equals("demo-request") || source.equals("contact-sales") ? "brand" : "nonbrand");
            case "paid-social" -> month + "-li-" + (source.equals("free-trial") ? "trial" : "ebook-kpi-playbook");
            case "webinar" -> month + "-webinar-" + switch (d.getMonthValue()) {
                case 7 -> "ai-forecasting";
                case 8 -> "board-ready-reporting";
                case 9 -> "semantic-layer-101";
                default -> "monthly-product-tour";
            };
            default -> switch (source) {
                case "content-download" -> quarter + "-ebook-kpi-playbook";
                case "newsletter-signup" -> "newsletter";
                case "free-trial" -> "website-trial";
                case "chat" -> "website-chat";
                default -> "website";
            };
        };
    }

    static double monthFactor(String region, LocalDate d) {
        int m = d.getMonthValue();
        if (region.equals("emea")) return m == 8 ? 0.72 : m == 9 ? 1.05 : 1.0;
        return m == 8 ? 0.93 : m == 9 ? 1.07 : 1.0;
    }

    static Lead newLead(List<Lead> all, Motion motion) {
        Lead l = new Lead();
        l.seq = all.size();
        l.motion = motion;
        all.add(l);
        return l;
    }

    static void person(Lead l, Random r, String[] titles, double titleMissing, boolean personalMail) {
        String first = any(r, FIRST);
        String last = any(r, LAST);
        l.title = chance(r, titleMissing) ? null : any(r, titles);
        l.email = email(r, first, last, l.company, personalMail);
    }

    static void online(List<Lead> all) {
        Random r = new Random(mix(SEED + 1));
        for (LocalDate d = SIM_START; !d.isAfter(SIM_END); d = d.plusDays(1)) {
            boolean weekend = d.getDayOfWeek().getValue() >= 6;
            for (String region : new String[] {"amer", "emea"}) {
                double base = region.equals("amer") ? (weekend ? 9 : 31) : (weekend ? 4.5 : 15);
                boolean holiday = region.equals("amer") ? US_HOLIDAYS.contains(d) : UK_HOLIDAYS.contains(d);
                int n = poisson(r, base * monthFactor(region, d) * (holiday ? 0.4 : 1.0));
                for (int i = 0; i < n; i++) {
                    Lead l = newLead(all, Motion.ONLINE);
                    Country c;
                    if (chance(r, 0.03)) {
                        c = any(r, OTHER);
                    } else {
                        c = region.equals("amer") ? pick(r, AMER, AMER_W) : pick(r, EMEA, EMEA_W);
                    }
                    l.countryCode = c.code();
                    l.localZone = ZoneId.of(pick(r, c.zones(), c.zoneWeights()));
                    l.inquiry = momentOn(d, l.localZone, weekend ? WEEKEND_HOURS : WEEKDAY_HOURS, r);
                    l.created = l.inquiry;
                    l.source = pick(r, ONLINE_SOURCES, ONLINE_SOURCE_W);
                    l.channel = onlineChannel(l.source, r);
                    l.campaign = onlineCampaign(l.source, l.channel, d);
                    boolean personal = (l.source.equals("free-trial") || l.source.equals("newsletter-signup")) && chance(r, 0.12);
                    l.company = personal && chance(r, 0.3) ? null : companyName(r, c.code());
                    if (l.source.equals("free-trial") && l.company != null && chance(r, 0.02)) l.company = null;
                    boolean formAsksTitle = l.source.equals("demo-request") || l.source.equals("contact-sales");
                    person(l, r, chance(r, 0.12) ? WEAK_TITLES : GOOD_TITLES, formAsksTitle ? 0 : 0.35, personal);
                    if (l.source.equals("chat") && chance(r, 0.2)) l.email = null;
                    l.employees = chance(r, 0.15) ? null : (int) StrictMath.min(80000, StrictMath.max(2, logn(r, 180, 1.4)));
                    boolean big = l.employees != null && l.employees >= 2000
                            && (l.source.equals("demo-request") || l.source.equals("contact-sales"));
                    l.team = big ? ENTERPRISE : c.region().equals("amer") ? SDR_AMER : SDR_EMEA;
                    double p = switch (l.source) {
                        case "demo-request" -> 0.90;
                        case "contact-sales" -> 0.85;
                        case "chat" -> 0.45;
                        case "free-trial" -> 0.26;
                        case "content-download" -> 0.10;
                        case "webinar-registration" -> 0.14;
                        default -> 0.04;
                    };
                    if (l.title != null && Arrays.asList(WEAK_TITLES).contains(l.title)) p *= 0.5;
                    l.willMql = chance(r, p);
                    // hand promotions by marketing (a sales request, a VIP list): MQL below the score threshold
                    if (!l.willMql && (l.source.equals("content-download") || l.source.equals("webinar-registration"))
                            && chance(r, 0.005)) {
                        l.forcedMql = l.inquiry.plus(Duration.ofMinutes((long) logn(r, 3 * 24 * 60, 0.8)));
                    }
                }
            }
        }
    }

    /** Live webinar on Wed 2026-09-30 14:00 ET: attendees who ask for a call during it become MQLs at once. */
    static void lastWebinar(List<Lead> all) {
        Random r = new Random(mix(SEED + 6));
        Instant live = ZonedDateTime.of(2026, 9, 30, 14, 20, 0, 0, NY).toInstant();
        for (int i = 0; i < 14; i++) {
            Lead l = newLead(all, Motion.ONLINE);
            Country c = i < 10 ? pick(r, AMER, AMER_W) : pick(r, EMEA, EMEA_W);
            l.countryCode = c.code();
            l.localZone = ZoneId.of(pick(r, c.zones(), c.zoneWeights()));
            l.inquiry = momentOn(LocalDate.of(2026, 9, 21 + r.nextInt(8)), l.localZone, WEEKDAY_HOURS, r);
            l.created = l.inquiry;
            l.source = "webinar-registration";
            l.channel = "webinar";
            l.campaign = "2026-09-webinar-semantic-layer-101";
            l.company = companyName(r, c.code());
            person(l, r, GOOD_TITLES, 0.2, false);
            l.employees = (int) StrictMath.min(1900, StrictMath.max(20, logn(r, 250, 1.0)));
            l.team = c.region().equals("amer") ? SDR_AMER : SDR_EMEA;
            l.willMql = true;
            l.fixedMql = live.plusSeconds(i * 190L + r.nextInt(120));
        }
    }

    static void syndication(List<Lead> all) {
        Random r = new Random(mix(SEED + 2));
        for (LocalDate d = SIM_START; !d.isAfter(SIM_END); d = d.plusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.TUESDAY) continue;
            Instant batch = d.atTime(10, 5).atZone(NY).toInstant();
            for (String region : new String[] {"amer", "emea"}) {
                int n = poisson(r, region.equals("amer") ? 40 : 18);
                for (int i = 0; i < n; i++) {
                    Lead l = newLead(all, Motion.SYNDICATION);
                    Country c = region.equals("amer") ? pick(r, AMER, AMER_W) : pick(r, EMEA, EMEA_W);
                    l.countryCode = c.code();
                    l.localZone = ZoneId.of(c.zones()[0]);
                    l.inquiry = batch.plusSeconds(r.nextInt(900));
                    l.created = l.inquiry;
                    l.source = "content-download";
                    l.channel = "content-syndication";
                    l.campaign = d.getYear() + "-q" + ((d.getMonthValue() - 1) / 3 + 1) + "-synd-kpi-playbook";
                    l.company = companyName(r, c.code());
                    person(l, r, chance(r, 0.15) ? WEAK_TITLES : GOOD_TITLES, 0.02, false);
                    l.employees = (int) StrictMath.min(50000, StrictMath.max(20, logn(r, 400, 1.2)));
                    l.team = region.equals("amer") ? SDR_AMER : SDR_EMEA;
                    l.willMql = chance(r, 0.07);
                }
            }
        }
    }

    record FieldEvent(String campaign, LocalDate first, int days, ZoneId zone, String region, int scans, LocalDate upload) {}

    static final FieldEvent[] EVENTS = {
            new FieldEvent("2026-04-data-leaders-summit-austin", LocalDate.of(2026, 4, 14), 2, CHICAGO, "amer", 120, LocalDate.of(2026, 4, 16)),
            new FieldEvent("2026-07-data-leaders-summit-chicago", LocalDate.of(2026, 7, 21), 2, CHICAGO, "amer", 175, LocalDate.of(2026, 7, 23)),
            new FieldEvent("2026-09-northwind-world-tour-london", LocalDate.of(2026, 9, 16), 2, LONDON, "emea", 150, LocalDate.of(2026, 9, 18))};

    static void events(List<Lead> all) {
        Random r = new Random(mix(SEED + 3));
        for (FieldEvent e : EVENTS) {
            int n = e.scans() - 10 + r.nextInt(21);
            Instant upload = e.upload().atTime(10, 20).atZone(e.zone()).toInstant();
            for (int i = 0; i < n; i++) {
                Lead l = newLead(all, Motion.EVENT);
                Country c = e.region().equals("amer") ? pick(r, AMER, AMER_W) : pick(r, EMEA, EMEA_W);
                l.countryCode = c.code();
                l.localZone = e.zone();
                LocalDate day = e.first().plusDays(r.nextInt(e.days()));
                int minute = 9 * 60 + r.nextInt(8 * 60);
                l.inquiry = day.atTime(minute / 60, minute % 60, r.nextInt(60)).atZone(e.zone()).toInstant();
                l.created = upload.plusSeconds(i * 7L + r.nextInt(7));
                l.source = "trade-show-scan";
                l.channel = "field-event";
                l.campaign = e.campaign();
                l.company = companyName(r, c.code());
                person(l, r, chance(r, 0.15) ? WEAK_TITLES : GOOD_TITLES, 0.05, false);
                l.employees = chance(r, 0.2) ? null : (int) StrictMath.min(60000, StrictMath.max(5, logn(r, 350, 1.3)));
                l.team = e.region().equals("amer") ? SDR_AMER : SDR_EMEA;
                l.willMql = chance(r, 0.2);
            }
        }
    }

    static final LocalDate[][] DINNERS = {
            {LocalDate.of(2026, 2, 11)}, {LocalDate.of(2026, 3, 18)}, {LocalDate.of(2026, 4, 22)},
            {LocalDate.of(2026, 5, 13)}, {LocalDate.of(2026, 6, 10)}, {LocalDate.of(2026, 7, 15)},
            {LocalDate.of(2026, 8, 19)}, {LocalDate.of(2026, 9, 10)}, {LocalDate.of(2026, 9, 24)}};

    static void abm(List<Lead> all, Account[] accounts) {
        Random r = new Random(mix(SEED + 4));
        String[] tiers = {"finserv", "healthcare", "manufacturing", "retail"};
        for (LocalDate d = SIM_START; !d.isAfter(SIM_END); d = d.plusDays(1)) {
            boolean weekend = d.getDayOfWeek().getValue() >= 6;
            boolean dinner = false;
            for (LocalDate[] x : DINNERS) dinner |= x[0].equals(d);
            int n = weekend ? poisson(r, 0.2) : poisson(r, US_HOLIDAYS.contains(d) ? 1.2 : 3.6);
            int guests = dinner ? 7 + r.nextInt(6) : 0;
            for (int i = 0; i < n + guests; i++) {
                boolean guest = i >= n;
                Lead l = newLead(all, Motion.ABM);
                Account a = accounts[r.nextInt(accounts.length)];
                l.countryCode = a.country();
                l.localZone = a.country().equals("US") ? ZoneId.of(pick(r, US.zones(), US.zoneWeights()))
                        : a.country().equals("CA") ? ZoneId.of("America/Toronto")
                        : a.country().equals("GB") ? LONDON
                        : ZoneId.of(a.country().equals("DE") ? "Europe/Berlin" : a.country().equals("FR") ? "Europe/Paris" : "Europe/Amsterdam");
                String quarter = d.getYear() + "-q" + ((d.getMonthValue() - 1) / 3 + 1);
                if (guest) {
                    l.inquiry = d.atTime(19, r.nextInt(50), r.nextInt(60)).atZone(NY).toInstant();
                    l.created = d.plusDays(1).atTime(9, 30 + r.nextInt(30)).atZone(NY).toInstant();
                    l.source = "executive-dinner";
                    l.campaign = quarter + "-abm-exec-dinners";
                } else {
                    l.inquiry = momentOn(d, l.localZone, OFFICE_HOURS, r);
                    l.created = l.inquiry;
                    l.source = "abm-campaign";
                    l.campaign = quarter + "-abm-tier1-" + tiers[StrictMath.abs(a.name().hashCode()) % tiers.length];
                }
                l.channel = "abm";
                l.company = a.name();
                person(l, r, EXEC_TITLES, 0.03, false);
                l.employees = a.employees();
                l.team = ENTERPRISE;
                l.willMql = chance(r, guest ? 0.75 : 0.42);
            }
        }
    }

    static void partners(List<Lead> all) {
        Random r = new Random(mix(SEED + 5));
        double[] w = new double[PARTNERS.length];
        for (int i = 0; i < w.length; i++) w[i] = PARTNERS[i].weight();
        String[] countries = {"US", "CA", "GB", "DE", "NL", "FR"};
        double[] cw = {60, 5, 15, 10, 5, 5};
        for (LocalDate d = SIM_START; !d.isAfter(SIM_END); d = d.plusDays(1)) {
            boolean weekend = d.getDayOfWeek().getValue() >= 6;
            int n = poisson(r, weekend ? 0.6 : US_HOLIDAYS.contains(d) ? 2.5 : 7.2);
            for (int i = 0; i < n; i++) {
                Lead l = newLead(all, Motion.PARTNER);
                l.partner = pick(r, PARTNERS, w);
                l.tier = l.partner.tier();
                l.countryCode = pick(r, countries, cw);
                l.localZone = l.countryCode.equals("US") ? CHICAGO : l.countryCode.equals("CA") ? ZoneId.of("America/Toronto")
                        : l.countryCode.equals("GB") ? LONDON : ZoneId.of("Europe/Berlin");
                l.inquiry = momentOn(d, l.localZone, weekend ? WEEKEND_HOURS : OFFICE_HOURS, r);
                l.created = l.inquiry;
                l.source = chance(r, 0.45) ? "deal-registration" : "partner-referral";
                l.channel = "partner";
                l.campaign = "partner-" + dashSlug(l.partner.name());
                l.company = companyName(r, l.countryCode);
                person(l, r, GOOD_TITLES, l.source.equals("deal-registration") ? 0.0 : 0.2, false);
                l.employees = chance(r, 0.1) ? null : (int) StrictMath.min(40000, StrictMath.max(20, logn(r, 600, 1.1)));
                l.team = CHANNEL;
                l.willMql = l.source.equals("deal-registration") || chance(r, 0.6);
            }
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Life cycle: MQL, auto-response, first touch, accept/reject, opportunity, close
    // ------------------------------------------------------------------------------------------------

    static boolean autoResponds(Lead l) {
        return l.motion == Motion.ONLINE && !l.source.equals("chat");
    }

    static boolean hot(Lead l) {
        return l.source.equals("demo-request") || l.source.equals("contact-sales") || l.source.equals("chat");
    }

    static void live(Lead l) {
        Random r = new Random(mix(SEED * 1_000_003L + l.seq));

        // auto-response from marketing automation (no sales touch; measured separately)
        if (autoResponds(l)) {
            double u = r.nextDouble();
            if (u < 0.002) {
                l.auto = null; // suppressed: address on the bounce list
            } else if (u < 0.008) {
                l.auto = l.inquiry.plusSeconds((long) logn(r, 14 * 60, 0.6)); // sending queue backlog
            } else {
                l.auto = l.inquiry.plusSeconds((long) StrictMath.max(8, logn(r, 40, 0.5)));
            }
            if (!l.inquiry.isBefore(OUTAGE_START) && l.inquiry.isBefore(OUTAGE_END)) {
                l.auto = OUTAGE_END.plusSeconds(r.nextInt(900));
            }
        }

        // score and MQL
        if (l.forcedMql != null) {
            l.mql = l.forcedMql;
            l.score = 28 + r.nextInt(22);
        } else if (l.willMql) {
            long minutes = switch (l.source) {
                case "demo-request", "contact-sales", "chat" -> 1 + r.nextInt(3);
                case "deal-registration" -> 2 + r.nextInt(4);
                case "partner-referral" -> chance(r, 0.6) ? 2 + r.nextInt(4) : (long) logn(r, 36 * 60, 0.9);
                case "free-trial" -> (long) logn(r, 4 * 24 * 60, 0.6);
                case "content-download" -> (long) logn(r, 9 * 24 * 60, 0.8);
                case "webinar-registration" -> (long) logn(r, 5 * 24 * 60, 0.7);
                case "newsletter-signup" -> (long) logn(r, 20 * 24 * 60, 0.7);
                case "trade-show-scan" -> chance(r, 0.3) ? 0 : (long) logn(r, 6 * 24 * 60, 0.7);
                case "executive-dinner" -> 0;
                case "abm-campaign" -> (long) logn(r, 6 * 24 * 60, 0.9);
                default -> (long) logn(r, 10 * 24 * 60, 0.8);
            };
            Instant base = l.created.isAfter(l.inquiry) ? l.created : l.inquiry;
            l.mql = l.fixedMql != null ? l.fixedMql : base.plus(Duration.ofMinutes(minutes)).plusSeconds(r.nextInt(60));
            if (l.team == ENTERPRISE) {
                l.score = chance(r, 0.02) ? 55 + r.nextInt(10) : 65 + r.nextInt(35);
            } else if (hot(l)) {
                l.score = 60 + r.nextInt(40);
            } else {
                l.score = 50 + r.nextInt(40);
            }
        } else {
            l.score = hot(l) ? 20 + r.nextInt(30) : 3 + r.nextInt(45);
        }
        if (l.mql == null) return;

        Team team = l.team;
        LocalDate mqlDay = l.mql.atZone(team.zone).toLocalDate();
        Rep rep = team.rep(mqlDay, r);
        l.owner = rep.name();
        if (l.routingFailure) {
            l.team = null;
            l.owner = null;
            return;
        }
        double factor = rep.speed();
        if (team == SDR_EMEA && mqlDay.getMonthValue() == 8) factor *= 1.7; // summer holidays in Europe
        if (l.motion == Motion.EVENT && l.forcedMql != null) factor *= 1.8; // bulk promotion floods the desk

        // first touch by the rep (business time on the team's own calendar)
        double touchMedian;
        double touchSigma = 0.95;
        double touchProb;
        if (team == ENTERPRISE) {
            touchMedian = 75;
            touchProb = 0.98;
        } else if (team == CHANNEL) {
            touchMedian = l.source.equals("deal-registration") ? 90 : 80;
            touchProb = l.source.equals("deal-registration") ? 0.995 : 0.985;
        } else {
            touchMedian = hot(l) ? 10 : 55;
            touchSigma = hot(l) ? 0.8 : 0.95;
            touchProb = 0.975;
        }
        boolean touched = chance(r, touchProb);
        if (touched) l.touch = team.cal.add(l.mql, logn(r, touchMedian * factor, touchSigma));
        // quarter end: the Americas desk spends the afternoon of Wed 30 Sep in the pipeline review, and calls
        // from 14:00 on wait for the next morning
        if (l.touch != null && team == SDR_AMER && !l.touch.isBefore(QUARTER_END_REVIEW) && l.touch.isBefore(Q3_END)) {
            l.touch = ZonedDateTime.of(2026, 10, 1, 8, 40, 0, 0, NY).toInstant().plusSeconds(r.nextInt(7200));
        }

        // accept or reject
        boolean disposed = chance(r, touched ? 0.97 : 0.35);
        if (!disposed) return;
        Instant dispo;
        if (team == CHANNEL && l.source.equals("deal-registration")) {
            boolean tiered = l.tier.equals("platinum") || l.tier.equals("gold");
            dispo = team.cal.add(l.mql, logn(r, (tiered ? 200 : 600) * factor, 0.8));
            if (l.touch != null && l.touch.isAfter(dispo)) l.touch = dispo;
        } else {
            double median = team == ENTERPRISE ? 150 : team == CHANNEL ? 120 : 45;
            dispo = team.cal.add(l.touch != null ? l.touch : l.mql, logn(r, median * factor, 0.95));
        }

        double pSal;
        if (team == ENTERPRISE) {
            pSal = 0.62;
        } else if (team == CHANNEL) {
            pSal = l.source.equals("deal-registration") ? 0.72 : 0.5;
        } else {
            pSal = switch (l.source) {
                case "demo-request" -> 0.72;
                case "contact-sales" -> 0.68;
                case "chat", "free-trial" -> 0.55;
                case "webinar-registration", "content-download" -> l.channel.equals("content-syndication") ? 0.35 : 0.45;
                case "trade-show-scan" -> 0.40;
                default -> 0.35;
            };
            if (l.forcedMql != null) pSal = 0.15;
            if (team == SDR_EMEA && mqlDay.getMonthValue() == 8) pSal *= 0.8;
        }
        boolean otherGeo = false;
        for (Country c : OTHER) otherGeo |= c.code().equals(l.countryCode);
        if (otherGeo) pSal = 0.1;

        if (chance(r, pSal)) {
            l.sal = dispo;
        } else {
            l.rejected = dispo;
            double u = r.nextDouble();
            if (u < 0.02) {
                l.reason = null;
            } else if (u < 0.04) {
                l.reason = any(r, UNLISTED);
            } else if (otherGeo) {
                l.reason = "wrong-geography";
            } else if (team == ENTERPRISE) {
                l.reason = pick(r, ENT_REASONS, ENT_REASON_W);
            } else if (team == CHANNEL) {
                l.reason = pick(r, PARTNER_REASONS, PARTNER_REASON_W);
            } else {
                double[] w = SDR_REASON_W.clone();
                if (team == SDR_EMEA && mqlDay.getMonthValue() == 8) w[7] *= 2.5; // bad-timing: buyers on holiday
                l.reason = pick(r, SDR_REASONS, w);
            }
            return;
        }

        // opportunity
        double pSqo = team == ENTERPRISE ? 0.5 : team == CHANNEL ? (l.source.equals("deal-registration") ? 0.55 : 0.35) : 0.5;
        if (!chance(r, pSqo)) return;
        double toSqo = team == ENTERPRISE ? logn(r, 14, 0.6) : team == CHANNEL ? logn(r, 6, 0.6) : logn(r, 7, 0.6);
        l.sqo = team.cal.workingMomentAfter(l.sal, toSqo, r);
        double amountMedian = team == ENTERPRISE ? 125_000 : team == CHANNEL ? 38_000 : 21_000;
        double amount = logn(r, amountMedian, 0.45);
        long step = team == ENTERPRISE ? 1000 : 500;
        l.amount = StrictMath.max(step, StrictMath.round(amount / step) * step);

        double pWin = team == ENTERPRISE ? 0.22 : team == CHANNEL ? 0.36 : 0.27;
        boolean won = chance(r, pWin);
        double cycleMedian = team == ENTERPRISE ? 95 : team == CHANNEL ? 52 : 34;
        double days = logn(r, won ? cycleMedian : cycleMedian * 0.8, won ? 0.3 : 0.45);
        if (chance(r, 0.05)) days = 400; // stalled deal nobody closes out
        l.closed = team.cal.workingMomentAfter(l.sqo, days, r);
        l.outcome = won ? "won" : "lost";
        if (won) l.amount = StrictMath.round(l.amount * (0.85 + 0.2 * r.nextDouble()) / step) * step;
    }

    /** Events after the export have not happened: clear them (and what depends on them). */
    static void cutAtExport(Lead l) {
        if (l.mql != null && !l.mql.isBefore(EXPORT)) {
            l.mql = null;
            l.owner = null;
            l.touch = null;
            l.sal = null;
            l.rejected = null;
            l.reason = null;
            l.sqo = null;
            l.closed = null;
            l.outcome = null;
            l.amount = null;
        }
        if (l.auto != null && !l.auto.isBefore(EXPORT)) l.auto = null;
        if (l.touch != null && !l.touch.isBefore(EXPORT)) l.touch = null;
        if (l.sal != null && !l.sal.isBefore(EXPORT)) {
            l.sal = null;
            l.sqo = null;
            l.closed = null;
            l.outcome = null;
            l.amount = null;
        }
        if (l.rejected != null && !l.rejected.isBefore(EXPORT)) {
            l.rejected = null;
            l.reason = null;
        }
        if (l.sqo != null && !l.sqo.isBefore(EXPORT)) {
            l.sqo = null;
            l.closed = null;
            l.outcome = null;
            l.amount = null;
        }
        if (l.sqo != null && (l.closed == null || !l.closed.isBefore(EXPORT))) {
            l.closed = null;
            l.outcome = "open";
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Main
    // ------------------------------------------------------------------------------------------------

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "examples/northwind");
        if (args.length == 0 && !Files.isDirectory(Path.of("examples"))) {
            System.err.println("run from the repository root, or pass the output folder: java examples/generate/GenerateExample.java DIR");
            System.exit(2);
        }
        Files.createDirectories(out);

        List<Lead> all = new ArrayList<>();
        online(all);
        lastWebinar(all);
        syndication(all);
        events(all);
        abm(all, accounts());
        partners(all);
        plantBeforeLife(all);
        for (Lead l : all) live(l);
        for (Lead l : all) cutAtExport(l);

        List<Lead> kept = new ArrayList<>();
        for (Lead l : all) {
            if (l.created.isBefore(EXPORT) && (l.hasEventFrom(Q3_START) || "open".equals(l.outcome))) kept.add(l);
        }
        kept.sort(Comparator.comparing((Lead l) -> l.created).thenComparingLong(l -> l.seq));
        int n = 100001;
        for (Lead l : kept) l.id = "NWA-" + n++;
        List<Lead> opps = new ArrayList<>();
        for (Lead l : kept) if (l.sqo != null) opps.add(l);
        opps.sort(Comparator.comparing((Lead l) -> l.sqo).thenComparingLong(l -> l.seq));
        int o = 20001;
        for (Lead l : opps) l.oppId = "OPP-" + o++;

        List<String[]> extraRows = plantAfterLife(kept);
        writeLeads(out.resolve("leads.csv"), kept, extraRows);
        writeMetrics(out.resolve("metrics.csv"));
        System.out.println(summary(kept, extraRows.size()));
    }

    // ------------------------------------------------------------------------------------------------
    // Planted incidents (see examples/README.md)
    // ------------------------------------------------------------------------------------------------

    static boolean inMonth(Instant t, int month) {
        return t != null && t.atZone(NY).getYear() == 2026 && t.atZone(NY).getMonthValue() == month;
    }

    static void plantBeforeLife(List<Lead> all) {
        // 1. Bulk promotion: on Mon 2026-09-21 marketing ops promoted 30 London badge scans to MQL in one go,
        //    regardless of score; two of the scans carry no e-mail (no consent captured at the booth).
        Instant bulk = ZonedDateTime.of(2026, 9, 21, 10, 2, 0, 0, LONDON).toInstant();
        int promoted = 0;
        for (Lead l : all) {
            if (promoted < 30 && l.motion == Motion.EVENT && l.campaign.contains("london") && !l.willMql) {
                l.forcedMql = bulk.plusSeconds(promoted * 11L);
                if (promoted == 4 || promoted == 17) l.email = null;
                promoted++;
            }
        }
        // 2. Routing failures: two August online MQLs of the Americas that the assignment rule left without a
        //    team or owner (a new paid-search campaign missing from the routing table).
        int failures = 0;
        for (Lead l : all) {
            if (failures < 2 && l.motion == Motion.ONLINE && l.team == SDR_AMER && l.willMql && l.channel.equals("paid-search")
                    && inMonth(l.inquiry, 8) && l.inquiry.atZone(NY).getDayOfMonth() >= 18) {
                l.routingFailure = true;
                l.campaign = "2026-08-ps-competitor-conquest";
                failures++;
            }
        }
    }

    static List<String[]> plantAfterLife(List<Lead> kept) {
        // 3. Back-dated acceptances: two sdr-amer leads whose sal_at was keyed in before the MQL time.
        int backdated = 0;
        for (Lead l : kept) {
            if (backdated < 2 && l.team == SDR_AMER && l.sal != null && inMonth(l.mql, 8 + backdated)
                    && l.source.equals("free-trial")) {
                l.sal = l.mql.minus(Duration.ofMinutes(133 + 40L * backdated));
                backdated++;
            }
        }
        // 4. A won enterprise deal without an amount (closed-won entered before the order form was attached).
        for (Lead l : kept) {
            if (l.team == ENTERPRISE && "won".equals(l.outcome) && inMonth(l.closed, 8)) {
                l.amount = null;
                break;
            }
        }
        // 5. Unreadable rows, which the tool must report in rejected.csv rather than drop: a spreadsheet import
        //    with a US-style date, and the same lead exported twice after a re-assignment.
        List<String[]> extra = new ArrayList<>();
        for (Lead l : kept) {
            if (l.motion == Motion.EVENT && l.campaign.contains("chicago") && l.mql == null) {
                String[] row = row(l);
                row[0] = "NWA-IMP-0042";
                row[1] = "07/23/2026 10:41 AM";
                extra.add(new String[] {l.id, String.join("\u0001", row)});
                break;
            }
        }
        for (Lead l : kept) {
            if (l.team == SDR_EMEA && l.sal != null && inMonth(l.mql, 9) && l.owner != null) {
                String[] row = row(l);
                row[6] = l.owner.equals("Olivia Hughes") ? "Lukas Becker" : "Olivia Hughes";
                extra.add(new String[] {l.id, String.join("\u0001", row)});
                break;
            }
        }
        return extra;
    }

    // ------------------------------------------------------------------------------------------------
    // Output
    // ------------------------------------------------------------------------------------------------

    static ZoneId outZone(Lead l) {
        return l.team == null ? NY : l.team.zone;
    }

    static String ts(Instant t, ZoneId z) {
        return t == null ? "" : TS.format(t.truncatedTo(ChronoUnit.SECONDS).atZone(z));
    }

    static String[] row(Lead l) {
        ZoneId z = outZone(l);
        return new String[] {l.id, ts(l.created, z), l.source, l.channel, l.campaign, l.team == null ? "" : l.team.id,
                l.owner == null ? "" : l.owner, l.score == null ? "" : Integer.toString(l.score),
                l.company == null ? "" : l.company, l.title == null ? "" : l.title, l.email == null ? "" : l.email,
                l.countryCode, ts(l.inquiry, z), ts(l.mql, z), ts(l.auto, z), ts(l.touch, z), ts(l.sal, z),
                ts(l.rejected, z), l.reason == null ? "" : l.reason, ts(l.sqo, z), l.oppId == null ? "" : l.oppId,
                l.amount == null ? "" : Long.toString(l.amount), ts(l.closed, z), l.outcome == null ? "" : l.outcome,
                l.employees == null ? "" : Integer.toString(l.employees), l.tier == null ? "" : l.tier};
    }

    static String csv(String v) {
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }

    static void line(Writer w, String[] values) throws IOException {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) w.write(',');
            w.write(csv(values[i]));
        }
        w.write('\n');
    }

    static void writeLeads(Path file, List<Lead> kept, List<String[]> extraRows) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            line(w, COLUMNS);
            for (Lead l : kept) {
                line(w, row(l));
                for (String[] x : extraRows) {
                    if (x[0].equals(l.id)) line(w, x[1].split("\u0001", -1));
                }
            }
        }
    }

    record MetricRow(String period, String team, String metric, long value) {}

    static void writeMetrics(Path file) throws IOException {
        String[] months = {"2026-07", "2026-08", "2026-09"};
        // website visitors and digital program spend (paid search, paid social, webinars, syndication)
        long[] visitors = {92_400, 88_700, 101_300};
        long[] spend = {41_200, 56_900, 44_300}; // August: a paid-social experiment
        String[] teams = {"channel", "enterprise", "sdr-amer", "sdr-emea"};
        long[][] quota = {
                {330_000, 310_000, 360_000},   // channel
                {620_000, 590_000, 690_000},   // enterprise
                {360_000, 340_000, 400_000},   // sdr-amer
                {180_000, 150_000, 200_000}};  // sdr-emea
        long[] sessions = {5, 2, 4}; // partner enablement sessions delivered by the channel team
        List<MetricRow> rows = new ArrayList<>();
        long[] q = new long[8];
        for (int m = 0; m < 3; m++) {
            long companyQuota = 0;
            for (long[] t : quota) companyQuota += t[m];
            rows.add(new MetricRow(months[m], "", "visitors", visitors[m]));
            rows.add(new MetricRow(months[m], "", "spend", spend[m]));
            rows.add(new MetricRow(months[m], "", "quota", companyQuota));
            rows.add(new MetricRow(months[m], "", "partner_enablement_sessions", sessions[m]));
            for (int t = 0; t < teams.length; t++) {
                rows.add(new MetricRow(months[m], teams[t], "quota", quota[t][m]));
                if (teams[t].equals("channel")) rows.add(new MetricRow(months[m], teams[t], "partner_enablement_sessions", sessions[m]));
            }
            q[0] += visitors[m];
            q[1] += spend[m];
            q[2] += companyQuota;
            q[3] += sessions[m];
            for (int t = 0; t < teams.length; t++) q[4 + t] += quota[t][m];
        }
        rows.add(new MetricRow("2026-Q3", "", "visitors", q[0]));
        rows.add(new MetricRow("2026-Q3", "", "spend", q[1]));
        rows.add(new MetricRow("2026-Q3", "", "quota", q[2]));
        rows.add(new MetricRow("2026-Q3", "", "partner_enablement_sessions", q[3]));
        for (int t = 0; t < teams.length; t++) {
            rows.add(new MetricRow("2026-Q3", teams[t], "quota", q[4 + t]));
            if (teams[t].equals("channel")) rows.add(new MetricRow("2026-Q3", teams[t], "partner_enablement_sessions", q[3]));
        }
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            line(w, new String[] {"period", "team", "metric", "value"});
            for (MetricRow r : rows) line(w, new String[] {r.period(), r.team(), r.metric(), Long.toString(r.value())});
        }
    }

    static String summary(List<Lead> kept, int extra) {
        long q3 = 0;
        long mql = 0;
        long[] byTeam = new long[5];
        Team[] teams = {SDR_AMER, SDR_EMEA, ENTERPRISE, CHANNEL};
        for (Lead l : kept) {
            if (!l.created.isBefore(Q3_START) && l.created.isBefore(Q3_END)) q3++;
            if (l.mql != null && !l.mql.isBefore(Q3_START) && l.mql.isBefore(Q3_END)) mql++;
            int i = Arrays.asList(teams).indexOf(l.team);
            byTeam[i < 0 ? 4 : i]++;
        }
        return String.format(Locale.ROOT,
                "wrote %d leads (%d created in 2026-Q3, %d MQLs in 2026-Q3; sdr-amer %d, sdr-emea %d, enterprise %d, channel %d, no team %d) plus %d unreadable rows",
                kept.size(), q3, mql, byTeam[0], byTeam[1], byTeam[2], byTeam[3], byTeam[4], extra);
    }
}
