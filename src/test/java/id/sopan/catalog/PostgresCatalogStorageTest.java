package id.sopan.catalog;

import id.sopan.support.PostgresSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The storage contract on PostgreSQL, in a fresh schema dropped afterwards (skipped without PostgreSQL, except on CI). */
class PostgresCatalogStorageTest extends CatalogStorageContract {

    @RegisterExtension
    static final PostgresSchema PG = new PostgresSchema();

    @DynamicPropertySource
    static void datasource(DynamicPropertyRegistry registry) {
        PG.register(registry);
    }

    @Test
    void tablesLiveInTheFreshSchema() {
        assertThat(jdbc.sql("SELECT current_schema()").query(String.class).single()).isEqualTo(PG.schema());
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM information_schema.tables
                 WHERE table_schema = :schema
                   AND table_name IN ('office', 'sop', 'sop_version', 'sop_version_event', 'flyway_schema_history')""")
                .param("schema", PG.schema()).query(Long.class).single()).isEqualTo(5);
    }
}
