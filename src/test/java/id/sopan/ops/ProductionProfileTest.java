package id.sopan.ops;

import id.sopan.SopanApplication;
import id.sopan.casework.QueueFigures;
import id.sopan.organization.OrganizationService;
import id.sopan.support.PostgresSchema;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The production profile refuses to start on each setting left from the demo, naming it, and starts clean once
 * the operator has configured it (H2 with a password of its own, and PostgreSQL).
 */
class ProductionProfileTest {

    /** A configured operator: own administrators, an H2 database with a password. */
    static final String ADMINS = "--sopan.admins=admin.dinas";

    /** Starts Sopan (no web server, no SLA watch) in the production profile with these command-line settings. */
    static ConfigurableApplicationContext production(String... args) {
        return start(true, args);
    }

    static ConfigurableApplicationContext start(boolean production, String... args) {
        List<String> all = new ArrayList<>(List.of("--sopan.sla.enabled=false", "--spring.main.banner-mode=off"));
        all.addAll(List.of(args));
        SpringApplicationBuilder builder = new SpringApplicationBuilder(SopanApplication.class)
                .web(WebApplicationType.NONE);
        if (production) {
            builder.profiles("production");
        }
        return builder.run(all.toArray(String[]::new));
    }

    static ProductionRefusedException refusal(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof ProductionRefusedException refused) {
                return refused;
            }
        }
        throw new AssertionError("not refused by the production profile", thrown);
    }

    static String h2(String name) {
        return "--spring.datasource.url=jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
    }

    @Test
    void theDemoDefaultsAreRefusedNamingEachSetting() {
        // application.properties as it is: the embedded H2 under ./data as sa without a password, no administrators.
        assertThatThrownBy(() -> production().close())
                .satisfies(e -> {
                    ProductionRefusedException refused = refusal(e);
                    assertThat(refused.problems()).hasSize(2);
                    assertThat(refused.problems().get(0)).startsWith("sopan.admins kosong").contains("SOPAN_ADMINS");
                    assertThat(refused.problems().get(1)).startsWith("spring.datasource.url")
                            .contains("jdbc:h2:file:./data/sopan", "SPRING_DATASOURCE_PASSWORD");
                    assertThat(refused.getMessage()).startsWith("Profil production menolak berjalan:");
                });
    }

    @Test
    void demoModeIsRefused() {
        assertThatThrownBy(() -> production("--sopan.demo=true", ADMINS, h2("prod-demo"),
                "--spring.datasource.password=rahasia").close())
                .satisfies(e -> assertThat(refusal(e).problems()).singleElement().asString()
                        .startsWith("sopan.demo=true").contains("SOPAN_DEMO=false"));
    }

    @Test
    void theDemoAdministratorIsRefused() {
        assertThatThrownBy(() -> production("--sopan.admins=admin.dinas,kasubbag.umum", h2("prod-admin"),
                "--spring.datasource.password=rahasia").close())
                .satisfies(e -> assertThat(refusal(e).problems()).singleElement().asString()
                        .startsWith("sopan.admins").contains("kasubbag.umum"));
    }

    @Test
    void anEmbeddedDatabaseWithoutAPasswordIsRefused() {
        assertThatThrownBy(() -> production(ADMINS, h2("prod-nopassword")).close())
                .satisfies(e -> assertThat(refusal(e).problems()).singleElement().asString()
                        .startsWith("spring.datasource.url").contains("jdbc:h2:mem:prod-nopassword"));
    }

    @Test
    void theFailureReportNamesTheSettingsAndWhatToDo() {
        ProductionRefusedException refused = new ProductionRefusedException("Profil production menolak berjalan:",
                List.of("sopan.demo=true: ..."));
        FailureAnalysis analysis = new ProductionFailureAnalyzer().analyze(new IllegalStateException(refused));
        assertThat(analysis.getDescription()).contains("sopan.demo=true");
        assertThat(analysis.getAction()).contains("README", "Operations");
    }

    /**
     * Accounts are checked once the organization is stored: an active demo account (the loader kept from disabling
     * it) and an active account with the password "demo" are refused; with neither Sopan starts.
     */
    @Test
    void activeDemoAccountsAndThePasswordDemoAreRefusedThenAConfiguredDatabaseStarts() {
        String db = h2("prod-accounts");
        String password = "--spring.datasource.password=rahasia";
        // A demo run leaves its accounts behind.
        try (ConfigurableApplicationContext demo = start(false, db, password, "--sopan.demo=true")) {
            assertThat(demo.getBean(OrganizationService.class).checkPassword("kasubbag.umum", "demo")).isTrue();
        }
        assertThatThrownBy(() -> production(ADMINS, db, password, "--sopan.organization.load-on-start=false").close())
                .satisfies(e -> assertThat(refusal(e).problems()).singleElement().asString()
                        .startsWith("akun demo masih aktif").contains("kasubbag.umum", "sopan.organization.load-on-start"));

        // The loader disables the demo accounts, but an account an operator made with the password "demo" stays.
        try (ConfigurableApplicationContext demo = start(false, db, password, "--sopan.demo=true",
                "--sopan.organization.load-on-start=false", "--sopan.catalog.load-on-start=false")) {
            JdbcClient jdbc = demo.getBean(JdbcClient.class);
            jdbc.sql("""
                    INSERT INTO app_user (office_id, username, full_name, active, password_hash, demo_account, created_at)
                    VALUES ((SELECT id FROM office WHERE code = 'DKUKM'), 'admin.dinas', 'Admin Dinas', TRUE, :hash,
                            FALSE, :at)""")
                    .param("hash", new BCryptPasswordEncoder().encode("demo")).param("at", OffsetDateTime.now()).update();
        }
        assertThatThrownBy(() -> production(ADMINS, db, password).close())
                .satisfies(e -> assertThat(refusal(e).problems()).singleElement().asString()
                        .contains("\"demo\"", "admin.dinas").doesNotContain("kasubbag.umum"));

        try (ConfigurableApplicationContext demo = start(false, db, password, "--sopan.demo=true",
                "--sopan.organization.load-on-start=false", "--sopan.catalog.load-on-start=false")) {
            demo.getBean(JdbcClient.class).sql("UPDATE app_user SET password_hash = :hash WHERE username = 'admin.dinas'")
                    .param("hash", new BCryptPasswordEncoder().encode("kata-sandi-yang-panjang")).update();
        }
        try (ConfigurableApplicationContext started = production(ADMINS, db, password)) {
            OrganizationService organization = started.getBean(OrganizationService.class);
            assertThat(organization.checkPassword("kasubbag.umum", "demo")).isFalse();
            assertThat(organization.user("kasubbag.umum").orElseThrow().active()).isFalse();
            assertThat(organization.checkPassword("admin.dinas", "kata-sandi-yang-panjang")).isTrue();
            assertThat(started.getEnvironment().getProperty("springdoc.swagger-ui.enabled")).isEqualTo("false");
            assertThat(started.getEnvironment().getProperty("server.servlet.session.cookie.secure")).isEqualTo("true");
            assertThat(started.getEnvironment().getProperty("logging.structured.format.console")).isEqualTo("ecs");
        }
    }

    /** A clean production start on PostgreSQL, in a schema of its own (skipped without PostgreSQL, except on CI). */
    @Nested
    class OnPostgres {

        @RegisterExtension
        static final PostgresSchema PG = new PostgresSchema();

        @Test
        void aConfiguredProductionStartsAndStoresTheCatalogWithoutDemoAccounts() {
            try (ConfigurableApplicationContext started = production(ADMINS,
                    "--spring.datasource.url=" + PG.jdbcUrl(), "--spring.datasource.username=postgres",
                    "--spring.datasource.password=", "--spring.flyway.schemas=" + PG.schema(),
                    "--spring.flyway.default-schema=" + PG.schema(), "--spring.datasource.hikari.maximum-pool-size=3")) {
                JdbcClient jdbc = started.getBean(JdbcClient.class);
                assertThat(jdbc.sql("SELECT COUNT(*) FROM sop").query(Long.class).single()).isEqualTo(48);
                assertThat(jdbc.sql("SELECT COUNT(*) FROM app_user").query(Long.class).single()).isZero();
                // The queue counts of the gauges and the health, on PostgreSQL.
                assertThat(started.getBean(QueueFigures.class).read()).isEqualTo(new QueueFigures.Figures(0, 0, 0));
            }
        }
    }
}
