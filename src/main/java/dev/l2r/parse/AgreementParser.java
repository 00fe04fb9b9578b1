package dev.l2r.parse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.l2r.model.BusinessCalendar;
import dev.l2r.calendar.ZonedCalendar;
import dev.l2r.model.Agreement;
import dev.l2r.model.Bound;
import dev.l2r.model.Clause;
import dev.l2r.model.ClauseHeader;
import dev.l2r.model.Condition;
import dev.l2r.model.FieldType;
import dev.l2r.model.LeadField;
import dev.l2r.model.Metric;
import dev.l2r.model.OwnerRef;
import dev.l2r.model.Period;
import dev.l2r.model.PeriodKind;
import dev.l2r.model.Severity;
import dev.l2r.model.Stage;
import dev.l2r.model.Team;
import dev.l2r.model.Window;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import dev.l2r.source.ControlCharacters;
import dev.l2r.source.Loc;
import dev.l2r.source.Problems;
import dev.l2r.source.SourceTree;
import dev.l2r.parse.AgreementLimits;

/**
 * Turns an agreement document (YAML or JSON) into a validated {@link Agreement}. Every problem of the
 * file is collected with its line and field path before anything fails.
 */
public final class AgreementParser {

    private static final Pattern SLA_ID = Pattern.compile("[a-z0-9-]+");
    private static final Pattern CLAUSE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    private static final Pattern FIELD_NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");
    private static final Pattern METRIC_NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");
    private static final Pattern HOURS = Pattern.compile("\\s*(\\d{2}):(\\d{2})\\s*-\\s*(\\d{2}):(\\d{2})\\s*");
    private static final Pattern CALL = Pattern.compile("\\s*([a-z_]+)\\s*(?:\\((.*)\\))?\\s*");
    private static final List<String> DAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");

    private static final List<String> TOP = List.of("sla", "title", "version", "effective_from", "approved_by",
            "period", "timezone", "calendar", "teams", "fields", "data_quality", "clauses");
    private static final List<String> COMMON = List.of("id", "title", "type", "owner", "severity", "where");
    private static final Map<String, List<String>> BY_TYPE = Map.of(
            "target", List.of("metric", "min", "max", "per"),
            "followup", List.of("from", "to", "within", "warn_at"),
            "handoff", List.of("at", "require"),
            "rejection", List.of("reasons"),
            "rule", List.of("rule"));
    private static final List<String> TYPES = List.of("target", "followup", "handoff", "rejection", "rule");

    private final SourceTree tree;
    private final Problems problems;

    private AgreementParser(SourceTree tree) {
        this.tree = tree;
        this.problems = new Problems(tree);
    }

    /** Reads and validates an agreement file; throws {@link dev.l2r.InputError} listing every problem. */
    public static Agreement load(Path path) {
        SourceTree tree = SourceTree.read(path);
        return new AgreementParser(tree).parse(path.getFileName().toString());
    }

    private Agreement parse(String sourceName) {
        JsonNode root = tree.root();
        if (!root.isObject()) {
            problems.add(Loc.ROOT, "an agreement is a mapping with keys " + String.join(", ", TOP));
            problems.throwIfAny();
        }
        problems.unknownKeys(root, Loc.ROOT, TOP);

        String id = problems.text(root, Loc.ROOT, "sla", true);
        if (id != null && !SLA_ID.matcher(id).matches()) {
            problems.add(Loc.ROOT.field("sla"), "\"" + id + "\" is not an agreement id; use lower-case letters, digits and '-'");
        }
        String title = problems.text(root, Loc.ROOT, "title", false);
        String version = scalar(root, Loc.ROOT, "version");
        LocalDate effectiveFrom = date(root.get("effective_from"), Loc.ROOT.field("effective_from"));
        List<String> approvedBy = stringList(root, Loc.ROOT.field("approved_by"), false);

        PeriodKind period = null;
        String p = problems.text(root, Loc.ROOT, "period", true);
        if (p != null) {
            try {
                period = PeriodKind.valueOf(p.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(Loc.ROOT.field("period"), "\"" + p + "\" is not a period; use week, month or quarter");
            }
        }
        ZoneId zone = zone(root, Loc.ROOT, "timezone", true);
        BusinessCalendar calendar = calendar(root.get("calendar"), Loc.ROOT.field("calendar"));
        Map<String, Team> teams = teams(root.get("teams"), Loc.ROOT.field("teams"));
        Map<String, FieldType> fields = fields(root.get("fields"), Loc.ROOT.field("fields"));
        Conditions conditions = new Conditions(fields, zone == null ? ZoneId.of("UTC") : zone);
        List<Clause> clauses = clauses(root.get("clauses"), Loc.ROOT.field("clauses"), teams, conditions, calendar);

        Map<String, Integer> ignored = new LinkedHashMap<>();
        JsonNode dq = root.get("data_quality");
        Loc dql = Loc.ROOT.field("data_quality");
        if (dq != null && !dq.isNull()) {
            if (!dq.isObject()) {
                problems.add(dql, "expected { ignore: [DQ-ID, ...] }");
            } else {
                problems.unknownKeys(dq, dql, List.of("ignore"));
                List<String> ids = stringList(dq, dql.field("ignore"), false);
                for (int i = 0; i < ids.size(); i++) ignored.put(ids.get(i), tree.line(dql.field("ignore").index(i).pointer()));
            }
        }
        problems.throwIfAny();
        return new Agreement(id, title == null ? id : title, version == null ? "" : version, effectiveFrom,
                approvedBy, period, zone, calendar, teams, fields, clauses, ignored, sourceName);
    }

    // ---- calendar, teams, fields ----

    private BusinessCalendar calendar(JsonNode node, Loc at) {
        if (node == null || node.isNull()) return BusinessCalendar.standard();
        if (!node.isObject()) {
            problems.add(at, "expected a mapping with hours and holidays");
            return BusinessCalendar.standard();
        }
        problems.unknownKeys(node, at, List.of("hours", "holidays"));
        Map<DayOfWeek, List<BusinessCalendar.Span>> hours = new EnumMap<>(DayOfWeek.class);
        java.util.Set<DayOfWeek> seenDays = java.util.EnumSet.noneOf(DayOfWeek.class);
        JsonNode h = node.get("hours");
        Loc hl = at.field("hours");
        if (h == null) {
            hours.putAll(BusinessCalendar.standard().hours());
        } else if (!h.isObject()) {
            problems.add(hl, "expected a mapping such as { mon-fri: \"09:00-17:00\" }");
        } else {
            for (Iterator<Map.Entry<String, JsonNode>> it = h.fields(); it.hasNext(); ) {
                var e = it.next();
                Loc dl = hl.field(e.getKey());
                List<DayOfWeek> days = days(e.getKey());
                if (days == null) {
                    problems.add(dl, "\"" + e.getKey() + "\" is not a day or range of days; use mon..sun, a range such as mon-fri, or a list such as mon,wed");
                    continue;
                }
                List<BusinessCalendar.Span> spans = spans(e.getValue(), dl);
                if (spans == null) continue;
                for (DayOfWeek d : days) {
                    if (!seenDays.add(d)) {
                        problems.add(dl, DAYS.get(d.ordinal()) + " has hours twice");
                    } else if (!spans.isEmpty()) {
                        hours.put(d, spans);
                    }
                }
            }
        }
        List<LocalDate> holidays = dates(node.get("holidays"), at.field("holidays"));
        try {
            return new BusinessCalendar(hours, holidays);
        } catch (IllegalArgumentException e) {
            problems.add(hl, e.getMessage());
            return BusinessCalendar.standard();
        }
    }

    private List<LocalDate> dates(JsonNode hol, Loc at) {
        List<LocalDate> out = new ArrayList<>();
        if (hol == null || hol.isNull()) return out;
        if (!hol.isArray()) {
            problems.add(at, "expected a list of dates such as [2026-11-26, 2026-12-25]");
            return out;
        }
        if (hol.size() > AgreementLimits.MAX_HOLIDAYS) {
            problems.add(at, AgreementLimits.n(hol.size()) + " dates; a holidays list has at most " + AgreementLimits.n(AgreementLimits.MAX_HOLIDAYS));
            return out;
        }
        for (int i = 0; i < hol.size(); i++) {
            LocalDate d = date(hol.get(i), at.index(i));
            if (d != null) out.add(d);
        }
        return out;
    }

    private static List<DayOfWeek> days(String key) {
        List<DayOfWeek> out = new ArrayList<>();
        for (String part : key.toLowerCase(Locale.ROOT).split(",")) {
            String t = part.strip();
            int dash = t.indexOf('-');
            if (dash > 0) {
                int a = DAYS.indexOf(t.substring(0, dash).strip());
                int b = DAYS.indexOf(t.substring(dash + 1).strip());
                if (a < 0 || b < 0 || b < a) return null;
                for (int i = a; i <= b; i++) out.add(DayOfWeek.of(i + 1));
            } else {
                int a = DAYS.indexOf(t);
                if (a < 0) return null;
                out.add(DayOfWeek.of(a + 1));
            }
        }
        return out;
    }

    private List<BusinessCalendar.Span> spans(JsonNode v, Loc at) {
        if (!v.isTextual()) {
            problems.add(at, "expected hours such as \"09:00-17:00\" or \"09:00-12:00, 13:00-17:00\", or \"closed\"");
            return null;
        }
        String s = v.asText().strip();
        if (s.equalsIgnoreCase("closed")) return List.of();
        List<BusinessCalendar.Span> out = new ArrayList<>();
        for (String part : s.split(",")) {
            Matcher m = HOURS.matcher(part);
            int open = -1;
            int close = -1;
            if (m.matches()) {
                open = minutes(m.group(1), m.group(2));
                close = minutes(m.group(3), m.group(4));
            }
            if (open < 0 || close < 0 || close > 1440 || open >= close) {
                problems.add(at, "\"" + part.strip() + "\" is not a span of hours; use HH:MM-HH:MM with the start before the end (24:00 allowed as an end)");
                return null;
            }
            out.add(new BusinessCalendar.Span(open, close));
        }
        out.sort(java.util.Comparator.comparingInt(BusinessCalendar.Span::open));
        for (int i = 1; i < out.size(); i++) {
            if (out.get(i).open() < out.get(i - 1).close()) {
                problems.add(at, "\"" + s + "\": spans overlap");
                return null;
            }
        }
        return out;
    }

    private static int minutes(String hh, String mm) {
        int h = Integer.parseInt(hh);
        int m = Integer.parseInt(mm);
        if (m > 59 || h > 24 || (h == 24 && m != 0)) return -1;
        return h * 60 + m;
    }

    private Map<String, Team> teams(JsonNode node, Loc at) {
        Map<String, Team> teams = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            problems.add(at, "required: a mapping of team id to { owner: \"...\", timezone: ... }");
            return teams;
        }
        if (!node.isObject() || node.isEmpty()) {
            problems.add(at, "expected a mapping of team id to { owner: \"...\", timezone: ... }");
            return teams;
        }
        if (node.size() > AgreementLimits.MAX_TEAMS) {
            problems.add(at, AgreementLimits.n(node.size()) + " teams; an agreement has at most " + AgreementLimits.n(AgreementLimits.MAX_TEAMS));
            return teams;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            var e = it.next();
            String name = e.getKey();
            Loc tl = at.field(name);
            String bad = ControlCharacters.controlCharacter(name);
            if (name.isBlank() || bad != null || !name.equals(name.strip())) {
                problems.add(tl, "a team id must be non-blank, without leading or trailing spaces or control characters");
                continue;
            }
            JsonNode t = e.getValue();
            if (!t.isObject()) {
                problems.add(tl, "expected { owner: \"...\" } with an optional timezone");
                continue;
            }
            problems.unknownKeys(t, tl, List.of("owner", "timezone", "holidays"));
            String owner = problems.text(t, tl, "owner", true);
            ZoneId zone = zone(t, tl, "timezone", false);
            teams.put(name, new Team(name, owner, zone, new java.util.TreeSet<>(dates(t.get("holidays"), tl.field("holidays")))));
        }
        return teams;
    }

    private Map<String, FieldType> fields(JsonNode node, Loc at) {
        Map<String, FieldType> fields = new LinkedHashMap<>();
        if (node == null || node.isNull()) return fields;
        if (!node.isObject()) {
            problems.add(at, "expected a mapping of field name to text, number or timestamp");
            return fields;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            var e = it.next();
            Loc fl = at.field(e.getKey());
            if (!FIELD_NAME.matcher(e.getKey()).matches()) {
                problems.add(fl, "a field name is lower-case letters, digits and '_', starting with a letter");
                continue;
            }
            if (LeadField.of(e.getKey()).isPresent()) {
                problems.add(fl, e.getKey() + " is a canonical field already; declare only extra columns");
                continue;
            }
            String type = e.getValue().isTextual() ? e.getValue().asText() : "";
            switch (type) {
                case "text" -> fields.put(e.getKey(), FieldType.TEXT);
                case "number" -> fields.put(e.getKey(), FieldType.NUMBER);
                case "timestamp" -> fields.put(e.getKey(), FieldType.TIMESTAMP);
                default -> problems.add(fl, "\"" + e.getValue().asText() + "\" is not a field type; use text, number or timestamp");
            }
        }
        return fields;
    }

    // ---- clauses ----

    private List<Clause> clauses(JsonNode node, Loc at, Map<String, Team> teams, Conditions conditions,
                                 BusinessCalendar calendar) {
        List<Clause> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            problems.add(at, "required: a list of clauses");
            return out;
        }
        if (!node.isArray() || node.isEmpty()) {
            problems.add(at, "expected a non-empty list of clauses");
            return out;
        }
        if (node.size() > AgreementLimits.MAX_CLAUSES) {
            problems.add(at, AgreementLimits.n(node.size()) + " clauses; an agreement has at most " + AgreementLimits.n(AgreementLimits.MAX_CLAUSES)
                    + " (split it into several agreements)");
            return out;
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode c = node.get(i);
            Loc cl = at.index(i);
            if (!c.isObject()) {
                problems.add(cl, "a clause is a mapping with id, type, owner and the fields of its type");
                continue;
            }
            String type = problems.text(c, cl, "type", true);
            if (type != null && !TYPES.contains(type)) {
                problems.add(cl.field("type"), "unknown clause type \"" + type + "\"; use " + String.join(", ", TYPES));
                type = null;
            }
            List<String> allowed = new ArrayList<>(COMMON);
            if (type != null) allowed.addAll(BY_TYPE.get(type));
            else BY_TYPE.values().forEach(allowed::addAll);
            problems.unknownKeys(c, cl, allowed);

            String id = problems.text(c, cl, "id", true);
            if (id != null && !CLAUSE_ID.matcher(id).matches()) {
                problems.add(cl.field("id"), "\"" + id + "\" is not a clause id; use letters, digits, '_', '.' and '-' (at most 64)");
                id = null;
            } else if (id != null && !ids.add(id)) {
                problems.add(cl.field("id"), "clause id \"" + id + "\" is used twice");
            }
            String title = problems.text(c, cl, "title", false);
            OwnerRef owner = owner(c, cl, teams);
            Severity severity = Severity.MAJOR;
            String sev = problems.text(c, cl, "severity", false);
            if (sev != null) {
                severity = Severity.of(sev).orElse(null);
                if (severity == null) problems.add(cl.field("severity"), "\"" + sev + "\" is not a severity; use critical, major or minor");
            }
            List<Condition> where = conditions(c, cl.field("where"), conditions, false);
            if (type == null || id == null) continue;
            ClauseHeader head = new ClauseHeader(id, title == null ? defaultTitle(type, c) : title, owner,
                    severity == null ? Severity.MAJOR : severity, where, tree.line(cl.pointer()));
            Clause clause = switch (type) {
                case "target" -> target(c, cl, head, teams);
                case "followup" -> followUp(c, cl, head, calendar);
                case "handoff" -> handoff(c, cl, head, conditions);
                case "rejection" -> rejection(c, cl, head);
                default -> rule(c, cl, head);
            };
            if (clause != null) out.add(clause);
        }
        return out;
    }

    private static String defaultTitle(String type, JsonNode c) {
        JsonNode m = c.get("metric");
        return switch (type) {
            case "target" -> "Target " + (m != null ? m.asText() : "");
            case "followup" -> "Follow-up " + c.path("from").asText() + " to " + c.path("to").toString().replace("\"", "")
                    + " within " + c.path("within").asText();
            case "handoff" -> "Handoff criteria at " + c.path("at").asText();
            case "rejection" -> "Rejections carry an agreed reason";
            default -> "Rule " + c.path("rule").asText();
        };
    }

    private OwnerRef owner(JsonNode c, Loc cl, Map<String, Team> teams) {
        String owner = problems.text(c, cl, "owner", true);
        if (owner == null) return OwnerRef.leadTeam();
        if (owner.equals(OwnerRef.LEAD_TEAM)) return OwnerRef.leadTeam();
        if (!teams.containsKey(owner)) {
            problems.add(cl.field("owner"), "unknown team \"" + owner + "\"; use lead.team or one of: " + String.join(", ", teams.keySet()));
        }
        return new OwnerRef(owner);
    }

    private Clause target(JsonNode c, Loc cl, ClauseHeader head, Map<String, Team> teams) {
        Metric metric = null;
        String m = problems.text(c, cl, "metric", true);
        if (m != null) {
            metric = metric(m);
            if (metric == null) {
                problems.add(cl.field("metric"), "\"" + m + "\" is not a metric; use count(STAGE), conversion(A, B), win_rate, "
                        + "average_selling_price, revenue, sales_cycle_days, cycle_days(A, B), pipeline_coverage, metric(NAME) or cost_per(STAGE)");
            }
        }
        Clause.Per perWhat = Clause.Per.ALL;
        String per = problems.text(c, cl, "per", false);
        if (per != null) {
            if (per.equals("team")) perWhat = Clause.Per.TEAM;
            else if (per.equals("owner")) perWhat = Clause.Per.OWNER;
            else problems.add(cl.field("per"), "\"" + per + "\" cannot be used; use team (each team on the leads) or owner (each lead owner)");
        }
        boolean perTeam = perWhat != Clause.Per.ALL;
        Bound min = bound(c.get("min"), cl.field("min"), perWhat, teams);
        Bound max = bound(c.get("max"), cl.field("max"), perWhat, teams);
        if (c.get("min") == null && c.get("max") == null) {
            problems.add(cl, "a target needs min, max or both");
        }
        if (min != null && max != null && min.all() != null && max.all() != null && min.all().compareTo(max.all()) > 0) {
            problems.add(cl.field("min"), "min " + min.all().toPlainString() + " is above max " + max.all().toPlainString());
        }
        if (perWhat == Clause.Per.OWNER && (metric instanceof Metric.PipelineCoverage || metric instanceof Metric.Named
                || metric instanceof Metric.CostPer)) {
            problems.add(cl.field("per"), metric.text() + " reads metrics.csv, whose rows are per team, not per owner; use per: team");
        }
        if (head.owner().isLeadTeam() && !perTeam) {
            problems.add(cl.field("owner"), "lead.team names the team being measured, so it needs per: team (or per: owner); or name a team");
        }
        if (metric == null) return null;
        return new Clause.Target(head, metric, min, max, perWhat);
    }

    private static Metric metric(String text) {
        Matcher m = CALL.matcher(text);
        if (!m.matches()) return null;
        String name = m.group(1);
        List<String> args = m.group(2) == null ? null
                : java.util.Arrays.stream(m.group(2).split(",", -1)).map(String::strip).toList();
        if (args == null) {
            return switch (name) {
                case "win_rate" -> new Metric.WinRate();
                case "average_selling_price" -> new Metric.AverageSellingPrice();
                case "revenue" -> new Metric.Revenue();
                case "sales_cycle_days" -> new Metric.SalesCycleDays();
                case "pipeline_coverage" -> new Metric.PipelineCoverage();
                default -> null;
            };
        }
        switch (name) {
            case "count", "cost_per" -> {
                if (args.size() != 1) return null;
                Stage s = Stage.of(args.get(0)).orElse(null);
                if (s == null) return null;
                return name.equals("count") ? new Metric.Count(s) : new Metric.CostPer(s);
            }
            case "conversion", "cycle_days" -> {
                if (args.size() != 2) return null;
                Stage a = Stage.of(args.get(0)).orElse(null);
                Stage b = Stage.of(args.get(1)).orElse(null);
                if (a == null || b == null || a == b) return null;
                return name.equals("conversion") ? new Metric.Conversion(a, b) : new Metric.CycleDays(a, b);
            }
            case "metric" -> {
                if (args.size() != 1 || !METRIC_NAME.matcher(args.get(0)).matches()) return null;
                return new Metric.Named(args.get(0));
            }
            default -> {
                return null;
            }
        }
    }

    private Bound bound(JsonNode v, Loc at, Clause.Per per, Map<String, Team> teams) {
        boolean perTeam = per != Clause.Per.ALL;
        if (v == null || v.isNull()) return null;
        if (v.isNumber() && !dev.l2r.Numbers.inRange(v.decimalValue())) {
            problems.add(at, "a bound is a decimal number below 10^15 with at most 12 decimals");
            return null;
        }
        if (v.isNumber()) return Bound.of(v.decimalValue());
        if (v.isObject()) {
            if (!perTeam) {
                problems.add(at, "a map of team (or owner) to number needs per: team (or per: owner)");
                return null;
            }
            if (v.size() > AgreementLimits.MAX_BOUND_ENTRIES) {
                problems.add(at, AgreementLimits.n(v.size()) + " entries; a map of bounds has at most " + AgreementLimits.n(AgreementLimits.MAX_BOUND_ENTRIES));
                return null;
            }
            Map<String, BigDecimal> m = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
                var e = it.next();
                Loc tl = at.field(e.getKey());
                String bad = ControlCharacters.controlCharacter(e.getKey());
                if (per == Clause.Per.OWNER && (bad != null || e.getKey().isBlank())) {
                    problems.add(tl, "an owner name is non-blank text without control characters");
                } else if (per == Clause.Per.TEAM && !teams.containsKey(e.getKey())) {
                    problems.add(tl, "unknown team \"" + e.getKey() + "\"; teams: " + String.join(", ", teams.keySet()));
                } else if (!e.getValue().isNumber() || !dev.l2r.Numbers.inRange(e.getValue().decimalValue())) {
                    problems.add(tl, "expected a decimal number below 10^15");
                } else {
                    m.put(e.getKey(), e.getValue().decimalValue());
                }
            }
            return Bound.perTeam(m);
        }
        problems.add(at, "expected a number" + (perTeam ? " or a map of team to number" : ""));
        return null;
    }

    private Clause followUp(JsonNode c, Loc cl, ClauseHeader head, BusinessCalendar calendar) {
        Stage from = stage(c, cl, "from");
        List<Stage> to = new ArrayList<>();
        JsonNode t = c.get("to");
        Loc tl = cl.field("to");
        if (t == null) {
            problems.add(tl, "required: a stage or a list of stages");
        } else if (t.isTextual()) {
            Stage s = stageValue(t.asText(), tl);
            if (s != null) to.add(s);
        } else if (t.isArray() && !t.isEmpty()) {
            for (int i = 0; i < t.size(); i++) {
                Stage s = t.get(i).isTextual() ? stageValue(t.get(i).asText(), tl.index(i)) : null;
                if (s == null && !t.get(i).isTextual()) problems.add(tl.index(i), "expected a stage: " + Stage.valid());
                if (s != null && !to.contains(s)) to.add(s);
            }
        } else {
            problems.add(tl, "expected a stage or a non-empty list of stages");
        }
        if (from != null && to.contains(from)) problems.add(tl, "the clock cannot stop at the stage that starts it (" + from.key() + ")");
        Window within = null;
        String w = problems.text(c, cl, "within", true);
        if (w != null) {
            within = Durations.parse(w).orElse(null);
            if (within == null) problems.add(cl.field("within"), "\"" + w + "\" is not a duration; " + Durations.HINT);
            else if (!Durations.atMostAYear(within)) {
                problems.add(cl.field("within"), "\"" + w + "\" is longer than a year; a follow-up window is at most 366 days, "
                        + "366 business days, 8784 hours or 527040 minutes");
                within = null;
            }
            else if (within.business() && !calendar.hasHours()) {
                problems.add(cl.field("within"), "a business window needs business hours, and calendar.hours has none");
            }
            else if (within.business() && within.unit() != Window.Unit.DAYS
                    && within.minutes() / calendar.weeklyMinutes() * 7 > ZonedCalendar.SEARCH_DAYS) {
                problems.add(cl.field("within"), "\"" + w + "\" takes more than ten years of the " + calendar.weeklyMinutes()
                        + " business minutes a week in calendar.hours; shorten the window or widen the hours");
            }
        }
        Double warnAt = null;
        JsonNode wa = c.get("warn_at");
        if (wa != null && !wa.isNull()) {
            if (!wa.isNumber() || wa.doubleValue() <= 0 || wa.doubleValue() > 1) {
                problems.add(cl.field("warn_at"), "expected a fraction of the window above 0 and at most 1, such as 0.75");
            } else {
                warnAt = wa.doubleValue();
            }
        }
        if (from == null || to.isEmpty() || within == null) return null;
        return new Clause.FollowUp(head, from, to, within, warnAt);
    }

    private Clause handoff(JsonNode c, Loc cl, ClauseHeader head, Conditions conditions) {
        Stage at = stage(c, cl, "at");
        List<Condition> require = conditions(c, cl.field("require"), conditions, true);
        if (at == null || require.isEmpty()) return null;
        return new Clause.Handoff(head, at, require);
    }

    private Clause rejection(JsonNode c, Loc cl, ClauseHeader head) {
        List<String> reasons = stringList(c, cl.field("reasons"), true);
        if (reasons.size() > AgreementLimits.MAX_LIST_VALUES) {
            problems.add(cl.field("reasons"), AgreementLimits.n(reasons.size()) + " reasons; a list has at most " + AgreementLimits.n(AgreementLimits.MAX_LIST_VALUES));
            return null;
        }
        for (int i = 0; i < reasons.size(); i++) {
            String bad = ControlCharacters.controlCharacter(reasons.get(i));
            if (bad != null) problems.add(cl.field("reasons").index(i), "contains a control character (" + bad + ")");
        }
        if (reasons.isEmpty()) return null;
        return new Clause.Rejection(head, reasons);
    }

    private Clause rule(JsonNode c, Loc cl, ClauseHeader head) {
        String name = problems.text(c, cl, "rule", true);
        if (name == null) return null;
        String bad = ControlCharacters.controlCharacter(name);
        if (bad != null || name.isBlank()) {
            problems.add(cl.field("rule"), "a rule name is non-blank text without control characters");
            return null;
        }
        return new Clause.Rule(head, name);
    }

    private List<Condition> conditions(JsonNode c, Loc at, Conditions parser, boolean required) {
        List<Condition> out = new ArrayList<>();
        String name = at.display().substring(at.display().lastIndexOf('.') + 1);
        JsonNode v = c.get(name);
        if (v == null || v.isNull()) {
            if (required) problems.add(at, "required: a list of conditions such as [\"score >= 60\", \"company is present\"]");
            return out;
        }
        if (v.isTextual()) {
            problems.add(at, "expected a list of conditions; write [\"" + v.asText() + "\"]");
            return out;
        }
        if (!v.isArray() || (required && v.isEmpty())) {
            problems.add(at, "expected a " + (required ? "non-empty " : "") + "list of conditions");
            return out;
        }
        if (v.size() > AgreementLimits.MAX_CONDITIONS) {
            problems.add(at, AgreementLimits.n(v.size()) + " conditions; a list has at most " + AgreementLimits.n(AgreementLimits.MAX_CONDITIONS));
            return out;
        }
        for (int i = 0; i < v.size(); i++) {
            if (!v.get(i).isTextual()) {
                problems.add(at.index(i), "a condition is text such as \"channel = partner\"; " + Conditions.HINT);
                continue;
            }
            String[] err = new String[1];
            Condition cond = parser.parse(v.get(i).asText(), err);
            if (cond == null) problems.add(at.index(i), err[0]);
            else out.add(cond);
        }
        return out;
    }

    // ---- scalars ----

    private Stage stage(JsonNode c, Loc cl, String key) {
        String s = problems.text(c, cl, key, true);
        return s == null ? null : stageValue(s, cl.field(key));
    }

    private Stage stageValue(String s, Loc at) {
        Stage st = Stage.of(s).orElse(null);
        if (st == null) problems.add(at, "unknown stage \"" + s + "\"; use one of: " + Stage.valid());
        return st;
    }

    private ZoneId zone(JsonNode node, Loc at, String key, boolean required) {
        String z = problems.text(node, at, key, required);
        if (z == null) return null;
        try {
            if (!z.contains("/") && !z.equals("UTC")) throw new DateTimeException("not a region");
            return ZoneId.of(z);
        } catch (DateTimeException e) {
            problems.add(at.field(key), "\"" + z + "\" is not an IANA time zone; use a name such as America/New_York, Europe/London or UTC");
            return null;
        }
    }

    private LocalDate date(JsonNode v, Loc at) {
        if (v == null || v.isNull()) return null;
        LocalDate d;
        try {
            d = LocalDate.parse(v.asText());
        } catch (DateTimeException e) {
            problems.add(at, "\"" + v.asText() + "\" is not a date; use YYYY-MM-DD");
            return null;
        }
        if (!Period.validYear(d.getYear())) {
            problems.add(at, "\"" + v.asText() + "\" is outside the years " + AgreementLimits.MIN_YEAR + " to " + AgreementLimits.MAX_YEAR);
            return null;
        }
        return d;
    }


    /** Text, or a number/boolean taken as its text (e.g. an unquoted version 2026.1). */
    private String scalar(JsonNode node, Loc at, String key) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) return null;
        if (!v.isValueNode()) {
            problems.add(at.field(key), "expected text, found " + Problems.kind(v));
            return null;
        }
        return v.isBigDecimal() ? v.decimalValue().toPlainString() : v.asText();
    }

    private List<String> stringList(JsonNode node, Loc at, boolean required) {
        String key = at.display().substring(at.display().lastIndexOf('.') + 1);
        JsonNode v = node.get(key);
        List<String> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            if (required) problems.add(at, "required: a list");
            return out;
        }
        if (!v.isArray() || (required && v.isEmpty())) {
            problems.add(at, "expected a " + (required ? "non-empty " : "") + "list of text");
            return out;
        }
        for (int i = 0; i < v.size(); i++) {
            if (!v.get(i).isValueNode() || v.get(i).isNull()) problems.add(at.index(i), "expected text");
            else out.add(v.get(i).asText());
        }
        return out;
    }


}
