package id.sopan.casework;

import id.sopan.engine.Action;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Casework on H2 (in memory). */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:casework;DB_CLOSE_DELAY=-1")
class H2CaseworkTest extends CaseworkContract {

    @Autowired
    DataSource dataSource;

    /**
     * Issue 8: an action that cannot get its case's lock in time (H2 gives up after its lock timeout, one second;
     * PostgreSQL aborts a deadlock's victim) changed nothing and is answered as a lost race, a conflict, not an
     * unexpected error (a 500 on the API).
     */
    @Test
    void anActionThatCannotGetTheCaseLockIsAConflict() throws Exception {
        long id = cutiTahunan().caseId();
        CaseDetail.Task check = current(id);
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (Statement st = other.createStatement()) {
                st.execute("SELECT id FROM case_file WHERE id = " + id + " FOR UPDATE");
                assertThatThrownBy(() -> cases.act(check.id(), Action.CLAIM, "staf.kepegawaian", null, null))
                        .isInstanceOf(CaseConflictException.class);
            } finally {
                other.rollback();
            }
        }
        assertThat(cases.detail(id).history()).noneMatch(e -> e.type().equals("TASK_CLAIMED"));
        assertThat(cases.act(check.id(), Action.CLAIM, "staf.kepegawaian", null, null).caseId()).isEqualTo(id);
    }
}
