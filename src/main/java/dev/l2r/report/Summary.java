package dev.l2r.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The executive summary as content, rendered to Markdown and to HTML from the same blocks so the two
 * never disagree. A number the HTML marks with {@code data-key} (and its exact JSON value in {@code
 * data-value}) is one written to accountability.json or run.json, so a test can hold the page to them.
 */
final class Summary {

    /** How a verdict or a figure reads: in words and an icon as well as in colour. */
    enum Tone {
        KEPT("kept", "✓"),
        AT_RISK("at-risk", "!"),
        BREACHED("breached", "✗"),
        NEUTRAL("neutral", "");

        final String css;
        final String icon;

        Tone(String css, String icon) {
            this.css = css;
            this.icon = icon;
        }
    }

    sealed interface Block permits Heading, Para, Bullets, Table, Verdict, Figures, Chart {}

    record Heading(int level, String text) implements Block {}

    /** A paragraph; {@code strong} is shown in bold before the rest. */
    record Para(String strong, String text) implements Block {}

    record Bullets(List<String> items, boolean ordered) implements Block {}

    /**
     * A table cell: its text, optionally a tone (shown as a badge: icon, word, colour), and the data-key
     * and JSON value of the number it shows.
     */
    record Cell(String text, Tone tone, String key, String value) {
        static Cell of(String text) {
            return new Cell(text, null, null, null);
        }
    }

    record Table(List<String> header, List<List<Cell>> rows, List<Boolean> numeric) implements Block {}

    /** The verdict: a word in its tone ("Breached") and the sentence that says why. */
    record Verdict(Tone tone, String word, String sentence, String key, String value) implements Block {}

    /** One headline figure: a label, the value (keyed), and a line of context. */
    record Figure(String label, String text, String note, Tone tone, String key, String value) {}

    record Figures(List<Figure> figures) implements Block {}

    /**
     * An inline SVG chart, the sentence that says what it shows (all Markdown gets) and, for the HTML only,
     * how to read it (null for none).
     */
    record Chart(String svg, String text, String howToRead) implements Block {
        Chart(String svg, String text) {
            this(svg, text, null);
        }
    }

    final List<Block> blocks = new ArrayList<>();

    void heading(int level, String text) {
        blocks.add(new Heading(level, text));
    }

    void para(String strong, String text) {
        blocks.add(new Para(strong, text));
    }

    void bullets(List<String> items) {
        if (!items.isEmpty()) blocks.add(new Bullets(List.copyOf(items), false));
    }

    void steps(List<String> items) {
        if (!items.isEmpty()) blocks.add(new Bullets(List.copyOf(items), true));
    }

    /** A table of plain text cells. */
    void table(List<String> header, List<List<String>> rows, List<Boolean> numeric) {
        blocks.add(new Table(
                header,
                rows.stream().map(r -> r.stream().map(Cell::of).toList()).toList(),
                numeric));
    }

    void cells(List<String> header, List<List<Cell>> rows, List<Boolean> numeric) {
        blocks.add(new Table(header, rows, numeric));
    }

    void add(Block b) {
        blocks.add(b);
    }

    String markdown() {
        StringBuilder b = new StringBuilder();
        for (Block block : blocks) {
            if (block instanceof Heading h) {
                b.append("#".repeat(h.level())).append(' ').append(md(h.text())).append("\n\n");
            } else if (block instanceof Para p) {
                if (p.strong() != null) b.append("**").append(md(p.strong())).append("** ");
                b.append(md(p.text())).append("\n\n");
            } else if (block instanceof Bullets l) {
                int i = 1;
                for (String item : l.items())
                    b.append(l.ordered() ? (i++) + ". " : "- ").append(md(item)).append('\n');
                b.append('\n');
            } else if (block instanceof Verdict v) {
                b.append("**")
                        .append(v.tone().icon)
                        .append(' ')
                        .append(md(v.word()))
                        .append("** — ")
                        .append(md(v.sentence()))
                        .append("\n\n");
            } else if (block instanceof Figures f) {
                for (Figure x : f.figures()) {
                    b.append("- ").append(md(x.label())).append(": **").append(md(badge(x.tone(), x.text())));
                    b.append("**")
                            .append(x.note() == null ? "" : " (" + md(x.note()) + ")")
                            .append('\n');
                }
                b.append('\n');
            } else if (block instanceof Chart c) {
                b.append("Chart: ").append(md(c.text())).append("\n\n");
            } else if (block instanceof Table t) {
                b.append('|');
                for (String h : t.header()) b.append(' ').append(md(h)).append(" |");
                b.append("\n|");
                for (Boolean n : t.numeric()) b.append(n ? " ---: |" : " --- |");
                b.append('\n');
                for (List<Cell> row : t.rows()) {
                    b.append('|');
                    for (Cell c : row)
                        b.append(' ').append(md(badge(c.tone(), c.text()))).append(" |");
                    b.append('\n');
                }
                b.append('\n');
            }
        }
        return b.toString().stripTrailing() + "\n";
    }

    private static String badge(Tone tone, String text) {
        return tone == null || tone.icon.isEmpty() ? text : tone.icon + " " + text;
    }

    /**
     * Works from 420 px wide up (tables scroll inside their own box, charts scale) and prints on A4 or
     * Letter without relying on backgrounds: every tone is also an icon, a word and a border.
     */
    static final String CSS = """
            *{box-sizing:border-box}
            html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;\
            max-width:60rem;margin:0 auto;padding:1rem;color:#1f2328;background:#fff;line-height:1.45;\
            overflow-wrap:break-word}
            h1{font-size:1.45rem;line-height:1.25;margin:.25rem 0 .5rem}
            h2{font-size:1.15rem;margin:1.75rem 0 .5rem;padding-bottom:.2rem;border-bottom:1px solid #d0d7de;\
            break-after:avoid;page-break-after:avoid}
            p,li{max-width:48rem}
            .scroll{overflow-x:auto;max-width:100%;margin:0 0 1.25rem}
            .scroll:focus{outline:2px solid #0072B2}
            table{border-collapse:collapse;width:100%}
            th,td{border:1px solid #d0d7de;padding:.3rem .45rem;text-align:left;vertical-align:top}
            th{background:#f6f8fa}
            td:first-child{min-width:9rem}
            @media (max-width:40rem){td:not(.n){min-width:7rem}}
            td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
            .badge{display:inline-block;white-space:nowrap;border:1px solid;border-radius:.7rem;\
            padding:0 .45rem;font-weight:600;font-size:.9em}
            .icon{font-weight:700}
            .kept{color:#00664a;border-color:#009E73}
            .at-risk{color:#7a4f00;border-color:#E69F00}
            .breached{color:#a33a00;border-color:#D55E00}
            .neutral{color:#1f2328;border-color:#8c959f}
            .verdict{border:2px solid;border-left-width:.6rem;border-radius:4px;padding:.6rem .9rem;margin:1rem 0}
            .verdict .word{font-size:1.35rem;font-weight:700;margin-right:.4rem}
            .verdict .why{color:#1f2328}
            .figures{display:grid;grid-template-columns:repeat(auto-fit,minmax(9.5rem,1fr));gap:.6rem;margin:0 0 1rem}
            .figure{border:1px solid #d0d7de;border-top:4px solid #8c959f;border-radius:4px;padding:.4rem .6rem}
            .figure.kept{border-top-color:#009E73}.figure.at-risk{border-top-color:#E69F00}\
            .figure.breached{border-top-color:#D55E00}
            .figure .label{font-size:.85rem;color:#57606a}
            .figure .value{font-size:1.3rem;font-weight:700;font-variant-numeric:tabular-nums}
            .figure .note{font-size:.85rem;color:#1f2328}
            figure.chart{margin:0 0 1.25rem}
            figure.chart svg{display:block;width:100%;height:auto;max-width:30rem}
            figcaption{font-size:.9rem;color:#57606a;margin-top:.3rem}
            ol,ul{padding-left:1.4rem}
            @page{margin:12mm}
            @media print{
            body{max-width:none;padding:0;font-size:10.5pt}
            .scroll{overflow:visible}
            table{font-size:8.5pt}
            th,td{padding:.15rem .3rem;overflow-wrap:anywhere}
            th{white-space:normal}
            td:not(.n){min-width:0}
            table,figure,.verdict,.figure,li{break-inside:avoid;page-break-inside:avoid}
            h2{break-after:avoid;page-break-after:avoid}
            th{background:none}
            a{color:inherit}
            }
            """;

    String html(String title) {
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
                .append(h(title))
                .append("</title>\n<style>\n")
                .append(CSS)
                .append("</style>\n</head>\n<body>\n<main>\n");
        int tables = 0;
        for (Block block : blocks) {
            if (block instanceof Heading hd) {
                b.append("<h")
                        .append(hd.level())
                        .append('>')
                        .append(h(hd.text()))
                        .append("</h")
                        .append(hd.level())
                        .append(">\n");
            } else if (block instanceof Para p) {
                b.append("<p>");
                if (p.strong() != null)
                    b.append("<strong>").append(h(p.strong())).append("</strong> ");
                b.append(h(p.text())).append("</p>\n");
            } else if (block instanceof Bullets l) {
                String tag = l.ordered() ? "ol" : "ul";
                b.append('<').append(tag).append(">\n");
                for (String item : l.items()) b.append("<li>").append(h(item)).append("</li>\n");
                b.append("</").append(tag).append(">\n");
            } else if (block instanceof Verdict v) {
                b.append("<div class=\"verdict ")
                        .append(v.tone().css)
                        .append("\" role=\"status\"><span class=\"word\"")
                        .append(key(v.key(), v.value()))
                        .append("><span class=\"icon\" aria-hidden=\"true\">")
                        .append(v.tone().icon)
                        .append("</span> ")
                        .append(h(v.word()))
                        .append("</span> <span class=\"why\">")
                        .append(h(v.sentence()))
                        .append("</span></div>\n");
            } else if (block instanceof Figures f) {
                b.append("<div class=\"figures\">\n");
                for (Figure x : f.figures()) {
                    Tone tone = x.tone() == null ? Tone.NEUTRAL : x.tone();
                    b.append("<div class=\"figure ")
                            .append(tone.css)
                            .append("\"><div class=\"label\">")
                            .append(h(x.label()))
                            .append("</div><div class=\"value\">");
                    if (!tone.icon.isEmpty())
                        b.append("<span class=\"icon\" aria-hidden=\"true\">")
                                .append(tone.icon)
                                .append("</span> ");
                    b.append("<span").append(key(x.key(), x.value())).append('>');
                    b.append(h(x.text())).append("</span></div>");
                    if (x.note() != null)
                        b.append("<div class=\"note\">").append(h(x.note())).append("</div>");
                    b.append("</div>\n");
                }
                b.append("</div>\n");
            } else if (block instanceof Chart c) {
                b.append("<figure class=\"chart\">\n")
                        .append(c.svg())
                        .append("\n<figcaption>")
                        .append(h(c.text()))
                        .append(c.howToRead() == null ? "" : " " + h(c.howToRead()))
                        .append("</figcaption>\n</figure>\n");
            } else if (block instanceof Table t) {
                tables++;
                b.append("<div class=\"scroll\" role=\"region\" tabindex=\"0\" aria-label=\"table ")
                        .append(tables)
                        .append("\">\n<table>\n<thead><tr>");
                for (int i = 0; i < t.header().size(); i++) {
                    b.append(t.numeric().get(i) ? "<th class=\"n\">" : "<th>")
                            .append(h(t.header().get(i)))
                            .append("</th>");
                }
                b.append("</tr></thead>\n<tbody>\n");
                for (List<Cell> row : t.rows()) {
                    b.append("<tr>");
                    for (int i = 0; i < row.size(); i++) {
                        Cell c = row.get(i);
                        b.append(t.numeric().get(i) ? "<td class=\"n\"" : "<td")
                                .append(key(c.key(), c.value()))
                                .append('>');
                        if (c.tone() != null && c.tone() != Tone.NEUTRAL) {
                            b.append("<span class=\"badge ")
                                    .append(c.tone().css)
                                    .append("\"><span class=\"icon\" aria-hidden=\"true\">")
                                    .append(c.tone().icon)
                                    .append("</span> ")
                                    .append(h(c.text()))
                                    .append("</span>");
                        } else {
                            b.append(h(c.text()));
                        }
                        b.append("</td>");
                    }
                    b.append("</tr>\n");
                }
                b.append("</tbody>\n</table>\n</div>\n");
            }
        }
        return b.append("</main>\n</body>\n</html>\n").toString();
    }

    private static String key(String key, String value) {
        if (key == null) return "";
        return " data-key=\"" + h(key) + "\"" + (value == null ? "" : " data-value=\"" + h(value) + "\"");
    }

    /**
     * Escapes text for Markdown where it would change the rendering: table pipes, backslashes, code
     * ticks, links, emphasis ({@code *} anywhere, {@code _} at a word boundary), HTML tags, a leading
     * heading mark, and line breaks.
     */
    static String md(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            char prev = i > 0 ? s.charAt(i - 1) : ' ';
            char next = i + 1 < s.length() ? s.charAt(i + 1) : ' ';
            switch (c) {
                case '|', '*', '`', '[', ']', '\\' -> b.append('\\').append(c);
                case '_' -> {
                    if (Character.isLetterOrDigit(prev) && Character.isLetterOrDigit(next)) b.append(c);
                    else b.append("\\_");
                }
                case '<' -> {
                    if (Character.isLetter(next) || next == '/' || next == '!' || next == '?') b.append("\\<");
                    else b.append(c);
                }
                case '#' -> b.append(i == 0 ? "\\#" : "#");
                case '\n', '\r' -> b.append(' ');
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    static String h(String s) {
        return s.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
