package dev.l2r.cli;

import dev.l2r.InputError;
import dev.l2r.evaluate.Limits;
import dev.l2r.history.HistoryStore;
import dev.l2r.model.Severity;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

/**
 * The options several commands share, as picocli mixins, and the converters that turn option text into
 * values. A converter refuses bad text with an {@link InputError} naming the option, which {@link Main}
 * prints as it is.
 */
final class Options {

    private Options() {}

    /** {@code --sla FILE}. */
    static final class Agreement {
        @Option(
                names = "--sla",
                required = true,
                paramLabel = "FILE",
                converter = PathConverter.class,
                description =
                        "Agreement (YAML or JSON); for check, validate and replay also a folder of its versions, each with its effective_from.")
        Path sla;
    }

    /** {@code --data PATH... [--profile NAME]}: the CRM data a check (or a replay) reads. */
    static final class Data {
        @Option(
                names = "--data",
                required = true,
                paramLabel = "PATH",
                arity = "1..*",
                converter = PathConverter.class,
                description = {
                    "Folder with leads.csv|json|ndjson and optional metrics.csv, or one leads file.",
                    "With --profile: the CRM export's files or folders, and an optional metrics.csv."
                })
        List<Path> paths;

        @Option(
                names = "--profile",
                paramLabel = "NAME",
                description =
                        "Read a CRM export through a mapping profile (l2r profiles lists them), or a profile .yaml file.")
        String profile;
    }

    /** {@code --history FILE}: the run history to record in or read from. */
    static final class History {
        @Option(
                names = "--history",
                paramLabel = "FILE",
                converter = PathConverter.class,
                description =
                        "The run history file (default: $" + HistoryStore.ENV + " if set, else out/history.sqlite).")
        Path file;

        /** The file to use: the option, else $L2R_HISTORY, else out/history.sqlite. */
        Path resolve() {
            return HistoryStore.file(file, System.getenv(HistoryStore.ENV));
        }
    }

    /** {@code --rules DIR}. */
    static final class Rules {
        @Option(
                names = "--rules",
                paramLabel = "DIR",
                converter = PathConverter.class,
                description = "Hand-written rules: DRL files and decision tables, .csv or .xlsx (default: rules/).")
        Path rules;
    }

    /** {@code --debug}: {@link Main} shows stack traces of internal errors when a command was given it. */
    static final class Debug {
        @Option(names = "--debug", description = "Show stack traces of internal errors.")
        boolean debug;
    }

    /** A path option that is not empty text (an empty path would name the working directory). */
    static final class PathConverter implements ITypeConverter<Path> {
        @Override
        public Path convert(String value) {
            if (value.isBlank()) throw new InputError("empty; give a file or folder name");
            return Path.of(value);
        }
    }

    /** The threshold of {@code --fail-on}: a severity, or none. */
    record Threshold(Severity severity) {}

    /** {@code critical}, {@code major}, {@code minor} or {@code none}. */
    static final class ThresholdConverter implements ITypeConverter<Threshold> {
        @Override
        public Threshold convert(String value) {
            String f = value.toLowerCase(Locale.ROOT);
            if (f.equals("none")) return new Threshold(null);
            return new Threshold(Severity.of(f)
                    .orElseThrow(() ->
                            new InputError("\"" + value + "\" is not a level; use critical, major, minor or none")));
        }
    }

    /** {@code 90s}, {@code 5m}, {@code 1h}, {@code 500ms}. */
    static final class TimeoutConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            return Limits.parseTimeout(value);
        }
    }
}
