package id.sopan.support;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;

/**
 * A fresh schema {@code sopan_t_<random>} in the test database for one test class, created before it
 * and dropped after it, so parallel or repeated runs never meet in database {@code test}. Register it
 * as a static {@code @RegisterExtension} field and point the application at it with {@link #register}.
 * Checks {@link PostgresAvailable} first.
 */
public final class PostgresSchema implements BeforeAllCallback, AfterAllCallback {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String schema;
    private volatile boolean created;

    public PostgresSchema() {
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        // Letters, digits and underscore only: safe to splice into DDL.
        this.schema = "sopan_t_" + HexFormat.of().formatHex(bytes);
    }

    public String schema() {
        return schema;
    }

    public String jdbcUrl() {
        return PostgresAvailable.URL + "?currentSchema=" + schema;
    }

    /** The datasource and Flyway properties that put the application into this schema. */
    public void register(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", this::jdbcUrl);
        registry.add("spring.datasource.username", () -> PostgresAvailable.USER);
        registry.add("spring.datasource.password", () -> "");
        registry.add("spring.flyway.schemas", this::schema);
        registry.add("spring.flyway.default-schema", this::schema);
        // Each test class keeps its context (and pool) cached to the end of the run: small pools keep the whole
        // suite, and other runs on the same server, under PostgreSQL's max_connections.
        registry.add("spring.datasource.hikari.maximum-pool-size", () -> 5);
        registry.add("spring.datasource.hikari.minimum-idle", () -> 1);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws SQLException {
        PostgresAvailable.assumeReachable();
        execute("CREATE SCHEMA " + schema);
        created = true;
    }

    @Override
    public void afterAll(ExtensionContext context) throws SQLException {
        if (created) {
            execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            created = false;
        }
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = PostgresAvailable.connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
