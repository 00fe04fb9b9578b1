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

    @TestFactory
    Stream<DynamicTest> committedOutputsAreWhatAFreshRunWrites() throws IOException {
        List<Path> runs = new ArrayList<>();
        try (Stream<Path> s = Files.list(OUT)) {
            for (Path template : s.sorted().toList()) {
                try (Stream<Path> p = Files.list(template)) {
                    runs.addAll(p.sorted().toList());
                }
            }
        }
        assertFalse(runs.isEmpty(), "examples/out is empty; run examples/regenerate");
        return runs.stream()
                .map(committed ->
                        DynamicTest.dynamicTest(OUT.relativize(committed).toString(), () -> {
                            String template =
                                    committed.getParent().getFileName().toString();
                            String period = committed.getFileName().toString();
                            Path fresh = tmp.resolve(template).resolve(period);
                            Cli r = Cli.run(
                                    "check",
                                    "--sla",
                                    "sla-templates/" + template + ".yaml",
                                    "--data",
                                    "examples/northwind",
                                    "--period",
                                    period,
                                    "--out",
                                    fresh.toString(),
                                    "--fail-on",
                                    "none");
                            assertEquals(0, r.code(), r.toString());
                            assertSameFiles(committed, fresh);
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
                    "none");
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
