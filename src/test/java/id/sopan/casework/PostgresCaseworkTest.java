package id.sopan.casework;

import id.sopan.support.PostgresSchema;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Casework on PostgreSQL, in a fresh schema (skipped without PostgreSQL, except on CI). */
class PostgresCaseworkTest extends CaseworkContract {

    @RegisterExtension
    static final PostgresSchema PG = new PostgresSchema();

    @DynamicPropertySource
    static void datasource(DynamicPropertyRegistry registry) {
        PG.register(registry);
    }
}
