package dev.l2r.ingest.profile;

import dev.l2r.InputError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds mapping profiles: a path to a .yaml file, or a name looked up in profiles/ of the working
 * directory and then in the profiles/ that ships beside the launcher (L2R_HOME).
 */
public final class Profiles {

    private Profiles() {}

    public static Profile resolve(String nameOrPath) {
        Path p = Path.of(nameOrPath);
        if (nameOrPath.endsWith(".yaml") || nameOrPath.endsWith(".yml") || nameOrPath.contains("/")) {
            return ProfileParser.load(p);
        }
        for (Path dir : dirs()) {
            Path f = dir.resolve(nameOrPath + ".yaml");
            if (Files.isRegularFile(f)) return ProfileParser.load(f);
        }
        List<String> names = new ArrayList<>();
        for (Path f : shipped()) names.add(f.getFileName().toString().replaceFirst("\\.yaml$", ""));
        throw new InputError("--profile: no profile named \"" + nameOrPath + "\"; "
                + (names.isEmpty() ? "no profiles/ folder found" : "profiles: " + String.join(", ", names))
                + " (or give the path of a profile .yaml)");
    }

    /** Profile files of the first profiles/ folder found, sorted by name. */
    public static List<Path> shipped() {
        for (Path dir : dirs()) {
            try (Stream<Path> s = Files.list(dir)) {
                return s.filter(f -> f.getFileName().toString().endsWith(".yaml"))
                        .sorted()
                        .toList();
            } catch (IOException e) {
                throw new InputError(InputError.at(dir.toString(), 0, null, "cannot list: " + e.getMessage()));
            }
        }
        return List.of();
    }

    private static List<Path> dirs() {
        List<Path> out = new ArrayList<>();
        if (Files.isDirectory(Path.of("profiles"))) out.add(Path.of("profiles"));
        String home = System.getenv("L2R_HOME");
        if (home != null && Files.isDirectory(Path.of(home, "profiles"))) out.add(Path.of(home, "profiles"));
        return out;
    }
}
