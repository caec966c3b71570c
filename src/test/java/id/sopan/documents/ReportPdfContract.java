package id.sopan.documents;

import id.sopan.calendar.MovableClock;
import id.sopan.casework.CaseService;
import id.sopan.organization.Office;
import id.sopan.organization.OfficeRepository;
import id.sopan.reports.ControlledHistory;
import id.sopan.reports.Criterion;
import id.sopan.reports.EvaluationForm;
import id.sopan.reports.EvaluationService;
import id.sopan.reports.ReportMetrics;
import id.sopan.reports.SemesterInput;
import id.sopan.reports.SemesterReport;
import id.sopan.reports.SemesterReportService;
import id.sopan.sop.Messages;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static id.sopan.reports.ControlledHistory.OFFICE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report documents over the controlled history ({@link ControlledHistory}: three Cuti Tahunan cases in March
 * 2026, 31 of 32 steps on time, median 114 working minutes against the standard 225): the text the PDF carries,
 * its bookmarks and page numbers; run on H2 and on PostgreSQL. The files are kept under {@code target/reports}.
 */
@SpringBootTest(properties = {"sopan.clock=movable", "sopan.sla.initial-delay=PT24H"})
abstract class ReportPdfContract {

    static final Messages ID = Messages.forLocale(Messages.INDONESIAN);
    static final Messages EN = Messages.forLocale(Locale.ENGLISH);
    static final String RENCANA = "Semester II: sosialisasi SOP kepada seluruh Seksi.\n\n"
            + "Penyederhanaan SOP UMM-06 & digitalisasi berkas <cuti>.";

    @Autowired
    CaseService cases;
    @Autowired
    MovableClock clock;
    @Autowired
    ReportMetrics metrics;
    @Autowired
    SemesterReportService semesters;
    @Autowired
    EvaluationService evaluations;
    @Autowired
    OfficeRepository offices;

    @BeforeEach
    void history() {
        if (metrics.monthly(OFFICE, YearMonth.of(2026, 3), YearMonth.of(2026, 3)).get(0).casesStarted() == 0) {
            new ControlledHistory(cases, clock).threeCutiTahunanCases();
        }
        // The report is written after the semester, in July.
        clock.set(ControlledHistory.MONDAY_0800.plus(Duration.ofDays(130)));
        if (semesters.input(OFFICE, 2026, 1).version() == -1) {
            semesters.saveInput(OFFICE, 2026, 1, RENCANA, List.of(
                    new SemesterInput.FinanceLine("Belanja Pegawai", new BigDecimal("1500000000"),
                            new BigDecimal("700000000.50"), ""),
                    new SemesterInput.FinanceLine("Belanja Barang dan Jasa", new BigDecimal("800000000"),
                            new BigDecimal("200000000"), "Pengadaan tertunda")), -1, "kadis");
        }
    }

    @Test
    void theSemesterReportHoldsItsFiveSectionsWithTheFiguresAndTheEnteredTexts() throws Exception {
        SemesterReport report = semesters.report(OFFICE, 2026, 1);
        long start = System.nanoTime();
        byte[] pdf = ReportPdf.semester(report, ID);
        System.out.printf("semester report (controlled history): %.2f s%n", (System.nanoTime() - start) / 1e9);
        save("semester-2026-1-id.pdf", pdf);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getPage(0).getMediaBox().getWidth()).isCloseTo(595f, org.assertj.core.data.Offset.offset(1f));
            assertThat(doc.getPage(0).getMediaBox().getHeight()).isCloseTo(842f, org.assertj.core.data.Offset.offset(1f));
            String text = text(doc);
            assertThat(text).contains("LAPORAN PENYELENGGARAAN SOP ADMINISTRASI PEMERINTAHAN", "SEMESTER I TAHUN 2026",
                    "DINAS KOPERASI DAN USAHA KECIL MENENGAH KABUPATEN KUNINGAN", "Disampaikan kepada Bupati Kuningan",
                    "Periode 1 Januari 2026 s.d. 30 Juni 2026");
            assertThat(text).contains("a. Gambaran Umum Penyelenggaraan Pelayanan", "b. Rencana Kerja",
                    "c. Organisasi", "d. Kinerja Pelayanan pada Masyarakat", "e. Laporan Keuangan");
            // a. 48 SOPs in six jenis pelayanan; the three cases of UMM-06, all in March.
            assertThat(text).contains("menyelenggarakan 48 SOP AP yang berlaku dalam 6 jenis pelayanan",
                    "Sebanyak 3 kasus dimulai dan 3 kasus selesai", "Pelayanan Kesekretariatan",
                    "Maret 2026 3 3 32 96,9%", "1 UMM-06 Pembuatan Usulan Permohonan Cuti Tahunan 3 3");
            // b. the entered text, its markup characters as text.
            assertThat(text).contains("Semester II: sosialisasi SOP kepada seluruh Seksi.",
                    "Penyederhanaan SOP UMM-06 & digitalisasi berkas <cuti>.");
            // c. Kepala Dinas: 3 tasks, 2 on time, late by a median of 24 working minutes.
            assertThat(text).contains("Kepala Dinas Dinas Koperasi dan Usaha Kecil Menengah 1 3 66,7% 24 menit");
            // d. UMM-06: 3/3 cases, 96,9% on time, median 114, p90 138 against 225, one return.
            assertThat(text).contains("UMM-06 Pembuatan Usulan Permohonan Cuti Tahunan 3 / 3 96,9% 114 138 225 1");
            assertThat(text).contains("Dari 48 SOP, 1 dinilai berjalan dengan baik dan 47 tidak berjalan dengan baik",
                    "Belum disahkan", "Median lama penyelesaian 114 menit kerja");
            // e. the lines and their totals.
            assertThat(text).contains("Belanja Pegawai 1.500.000.000 700.000.000,50 46,7%",
                    "Jumlah 2.300.000.000 900.000.000,50 39,1%", "Pengadaan tertunda");
            // The Kepala Dinas signs.
            assertThat(text).contains("Kepala Dinas Koperasi dan Usaha Kecil Menengah Kabupaten Kuningan",
                    "Asep Sunandar", "NIP. 196904011998031001");
            assertThat(text).contains("Halaman 2 dari " + doc.getNumberOfPages());
            assertThat(bookmarks(doc)).containsExactly("Sampul", "a. Gambaran Umum Penyelenggaraan Pelayanan",
                    "b. Rencana Kerja", "c. Organisasi", "d. Kinerja Pelayanan pada Masyarakat", "e. Laporan Keuangan");
            // Each section starts its own page and its bookmark leads there.
            for (PDOutlineItem item : doc.getDocumentCatalog().getDocumentOutline().children()) {
                PDPage page = item.findDestinationPage(doc);
                assertThat(page).as(item.getTitle()).isNotNull();
                if (!item.getTitle().equals("Sampul")) {
                    assertThat(pageText(doc, page)).as(item.getTitle()).contains(item.getTitle());
                }
            }
        }
    }

    @Test
    void inEnglishTheSameReportIsWordedInEnglish() throws Exception {
        byte[] pdf = ReportPdf.semester(semesters.report(OFFICE, 2026, 1), EN);
        save("semester-2026-1-en.pdf", pdf);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = text(doc);
            assertThat(text).contains("a. Overview of the services", "b. Work plan", "c. Organization",
                    "d. Service performance for the public", "e. Financial report", "SEMESTER I OF 2026",
                    "3 / 3 96.9% 114 138 225 1", "Total 2,300,000,000 900,000,000.50", "Page 2 of ");
            assertThat(text).doesNotContain("Belum diisi", "Halaman");
        }
    }

    @Test
    void aSemesterWithNothingEnteredSaysSoInSectionsBAndE() throws Exception {
        SemesterReport empty = semesters.report(OFFICE, 2026, 2);
        byte[] pdf = ReportPdf.semester(empty, ID);
        save("semester-2026-2-id.pdf", pdf);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = text(doc);
            assertThat(text).contains("Belum diisi. Bagian \"b. Rencana Kerja\" diisi oleh Dinas",
                    "Belum diisi. Bagian \"e. Laporan Keuangan\" diisi oleh Dinas",
                    "Sebanyak 0 kasus dimulai dan 0 kasus selesai", "Belum ada kasus pada semester ini.");
        }
    }

    @Test
    void theEvaluationHoldsTheSevenCriteriaPerSopAndTheThreeAreas() throws Exception {
        EvaluationForm form = evaluations.form(OFFICE, 2026);
        if (form.row("UMM-06").version() == null) {
            Map<Criterion, Boolean> answers = new EnumMap<>(Criterion.class);
            for (Criterion c : Criterion.values()) {
                answers.put(c, c != Criterion.MUDAH_DIPAHAMI);
            }
            form = evaluations.saveRow(new EvaluationService.SaveRow(OFFICE, 2026, "UMM-06", answers,
                    "Formulir cuti sulit dipahami pemohon.", null, "evaluator.organisasi"));
        }
        Office office = offices.findByCode(OFFICE).orElseThrow();
        byte[] pdf = ReportPdf.evaluation(form, office, ID);
        save("evaluation-2026-id.pdf", pdf);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = text(doc);
            assertThat(text).contains("EVALUASI PENERAPAN SOP ADMINISTRASI PEMERINTAHAN", "TAHUN 2026");
            for (Criterion c : Criterion.values()) {
                assertThat(text).contains(c.number() + ". " + ID.get(c.key()));
            }
            // UMM-06: Ya, Tidak, then Ya five times; 3 cases, 96,9% on time, median 114 of 225.
            assertThat(text).contains("UMM-06 Pembuatan Usulan Permohonan Cuti Tahunan Ya Tidak Ya Ya Ya Ya Ya 3 96,9% 114 / 225");
            assertThat(text).contains("UMM-06: Formulir cuti sulit dipahami pemohon.");
            assertThat(text).contains("a. Kinerja pegawai dalam melayani masyarakat", "b. Operasional pelayanan",
                    "c. Rencana penyelenggaraan pelayanan", "belum memenuhi kriteria 2.",
                    "Belum disahkan: 1 dari 48 SOP sudah dinilai", "Evaluasi ini belum disahkan oleh evaluator.");
            assertThat(bookmarks(doc)).containsExactly("Penilaian kriteria per SOP", "Rekomendasi",
                    "a. Kinerja pegawai dalam melayani masyarakat", "b. Operasional pelayanan",
                    "c. Rencana penyelenggaraan pelayanan", "Pengesahan");
        }
    }

    @Test
    void aSignedEvaluationCarriesTheEvaluatorsNameAndDate() throws Exception {
        // 2025 had no case: every SOP answered, then signed off.
        EvaluationForm form = evaluations.form(OFFICE, 2025);
        if (!form.signed()) {
            Map<Criterion, Boolean> yes = new EnumMap<>(Criterion.class);
            for (Criterion c : Criterion.values()) {
                yes.put(c, true);
            }
            for (EvaluationForm.Row row : form.rows()) {
                if (!row.complete()) {
                    form = evaluations.saveRow(new EvaluationService.SaveRow(OFFICE, 2025, row.sopCode(), yes, "",
                            row.version(), "evaluator.organisasi"));
                }
            }
            form = evaluations.signOff(OFFICE, 2025, form.version(), "evaluator.organisasi");
        }
        byte[] pdf = ReportPdf.evaluation(form, offices.findByCode(OFFICE).orElseThrow(),
                u -> u.equals("evaluator.organisasi") ? "Rudi Hartono" : u, EN);
        save("evaluation-2025-en.pdf", pdf);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = text(doc);
            assertThat(text).contains("Signed off (initialled) by Rudi Hartono on 10 July 2026", "Evaluator",
                    "Kuningan, 10 July 2026", "a. Performance of employees serving the public");
            assertThat(text).doesNotContain("has not signed", "NIP.");
        }
    }

    static void save(String name, byte[] pdf) throws Exception {
        Path dir = Path.of("target/reports");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name), pdf);
    }

    static String text(PDDocument doc) throws Exception {
        return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
    }

    static String pageText(PDDocument doc, PDPage page) throws Exception {
        PDFTextStripper stripper = new PDFTextStripper();
        int number = doc.getPages().indexOf(page) + 1;
        stripper.setStartPage(number);
        stripper.setEndPage(number);
        return stripper.getText(doc).replaceAll("\\s+", " ");
    }

    static List<String> bookmarks(PDDocument doc) {
        List<String> titles = new ArrayList<>();
        doc.getDocumentCatalog().getDocumentOutline().children().forEach(i -> titles.add(i.getTitle()));
        return titles;
    }
}
