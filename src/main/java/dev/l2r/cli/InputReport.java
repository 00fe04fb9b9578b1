package dev.l2r.cli;

import dev.l2r.ingest.Dataset;
import dev.l2r.ingest.InputFile;
import java.util.Locale;
import java.util.Map;

/** The per-file counts every run prints on stderr: nothing read is left unaccounted for. */
final class InputReport {

    private InputReport() {}

    static void print(Dataset d) {
        for (InputFile f : d.inputs()) {
            StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%s (%s): %,d rows read, %,d accepted, %,d rejected",
                    f.path(), f.role(), f.read(), f.accepted(), f.rejected()));
            for (Map.Entry<String, Long> e : f.details().entrySet()) {
                b.append(String.format(Locale.ROOT, ", %,d %s", e.getValue(), e.getKey().replace('_', ' ')));
            }
            System.err.println(b);
        }
        for (String f : d.ignored()) System.err.println(f + ": not an input of this run (no leads file, profile file or metrics.csv), ignored");
        if (!d.rejected().isEmpty()) System.err.println(d.rejected().size() + " rejected rows, each with file, line, field and reason: rejected.csv");
    }
}
