package dev.l2r.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The executive summary as content, rendered to Markdown and to HTML from the same blocks so the two
 * never disagree.
 */
final class Summary {

    sealed interface Block permits Heading, Para, Bullets, Table {}

    record Heading(int level, String text) implements Block {}

    /** A paragraph; {@code strong} is shown in bold before the rest. */
    record Para(String strong, String text) implements Block {}

    record Bullets(List<String> items) implements Block {}

    record Table(List<String> header, List<List<String>> rows, List<Boolean> numeric) implements Block {}

    final List<Block> blocks = new ArrayList<>();

    void heading(int level, String text) {
        blocks.add(new Heading(level, text));
    }

    void para(String strong, String text) {
        blocks.add(new Para(strong, text));
    }

    void bullets(List<String> items) {
        if (!items.isEmpty()) blocks.add(new Bullets(List.copyOf(items)));
    }

    void table(List<String> header, List<List<String>> rows, List<Boolean> numeric) {
        blocks.add(new Table(header, rows, numeric));
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
                for (String item : l.items()) b.append("- ").append(md(item)).append('\n');
                b.append('\n');
            } else if (block instanceof Table t) {
                b.append('|');
                for (String h : t.header()) b.append(' ').append(md(h)).append(" |");
                b.append("\n|");
                for (Boolean n : t.numeric()) b.append(n ? " ---: |" : " --- |");
                b.append('\n');
                for (List<String> row : t.rows()) {
                    b.append('|');
                    for (String c : row) b.append(' ').append(md(c)).append(" |");
                    b.append('\n');
                }
                b.append('\n');
            }
        }
        return b.toString().stripTrailing() + "\n";
    }

    String html(String title) {
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(h(title))
                .append("</title>\n<style>\n")
                .append(
                        "body{font-family:system-ui,sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem;color:#1f2328}\n")
                .append(
                        "table{border-collapse:collapse;margin:0 0 1.5rem}th,td{border:1px solid #d0d7de;padding:.3rem .6rem;text-align:left}\n")
                .append("td.n,th.n{text-align:right}th{background:#f6f8fa}\n")
                .append("</style>\n</head>\n<body>\n");
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
                b.append("<ul>\n");
                for (String item : l.items()) b.append("<li>").append(h(item)).append("</li>\n");
                b.append("</ul>\n");
            } else if (block instanceof Table t) {
                b.append("<table>\n<thead><tr>");
                for (int i = 0; i < t.header().size(); i++) {
                    b.append(t.numeric().get(i) ? "<th class=\"n\">" : "<th>")
                            .append(h(t.header().get(i)))
                            .append("</th>");
                }
                b.append("</tr></thead>\n<tbody>\n");
                for (List<String> row : t.rows()) {
                    b.append("<tr>");
                    for (int i = 0; i < row.size(); i++) {
                        b.append(t.numeric().get(i) ? "<td class=\"n\">" : "<td>")
                                .append(h(row.get(i)))
                                .append("</td>");
                    }
                    b.append("</tr>\n");
                }
                b.append("</tbody>\n</table>\n");
            }
        }
        return b.append("</body>\n</html>\n").toString();
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
