package id.sopan.security;

import id.sopan.support.PostgresAvailable;
import id.sopan.support.PostgresSchema;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

/** Two nodes on one PostgreSQL schema: the production setup. */
class PostgresLockoutAcrossNodesTest extends LockoutAcrossNodesContract {

    @RegisterExtension
    static final PostgresSchema SCHEMA = new PostgresSchema();

    @Override
    List<String> database() {
        return List.of("--spring.datasource.url=" + SCHEMA.jdbcUrl(),
                "--spring.datasource.username=" + PostgresAvailable.USER, "--spring.datasource.password=",
                "--spring.flyway.schemas=" + SCHEMA.schema(), "--spring.flyway.default-schema=" + SCHEMA.schema(),
                "--spring.datasource.hikari.maximum-pool-size=3", "--spring.datasource.hikari.minimum-idle=0");
    }
}
