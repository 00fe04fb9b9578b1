package harness;

import static harness.Sla.*;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** bench/run: data, the three tools in fresh processes under /usr/bin/time, the comparison, the table. */
record Result(String tool, double wall, double cpu, double rssMb, int exit) {}

final class Runner {
    static int run(String[] sizes) throws Exception {
        Path home = Path.of(System.getProperty("bench.home", ".")).toAbsolutePath().normalize();
        Path dataRoot = Path.of(System.getenv().getOrDefault("BENCH_DATA", "/tmp/l2r-bench"));
        String classes = System.getProperty("bench.classes");
        String duckJar = System.getProperty("bench.duckdb");
        String rate = System.getenv().getOrDefault("BENCH_VIOLATION_RATE", "0.2");
        String java = ProcessHandle.current().info().command().orElse("java");
        boolean ok = true;
        List<String> table = new ArrayList<>();
        table.add("| Leads | Tool | Wall s | CPU s | Peak RSS MB | Wall × plain Java | Wall × DuckDB | CPU × plain Java | CPU × DuckDB |");
        table.add("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        for (String sz : sizes) {
            long n = Long.parseLong(sz.replace("_", ""));
            // the generator's digest in the name: data made by an older generator is not reused
            Path data = dataRoot.resolve("leads-" + n + "-" + rate + "-" + digest(home.resolve("bench/GenerateLeads.java")));
            if (!Files.exists(data.resolve("leads.csv"))) {
                System.out.printf(Locale.ROOT, "generating %,d leads into %s%n", n, data);
                long t0 = System.nanoTime();
                int rc = new ProcessBuilder(java, home.resolve("bench/GenerateLeads.java").toString(), data.toString(), Long.toString(n), rate)
                        .inheritIO().start().waitFor();
                if (rc != 0) throw new IllegalStateException("generator failed");
                System.out.printf(Locale.ROOT, "generated in %.1f s (%,d MB)%n", (System.nanoTime() - t0) / 1e9,
                        Files.size(data.resolve("leads.csv")) >> 20);
            }
            Path out = dataRoot.resolve("out-" + n);
            System.out.printf(Locale.ROOT, "%n== %,d leads (%,d MB), load average %s%n", n,
                    Files.size(data.resolve("leads.csv")) >> 20, loadAverage());
            // GC log for "where the time goes": pauses and heap in use at the collections
            Files.createDirectories(out);
            Path gcLog = out.resolve("l2r-gc.log");
            String opts = (System.getenv().getOrDefault("L2R_JAVA_OPTS", "") + " -Xlog:gc:file=" + gcLog).trim();
            Result l2r = time("l2r", out.resolve("l2r.log"), Map.of("L2R_TIMING", "1", "L2R_JAVA_OPTS", opts),
                    home.resolve("l2r").toString(), "check", "--sla", home.resolve("bench/bench.yaml").toString(),
                    "--data", data.toString(), "--period", PERIOD, "--as-of", AS_OF_TEXT, "--out", out.resolve("l2r").toString(),
                    "--fail-on", "none", "--no-history");
            Result plain = time("plain Java", out.resolve("plain.log"), Map.of(),
                    java, "-cp", classes, "harness.Bench", "plain", data.toString(), out.resolve("plain").toString());
            Result duck = time("DuckDB", out.resolve("duckdb.log"), Map.of(),
                    java, "-cp", classes + File.pathSeparator + duckJar, "harness.Bench", "duckdb", data.toString(),
                    out.resolve("duckdb").toString());
            for (Result r : List.of(l2r, plain, duck)) {
                if (r.exit() != 0) {
                    ok = false;
                    String log = Files.readString(out.resolve(r.tool().equals("l2r") ? "l2r.log" : r.tool().equals("DuckDB") ? "duckdb.log" : "plain.log"));
                    String why = r.exit() == TIMED_OUT ? "stopped after BENCH_TIMEOUT=" + TIMEOUT_S + " s"
                            : log.contains("OutOfMemoryError") || log.contains("out of memory") ? "out of memory" : "exit " + r.exit();
                    System.out.println(r.tool() + " failed (" + why + "); see " + out);
                }
            }
            if (l2r.exit() == 0 && plain.exit() == 0 && duck.exit() == 0) {
                ok &= Compare.run(out.resolve("l2r"), out.resolve("plain"), out.resolve("duckdb"));
            } else if (plain.exit() == 0 && duck.exit() == 0) {
                System.out.println("l2r did not finish: the baselines are compared with each other");
                ok &= Compare.pair(new Compare.Side("plain Java", out.resolve("plain"), false),
                        new Compare.Side("DuckDB", out.resolve("duckdb"), false));
            }
            for (Result r : List.of(l2r, plain, duck)) {
                String mark = r.exit() == 0 ? "" : r.exit() == TIMED_OUT ? " (stopped, did not finish)" : " (failed)";
                table.add(String.format(Locale.ROOT, "| %,d | %s%s | %.2f | %.2f | %,.0f | %.1f | %.1f | %.1f | %.1f |", n, r.tool(),
                        mark, r.wall(), r.cpu(), r.rssMb(), r.wall() / plain.wall(), r.wall() / duck.wall(),
                        r.cpu() / plain.cpu(), r.cpu() / duck.cpu()));
            }
            System.out.println(gcSummary(gcLog));
            System.out.println("l2r steps (L2R_TIMING):");
            for (String line : Files.readAllLines(out.resolve("l2r.log"))) {
                if (line.startsWith("[")) System.out.println("  " + line);
            }
        }
        System.out.println();
        table.forEach(System.out::println);
        System.out.println(ok ? "\nall three agree" : "\nDISAGREEMENT or failure: see above");
        return ok ? 0 : 1;
    }

    static final Pattern PAUSE = Pattern.compile("Pause .*? (\\d+)M->(\\d+)M\\((\\d+)M\\) ([\\d.]+)ms");

    /** GC pauses of the l2r run, and the most heap in use (at the start of a collection) and committed. */
    static String gcSummary(Path gcLog) throws IOException {
        if (!Files.exists(gcLog)) return "l2r GC: no log";
        long pauses = 0;
        double ms = 0;
        long used = 0;
        long committed = 0;
        for (String line : Files.readAllLines(gcLog)) {
            Matcher m = PAUSE.matcher(line);
            if (!m.find()) continue;
            pauses++;
            used = Math.max(used, Long.parseLong(m.group(1)));
            committed = Math.max(committed, Long.parseLong(m.group(3)));
            ms += Double.parseDouble(m.group(4));
        }
        return String.format(Locale.ROOT, "l2r GC: %,d pauses, %.2f s paused; heap in use up to %,d MB (committed %,d MB)",
                pauses, ms / 1000, used, committed);
    }

    static String digest(Path file) throws Exception {
        byte[] h = java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
        return String.format("%02x%02x%02x%02x", h[0], h[1], h[2], h[3]);
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "?";
        }
    }

    static final long TIMEOUT_S = Long.parseLong(System.getenv().getOrDefault("BENCH_TIMEOUT", "1800"));
    static final int TIMED_OUT = -1;
    static final int REPEAT = Integer.parseInt(System.getenv().getOrDefault("BENCH_REPEAT", "1"));

    /** The fastest of BENCH_REPEAT runs (default 1): on a shared machine the minimum is the least disturbed. */
    static Result time(String tool, Path log, Map<String, String> env, String... cmd) throws Exception {
        Result best = null;
        for (int i = 0; i < REPEAT; i++) {
            Result r = once(tool, log, env, cmd);
            if (r.exit() != 0) return r;
            if (best == null || r.wall() < best.wall()) best = r;
        }
        return best;
    }

    static Result once(String tool, Path log, Map<String, String> env, String... cmd) throws Exception {
        Files.createDirectories(log.getParent());
        List<String> full = new ArrayList<>(List.of("/usr/bin/time", "-v"));
        full.addAll(List.of(cmd));
        ProcessBuilder pb = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        long t0 = System.nanoTime();
        Process p = pb.start();
        int rc;
        if (p.waitFor(TIMEOUT_S, java.util.concurrent.TimeUnit.SECONDS)) {
            rc = p.exitValue();
        } else { // stop the tool (time's children) with SIGTERM, so that time still reports its peak RSS
            p.descendants().forEach(ProcessHandle::destroy);
            if (!p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor();
            }
            rc = TIMED_OUT;
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        double rss = 0;
        double cpu = 0;
        for (String line : Files.readAllLines(log)) {
            line = line.trim();
            String value = line.substring(line.indexOf(':') + 1).trim();
            if (line.startsWith("Maximum resident set size (kbytes):")) rss = Long.parseLong(value) / 1024.0;
            if (line.startsWith("User time (seconds):") || line.startsWith("System time (seconds):")) cpu += Double.parseDouble(value);
        }
        System.out.printf(Locale.ROOT, "%-10s %7.2f s wall  %7.2f s CPU  %,7.0f MB  exit %d%n", tool, wall, cpu, rss, rc);
        return new Result(tool, wall, cpu, rss, rc);
    }
}
