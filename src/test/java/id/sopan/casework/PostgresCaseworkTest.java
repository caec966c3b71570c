package id.sopan.casework;

import id.sopan.support.PostgresSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
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
    @Autowired
    CaseRepository repository;
    @Autowired
    PlatformTransactionManager transactions;

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
            assertThat(repository.lockCaseOfTask(taskId)).hasValueSatisfying(row -> assertThat(row.id()).isEqualTo(id));
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
}
