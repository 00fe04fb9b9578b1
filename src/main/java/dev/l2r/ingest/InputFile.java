package dev.l2r.ingest;

import java.util.Map;

/**
 * One input file read for a run: its digest and how many rows were read, accepted and rejected, plus
 * named details (e.g. rows joined to a lead, history rows about another field, leads with a stage dated
 * before their creation).
 *
 * @param role what the file was read as (leads, metrics, or a profile's file alias)
 */
public record InputFile(String path, String role, String sha256, long read, long accepted, long rejected,
                        Map<String, Long> details) {

    public InputFile {
        details = details == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(details));
    }
}
