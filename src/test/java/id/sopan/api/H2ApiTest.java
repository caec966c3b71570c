package id.sopan.api;

import org.springframework.test.context.TestPropertySource;

/** The API on H2 (in memory): the contract, plus sign-in, errors, the catalog and the OpenAPI document. */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:api;DB_CLOSE_DELAY=-1")
class H2ApiTest extends ApiContract {
}
