package id.sopan.web;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The report documents as downloads ({@code /laporan/semester/{year}/{half}.pdf}, {@code /laporan/evaluasi/{year}.pdf}):
 * for the heads and the evaluators, refused to other staff, a wrong year or semester worded on a 400 page.
 */
class ReportDocumentPagesTest extends WebTestSupport {

    static RequestPostProcessor evaluator() {
        return user("evaluator.organisasi").roles("USER", "EVALUATOR");
    }

    @Test
    void theKepalaDinasDownloadsTheSemesterReport() throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/laporan/semester/2026/1.pdf").with(as("kadis")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("Content-Disposition",
                        "attachment; filename=\"Laporan-SOP-AP-DKUKM-2026-S1.pdf\""))
                .andReturn().getResponse();
        try (PDDocument doc = Loader.loadPDF(response.getContentAsByteArray())) {
            assertThat(new PDFTextStripper().getText(doc)).contains("SEMESTER I TAHUN 2026",
                    "d. Kinerja Pelayanan pada Masyarakat");
        }
    }

    @Test
    void anEvaluatorDownloadsTheEvaluationInTheLanguageOfThePage() throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/laporan/evaluasi/2026.pdf").param("lang", "en")
                        .with(evaluator()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"Evaluasi-SOP-AP-DKUKM-2026.pdf\""))
                .andReturn().getResponse();
        try (PDDocument doc = Loader.loadPDF(response.getContentAsByteArray())) {
            assertThat(new PDFTextStripper().getText(doc)).contains("The criteria per SOP", "Recommendations");
        }
        mvc.perform(get("/laporan/semester/2026/2.pdf").with(evaluator()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"));
    }

    @Test
    void otherStaffAreRefused() throws Exception {
        mvc.perform(get("/laporan/semester/2026/1.pdf").with(as("staf.umum"))).andExpect(status().isForbidden());
        mvc.perform(get("/laporan/evaluasi/2026.pdf").with(as("staf.umum"))).andExpect(status().isForbidden());
    }

    @Test
    void aWrongYearOrSemesterIsA400PageSayingWhatIsWrong() throws Exception {
        assertThat(page("/laporan/semester/2026/3.pdf")).contains("Semester tidak sah: pilih 1");
        assertThat(page("/laporan/semester/dua/1.pdf")).contains("Tahun laporan tidak sah");
        assertThat(page("/laporan/semester/1999/1.pdf")).contains("Tahun laporan tidak sah");
        // The clock says 2026: a later year has no report yet.
        assertThat(page("/laporan/semester/2027/1.pdf")).contains("Tahun laporan tidak sah");
        assertThat(page("/laporan/evaluasi/2027.pdf")).contains("Tahun laporan tidak sah");
        assertThat(page("/laporan/evaluasi/99999999999999999999.pdf")).contains("Tahun laporan tidak sah");
    }

    private String page(String url) throws Exception {
        return mvc.perform(get(url).with(as("kadis")))
                .andExpect(status().isBadRequest())
                .andExpect(header().string("Content-Type", org.hamcrest.Matchers.startsWith("text/html")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
