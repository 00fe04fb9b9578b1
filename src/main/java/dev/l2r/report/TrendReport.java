package dev.l2r.report;

import dev.l2r.evaluate.HumanFormat;
import dev.l2r.history.RunRecord;
import dev.l2r.history.RunRecord.ClauseRow;
import dev.l2r.history.RunRecord.TargetRow;
import dev.l2r.history.RunRecord.TeamRow;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The multi-period summary ({@code l2r report}), rendered from the history alone: the latest period's
 * verdict and its change against the one before, then each period, team, clause, target and data-quality
 * check across the periods. Also the trend sentences a single-period summary shows.
 */
public final class TrendReport {

    private static final String NONE = "—";

    private TrendReport() {}

    /** A heading, a paragraph ({@code strong} first, in bold) or a table; rendered to Markdown and HTML alike. */
    private record Block(
            int level, String strong, String text, List<String> header, List<List<String>> rows, List<Boolean> right) {}

    /**
     * The report as Markdown.
     *
     * @param runs the latest run of each period, in period order, at least one
     * @param missing periods in the range with no recorded run: labels, or spans of consecutive periods
     *     ({@code 2026-10 to 2026-12})
     */
    public static String markdown(List<RunRecord> runs, List<String> missing) {
        StringBuilder b = new StringBuilder();
        for (Block k : blocks(runs, missing)) {
            if (k.level() > 0) {
                b.append("#".repeat(k.level()))
                        .append(' ')
                        .append(Summary.md(k.text()))
                        .append("\n\n");
            } else if (k.header() == null) {
                if (k.strong() != null)
                    b.append("**").append(Summary.md(k.strong())).append("** ");
                b.append(Summary.md(k.text())).append("\n\n");
            } else {
                b.append('|');
                for (String x : k.header()) b.append(' ').append(Summary.md(x)).append(" |");
                b.append("\n|");
                for (Boolean r : k.right()) b.append(r ? " ---: |" : " --- |");
                b.append('\n');
                for (List<String> row : k.rows()) {
                    b.append('|');
                    for (String c : row) b.append(' ').append(Summary.md(c)).append(" |");
                    b.append('\n');
                }
                b.append('\n');
            }
        }
        return b.toString().stripTrailing() + "\n";
    }

    /** The report as one self-contained HTML page (inline CSS, no scripts); arguments as {@link #markdown}. */
    public static String html(List<RunRecord> runs, List<String> missing) {
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(Summary.h(title(runs)))
                .append("</title>\n<style>\n")
                .append("body{font-family:system-ui,sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem;"
                        + "color:#1f2328}\n")
                .append("table{border-collapse:collapse;margin:0 0 1.5rem}th,td{border:1px solid #d0d7de;"
                        + "padding:.3rem .6rem;text-align:left}\n")
                .append("td.n,th.n{text-align:right}th{background:#f6f8fa}\n")
                .append(".scroll{overflow-x:auto}svg{max-width:100%;height:auto}\n")
                .append("@media print{.scroll{overflow:visible}}@page{margin:12mm}\n")
                .append("</style>\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("</head>\n<body>\n");
        boolean charted = false;
        for (Block k : blocks(runs, missing)) {
            if (k.level() > 0) {
                b.append("<h").append(k.level()).append('>');
                b.append(Summary.h(k.text())).append("</h").append(k.level()).append(">\n");
                if (!charted) { // under the title: compliance per team by period, every point labelled
                    charted = true;
                    b.append("<figure>")
                            .append(Charts.trend("Compliance per team by period", points(runs)))
                            .append("<figcaption>Compliance per team by period; the same figures are in the"
                                    + " tables below.</figcaption></figure>\n");
                }
            } else if (k.header() == null) {
                b.append("<p>");
                if (k.strong() != null)
                    b.append("<strong>").append(Summary.h(k.strong())).append("</strong> ");
                b.append(Summary.h(k.text())).append("</p>\n");
            } else {
                b.append("<div class=\"scroll\"><table>\n<thead><tr>");
                for (String x : k.header())
                    b.append("<th>").append(Summary.h(x)).append("</th>");
                b.append("</tr></thead>\n<tbody>\n");
                for (List<String> row : k.rows()) {
                    b.append("<tr>");
                    for (int i = 0; i < row.size(); i++) {
                        b.append(k.right().get(i) ? "<td class=\"n\">" : "<td>")
                                .append(Summary.h(row.get(i)))
                                .append("</td>");
                    }
                    b.append("</tr>\n");
                }
                b.append("</tbody>\n</table></div>\n");
            }
        }
        return b.append("</body>\n</html>\n").toString();
    }

    /** Each team's compliance in each period that decided anything, for the chart. */
    private static List<Charts.Point> points(List<RunRecord> runs) {
        List<Charts.Point> points = new ArrayList<>();
        for (RunRecord r : runs) {
            for (RunRecord.TeamRow t : r.teams()) {
                if (t.compliance() != null) points.add(new Charts.Point(r.periodLabel(), t.team(), t.compliance()));
            }
        }
        return points;
    }

    /** {@code SLA trend: <agreement title>, 2026-07 to 2026-09}. */
    public static String title(List<RunRecord> runs) {
        RunRecord last = runs.get(runs.size() - 1);
        String name = last.agreementTitle() == null ? last.agreementId() : last.agreementTitle();
        return "SLA trend: " + name + ", " + runs.get(0).periodLabel() + " to " + last.periodLabel();
    }

    /**
     * Sentences on how a period compares with the ones before, for a single-period summary: compliance and
     * critical violations against the nearest earlier period, the compliance trend when there are two or more
     * earlier periods, and the team whose compliance fell most.
     *
     * @param earlier the latest run of earlier periods, in period order (the nearest last); may be empty
     */
    public static List<String> trendLines(RunRecord current, List<RunRecord> earlier) {
        List<String> lines = new ArrayList<>();
        if (earlier.isEmpty()) {
            lines.add("Compliance " + pct(current.compliance()) + "; no earlier period is recorded to compare with.");
            return lines;
        }
        RunRecord prev = earlier.get(earlier.size() - 1);
        String change = current.compliance() == null || prev.compliance() == null
                ? "against " + pct(prev.compliance()) + " on " + prev.periodLabel()
                : movement(current.compliance(), prev.compliance()) + " on " + prev.periodLabel() + " ("
                        + pct(prev.compliance()) + ")";
        lines.add("Compliance " + pct(current.compliance()) + ", " + change + "; critical violations "
                + n(current.violations().critical()) + " (was "
                + n(prev.violations().critical()) + ").");
        if (earlier.size() >= 2) {
            List<String> values = new ArrayList<>();
            for (RunRecord r : earlier) values.add(pct(r.compliance()));
            values.add(pct(current.compliance()));
            lines.add("Trend over " + values.size() + " periods, "
                    + earlier.get(0).periodLabel() + " to " + current.periodLabel() + ": " + String.join(", ", values)
                    + ".");
        }
        Map<String, Double> before = new TreeMap<>();
        for (TeamRow t : prev.teams())
            if (t.team() != null && t.compliance() != null) before.put(t.team(), t.compliance());
        String worst = null;
        BigDecimal drop = BigDecimal.ZERO;
        Double worstNow = null;
        List<TeamRow> now = new ArrayList<>(current.teams());
        now.removeIf(t -> t.team() == null);
        now.sort(Comparator.comparing(TeamRow::team)); // of equal drops, the first by name
        for (TeamRow t : now) {
            Double was = before.get(t.team());
            if (was == null || t.compliance() == null) continue;
            BigDecimal d = points(was).subtract(points(t.compliance()));
            if (d.compareTo(drop) > 0) {
                drop = d;
                worst = t.team();
                worstNow = t.compliance();
            }
        }
        if (worst != null) {
            lines.add("Largest team drop: " + worst + ", " + movement(worstNow, before.get(worst)) + " ("
                    + pct(before.get(worst)) + " to " + pct(worstNow) + ").");
        }
        return lines;
    }

    private static List<Block> blocks(List<RunRecord> runs, List<String> missing) {
        if (runs.isEmpty()) throw new IllegalArgumentException("a trend needs at least one run");
        RunRecord last = runs.get(runs.size() - 1);
        List<Block> out = new ArrayList<>();
        out.add(heading(1, title(runs)));
        Set<String> versions = new LinkedHashSet<>();
        for (RunRecord r : runs)
            if (r.agreementVersion() != null && !r.agreementVersion().isEmpty()) versions.add(r.agreementVersion());
        out.add(
                para(
                        null,
                        "Agreement " + last.agreementId()
                                + (versions.isEmpty()
                                        ? ""
                                        : (versions.size() == 1 ? " version " : " versions ")
                                                + String.join(", ", versions))
                                + ". The latest recorded run of each period, read from the history; nothing was re-evaluated."));
        out.add(para(
                last.periodLabel() + ": " + (last.verdict() == null ? "no verdict" : last.verdict()) + ".",
                String.join(" ", trendLines(last, runs.subList(0, runs.size() - 1)))));
        if (!missing.isEmpty()) {
            out.add(para(
                    null, "No run recorded for " + String.join(", ", missing) + "; l2r check on a period records it."));
        }
        periods(out, runs);
        teams(out, runs);
        clauses(out, runs);
        targets(out, runs);
        dataQuality(out, runs);
        return out;
    }

    private static void periods(List<Block> out, List<RunRecord> runs) {
        out.add(heading(2, "Periods"));
        List<List<String>> rows = new ArrayList<>();
        RunRecord prev = null;
        for (RunRecord r : runs) {
            RunRecord.Violations v = r.violations();
            rows.add(List.of(
                    r.periodLabel(),
                    (r.isFinal() ? "final, as of " : "partial, as of ") + (r.asOf() == null ? "?" : r.asOf()),
                    r.verdict() == null ? NONE : r.verdict(),
                    cell(r.compliance()),
                    prev == null ? NONE : pointsChange(r.compliance(), prev.compliance()),
                    n(v.total()),
                    n(v.critical()),
                    n(v.major()),
                    n(v.minor()),
                    prev == null ? NONE : violationsChange(v, prev.violations()),
                    n(r.dataQualityFindings())));
            prev = r;
        }
        out.add(table(
                List.of(
                        "Period",
                        "Run",
                        "Verdict",
                        "Compliance",
                        "Change",
                        "Violations",
                        "Critical",
                        "Major",
                        "Minor",
                        "Change in violations",
                        "Data-quality findings"),
                rows,
                3));
    }

    private static void teams(List<Block> out, List<RunRecord> runs) {
        Map<String, List<String>> rows = new TreeMap<>();
        for (int i = 0; i < runs.size(); i++) {
            for (TeamRow t : runs.get(i).teams()) {
                String key = t.team() == null ? "(none)" : t.team();
                cells(rows, key, runs.size()).set(i, cell(t.compliance()));
            }
        }
        if (rows.isEmpty()) return;
        out.add(heading(2, "Team compliance by period"));
        out.add(table(header("Team", runs), keyed(rows, k -> List.of(k)), 1));
    }

    private static void clauses(List<Block> out, List<RunRecord> runs) {
        Map<String, String> titles = new LinkedHashMap<>();
        for (int i = runs.size() - 1; i >= 0; i--) { // the latest run's order first
            for (ClauseRow c : runs.get(i).clauses()) titles.putIfAbsent(c.clauseId(), c.title());
        }
        if (titles.isEmpty()) return;
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (String id : titles.keySet()) cells(rows, id, runs.size());
        for (int i = 0; i < runs.size(); i++) {
            Map<String, List<ClauseRow>> byId = new LinkedHashMap<>();
            for (ClauseRow c : runs.get(i).clauses())
                byId.computeIfAbsent(c.clauseId(), k -> new ArrayList<>()).add(c);
            for (var e : byId.entrySet()) rows.get(e.getKey()).set(i, cell(clauseCompliance(e.getValue())));
        }
        out.add(heading(2, "Clause compliance by period"));
        List<List<String>> table = new ArrayList<>();
        for (var e : rows.entrySet()) {
            List<String> row = new ArrayList<>();
            row.add(e.getKey() + (titles.get(e.getKey()) == null ? "" : " " + titles.get(e.getKey())));
            row.addAll(e.getValue());
            table.add(row);
        }
        out.add(table(header("Clause", runs), table, 1));
    }

    private static void targets(List<Block> out, List<RunRecord> runs) {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        Map<String, List<String>> keys = new LinkedHashMap<>();
        for (int i = runs.size() - 1; i >= 0; i--) {
            for (TargetRow t : runs.get(i).targets()) {
                String metric = t.label() == null ? t.metric() : t.label();
                String key = t.clauseId() + "\u0000" + t.subject() + "\u0000" + metric;
                keys.putIfAbsent(key, List.of(nz(t.clauseId()), nz(t.subject()), nz(metric)));
                cells(rows, key, runs.size())
                        .set(
                                i,
                                (t.actual() == null ? NONE : t.actual())
                                        + (t.status() == null ? "" : " (" + t.status() + ")"));
            }
        }
        if (rows.isEmpty()) return;
        out.add(heading(2, "Targets by period"));
        List<String> head = new ArrayList<>(List.of("Clause", "Subject", "Metric"));
        head.addAll(header("", runs).subList(1, runs.size() + 1));
        out.add(table(head, keyed(rows, keys::get), 3));
    }

    private static void dataQuality(List<Block> out, List<RunRecord> runs) {
        Map<String, List<String>> rows = new TreeMap<>();
        Map<String, String> titles = new TreeMap<>();
        for (int i = 0; i < runs.size(); i++) {
            for (RunRecord.CheckRow c : runs.get(i).dataQuality()) {
                titles.put(nz(c.checkId()), nz(c.title()));
                rows.computeIfAbsent(nz(c.checkId()), k -> new ArrayList<>(Collections.nCopies(runs.size(), "0")))
                        .set(i, n(c.findings()));
            }
        }
        if (rows.isEmpty()) return;
        out.add(heading(2, "Data-quality findings by period"));
        out.add(table(header("Check", runs), keyed(rows, k -> List.of(k + " " + titles.get(k))), 1));
    }

    /** Compliance of a clause over its rows: the row's own when one, else met / (met + violated) of all. */
    private static Double clauseCompliance(List<ClauseRow> rows) {
        if (rows.size() == 1) return rows.get(0).compliance();
        long met = rows.stream().mapToLong(ClauseRow::met).sum();
        long violated = rows.stream().mapToLong(ClauseRow::violated).sum();
        return met + violated == 0 ? null : (double) met / (met + violated);
    }

    private static List<String> cells(Map<String, List<String>> rows, String key, int periods) {
        return rows.computeIfAbsent(key, k -> new ArrayList<>(Collections.nCopies(periods, NONE)));
    }

    private static List<List<String>> keyed(Map<String, List<String>> rows, Function<String, List<String>> lead) {
        List<List<String>> out = new ArrayList<>();
        for (var e : rows.entrySet()) {
            List<String> row = new ArrayList<>(lead.apply(e.getKey()));
            row.addAll(e.getValue());
            out.add(row);
        }
        return out;
    }

    private static List<String> header(String first, List<RunRecord> runs) {
        List<String> h = new ArrayList<>();
        h.add(first);
        for (RunRecord r : runs) h.add(r.periodLabel());
        return h;
    }

    /** {@code up 3.1 points}, {@code down 1 point}, {@code unchanged}: on the percentages as shown. */
    private static String movement(double now, double was) {
        BigDecimal d = points(now).subtract(points(was));
        if (d.signum() == 0) return "unchanged";
        String size = plain(d.abs());
        return (d.signum() > 0 ? "up " : "down ") + size + (size.equals("1") ? " point" : " points");
    }

    /** {@code +3.1 pts}, {@code −2 pts}, {@code no change}, or a dash when either side is not assessed. */
    private static String pointsChange(Double now, Double was) {
        if (now == null || was == null) return NONE;
        BigDecimal d = points(now).subtract(points(was));
        if (d.signum() == 0) return "no change";
        return (d.signum() > 0 ? "+" : "\u2212") + plain(d.abs()) + " pts";
    }

    /** {@code −2 critical, +1 minor}: each severity that changed, or {@code no change}. */
    private static String violationsChange(RunRecord.Violations now, RunRecord.Violations was) {
        List<String> parts = new ArrayList<>();
        signed(parts, now.critical() - was.critical(), "critical");
        signed(parts, now.major() - was.major(), "major");
        signed(parts, now.minor() - was.minor(), "minor");
        return parts.isEmpty() ? "no change" : String.join(", ", parts);
    }

    private static void signed(List<String> parts, long d, String what) {
        if (d != 0) parts.add((d > 0 ? "+" : "\u2212") + n(Math.abs(d)) + " " + what);
    }

    /** A share as percentage points, rounded as {@link HumanFormat#percent} shows it. */
    private static BigDecimal points(double share) {
        return BigDecimal.valueOf(share * 100).setScale(1, RoundingMode.HALF_UP);
    }

    private static String plain(BigDecimal d) {
        BigDecimal s = d.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }

    private static String pct(Double share) {
        return share == null ? "not assessed" : HumanFormat.percent(share);
    }

    /** A compliance in a table cell: the percentage, or n/a when nothing was decided. */
    private static String cell(Double share) {
        return share == null ? "n/a" : HumanFormat.percent(share);
    }

    private static String n(long v) {
        return HumanFormat.integer(v);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static Block heading(int level, String text) {
        return new Block(level, null, text, null, null, null);
    }

    private static Block para(String strong, String text) {
        return new Block(0, strong, text, null, null, null);
    }

    /** A table whose first {@code text} columns are text (left-aligned) and the rest figures (right-aligned). */
    private static Block table(List<String> header, List<List<String>> rows, int text) {
        List<Boolean> right = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) right.add(i >= text);
        return new Block(0, null, null, header, rows, right);
    }
}
