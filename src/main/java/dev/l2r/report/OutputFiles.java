package dev.l2r.report;

import dev.l2r.InputError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Output files written beside each other (import, replay, report): every target is checked before anything
 * is written, each file is written to a temporary file in its folder and renamed into place, and an I/O
 * failure becomes one line in words, naming the path, never a Java exception.
 */
public final class OutputFiles {

    private OutputFiles() {}

    /**
     * Refuses a target where a file cannot go: a folder (even an empty one) in its place, or a file where one of
     * its folders should be. Writes nothing.
     *
     * @param advice what to do instead, for the user ("give a file name such as leads.csv")
     */
    public static void checkFile(Path target, String advice) {
        if (Files.isDirectory(target)) {
            throw new InputError(InputError.at(target.toString(), 0, null, "is a folder; " + advice));
        }
        checkFolders(target, target.toAbsolutePath().getParent());
    }

    /** Refuses a folder to write into that is a file, or lies under one. Writes nothing. */
    public static void checkFolder(Path dir, String advice) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new InputError(InputError.at(dir.toString(), 0, null, "is a file, not a folder; " + advice));
        }
        checkFolders(dir, dir.toAbsolutePath().getParent());
    }

    /** Refuses a folder {@code dir} to write {@code names} into, or any of those files, where it cannot go. */
    public static void checkTargets(Path dir, String... names) {
        checkFolder(dir, "give a folder for --out");
        for (String n : names) checkFile(dir.resolve(n), "remove it or give another --out");
    }

    /** The nearest existing one of {@code dir} and its parents must be a folder. */
    private static void checkFolders(Path target, Path dir) {
        for (Path d = dir; d != null; d = d.getParent()) {
            if (!Files.exists(d, LinkOption.NOFOLLOW_LINKS)) continue;
            if (!Files.isDirectory(d)) {
                throw new InputError(
                        InputError.at(target.toString(), 0, null, "cannot write: " + d + " is a file, not a folder"));
            }
            return;
        }
    }

    /**
     * Writes each file whole, or none of them: every target is checked first, then each text goes to a temporary
     * file beside its target, and only when all are written are they renamed into place. Folders it had to make
     * are removed again when it fails.
     */
    public static void writeAll(Map<Path, String> files) {
        for (Path target : files.keySet()) checkFile(target, "remove it or choose another output");
        List<Path> made = new ArrayList<>();
        Map<Path, Path> staged = new LinkedHashMap<>();
        Path current = null;
        boolean done = false;
        try {
            for (Map.Entry<Path, String> f : files.entrySet()) {
                current = f.getKey();
                Path dir = current.toAbsolutePath().getParent();
                makeFolders(dir, made);
                Path tmp = Files.createTempFile(dir, "." + current.getFileName(), ".tmp");
                staged.put(current, tmp);
                Files.writeString(tmp, f.getValue(), StandardCharsets.UTF_8);
            }
            for (Map.Entry<Path, Path> s : staged.entrySet()) {
                current = s.getKey();
                Files.move(s.getValue(), current, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            done = true;
        } catch (IOException e) {
            throw cannotWrite(current, e);
        } finally {
            for (Path tmp : staged.values()) deleteQuietly(tmp);
            if (!done) removeMade(made);
        }
    }

    /**
     * Creates {@code dir} and its missing parents, noting each one made (outermost first), so that a writer that
     * fails can {@linkplain #removeMade remove them} again.
     */
    public static void makeFolders(Path dir, List<Path> made) throws IOException {
        List<Path> missing = new ArrayList<>();
        for (Path d = dir; d != null && !Files.exists(d); d = d.getParent()) missing.add(0, d);
        for (Path d : missing) {
            Files.createDirectory(d);
            made.add(d);
        }
    }

    /** Removes the folders {@link #makeFolders} made, innermost first; one that is not empty stays. */
    public static void removeMade(List<Path> made) {
        for (int i = made.size() - 1; i >= 0; i--) deleteQuietly(made.get(i));
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a folder that is not empty stays; the error reported is the first one
        }
    }

    /** "PATH: cannot write: REASON", the reason in words. */
    public static InputError cannotWrite(Path p, IOException e) {
        return new InputError(InputError.at(String.valueOf(p), 0, null, "cannot write: " + words(e)));
    }

    /**
     * An I/O failure in words, without the Java exception's name: "out/x: permission denied", "out/x: a folder
     * that is not empty is in the way", "out/x is a file, not a folder".
     */
    public static String words(IOException e) {
        String file = e instanceof FileSystemException fse ? fse.getFile() : null;
        String other = e instanceof FileSystemException fse ? fse.getOtherFile() : null;
        if (e instanceof FileAlreadyExistsException && file != null && Files.isRegularFile(Path.of(file))) {
            return file + " is a file, not a folder"; // a folder was to be made there (an output under a file)
        }
        String why;
        if (e instanceof DirectoryNotEmptyException) why = "a folder that is not empty is in the way";
        else if (e instanceof AccessDeniedException) why = "permission denied";
        else if (e instanceof NoSuchFileException) why = "no such file or folder";
        else if (e instanceof NotDirectoryException) why = "not a folder";
        else if (e instanceof FileAlreadyExistsException) why = "already exists";
        else if (e instanceof FileSystemException fse && fse.getReason() != null) why = fse.getReason();
        else if (e instanceof FileSystemException) why = spaced(e);
        else why = e.getMessage() == null ? spaced(e) : InputError.firstLine(e.getMessage());
        String where = file != null ? file : other;
        return where == null ? why : where + ": " + why;
    }

    /** FooBarException as "foo bar". */
    private static String spaced(IOException e) {
        return e.getClass()
                .getSimpleName()
                .replace("Exception", "")
                .replaceAll("([a-z])([A-Z])", "$1 $2")
                .toLowerCase(Locale.ROOT);
    }
}
