package id.sopan.organization;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Brings the stored organization up to date with the organization files in the jar when the application
 * starts, after the catalog loader (which stores the offices). {@code sopan.demo} creates the demo accounts;
 * without it (the default outside application.properties) demo accounts are disabled.
 */
@Component
@Order(OrganizationLoader.ORDER)
@ConditionalOnProperty(name = "sopan.organization.load-on-start", havingValue = "true", matchIfMissing = true)
class OrganizationLoader implements ApplicationRunner {

    /** Runs after the catalog loader (order 100). */
    static final int ORDER = 200;

    private static final Logger log = LoggerFactory.getLogger(OrganizationLoader.class);

    private final OrganizationService organization;
    private final boolean demo;

    OrganizationLoader(OrganizationService organization, @Value("${sopan.demo:false}") boolean demo) {
        this.organization = organization;
        this.demo = demo;
    }

    @Override
    public void run(ApplicationArguments args) {
        OrganizationLoadReport report = organization.loadBundled(demo);
        log.info("Organization loaded{}: {}", demo ? " (demo mode: password \"demo\" for every demo account)" : "",
                report);
        if (report.demoAccountsDisabled() > 0) {
            log.warn("Not in demo mode: {} demo account(s) disabled and their passwords removed",
                    report.demoAccountsDisabled());
        }
    }
}
