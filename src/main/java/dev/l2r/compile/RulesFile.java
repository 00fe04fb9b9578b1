package dev.l2r.compile;

import dev.l2r.InputError;
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

    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([A-Za-z_][A-Za-z0-9_.]*)\\s*;?", Pattern.MULTILINE);

    /** Reads every {@code *.drl} directly in {@code dir}, sorted by name. */
    public static List<RulesFile> readAll(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new InputError(InputError.at(dir.toString(), 0, null, "no such rules directory; pass --rules DIR"));
        }
        List<Path> paths;
        try (Stream<Path> s = Files.list(dir)) {
            paths = s.filter(p -> p.getFileName().toString().endsWith(".drl") && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException e) {
            throw new InputError(InputError.at(dir.toString(), 0, null, "cannot list: " + e.getMessage()));
        }
        List<RulesFile> out = new ArrayList<>();
        for (Path p : paths) {
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(p);
            } catch (IOException e) {
                throw new InputError(InputError.at(p.toString(), 0, null, "cannot read: " + e.getMessage()));
            }
            String text = new String(bytes, StandardCharsets.UTF_8);
            Matcher m = PACKAGE.matcher(text);
            out.add(new RulesFile(p, text, Digests.sha256(bytes), m.find() ? m.group(1) : "l2r.rules"));
        }
        return out;
    }
}
