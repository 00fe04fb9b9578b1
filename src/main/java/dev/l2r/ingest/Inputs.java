package dev.l2r.ingest;

import dev.l2r.InputError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The files behind --data / --in: files as given, folders searched (not recursively) for the files that
 * are inputs. metrics.csv is set apart (one at most: a second one, given or found in a folder, is refused);
 * other files of a folder that are no input are named, not read.
 */
public record Inputs(List<Path> files, Path metrics, List<String> ignored) {

    public static final String METRICS = "metrics.csv";

    public static Inputs expand(List<Path> paths, Predicate<Path> isInput) {
        List<Path> files = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        Path metrics = null;
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                List<Path> inside;
                try (Stream<Path> s = Files.list(p)) {
                    inside = s.filter(f -> !f.getFileName().toString().startsWith("."))
                            .sorted()
                            .toList();
                } catch (IOException e) {
                    throw new InputError(InputError.at(p.toString(), 0, null, "cannot list: " + e.getMessage()));
                }
                List<String> notFiles = new ArrayList<>();
                for (Path f : inside) {
                    boolean named = f.getFileName().toString().equals(METRICS) || isInput.test(f);
                    if (named && Files.isDirectory(f)) {
                        notFiles.add(InputError.at(
                                f.toString(),
                                0,
                                null,
                                "is a folder, not a file; " + f.getFileName() + " must be a file"));
                    } else if (named
                            && !Files.isRegularFile(f)) { // a FIFO would block the reader, a device may never end
                        notFiles.add(InputError.at(
                                f.toString(),
                                0,
                                null,
                                "is not a regular file (a device, FIFO or socket); give a file"));
                    }
                }
                if (!notFiles.isEmpty()) throw new InputError(notFiles);
                for (Path f : inside) {
                    if (!Files.isRegularFile(f)) continue;
                    if (f.getFileName().toString().equals(METRICS)) metrics = metrics(metrics, f);
                    else if (isInput.test(f)) files.add(f);
                    else ignored.add(f.toString());
                }
            } else if (Files.isRegularFile(p)) {
                if (p.getFileName().toString().equals(METRICS)) metrics = metrics(metrics, p);
                else files.add(p);
            } else {
                throw new InputError(InputError.at(p.toString(), 0, null, "no such file or folder"));
            }
        }
        return new Inputs(List.copyOf(files), metrics, List.copyOf(ignored));
    }

    /** The metrics file once {@code next} is found: one only, never one of two dropped without a word. */
    private static Path metrics(Path first, Path next) {
        if (first == null || same(first, next)) return next;
        throw new InputError(InputError.at(
                next.toString(),
                0,
                null,
                "a second metrics file besides " + first + "; give one (merge their rows into one metrics.csv)"));
    }

    private static boolean same(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }
}
