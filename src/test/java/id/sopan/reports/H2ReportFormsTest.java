package id.sopan.reports;

import org.springframework.test.context.TestPropertySource;

/** Monitoring, evaluation and the six-monthly report's data on H2 (in memory). */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:reportforms;DB_CLOSE_DELAY=-1")
class H2ReportFormsTest extends ReportFormsContract {
}
