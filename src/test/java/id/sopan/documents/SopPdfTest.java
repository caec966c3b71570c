package id.sopan.documents;

import id.sopan.catalog.CatalogFiles;
import id.sopan.catalog.OfficeCatalog;
import id.sopan.sop.SopDefinition;
import id.sopan.sop.Step;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The printed SOP documents: every step's Kegiatan is in the PDF's text, the annex has its list and bookmarks. */
class SopPdfTest {

    static OfficeCatalog catalog;

    @BeforeAll
    static void load() {
        catalog = CatalogFiles.loadBundled().offices().get(0);
    }

    @Test
    void anSopPrintsItsIdentityAndEveryStepOnF4AndA4() throws Exception {
        SopDefinition cuti = catalog.sops().stream().filter(s -> s.code().equals("UMM-06")).findFirst().orElseThrow();
        for (SopPdf.Paper paper : SopPdf.Paper.values()) {
            byte[] pdf = SopPdf.sop(cuti, catalog.office(), paper);
            Files.createDirectories(Path.of("target/documents"));
            Files.write(Path.of("target/documents/UMM-06-" + paper + ".pdf"), pdf);
            try (PDDocument doc = Loader.loadPDF(pdf)) {
                float width = doc.getPage(0).getMediaBox().getWidth();
                assertThat(width).isEqualTo((float) paper.width, org.assertj.core.data.Offset.offset(1f));
                String text = normalized(new PDFTextStripper().getText(doc));
                assertThat(text).contains("Nomor SOP", "Tanggal Efektif", "Disahkan oleh", "ASAP PURNAMA", "Dasar Hukum",
                        "Kualifikasi Pelaksana", "Keterkaitan", "Peralatan/Perlengkapan", "Peringatan",
                        "Pencatatan dan Pendataan", "Pembuatan Usulan Permohonan Cuti Tahunan");
                for (Step step : cuti.steps()) {
                    assertThat(text).contains(words(step.kegiatan(), 4));
                }
                assertThat(text).contains("Halaman 1 dari " + doc.getNumberOfPages());
            }
        }
    }

    @Test
    void theAnnexHoldsTheListAndEverySopWithABookmarkEach() throws Exception {
        long start = System.nanoTime();
        byte[] pdf = SopPdf.lampiran(catalog.office(), catalog.regulation(), catalog.sops(), SopPdf.Paper.F4);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("lampiran: %d SOPs rendered in %.2f s%n", catalog.sops().size(), seconds);
        Files.createDirectories(Path.of("target/documents"));
        Files.write(Path.of("target/documents/lampiran.pdf"), pdf);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = normalized(new PDFTextStripper().getText(doc));
            assertThat(text).contains("DAFTAR SOP", "Pelayanan Kesekretariatan", "Pelayanan Pemberdayaan Usaha Kecil Menengah");
            for (SopDefinition sop : catalog.sops()) {
                for (Step step : sop.steps()) {
                    assertThat(text).as(sop.code() + " step " + step.number()).contains(words(step.kegiatan(), 3));
                }
            }
            List<String> bookmarks = new ArrayList<>();
            for (PDOutlineItem item : doc.getDocumentCatalog().getDocumentOutline().children()) {
                bookmarks.add(item.getTitle());
            }
            assertThat(bookmarks).hasSize(49).startsWith("Daftar SOP");
            assertThat(bookmarks).anyMatch(b -> b.startsWith("UMM-06 "));
            assertThat(doc.getNumberOfPages()).isGreaterThan(2 * 48);
        }
    }

    /** The first words of a text, as the PDF's text extraction gives them back (line breaks as spaces). */
    static String words(String text, int count) {
        String[] w = text.strip().split("\\s+");
        return String.join(" ", java.util.Arrays.copyOf(w, Math.min(count, w.length)));
    }

    static String normalized(String text) {
        return text.replaceAll("\\s+", " ");
    }
}
