package id.sopan.organization;

import id.sopan.support.PostgresSchema;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The organization contract on PostgreSQL, in a fresh schema dropped afterwards (skipped without PostgreSQL, except on CI). */
class PostgresOrganizationStorageTest extends OrganizationStorageContract {

    @RegisterExtension
    static final PostgresSchema PG = new PostgresSchema();

    @DynamicPropertySource
    static void datasource(DynamicPropertyRegistry registry) {
        PG.register(registry);
    }
}
