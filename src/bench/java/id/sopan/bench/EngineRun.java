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
                  long commits, double cpuSeconds, double serverCpuSeconds) {

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

        /** The PostgreSQL server's CPU time per task in milliseconds; negative when not measured (H2, a remote server). */
        double serverCpuMillisPerTask() {
            return serverCpuSeconds < 0 ? -1 : serverCpuSeconds * 1000 / tasks;
        }

        String line() {
            return String.format(Locale.ROOT, "RESULT engine=%s db=%s threads=%d cases=%d tasks=%d seconds=%.4f"
                    + " statements=%d commits=%d cpu=%.4f servercpu=%.4f", engine, db, threads, cases, tasks, seconds,
                    statements, commits, cpuSeconds, serverCpuSeconds);
        }

        static Result parse(String line) {
            Map<String, String> v = new TreeMap<>();
            for (String word : line.substring("RESULT ".length()).trim().split(" ")) {
                String[] kv = word.split("=", 2);
                v.put(kv[0], kv[1]);
            }
            return new Result(v.get("engine"), v.get("db"), Integer.parseInt(v.get("threads")),
                    Integer.parseInt(v.get("cases")), Long.parseLong(v.get("tasks")), Double.parseDouble(v.get("seconds")),
                    Long.parseLong(v.get("statements")), Long.parseLong(v.get("commits")), Double.parseDouble(v.get("cpu")),
                    Double.parseDouble(v.get("servercpu")));
        }
    }

    private EngineRun() {
    }

    /**
     * How much to run: a number of cases, or (cases 0) as many cases as start within so many seconds; a case
     * under way when the time is up is finished and counted.
     */
    record Budget(int cases, double seconds) {
        static Budget of(String cases, String seconds) {
            return new Budget(Integer.parseInt(cases), Double.parseDouble(seconds));
        }

        long deadline(long now) {
            return cases > 0 ? Long.MAX_VALUE : now + (long) (seconds * 1e9);
        }

        int limit() {
            return cases > 0 ? cases : Integer.MAX_VALUE;
        }
    }

    public static void main(String[] args) throws Exception {
        // Both engines log at WARN: Flowable alone would otherwise log every statement at DEBUG.
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        Map<String, String> o = Options.parse(args, Map.of("engine", "sopan", "db", "h2", "threads", "1",
                "cases", "0", "seconds", "30", "warmup", "0", "warmup-seconds", "30", "pool", "10"));
        Result result = run(o.get("engine"), o.get("db"), Integer.parseInt(o.get("threads")),
                Budget.of(o.get("cases"), o.get("seconds")), Budget.of(o.get("warmup"), o.get("warmup-seconds")),
                Integer.parseInt(o.get("pool")));
        System.out.println(result.line());
        System.out.flush();
        System.exit(0); // an engine's leftover threads must not keep the JVM alive
    }

    static Result run(String engineName, String dbKind, int threads, Budget timed, Budget warmup, int pool)
            throws Exception {
        CutiWorkload workload = new CutiWorkload();
        try (BenchDatabase db = BenchDatabase.fresh(dbKind, engineName);
             BenchEngine<?, ?> engine = open(engineName, workload, db, pool)) {
            Worked warm = work(engine, workload, 0, warmup, threads);
            db.vacuumAnalyze();
            engine.dataSource().reset();
            long server0 = db.kind().equals("postgres") ? LocalServerCpu.ticks() : -1;
            long cpu0 = processCpuNanos();
            long t0 = System.nanoTime();
            Worked measured = work(engine, workload, warm.cases(), timed, threads);
            double seconds = (System.nanoTime() - t0) / 1e9;
            double cpuSeconds = (processCpuNanos() - cpu0) / 1e9;
            long server1 = server0 < 0 ? -1 : LocalServerCpu.ticks();
            double serverSeconds = server0 < 0 || server1 < 0 ? -1 : (server1 - server0) / (double) LocalServerCpu.TICKS_PER_SECOND;
            long statements = engine.dataSource().statements();
            long commits = engine.dataSource().commits();
            check(engine, workload, warm.cases() + measured.cases());
            return new Result(engineName, db.kind(), threads, measured.cases(), measured.tasks(), seconds, statements,
                    commits, cpuSeconds, serverSeconds);
        }
    }

    /** What a phase did: cases (numbered on from where it began) and their user tasks. */
    record Worked(int cases, long tasks) {
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

    /** Works cases {@code from}, {@code from + 1}, ... within the budget on N threads. */
    static Worked work(BenchEngine<?, ?> engine, CutiWorkload workload, int from, Budget budget, int threads)
            throws Exception {
        long deadline = budget.deadline(System.nanoTime());
        long to = (long) from + budget.limit();
        AtomicInteger next = new AtomicInteger(from);
        AtomicInteger done = new AtomicInteger();
        LongAdder tasks = new LongAdder();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    // Every index taken is run, so the cases run are from, from + 1, ... without a gap.
                    while (System.nanoTime() < deadline) {
                        int i = next.getAndIncrement();
                        if (i >= to) {
                            break;
                        }
                        tasks.add(workload.run(engine, i));
                        done.incrementAndGet();
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
        return new Worked(done.get(), tasks.sum());
    }

    /** Works cases {@code from} (inclusive) to {@code to} on N threads. */
    static Worked work(BenchEngine<?, ?> engine, CutiWorkload workload, int from, int to, int threads) throws Exception {
        return work(engine, workload, from, new Budget(to - from, 0), threads);
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
