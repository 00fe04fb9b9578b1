package dev.l2r;

import java.util.Locale;

/**
 * Progress of long work on stderr, only when stderr is a terminal (a console is attached); quiet in
 * pipes, files and CI.
 */
public interface Progress {

    void rows(String file, long rows);

    void done(String file, long rows);

    void step(String what);

    Progress QUIET = new Progress() {
        public void rows(String file, long rows) {}

        public void done(String file, long rows) {}

        public void step(String what) {}
    };

    /**
     * A terminal reporter when a console is attached, else {@link #QUIET}. With the environment variable
     * L2R_TIMING set, each step is also printed with the seconds since start (for benchmarks).
     */
    static Progress forTerminal() {
        if (System.getenv("L2R_TIMING") != null) {
            long t0 = System.nanoTime();
            return new Progress() {
                public void rows(String file, long rows) {}

                public void done(String file, long rows) {
                    System.err.printf(
                            Locale.ROOT, "[%.2fs] read %s: %,d rows%n", (System.nanoTime() - t0) / 1e9, file, rows);
                }

                public void step(String what) {
                    System.err.printf(Locale.ROOT, "[%.2fs] %s%n", (System.nanoTime() - t0) / 1e9, what);
                }
            };
        }
        if (System.console() == null) return QUIET;
        return new Progress() {
            public void rows(String file, long rows) {
                if (rows % 100_000 == 0) System.err.printf(Locale.ROOT, "\rreading %s: %,d rows", file, rows);
            }

            public void done(String file, long rows) {
                System.err.printf(Locale.ROOT, "\rreading %s: %,d rows%n", file, rows);
            }

            public void step(String what) {
                System.err.println(what);
            }
        };
    }
}
