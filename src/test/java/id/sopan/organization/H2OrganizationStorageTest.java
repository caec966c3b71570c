package id.sopan.organization;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.UUID;

/** The organization contract on an in-memory H2 database of its own. */
class H2OrganizationStorageTest extends OrganizationStorageContract {

    private static final String URL = "jdbc:h2:mem:sopan_" + UUID.randomUUID().toString().replace("-", "")
            + ";DB_CLOSE_DELAY=-1";

    @DynamicPropertySource
    static void datasource(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> URL);
    }
}
