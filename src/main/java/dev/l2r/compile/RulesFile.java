package dev.l2r.compile;

import dev.l2r.InputError;
import dev.l2r.TextCheck;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** A hand-written DRL file from the rules directory, with its digest for run.json. */
public record RulesFile(Path path, String text, String sha256, String drlPackage) {

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

    /** Reads every {@code *.drl} directly in {@code dir}, sorted by name. */
    public static List<RulesFile> readAll(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new InputError(InputError.at(dir.toString(), 0, null, "no such rules directory; pass --rules DIR"));
        }
        List<Path> paths;
        try (Stream<Path> s = Files.list(dir)) {
            paths = s.filter(p -> p.getFileName().toString().endsWith(".drl") && Files.isRegularFile(p))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new InputError(InputError.at(dir.toString(), 0, null, "cannot list: " + e.getMessage()));
        }
        List<RulesFile> out = new ArrayList<>();
        List<String> notText = new ArrayList<>();
        for (Path p : paths) {
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(p);
            } catch (IOException e) {
                throw new InputError(InputError.at(p.toString(), 0, null, "cannot read: " + e.getMessage()));
            }
            // Drools would read a Latin-1 file with replacement characters, and binary as one error per byte
            String problem = TextCheck.problem(p.toString(), bytes, true);
            if (problem != null) {
                notText.add(problem);
                continue;
            }
            String text = new String(bytes, StandardCharsets.UTF_8);
            Matcher m = PACKAGE.matcher(text);
            out.add(new RulesFile(p, text, Digests.sha256(bytes), m.find() ? m.group(1) : "l2r.rules"));
        }
        if (!notText.isEmpty()) throw new InputError(notText);
        return out;
    }
}
