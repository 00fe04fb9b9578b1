package dev.l2r.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.l2r.model.Agreement;
import dev.l2r.parse.AgreementParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden files for the compiler: each shipped template and each src/test/resources/golden/in-*.yaml
 * compiles to exactly the committed .drl, and that DRL builds together with the shipped rules/.
 * Regenerate after a deliberate change with: mvn test -Dtest=GoldenDrlTest -Dl2r.regen=true
 */
class GoldenDrlTest {

    static final Path GOLDEN = Path.of("src/test/resources/golden");

    @TestFactory
    Stream<DynamicTest> everyAgreementCompilesToItsGoldenDrl() throws IOException {
        List<Path> inputs = new ArrayList<>();
        try (Stream<Path> s = Files.list(Path.of("sla-templates"))) {
            s.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(inputs::add);
        }
        try (Stream<Path> s = Files.list(GOLDEN)) {
            s.filter(p -> p.getFileName().toString().startsWith("in-")).sorted().forEach(inputs::add);
        }
        assertFalse(inputs.isEmpty());
        boolean regen = Boolean.getBoolean("l2r.regen");
        List<RulesFile> rules = RulesFile.readAll(Path.of("rules"));
        return inputs.stream()
                .map(in -> DynamicTest.dynamicTest(in.toString(), () -> {
                    Agreement a = AgreementParser.load(in);
                    String drl = DrlGenerator.generate(a);
                    assertEquals(drl, DrlGenerator.generate(AgreementParser.load(in)), "generation is deterministic");
                    String name =
                            in.getFileName().toString().replaceFirst("^in-", "").replaceFirst("\\.yaml$", "");
                    Path golden = GOLDEN.resolve("out-" + name + ".drl");
                    if (regen) Files.writeString(golden, drl, StandardCharsets.UTF_8);
                    assertEquals(
                            Files.readString(golden, StandardCharsets.UTF_8),
                            drl,
                            "DRL differs from " + golden
                                    + "; if the change is intended: mvn test -Dtest=GoldenDrlTest -Dl2r.regen=true");
                    CompiledRules.build(a, in.toString(), drl, rules);
                }));
    }
}
