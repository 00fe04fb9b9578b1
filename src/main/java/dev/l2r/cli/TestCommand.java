package dev.l2r.cli;

import dev.l2r.app.Scenarios;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code l2r test}: runs scenario files against their agreements ({@link Scenarios} does the work). */
@Command(
        name = "test",
        mixinStandardHelpOptions = true,
        description = {
            "Run scenario files (*.yaml under DIR): leads, a period and the violations an agreement must find.",
            "Exit 0: every scenario passed; 1: one failed; 2: a malformed scenario, agreement or rules."
        })
final class TestCommand implements Callable<Integer> {

    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "DIR",
            defaultValue = "scenarios",
            converter = Options.PathConverter.class,
            description = "Folder of scenarios, searched below, or one scenario file (default: ${DEFAULT-VALUE}).")
    Path dir;

    @Mixin
    Options.Debug debug;

    @Override
    public Integer call() {
        Scenarios.Report r = Scenarios.run(dir, o -> {
            System.out.println((o.passed() ? "PASS " : "FAIL ") + o.name());
            for (String line : o.details()) System.out.println("  " + line);
        });
        System.out.println(Scenarios.summary(r));
        return r.exitCode();
    }
}
