package id.sopan.web;

import id.sopan.casework.CaseService;
import id.sopan.casework.SlaWatch;
import id.sopan.engine.Action;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Kotak Tugas: who sees which task, and the htmx actions on a task's row. */
class WorklistPagesTest extends WebTestSupport {

    @Autowired
    SlaWatch sla;

    private String page(String user) throws Exception {
        return mvc.perform(get("/tugas").with(as(user))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    private org.springframework.test.web.servlet.ResultActions htmx(String user, long task, String verb, String note)
            throws Exception {
        var request = post("/tugas/" + task + "/" + verb).with(as(user)).with(csrf()).header("HX-Request", "true");
        if (note != null) {
            request.param("catatan", note);
        }
        return mvc.perform(request);
    }

    private static String body(org.springframework.test.web.servlet.ResultActions r) throws Exception {
        return r.andReturn().getResponse().getContentAsString();
    }

    @Test
    void theWorklistShowsTheJabatansUnclaimedTasksAndMineButNotOthers() throws Exception {
        CaseService.Started started = startCuti();
        String staff = page("staf.kepegawaian");
        assertThat(staff).contains(started.registrationNo()).contains("UMM-06")
                .contains("Pembuatan Usulan Permohonan Cuti Tahunan").contains("Belum diambil").contains(">Ambil<");
        assertThat(page("staf.ukm")).doesNotContain(started.registrationNo());
        assertThat(page("kadis")).doesNotContain(started.registrationNo());
        // Claimed by me: still mine, with the buttons of a decision step.
        cases.act(currentTask(started.caseId()), Action.CLAIM, "staf.kepegawaian", null, null);
        assertThat(page("staf.kepegawaian")).contains(started.registrationNo()).contains(">Sesuai<")
                .contains(">Belum sesuai<").contains(">Lepas<").doesNotContain(">Selesai<");
        // In English too.
        String english = mvc.perform(get("/tugas").param("lang", "en").with(as("staf.kepegawaian")))
                .andReturn().getResponse().getContentAsString();
        assertThat(english).contains("Worklist").contains(">In order<");
    }

    @Test
    void theWorklistComesInPagesOf25MostUrgentFirstEachTaskOnExactlyOnePage() throws Exception {
        for (int i = 0; i < WorklistController.PAGE + 5; i++) {
            startCuti();
        }
        java.util.List<Long> expected = cases.worklist("staf.kepegawaian", 2000).stream()
                .filter(i -> i.claimedBy() == null || i.claimedBy().equals("staf.kepegawaian"))
                .map(id.sopan.casework.WorklistItem::taskId).toList();
        assertThat(expected.size()).isGreaterThan(WorklistController.PAGE);
        java.util.List<Long> shown = new java.util.ArrayList<>();
        int pages = (expected.size() + WorklistController.PAGE - 1) / WorklistController.PAGE;
        for (int page = 1; page <= pages; page++) {
            String html = mvc.perform(get("/tugas").param("halaman", String.valueOf(page)).with(as("staf.kepegawaian")))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            java.util.List<Long> rows = java.util.regex.Pattern.compile("id=\"tugas-(\\d+)\"").matcher(html).results()
                    .map(m -> Long.valueOf(m.group(1))).toList();
            assertThat(rows).hasSizeLessThanOrEqualTo(WorklistController.PAGE);
            shown.addAll(rows);
            assertThat(html).contains("Halaman " + page);
            assertThat(html.contains("halaman=" + (page + 1))).as("next link on page %d", page).isEqualTo(page < pages);
            assertThat(html.contains("halaman=" + (page - 1))).as("previous link on page %d", page).isEqualTo(page > 1);
        }
        assertThat(shown).containsExactlyElementsOf(expected);

        // Up to a date before every deadline: nothing (and the list stops reading at the first later deadline).
        assertThat(mvc.perform(get("/tugas").param("sampai", "2000-01-03").with(as("staf.kepegawaian")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("Tidak ada tugas untuk Anda saat ini.");

        // A page that is not a number: the first page, and the field named in words.
        String bad = mvc.perform(get("/tugas").param("halaman", "dua").with(as("staf.kepegawaian")))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(bad).contains("Halaman: Bukan nomor yang sah").contains("Halaman 1");
    }

    @Test
    void overdueTasksAreMarkedInWordsAndTheSlaWatchsNotificationsShow() throws Exception {
        CaseService.Started started = startCuti();
        clock.advance(Duration.ofDays(7));
        sla.markOverdue();
        String page = page("staf.kepegawaian");
        assertThat(page).contains("Terlambat").contains("Pemberitahuan").contains(started.registrationNo());
    }

    @Test
    void claimReturnAndApproveWorkThroughHtmxRowSwaps() throws Exception {
        CaseService.Started started = startCuti();
        long task = currentTask(started.caseId());

        String claimed = body(htmx("staf.kepegawaian", task, "ambil", null).andExpect(status().isOk()));
        assertThat(claimed).startsWith("<tr").doesNotContain("<html").contains("id=\"tugas-" + task + "\"")
                .contains("telah Anda ambil").contains(">Sesuai<").contains(">Belum sesuai<")
                .contains("hx-target=\"closest tr\"").contains("name=\"_csrf\"");

        // "Belum sesuai" needs a reason: 400, the row again with the message at the note, nothing done.
        String noReason = body(htmx("staf.kepegawaian", task, "belum-sesuai", "  ").andExpect(status().isBadRequest()));
        assertThat(noReason).startsWith("<tr").contains("Tuliskan alasan").contains("aria-invalid=\"true\"");
        assertThat(cases.detail(started.caseId()).currentStep()).isEqualTo(2);

        String returned = body(htmx("staf.kepegawaian", task, "belum-sesuai", "KTP belum dilegalisir")
                .andExpect(status().isOk()));
        assertThat(returned).contains("dikembalikan dengan alasan").doesNotContain(">Sesuai<");
        assertThat(cases.detail(started.caseId()).currentStep()).isEqualTo(1);
        assertThat(cases.detail(started.caseId()).history()).anyMatch(e -> "KTP belum dilegalisir".equals(e.note()));

        // The pemohon hands the file in again; Staf Kepegawaian finds it in order; Kasubbag Umum's step is "Selesai".
        long again = currentTask(started.caseId());
        cases.act(again, Action.CLAIM, "pegawai", null, null);
        cases.act(again, Action.COMPLETE, "pegawai", null, null);
        long check = currentTask(started.caseId());
        htmx("staf.kepegawaian", check, "ambil", null).andExpect(status().isOk());
        assertThat(body(htmx("staf.kepegawaian", check, "sesuai", null).andExpect(status().isOk())))
                .contains("lanjut ke langkah berikutnya");
        long kasubbag = currentTask(started.caseId());
        assertThat(page("kasubbag.umum")).contains(started.registrationNo());
        htmx("kasubbag.umum", kasubbag, "ambil", null).andExpect(status().isOk());
        assertThat(body(htmx("kasubbag.umum", kasubbag, "selesai", "diparaf").andExpect(status().isOk())))
                .contains("selesai");
        assertThat(cases.detail(started.caseId()).currentStep()).isEqualTo(4);
    }

    @Test
    void aHandOffIsHandedAndReceivedBackWithItsResult() throws Exception {
        CaseService.Started started = startCuti();
        long id = started.caseId();
        // Steps 2..6 through the service, then step 7 (BKD) through the page.
        String[][] walk = {{"staf.kepegawaian", "APPROVE"}, {"kasubbag.umum", "COMPLETE"}, {"sekdis", "APPROVE"},
                {"kadis", "COMPLETE"}, {"kasubbag.umum", "COMPLETE"}};
        for (String[] w : walk) {
            long t = currentTask(id);
            cases.act(t, Action.CLAIM, w[0], null, null);
            cases.act(t, Action.valueOf(w[1]), w[0], null, null);
        }
        long bkd = currentTask(id);
        htmx("kasubbag.umum", bkd, "ambil", null).andExpect(status().isOk());
        assertThat(body(htmx("kasubbag.umum", bkd, "serahkan", "diantar ke BKD").andExpect(status().isOk())))
                .contains("telah diserahkan").contains(">Terima kembali<");
        assertThat(body(htmx("kasubbag.umum", bkd, "terima", "").andExpect(status().isBadRequest())))
                .contains("Tuliskan hasil");
        assertThat(body(htmx("kasubbag.umum", bkd, "terima", "Surat izin cuti No. 851/123/BKD")
                .andExpect(status().isOk()))).contains("diterima kembali");
        assertThat(cases.detail(id).currentStep()).isEqualTo(8);
    }

    @Test
    void aUserOfAnotherJabatanGetsAClear403NotA500() throws Exception {
        CaseService.Started started = startCuti();
        long task = currentTask(started.caseId());
        String refused = body(htmx("kadis", task, "ambil", null).andExpect(status().isForbidden()));
        assertThat(refused).startsWith("<tr id=\"tugas-" + task + "\" class=\"has-problem\">")
                .contains("<p role=\"alert\" class=\"alert\">Jabatan Anda tidak berwenang mengerjakan tugas ini");
        cases.act(task, Action.CLAIM, "staf.kepegawaian", null, null);
        assertThat(body(htmx("staf.ukm", task, "sesuai", null).andExpect(status().isForbidden())))
                .contains("tidak berwenang");
        assertThat(cases.detail(started.caseId()).currentStep()).isEqualTo(2);
    }

    @Test
    void whenSomeoneElseWasFasterTheRowSaysSoAndIsRefreshed() throws Exception {
        CaseService.Started started = startCuti();
        long task = currentTask(started.caseId());
        htmx("staf.kepegawaian", task, "ambil", null).andExpect(status().isOk());
        // Another tab (or a colleague's Plh) finished it first.
        cases.act(task, Action.APPROVE, "staf.kepegawaian", null, null);
        String late = body(htmx("staf.kepegawaian", task, "sesuai", null).andExpect(status().isConflict()));
        assertThat(late).startsWith("<tr").contains("Tugas ini sudah diambil/diselesaikan oleh orang lain")
                .doesNotContain(">Sesuai<");
        // A claim that comes second.
        CaseService.Started other = startCuti();
        long second = currentTask(other.caseId());
        cases.act(second, Action.CLAIM, "staf.kepegawaian", null, null);
        assertThat(body(htmx("staf.kepegawaian", second, "ambil", null).andExpect(status().isConflict())))
                .contains("sudah diambil/diselesaikan oleh orang lain").contains(">Sesuai<");
    }

    @Test
    void withoutHtmxAnActionRedirectsBackToTheListWithItsMessage() throws Exception {
        CaseService.Started started = startCuti();
        long task = currentTask(started.caseId());
        mvc.perform(post("/tugas/" + task + "/ambil").with(as("staf.kepegawaian")).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/tugas"))
                .andExpect(flash().attribute("flash", "Tugas kasus " + started.registrationNo() + " telah Anda ambil."));
        mvc.perform(post("/tugas/" + task + "/ambil").with(as("staf.kepegawaian")))
                .andExpect(status().isForbidden()); // no CSRF token: refused before anything happens
    }

    @Test
    void badTaskNumbersVerbsAndDatesAreClearErrors() throws Exception {
        assertThat(body(htmx("staf.kepegawaian", 999_999_999L, "ambil", null).andExpect(status().isNotFound())))
                .contains("Tugas tidak ditemukan");
        mvc.perform(post("/tugas/abc/ambil").with(as("staf.kepegawaian")).with(csrf()).header("HX-Request", "true"))
                .andExpect(status().isNotFound());
        long task = currentTask(startCuti().caseId());
        mvc.perform(post("/tugas/" + task + "/hapus").with(as("staf.kepegawaian")).with(csrf())
                .header("HX-Request", "true")).andExpect(status().isNotFound());
        String badDate = mvc.perform(get("/tugas").param("sampai", "2026-13-45").with(as("staf.kepegawaian")))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(badDate).contains("Tanggal tidak sah").contains("value=\"2026-13-45\"");
        mvc.perform(get("/tugas").param("sampai", "besok<script>").with(as("staf.kepegawaian")))
                .andExpect(status().isBadRequest());
        String until = mvc.perform(get("/tugas/daftar").param("sampai", "2026-03-02").with(as("staf.kepegawaian")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(until).startsWith("<div").contains("daftar-tugas");
        // Over-long and control characters in the note.
        cases.act(task, Action.CLAIM, "staf.kepegawaian", null, null);
        assertThat(body(htmx("staf.kepegawaian", task, "belum-sesuai", "x".repeat(10_000))
                .andExpect(status().isBadRequest()))).contains("Paling banyak 2000 karakter");
        assertThat(body(htmx("staf.kepegawaian", task, "belum-sesuai", "alasan\u0000\u0007")
                .andExpect(status().isBadRequest()))).contains("karakter kendali");
    }

    @Test
    void signedOutVisitorsAreSentToTheLoginPage() throws Exception {
        mvc.perform(get("/tugas")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/kasus/baru")).andExpect(status().is3xxRedirection());
    }
}
