package id.sopan.web;

import id.sopan.reports.EvaluationService;
import id.sopan.reports.MonitoringService;
import id.sopan.reports.SemesterReportService;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The report pages through MockMvc as the demo users: what each role sees and may change, the downloads (CSV text
 * and XLSX cells), and every wrong input answered in words (400, 403, 404, 409), never a 500.
 */
class ReportPagesTest extends ReportWebTestSupport {

    static final String CUTI = "Pembuatan Usulan Permohonan Cuti Tahunan";

    @Autowired
    MonitoringService monitoring;
    @Autowired
    EvaluationService evaluation;
    @Autowired
    SemesterReportService semesters;

    MockHttpServletResponse call(MockHttpServletRequestBuilder request, String username) throws Exception {
        return mvc.perform(request.with(as(username))).andReturn().getResponse();
    }

    String page(String path, String username, int expectedStatus) throws Exception {
        MockHttpServletResponse response = call(get(path), username);
        assertThat(response.getStatus()).as(path + " as " + username).isEqualTo(expectedStatus);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    // --- roles and the index ---

    @Test
    void theHeadsEvaluatorsAndAdministratorsSeeTheReportsAndNobodyElse() throws Exception {
        for (String user : List.of("kadis", "evaluator.organisasi", "inspektorat", "kasubbag.umum")) {
            String index = page("/laporan", user, 200);
            assertThat(index).contains("Laporan SOP AP").contains("Semester I tahun 2026")
                    .contains("href=\"/laporan/monitoring/2026/1\"").contains("href=\"/laporan/semester/2026/1\"")
                    .contains("href=\"/laporan/evaluasi/2026\"")
                    .contains("href=\"/laporan/kinerja?dari=2026-01&amp;sampai=2026-06\"")
                    // The navigation's link for the roles that evaluate.
                    .contains("<a href=\"/laporan\">Laporan</a>");
        }
        page("/laporan", "staf.umum", 403);
        page("/laporan/monitoring/2026/1", "staf.umum", 403);
        page("/laporan/kinerja/sop.csv", "staf.umum", 403);
        assertThat(call(post("/laporan/monitoring/2026/1/sahkan").param("version", "-1").with(csrf()), "staf.umum")
                .getStatus()).isEqualTo(403);
        assertThat(page("/tugas", "staf.umum", 200)).doesNotContain("href=\"/laporan\"");
        // The three cases of March make the first half of 2026 a semester with data; 2026's second half is current.
        String index = page("/laporan", "kadis", 200);
        assertThat(index).contains("Semester II tahun 2026").doesNotContain("tahun 2024");
        assertThat(page("/laporan?lang=en", "kadis", 200)).contains("SOP AP reports").contains("first half of 2026");
    }

    // --- figures ---

    @Test
    void theFiguresPageShowsTheMonthsFiguresAndDownloadsThemExactly() throws Exception {
        String figures = page("/laporan/kinerja?dari=2026-03&sampai=2026-03", "evaluator.organisasi", 200);
        assertThat(figures).contains("Kinerja pelayanan, Maret 2026").contains(CUTI).contains("96,9%")
                .contains("Kepala Dinas").contains("Asep Sunandar")
                .contains("href=\"/laporan/kinerja/sop.csv?dari=2026-03&amp;sampai=2026-03\"")
                .contains("href=\"/laporan/kinerja/semua.xlsx?dari=2026-03&amp;sampai=2026-03\"");
        // The four charts of the report's PDF, inline.
        assertThat(figures.split("<svg ", -1)).hasSize(5);

        MockHttpServletResponse csv = call(get("/laporan/kinerja/sop.csv?dari=2026-03&sampai=2026-03"), "kadis");
        assertThat(csv.getStatus()).isEqualTo(200);
        assertThat(csv.getContentType()).isEqualTo("text/csv;charset=UTF-8");
        assertThat(csv.getHeader("Content-Disposition")).contains("DKUKM-kinerja-sop-2026-03.csv");
        assertThat(new String(csv.getContentAsByteArray(), StandardCharsets.UTF_8)).isEqualTo("\uFEFF"
                + "Kode,Nama SOP,Kasus dimulai,Kasus selesai,Langkah selesai,Langkah bertenggat,Tepat waktu,"
                + "Tepat waktu (%),Dikembalikan (belum sesuai),Langkah hambatan,Median lama (menit kerja),"
                + "P90 lama (menit kerja),Standar (menit kerja)\r\n"
                + "UMM-06," + CUTI + ",3,3,32,32,31,96.9,1,\"langkah 5: 1 dari 3 terlambat, rata-rata 8 menit kerja\","
                + "114,138,225\r\n");
        String jabatan = call(get("/laporan/kinerja/jabatan.csv?dari=2026-03&sampai=2026-03"), "kadis")
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(jabatan).contains("\r\nKADIS,Kepala Dinas,3,3,2,66.7,1,24\r\n")
                .contains("\r\nSTAF-KEPEGAWAIAN,Staf Kepegawaian,14,14,14,100.0,0,\r\n");
        assertThat(call(get("/laporan/kinerja/pegawai.csv?dari=2026-03&sampai=2026-03&lang=en"), "kadis")
                .getContentAsString(StandardCharsets.UTF_8))
                .startsWith("\uFEFFUsername,Full name,Steps done,Steps with a deadline,On time,On time (%),Late,")
                .contains("\r\nkadis,Asep Sunandar,3,3,2,66.7,1,24\r\n");

        try (XSSFWorkbook book = xlsx(call(get("/laporan/kinerja/semua.xlsx?dari=2026-01&sampai=2026-06"), "kadis"))) {
            assertThat(sheetNames(book)).containsExactly("Per SOP", "Per jabatan", "Per pegawai", "Per bulan");
            Sheet bySop = book.getSheet("Per SOP");
            assertThat(bySop.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Kinerja per SOP, Januari–Juni 2026");
            Cell header = bySop.getRow(1).getCell(0);
            assertThat(header.getStringCellValue()).isEqualTo("Kode");
            assertThat(book.getFontAt(header.getCellStyle().getFontIndex()).getBold()).isTrue();
            assertThat(bySop.getPaneInformation().isFreezePane()).isTrue();
            Row cuti = bySop.getRow(2);
            assertThat(cuti.getCell(0).getStringCellValue()).isEqualTo("UMM-06");
            assertThat(cuti.getCell(2).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(cuti.getCell(2).getNumericCellValue()).isEqualTo(3);
            assertThat(cuti.getCell(7).getNumericCellValue()).isCloseTo(31.0 / 32, within(1e-12));
            assertThat(cuti.getCell(7).getCellStyle().getDataFormatString()).isEqualTo("0.0%");
            assertThat(cuti.getCell(10).getNumericCellValue()).isEqualTo(114);
            Sheet months = book.getSheet("Per bulan");
            assertThat(months.getLastRowNum()).isEqualTo(7);
            assertThat(months.getRow(4).getCell(0).getStringCellValue()).isEqualTo("2026-03");
            assertThat(months.getRow(4).getCell(1).getNumericCellValue()).isEqualTo(3);
        }
        try (XSSFWorkbook one = xlsx(call(get("/laporan/kinerja/jabatan.xlsx?dari=2026-03&sampai=2026-03"), "kadis"))) {
            assertThat(sheetNames(one)).containsExactly("Per jabatan");
        }
    }

    @Test
    void aWrongPeriodIsSaidInWordsAndTheCurrentSemesterShown() throws Exception {
        MockHttpServletResponse bad = call(get("/laporan/kinerja?dari=2026-13&sampai=2026-03"), "kadis");
        assertThat(bad.getStatus()).isEqualTo(400);
        assertThat(bad.getContentAsString(StandardCharsets.UTF_8)).contains("Bulan tidak sah")
                .contains("value=\"2026-13\"").contains("Juli–Desember 2026");
        assertThat(page("/laporan/kinerja?dari=2026-05&sampai=2026-03", "kadis", 400))
                .contains("Bulan akhir tidak boleh sebelum bulan awal.");
        assertThat(page("/laporan/kinerja?dari=2020-01&sampai=2026-03", "kadis", 400))
                .contains("Paling panjang 24 bulan sekaligus.");
        assertThat(page("/laporan/kinerja/sop.csv?dari=x", "kadis", 400)).contains("Periode tidak sah");
        assertThat(page("/laporan/kinerja/nope.csv", "kadis", 404)).contains("Berkas unduhan “nope.csv” tidak ada.");
        assertThat(page("/laporan/kinerja/sop.pdf", "kadis", 404)).contains("tidak ada");
    }

    // --- monitoring ---

    @Test
    void theMonitoringFormShowsTheSuggestionBesideTheEditableVerdict() throws Exception {
        String form = page("/laporan/monitoring/2026/1", "evaluator.organisasi", 200);
        assertThat(form).contains("Monitoring pelaksanaan SOP AP, Semester I tahun 2026")
                .contains("id=\"baris-UMM-06\"").contains("3 kasus dimulai, 3 selesai")
                .contains("3 kasus dimulai dan 3 kasus selesai pada periode ini.")
                .contains("name=\"verdict\" value=\"BAIK\"").contains("<textarea name=\"catatan\"")
                .contains("1 SOP berjalan dengan baik, 47 tidak berjalan dengan baik (dari 48 SOP).")
                .contains("data-form-version").contains("Sahkan formulir")
                .contains("href=\"/laporan/monitoring/2026/1/monitoring.csv\"");
        // The administrator reads it only.
        String read = page("/laporan/monitoring/2026/1", "kasubbag.umum", 200);
        assertThat(read).contains("id=\"baris-UMM-06\"").doesNotContain("<textarea").doesNotContain("Sahkan formulir")
                .contains("Anda dapat membaca formulir ini");
        // Reasons in the reader's language.
        assertThat(page("/laporan/monitoring/2026/1?lang=en", "kadis", 200))
                .contains("3 cases started and 3 cases finished in the period.").contains("Working well");

        String csv = call(get("/laporan/monitoring/2026/1/monitoring.csv"), "kasubbag.umum")
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFNo.,Kode,Prosedur yang dimonitor,Penilaian terhadap penerapan,"
                + "Catatan hasil penilaian,Tindakan yang harus diambil,Paraf,Waktu paraf,Saran dari data,Alasan saran\r\n");
        assertThat(csv.lines().filter(l -> l.contains(",UMM-06,")).findFirst().orElseThrow())
                .startsWith("35,UMM-06," + CUTI + ",Berjalan dengan baik,\"3 kasus dimulai dan 3 kasus selesai")
                .endsWith(",,,Berjalan dengan baik,\"3 kasus dimulai dan 3 kasus selesai pada periode ini."
                        + " 96,9% langkah (31 dari 32) selesai dalam Waktu Mutu Baku. Median lama penyelesaian 114"
                        + " menit kerja (0,3 hari kerja) dalam standar 225 menit kerja (0,7 hari kerja).\"");
        try (XSSFWorkbook book = xlsx(call(get("/laporan/monitoring/2026/1/monitoring.xlsx"), "kadis"))) {
            Sheet sheet = book.getSheet("Monitoring");
            assertThat(sheet.getLastRowNum()).isEqualTo(1 + 48);
            Row row = sheet.getRow(1 + 35);
            assertThat(row.getCell(0).getNumericCellValue()).isEqualTo(35);
            assertThat(row.getCell(1).getStringCellValue()).isEqualTo("UMM-06");
            assertThat(row.getCell(3).getStringCellValue()).isEqualTo("Berjalan dengan baik");
        }
    }

    @Test
    void anEvaluatorSavesARowWithHtmxAndAStaleVersionIsAConflictInWords() throws Exception {
        String base = "/laporan/monitoring/2025/2/baris/UMM-06";
        MockHttpServletResponse saved = call(post(base).header("HX-Request", "true").with(csrf())
                .param("verdict", "TIDAK_BAIK").param("catatan", "Belum ada kasus.").param("tindakan", "Sosialisasi.")
                .param("version", ""), "evaluator.organisasi");
        assertThat(saved.getStatus()).isEqualTo(200);
        String row = saved.getContentAsString(StandardCharsets.UTF_8);
        assertThat(row).startsWith("<tr id=\"baris-UMM-06\"").contains("Baris UMM-06 tersimpan.")
                .contains("Rudi Hartono (Setda Bagian Organisasi)").contains("name=\"version\" value=\"0\"")
                .contains(">Belum ada kasus.</textarea>");
        assertThat(saved.getHeader("HX-Trigger")).isEqualTo("{\"formVersion\":{\"value\":1}}");

        // Inspektorat worked from the page as it was (row unsaved): their text stays, the message says who saved.
        MockHttpServletResponse stale = call(post(base).header("HX-Request", "true").with(csrf())
                .param("verdict", "BAIK").param("catatan", "Catatan inspektorat").param("tindakan", "")
                .param("version", ""), "inspektorat");
        assertThat(stale.getStatus()).isEqualTo(409);
        assertThat(stale.getContentAsString(StandardCharsets.UTF_8))
                .contains("Baris ini baru saja disimpan oleh Rudi Hartono (Setda Bagian Organisasi)")
                .contains("“Tidak berjalan dengan baik”").contains(">Catatan inspektorat</textarea>")
                .contains("name=\"version\" value=\"0\"");
        assertThat(monitoring.form(OFFICE, 2025, 2).row("UMM-06").catatan()).isEqualTo("Belum ada kasus.");

        // Too long a catatan: the row again, the message at the field, the text kept; nothing saved.
        String tooLong = "x".repeat(2001);
        MockHttpServletResponse invalid = call(post(base).header("HX-Request", "true").with(csrf())
                .param("verdict", "BAIK").param("catatan", tooLong).param("tindakan", "").param("version", "0"),
                "inspektorat");
        assertThat(invalid.getStatus()).isEqualTo(400);
        assertThat(invalid.getContentAsString(StandardCharsets.UTF_8))
                .contains("Paling banyak 2000 karakter (terisi 2001).").contains(tooLong)
                .contains("aria-invalid=\"true\"");
        // No verdict chosen.
        assertThat(call(post(base).header("HX-Request", "true").with(csrf()).param("catatan", "x")
                .param("version", "0"), "inspektorat").getContentAsString(StandardCharsets.UTF_8))
                .contains("Wajib diisi.");

        // Without htmx: a redirect back to the row, with the message.
        MockHttpServletResponse plain = call(post(base).with(csrf()).param("verdict", "BAIK").param("catatan", "Baik.")
                .param("tindakan", "").param("version", "0"), "kadis");
        assertThat(plain.getStatus()).isEqualTo(302);
        assertThat(plain.getRedirectedUrl()).isEqualTo("/laporan/monitoring/2025/2#baris-UMM-06");
        // ... and a stale one without htmx: the whole page, 409, with the typed values.
        MockHttpServletResponse plainStale = call(post(base).with(csrf()).param("verdict", "BAIK")
                .param("catatan", "Teks saya").param("tindakan", "").param("version", "0"), "kadis");
        assertThat(plainStale.getStatus()).isEqualTo(409);
        assertThat(plainStale.getContentAsString(StandardCharsets.UTF_8)).contains("<h1>Monitoring pelaksanaan")
                .contains(">Teks saya</textarea>").contains("baru saja disimpan oleh Asep Sunandar");

        // The administrator may read but not change; the page says so.
        MockHttpServletResponse admin = call(post(base).with(csrf()).param("verdict", "BAIK").param("version", "1"),
                "kasubbag.umum");
        assertThat(admin.getStatus()).isEqualTo(403);
        assertThat(admin.getContentAsString(StandardCharsets.UTF_8))
                .contains("Hanya evaluator dan Kepala/Sekretaris Dinas yang dapat mengisi");
        assertThat(monitoring.history(OFFICE, 2025, 2)).hasSize(2);
        assertThat(page("/laporan/monitoring/2025/2", "kasubbag.umum", 200)).contains("Riwayat")
                .contains("Berjalan dengan baik (saran: Tidak berjalan dengan baik)").contains("Disimpan");
    }

    @Test
    void aSignedOffMonitoringFormIsReadOnly() throws Exception {
        String path = "/laporan/monitoring/2026/2";
        int version = monitoring.form(OFFICE, 2026, 2).version();
        MockHttpServletResponse stale = call(post(path + "/sahkan").with(csrf()).param("version", "7"), "inspektorat");
        assertThat(stale.getStatus()).isEqualTo(409);
        assertThat(stale.getContentAsString(StandardCharsets.UTF_8))
                .contains("Data ini baru saja diubah oleh pengguna lain.");
        assertThat(call(post(path + "/sahkan").with(csrf()).param("version", "x"), "inspektorat").getStatus())
                .isEqualTo(400);
        MockHttpServletResponse signed = call(post(path + "/sahkan").with(csrf())
                .param("version", String.valueOf(version)), "inspektorat");
        assertThat(signed.getStatus()).isEqualTo(302);
        assertThat(signed.getRedirectedUrl()).isEqualTo(path);
        String page = page(path, "inspektorat", 200);
        assertThat(page).contains("Disahkan oleh Sri Wahyuni (Inspektorat Kabupaten) pada 10-07-2026 08:00 WIB")
                .doesNotContain("<textarea").doesNotContain("Sahkan formulir");
        MockHttpServletResponse late = call(post(path + "/baris/UMM-06").header("HX-Request", "true").with(csrf())
                .param("verdict", "BAIK").param("version", "0"), "inspektorat");
        assertThat(late.getStatus()).isEqualTo(409);
        assertThat(late.getContentAsString(StandardCharsets.UTF_8))
                .contains("Formulir ini sudah disahkan (diparaf) dan tidak dapat diubah lagi.");
        assertThat(monitoring.form(OFFICE, 2026, 2).signed()).isTrue();
    }

    // --- evaluation ---

    @Test
    void onlyAnEvaluatorAnswersTheCriteriaAndSignOffNeedsThemAll() throws Exception {
        String path = "/laporan/evaluasi/2026";
        String page = page(path, "inspektorat", 200);
        assertThat(page).contains("Evaluasi SOP AP tahun 2026").contains("name=\"k1\" value=\"ya\"")
                .contains("Mampu mendorong peningkatan kinerja")
                .contains("Kinerja pegawai dalam melayani masyarakat").contains("Operasional pelayanan")
                .contains("Rencana penyelenggaraan pelayanan").contains("paling banyak dijalankan (3 kasus)")
                .contains("href=\"/laporan/evaluasi/2026.pdf\"");
        assertThat(page(path, "kadis", 200)).doesNotContain("name=\"k1\"").contains("Anda dapat membaca evaluasi ini");

        MockHttpServletRequestBuilder save = post(path + "/baris/UMM-06").header("HX-Request", "true").with(csrf())
                .param("k1", "ya").param("k2", "tidak").param("k3", "ya").param("k4", "ya").param("k5", "ya")
                .param("k6", "ya").param("k7", "tidak").param("catatan", "Formulir cuti sulit dipahami.")
                .param("version", "");
        assertThat(call(save, "kadis").getStatus()).isEqualTo(403);
        MockHttpServletResponse saved = call(save, "inspektorat");
        assertThat(saved.getStatus()).isEqualTo(200);
        assertThat(saved.getContentAsString(StandardCharsets.UTF_8)).contains("Baris UMM-06 tersimpan.")
                .contains("name=\"k2\" value=\"tidak\" form=\"f-UMM-06\" checked");
        assertThat(call(post(path + "/baris/UMM-06").header("HX-Request", "true").with(csrf()).param("k1", "mungkin")
                .param("version", "0"), "inspektorat").getContentAsString(StandardCharsets.UTF_8))
                .contains("Pilihan tidak sah.");

        MockHttpServletResponse incomplete = call(post(path + "/sahkan").with(csrf())
                .param("version", String.valueOf(evaluation.form(OFFICE, 2026).version())), "inspektorat");
        assertThat(incomplete.getStatus()).isEqualTo(409);
        assertThat(incomplete.getContentAsString(StandardCharsets.UTF_8))
                .contains("Belum dapat disahkan: 47 SOP belum dinilai untuk ketujuh kriteria (KEU-01, ");
        assertThat(call(post(path + "/sahkan").with(csrf()).param("version", "1"), "kadis").getStatus()).isEqualTo(403);

        String after = page(path, "evaluator.organisasi", 200);
        assertThat(after).contains("SOP UMM-06 (" + CUTI + ") dinilai belum memenuhi kriteria 2, 7.")
                .contains("1 dari 48 SOP sudah dinilai untuk ketujuh kriteria.");
        String csv = call(get(path + "/evaluasi.csv"), "kadis").getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFNo.,Kode,Nama SOP,1. Mampu mendorong peningkatan kinerja,2. Mudah dipahami,")
                .contains("\r\n35,UMM-06," + CUTI + ",Ya,Tidak,Ya,Ya,Ya,Ya,Tidak,Formulir cuti sulit dipahami.,"
                        + "Sri Wahyuni (Inspektorat Kabupaten),10-07-2026 08:00\r\n")
                .contains("\r\n1,KEU-01,");
        assertThat(csv.lines().filter(l -> l.startsWith("1,KEU-01,")).findFirst().orElseThrow())
                .endsWith(",–,–,–,–,–,–,–,,,");
        assertThat(call(get(path + "/rekomendasi.csv"), "kadis").getContentAsString(StandardCharsets.UTF_8))
                .startsWith("\uFEFFNo.,Bidang,Tentang,Rekomendasi\r\n1,Kinerja pegawai dalam melayani masyarakat,,");
        try (XSSFWorkbook book = xlsx(call(get(path + "/semua.xlsx"), "kadis"))) {
            assertThat(sheetNames(book)).containsExactly("Evaluasi", "Rekomendasi", "Per SOP");
            assertThat(book.getSheet("Evaluasi").getRow(1 + 35).getCell(4).getStringCellValue()).isEqualTo("Tidak");
        }
    }

    // --- the six-monthly report ---

    @Test
    void theHeadEntersTheWorkPlanAndFinanceLinesTypedTheIndonesianWay() throws Exception {
        String path = "/laporan/semester/2026/1";
        String page = page(path, "kadis", 200);
        assertThat(page).contains("Laporan semester, Semester I tahun 2026").contains("a. Gambaran Umum")
                .contains("48 SOP berlaku; 3 kasus dimulai dan 3 kasus selesai pada semester ini.")
                .contains("href=\"/laporan/semester/2026/1.pdf\"").contains("name=\"rencanaKerja\"")
                .contains("href=\"/laporan/monitoring/2026/1\"");
        assertThat(page(path, "evaluator.organisasi", 200)).doesNotContain("name=\"rencanaKerja\"")
                .contains("Anda dapat membaca isian ini");

        // Malformed amounts: each named by its line and field, everything typed kept, nothing saved.
        MockHttpServletResponse bad = call(post(path).with(csrf()).param("version", "-1").param("aksi", "simpan")
                .param("rencanaKerja", "Rencana semester II.")
                .param("uraian", "Belanja pegawai", "Belanja barang")
                .param("anggaran", "1.500.000.000", "800.000.000")
                .param("realisasi", "700.000.000,50", "1,5,0")
                .param("keterangan", "", ""), "kadis");
        assertThat(bad.getStatus()).isEqualTo(400);
        assertThat(bad.getContentAsString(StandardCharsets.UTF_8))
                .contains("Baris 2, Realisasi (Rp): “1,5,0” bukan jumlah rupiah yang sah; tulis seperti 1.500.000.000")
                .contains("value=\"1,5,0\"").contains("value=\"700.000.000,50\"").contains(">Rencana semester II.</textarea>")
                .contains("id=\"realisasi-2\"");
        assertThat(semesters.input(OFFICE, 2026, 1).version()).isEqualTo(-1);
        assertThat(call(post(path).with(csrf()).param("version", "-1").param("uraian", "")
                .param("anggaran", "5").param("realisasi", "").param("keterangan", ""), "kadis")
                .getContentAsString(StandardCharsets.UTF_8))
                .contains("Baris 1, Uraian: Wajib diisi.").contains("Baris 1, Realisasi (Rp): Wajib diisi.");

        // Adding and removing lines changes the page only.
        String added = call(post(path).with(csrf()).param("version", "-1").param("aksi", "tambah")
                .param("uraian", "Belanja pegawai").param("anggaran", "1").param("realisasi", "1")
                .param("keterangan", ""), "kadis").getContentAsString(StandardCharsets.UTF_8);
        assertThat(added).contains("id=\"uraian-2\"").contains("Satu baris kosong ditambahkan");
        String removed = call(post(path).with(csrf()).param("version", "-1").param("aksi", "hapus-1")
                .param("uraian", "A", "B").param("anggaran", "1", "2").param("realisasi", "1", "2")
                .param("keterangan", "", ""), "kadis").getContentAsString(StandardCharsets.UTF_8);
        assertThat(removed).contains("value=\"B\"").doesNotContain("value=\"A\"").doesNotContain("id=\"uraian-2\"");

        MockHttpServletResponse saved = call(post(path).with(csrf()).param("version", "-1").param("aksi", "simpan")
                .param("rencanaKerja", "Rencana semester II.")
                .param("uraian", "Belanja pegawai", "Belanja barang", "")
                .param("anggaran", "1.500.000.000", "800000000", "")
                .param("realisasi", "700.000.000,50", "200.000.000", "")
                .param("keterangan", "", "Pengadaan tertunda", ""), "kadis");
        assertThat(saved.getStatus()).isEqualTo(302);
        assertThat(semesters.input(OFFICE, 2026, 1).totalRealisasi()).isEqualByComparingTo("900000000.50");
        assertThat(page(path, "kadis", 200)).contains("value=\"700.000.000,50\"").contains("2.300.000.000")
                .contains("Terakhir disimpan oleh Asep Sunandar");

        // Evaluators read it; a stale version keeps what was typed and says who saved.
        assertThat(call(post(path).with(csrf()).param("version", "0").param("rencanaKerja", "x"),
                "evaluator.organisasi").getStatus()).isEqualTo(403);
        MockHttpServletResponse stale = call(post(path).with(csrf()).param("version", "-1")
                .param("rencanaKerja", "Versi saya").param("uraian", "Belanja").param("anggaran", "1")
                .param("realisasi", "1").param("keterangan", ""), "kasubbag.umum");
        assertThat(stale.getStatus()).isEqualTo(409);
        assertThat(stale.getContentAsString(StandardCharsets.UTF_8))
                .contains("Laporan ini baru saja disimpan oleh Asep Sunandar").contains(">Versi saya</textarea>")
                .contains("name=\"version\" value=\"0\"");

        String csv = call(get(path + "/keuangan.csv"), "evaluator.organisasi").getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).isEqualTo("\uFEFFNo.,Uraian,Anggaran (Rp),Realisasi (Rp),Realisasi (%),Keterangan\r\n"
                + "1,Belanja pegawai,1500000000.00,700000000.50,46.7,\r\n"
                + "2,Belanja barang,800000000.00,200000000.00,25.0,Pengadaan tertunda\r\n"
                + ",Jumlah,2300000000.00,900000000.50,39.1,\r\n");
        try (XSSFWorkbook book = xlsx(call(get(path + "/semua.xlsx"), "kadis"))) {
            assertThat(sheetNames(book)).containsExactly("Per bulan", "Per SOP", "Per jabatan", "Per pegawai",
                    "Monitoring", "Laporan keuangan");
            Sheet finance = book.getSheet("Laporan keuangan");
            assertThat(finance.getRow(2).getCell(2).getNumericCellValue()).isEqualTo(1.5e9);
            assertThat(finance.getRow(4).getCell(3).getNumericCellValue()).isEqualTo(900000000.5);
        }
        assertThat(page(path, "kasubbag.umum", 200)).contains("Riwayat")
                .contains("Rencana kerja 20 karakter, 2 baris keuangan");
    }

    // --- wrong paths ---

    @Test
    void wrongYearsSemestersSopsAndFilesArePagesInWords() throws Exception {
        assertThat(page("/laporan/monitoring/1800/1", "kadis", 404))
                .contains("Tidak ada laporan untuk tahun “1800”: tahun harus antara 2000 dan 2026.");
        assertThat(page("/laporan/monitoring/2027/1", "kadis", 404)).contains("tahun “2027”");
        assertThat(page("/laporan/monitoring/2026/3", "kadis", 404)).contains("Semester “3” tidak ada");
        assertThat(page("/laporan/semester/2026/x", "kadis", 404)).contains("Semester “x” tidak ada");
        assertThat(page("/laporan/evaluasi/abc", "inspektorat", 404)).contains("tahun “abc”");
        assertThat(page("/laporan/evaluasi/2026/nope.xlsx", "inspektorat", 404)).contains("“nope.xlsx”");
        MockHttpServletResponse unknown = call(post("/laporan/monitoring/2026/1/baris/NOPE-99").with(csrf())
                .param("verdict", "BAIK"), "inspektorat");
        assertThat(unknown.getStatus()).isEqualTo(404);
        assertThat(unknown.getContentAsString(StandardCharsets.UTF_8)).contains("SOP “NOPE-99” tidak ada dalam formulir ini.");
        MockHttpServletResponse unknownHtmx = call(post("/laporan/evaluasi/2026/baris/NOPE-99").with(csrf())
                .header("HX-Request", "true").param("k1", "ya"), "inspektorat");
        assertThat(unknownHtmx.getStatus()).isEqualTo(404);
        assertThat(unknownHtmx.getContentAsString(StandardCharsets.UTF_8)).startsWith("<tr class=\"has-problem\">")
                .contains("SOP “NOPE-99” tidak ada");
        assertThat(call(post("/laporan/semester/1800/1").with(csrf()).param("version", "-1"), "kadis").getStatus())
                .isEqualTo(404);
        assertThat(call(post("/laporan/semester/2026/1").with(csrf()).param("version", "x"), "kadis").getStatus())
                .isEqualTo(400);
        assertThat(page("/laporan/monitoring/2026/1?lang=en&x=1", "kadis", 200)).contains("Not working well");
        assertThat(page("/laporan/monitoring/1800/1?lang=en", "kadis", 404))
                .contains("There is no report for the year “1800”");
    }

    private static XSSFWorkbook xlsx(MockHttpServletResponse response) throws IOException {
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType())
                .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        return new XSSFWorkbook(new ByteArrayInputStream(response.getContentAsByteArray()));
    }

    private static List<String> sheetNames(XSSFWorkbook book) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < book.getNumberOfSheets(); i++) {
            names.add(book.getSheetName(i));
        }
        return names;
    }
}
