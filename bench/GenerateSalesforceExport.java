/*
 * Writes a synthetic Salesforce export (Lead.csv, Opportunity.csv) of N leads, one in five converted, for
 * measuring l2r import and check at scale (docs/PERFORMANCE.md). Deterministic; no dependencies.
 *
 *   java bench/GenerateSalesforceExport.java OUT_DIR [LEADS=1000000]
 */
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

public final class GenerateSalesforceExport {
    public static void main(String[] args) throws Exception {
        Path out = Files.createDirectories(Path.of(args[0]));
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        try (BufferedWriter w = Files.newBufferedWriter(out.resolve("Lead.csv"), StandardCharsets.UTF_8)) {
            w.write("Id,CreatedDate,Status,LeadSource,OwnerId,ConvertedDate,ConvertedOpportunityId,IsConverted,Company,Title,Email,Country,Rating\n");
            for (int i = 0; i < n; i++) {
                int d = 1 + i % 27;
                boolean conv = i % 5 == 0;
                w.write(String.format(Locale.ROOT, "00Q5g00000%08d,2026-10-%02dT%02d:15:00.000Z,%s,Web,0055g00000ABC%03d,%s,%s,%s,\"Company %d, Inc.\",CTO,lead%d@example.com,US,Hot%n",
                        i, d, 8 + i % 10, conv ? "Closed - Converted" : "Open - Not Contacted", i % 40,
                        conv ? String.format(Locale.ROOT, "2026-10-%02d", d + 1) : "", conv ? String.format(Locale.ROOT, "0065g00000%08d", i) : "",
                        conv, i % 5000, i));
            }
        }
        try (BufferedWriter w = Files.newBufferedWriter(out.resolve("Opportunity.csv"), StandardCharsets.UTF_8)) {
            w.write("Id,Name,StageName,Amount,CloseDate,IsWon,IsClosed,CreatedDate,OwnerId\n");
            for (int i = 0; i < n; i += 5) {
                boolean won = i % 10 == 0;
                w.write(String.format(Locale.ROOT, "0065g00000%08d,Deal %d,%s,%d,2026-11-%02d,%s,%s,2026-10-%02dT12:00:00.000Z,0055g00000ABC001%n",
                        i, i, won ? "Closed Won" : "Prospecting", 1000 + i % 7000, 1 + i % 28, won, won, 2 + i % 27));
            }
        }
    }
}
