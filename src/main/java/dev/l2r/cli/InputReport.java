package dev.l2r.cli;

import dev.l2r.ingest.Dataset;
import dev.l2r.ingest.InputFile;
import dev.l2r.ingest.RejectedRow;
import java.util.Locale;
import java.util.Map;

/** The per-file counts every run prints on stderr: nothing read is left unaccounted for. */
final class InputReport {

    private InputReport() {}

    private static String rows(long n, String word) {
        return String.format(Locale.ROOT, "%,d %s%s", n, word, n == 1 ? "" : "s");
    }

    static void print(Dataset d) {
        print(d, "rejected.csv");
    }

    /** Rows listed on stderr by a command that writes no rejected.csv ({@code explain}); the rest are counted. */
    static final int LISTED = 20;

    /**
     * For a command that writes no files ({@code explain}): the rejected-rows notice, followed by the rows
     * themselves, each with file, line, field and reason, up to {@value #LISTED}. Nothing when no row was
     * rejected.
     */
    static void printRejected(Dataset d) {
        rejected(d, null);
    }

    static void print(Dataset d, String rejectedFile) {
        for (InputFile f : d.inputs()) {
            // one fixed shape, "N rows read", so that scripts can read the counts
            StringBuilder b = new StringBuilder(String.format(
                    Locale.ROOT,
                    "%s (%s): %,d rows read, %,d accepted, %,d rejected",
                    f.path(),
                    f.role(),
                    f.read(),
                    f.accepted(),
                    f.rejected()));
            for (Map.Entry<String, Long> e : f.details().entrySet()) {
                b.append(String.format(
                        Locale.ROOT, ", %,d %s", e.getValue(), e.getKey().replace('_', ' ')));
            }
            System.err.println(b);
        }
        for (String f : d.ignored())
            System.err.println(f + ": not an input of this run (no leads file, profile file or metrics.csv), ignored");
        rejected(d, rejectedFile);
    }

    /** The notice of rejected rows: where they were written, or (null) the rows themselves. */
    private static void rejected(Dataset d, String rejectedFile) {
        if (d.rejected().isEmpty()) return;
        if (rejectedFile != null) {
            System.err.println(rows(d.rejected().size(), "rejected row") + ", each with file, line, field and reason: "
                    + rejectedFile);
            return;
        }
        System.err.println(rows(d.rejected().size(), "rejected row") + ", each with file, line, field and reason:");
        for (RejectedRow r :
                d.rejected().subList(0, Math.min(LISTED, d.rejected().size()))) {
            System.err.println("  " + r.describe());
        }
        if (d.rejected().size() > LISTED) {
            System.err.println("  and " + rows(d.rejected().size() - LISTED, "more row")
                    + " (l2r check writes them all to rejected.csv)");
        }
    }
}
