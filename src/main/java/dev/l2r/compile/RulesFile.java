package dev.l2r.compile;

import dev.l2r.InputError;
import dev.l2r.TextCheck;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A hand-written rules file from the rules directory, with its digest for run.json: DRL, or a decision table
 * (CSV, Excel) whose {@code text} is the DRL Drools generates from it and whose {@code path} and {@code
 * sha256} are the table's.
 */
public record RulesFile(Path path, String text, String sha256, String drlPackage, DecisionTable table) {

    public RulesFile(Path path, String text, String sha256, String drlPackage) {
        this(path, text, sha256, drlPackage, null);
    }

    /** True for a decision table. */
    public boolean isTable() {
        return table != null;
    }

    /**
     * Where a line (and column, when positive) of {@link #text} is, for messages: {@code file:line:col}, or
     * for a decision table the cell the line came from ({@code rules/x.csv:12: column C}, {@code
     * rules/x.xlsx: sheet "Handoff", cell C12}). A column of 0 is shown for DRL; a negative one is not.
     */
    public String location(int line, int column) {
        if (table != null) return table.location(line, column);
        return path + (line > 0 ? ":" + line + (column >= 0 ? ":" + column : "") : "");
    }

    private static final Pattern PACKAGE =
            Pattern.compile("^\\s*package\\s+([A-Za-z_][A-Za-z0-9_.]*)\\s*;?", Pattern.MULTILINE);

    /** Generated rules live in packages under this one; a hand-written file may not declare it. */
    public static final String GENERATED_PACKAGES = "l2r.sla";

    /** The 1-based line of the {@code package} declaration, or 0 when the file has none. */
    public int packageLine() {
        Matcher m = PACKAGE.matcher(text);
        return m.find() ? lineAt(text, m.start(1)) : 0;
    }

    /** True when the file declares a package reserved for generated rules ({@code l2r.sla} or below). */
    public boolean inGeneratedPackage() {
        return drlPackage.equals(GENERATED_PACKAGES) || drlPackage.startsWith(GENERATED_PACKAGES + ".");
    }

    /** The 1-based line of a character offset. */
    static int lineAt(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) if (text.charAt(i) == '\n') line++;
        return line;
    }

    /**
     * Reads every {@code *.drl} and decision table ({@code *.csv}, {@code *.xlsx}, {@code *.xls}) directly in
     * {@code dir}, sorted by name; a table is compiled to DRL here.
     */
    public static List<RulesFile> readAll(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new InputError(InputError.at(dir.toString(), 0, null, "no such rules directory; pass --rules DIR"));
        }
        List<Path> paths;
        try (Stream<Path> s = Files.list(dir)) {
            // a link whose target is gone is named below, as an unreadable file is (skipping it would drop rules)
            paths = s.filter(p -> (p.getFileName().toString().endsWith(".drl") || DecisionTable.isTable(p))
                            && (Files.isRegularFile(p) || danglingLink(p)))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new InputError(InputError.at(dir.toString(), 0, null, "cannot list: " + e.getMessage()));
        }
        List<RulesFile> out = new ArrayList<>();
        List<String> notText = new ArrayList<>();
        for (Path p : paths) {
            if (danglingLink(p)) {
                throw new InputError(InputError.at(
                        p.toString(),
                        0,
                        null,
                        "cannot be read: it is a link to " + linkTarget(p)
                                + ", which does not exist; fix the link or remove it"));
            }
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(p);
            } catch (IOException e) {
                throw new InputError(InputError.at(p.toString(), 0, null, "cannot read: " + e.getMessage()));
            }
            if (DecisionTable.isTable(p)
                    && !p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
                DecisionTable t = DecisionTable.read(p, bytes);
                out.add(table(p, t, bytes));
                continue;
            }
            // Drools would read a Latin-1 file with replacement characters, and binary as one error per byte
            String problem = TextCheck.problem(p.toString(), bytes, true);
            if (problem != null) {
                notText.add(problem);
                continue;
            }
            if (DecisionTable.isTable(p)) {
                out.add(table(p, DecisionTable.read(p, bytes), bytes));
                continue;
            }
            String text = new String(bytes, StandardCharsets.UTF_8);
            // a byte-order mark (as Windows editors save UTF-8) is not DRL: the Drools parser stops at it
            if (!text.isEmpty() && text.charAt(0) == BOM) text = text.substring(1);
            Matcher m = PACKAGE.matcher(text);
            out.add(new RulesFile(p, text, Digests.sha256(bytes), m.find() ? m.group(1) : "l2r.rules"));
        }
        if (!notText.isEmpty()) throw new InputError(notText);
        return out;
    }

    /**
     * The text of a rule this file declares, from its {@code rule} line to its {@code end}, under a comment
     * saying where it is (for a decision table: the row it was generated from); null when it has no such rule.
     */
    public String ruleSource(String rule) {
        List<Integer> decl = CompiledRules.declarations(this, rule);
        if (decl.isEmpty()) return null;
        String[] lines = text.split("\n", -1);
        StringBuilder b = new StringBuilder("// ")
                .append(location(decl.get(0), -1))
                .append(isTable() ? ", generated by the Drools decision-table compiler" : "")
                .append('\n');
        for (int i = decl.get(0) - 1; i < lines.length; i++) {
            b.append(lines[i]).append('\n');
            if (lines[i].strip().equals("end")) break;
        }
        return b.toString();
    }

    private static final char BOM = 0xFEFF;

    /** True for a symbolic link whose target does not exist. */
    private static boolean danglingLink(Path p) {
        return Files.isSymbolicLink(p) && !Files.exists(p);
    }

    private static String linkTarget(Path p) {
        try {
            return Files.readSymbolicLink(p).toString();
        } catch (IOException e) {
            return "a file";
        }
    }

    private static RulesFile table(Path p, DecisionTable t, byte[] bytes) {
        Matcher m = PACKAGE.matcher(t.drl());
        return new RulesFile(p, t.drl(), Digests.sha256(bytes), m.find() ? m.group(1) : "rule_table", t);
    }
}
