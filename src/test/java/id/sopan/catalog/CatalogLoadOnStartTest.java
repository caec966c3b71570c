package id.sopan.catalog;

import id.sopan.organization.OfficeRepository;
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

/** With the default settings the application stores the bundled catalog while it starts, and says so in the log. */
@SpringBootTest
@ExtendWith(OutputCaptureExtension.class)
class CatalogLoadOnStartTest {

    private static final String URL = "jdbc:h2:mem:sopan_" + UUID.randomUUID().toString().replace("-", "")
            + ";DB_CLOSE_DELAY=-1";

    @DynamicPropertySource
    static void datasource(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> URL);
    }

    @Autowired
    CatalogService service;
    @Autowired
    OfficeRepository offices;

    @Test
    void theBundledCatalogIsStoredAtStart(CapturedOutput output) {
        CatalogFiles.Result files = CatalogFiles.loadBundled();
        String office = files.offices().get(0).office().code();

        assertThat(offices.findByCode(office)).isPresent();
        // Everything was stored at start, so loading again finds every valid SOP unchanged.
        LoadReport again = service.loadBundledCatalog();
        assertThat(again.inserted()).isZero();
        assertThat(again.updated()).isZero();
        assertThat(again.unchanged() + again.skipped()).isEqualTo(files.sopCount());
        assertThat(service.listCurrent(office)).hasSize(again.unchanged());
        assertThat(output.getAll()).containsOnlyOnce("Bundled SOP catalog loaded: offices=" + files.offices().size()
                + " inserted=" + again.unchanged() + " updated=0 unchanged=0 skipped=" + again.skipped());
    }
}
