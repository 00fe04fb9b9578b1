package dev.l2r.app;

import dev.l2r.InputError;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the hand-written rules are when no --rules is given. */
public final class RulesDirectory {

    private RulesDirectory() {}

    /**
     * The rules directory: the one given, else rules/ in the working directory, else the rules/ that ships
     * beside the launcher (L2R_HOME).
     */
    public static Path resolve(Path given) {
        if (given != null) return given;
        Path local = Path.of("rules");
        if (Files.isDirectory(local)) return local;
        String home = System.getenv("L2R_HOME");
        if (home != null && Files.isDirectory(Path.of(home, "rules"))) return Path.of(home, "rules");
        throw new InputError("rules: no such directory here; pass --rules DIR");
    }
}
