package dev.l2r.cli;

import dev.l2r.InputError;
import dev.l2r.Progress;
import dev.l2r.ingest.CanonicalWriter;
import dev.l2r.ingest.Dataset;
import dev.l2r.ingest.InputFile;
import dev.l2r.ingest.Inputs;
import dev.l2r.ingest.profile.Profile;
import dev.l2r.ingest.profile.ProfileReader;
import dev.l2r.ingest.profile.Profiles;
import dev.l2r.report.OutputFiles;
import dev.l2r.report.ReportWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code l2r import}: turns a CRM export into canonical leads.csv through a mapping profile. */
@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        description = {
            "Read a CRM export through a mapping profile and write canonical leads (docs/AGREEMENTS.md, lead fields).",
            "Rows that cannot be read go to a .rejected.csv beside the output, with file, line, field and reason."
        })
final class ImportCommand implements Callable<Integer> {

    @Option(
            names = "--profile",
            required = true,
            paramLabel = "NAME",
            description = "Profile name (l2r profiles) or .yaml file.")
    String profile;

    @Option(
            names = "--in",
            required = true,
            arity = "1..*",
            paramLabel = "FILE",
            converter = Options.PathConverter.class,
            description = "Export files or folders.")
    List<Path> in;

    @Option(
            names = "--out",
            required = true,
            paramLabel = "FILE",
            converter = Options.PathConverter.class,
            description = "Canonical leads CSV to write; never one of the input files.")
    Path out;

    @Option(
            names = "--timezone",
            paramLabel = "ZONE",
            description =
                    "Zone of export times without an offset, when the profile names none (default: UTC, with a warning).")
    String timezone;

    @Mixin
    Options.Debug debug;

    @Override
    public Integer call() throws IOException {
        Profile p = Profiles.resolve(profile);
        ZoneId zone;
        try {
            zone = timezone == null ? ZoneId.of("UTC") : ZoneId.of(timezone);
        } catch (DateTimeException e) {
            throw new InputError("--timezone: \"" + timezone + "\" is not an IANA time zone such as America/New_York");
        }
        if (p.zone() != null) zone = p.zone();
        Path rejectedFile =
                out.resolveSibling(out.getFileName().toString().replaceFirst("\\.csv$", "") + ".rejected.csv");
        // both outputs are checked before anything is read or written: an import that cannot write one writes neither
        checkTargets(out, rejectedFile);
        ProfileReader reader = new ProfileReader(p, zone, Map.of(), Progress.forTerminal());
        Inputs inputs = Inputs.expand(in, reader::recognises);
        List<Path> files = inputs.files();
        if (inputs.metrics() != null)
            throw new InputError(InputError.at(
                    inputs.metrics().toString(),
                    0,
                    null,
                    "metrics.csv is no CRM export; give it to l2r check --data as it is"));
        refuseToOverwrite(files, out, "writing leads there would destroy it; give another --out such as leads.csv");
        refuseToOverwrite(
                files,
                rejectedFile,
                "the rejected rows of --out " + out.getFileName() + " would overwrite it; give another --out");
        reader.assign(files);
        Path parent = out.toAbsolutePath().getParent();
        Path tmp = null;
        Path rejectedTmp = null;
        long written;
        List<Path> made = new ArrayList<>(); // the folders made for --out: removed again if the import fails
        boolean done = false;
        try {
            try {
                OutputFiles.makeFolders(parent, made);
                tmp = Files.createTempFile(parent, ".l2r-import", ".csv");
            } catch (IOException e) {
                throw OutputFiles.cannotWrite(out, e);
            }
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                CanonicalWriter[] writer = new CanonicalWriter[1];
                long[] n = new long[1];
                ZoneId z = zone;
                reader.read(files, lead -> {
                    if (writer[0] == null) writer[0] = new CanonicalWriter(w, z, reader.extraColumns());
                    writer[0].write(lead);
                    n[0]++;
                });
                if (writer[0] == null) new CanonicalWriter(w, z, reader.extraColumns());
                written = n[0];
            } catch (IOException e) {
                throw OutputFiles.cannotWrite(out, e);
            } catch (UncheckedIOException e) {
                throw OutputFiles.cannotWrite(out, e.getCause());
            }
            // the rejected rows are written before either file takes its place, so that neither is left alone
            if (!reader.rejected().isEmpty()) {
                try {
                    rejectedTmp = Files.createTempFile(parent, ".l2r-import", ".rejected.csv");
                    Files.writeString(rejectedTmp, ReportWriter.rejectedCsv(reader.rejected()), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw OutputFiles.cannotWrite(rejectedFile, e);
                }
            }
            checkTargets(out, rejectedFile); // again: a long read gives time for a folder to appear there
            try {
                Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw OutputFiles.cannotWrite(out, e);
            }
            try {
                if (rejectedTmp == null) Files.deleteIfExists(rejectedFile);
                else Files.move(rejectedTmp, rejectedFile, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw OutputFiles.cannotWrite(rejectedFile, e);
            }
            done = true;
        } finally {
            if (tmp != null) Files.deleteIfExists(tmp);
            if (rejectedTmp != null) Files.deleteIfExists(rejectedTmp);
            if (!done) OutputFiles.removeMade(made);
        }
        if (p.zone() == null
                && timezone == null) { // a silent UTC shifts every local time by the zone's offset; bad input stays one
            // line
            System.err.println("l2r import: no --timezone and profile " + p.name()
                    + " names no zone: times without an offset are read as UTC");
        }
        InputReport.print(
                new Dataset(List.of(), null, reader.inputs(), reader.rejected(), inputs.ignored()),
                rejectedFile.toString());
        long rejected = reader.inputs().stream().mapToLong(InputFile::rejected).sum();
        System.out.printf(
                Locale.ROOT,
                "%s: %,d leads written (profile %s)%s%n",
                out,
                written,
                p.name(),
                rejected == 0 ? "" : String.format(Locale.ROOT, "; %,d rows rejected: %s", rejected, rejectedFile));
        return 0;
    }

    /** A folder where the leads or the rejected rows go, or a file where a folder goes, is refused. */
    private static void checkTargets(Path out, Path rejectedFile) {
        OutputFiles.checkFile(out, "give a file name such as leads.csv");
        OutputFiles.checkFile(
                rejectedFile,
                "the rejected rows of --out " + out.getFileName() + " go there; remove it or give another --out");
    }

    /**
     * Refuses an output path that is one of the input files (compared as real paths, through links and
     * "..", whether or not the output exists yet): writing a new file beside the export is fine, replacing
     * the export is not.
     */
    private static void refuseToOverwrite(List<Path> inputs, Path target, String why) {
        Path real = realPath(target);
        if (real == null) return;
        for (Path in : inputs) {
            if (real.equals(realPath(in))) {
                throw new InputError(InputError.at(target.toString(), 0, null, "is an input of this import; " + why));
            }
        }
    }

    /** The real path of a file, or of its folder plus its name when the file does not exist yet; null when neither exists. */
    private static Path realPath(Path p) {
        try {
            if (Files.exists(p)) return p.toRealPath();
            Path abs = p.toAbsolutePath().normalize();
            Path dir = abs.getParent();
            return dir != null && Files.isDirectory(dir) ? dir.toRealPath().resolve(abs.getFileName()) : null;
        } catch (IOException e) {
            return null;
        }
    }
}
