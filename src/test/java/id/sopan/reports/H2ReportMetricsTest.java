package id.sopan.reports;

import org.springframework.test.context.TestPropertySource;

/** Report figures on H2 (in memory). */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:reports;DB_CLOSE_DELAY=-1")
class H2ReportMetricsTest extends ReportMetricsContract {
}
