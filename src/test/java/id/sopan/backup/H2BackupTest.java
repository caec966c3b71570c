package id.sopan.backup;

import org.springframework.test.context.TestPropertySource;

/** H2 → H2 → H2. */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:backup;DB_CLOSE_DELAY=-1")
class H2BackupTest extends BackupContract {

    @Override
    Fresh freshDatabase(String flywayTarget) {
        return freshH2(flywayTarget);
    }
}
