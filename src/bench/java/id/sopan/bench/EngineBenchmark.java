package id.sopan.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The engine benchmark (issue 7, items 1 and 2): Sopan's engine against Flowable 7.2 on the same workload
 * ({@link CutiWorkload}), each run in a fresh JVM with the same settings and a fresh database, runs alternated
 * (Sopan, Flowable, Sopan, ...) and repeated, medians reported; then Sopan's tasks/s on PostgreSQL as a share of
 * the commit limit measured by {@code bench/pgbench.sh}. Prints figures and the goals met or not; asserts nothing.
 * Run it with {@code bench/run.sh [options]} (see bench/README.md).
 */
public final class EngineBenchmark {

    static final Map<String, String> DEFAULTS = new LinkedHashMap<>();

    static {
        DEFAULTS.put("seconds", "30");
        DEFAULTS.put("warmup-seconds", "30");
        DEFAULTS.put("cases", "0");
        DEFAULTS.put("warmup", "0");
        DEFAULTS.put("repeats", "3");
        DEFAULTS.put("threads", "1,4");
        DEFAULTS.put("databases", "h2,postgres");
        DEFAULTS.put("engines", "sopan,flowable");
        DEFAULTS.put("pool", "10");
        DEFAULTS.put("jvm", "-Xms1g -Xmx1g -XX:+UseG1GC");
        DEFAULTS.put("h2-options", ";QUERY_CACHE_SIZE=64;CACHE_SIZE=131072");
        DEFAULTS.put("pgbench", "auto");
        DEFAULTS.put("pgbench-seconds", "30");
        DEFAULTS.put("out", "target/bench");
    }

    /** Sopan at least this many times Flowable's tasks/s. */
    static final double RATIO_GOAL = 5.0;
    /** Sopan at least this share of the commit limit at 4 clients on PostgreSQL. */
    static final double LIMIT_SHARE_GOAL = 0.5;

    private EngineBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = Options.parse(args, DEFAULTS);
        List<String> engines = List.of(o.get("engines").split(","));
        List<String> databases = List.of(o.get("databases").split(","));
        List<Integer> threads = Arrays.stream(o.get("threads").split(",")).map(Integer::valueOf).toList();
        int repeats = Integer.parseInt(o.get("repeats"));
        Path outDir = Path.of(o.get("out"));
        Files.createDirectories(outDir);
        String stamp = OffsetDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path report = outDir.resolve("engine-" + stamp + ".txt");
        try (PrintStream file = new PrintStream(Files.newOutputStream(report), true, StandardCharsets.UTF_8)) {
            Tee out = new Tee(System.out, file);
            out.println("Engine benchmark, " + OffsetDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
            out.println(Machine.describe());
            if (databases.contains("postgres")) {
                out.println(Machine.postgres());
            }
            out.println("workload: Cuti Tahunan (UMM-06); per run " + budget(o.get("warmup"), o.get("warmup-seconds"))
                    + " of warm-up, then " + budget(o.get("cases"), o.get("seconds")) + " timed; every 10th case"
                    + " returned once at step 2; pool " + o.get("pool")
                    + " connections per engine; child JVM: " + o.get("jvm") + "; H2: in memory"
                    + (o.get("h2-options").isEmpty() ? ", default settings" : ", " + o.get("h2-options")));
            out.println();

            Map<Integer, Double> pgbench = new TreeMap<>();
            boolean wantPgbench = switch (o.get("pgbench")) {
                case "auto" -> databases.contains("postgres") && engines.contains("sopan");
                case "yes", "true" -> true;
                case "no", "false" -> false;
                default -> throw new IllegalArgumentException("--pgbench auto|yes|no");
            };
            if (wantPgbench) {
                pgbench = pgbench(Integer.parseInt(o.get("pgbench-seconds")), out);
            }

            Map<String, List<EngineRun.Result>> results = new LinkedHashMap<>();
            Map<String, List<Double>> loads = new LinkedHashMap<>();
            int total = databases.size() * threads.size() * repeats * engines.size();
            int n = 0;
            for (String db : databases) {
                for (int t : threads) {
                    for (int r = 0; r < repeats; r++) {
                        for (String engine : engines) {
                            n++;
                            double load = Machine.load1();
                            EngineRun.Result result = runChild(o, engine, db, t);
                            String key = key(engine, db, t);
                            results.computeIfAbsent(key, k -> new ArrayList<>()).add(result);
                            loads.computeIfAbsent(key, k -> new ArrayList<>()).add(load);
                            String server = result.serverCpuMillisPerTask() < 0 ? ""
                                    : String.format(Locale.ROOT, ", %.2f ms server CPU", result.serverCpuMillisPerTask());
                            out.printf("run %2d/%d  %-8s %-8s %d thread(s): %8.1f tasks/s  (%d cases, %d tasks in %.2f s; per"
                                            + " task %.1f statements, %.2f commits, %.2f ms JVM CPU%s)  load %.2f%n", n, total,
                                    engine, db, t, result.tasksPerSecond(), result.cases(), result.tasks(), result.seconds(),
                                    result.statementsPerTask(), result.commitsPerTask(), result.cpuMillisPerTask(), server,
                                    load);
                        }
                    }
                }
            }
            out.println();
            summary(out, results, loads, databases, threads, engines, repeats, pgbench);
            out.println();
            out.println("load average now: " + Machine.loadAverage());
            out.println("written to " + report);
        }
        System.exit(0);
    }

    static String budget(String cases, String seconds) {
        return Integer.parseInt(cases) > 0 ? cases + " cases" : "cases for " + seconds + " s";
    }

    static String key(String engine, String db, int threads) {
        return engine + "/" + db + "/" + threads;
    }

    static void summary(Tee out, Map<String, List<EngineRun.Result>> results, Map<String, List<Double>> loads,
                        List<String> databases, List<Integer> threads, List<String> engines, int repeats,
                        Map<Integer, Double> pgbench) {
        out.printf("Medians of %d run(s) (min-max); tasks/s = user tasks finished per second of wall time%n", repeats);
        out.printf("%-9s %7s  %-26s %-26s %7s  %-10s %s%n", "database", "threads", "sopan tasks/s", "flowable tasks/s",
                "ratio", "goal >=5x", "stmts/task sopan, flowable; load");
        for (String db : databases) {
            for (int t : threads) {
                Optional<List<EngineRun.Result>> s = Optional.ofNullable(results.get(key("sopan", db, t)));
                Optional<List<EngineRun.Result>> f = Optional.ofNullable(results.get(key("flowable", db, t)));
                Double sm = s.map(EngineBenchmark::medianRate).orElse(null);
                Double fm = f.map(EngineBenchmark::medianRate).orElse(null);
                String ratio = sm != null && fm != null ? String.format(Locale.ROOT, "%.2f", sm / fm) : "-";
                String goal = sm != null && fm != null ? (sm / fm >= RATIO_GOAL ? "met" : "NOT met") : "-";
                List<Double> l = new ArrayList<>();
                engines.forEach(e -> l.addAll(loads.getOrDefault(key(e, db, t), List.of())));
                out.printf("%-9s %7d  %-26s %-26s %7s  %-10s %s, %s; %.2f%n", db, t, s.map(EngineBenchmark::rates).orElse("-"),
                        f.map(EngineBenchmark::rates).orElse("-"), ratio, goal,
                        s.map(r -> fmt(median(r.stream().map(EngineRun.Result::statementsPerTask).toList()))).orElse("-"),
                        f.map(r -> fmt(median(r.stream().map(EngineRun.Result::statementsPerTask).toList()))).orElse("-"),
                        l.isEmpty() ? Double.NaN : median(l));
            }
        }
        if (!pgbench.isEmpty()) {
            out.println();
            out.println("The commit limit: pgbench, one single-row UPDATE per transaction; a task as a user does it needs"
                    + " two commits (claim, complete), so the limit is tps / 2");
            out.printf("%-8s %12s %14s %16s %8s  %s%n", "clients", "pgbench tps", "limit tasks/s", "sopan tasks/s", "share",
                    "goal >=50% at 4");
            for (Map.Entry<Integer, Double> e : pgbench.entrySet()) {
                double limit = e.getValue() / 2;
                List<EngineRun.Result> s = results.get(key("sopan", "postgres", e.getKey()));
                Double sm = s == null ? null : medianRate(s);
                String goal = e.getKey() != 4 || sm == null ? "-" : sm / limit >= LIMIT_SHARE_GOAL ? "met" : "NOT met";
                out.printf("%-8d %12.1f %14.1f %16s %8s  %s%n", e.getKey(), e.getValue(), limit,
                        sm == null ? "-" : fmt(sm), sm == null ? "-" : String.format(Locale.ROOT, "%.0f%%", 100 * sm / limit),
                        goal);
            }
        }
    }

    static double medianRate(List<EngineRun.Result> results) {
        return median(results.stream().map(EngineRun.Result::tasksPerSecond).toList());
    }

    static String rates(List<EngineRun.Result> results) {
        List<Double> r = results.stream().map(EngineRun.Result::tasksPerSecond).sorted().toList();
        return String.format(Locale.ROOT, "%.1f (%.1f-%.1f)", median(r), r.get(0), r.get(r.size() - 1));
    }

    static double median(List<Double> values) {
        List<Double> v = values.stream().sorted(Comparator.naturalOrder()).toList();
        int m = v.size() / 2;
        return v.size() % 2 == 1 ? v.get(m) : (v.get(m - 1) + v.get(m)) / 2;
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /** One run in a JVM of its own, with the same settings for every engine. */
    static EngineRun.Result runChild(Map<String, String> o, String engine, String db, int threads)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(o.get("jvm").trim().split("\\s+")));
        command.add("-Dsopan.bench.h2.options=" + o.get("h2-options"));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), EngineRun.class.getName(),
                "--engine", engine, "--db", db, "--threads", String.valueOf(threads), "--cases", o.get("cases"),
                "--seconds", o.get("seconds"), "--warmup", o.get("warmup"), "--warmup-seconds", o.get("warmup-seconds"),
                "--pool", o.get("pool")));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        // Stopping the benchmark stops its run too (which then drops its database).
        Thread stop = new Thread(process::destroy);
        Runtime.getRuntime().addShutdownHook(stop);
        String resultLine = null;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith("RESULT ")) {
                    resultLine = line;
                }
            }
        }
        int exit = process.waitFor();
        Runtime.getRuntime().removeShutdownHook(stop);
        if (exit != 0 || resultLine == null) {
            throw new IllegalStateException(engine + " on " + db + " with " + threads + " thread(s) failed (exit " + exit + ")");
        }
        return EngineRun.Result.parse(resultLine);
    }

    /** Runs bench/pgbench.sh and reads its tps per client count. */
    static Map<Integer, Double> pgbench(int seconds, Tee out) throws IOException, InterruptedException {
        Path script = Path.of(System.getProperty("sopan.bench.dir", "bench"), "pgbench.sh");
        out.println("pgbench (" + script + ", " + seconds + " s per client count) ...");
        Process process = new ProcessBuilder("bash", script.toString(), String.valueOf(seconds))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        Map<Integer, Double> tps = new TreeMap<>();
        Pattern line = Pattern.compile("^pgbench clients=(\\d+) tps=([0-9.]+).*");
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String l = in.readLine(); l != null; l = in.readLine()) {
                out.println("  " + l);
                Matcher m = line.matcher(l);
                if (m.matches()) {
                    tps.put(Integer.valueOf(m.group(1)), Double.valueOf(m.group(2)));
                }
            }
        }
        if (process.waitFor() != 0) {
            throw new IllegalStateException("bench/pgbench.sh failed");
        }
        return tps;
    }

    /** The machine the figures come from. */
    static final class Machine {
        static String describe() {
            String cpu = "unknown CPU";
            try {
                cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                        .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse(cpu);
            } catch (IOException | RuntimeException ignored) {
                // not Linux: the core count still says the most
            }
            return String.format(Locale.ROOT, "machine: %d cores (%s), %s %s, Java %s; load average %s",
                    Runtime.getRuntime().availableProcessors(), cpu, System.getProperty("os.name"),
                    System.getProperty("os.version"), System.getProperty("java.version"), loadAverage());
        }

        /** The PostgreSQL settings that bound a commit. */
        static String postgres() {
            String url = "jdbc:postgresql://" + BenchDatabase.PG_HOST + "/" + BenchDatabase.PG_ADMIN_DB;
            try (java.sql.Connection c = java.sql.DriverManager.getConnection(url, BenchDatabase.PG_USER, "");
                 java.sql.Statement s = c.createStatement()) {
                StringBuilder b = new StringBuilder("postgresql: ");
                try (java.sql.ResultSet rs = s.executeQuery("SELECT version()")) {
                    rs.next();
                    b.append(rs.getString(1).split(" \\(")[0].split(" on ")[0]);
                }
                for (String setting : List.of("fsync", "synchronous_commit", "wal_sync_method", "commit_delay",
                        "shared_buffers", "autovacuum", "max_connections")) {
                    try (java.sql.ResultSet rs = s.executeQuery("SHOW " + setting)) {
                        rs.next();
                        b.append(", ").append(setting).append('=').append(rs.getString(1));
                    }
                }
                return b.toString();
            } catch (java.sql.SQLException e) {
                return "postgresql: not reachable at " + url + " (" + e.getMessage() + ")";
            }
        }

        static String loadAverage() {
            try {
                String[] v = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
                return v[0] + " " + v[1] + " " + v[2];
            } catch (IOException e) {
                return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            }
        }

        static double load1() {
            return Double.parseDouble(loadAverage().split(" ")[0]);
        }
    }

    /** Prints to the console and to the report file. */
    static final class Tee {
        private final PrintStream a;
        private final PrintStream b;

        Tee(PrintStream a, PrintStream b) {
            this.a = a;
            this.b = b;
        }

        void println(String s) {
            a.println(s);
            b.println(s);
        }

        void println() {
            println("");
        }

        void printf(String format, Object... args) {
            String s = String.format(Locale.ROOT, format, args);
            a.print(s);
            b.print(s);
        }
    }
}
