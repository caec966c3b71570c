package id.sopan.bench;

/**
 * One engine under the workload: start a case, find a step's task in its user's worklist, claim it, finish it.
 *
 * @param <C> how the engine names a case
 * @param <T> how the engine names a task
 */
interface BenchEngine<C, T> extends AutoCloseable {

    String name();

    C start(int caseIndex);

    /** The user's worklist (own and jabatan tasks), and in it the task of this case at this step. */
    T find(C kase, CutiWorkload.Step step);

    void claim(T task, CutiWorkload.Step step);

    /** Completes the claimed task as its step requires; {@code returnIt}: a decision found "belum sesuai". */
    void finish(T task, CutiWorkload.Step step, boolean returnIt);

    /** What the engine stored, counted after the runs: every case ended, every task finished. */
    Totals totals();

    CountingDataSource dataSource();

    @Override
    void close();

    /** Finished cases and finished user tasks as the engine's own tables say. */
    record Totals(long finishedCases, long finishedTasks, long openCases) {
    }
}
