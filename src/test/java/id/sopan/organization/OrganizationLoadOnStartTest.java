package id.sopan.organization;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The organization is stored while the application starts, after the catalog; demo accounts by the setting. */
class OrganizationLoadOnStartTest {

    static String h2() {
        return "jdbc:h2:mem:sopan_" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1";
    }

    /** application.properties: demo mode. */
    @Nested
    @SpringBootTest
    @ExtendWith(OutputCaptureExtension.class)
    class Defaults {

        private static final String URL = h2();

        @DynamicPropertySource
        static void datasource(DynamicPropertyRegistry registry) {
            registry.add("spring.datasource.url", () -> URL);
        }

        @Autowired
        OrganizationService service;

        @Test
        void theOrganizationAndTheDemoAccountsAreStoredAfterTheCatalog(CapturedOutput output) {
            assertThat(service.jabatan("DKUKM")).hasSize(31);
            assertThat(service.users("DKUKM")).hasSize(34).allMatch(AppUser::active);
            assertThat(service.checkPassword("kasubbag.umum", OrganizationService.DEMO_PASSWORD)).isTrue();
            String log = output.getAll();
            assertThat(log).containsOnlyOnce("Organization loaded (demo mode");
            assertThat(log.indexOf("Bundled SOP catalog loaded")).isNotNegative()
                    .isLessThan(log.indexOf("Organization loaded"));
        }
    }

    /** Production: sopan.demo=false. */
    @Nested
    @SpringBootTest(properties = "sopan.demo=false")
    class Production {

        private static final String URL = h2();

        @DynamicPropertySource
        static void datasource(DynamicPropertyRegistry registry) {
            registry.add("spring.datasource.url", () -> URL);
        }

        @Autowired
        OrganizationService service;

        @Test
        void noAccountIsCreated() {
            assertThat(service.jabatan("DKUKM")).hasSize(31);
            assertThat(service.users("DKUKM")).isEmpty();
            assertThat(service.checkPassword("kadis", OrganizationService.DEMO_PASSWORD)).isFalse();
        }
    }
}
