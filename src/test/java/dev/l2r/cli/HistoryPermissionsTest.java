package dev.l2r.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.l2r.Cli;
import dev.l2r.Unprivileged;
import dev.l2r.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A history l2r may not write stops a check before it evaluates or writes anything (docs/HISTORY.md,
 * "Recording a run"): not after the output folder is in place. Run as a user permissions stop
 * ({@link Unprivileged}).
 */
class HistoryPermissionsTest {

    @TempDir
    Path tmp;

    Workspace w;

    @BeforeEach
    void workspace() throws Exception {
        Unprivileged.open(tmp);
        w = new Workspace(tmp).sla(PeriodRangeTest.SLA.formatted("month")).leads(PeriodRangeTest.LEAD_AUG);
        // a history with a run in it, as a check leaves it
        Cli seed = w.check("2026-07");
        assertEquals(0, seed.code(), seed.toString());
    }

    /** Where the check as nobody would write. */
    private Path aug() {
        return tmp.resolve("aug");
    }

    private List<String> check(Path history) {
        List<String> args = new ArrayList<>(List.of(
                "check",
                "--sla",
                tmp.resolve("sla.yaml").toString(),
                "--data",
                tmp.resolve("data").toString(),
                "--period",
                "2026-08",
                "--rules",
                w.rules.toString(),
                "--out",
                aug().toString(),
                "--history",
                history.toString()));
        return args;
    }

    @Test
    void aReadOnlyHistoryFileStopsTheCheckBeforeAnyOutput() throws Exception {
        Path history = tmp.resolve("history.sqlite");
        Files.setPosixFilePermissions(history, PosixFilePermissions.fromString("r--r--r--"));
        Cli r = Unprivileged.run(tmp, check(history).toArray(String[]::new));
        assertEquals(2, r.code(), r.toString());
        assertEquals(history + ": read-only; give a --history file l2r may write\n", r.err());
        assertEquals("", r.out());
        assertFalse(Files.exists(aug()), "no output folder: " + r);
    }

    @Test
    void aHistoryInAFolderLikeThatStopsItToo() throws Exception {
        // the file may be written, but SQLite writes its journal beside it
        Path folder = Files.createDirectories(tmp.resolve("kept"));
        Path history = Files.copy(tmp.resolve("history.sqlite"), folder.resolve("history.sqlite"));
        Files.setPosixFilePermissions(history, PosixFilePermissions.fromString("rw-rw-rw-"));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-xr-xr-x"));
        Cli r = Unprivileged.run(tmp, check(history).toArray(String[]::new));
        assertEquals(2, r.code(), r.toString());
        assertEquals(
                history + ": its folder " + folder + " is read-only, and SQLite writes a journal beside the file;"
                        + " give a --history file in a folder l2r may write\n",
                r.err());
        assertEquals("", r.out());
        assertFalse(Files.exists(aug()), "no output folder: " + r);
    }
}
