package id.sopan.backup;

import id.sopan.support.PostgresSchema;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** PostgreSQL → H2 → PostgreSQL (skipped without PostgreSQL, except on CI). */
class PostgresBackupTest extends BackupContract {

    @RegisterExtension
    static final PostgresSchema PG = new PostgresSchema();

    @DynamicPropertySource
    static void datasource(DynamicPropertyRegistry registry) {
        PG.register(registry);
    }

    @Override
    Fresh freshDatabase(String flywayTarget) {
        return freshH2(flywayTarget);
    }
}
