package id.sopan.support;

import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PostgresAvailableTest {

    @Test
    void aReachableDatabaseLetsTheTestsRun() {
        assertThatCode(() -> PostgresAvailable.decide(null, false)).doesNotThrowAnyException();
        assertThatCode(() -> PostgresAvailable.decide(null, true)).doesNotThrowAnyException();
    }

    @Test
    void anUnreachableDatabaseSkipsWithAMessage() {
        assertThatThrownBy(() -> PostgresAvailable.decide("Connection refused", false))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("PostgreSQL not reachable at 127.0.0.1:5432 — skipping")
                .hasMessageContaining("Connection refused");
    }

    @Test
    void onCiAnUnreachableDatabaseFails() {
        assertThatThrownBy(() -> PostgresAvailable.decide("Connection refused", true))
                .isInstanceOf(IllegalStateException.class)
                .isNotInstanceOf(TestAbortedException.class)
                .hasMessageContaining("CI=true")
                .hasMessageContaining("Connection refused");
    }
}
