package id.sopan.bench;

import ch.qos.logback.classic.Level;
import org.slf4j.LoggerFactory;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * One measured run of one engine in a JVM of its own: a fresh database, warm-up cases, then the timed cases on
 * N threads (each thread works one case at a time from start to end), then a check of what the engine stored.
 * Prints one {@code RESULT} line; {@link EngineBenchmark} starts these runs, alternating the engines.
 * <pre>
 * EngineRun --engine sopan|flowable --db h2|postgres --threads N --cases N --warmup N --pool N
 * </pre>
 */
public final class EngineRun {

    /** A run's figures; {@code statements} and {@code commits} count the timed cases only. */
    record Result(String engine, String db, int threads, int cases, long tasks, double seconds, long statements,
                  long commits, double cpuSeconds) {

        double tasksPerSecond() {
            return tasks / seconds;
        }

        double statementsPerTask() {
            return (double) statements / tasks;
        }

        double commitsPerTask() {
            return (double) commits / tasks;
        }

        /** This JVM's CPU time (all threads; with H2 the database's work too) per task, in milliseconds. */
        double cpuMillisPerTask() {
            return cpuSeconds * 1000 / tasks;
        }

        String line() {
            return String.format(Locale.ROOT, "RESULT engine=%s db=%s threads=%d cases=%d tasks=%d seconds=%.4f"
                    + " statements=%d commits=%d cpu=%.4f", engine, db, threads, cases, tasks, seconds, statements,
                    commits, cpuSeconds);
        }

        static Result parse(String line) {
            Map<String, String> v = new TreeMap<>();
            for (String word : line.substring("RESULT ".length()).trim().split(" ")) {
                String[] kv = word.split("=", 2);
                v.put(kv[0], kv[1]);
            }
            return new Result(v.get("engine"), v.get("db"), Integer.parseInt(v.get("threads")),
                    Integer.parseInt(v.get("cases")), Long.parseLong(v.get("tasks")), Double.parseDouble(v.get("seconds")),
                    Long.parseLong(v.get("statements")), Long.parseLong(v.get("commits")), Double.parseDouble(v.get("cpu")));
        }
    }

    private EngineRun() {
    }

    public static void main(String[] args) throws Exception {
        // Both engines log at WARN: Flowable alone would otherwise log every statement at DEBUG.
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        Map<String, String> o = Options.parse(args, Map.of("engine", "sopan", "db", "h2", "threads", "1", "cases", "200",
                "warmup", "30", "pool", "10"));
        Result result = run(o.get("engine"), o.get("db"), Integer.parseInt(o.get("threads")),
                Integer.parseInt(o.get("cases")), Integer.parseInt(o.get("warmup")), Integer.parseInt(o.get("pool")));
        System.out.println(result.line());
        System.out.flush();
        System.exit(0); // an engine's leftover threads must not keep the JVM alive
    }

    static Result run(String engineName, String dbKind, int threads, int cases, int warmup, int pool) throws Exception {
        CutiWorkload workload = new CutiWorkload();
        try (BenchDatabase db = BenchDatabase.fresh(dbKind, engineName);
             BenchEngine<?, ?> engine = open(engineName, workload, db, pool)) {
            work(engine, workload, 0, warmup, threads);
            engine.dataSource().reset();
            long cpu0 = processCpuNanos();
            long t0 = System.nanoTime();
            long tasks = work(engine, workload, warmup, warmup + cases, threads);
            double seconds = (System.nanoTime() - t0) / 1e9;
            double cpuSeconds = (processCpuNanos() - cpu0) / 1e9;
            long statements = engine.dataSource().statements();
            long commits = engine.dataSource().commits();
            check(engine, workload, warmup + cases);
            return new Result(engineName, db.kind(), threads, cases, tasks, seconds, statements, commits, cpuSeconds);
        }
    }

    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    static BenchEngine<?, ?> open(String engine, CutiWorkload workload, BenchDatabase db, int pool) {
        return switch (engine) {
            case "sopan" -> new SopanEngine(workload, db, pool);
            case "flowable" -> new FlowableEngine(workload, db, pool);
            default -> throw new IllegalArgumentException("engine " + engine + ": sopan or flowable");
        };
    }

    /** Works the cases {@code from} (inclusive) to {@code to} on N threads; answers the user tasks done. */
    static long work(BenchEngine<?, ?> engine, CutiWorkload workload, int from, int to, int threads) throws Exception {
        AtomicInteger next = new AtomicInteger(from);
        LongAdder tasks = new LongAdder();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < to; i = next.getAndIncrement()) {
                        tasks.add(workload.run(engine, i));
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get(); // the first failure ends the run
            }
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(1, TimeUnit.MINUTES);
        }
        return tasks.sum();
    }

    /** Every case ended and every user task finished, as the engine's own tables say. */
    static void check(BenchEngine<?, ?> engine, CutiWorkload workload, int cases) {
        long expectedTasks = 0;
        for (int i = 0; i < cases; i++) {
            expectedTasks += workload.tasksOf(i);
        }
        BenchEngine.Totals totals = engine.totals();
        if (totals.finishedCases() != cases || totals.openCases() != 0 || totals.finishedTasks() != expectedTasks) {
            throw new IllegalStateException(engine.name() + " stored " + totals + "; expected " + cases
                    + " finished cases and " + expectedTasks + " finished tasks");
        }
    }
}
