package id.sopan.simulation;

import org.springframework.test.context.TestPropertySource;

@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:bulk;DB_CLOSE_DELAY=-1")
class H2BulkSimulationTest extends BulkSimulationContract {
}
