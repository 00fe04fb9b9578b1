package dev.l2r.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.l2r.Cli;
import dev.l2r.Version;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The command line registers only the command named first; anything else gets every command. */
class CommandLineTest {

    private static List<String> commands(String... args) {
        return List.copyOf(Main.commandLine(args).getSubcommands().keySet());
    }

    private static final List<String> ALL = List.of(
            "check",
            "compile",
            "validate",
            "import",
            "profiles",
            "plan",
            "test",
            "explain",
            "history",
            "report",
            "replay");

    @Test
    void aNamedCommandAlone() {
        assertEquals(List.of("check"), commands("check", "--sla", "x.yaml"));
        assertEquals(List.of("replay"), commands("replay", "--help"));
    }

    @Test
    void everyCommandInHelpOrderOtherwise() {
        assertEquals(ALL, commands());
        assertEquals(ALL, commands("--help"));
        assertEquals(ALL, commands("chek"));
        assertEquals(ALL, commands("--version"));
    }

    @Test
    void theListedCommandsAreTheAnnotatedOnes() {
        for (Class<?> c : Main.COMMANDS) {
            String name = c.getAnnotation(CommandLine.Command.class).name();
            assertEquals(List.of(name), commands(name, "--help"), c.getSimpleName());
        }
        assertEquals(ALL.size(), Main.COMMANDS.size());
    }

    @Test
    void everyCommandPrintsTheVersionItsHelpOffers() {
        for (String name : ALL) {
            Cli r = Cli.run(name, "--version");
            assertEquals(0, r.code(), name + ": " + r);
            assertEquals("l2r " + Version.VERSION + "\n", r.out(), name);
            assertEquals("", r.err(), name);
        }
        assertEquals("l2r " + Version.VERSION + "\n", Cli.run("--version").out());
    }
}
