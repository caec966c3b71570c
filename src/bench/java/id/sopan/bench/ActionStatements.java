package id.sopan.bench;

import ch.qos.logback.classic.Level;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Counts the statements and commits of each call the workload makes, on one case of each engine (after a few
 * warm-up cases), and prints them: where the round trips of a task go. Run by {@code bench/run.sh --statements}.
 * <pre>
 * ActionStatements --db h2|postgres --engines sopan,flowable
 * </pre>
 */
public final class ActionStatements {

    private ActionStatements() {
    }

    public static void main(String[] args) throws Exception {
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        Map<String, String> o = Options.parse(args, Map.of("db", "h2", "engines", "sopan,flowable"));
        for (String engine : o.get("engines").split(",")) {
            Map<String, long[]> counts = count(engine, o.get("db"));
            System.out.printf(Locale.ROOT, "%s on %s: statements (commits) per call, one case returned once%n", engine, o.get("db"));
            counts.forEach((call, c) -> System.out.printf(Locale.ROOT, "  %-28s %5.1f (%.1f)  x%d%n", call,
                    (double) c[0] / c[2], (double) c[1] / c[2], c[2]));
        }
        System.exit(0);
    }

    /** Per call: total statements, total commits, times called. */
    static Map<String, long[]> count(String engineName, String dbKind) throws Exception {
        CutiWorkload workload = new CutiWorkload();
        try (BenchDatabase db = BenchDatabase.fresh(dbKind, engineName);
             BenchEngine<?, ?> engine = EngineRun.open(engineName, workload, db, 2)) {
            EngineRun.work(engine, workload, 0, 9, 1);
            return countOneCase(engine, workload, 9);
        }
    }

    private static <C, T> Map<String, long[]> countOneCase(BenchEngine<C, T> engine, CutiWorkload workload, int index) {
        Map<String, long[]> counts = new LinkedHashMap<>();
        CountingDataSource ds = engine.dataSource();
        C kase = measure(counts, "start", ds, () -> engine.start(index));
        boolean returnPending = CutiWorkload.returnsOnce(index);
        int i = 0;
        while (i < workload.steps.size()) {
            CutiWorkload.Step step = workload.steps.get(i);
            T task = measure(counts, "worklist", ds, () -> engine.find(kase, step));
            measure(counts, "claim", ds, () -> {
                engine.claim(task, step);
                return null;
            });
            boolean back = returnPending && step.number() == workload.returnStep;
            String what = switch (step.kind()) {
                case PEMOHON, PLAIN -> "complete";
                case DECISION -> back ? "complete: return" : "complete: approve";
                case HANDOFF -> "complete: hand-off + back";
            };
            measure(counts, what, ds, () -> {
                engine.finish(task, step, back);
                return null;
            });
            if (back) {
                returnPending = false;
                i = workload.steps.indexOf(workload.step(step.returnsTo()));
            } else {
                i++;
            }
        }
        return counts;
    }

    private static <R> R measure(Map<String, long[]> counts, String call, CountingDataSource ds, Supplier<R> action) {
        long s0 = ds.statements();
        long c0 = ds.commits();
        R result = action.get();
        long[] c = counts.computeIfAbsent(call, k -> new long[3]);
        c[0] += ds.statements() - s0;
        c[1] += ds.commits() - c0;
        c[2]++;
        return result;
    }
}
