package id.sopan.web;

import org.springframework.test.context.TestPropertySource;

/**
 * The access tests' own H2 database (they add a second office, delegations and sign-in failures that other web tests
 * must not meet) and a Lacak limit the matrix's many public look-ups stay under.
 */
@TestPropertySource(properties = {
        "spring.datasource.url=jdbc:h2:mem:access;DB_CLOSE_DELAY=-1",
        "sopan.attachments.dir=target/test-attachments-access",
        "sopan.lacak.limit=1000"})
abstract class AccessTestSupport extends WebTestSupport {
}
