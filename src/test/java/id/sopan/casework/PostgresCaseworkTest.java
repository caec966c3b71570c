package id.sopan.casework;

import id.sopan.engine.Action;
import id.sopan.support.PostgresSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Casework on PostgreSQL, in a fresh schema (skipped without PostgreSQL, except on CI). */
class PostgresCaseworkTest extends CaseworkContract {

    @RegisterExtension
    static final PostgresSchema PG = new PostgresSchema();

    @DynamicPropertySource
    static void datasource(DynamicPropertyRegistry registry) {
        PG.register(registry);
    }

    @Autowired
    DataSource dataSource;

    /**
     * The first case of a year races another start that creates the year's counter first: on PostgreSQL the
     * failed insert must not spoil the transaction, the start numbers after the other one.
     */
    @Test
    void theFirstStartOfAYearThatLosesTheRaceForTheCounterIsNumberedAfterTheWinner() throws Exception {
        clock.set(LocalDateTime.parse("2031-03-03T08:00").atZone(WIB).toInstant());
        jdbc.sql("DELETE FROM case_counter WHERE year_no = 2031").update();
        long officeId = jdbc.sql("SELECT id FROM office WHERE code = :c").param("c", OFFICE).query(Long.class).single();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Connection winner = dataSource.getConnection(); Connection observer = dataSource.getConnection()) {
            winner.setAutoCommit(false);
            try (PreparedStatement insert = winner.prepareStatement(
                    "INSERT INTO case_counter (office_id, year_no, last_no) VALUES (?, 2031, 7)")) {
                insert.setLong(1, officeId);
                insert.executeUpdate();
            }
            Future<CaseService.Started> loser = pool.submit(() -> cases.start(new CaseService.StartCase(OFFICE, "UMM-06",
                    new Pemohon(Pemohon.Kind.EMPLOYEE, "Pegawai Demo", "pegawai", null, null), "pegawai", true, Set.of())));
            // The loser's insert waits for the winner's uncommitted row; then the winner commits.
            long giveUp = System.nanoTime() + 120_000_000_000L; // a hang guard, not a measurement
            while (!waitingForLock(observer)) {
                assertThat(loser.isDone()).as("the start waits for the other counter row").isFalse();
                assertThat(System.nanoTime()).as("the start never waited for the counter row").isLessThan(giveUp);
                Thread.sleep(20);
            }
            winner.commit();
            assertThat(loser.get().registrationNo()).isEqualTo("DKUKM/2031/000008");
        } finally {
            pool.shutdownNow();
        }
    }

    /** Asked outside any transaction: within one, PostgreSQL answers pg_stat_activity from a snapshot. */
    private boolean waitingForLock(Connection observer) throws SQLException {
        try (Statement s = observer.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT count(*) FROM pg_stat_activity
                 WHERE wait_event_type = 'Lock' AND query LIKE 'INSERT INTO case_counter%'""")) {
            rs.next();
            return rs.getInt(1) > 0;
        }
    }

    /** An action locks its case's row only: the office's row stays free for the rest of the office's work. */
    @Test
    void anActionLocksItsCaseRowAndNotItsOfficeRow() {
        long id = cutiTahunan().caseId();
        long taskId = current(id).id();
        new TransactionTemplate(transactions).executeWithoutResult(s -> {
            assertThat(repository.lockAndRead(taskId, false)).hasValueSatisfying(r -> assertThat(r.locked().row().id()).isEqualTo(id));
            try (Connection other = dataSource.getConnection()) {
                other.setAutoCommit(false);
                try (Statement st = other.createStatement()) {
                    st.execute("SELECT id FROM office WHERE code = '" + OFFICE + "' FOR UPDATE NOWAIT");
                    assertThatThrownBy(() -> st.execute("SELECT id FROM case_file WHERE id = " + id + " FOR UPDATE NOWAIT"))
                            .isInstanceOf(SQLException.class).hasMessageContaining("lock");
                } finally {
                    other.rollback();
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /**
     * Issue 8 (two nodes): the SLA watch takes its locks in the order actions do, the case's row first. It used to
     * mark the task first and then lock the case: with an action holding the case and about to update that task,
     * PostgreSQL found a deadlock and aborted one of them (the action's user got a 500). Here the test's connection
     * is the action: it holds the case's lock while the watch starts, then updates the task; the watch waits, and
     * then leaves the finished task alone.
     */
    @Test
    void theSlaWatchWaitsForAnActionOnTheCaseInsteadOfDeadlockingWithIt() throws Exception {
        long id = cutiTahunan().caseId();
        CaseDetail.Task check = current(id);
        clock.set(check.deadline().plusSeconds(60));
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Connection action = dataSource.getConnection(); Connection observer = dataSource.getConnection()) {
            action.setAutoCommit(false);
            try (Statement st = action.createStatement()) {
                st.execute("SET LOCAL lock_timeout = '20s'");
                st.execute("SELECT id FROM case_file WHERE id = " + id + " FOR UPDATE");
                Future<Integer> watch = pool.submit(sla::markOverdue);
                long giveUp = System.nanoTime() + 120_000_000_000L; // a hang guard, not a measurement
                while (!waitingFor(observer, "SELECT c.id, c.office_id%")) {
                    assertThat(watch.isDone()).as("the watch waits for the case's lock").isFalse();
                    assertThat(System.nanoTime()).as("the watch never waited for the case").isLessThan(giveUp);
                    Thread.sleep(20);
                }
                // The action finishes the task while the watch waits: no lock of the watch stands in its way.
                assertThat(st.executeUpdate("UPDATE case_task SET status = 'DONE', ended_at = CURRENT_TIMESTAMP, version = version + 1"
                        + " WHERE id = "
                        + check.id())).isEqualTo(1);
                action.commit();
                watch.get(); // other tests' overdue tasks may be marked; this one, finished meanwhile, may not
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM notification WHERE task_id = :t").param("t", check.id())
                .query(Long.class).single()).isZero();
        assertThat(cases.detail(id).history()).noneMatch(e -> e.type().equals("TASK_OVERDUE"));
    }

    /**
     * Two requests with one idempotency key for the same task at the same moment: the second waits for the first
     * (the key is looked up under the case's lock) and answers its result; the action happens once.
     */
    @Test
    void aRetrySentWhileTheFirstRequestRunsAnswersItsResult() throws Exception {
        long id = cutiTahunan().caseId();
        CaseDetail.Task check = current(id);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Connection holder = dataSource.getConnection(); Connection observer = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (Statement st = holder.createStatement()) {
                st.execute("SELECT id FROM case_file WHERE id = " + id + " FOR UPDATE");
                Future<CaseService.ActionResult> first = pool.submit(() ->
                        cases.act(check.id(), Action.CLAIM, "staf.kepegawaian", null, "retry-1"));
                ExecutorService second = Executors.newSingleThreadExecutor();
                try {
                    long giveUp = System.nanoTime() + 120_000_000_000L;
                    while (!waitingFor(observer, ACTION_LOCK)) {
                        assertThat(System.nanoTime()).isLessThan(giveUp);
                        Thread.sleep(20);
                    }
                    Future<CaseService.ActionResult> retry = second.submit(() ->
                            cases.act(check.id(), Action.CLAIM, "staf.kepegawaian", null, "retry-1"));
                    while (countWaiting(observer, ACTION_LOCK) < 2) {
                        assertThat(System.nanoTime()).isLessThan(giveUp);
                        Thread.sleep(20);
                    }
                    holder.commit();
                    assertThat(retry.get()).isEqualTo(first.get());
                } finally {
                    second.shutdownNow();
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(cases.detail(id).history()).filteredOn(e -> e.type().equals("TASK_CLAIMED")).hasSize(1);
    }

    /** The statement by which an action locks its case (CaseRepository.lockAndRead). */
    private static final String ACTION_LOCK = "SELECT c.id, c.office_id, %FROM case_file c WHERE c.id = (SELECT x.case_id%FOR UPDATE OF c";

    private boolean waitingFor(Connection observer, String queryLike) throws SQLException {
        return countWaiting(observer, queryLike) > 0;
    }

    private int countWaiting(Connection observer, String queryLike) throws SQLException {
        try (PreparedStatement s = observer.prepareStatement("""
                SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE ?""")) {
            s.setString(1, queryLike);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
