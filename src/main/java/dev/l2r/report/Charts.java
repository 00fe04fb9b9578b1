package dev.l2r.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The summary's charts as inline SVG: pure functions from plain data to a string, so the same numbers
 * always draw the same bytes. Every bar and point carries a text label, and series differ by pattern or
 * marker shape as well as colour (Okabe–Ito palette), so nothing depends on telling colours apart. Sizes
 * are in viewBox units; the SVG scales to its container ({@code width:100%}).
 */
final class Charts {

    /** Okabe–Ito, safe for the common colour-vision deficiencies. */
    static final String BLUE = "#0072B2";

    static final String ORANGE = "#E69F00";
    static final String VERMILLION = "#D55E00";
    static final String GREEN = "#009E73";
    static final String SKY = "#56B4E9";
    static final String PURPLE = "#CC79A7";
    static final String INK = "#1f2328";
    static final String GRID = "#8c959f";

    private static final List<String> SERIES = List.of(BLUE, ORANGE, GREEN, VERMILLION, SKY, PURPLE);

    /** Chart width in viewBox units. */
    static final int WIDTH = 400;

    /** A bar row: its label (left) and value (right) on the first line, the bar spanning the width below. */
    static final int ROW = 40;

    static final int BAR_Y = 20;
    static final int BAR_H = 14;

    private Charts() {}

    /** One stage or target: its measured value against the bound the agreement sets, in one unit. */
    record Bar(String label, double actual, double target, boolean met, String actualText, String targetText) {}

    /**
     * Actual against target, one row each: a bar for the actual (solid blue when met, hatched vermillion
     * when missed, and ✓/✗ in the label) and a black tick at the target. Each row has its own scale (0 to
     * 1.25 × the larger of actual and target), so a count and a rate can sit in one chart; the labels
     * carry the numbers.
     */
    static String funnel(String title, List<Bar> bars) {
        StringBuilder b = open(title, bars.size() * ROW + 4);
        b.append(hatch("miss", VERMILLION));
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            double scale = 1.25 * Math.max(Math.max(bar.actual(), bar.target()), 0);
            double w = scale == 0 ? 0 : WIDTH * Math.max(bar.actual(), 0) / scale;
            double t = scale == 0 ? 0 : WIDTH * Math.max(bar.target(), 0) / scale;
            int y = i * ROW;
            b.append("<g>");
            text(b, 0, y + 14, "start", shorten(bar.label(), 32));
            text(b, WIDTH, y + 14, "end", (bar.met() ? "✓ " : "✗ ") + bar.actualText() + " / " + bar.targetText());
            rect(b, 0, y + BAR_Y, w, bar.met() ? BLUE : "url(#miss)", bar.met() ? BLUE : VERMILLION);
            b.append("<line x1=\"")
                    .append(num(t))
                    .append("\" x2=\"")
                    .append(num(t))
                    .append("\" y1=\"")
                    .append(y + BAR_Y - 4)
                    .append("\" y2=\"")
                    .append(y + BAR_Y + BAR_H + 4)
                    .append("\" stroke=\"")
                    .append(INK)
                    .append("\" stroke-width=\"3\"/>");
            b.append("</g>\n");
        }
        return close(b);
    }

    /** One team's compliance in one period, as a share (0 to 1). */
    record Point(String period, String team, double compliance) {}

    /** A small multiple's height: the team's name, then its plot. */
    static final int PANEL = 92;

    static final int PANEL_PLOT = 44;

    /**
     * Compliance per team over the periods given, as small multiples: one panel per team, the periods
     * left to right, every point labelled and joined by a line, on a vertical scale shared by all panels
     * (from the lowest value rounded down to 10% up to 100%, so small changes show). With a single period
     * the chart shows that period's points and says the trend starts when more periods are recorded.
     */
    static String trend(String title, List<Point> points) {
        Set<String> periods = new LinkedHashSet<>();
        Map<String, List<Point>> byTeam = new LinkedHashMap<>();
        double low = 1;
        for (Point p : points) {
            periods.add(p.period());
            byTeam.computeIfAbsent(p.team(), k -> new ArrayList<>()).add(p);
            low = Math.min(low, clamp(p.compliance()));
        }
        double floor = Math.floor(low * 10 - 1e-9) / 10;
        List<String> cols = new ArrayList<>(periods);
        boolean single = cols.size() < 2;
        int h = byTeam.size() * PANEL + 22 + (single ? 20 : 0);
        StringBuilder b = open(title, h);
        int left = 48;
        int right = WIDTH - 40;
        int inset = 28; // points clear of the axis labels on the left and the plot's end on the right
        double step = single ? 0 : (double) (right - left - 2 * inset) / (cols.size() - 1);
        int s = 0;
        for (var e : byTeam.entrySet()) {
            int top = s * PANEL;
            String colour = SERIES.get(s % SERIES.size());
            text(b, 0, top + 14, "start", e.getKey());
            double y0 = top + 32 + PANEL_PLOT;
            for (double v : new double[] {floor, 1}) {
                double y = y0 - PANEL_PLOT * (v - floor) / (1 - floor);
                b.append("<line x1=\"")
                        .append(left)
                        .append("\" x2=\"")
                        .append(right)
                        .append("\" y1=\"")
                        .append(num(y))
                        .append("\" y2=\"")
                        .append(num(y))
                        .append("\" stroke=\"")
                        .append(GRID)
                        .append("\" stroke-width=\"0.5\"/>");
                text(b, left - 6, y + 4, "end", pct(v));
            }
            StringBuilder path = new StringBuilder();
            StringBuilder marks = new StringBuilder();
            for (Point p : e.getValue()) {
                double x = single ? (left + right) / 2.0 : left + inset + cols.indexOf(p.period()) * step;
                double y = y0 - PANEL_PLOT * (clamp(p.compliance()) - floor) / (1 - floor);
                path.append(path.length() == 0 ? "M" : " L")
                        .append(num(x))
                        .append(' ')
                        .append(num(y));
                marker(marks, s, x, y, colour);
                text(marks, x, y - 9, "middle", pct(p.compliance()));
            }
            if (e.getValue().size() > 1) {
                b.append("<path d=\"")
                        .append(path)
                        .append("\" fill=\"none\" stroke=\"")
                        .append(colour)
                        .append("\" stroke-width=\"2\"/>");
            }
            b.append("<g>").append(marks).append("</g>\n");
            s++;
        }
        int axis = byTeam.size() * PANEL + 14;
        for (int c = 0; c < cols.size(); c++) {
            double x = single ? (left + right) / 2.0 : left + inset + c * step;
            text(b, x, axis, "middle", cols.get(c));
        }
        if (single) text(b, 0, axis + 20, "start", "The trend starts when more periods are recorded.");
        return close(b);
    }

    /** Violations of one clause for one team. */
    record Count(String clause, String team, long count) {}

    /**
     * Violations by clause, one horizontal bar per clause stacked by team (each team its own colour and
     * pattern, named in the legend and in the row's label), with each wide enough segment's count written
     * in it and every count in the row's label. Bars share one scale: the largest total spans the width.
     */
    static String violations(String title, List<Count> counts) {
        Map<String, Map<String, Long>> byClause = new LinkedHashMap<>();
        Set<String> teams = new LinkedHashSet<>();
        for (Count c : counts) {
            if (c.count() <= 0) continue;
            byClause.computeIfAbsent(c.clause(), k -> new LinkedHashMap<>()).merge(c.team(), c.count(), Long::sum);
            teams.add(c.team());
        }
        List<String> teamList = new ArrayList<>(teams);
        long max = byClause.values().stream()
                .mapToLong(m -> m.values().stream().mapToLong(Long::longValue).sum())
                .max()
                .orElse(0);
        int h = byClause.size() * ROW + 8 + teamList.size() * 20;
        StringBuilder b = open(title, h);
        for (int t = 0; t < teamList.size(); t++) b.append(pattern("team" + t, t));
        int i = 0;
        for (var e : byClause.entrySet()) {
            int y = i * ROW;
            b.append("<g>");
            long total =
                    e.getValue().values().stream().mapToLong(Long::longValue).sum();
            List<String> parts = new ArrayList<>();
            for (var seg : e.getValue().entrySet()) parts.add(seg.getKey() + " " + seg.getValue());
            text(b, 0, y + 14, "start", e.getKey() + ": " + total);
            text(b, WIDTH, y + 14, "end", shorten(String.join(", ", parts), 40));
            double x = 0;
            for (var seg : e.getValue().entrySet()) {
                int t = teamList.indexOf(seg.getKey());
                double w = max == 0 ? 0 : WIDTH * (double) seg.getValue() / max;
                rect(b, x, y + BAR_Y, w, "url(#team" + t + ")", "#ffffff");
                if (w >= 28) {
                    b.append("<text x=\"")
                            .append(num(x + w / 2))
                            .append("\" y=\"")
                            .append(y + BAR_Y + BAR_H - 2)
                            .append("\" text-anchor=\"middle\" font-size=\"12\" fill=\"")
                            .append(INK)
                            .append("\" paint-order=\"stroke\" stroke=\"#ffffff\" stroke-width=\"3\">")
                            .append(seg.getValue())
                            .append("</text>");
                }
                x += w;
            }
            b.append("</g>\n");
            i++;
        }
        for (int t = 0; t < teamList.size(); t++) {
            int y = byClause.size() * ROW + 8 + t * 20;
            b.append("<rect x=\"0\" y=\"")
                    .append(y)
                    .append("\" width=\"14\" height=\"14\" fill=\"url(#team")
                    .append(t)
                    .append(")\" stroke=\"")
                    .append(INK)
                    .append("\" stroke-width=\"0.5\"/>");
            text(b, 20, y + 12, "start", teamList.get(t));
        }
        return close(b);
    }

    // --- SVG pieces

    private static StringBuilder open(String title, int h) {
        StringBuilder b = new StringBuilder();
        b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(h)
                .append("\" width=\"100%\" role=\"img\" aria-label=\"")
                .append(Summary.h(title))
                .append("\" font-family=\"system-ui, sans-serif\" font-size=\"13\"><title>")
                .append(Summary.h(title))
                .append("</title>\n");
        return b;
    }

    private static String close(StringBuilder b) {
        return b.append("</svg>").toString();
    }

    private static void rect(StringBuilder b, double x, int y, double w, String fill, String stroke) {
        b.append("<rect x=\"")
                .append(num(x))
                .append("\" y=\"")
                .append(y)
                .append("\" width=\"")
                .append(num(w))
                .append("\" height=\"")
                .append(BAR_H)
                .append("\" fill=\"")
                .append(fill)
                .append("\" stroke=\"")
                .append(stroke)
                .append("\"/>");
    }

    private static void text(StringBuilder b, double x, double y, String anchor, String s) {
        b.append("<text x=\"")
                .append(num(x))
                .append("\" y=\"")
                .append(num(y))
                .append("\" text-anchor=\"")
                .append(anchor)
                .append("\" fill=\"")
                .append(INK)
                .append("\">")
                .append(Summary.h(s))
                .append("</text>");
    }

    /** Diagonal hatching in a colour: a missed bar reads as different without colour. */
    private static String hatch(String id, String colour) {
        return "<defs><pattern id=\"" + id + "\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\""
                + " patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#ffffff\"/>"
                + "<rect width=\"3\" height=\"6\" fill=\"" + colour + "\"/></pattern></defs>\n";
    }

    /** Series {@code i}: solid, hatched, dotted, cross-hatched, ... in the series colour. */
    private static String pattern(String id, int i) {
        String c = SERIES.get(i % SERIES.size());
        String inner = switch (i % 4) {
            case 0 -> "<rect width=\"8\" height=\"8\" fill=\"" + c + "\"/>";
            case 1 ->
                "<rect width=\"8\" height=\"8\" fill=\"#ffffff\"/>"
                        + "<path d=\"M0 8 L8 0 M-2 2 L2 -2 M6 10 L10 6\" stroke=\"" + c + "\" stroke-width=\"3\"/>";
            case 2 ->
                "<rect width=\"8\" height=\"8\" fill=\"" + c + "\" fill-opacity=\"0.35\"/>"
                        + "<circle cx=\"4\" cy=\"4\" r=\"2\" fill=\"" + c + "\"/>";
            default ->
                "<rect width=\"8\" height=\"8\" fill=\"#ffffff\"/>" + "<path d=\"M0 0 L8 8 M8 0 L0 8\" stroke=\"" + c
                        + "\" stroke-width=\"2\"/>";
        };
        return "<defs><pattern id=\"" + id + "\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\">" + inner
                + "</pattern></defs>\n";
    }

    /** Series {@code i}'s marker: circle, square, triangle, diamond, ... */
    private static void marker(StringBuilder b, int i, double x, double y, String colour) {
        switch (i % 4) {
            case 0 ->
                b.append("<circle cx=\"")
                        .append(num(x))
                        .append("\" cy=\"")
                        .append(num(y))
                        .append("\" r=\"5\" fill=\"")
                        .append(colour)
                        .append("\"/>");
            case 1 ->
                b.append("<rect x=\"")
                        .append(num(x - 5))
                        .append("\" y=\"")
                        .append(num(y - 5))
                        .append("\" width=\"10\" height=\"10\" fill=\"")
                        .append(colour)
                        .append("\"/>");
            case 2 ->
                b.append("<path d=\"M")
                        .append(num(x))
                        .append(' ')
                        .append(num(y - 6))
                        .append(" L")
                        .append(num(x + 6))
                        .append(' ')
                        .append(num(y + 5))
                        .append(" L")
                        .append(num(x - 6))
                        .append(' ')
                        .append(num(y + 5))
                        .append(" Z\" fill=\"")
                        .append(colour)
                        .append("\"/>");
            default ->
                b.append("<path d=\"M")
                        .append(num(x))
                        .append(' ')
                        .append(num(y - 6))
                        .append(" L")
                        .append(num(x + 6))
                        .append(' ')
                        .append(num(y))
                        .append(" L")
                        .append(num(x))
                        .append(' ')
                        .append(num(y + 6))
                        .append(" L")
                        .append(num(x - 6))
                        .append(' ')
                        .append(num(y))
                        .append(" Z\" fill=\"")
                        .append(colour)
                        .append("\"/>");
        }
    }

    /** A coordinate with at most 2 decimals, no trailing zeros, '.' as separator whatever the locale. */
    static String num(double v) {
        BigDecimal d = BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
        if (d.scale() < 0) d = d.setScale(0);
        String s = d.toPlainString();
        return s.equals("-0") ? "0" : s;
    }

    private static String pct(double ratio) {
        return num(Math.round(ratio * 1000) / 10.0) + "%";
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
