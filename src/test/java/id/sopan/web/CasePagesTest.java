package id.sopan.web;

import id.sopan.casework.CaseService;
import id.sopan.engine.Action;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.ResultActions;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The case page (who may see it, steps with actual working time, history), its attachments and its tanda terima. */
class CasePagesTest extends WebTestSupport {

    private static final byte[] PDF = "%PDF-1.4 surat permohonan".getBytes(StandardCharsets.US_ASCII);

    private String page(long caseId, String user) throws Exception {
        return mvc.perform(get("/kasus/" + caseId).with(as(user))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    private ResultActions upload(long caseId, String user, String fileName, byte[] content, String item)
            throws Exception {
        var request = multipart("/kasus/" + caseId + "/lampiran")
                .file(new MockMultipartFile("file", fileName, "application/octet-stream", content))
                .with(as(user)).with(csrf());
        if (item != null) {
            request.param("butir", item);
        }
        return mvc.perform(request);
    }

    @Test
    void theCasePageShowsStatusStepsWithActualWorkingTimeHistoryAndKelengkapan() throws Exception {
        CaseService.Started started = startCuti();
        long id = started.caseId();
        long task = currentTask(id);
        clock.advance(Duration.ofMinutes(45));
        cases.act(task, Action.CLAIM, "staf.kepegawaian", null, null);
        clock.advance(Duration.ofMinutes(45));
        cases.act(task, Action.RETURN, "staf.kepegawaian", "KTP <b>belum</b> dilegalisir", null);

        String page = page(id, "pegawai");
        assertThat(page).contains(started.registrationNo()).contains("Dalam proses").contains("1 kali dikembalikan")
                .contains("Langkah SOP dan waktu nyata")
                // 90 clock minutes in the office are 66 effective minutes (330 of 450 per day), against 30.
                .contains("66 menit kerja").contains("dari 30 menit").contains("Terlambat")
                .contains("Belum sesuai, dikembalikan").contains("sebagai Staf Kepegawaian")
                .contains("KTP &lt;b&gt;belum&lt;/b&gt; dilegalisir").doesNotContain("<b>belum</b>")
                .contains("☑ ada").contains("☐ belum ada").contains("WIB");
        assertThat(page("kadis", id)).contains(started.registrationNo());
        assertThat(page("kasubbag.umum", id)).contains(started.registrationNo());
    }

    private String page(String user, long id) throws Exception {
        return page(id, user);
    }

    @Test
    void othersGetA403PageAndUnknownCasesA404Page() throws Exception {
        long id = startCuti().caseId();
        String refused = mvc.perform(get("/kasus/" + id).with(as("staf.ukm"))).andExpect(status().isForbidden())
                .andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("Anda tidak terlibat dalam kasus ini").contains("<main id=\"main\">");
        mvc.perform(get("/kasus/" + id + "/tanda-terima").with(as("staf.ukm"))).andExpect(status().isForbidden());
        mvc.perform(get("/kasus/" + id + "/lampiran/1").with(as("staf.ukm"))).andExpect(status().isForbidden());
        upload(id, "staf.ukm", "ktp.pdf", PDF, null).andExpect(status().isForbidden());
        assertThat(mvc.perform(get("/kasus/999999999").with(as("kadis"))).andExpect(status().isNotFound())
                .andReturn().getResponse().getContentAsString()).contains("Kasus tidak ditemukan");
        mvc.perform(get("/kasus/abc").with(as("kadis"))).andExpect(status().isNotFound());
        mvc.perform(get("/kasus/99999999999999999999999").with(as("kadis"))).andExpect(status().isNotFound());
    }

    @Test
    void attachmentsAreUploadedListedAndDownloadedAndBadOnesRefusedClearly() throws Exception {
        long id = startCuti().caseId();
        upload(id, "pegawai", "../../../etc/ktp.pdf", PDF, "4").andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", "/kasus/" + id + "#lampiran"));
        String page = page(id, "staf.kepegawaian");
        assertThat(page).contains(">ktp.pdf<").doesNotContain("../").contains("Lampiran ditambahkan");
        long attachment = Long.parseLong(matcher("/kasus/" + id + "/lampiran/(\\d+)", page).group(1));
        byte[] download = mvc.perform(get("/kasus/" + id + "/lampiran/" + attachment).with(as("staf.kepegawaian")))
                .andExpect(status().isOk()).andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(download).isEqualTo(PDF);
        mvc.perform(get("/kasus/" + id + "/lampiran/999999").with(as("pegawai"))).andExpect(status().isNotFound());
        mvc.perform(get("/kasus/" + id + "/lampiran/x").with(as("pegawai"))).andExpect(status().isNotFound());

        assertThat(refusal(upload(id, "pegawai", "setup.exe", PDF, null)))
                .contains("hanya PDF, JPG, PNG, DOCX dan XLSX yang diterima");
        assertThat(refusal(upload(id, "pegawai", "foto.png", PDF, null))).contains("bukan PNG");
        assertThat(refusal(upload(id, "pegawai", "besar.pdf", big(40 * 1024), null))).contains("terlalu besar (maksimal 0 MB)");
        assertThat(refusal(upload(id, "pegawai", "kosong.pdf", new byte[0], null))).contains("berkas kosong.pdf kosong");
        assertThat(refusal(upload(id, "pegawai", "ktp.pdf", PDF, "abc"))).contains("Bukan nomor yang sah");
        assertThat(refusal(upload(id, "pegawai", "ktp.pdf", PDF, "99"))).contains("butir kelengkapan 99 tidak ada");
        assertThat(refusal(upload(id, "pegawai", "<img src=x onerror=alert(1)>.exe", PDF, null)))
                .contains("&lt;img src=x onerror=alert(1)&gt;.exe").doesNotContain("<img src=x");
        String english = refusal(mvc.perform(multipart("/kasus/" + id + "/lampiran").param("lang", "en")
                .file(new MockMultipartFile("file", "setup.exe", "application/octet-stream", PDF))
                .with(as("pegawai")).with(csrf())));
        assertThat(english).contains("only PDF, JPG, PNG, DOCX and XLSX");
        assertThat(refusal(mvc.perform(multipart("/kasus/" + id + "/lampiran").with(as("pegawai")).with(csrf()))))
                .contains("Pilih berkas");
    }

    private static String refusal(ResultActions r) throws Exception {
        String body = r.andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(body).contains("class=\"field-error\"").contains("aria-invalid=\"true\"");
        return body;
    }

    private static byte[] big(int size) {
        byte[] content = new byte[size];
        System.arraycopy(PDF, 0, content, 0, PDF.length);
        return content;
    }

    private static Matcher matcher(String regex, String text) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as(regex).isTrue();
        return m;
    }

    @Test
    void anUploadBeyondTheServletLimitGetsAClearMessageNotAnErrorPage() throws Exception {
        long id = startCuti().caseId();
        CookieManager cookies = new CookieManager();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
        String base = "http://localhost:" + port;
        String login = browser.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        String token = matcher("name=\"_csrf\" value=\"([^\"]+)\"", login).group(1);
        HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=pegawai&password=demo&_csrf="
                        + URLEncoder.encode(token, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        String casePage = browser.send(HttpRequest.newBuilder(URI.create(base + "/kasus/" + id)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        // The upload form carries the token in its address too, so that it survives a body too large to read.
        String action = matcher("action=\"(/kasus/" + id + "/lampiran\\?_csrf=[^\"]+)\"", casePage).group(1)
                .replace("&amp;", "&");

        String boundary = "sopan-web-boundary";
        byte[] file = big(100 * 1024);
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"besar.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        body.write(file);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        HttpResponse<String> tooLarge = browser.send(HttpRequest.newBuilder(URI.create(base + action))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
        // Answered before anything reads the body: back to the case page, which says why.
        assertThat(tooLarge.statusCode()).isEqualTo(303);
        String location = tooLarge.headers().firstValue("Location").orElseThrow();
        assertThat(location).isEqualTo("/kasus/" + id + "?lampiran=terlalu-besar#lampiran");
        HttpResponse<String> shown = browser.send(HttpRequest.newBuilder(URI.create(base + location)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(shown.body()).contains("Berkas terlalu besar").contains("<main id=\"main\">")
                .contains("id=\"file-error\"");
        assertThat(cases.detail(id).history()).noneMatch(e -> "ATTACHMENT_ADDED".equals(e.type()));
    }

    @Test
    void theTandaTerimaShowsTheNumbersTheKelengkapanAndTheExpectedFinishAndPrints() throws Exception {
        CaseService.Started started = startCuti();
        String receipt = mvc.perform(get("/kasus/" + started.caseId() + "/tanda-terima").with(as("pegawai")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(receipt).contains(started.registrationNo()).contains(started.trackingCode())
                .contains("Tanda Terima").contains("Ai Komariah").contains("NIP 196711191991032032")
                .contains("2 Maret 2026").contains("Perkiraan selesai").contains("data-print");
        // Steps 2..10 of UMM-06 one after the other from Monday 08:00 (step 1 was the submission itself).
        var sop = cases.sopOf(started.caseId());
        var calendar = calendars.calendarFor("DKUKM");
        var expected = ExpectedFinish.along(calendar, sop, MONDAY_0800, n -> n > 1);
        assertThat(receipt).contains(new WebFormat().wib(expected.at()));
        // UMM-06 plans 225 minutes in all: the same working day.
        assertThat(expected.at()).isAfter(MONDAY_0800.plus(Duration.ofHours(3))).isBefore(MONDAY_0800.plus(Duration.ofHours(9)));
    }

    @org.springframework.beans.factory.annotation.Autowired
    id.sopan.calendar.CalendarService calendars;
}
