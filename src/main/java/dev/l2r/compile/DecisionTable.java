package dev.l2r.compile;

import dev.l2r.InputError;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;
import org.drools.decisiontable.parser.DefaultRuleSheetListener;
import org.drools.decisiontable.parser.xls.ExcelParser;
import org.drools.template.parser.DataListener;

/**
 * A Drools decision table from the rules directory (CSV, or the first sheet of an Excel workbook), turned
 * into DRL by Drools' decision-table compiler. Keeps every cell it read, so that each line of the generated
 * DRL leads back to the cell it came from: a build error or a failing rule names {@code rules/x.csv:12:
 * column C} or {@code rules/x.xlsx: sheet "Handoff", cell C12}, never a line of DRL nobody wrote.
 */
public final class DecisionTable {

    private final Path path;
    /** The sheet read, or null for a CSV file. */
    private final String sheet;

    private final String drl;
    private final Cells cells;
    /** Per line of {@link #drl} (index = line - 1): the row and the columns it came from, or null. */
    private final List<Span> lines;

    /** The row and columns a line came from, and the row of its table's RuleTable cell (-1 above the tables). */
    private record Span(int head, int row, List<Integer> cols) {}

    /** A build error against a line (and column, when positive) of the generated DRL. */
    public record Problem(int line, int column, String text) {}

    private DecisionTable(Path path, String sheet, String drl, Cells cells) {
        this.path = path;
        this.sheet = sheet;
        this.drl = drl;
        this.cells = cells;
        this.lines = new SourceMap(cells).of(drl.split("\n", -1));
    }

    /** True for the file names read as decision tables. */
    public static boolean isTable(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".csv") || n.endsWith(".xlsx") || n.endsWith(".xls");
    }

    private static boolean isCsv(Path p) {
        return p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv");
    }

    /** The DRL of the table, starting with a comment naming the table it was generated from. */
    public String drl() {
        return drl;
    }

    /**
     * Reads a table and compiles it to DRL; a table Drools cannot read is bad input naming the cell (the
     * one the message names, else the cell being read when it failed).
     */
    public static DecisionTable read(Path path, byte[] bytes) {
        Recorder rec = new Recorder();
        String sheet = null;
        String generated;
        try {
            if (isCsv(path)) {
                int bom = bytes.length >= 3
                                && (bytes[0] & 0xff) == 0xEF
                                && (bytes[1] & 0xff) == 0xBB
                                && (bytes[2] & 0xff) == 0xBF
                        ? 3
                        : 0;
                InputType.CSV.createParser(rec).parseFile(new ByteArrayInputStream(bytes, bom, bytes.length - bom));
            } else {
                Workbook wb = openWorkbook(path, bytes);
                sheet = wb.getSheetName(0);
                otherSheetTables(path, wb);
                new ExcelParser((DataListener) rec).parseWorkbook(wb);
            }
            rec.finished = true;
            generated = new SpreadsheetCompiler().listenerToString(rec);
        } catch (InputError e) {
            throw e;
        } catch (RuntimeException e) {
            String text =
                    InputError.flatten(InputError.firstLine(e.getMessage() == null ? e.toString() : e.getMessage()));
            Matcher named = NAMED_CELL.matcher(text);
            int row = -1;
            int col = -1;
            if (named.find()) {
                col = column(named.group(2));
                row = Integer.parseInt(named.group(3)) - 1;
                text = (text.substring(0, named.start()) + text.substring(named.end())).trim();
            } else if (!rec.finished) {
                row = rec.row;
                col = rec.col;
            }
            if (text.startsWith("Code description does not have an 'ACTION' or 'CONDITION' column header")) {
                text = "this column has no CONDITION, ACTION, NAME or attribute header in the row under RuleTable;"
                        + " clear the cell or give the column a header";
            } else if (text.startsWith("Code description does not contain any code specification")) {
                text = "the code cell of this CONDITION or ACTION column is empty; write the constraint or action,"
                        + " with $param where each row's value goes";
            } else if (text.startsWith("No RuleTable cells")) {
                text = "no \"RuleTable NAME\" cell: a decision table starts with a cell RuleTable and its name, above"
                        + " a row of CONDITION/ACTION/NAME headers (see rules/README.md, Decision tables)";
            }
            throw new InputError(location(path, sheet, row, col) + ": " + text);
        }
        String header = "// generated from " + path + " by the Drools decision-table compiler; do not edit: change "
                + (sheet == null ? "the table" : "sheet \"" + sheet + "\" of the workbook") + "\n";
        return new DecisionTable(path, sheet, header + generated, rec.cells);
    }

    /** " in cell C9", ", in cell C9", " at cell C9", " above cell C9", "Code description in cell C9". */
    private static final Pattern NAMED_CELL =
            Pattern.compile("(,?\\s*(?:in|at|above)\\s+cells?\\s+\\[?)([A-Z]{1,3})([0-9]+)\\]?");

    private static Workbook openWorkbook(Path path, byte[] bytes) {
        try {
            return WorkbookFactory.create(new ByteArrayInputStream(bytes));
        } catch (Exception | LinkageError e) {
            throw new InputError(InputError.at(
                    path.toString(),
                    0,
                    null,
                    "not a readable Excel workbook ("
                            + InputError.flatten(InputError.firstLine(String.valueOf(e.getMessage())))
                            + "); save it as .xlsx, or as .csv"));
        }
    }

    /** Drools reads the first sheet only: a RuleTable on another sheet would be ignored without a word. */
    private static void otherSheetTables(Path path, Workbook wb) {
        for (int s = 1; s < wb.getNumberOfSheets(); s++) {
            Sheet sh = wb.getSheetAt(s);
            for (Row r : sh) {
                for (Cell c : r) {
                    String v = c.getCellType() == CellType.STRING ? c.getStringCellValue() : "";
                    if (v.trim().toLowerCase(Locale.ROOT).startsWith("ruletable")) {
                        throw new InputError(location(path, sh.getSheetName(), r.getRowNum(), c.getColumnIndex())
                                + ": only the first sheet (\"" + wb.getSheetName(0) + "\") is read for decision tables;"
                                + " move this table there, or into a workbook of its own");
                    }
                }
            }
        }
    }

    /**
     * Where a line of the generated DRL came from: {@code rules/x.csv:12: column C}, or {@code rules/x.xlsx:
     * sheet "Handoff", cell C12}; the table itself when the line came from no cell. {@code column} is the
     * DRL column of the problem (1-based, or not positive when unknown): it picks the cell when several
     * cells make one line.
     */
    public String location(int line, int column) {
        Span s = span(line);
        return s == null ? location(path, sheet, -1, -1) : location(path, sheet, s.row(), column(s, line, column));
    }

    private Span span(int line) {
        return line >= 1 && line <= lines.size() ? lines.get(line - 1) : null;
    }

    private int column(Span s, int line, int column) {
        int col = s.cols().isEmpty() ? -1 : s.cols().get(0);
        if (s.cols().size() > 1 && column > 0 && s.head() >= 0) {
            // the columns' constraints follow each other in the line: the one that starts last before the
            // position, found by the first name in its template (else by the row's value)
            String text = drl.split("\n", -1)[line - 1];
            int from = 0;
            for (int c : s.cols()) {
                String template = cells.value(s.head() + 3, c);
                Matcher m = template == null ? null : IDENTIFIER.matcher(template);
                String key = m != null && m.find() ? m.group() : cells.value(s.row(), c);
                int at = key == null ? -1 : text.indexOf(key, from);
                if (at < 0) continue;
                if (at < column) col = c;
                from = at + 1;
            }
        }
        return col;
    }

    /**
     * Build errors as lines naming cells. A Java error in a consequence is reported by Drools at the rule: it
     * goes to the action whose code it names. An error that every row of a column has (the same message in
     * two rows or more) is the column's template's: it is reported once, at the template (the code row, or
     * the object type for an unknown type). Errors that only echo an unknown type are dropped.
     */
    public List<String> report(List<Problem> problems) {
        boolean unknownType = problems.stream().anyMatch(p -> p.text().startsWith("Unable to resolve ObjectType"));
        Map<String, List<int[]>> groups = new LinkedHashMap<>(); // "head|col|text" -> {row, col, head}
        Map<String, String> texts = new HashMap<>(); // "row|col|text" -> the message for that cell
        List<String> out = new ArrayList<>();
        for (Problem p : problems) {
            boolean objectType = p.text().startsWith("Unable to resolve ObjectType");
            if (unknownType && !objectType && p.text().contains("cannot be resolved")) continue;
            boolean java = p.text().startsWith("Rule Compilation error");
            String text = java
                    ? p.text().substring("Rule Compilation error".length()).trim()
                    : p.text().replaceFirst("^\\[ERR \\d+\\] Line \\d+:\\d+ ", ""); // the cell says where
            int line = java ? consequenceLine(p.line(), p.text()) : p.line();
            Matcher expr = EXPRESSION.matcher(text);
            String expression = expr.find() ? expr.group(1).trim() : null;
            if (span(line) == null && expression != null) line = lineOf(expression);
            Span s = span(line);
            if (s == null) {
                out.add(location(path, sheet, -1, -1) + ": " + text);
                continue;
            }
            int col = column(s, line, p.column());
            String shared = text; // what every row that fails because of the template says
            if (expression != null) {
                col = templateColumn(s, expression, col);
                Matcher inner = Pattern.compile("\\[Error: ([^\\]]*)\\]").matcher(text);
                if (inner.find()) {
                    shared = "does not compile: " + inner.group(1).trim();
                    text = "\"" + expression + "\" " + shared;
                }
            }
            groups.computeIfAbsent(s.head() + "|" + col + "|" + shared, k -> new ArrayList<>())
                    .add(new int[] {s.row(), col, s.head()});
            texts.put(s.row() + "|" + col + "|" + shared, text);
        }
        groups.forEach((key, at) -> {
            String shared = key.substring(key.indexOf('|', key.indexOf('|') + 1) + 1);
            List<Integer> rows =
                    at.stream().map(a -> a[0] + 1).distinct().sorted().toList();
            int head = at.get(0)[2];
            boolean type = shared.startsWith("Unable to resolve ObjectType"); // only the object-type cell names it
            if (head >= 0 && (rows.size() > 1 || type)) {
                int templateRow = head + (shared.startsWith("Unable to resolve ObjectType") ? 2 : 3);
                out.add(location(path, sheet, templateRow, at.get(0)[1]) + ": "
                        + (shared.startsWith("does not compile") ? "the template " : "") + shared
                        + " (in every row that uses"
                        + " this column's template: " + (sheet == null ? "lines " : "rows ")
                        + rows.stream().map(String::valueOf).collect(Collectors.joining(", "))
                        + ")");
            } else {
                for (int[] a : at)
                    out.add(location(path, sheet, a[0], a[1]) + ": " + texts.get(a[0] + "|" + a[1] + "|" + shared));
            }
        });
        return out.stream().distinct().toList();
    }

    private static final Pattern EXPRESSION = Pattern.compile("^Unable to Analyse Expression (.+?): \\[Error");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][\\w]*");

    /** The first line of the DRL that holds an expression, or 0. */
    private int lineOf(String expression) {
        String[] text = drl.split("\n", -1);
        for (int i = 0; i < text.length; i++) if (text[i].contains(expression)) return i + 1;
        return 0;
    }

    /**
     * Of the columns that make one pattern, the one whose template holds the first name in an expression
     * Drools could not analyse (it quotes the expression, not where it is in the line).
     */
    private int templateColumn(Span s, String expression, int otherwise) {
        if (s.head() < 0 || s.cols().size() < 2) return otherwise;
        Matcher m = IDENTIFIER.matcher(expression);
        if (!m.find()) return otherwise;
        Pattern word = Pattern.compile("\\b" + Pattern.quote(m.group()) + "\\b");
        for (int c : s.cols()) {
            String template = cells.value(s.head() + 3, c);
            if (template != null && word.matcher(template).find()) return c;
        }
        return otherwise;
    }

    /** The line of the action of a rule (declared at or just below {@code line}) that a Java error names. */
    private int consequenceLine(int line, String message) {
        String[] text = drl.split("\n", -1);
        int i = Math.max(line - 1, 0);
        while (i < text.length && !text[i].equals("\tthen")) i++;
        int best = line;
        int bestScore = -1;
        Set<String> words = new HashSet<>();
        Matcher w = Pattern.compile("[A-Za-z_$][\\w$]{2,}").matcher(message.replace("Rule Compilation error", ""));
        while (w.find()) words.add(w.group());
        for (int j = i + 1; j < text.length && !text[j].equals("end"); j++) {
            int score = 0;
            for (String word : words) if (text[j].contains(word)) score++;
            if (score > bestScore) {
                best = j + 1;
                bestScore = score;
            }
        }
        return best;
    }

    /** The row of a cell as a table names it: the CSV line, or the sheet and cell. */
    static String location(Path path, String sheet, int row, int col) {
        if (sheet == null) {
            if (row < 0) return path.toString();
            return path + ":" + (row + 1) + (col < 0 ? "" : ": column " + letters(col));
        }
        if (row < 0) return path + ": sheet \"" + sheet + "\"";
        return path + ": sheet \"" + sheet + "\", "
                + (col < 0 ? "row " + (row + 1) : "cell " + letters(col) + (row + 1));
    }

    /** A, B, ..., Z, AA, AB, ... for a 0-based column. */
    static String letters(int col) {
        StringBuilder b = new StringBuilder();
        for (int c = col; c >= 0; c = c / 26 - 1) b.insert(0, (char) ('A' + c % 26));
        return b.toString();
    }

    private static int column(String letters) {
        int c = 0;
        for (char ch : letters.toCharArray()) c = c * 26 + (ch - 'A' + 1);
        return c - 1;
    }

    /** Every non-empty cell read, by row and column (0-based), with the first column of its merged region. */
    static final class Cells {
        private final Map<Integer, TreeMap<Integer, String[]>> rows = new HashMap<>();

        void put(int row, int col, String value, int mergedStart) {
            rows.computeIfAbsent(row, k -> new TreeMap<>()).put(col, new String[] {value, String.valueOf(mergedStart)});
        }

        String value(int row, int col) {
            String[] v = rows.getOrDefault(row, new TreeMap<>()).get(col);
            return v == null || v[0] == null || v[0].isBlank() ? null : v[0].trim();
        }

        int mergedStart(int row, int col) {
            String[] v = rows.getOrDefault(row, new TreeMap<>()).get(col);
            return v == null ? DataListener.NON_MERGED : Integer.parseInt(v[1]);
        }

        TreeMap<Integer, String[]> row(int row) {
            return rows.getOrDefault(row, new TreeMap<>());
        }

        /** The cell right of the first cell reading {@code keyword} (a property such as Import) holding {@code part}. */
        int[] property(String keyword, String part) {
            int[] first = null;
            for (Map.Entry<Integer, TreeMap<Integer, String[]>> r : new TreeMap<>(rows).entrySet()) {
                Integer key = null;
                for (Map.Entry<Integer, String[]> c : r.getValue().entrySet()) {
                    String v = c.getValue()[0] == null ? "" : c.getValue()[0].trim();
                    if (v.isEmpty()) continue;
                    if (key == null) {
                        if (!v.equalsIgnoreCase(keyword)) break;
                        key = c.getKey();
                        continue;
                    }
                    int[] at = {r.getKey(), c.getKey()};
                    if (first == null) first = at;
                    if (part == null || v.contains(part)) return at;
                    break;
                }
            }
            return part == null ? first : null;
        }
    }

    /**
     * Drools' listener, recording each cell it is given and which one it was reading when it failed. Line
     * breaks in a cell of a rule table become spaces, so that each condition and action is one line of DRL
     * (code in Functions, Queries and Declare cells keeps them).
     */
    private static final class Recorder extends DefaultRuleSheetListener {
        final Cells cells = new Cells();
        int row = -1;
        int col = -1;
        boolean finished;
        private String rowKeyword;

        Recorder() {
            super(true, true);
        }

        @Override
        public void newRow(int rowNumber, int columns) {
            rowKeyword = null;
            super.newRow(rowNumber, columns);
        }

        @Override
        public void newCell(int row, int column, String value, int mergedColStart) {
            this.row = row;
            this.col = column;
            String v = value;
            boolean blank = v == null || v.isBlank();
            if (!blank) {
                boolean keyword = rowKeyword == null;
                if (keyword) rowKeyword = v.trim();
                if (keyword || !isCode(rowKeyword))
                    v = v.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
            }
            cells.put(row, column, v, mergedColStart);
            super.newCell(row, column, v, mergedColStart);
        }

        private static boolean isCode(String keyword) {
            return keyword != null
                    && (keyword.equalsIgnoreCase("Functions")
                            || keyword.equalsIgnoreCase("Queries")
                            || keyword.equalsIgnoreCase("Declare"));
        }
    }

    /** Lines of the generated DRL back to cells, following the order in which Drools writes them. */
    private static final class SourceMap {
        private static final Pattern RULE_VALUES =
                Pattern.compile("^// rule values at ([A-Z]+)([0-9]+), header at ([A-Z]+)([0-9]+)\\s*$");

        private final Cells cells;

        SourceMap(Cells cells) {
            this.cells = cells;
        }

        List<Span> of(String[] drl) {
            List<Span> out = new ArrayList<>();
            Span last = null;
            int i = 0;
            for (; i < drl.length && !RULE_VALUES.matcher(drl[i]).matches(); i++) {
                Span s = header(drl[i]);
                if (s == null && !drl[i].isBlank() && !drl[i].startsWith("//")) s = last;
                out.add(s);
                if (s != null) last = s;
            }
            Table table = null;
            int row = -1;
            String part = "";
            int k = 0;
            for (; i < drl.length; i++) {
                String l = drl[i];
                Matcher m = RULE_VALUES.matcher(l);
                if (m.matches()) {
                    table = new Table(cells, Integer.parseInt(m.group(4)) - 1, column(m.group(3)));
                    row = Integer.parseInt(m.group(2)) - 1;
                    part = "head";
                    k = 0;
                    out.add(table.at(row, null));
                    continue;
                }
                if (table == null) {
                    out.add(null);
                    continue;
                }
                if (l.startsWith("rule ")) {
                    out.add(table.at(row, table.named(row, "NAME")));
                } else if (l.startsWith("/* ")) {
                    out.add(table.at(row, table.named(row, "DESCRIPTION")));
                } else if (l.equals("\twhen")) {
                    part = "CONDITION";
                    k = 0;
                    out.add(table.at(row, null));
                } else if (l.equals("\tthen")) {
                    part = "ACTION";
                    k = 0;
                    out.add(table.at(row, null));
                } else if (l.startsWith("\t@") && part.equals("head")) {
                    out.add(table.builder(row, "METADATA", k++));
                } else if (l.startsWith("\t\t") && !part.equals("head")) {
                    out.add(table.builder(row, part, k++));
                } else {
                    out.add(table.at(row, null));
                }
            }
            return out;
        }

        /** A line before the rules: package, import, global, or code from a Functions/Queries/Declare cell. */
        private Span header(String line) {
            String t = line.trim();
            int[] at = null;
            if (t.startsWith("package ")) at = cells.property("RuleSet", null);
            else if (t.startsWith("import ")) at = cells.property("Import", lastWord(t));
            else if (t.startsWith("global ")) at = cells.property("Variables", lastWord(t));
            else if (!t.isEmpty() && !t.startsWith("//")) {
                for (String k : List.of("Functions", "Queries", "Declare")) {
                    at = cells.property(k, t);
                    if (at != null) break;
                }
            }
            return at == null ? null : new Span(-1, at[0], List.of(at[1]));
        }

        private static String lastWord(String t) {
            String s = t.replaceAll(";\\s*$", "").trim();
            return s.substring(s.lastIndexOf(' ') + 1);
        }
    }

    /**
     * One RuleTable: the row of headers (CONDITION, ACTION, NAME, ...) under its title, and the object types
     * below them, which group columns that make one pattern (merged cells, or "..." in a CSV).
     */
    private static final class Table {
        private static final Map<String, String> CODES = Map.ofEntries(
                Map.entry("C", "CONDITION"),
                Map.entry("A", "ACTION"),
                Map.entry("N", "NAME"),
                Map.entry("I", "DESCRIPTION"),
                Map.entry("@", "METADATA"));
        private static final List<String> TAGS = List.of(
                "CONDITION",
                "ACTION",
                "NAME",
                "DESCRIPTION",
                "PRIORITY",
                "DURATION",
                "TIMER",
                "ENABLED",
                "CALENDARS",
                "NO-LOOP",
                "LOCK-ON-ACTIVE",
                "AUTO-FOCUS",
                "ACTIVATION-GROUP",
                "AGENDA-GROUP",
                "RULEFLOW-GROUP",
                "DATE-EFFECTIVE",
                "DATE-EXPIRES",
                "METADATA");

        private final Cells cells;
        private final int headRow;
        private final int startCol;
        /** Column -> kind (CONDITION, ACTION, NAME, DESCRIPTION, METADATA, or an attribute). */
        private final TreeMap<Integer, String> kinds = new TreeMap<>();
        /** Column -> first column of the pattern (or action) it belongs to. */
        private final Map<Integer, Integer> group = new HashMap<>();

        Table(Cells cells, int headRow, int startCol) {
            this.cells = cells;
            this.headRow = headRow;
            this.startCol = startCol;
            for (Map.Entry<Integer, String[]> c : cells.row(headRow + 1).entrySet()) {
                String v = cells.value(headRow + 1, c.getKey());
                if (c.getKey() < startCol || v == null) continue;
                String uc = v.toUpperCase(Locale.ROOT);
                String kind = TAGS.contains(uc) ? uc : CODES.getOrDefault(uc.substring(0, 1), uc);
                kinds.put(c.getKey(), kind);
            }
            for (int col : kinds.keySet()) {
                int m = cells.mergedStart(headRow + 2, col);
                boolean joins = m != DataListener.NON_MERGED
                        && m != col
                        && cells.value(headRow + 2, col) != null
                        && kinds.get(col).equals(kinds.get(m));
                group.put(col, joins ? group.getOrDefault(m, m) : col);
            }
        }

        Span at(int row, Integer col) {
            return new Span(headRow, row, List.of(col == null ? startCol : col));
        }

        Integer named(int row, String kind) {
            for (Map.Entry<Integer, String> k : kinds.entrySet())
                if (k.getValue().equals(kind) && cells.value(row, k.getKey()) != null) return k.getKey();
            return null;
        }

        /** The k-th pattern, action or metadata Drools wrote for a row: its columns that have a value there. */
        Span builder(int row, String kind, int k) {
            TreeMap<Integer, List<Integer>> builders = new TreeMap<>();
            for (Map.Entry<Integer, String> e : kinds.entrySet()) {
                if (!e.getValue().equals(kind) || cells.value(row, e.getKey()) == null) continue;
                builders.computeIfAbsent(group.get(e.getKey()), g -> new ArrayList<>())
                        .add(e.getKey());
            }
            if (builders.isEmpty()) return at(row, null);
            List<List<Integer>> ordered = new ArrayList<>(builders.values());
            return new Span(headRow, row, ordered.get(Math.min(k, ordered.size() - 1)));
        }
    }
}
