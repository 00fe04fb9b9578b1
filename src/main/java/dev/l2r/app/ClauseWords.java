package dev.l2r.app;

import dev.l2r.model.Agreement;
import dev.l2r.model.Bound;
import dev.l2r.model.BusinessCalendar;
import dev.l2r.model.Clause;
import dev.l2r.model.Condition;
import dev.l2r.model.Metric;
import dev.l2r.model.Stage;
import dev.l2r.model.Team;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/** A clause in plain words, one sentence form per clause type and metric ({@code l2r explain --clause}). */
final class ClauseWords {

    /** Values of an in/not-in list named before the rest are counted. */
    private static final int SHOWN_VALUES = 12;

    private ClauseWords() {}

    static String sentence(Agreement a, Clause c) {
        String head = c.id() + " (" + c.head().severity().key() + ", " + owner(a, c) + "): ";
        return head + body(a, c);
    }

    private static String body(Agreement a, Clause c) {
        if (c instanceof Clause.FollowUp f) return followUp(a, f);
        if (c instanceof Clause.Handoff h) {
            return "every lead that " + event(h.at()) + " in the period" + where(c) + " must meet "
                    + (h.require().size() == 1 ? "this requirement" : "every requirement") + ": "
                    + requirements(h.require());
        }
        if (c instanceof Clause.Rejection r) {
            return "every lead that was rejected by sales in the period" + where(c)
                    + " must carry a rejection reason from the agreed list (" + list(r.reasons(), " or ")
                    + "); a missing or other reason is a violation";
        }
        if (c instanceof Clause.Target t) return target(t);
        Clause.Rule r = (Clause.Rule) c;
        return "decided by the hand-written rule \"" + r.rule() + "\" in rules/"
                + (c.head().where().isEmpty() ? "" : ", for the leads" + where(c).replaceFirst("^ and", ""))
                + "; each lead it reports on is met or violated";
    }

    private static String owner(Agreement a, Clause c) {
        if (c.head().owner().isLeadTeam()) return "owned by each lead's own team";
        String team = c.head().owner().team();
        String person = a.ownerOf(team);
        return "owned by " + team + (person == null ? "" : " (" + person + ")");
    }

    private static String followUp(Agreement a, Clause.FollowUp f) {
        StringBuilder s = new StringBuilder("for every lead that ")
                .append(event(f.from()))
                .append(" in the period")
                .append(where(f))
                .append(", ")
                .append(f.to().size() == 1 ? noun(f.to().get(0)) : "the first of " + nouns(f.to()))
                .append(" must follow within ")
                .append(f.within().text());
        if (f.within().business()) s.append(" on ").append(calendars(a, f));
        else s.append(" (calendar time, around the clock)");
        if (f.warnAt() != null)
            s.append("; at risk once ").append(share(f.warnAt())).append(" has passed");
        return s.toString();
    }

    /** "the team's calendar (Mon–Fri 09:00–17:00, America/New_York; sdr-emea: Europe/London, its holidays ...)". */
    private static String calendars(Agreement a, Clause.FollowUp f) {
        String base = hours(a.calendar()) + ", " + a.zone().getId()
                + holidays(a.calendar().holidays());
        if (!f.head().owner().isLeadTeam()) {
            String team = f.head().owner().team();
            return team + "'s calendar (" + hours(a.calendar()) + ", "
                    + a.zoneOf(team).getId() + holidays(a.calendarOf(team).holidays()) + ")";
        }
        List<String> own = new ArrayList<>();
        for (Team t : a.teams().values()) {
            boolean zone = t.zone() != null && !t.zone().equals(a.zone());
            if (!zone && t.holidays().isEmpty()) continue;
            List<String> what = new ArrayList<>();
            if (zone) what.add(t.zone().getId());
            if (!t.holidays().isEmpty()) what.add("its holidays " + dates(t.holidays()));
            own.add(t.id() + ": " + String.join(", ", what));
        }
        return "the team's calendar (" + base + (own.isEmpty() ? "" : "; " + String.join("; ", own)) + ")";
    }

    static String holidays(Collection<LocalDate> days) {
        return days.isEmpty() ? "" : ", holidays " + dates(days);
    }

    private static String dates(Collection<LocalDate> days) {
        List<String> d = days.stream().sorted().map(LocalDate::toString).toList();
        return d.size() <= 6 ? String.join(", ", d) : String.join(", ", d.subList(0, 6)) + " … (" + d.size() + " days)";
    }

    /** Weekly hours, consecutive days with the same hours joined: "Mon–Fri 09:00–17:00". */
    static String hours(BusinessCalendar cal) {
        List<String> parts = new ArrayList<>();
        DayOfWeek[] days = DayOfWeek.values();
        int i = 0;
        while (i < days.length) {
            List<BusinessCalendar.Span> spans = cal.hours().getOrDefault(days[i], List.of());
            int j = i;
            while (j + 1 < days.length && Objects.equals(cal.hours().getOrDefault(days[j + 1], List.of()), spans)) j++;
            if (!spans.isEmpty()) {
                String name = day(days[i]) + (j > i ? "–" + day(days[j]) : "");
                parts.add(name + " " + spans.stream().map(ClauseWords::span).collect(Collectors.joining(", ")));
            }
            i = j + 1;
        }
        return parts.isEmpty() ? "never open" : String.join(", ", parts);
    }

    static String span(BusinessCalendar.Span sp) {
        return clock(sp.open()) + "–" + clock(sp.close());
    }

    private static String clock(int minutes) {
        return String.format(Locale.ROOT, "%02d:%02d", minutes / 60, minutes % 60);
    }

    static String day(DayOfWeek d) {
        return d.getDisplayName(TextStyle.SHORT, Locale.ROOT);
    }

    private static String share(double warnAt) {
        if (warnAt == 0.5) return "half the window";
        return trim(warnAt * 100) + "% of the window";
    }

    private static String requirements(List<Condition> require) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < require.size(); i++) out.add((i + 1) + ". " + condition(require.get(i)));
        return String.join("; ", out);
    }

    /** " and whose source is demo-request or contact-sales and ...", or "" without a segment. */
    static String where(Clause c) {
        StringBuilder s = new StringBuilder();
        for (Condition w : c.head().where()) s.append(" and whose ").append(condition(w));
        return s.toString();
    }

    /** A condition in words: "source is demo-request or contact-sales", "score is at least 60". */
    static String condition(Condition c) {
        String f = c.field().name();
        return switch (c.op()) {
            case EQ -> f + " is " + value(c.value());
            case NE -> f + " is not " + value(c.value());
            case LT -> f + " is below " + value(c.value());
            case LE -> f + " is at most " + value(c.value());
            case GT -> f + " is above " + value(c.value());
            case GE -> f + " is at least " + value(c.value());
            case IN -> f + " is " + list(c.values(), " or ");
            case NOT_IN -> f + " is none of " + list(c.values(), ", ");
            case PRESENT -> f + " is present";
            case ABSENT -> f + " is absent";
        };
    }

    private static String list(List<?> values, String lastGlue) {
        List<String> v = values.stream().map(ClauseWords::value).toList();
        if (v.size() > SHOWN_VALUES) {
            return String.join(", ", v.subList(0, SHOWN_VALUES)) + " … (" + v.size() + " values)";
        }
        if (v.size() == 1) return v.get(0);
        return String.join(", ", v.subList(0, v.size() - 1)) + lastGlue + v.get(v.size() - 1);
    }

    static String value(Object v) {
        if (v instanceof BigDecimal n) return n.stripTrailingZeros().toPlainString();
        if (v instanceof Instant t) return t.atZone(ZoneId.of("UTC")).toString();
        return String.valueOf(v);
    }

    /** A stage as something a lead did: "became an MQL". */
    static String event(Stage s) {
        return switch (s) {
            case INQUIRY -> "made an inquiry";
            case MQL -> "became an MQL";
            case SAL -> "was accepted by sales (SAL)";
            case REJECTED -> "was rejected by sales";
            case SQO -> "became a sales-qualified opportunity (SQO)";
            case WON -> "was won";
            case LOST -> "was lost";
            case AUTO_RESPONSE -> "got an auto-response";
            case FIRST_TOUCH -> "was first touched";
        };
    }

    /** A stage as a noun: "a first touch". */
    static String noun(Stage s) {
        return switch (s) {
            case INQUIRY -> "an inquiry";
            case MQL -> "an MQL";
            case SAL -> "a sales acceptance (SAL)";
            case REJECTED -> "a rejection by sales";
            case SQO -> "a sales-qualified opportunity (SQO)";
            case WON -> "a win";
            case LOST -> "a loss";
            case AUTO_RESPONSE -> "an auto-response";
            case FIRST_TOUCH -> "a first touch";
        };
    }

    private static String nouns(List<Stage> stages) {
        return list(stages.stream().map(ClauseWords::noun).toList(), " or ");
    }

    private static String target(Clause.Target t) {
        String who = switch (t.per()) {
            case ALL -> "for the company as a whole";
            case TEAM -> "for each team";
            case OWNER -> "for each lead owner (rep)";
        };
        String segment =
                t.head().where().isEmpty() ? "" : ", counting only the leads" + where(t).replaceFirst("^ and", "");
        return t.metric().text() + " is " + measures(t.metric()) + ", measured over the period " + who + segment + "; "
                + bounds(t);
    }

    /** What a metric measures. */
    static String measures(Metric m) {
        if (m instanceof Metric.Count c) return "the number of leads that " + event(c.stage()) + " in the period";
        if (m instanceof Metric.Conversion c) {
            return "of the leads with " + c.from().key() + " in the period, the share that reached " + c.to().key()
                    + " by the as-of time";
        }
        if (m instanceof Metric.WinRate) return "won / (won + lost) of the deals closed in the period";
        if (m instanceof Metric.AverageSellingPrice) return "the mean amount of the deals won in the period";
        if (m instanceof Metric.Revenue) return "the sum of the amounts of the deals won in the period";
        if (m instanceof Metric.SalesCycleDays) return "the median days from SQO to won of the deals won in the period";
        if (m instanceof Metric.CycleDays d) {
            return "the median days from " + d.from().key() + " to " + d.to().key() + " of the leads that reached "
                    + d.to().key() + " in the period";
        }
        if (m instanceof Metric.PipelineCoverage) {
            return "the amount of the opportunities open at the as-of time divided by the quota in metrics.csv";
        }
        if (m instanceof Metric.Named n) return "the value of " + n.name() + " in metrics.csv for the period";
        Metric.CostPer c = (Metric.CostPer) m;
        return "spend from metrics.csv divided by the number of leads that " + event(c.stage()) + " in the period";
    }

    private static String bounds(Clause.Target t) {
        List<String> parts = new ArrayList<>();
        bound("at least", t.min(), parts);
        bound("at most", t.max(), parts);
        return "it must be " + String.join(" and ", parts);
    }

    private static void bound(String word, Bound b, List<String> parts) {
        if (b == null) return;
        if (b.perTeam() == null) {
            parts.add(word + " " + trim(b.all().doubleValue()));
            return;
        }
        List<String> each = new ArrayList<>();
        for (Map.Entry<String, BigDecimal> e : b.perTeam().entrySet())
            each.add(e.getKey() + " " + trim(e.getValue().doubleValue()));
        parts.add(word + " " + String.join(", ", each) + " (a subject not named is not assessed)");
    }

    private static String trim(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
