package dev.l2r.cli;

import dev.l2r.InputError;
import dev.l2r.Version;
import dev.l2r.compile.WarmUp;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/** The l2r command line: one class per command, each a thin layer over the stages (and {@code app} for check). */
@Command(
        name = "l2r",
        mixinStandardHelpOptions = true,
        version = Main.VERSION,
        description = "Checks whether sales and marketing keep their Lead-to-Revenue SLA.")
public final class Main implements Runnable {

    /** Commands that build an agreement's rules: Drools is warmed up while their arguments are read. */
    private static final Set<String> BUILDS_RULES = Set.of("check", "validate", "test", "explain", "replay");

    /** The commands, in the order {@code l2r --help} lists them. */
    static final List<Class<?>> COMMANDS = List.of(
            CheckCommand.class,
            CompileCommand.class,
            ValidateCommand.class,
            ImportCommand.class,
            ProfilesCommand.class,
            PlanCommand.class,
            TestCommand.class,
            ExplainCommand.class,
            HistoryCommand.class,
            ReportCommand.class,
            ReplayCommand.class);

    /** What {@code --version} prints, after the command name or without one. */
    static final String VERSION = "l2r " + Version.VERSION;

    /** Exit code for a bug in l2r itself, distinct from bad input (2). */
    public static final int INTERNAL = 70;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), "missing command; try l2r check --help");
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs a command line and returns its exit code; used by tests too. */
    public static int execute(String... args) {
        if (args.length > 0 && BUILDS_RULES.contains(args[0])) WarmUp.start();
        CommandLine cli = commandLine(args);
        cli.setParameterExceptionHandler((ex, a) -> {
            if (ex.getCause() instanceof InputError ie) { // a converter refused the option's text
                ArgSpec spec = ex.getArgSpec();
                String name = spec instanceof OptionSpec o ? o.longestName() : null;
                for (String line : ie.lines()) {
                    System.err.println(name == null || line.startsWith("--") ? line : name + ": " + line);
                }
                return 2;
            }
            String cmd = ex.getCommandLine().getCommandName();
            System.err.println("l2r: " + InputError.flatten(ex.getMessage()) + " (see "
                    + ("l2r".equals(cmd) ? "l2r" : "l2r " + cmd) + " --help)");
            return 2;
        });
        cli.setExecutionExceptionHandler((ex, c, parsed) -> {
            if (ex instanceof InputError ie) {
                for (String line : ie.lines()) System.err.println(line);
                return 2;
            }
            if (debug(parsed)) ex.printStackTrace();
            System.err.println("l2r: internal error: " + InputError.flatten(String.valueOf(ex))
                    + " (an l2r bug; run with --debug for details)");
            return INTERNAL;
        });
        cli.setExecutionStrategy(parsed -> {
            // picocli lets anything through after --help or --version; l2r refuses it as it does elsewhere
            for (ParseResult p = parsed; p != null; p = p.subcommand()) {
                if (!p.unmatched().isEmpty()) {
                    throw new CommandLine.UnmatchedArgumentException(
                            p.commandSpec().commandLine(), p.unmatched());
                }
            }
            return new CommandLine.RunLast().execute(parsed);
        });
        try {
            return cli.execute(args);
        } catch (Throwable t) { // an Error (e.g. out of memory) escapes picocli's handler
            if (debug(cli.getParseResult())) t.printStackTrace();
            System.err.println("l2r: "
                    + (t instanceof OutOfMemoryError
                            ? "out of memory: give the JVM more heap (L2R_JAVA_OPTS=-Xmx8g)"
                            : "internal error: " + InputError.flatten(String.valueOf(t))
                                    + " (an l2r bug; run with --debug for details)"));
            return INTERNAL;
        }
    }

    /**
     * The command line for these arguments. picocli builds each command's model by reflection (about 0.1 s
     * for all of them on a cold JVM), so when the first argument names a command only that one is added;
     * anything else (no argument, an option, a misspelt command) gets all of them, for the usage, the
     * suggestions and the errors.
     */
    static CommandLine commandLine(String... args) {
        CommandLine cli = new CommandLine(new Main());
        Class<?> named = args.length == 0 ? null : named(args[0]);
        for (Class<?> c : named != null ? List.of(named) : COMMANDS) cli.addSubcommand(c);
        // every command's help offers --version: it prints what l2r --version does
        for (CommandLine sub : cli.getSubcommands().values())
            sub.getCommandSpec().version(VERSION);
        return cli;
    }

    private static Class<?> named(String arg) {
        for (Class<?> c : COMMANDS) {
            if (c.getAnnotation(Command.class).name().equals(arg)) return c;
        }
        return null;
    }

    /** True when the command that ran was given {@code --debug}. */
    private static boolean debug(ParseResult parsed) {
        for (ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--debug")) return true;
        }
        return false;
    }
}
