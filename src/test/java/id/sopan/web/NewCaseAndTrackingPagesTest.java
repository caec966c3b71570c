package id.sopan.web;

import id.sopan.casework.CaseService;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The new case form (validation that keeps every value), its tanda terima, and the public Lacak page. */
class NewCaseAndTrackingPagesTest extends WebTestSupport {

    private static Map<String, String> valid() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("sop", "KOP-01");
        form.put("jenis", "ORGANIZATION");
        form.put("nama", "Koperasi Sauyunan");
        form.put("kontak", "0812-2233-4455");
        return form;
    }

    private String submit(Map<String, String> fields, int expectedStatus, String... items) throws Exception {
        MockHttpServletRequestBuilder request = post("/kasus/baru").with(as("staf.umum")).with(csrf());
        fields.forEach(request::param);
        if (items.length > 0) {
            request.param("kelengkapan", items);
        }
        return mvc.perform(request).andExpect(status().is(expectedStatus)).andReturn().getResponse()
                .getContentAsString();
    }

    @Test
    void theFormGroupsTheSopsAndLoadsTheChecklistWithHtmx() throws Exception {
        String page = mvc.perform(get("/kasus/baru").with(as("staf.umum"))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(page).contains("<optgroup label=\"Pelayanan Kesekretariatan\">").contains("UMM-06")
                .contains("hx-get=\"/kasus/baru/kelengkapan\"").contains("<label for=\"nama\">");
        String checklist = mvc.perform(get("/kasus/baru/kelengkapan").param("sop", "UMM-06").with(as("staf.umum")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(checklist).startsWith("<fieldset").contains("name=\"kelengkapan\" value=\"5\"")
                .doesNotContain("value=\"6\"");
        assertThat(mvc.perform(get("/kasus/baru/kelengkapan").param("sop", "XXX-99").with(as("staf.umum")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("Pilih SOP untuk melihat kelengkapannya");
    }

    @Test
    void aValidFormStartsTheCaseAndLeadsToItsTandaTerima() throws Exception {
        Map<String, String> form = valid();
        form.put("nama", "<script>alert('x')</script> Koperasi");
        var result = mvc.perform(post("/kasus/baru").with(as("staf.umum")).with(csrf())
                        .param("sop", "KOP-01").param("jenis", "ORGANIZATION").param("nama", form.get("nama"))
                        .param("kontak", "0812").param("kelengkapan", "1"))
                .andExpect(status().is3xxRedirection()).andReturn();
        String location = result.getResponse().getRedirectedUrl();
        assertThat(location).matches("/kasus/\\d+/tanda-terima");
        String receipt = mvc.perform(get(location).with(as("staf.umum"))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        long id = Long.parseLong(location.split("/")[2]);
        var detail = cases.detail(id);
        assertThat(receipt).contains(detail.registrationNo()).contains(detail.trackingCode())
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Koperasi").doesNotContain("<script>alert")
                .contains("☑ ada");
        assertThat(detail.pemohon().name()).isEqualTo("<script>alert('x')</script> Koperasi");
        assertThat(detail.requirements().get(0).fulfilled()).isTrue();
        assertThat(detail.startedBy()).isEqualTo("staf.umum");
    }

    @Test
    void missingFieldsAreNamedAndNothingEnteredIsLost() throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("kontak", "Jl. Siliwangi 12 <b>");
        String page = submit(form, 400, "1");
        assertThat(page).contains("id=\"sop-error\"").contains("id=\"jenis-error\"").contains("id=\"nama-error\"")
                .contains("Wajib diisi.").contains("value=\"Jl. Siliwangi 12 &lt;b&gt;\"")
                .contains("aria-invalid=\"true\"").contains("isian yang perlu diperbaiki");
        // An employee needs a NIP or a username; an outsider a contact.
        Map<String, String> employee = valid();
        employee.put("sop", "UMM-06");
        employee.put("jenis", "EMPLOYEE");
        employee.remove("kontak");
        assertThat(submit(employee, 400)).contains("id=\"nip-error\"").contains("isi NIP atau nama pengguna")
                .contains("<option value=\"UMM-06\" selected=\"selected\"");
        Map<String, String> outsider = valid();
        outsider.remove("kontak");
        assertThat(submit(outsider, 400)).contains("id=\"kontak-error\"").contains("value=\"Koperasi Sauyunan\"");
    }

    @Test
    void malformedValuesGetClearMessagesNeverA500() throws Exception {
        Map<String, String> longName = valid();
        longName.put("nama", "x".repeat(10_000));
        assertThat(submit(longName, 400)).contains("Paling banyak 200 karakter (terisi 10000)");
        Map<String, String> control = valid();
        control.put("nama", "Koperasi\u0000\u001b[31m");
        assertThat(submit(control, 400)).contains("karakter kendali");
        Map<String, String> badNip = valid();
        badNip.put("nip", "19671119abc");
        assertThat(submit(badNip, 400)).contains("NIP harus 18 angka");
        Map<String, String> badUser = valid();
        badUser.put("pengguna", "tidak.ada");
        assertThat(submit(badUser, 400)).contains("Nama pengguna ini tidak dikenal");
        Map<String, String> badKind = valid();
        badKind.put("jenis", "ALIEN");
        assertThat(submit(badKind, 400)).contains("Pilih salah satu jenis pemohon");
        Map<String, String> badSop = valid();
        badSop.put("sop", "XXX-99");
        assertThat(submit(badSop, 400)).contains("Tidak ada SOP berlaku");
        assertThat(submit(valid(), 400, "satu")).contains("Butir kelengkapan &quot;satu&quot; tidak ada");
        assertThat(submit(valid(), 400, "99")).contains("Butir kelengkapan &quot;99&quot; tidak ada (SOP ini memiliki");
        assertThat(submit(valid(), 400, "-1")).contains("tidak ada");
        assertThat(submit(valid(), 400, "1e9999999999999999999")).contains("tidak ada");
        Map<String, String> english = valid();
        english.put("nama", "");
        english.put("lang", "en");
        assertThat(submit(english, 400)).contains("Required.");
    }

    // --- Lacak ---

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private org.springframework.test.web.servlet.ResultActions track(String address, String number, String code)
            throws Exception {
        return mvc.perform(post("/lacak").with(csrf()).with(from(address)).param("nomor", number).param("kode", code));
    }

    @Test
    void lacakFindsACaseByNumberAndCodeWithoutAnythingPersonal() throws Exception {
        mvc.perform(get("/lacak")).andExpect(status().isOk());
        CaseService.Started started = startCuti();
        String found = track("10.1.0.1", started.registrationNo(), started.trackingCode().toLowerCase())
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(found).contains(started.registrationNo()).contains("Dalam proses").contains("Langkah 2")
                .contains("Staf Kepegawaian").contains("Perkiraan selesai").contains("WIB")
                .doesNotContain("Ai Komariah").doesNotContain("196711191991032032")
                .doesNotContainPattern("\\bpegawai\\b") // the username (the SOP's "Kepegawaian" is fine)
                .doesNotContain(started.trackingCode());
    }

    @Test
    void aWrongNumberAndAWrongCodeGetTheSameAnswer() throws Exception {
        CaseService.Started started = startCuti();
        String wrongCode = track("10.2.0.1", started.registrationNo(), "ZZZZ2222")
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();
        String wrongNumber = track("10.2.0.1", "DKUKM/2026/999999", started.trackingCode())
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();
        assertThat(wrongCode).contains("Tidak ditemukan. Periksa nomor registrasi dan kode lacak.")
                .doesNotContain("Dalam proses");
        assertThat(alertOf(wrongNumber)).isEqualTo(alertOf(wrongCode));
        assertThat(wrongNumber.replace("DKUKM/2026/999999", "N").replaceAll("name=\"_csrf\" value=\"[^\"]+\"", "")
                .replaceAll("content=\"[^\"]{40,}\"", ""))
                .isEqualTo(wrongCode.replace(started.registrationNo(), "N")
                        .replaceAll("name=\"_csrf\" value=\"[^\"]+\"", "").replaceAll("content=\"[^\"]{40,}\"", ""));
        // Blank or over-long input: named fields, still nothing about any case.
        String blank = track("10.2.0.1", " ", "").andExpect(status().isBadRequest()).andReturn().getResponse()
                .getContentAsString();
        assertThat(blank).contains("id=\"nomor-error\"").contains("id=\"kode-error\"");
        track("10.2.0.1", "D".repeat(10_000), "<script>").andExpect(status().isBadRequest());
    }

    private static String alertOf(String page) {
        int start = page.indexOf("class=\"alert\"");
        return page.substring(start, page.indexOf("</p>", start));
    }

    @Test
    void lacakIsLimitedPerClientAddress() throws Exception {
        for (int i = 0; i < 20; i++) {
            track("10.3.0.1", "DKUKM/2026/000001", "AAAA2222").andExpect(status().isNotFound());
        }
        String limited = track("10.3.0.1", "DKUKM/2026/000001", "AAAA2222").andExpect(status().isTooManyRequests())
                .andReturn().getResponse().getContentAsString();
        assertThat(limited).contains("Terlalu banyak pencarian").doesNotContain("Tidak ditemukan");
        track("10.3.0.2", "DKUKM/2026/000001", "AAAA2222").andExpect(status().isNotFound());
    }
}
