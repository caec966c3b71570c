package id.sopan.web;

import org.springframework.test.context.TestPropertySource;

/** The dashboard on H2 (in memory). */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:dashboard;DB_CLOSE_DELAY=-1")
class H2DashboardTest extends DashboardContract {
}
