package dev.l2r.ingest;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One input file read for a run: its digest and how many rows were read, accepted and rejected, plus
 * named details (e.g. rows joined to a lead, history rows about another field, leads with a stage dated
 * before their creation). Every row read is accepted or rejected: a record whose counts do not add up is an
 * l2r bug, refused here so that no run can report a row that went nowhere.
 *
 * @param role what the file was read as (leads, metrics, or a profile's file alias)
 */
public record InputFile(
        String path, String role, String sha256, long read, long accepted, long rejected, Map<String, Long> details) {

    public InputFile {
        if (read < 0 || accepted < 0 || rejected < 0 || read != accepted + rejected) {
            throw new IllegalStateException(
                    path + ": " + read + " rows read but " + accepted + " accepted and " + rejected + " rejected");
        }
        if (details != null) {
            details.forEach((k, v) -> {
                if (v == null || v < 0 || v > read)
                    throw new IllegalStateException(path + ": " + k + " = " + v + " of " + read + " rows read");
            });
        }
        details = details == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(details));
    }
}
