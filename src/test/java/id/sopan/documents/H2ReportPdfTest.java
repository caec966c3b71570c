package id.sopan.documents;

import org.springframework.test.context.TestPropertySource;

/** The report documents on H2 (in memory). */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:reportpdf;DB_CLOSE_DELAY=-1")
class H2ReportPdfTest extends ReportPdfContract {
}
