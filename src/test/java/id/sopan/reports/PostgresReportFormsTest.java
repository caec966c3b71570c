package id.sopan.reports;

import id.sopan.support.PostgresSchema;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Monitoring, evaluation and the six-monthly report on PostgreSQL, in a fresh schema (skipped without PostgreSQL, except on CI). */
class PostgresReportFormsTest extends ReportFormsContract {

    @RegisterExtension
    static final PostgresSchema PG = new PostgresSchema();

    @DynamicPropertySource
    static void datasource(DynamicPropertyRegistry registry) {
        PG.register(registry);
    }
}
