package dev.l2r.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Import streams: 300,000 Salesforce leads (about 45 MB of CSV, some 120 MB as lead objects) go through
 * `l2r import` in a JVM with a 48 MB heap, which only works when neither the raw text nor the leads are
 * held. Not a timing test: it passes or runs out of memory.
 */
class StreamingImportTest {

    @TempDir
    Path tmp;

    @Test
    void aLargeExportStreamsThroughASmallHeap() throws Exception {
        int n = 300_000;
        Path in = Files.createDirectories(tmp.resolve("export"));
        try (BufferedWriter w = Files.newBufferedWriter(in.resolve("Lead.csv"), StandardCharsets.UTF_8)) {
            w.write(
                    "Id,CreatedDate,Status,LeadSource,OwnerId,ConvertedDate,ConvertedOpportunityId,IsConverted,Company,Title,Email,Country\n");
            for (int i = 0; i < n; i++) {
                w.write(String.format(
                        "00Q5g00000%08d,2026-10-%02dT%02d:15:00.000Z,Open - Not Contacted,Web,0055g00000ABC%03d,,,false,"
                                + "\"Company %d, Inc.\",CTO,lead%d@example.com,US%n",
                        i, 1 + i % 28, 8 + i % 10, i % 40, i % 5000, i));
            }
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path out = tmp.resolve("leads.csv");
        Process p = new ProcessBuilder(
                        java.toString(),
                        "-Xmx48m",
                        "-cp",
                        runtimeClassPath(),
                        "dev.l2r.cli.Main",
                        "import",
                        "--profile",
                        "profiles/salesforce.yaml",
                        "--in",
                        in.toString(),
                        "--out",
                        out.toString())
                .redirectErrorStream(true)
                .start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), log);
        assertTrue(log.contains("300,000 rows read, 300,000 accepted, 0 rejected"), log);
        long lines;
        try (var s = Files.lines(out)) {
            lines = s.count();
        }
        assertEquals(n + 1, lines);
        List<String> head = Files.readAllLines(out).subList(0, 2);
        assertTrue(
                head.get(1)
                        .startsWith(
                                "00Q5g0000000000000,2026-10-01T08:15:00Z,Web,,,,0055g00000ABC000,,\"Company 0, Inc.\",CTO,"),
                head.get(1));
    }

    /**
     * The test class path without the browser-test libraries (Selenium and its OpenTelemetry), which l2r never
     * uses: each jar a JVM searches keeps its central directory on the heap, and Selenium's devtools jars alone
     * would take several of the 48 MB this test allows.
     */
    private static String runtimeClassPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> !e.contains("seleniumhq") && !e.contains("opentelemetry"))
                .collect(Collectors.joining(File.pathSeparator));
    }
}
