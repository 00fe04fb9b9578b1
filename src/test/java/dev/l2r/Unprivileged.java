package dev.l2r;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.l2r.cli.Main;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs the l2r command line as a user that file permissions stop. Tests run as root would otherwise never see
 * a read-only file: as root, the command runs in a JVM of its own as user nobody (through setpriv, as the
 * auditors ran it), from a world-readable copy of the classpath; as anyone else, in-process ({@link Cli}).
 * The folders the command touches must be open to nobody ({@link #open}).
 */
public final class Unprivileged {

    static final boolean ROOT = "root".equals(System.getProperty("user.name"));
    private static final Path SETPRIV = Path.of("/usr/bin/setpriv");
    private static String classpath;

    private Unprivileged() {}

    /** Opens a folder the command reads or writes to every user (as root the command runs as nobody). */
    public static Path open(Path dir) throws IOException {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        return dir;
    }

    /** Runs l2r with these arguments, in {@code dir}, as a user without root's rights. */
    public static synchronized Cli run(Path dir, String... args) throws Exception {
        if (!ROOT) return Cli.run(args);
        Assumptions.assumeTrue(Files.isExecutable(SETPRIV), "run as root without setpriv: cannot drop to nobody");
        List<String> cmd = new ArrayList<>(List.of(
                SETPRIV.toString(),
                "--reuid=65534",
                "--regid=65534",
                "--clear-groups",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:off",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                classpath(),
                Main.class.getName()));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile("l2r-unprivileged", ".out");
        Path err = Files.createTempFile("l2r-unprivileged", ".err");
        try {
            Process p = new ProcessBuilder(cmd)
                    .directory(dir.toFile())
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "l2r as nobody answered within 120 s");
            return new Cli(
                    p.exitValue(),
                    Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** The main classes and jars of this JVM's classpath, copied once where nobody may read them. */
    private static String classpath() throws IOException {
        if (classpath == null) {
            Path dir = Files.createTempDirectory("l2r-classpath");
            List<String> entries = new ArrayList<>();
            int i = 0;
            for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
                Path src = Path.of(e);
                if (!Files.exists(src) || src.toString().contains("test-classes")) continue;
                Path copy = dir.resolve(i++ + "-" + src.getFileName());
                try (Stream<Path> walk = Files.walk(src)) {
                    for (Path s : (Iterable<Path>) walk::iterator) {
                        Path t = copy.resolve(src.relativize(s).toString());
                        if (Files.isDirectory(s)) Files.createDirectories(t);
                        else Files.copy(s, t, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
                entries.add(copy.toString());
            }
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : (Iterable<Path>) walk::iterator) {
                    Files.setPosixFilePermissions(
                            p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwxr-xr-x" : "rw-r--r--"));
                }
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(dir)));
            classpath = String.join(File.pathSeparator, entries);
        }
        return classpath;
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder; the system clears it
        }
    }
}
