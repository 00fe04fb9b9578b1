package dev.l2r.cli;

import dev.l2r.ingest.Dataset;
import dev.l2r.ingest.InputFile;
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
        if (!d.rejected().isEmpty()) {
            System.err.println(rows(d.rejected().size(), "rejected row") + ", each with file, line, field and reason: "
                    + rejectedFile);
        }
    }
}
