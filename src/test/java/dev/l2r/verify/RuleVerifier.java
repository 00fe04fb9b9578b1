package dev.l2r.verify;

import dev.l2r.compile.CompiledRules;
import dev.l2r.compile.DrlGenerator;
import dev.l2r.compile.RulesFile;
import dev.l2r.model.Agreement;
import dev.l2r.parse.AgreementParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Tests clauses and hand-written rules in memory, as Timefold's ConstraintVerifier tests constraints: the
 * agreement and rules are compiled into one KieBase once per test class, then each test gives leads, fires
 * them and asserts what one clause (or rule) reported, without files, the command line or reports.
 *
 * <pre>{@code
 * static final RuleVerifier VERIFY = RuleVerifier.of(AGREEMENT);                  // or .of(AGREEMENT, RuleVerifier.SHIPPED_RULES)
 *
 * VERIFY.clause("F1")
 *       .given(lead("L3").created("2026-10-29T10:00").team("sales").mql("2026-10-29T10:00"))
 *       .forPeriod("2026-10").asOf("2026-10-31T12:00")
 *       .violates("L3").meets().leavesOpen();
 * }</pre>
 *
 * The path is the product's own: {@link AgreementParser} (on a temporary sla.yaml), {@link DrlGenerator},
 * {@link CompiledRules#build}, {@link dev.l2r.evaluate.Evaluator#run}. One rule is added to the generated DRL
 * to record what the rules do ({@link Recording}); it reports nothing itself.
 */
public final class RuleVerifier {

    /** The hand-written rules shipped with the tool; tests run from the Maven project folder. */
    public static final Path SHIPPED_RULES = Path.of("rules");

    private final Agreement agreement;
    private final CompiledRules rules;
    private final Path agreementFile;

    private RuleVerifier(Agreement agreement, CompiledRules rules, Path agreementFile) {
        this.agreement = agreement;
        this.rules = rules;
        this.agreementFile = agreementFile;
    }

    /** An agreement (YAML text) without hand-written rules. */
    public static RuleVerifier of(String agreementYaml) {
        return of(agreementYaml, List.of());
    }

    /** An agreement (YAML text) with the {@code *.drl} files of a rules directory. */
    public static RuleVerifier of(String agreementYaml, Path rulesDir) {
        return of(agreementYaml, RulesFile.readAll(rulesDir));
    }

    /**
     * An agreement with the given rules files. Agreement and build errors come out as the command line's
     * {@link dev.l2r.InputError}, naming the temporary {@code sla.yaml}.
     */
    public static RuleVerifier of(String agreementYaml, List<RulesFile> rulesFiles) {
        Path sla = write(tempDir(), "sla.yaml", agreementYaml);
        Agreement a = AgreementParser.load(sla);
        String drl = DrlGenerator.generate(a) + Recording.DRL;
        return new RuleVerifier(a, CompiledRules.build(a, sla.toString(), drl, rulesFiles), sla);
    }

    /** A temporary rules directory holding one DRL file, for rules written in the test. */
    public static Path rulesDir(String fileName, String drl) {
        Path dir = tempDir();
        write(dir, fileName, drl);
        return dir;
    }

    public Agreement agreement() {
        return agreement;
    }

    public CompiledRules compiled() {
        return rules;
    }

    /** The temporary file the agreement was parsed from (messages name it). */
    public Path agreementFile() {
        return agreementFile;
    }

    /** A scenario about every clause and rule; focus it with {@link Scenario#clause}. */
    public Scenario given(LeadBuilder... leads) {
        return new Scenario(agreement, rules, null).given(leads);
    }

    public Scenario given(List<LeadBuilder> leads) {
        return new Scenario(agreement, rules, null).given(leads);
    }

    /** Scenarios about one clause (or data-quality check id). */
    public ClauseVerifier clause(String id) {
        return new ClauseVerifier(id);
    }

    /** {@code verifier.clause("F1").given(...)}. */
    public final class ClauseVerifier {

        private final String clause;

        private ClauseVerifier(String clause) {
            this.clause = clause;
        }

        public Scenario given(LeadBuilder... leads) {
            return new Scenario(agreement, rules, clause).given(leads);
        }

        public Scenario given(List<LeadBuilder> leads) {
            return new Scenario(agreement, rules, clause).given(leads);
        }
    }

    private static Path tempDir() {
        try {
            Path dir = Files.createTempDirectory("l2r-verify");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path write(Path dir, String name, String text) {
        try {
            Path p = dir.resolve(name);
            Files.writeString(p, text, StandardCharsets.UTF_8);
            p.toFile().deleteOnExit();
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
