package id.sopan.catalog;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Brings the stored catalog up to date with the catalog files in the jar when the application starts. Runs first
 * (order 0): later start-up runners, such as the calendar's holiday seeding, need the offices it stores.
 */
@Component
@Order(CatalogLoader.ORDER)
@ConditionalOnProperty(name = "sopan.catalog.load-on-start", havingValue = "true", matchIfMissing = true)
class CatalogLoader implements ApplicationRunner {

    /** Before the organization loader (order 200), which needs the offices stored here. */
    static final int ORDER = 100;

    private static final Logger log = LoggerFactory.getLogger(CatalogLoader.class);

    private final CatalogService catalog;

    CatalogLoader(CatalogService catalog) {
        this.catalog = catalog;
    }

    @Override
    public void run(ApplicationArguments args) {
        LoadReport report = catalog.loadBundledCatalog();
        log.info("Bundled SOP catalog loaded: {}", report);
    }
}
