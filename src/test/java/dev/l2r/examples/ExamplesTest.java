package dev.l2r.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.l2r.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo end to end: every committed output under examples/out is what a fresh run of the same
 * command makes, byte for byte, and the example data is what its generator makes. When this fails after a
 * deliberate change, run examples/regenerate and review the diff.
 */
class ExamplesTest {

    static final Path OUT = Path.of("examples/out");

    @TempDir
    Path tmp;

    /**
     * Each template's folder as examples/regenerate makes it: its periods checked in order into a fresh
     * history, then the trend report of the range when one is committed.
     */
    @TestFactory
    Stream<DynamicTest> committedOutputsAreWhatAFreshRunWrites() throws IOException {
        List<Path> templates;
        try (Stream<Path> s = Files.list(OUT)) {
            templates = s.filter(Files::isDirectory).sorted().toList();
        }
        assertFalse(templates.isEmpty(), "examples/out is empty; run examples/regenerate");
        return templates.stream()
                .map(committed ->
                        DynamicTest.dynamicTest(OUT.relativize(committed).toString(), () -> {
                            String template = committed.getFileName().toString();
                            List<String> periods = new ArrayList<>();
                            List<String> ranges = new ArrayList<>();
                            try (Stream<Path> p = Files.list(committed)) {
                                for (Path d : p.sorted().toList()) {
                                    String name = d.getFileName().toString();
                                    (name.contains("..") ? ranges : periods).add(name);
                                }
                            }
                            Path fresh = tmp.resolve(template);
                            Path history = tmp.resolve(template + ".sqlite");
                            Cli r = Cli.run(
                                    "check",
                                    "--sla",
                                    "sla-templates/" + template + ".yaml",
                                    "--data",
                                    "examples/northwind",
                                    "--period",
                                    periods.get(0) + ".." + periods.get(periods.size() - 1),
                                    "--out",
                                    fresh.toString(),
                                    "--fail-on",
                                    "none",
                                    "--history",
                                    history.toString());
                            assertEquals(0, r.code(), r.toString());
                            for (String range : ranges) {
                                String[] ends = range.split("\\.\\.");
                                Cli t = Cli.run(
                                        "report",
                                        "--sla",
                                        "sla-templates/" + template + ".yaml",
                                        "--from",
                                        ends[0],
                                        "--to",
                                        ends[1],
                                        "--history",
                                        history.toString(),
                                        "--out",
                                        fresh.resolve(range).toString());
                                assertEquals(0, t.code(), t.toString());
                            }
                            for (String name : periods) assertSameFiles(committed.resolve(name), fresh.resolve(name));
                            for (String name : ranges) assertSameFiles(committed.resolve(name), fresh.resolve(name));
                        }));
    }

    @Test
    void theGeneratorIsReproducible() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "examples/generate/GenerateExample.java", tmp.toString())
                .redirectErrorStream(true)
                .start();
        String log = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), log);
        assertSameFiles(Path.of("examples/northwind"), tmp);
    }

    @Test
    void sameInputsGiveByteIdenticalOutputs() throws IOException {
        for (String run : List.of("a", "b")) {
            Cli r = Cli.run(
                    "check",
                    "--sla",
                    "sla-templates/inside-sales.yaml",
                    "--data",
                    "examples/northwind",
                    "--period",
                    "2026-09",
                    "--out",
                    tmp.resolve(run).toString(),
                    "--fail-on",
                    "none",
                    "--history",
                    tmp.resolve(run + ".sqlite").toString());
            assertEquals(0, r.code(), r.toString());
        }
        assertSameFiles(tmp.resolve("a"), tmp.resolve("b"));
    }

    static void assertSameFiles(Path expected, Path actual) throws IOException {
        List<String> names;
        try (Stream<Path> s = Files.list(expected)) {
            names = s.map(p -> p.getFileName().toString()).sorted().toList();
        }
        try (Stream<Path> s = Files.list(actual)) {
            assertEquals(names, s.map(p -> p.getFileName().toString()).sorted().toList(), "files in " + actual);
        }
        for (String n : names) {
            assertEquals(
                    Files.readString(expected.resolve(n)),
                    Files.readString(actual.resolve(n)),
                    n + " differs from " + expected.resolve(n) + "; run examples/regenerate if the change is intended");
        }
    }
}
