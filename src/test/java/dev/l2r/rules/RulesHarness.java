package dev.l2r.rules;

import dev.l2r.cli.Main;
import dev.l2r.verify.LeadBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs {@code l2r check} through the real CLI (agreement → generated DRL + rules/ → KieBase → evaluation →
 * reports) on a tiny agreement and lead table written to a temporary folder, for the tests where the command
 * line itself matters: exit codes, messages, no partial output. Rule behaviour is tested in memory with
 * {@link dev.l2r.verify.RuleVerifier}.
 */
final class RulesHarness {

    /** The hand-written rules shipped with the tool. */
    static final Path RULES = dev.l2r.verify.RuleVerifier.SHIPPED_RULES;

    private RulesHarness() {}

    /**
     * A test lead created at the start of October 1 (New York), so that created_at precedes every other
     * October event of a test lead; {@code .created(...)} sets another time.
     */
    static LeadBuilder lead(String id) {
        return LeadBuilder.lead(id).created("2026-10-01T00:00");
    }

    /** The outcome of one check run: exit code, stderr and the output folder (which may not exist). */
    record Run(int exitCode, String stderr, Path out) {}

    /** Writes sla.yaml and leads.csv into {@code dir} and runs {@code l2r check} for October 2026. */
    static Run check(Path dir, String agreement, List<LeadBuilder> leads, Path rules) {
        try {
            Path sla = dir.resolve("sla.yaml");
            Path data = dir.resolve("leads.csv");
            Path out = dir.resolve("out");
            Files.writeString(sla, agreement, StandardCharsets.UTF_8);
            Files.writeString(data, LeadBuilder.csv(leads), StandardCharsets.UTF_8);
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            PrintStream saved = System.err;
            int code;
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            try {
                code = Main.execute(
                        "check",
                        "--sla",
                        sla.toString(),
                        "--data",
                        data.toString(),
                        "--period",
                        "2026-10",
                        "--rules",
                        rules.toString(),
                        "--out",
                        out.toString(),
                        "--fail-on",
                        "none");
            } finally {
                System.setErr(saved);
            }
            return new Run(code, err.toString(StandardCharsets.UTF_8), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
