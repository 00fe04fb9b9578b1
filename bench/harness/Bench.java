package harness;

import java.nio.file.Path;
import java.util.Arrays;

/*
 * Benchmark: l2r check against a hand-coded plain-Java pass and DuckDB SQL doing the same checks over the
 * same canonical leads.csv and agreement (bench/bench.yaml). docs/PERFORMANCE.md has the figures and the
 * machine; bench/run is the one command:
 *
 *   bench/run 10000 100000            sizes in leads; data is made once by bench/GenerateLeads.java
 *
 * Modes (bench/run compiles bench/harness once, so no run pays for compiling it; java -cp CLASSES harness.Bench):
 *   run SIZE...                   generate (if missing), run the three tools, compare, print the table
 *   plain DATA_DIR OUT_DIR        the plain-Java single pass (no dependencies)
 *   duckdb DATA_DIR OUT_DIR       the same checks as DuckDB SQL (org.duckdb:duckdb_jdbc on the classpath)
 *   compare L2R_OUT PLAIN_OUT DUCKDB_OUT
 *
 * Each tool runs in a fresh JVM under /usr/bin/time -v (wall time includes JVM start; peak RSS from time).
 * The three must agree on every lead-level violation (clause, lead, deadline, late or missed) and every
 * target value (to 6 decimals, as l2r's accountability.json writes it) and met/not met; any disagreement is
 * printed (the first 10) and the run exits 1. l2r's violations.csv and accountability.json are read as l2r
 * writes them; the baselines write a small normalised CSV each.
 *
 * The checks, exactly as bench/bench.yaml states them (docs/AGREEMENTS.md semantics), period 2026-10 in
 * America/New_York, as-of its end:
 *   F1 inquiry -> auto_response within 5 minutes, where source in [web-form, demo-request, contact-sales,
 *      webinar, content-download]
 *   F2 mql -> first_touch within 8 business hours, in the zone and holidays of the lead's desk
 *   F3 mql -> first of [sal, rejected] within 2 business days, same calendar
 *   F4 sal -> sqo within 14 (calendar) days, local time of the lead's desk
 *   H1 at mql: score >= 60, company present, title present
 *   R1 rejected in the period with a reason from the agreed list
 *   T1 count(mql) >= 100; T2 conversion(mql, sal) >= 0.6; T3 the same per team (amer 0.5, emea 0.55,
 *   apac 0.45); T4 win_rate >= 0.45; T5 revenue >= 1000; T6 average_selling_price >= 35000;
 *   T7 sales_cycle_days <= 30
 */
public final class Bench {

    private Bench() {}

    public static void main(String[] args) throws Exception {
        String mode = args.length == 0 ? "" : args[0];
        switch (mode) {
            case "plain" -> PlainPass.run(Path.of(args[1]), Path.of(args[2]));
            case "duckdb" -> DuckDbPass.run(Path.of(args[1]), Path.of(args[2]));
            case "compare" -> System.exit(Compare.run(Path.of(args[1]), Path.of(args[2]), Path.of(args[3])) ? 0 : 1);
            case "run" -> System.exit(Runner.run(Arrays.copyOfRange(args, 1, args.length)));
            default -> {
                System.err.println("usage: Bench run SIZE... | plain DATA OUT | duckdb DATA OUT | compare L2R PLAIN DUCKDB");
                System.exit(2);
            }
        }
    }
}
