package dev.l2r.report;

import dev.l2r.InputError;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The --out folder of a check, replaced whole or not at all. A run holds a lock on a file beside the folder
 * ({@code <parent>/.<name>.lock}, which stays) from start to end, writes into a fresh staging folder beside it
 * ({@code .<name>.tmp-<random>}) and renames that into place only when every file is written: readers and
 * later runs see the previous outputs or the new ones, never a mix, and a symbolic link planted inside the
 * old folder is never written through. A run that fails leaves the previous outputs as they were and puts
 * {@value #FAILED} in them, so they do not look current.
 */
public final class OutputFolder implements AutoCloseable {

    /** Marker in an output folder whose latest run failed; the next successful run replaces the folder and with it the marker. */
    public static final String FAILED = "LAST-RUN-FAILED";
    /** Outputs in an existing folder are marked failed only when a run completed there before. */
    static final String OWNED_BY = "run.json";

    static final String BUSY = "another l2r run is writing this folder; wait for it or choose another --out";

    /** File locks belong to the process, so runs inside one JVM (tests, embedders) also need this guard. */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path requested;
    private final Path out;
    private final Path parent;
    private final String name;
    private final Path lockFile;
    private FileChannel channel;
    private FileLock lock;
    private Path staging;
    private boolean committed;

    private OutputFolder(Path requested, Path out, Path lockFile) {
        this.requested = requested;
        this.out = out;
        this.parent = out.getParent();
        this.name = out.getFileName().toString();
        this.lockFile = lockFile;
    }

    /**
     * Takes the folder for this run: creates missing parents, takes the lock (exit 2 when another run holds
     * it) and refuses a folder l2r may not replace. {@code --out} that is a symbolic link is followed once:
     * the folder it points to is replaced and the link keeps pointing at it.
     */
    public static OutputFolder lock(Path requested) {
        Path out = resolve(requested);
        Path lockFile = out.resolveSibling("." + out.getFileName() + ".lock");
        createParents(requested, out.getParent());
        if (!HELD.add(lockFile)) throw new InputError(InputError.at(requested.toString(), 0, null, BUSY));
        OutputFolder f = new OutputFolder(requested, out, lockFile);
        try {
            f.acquire();
            f.recover();
            f.checkReplaceable();
            return f;
        } catch (RuntimeException | Error e) {
            f.close();
            throw e;
        }
    }

    /** The folder the outputs end up in, as the user named it. */
    public Path target() {
        return requested;
    }

    /** A fresh, empty folder beside the target to write this run's outputs into. */
    public Path staging() {
        if (staging != null) return staging;
        for (int attempt = 0; ; attempt++) {
            Path p = parent.resolve("." + name + ".tmp-" + random());
            try {
                staging = Files.createDirectory(p);
                return staging;
            } catch (FileAlreadyExistsException e) {
                if (attempt > 10) throw OutputFiles.cannotWrite(requested, e);
            } catch (IOException e) {
                throw OutputFiles.cannotWrite(requested, e);
            }
        }
    }

    /**
     * Puts the staging folder in place of the target: one rename when there is none, else the old folder
     * moves aside, the new one in, and the old one is deleted. Between the two renames the folder is
     * briefly absent; a run killed right there is repaired by the next run, which moves the old folder back.
     */
    public void commit() {
        if (staging == null) throw new IllegalStateException("nothing staged");
        try {
            if (!Files.exists(out, LinkOption.NOFOLLOW_LINKS)) {
                Files.move(staging, out, StandardCopyOption.ATOMIC_MOVE);
            } else {
                Path old = parent.resolve("." + name + ".old-" + random());
                Files.move(out, old, StandardCopyOption.ATOMIC_MOVE);
                try {
                    Files.move(staging, out, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException e) {
                    Files.move(old, out, StandardCopyOption.ATOMIC_MOVE);
                    throw e;
                }
                staging = null;
                committed = true;
                try {
                    deleteTree(old);
                } catch (IOException e) {
                    // the new outputs are in place; the next run into this folder removes the rest (recover)
                }
            }
            staging = null;
            committed = true;
        } catch (IOException e) {
            throw OutputFiles.cannotWrite(requested, e);
        }
    }

    /**
     * Records that this run failed: the staging folder goes, and when the target already holds outputs of
     * an earlier run it gets {@value #FAILED} with the time and the cause. Never throws: the cause itself
     * is what the user must see.
     */
    public void failed(String cause) {
        deleteStaging();
        if (committed || !Files.isRegularFile(out.resolve(OWNED_BY), LinkOption.NOFOLLOW_LINKS)) return;
        String text = "The latest l2r check into this folder failed at "
                + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "; the other files are from an earlier run.\n" + cause
                + "\n";
        Path tmp = null;
        try {
            tmp = Files.createTempFile(out, "." + FAILED, ".tmp");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, out.resolve(FAILED), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            try {
                if (tmp != null) Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // best effort: the marker is a courtesy, the error on stderr is the report
            }
        }
    }

    /**
     * Marks {@code requested} failed when no run holds it yet (a failure before the lock was taken).
     * Does nothing when another run is writing it: that run's outcome decides what the folder says.
     */
    public static void markFailed(Path requested, String cause) {
        // a folder with no outputs of an earlier run has nothing to mark: nothing is created for it
        if (!Files.isRegularFile(requested.resolve(OWNED_BY), LinkOption.NOFOLLOW_LINKS)) return;
        OutputFolder f;
        try {
            f = lock(requested);
        } catch (RuntimeException e) {
            return;
        }
        try {
            f.failed(cause);
        } finally {
            f.close();
        }
    }

    /** Removes this run's staging folder, if any, and releases the lock (the lock file stays, see acquire()). */
    @Override
    public void close() {
        deleteStaging();
        try {
            if (lock != null) lock.release();
        } catch (IOException ignored) {
            // the lock goes with the channel anyway
        } finally {
            try {
                if (channel != null) channel.close();
            } catch (IOException ignored) {
                // nothing more to release
            }
            lock = null;
            channel = null;
            HELD.remove(lockFile);
        }
    }

    /**
     * Locks the lock file. It stays when the run ends: deleting it would let a run that opened it just before
     * lock a file no other run can see. Nothing else in this process may open it while the lock is held, since
     * closing any descriptor of a file drops the process's POSIX locks on it; {@link #HELD} keeps other runs
     * of this JVM away.
     */
    private void acquire() {
        try {
            channel = FileChannel.open(
                    lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
        } catch (IOException e) {
            throw OutputFiles.cannotWrite(requested, e);
        }
        if (lock == null) throw new InputError(InputError.at(requested.toString(), 0, null, BUSY));
    }

    /** Cleans up after a run that was killed: its staging folder goes, a folder moved aside comes back. */
    private void recover() {
        List<Path> leftovers = new ArrayList<>();
        String tmp = "." + name + ".tmp-";
        String old = "." + name + ".old-";
        DirectoryStream.Filter<Path> ours = p -> p.getFileName().toString().startsWith(tmp)
                || p.getFileName().toString().startsWith(old);
        try (DirectoryStream<Path> s = Files.newDirectoryStream(parent, ours)) {
            s.forEach(leftovers::add);
        } catch (IOException e) {
            throw OutputFiles.cannotWrite(requested, e);
        }
        leftovers.sort(null);
        for (Path p : leftovers) {
            try {
                boolean aside = p.getFileName().toString().startsWith(old);
                if (aside && !Files.exists(out, LinkOption.NOFOLLOW_LINKS))
                    Files.move(p, out, StandardCopyOption.ATOMIC_MOVE);
                else deleteTree(p);
            } catch (IOException e) {
                throw OutputFiles.cannotWrite(p, e);
            }
        }
    }

    /**
     * A run replaces the whole folder, so it must hold nothing but l2r's outputs: a folder such as "." or
     * the data folder is refused rather than emptied.
     */
    private void checkReplaceable() {
        if (!Files.exists(out, LinkOption.NOFOLLOW_LINKS)) return;
        if (!Files.isDirectory(out, LinkOption.NOFOLLOW_LINKS)) {
            throw new InputError(
                    InputError.at(requested.toString(), 0, null, "is a file, not a folder; choose a folder for --out"));
        }
        List<String> foreign = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(out)) {
            for (Path p : s) {
                String n = p.getFileName().toString();
                boolean ours = (ReportWriter.OUTPUTS.contains(n) || n.equals(FAILED))
                        && !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS);
                if (!ours) foreign.add(n);
            }
        } catch (IOException e) {
            throw OutputFiles.cannotWrite(requested, e);
        }
        if (!foreign.isEmpty()) {
            foreign.sort(null);
            throw new InputError(
                    InputError.at(
                            requested.toString(),
                            0,
                            null,
                            "holds " + foreign.get(0)
                                    + (foreign.size() > 1 ? " and " + (foreign.size() - 1) + " more" : "")
                                    + " that l2r did not write; each run replaces the whole folder, so choose an empty or new --out"));
        }
    }

    private void deleteStaging() {
        if (staging == null) return;
        try {
            deleteTree(staging);
        } catch (IOException ignored) {
            // the next run into this folder removes it (recover)
        }
        staging = null;
    }

    /** The absolute target; a symbolic link given as --out is resolved once, links inside are never followed. */
    private static Path resolve(Path requested) {
        Path abs = requested.toAbsolutePath().normalize();
        try {
            if (Files.isSymbolicLink(abs)) abs = abs.toRealPath();
        } catch (IOException e) {
            throw new InputError(InputError.at(
                    requested.toString(),
                    0,
                    null,
                    "is a symbolic link to a missing folder; create it or give another --out"));
        }
        if (abs.getParent() == null || abs.getFileName() == null) {
            throw new InputError(InputError.at(
                    requested.toString(), 0, null, "cannot be replaced; give a folder such as out/2026-10"));
        }
        return abs;
    }

    /** The lock file sits beside the folder, so missing parents are made first. */
    private static void createParents(Path requested, Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw OutputFiles.cannotWrite(requested, e);
        }
    }

    /** Deletes a folder and what it holds; links inside are deleted, never followed. */
    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) return;
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                if (exc != null) throw exc;
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static String random() {
        byte[] b = new byte[6];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
