package id.sopan.casework;

import org.springframework.test.context.TestPropertySource;

/** Casework on H2 (in memory). */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:casework;DB_CLOSE_DELAY=-1")
class H2CaseworkTest extends CaseworkContract {
}
