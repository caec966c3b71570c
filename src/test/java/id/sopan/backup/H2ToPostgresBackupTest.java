package id.sopan.backup;

import id.sopan.support.PostgresAvailable;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.TestPropertySource;

import java.security.SecureRandom;
import java.util.HexFormat;

/** H2 → PostgreSQL → H2: each fresh database a new PostgreSQL schema (skipped without PostgreSQL, except on CI). */
@ExtendWith(PostgresAvailable.class)
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:backup_to_pg;DB_CLOSE_DELAY=-1")
class H2ToPostgresBackupTest extends BackupContract {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    Fresh freshDatabase(String flywayTarget) {
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        // Letters, digits and underscore only: safe to splice into DDL.
        String schema = "sopan_t_" + HexFormat.of().formatHex(bytes);
        DriverManagerDataSource admin = new DriverManagerDataSource(PostgresAvailable.URL, PostgresAvailable.USER, "");
        execute(admin, "CREATE SCHEMA " + schema);
        DriverManagerDataSource ds = new DriverManagerDataSource(PostgresAvailable.URL + "?currentSchema=" + schema,
                PostgresAvailable.USER, "");
        migrate(Flyway.configure().dataSource(ds).schemas(schema).defaultSchema(schema), "postgresql", flywayTarget);
        return new Fresh(ds, () -> execute(admin, "DROP SCHEMA IF EXISTS " + schema + " CASCADE"));
    }
}
