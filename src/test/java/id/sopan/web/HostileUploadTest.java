package id.sopan.web;

import id.sopan.support.HostileZips;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

/**
 * Hostile uploads on the case page ({@code POST /kasus/{id}/lampiran}) and the API
 * ({@code POST /api/cases/{id}/attachments}): the wrong content behind a good extension, zip bombs and path-named
 * entries in DOCX/XLSX, names that try to be paths, oversize files. Each refused with a 400 (413 beyond the servlet's
 * limit) that names the field, in Indonesian unless asked otherwise, and leaves no row and no file behind; an accepted
 * name is kept as text only.
 */
class HostileUploadTest extends WebTestSupport {

    private static final byte[] PDF = "%PDF-1.4 surat permohonan".getBytes(StandardCharsets.US_ASCII);
    private static final Path STORE = Path.of("target/test-attachments-web");

    @Autowired
    JdbcClient jdbc;

    /** One hostile file and the message key it must be refused with. */
    record Hostile(String what, String name, byte[] content, String key) {
    }

    static List<Hostile> hostileFiles() throws IOException {
        byte[] docx = HostileZips.zip(HostileZips.docxParts(HostileZips.DOCUMENT_XML));
        List<HostileZips.Entry> bombParts = HostileZips.docxParts(null);
        // 25 MiB of document.xml in about 25 KB: under the 32 KB limit of these tests, far over 100 times its size.
        HostileZips.Entry bomb = HostileZips.bomb("word/document.xml", HostileZips.DOCUMENT_XML.replace(
                "</w:body></w:document>", ""), 25);
        List<HostileZips.Entry> bombEntries = new ArrayList<>(bombParts);
        bombEntries.add(bomb);
        List<HostileZips.Entry> liarEntries = new ArrayList<>(bombParts);
        liarEntries.add(HostileZips.lyingAbout(bomb, 1000));
        List<HostileZips.Entry> traversal = new ArrayList<>(HostileZips.docxParts(HostileZips.DOCUMENT_XML));
        traversal.add(HostileZips.deflated("../../x", "owned".getBytes(StandardCharsets.US_ASCII)));
        List<HostileZips.Entry> absolute = new ArrayList<>(HostileZips.docxParts(HostileZips.DOCUMENT_XML));
        absolute.add(HostileZips.deflated("/etc/cron.d/x", "owned".getBytes(StandardCharsets.US_ASCII)));
        List<HostileZips.Entry> backslash = new ArrayList<>(HostileZips.docxParts(HostileZips.DOCUMENT_XML));
        backslash.add(HostileZips.deflated("word\\..\\..\\x.xml", "owned".getBytes(StandardCharsets.US_ASCII)));
        List<HostileZips.Entry> twice = new ArrayList<>(HostileZips.docxParts(HostileZips.DOCUMENT_XML));
        twice.add(HostileZips.deflated("word/document.xml", "<x/>".getBytes(StandardCharsets.US_ASCII)));
        byte[] plainZip = HostileZips.zip(List.of(HostileZips.deflated("catatan.txt",
                "bukan dokumen".getBytes(StandardCharsets.US_ASCII))));
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        byte[] brokenZip = docx.clone();
        for (int i = 40; i < brokenZip.length - 30; i += 7) {
            brokenZip[i] ^= 0x5A;
        }
        byte[] xlsxAsDocx;
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            book.createSheet("x").createRow(0).createCell(0).setCellValue("angka");
            book.write(out);
            xlsxAsDocx = out.toByteArray();
        }
        byte[] big = new byte[40 * 1024];
        System.arraycopy(PDF, 0, big, 0, PDF.length);
        return List.of(
                new Hostile("an EXE named .pdf", "surat.pdf", bytes("MZ\u0090\u0000\u0003\u0000\u0000\u0000PE"), "attachment.content"),
                new Hostile("HTML named .pdf", "surat.pdf", bytes("<html><script>alert(1)</script></html>"), "attachment.content"),
                new Hostile("SVG named .pdf", "surat.pdf", bytes("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"), "attachment.content"),
                new Hostile("a PNG named .docx", "surat.docx", png, "attachment.content"),
                new Hostile("a plain zip named .xlsx", "data.xlsx", plainZip, "attachment.content"),
                new Hostile("a workbook named .docx", "surat.docx", xlsxAsDocx, "attachment.content"),
                new Hostile("a broken zip named .docx", "surat.docx", brokenZip, "attachment.content"),
                new Hostile("a DOCX zip bomb", "bom.docx", HostileZips.zip(bombEntries), "attachment.zip.bomb"),
                new Hostile("a DOCX zip bomb whose headers claim 1000 bytes", "bom.docx", HostileZips.zip(liarEntries), "attachment.zip.bomb"),
                new Hostile("a DOCX with an entry ../../x", "jalur.docx", HostileZips.zip(traversal), "attachment.zip.badEntry"),
                new Hostile("a DOCX with an absolute entry", "jalur.docx", HostileZips.zip(absolute), "attachment.zip.badEntry"),
                new Hostile("a DOCX with a backslashed entry", "jalur.docx", HostileZips.zip(backslash), "attachment.zip.badEntry"),
                new Hostile("a DOCX with an entry twice", "ganda.docx", HostileZips.zip(twice), "attachment.zip.badEntry"),
                new Hostile("a NUL before .exe", "surat.pdf\u0000.exe", PDF, "attachment.type"),
                new Hostile("an RTL override hiding .exe", "surat\u202Efdp.exe", PDF, "attachment.type"),
                new Hostile("no extension", "..", PDF, "attachment.type"),
                new Hostile("empty", "kosong.pdf", new byte[0], "attachment.empty"),
                new Hostile("beyond sopan.attachments.max-bytes", "besar.pdf", big, "attachment.tooBig"));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    record Stored(long rows, long events, long files) {
    }

    Stored stored() throws IOException {
        long files;
        if (Files.exists(STORE)) {
            try (Stream<Path> walk = Files.walk(STORE)) {
                files = walk.filter(Files::isRegularFile).count();
            }
        } else {
            files = 0;
        }
        return new Stored(jdbc.sql("SELECT COUNT(*) FROM case_attachment").query(Long.class).single(),
                jdbc.sql("SELECT COUNT(*) FROM case_event").query(Long.class).single(), files);
    }

    @Test
    void hostileFilesAreRefusedOnTheCasePageNamingTheFieldAndLeavingNothing() throws Exception {
        long id = startCuti().caseId();
        for (Hostile h : hostileFiles()) {
            Stored before = stored();
            MvcResult result = mvc.perform(multipart("/kasus/" + id + "/lampiran")
                    .file(new MockMultipartFile("file", h.name(), "application/pdf", h.content()))
                    .with(as("pegawai")).with(csrf())).andReturn();
            String body = result.getResponse().getContentAsString();
            assertThat(result.getResponse().getStatus()).as(h.what()).isEqualTo(400);
            // The message is next to the file field, in Indonesian.
            assertThat(body).as(h.what()).contains("id=\"file-error\"").contains(indonesian(h.key()));
            assertThat(stored()).as(h.what()).isEqualTo(before);
        }
    }

    @Test
    void hostileFilesAreRefusedByTheApiAsProblemJsonWithTheField() throws Exception {
        long id = startCuti().caseId();
        for (Hostile h : hostileFiles()) {
            Stored before = stored();
            MvcResult result = mvc.perform(multipart("/api/cases/" + id + "/attachments")
                    .file(new MockMultipartFile("file", h.name(), "application/pdf", h.content()))
                    .with(httpBasic("pegawai", "demo"))).andReturn();
            assertThat(result.getResponse().getStatus()).as(h.what()).isEqualTo(400);
            JsonNode problem = JsonMapper.shared().readTree(result.getResponse().getContentAsString());
            assertThat(problem.get("field").asString()).as(h.what()).isEqualTo("file");
            assertThat(problem.get("detail").asString()).as(h.what()).contains(indonesian(h.key()));
            assertThat(stored()).as(h.what()).isEqualTo(before);
        }
        // In English when asked.
        MvcResult english = mvc.perform(multipart("/api/cases/" + id + "/attachments")
                .file(new MockMultipartFile("file", "bom.docx", "application/pdf", hostileFiles().get(7).content()))
                .header("Accept-Language", "en").with(httpBasic("pegawai", "demo"))).andReturn();
        assertThat(english.getResponse().getContentAsString()).contains("zip bomb");
        // No file part at all: 400 naming it, not a 500.
        MvcResult none = mvc.perform(multipart("/api/cases/" + id + "/attachments").param("x", "y")
                .with(httpBasic("pegawai", "demo"))).andReturn();
        assertThat(none.getResponse().getStatus()).isEqualTo(400);
        assertThat(none.getResponse().getContentAsString()).contains("\"field\":\"file\"");
    }

    @Test
    void namesThatTryToBePathsAreKeptAsHarmlessText() throws Exception {
        long id = startCuti().caseId();
        Map<String, String> names = new LinkedHashMap<>();
        names.put("../../etc/passwd.pdf", "passwd.pdf");
        names.put("..\\..\\x.pdf", "x.pdf");
        names.put("/var/lib/sopan/a.pdf", "a.pdf");
        names.put("C:\\Windows\\System32\\b.pdf", "b.pdf");
        names.put("laporan\u202Egnp.pdf", "laporangnp.pdf");
        names.put("surat\u0007\u001b[31m.pdf", "surat[31m.pdf");
        names.put("x".repeat(5000) + ".pdf", "x".repeat(196) + ".pdf");
        names.put("<img src=x onerror=alert(1)>.pdf", "<img src=x onerror=alert(1)>.pdf");
        names.put("\uD83D\uDE00".repeat(150) + ".pdf", "\uD83D\uDE00".repeat(98) + ".pdf");
        int n = 0;
        for (Map.Entry<String, String> name : names.entrySet()) {
            byte[] content = (new String(PDF, StandardCharsets.US_ASCII) + " " + n++).getBytes(StandardCharsets.US_ASCII);
            MvcResult result = mvc.perform(multipart("/kasus/" + id + "/lampiran")
                    .file(new MockMultipartFile("file", name.getKey(), "application/pdf", content))
                    .with(as("pegawai")).with(csrf())).andReturn();
            assertThat(result.getResponse().getStatus()).as(name.getKey()).isEqualTo(302);
            String stored = jdbc.sql("SELECT file_name FROM case_attachment ORDER BY id DESC FETCH FIRST 1 ROWS ONLY")
                    .query(String.class).single();
            assertThat(stored).as(name.getKey()).isEqualTo(name.getValue());
        }
        // Nothing outside the store: the files are named by their hash alone.
        try (Stream<Path> walk = Files.walk(STORE)) {
            assertThat(walk.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
                    .allMatch(f -> f.matches("[0-9a-f]{64}"));
        }
        assertThat(Path.of("target/etc/passwd.pdf")).doesNotExist();
        // The page shows the names as text.
        String page = mvc.perform(get("/kasus/" + id).with(as("pegawai"))).andReturn().getResponse().getContentAsString();
        assertThat(page).doesNotContain("<img src=x onerror").contains("&lt;img src=x onerror=alert(1)&gt;.pdf");
    }

    @Test
    void anApiUploadBeyondTheServletLimitIsA413NamingTheField() throws Exception {
        long id = startCuti().caseId();
        Stored before = stored();
        String boundary = "sopan-api-boundary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"besar.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        byte[] file = new byte[100 * 1024];
        System.arraycopy(PDF, 0, file, 0, PDF.length);
        body.write(file);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/cases/" + id + "/attachments"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("pegawai:demo".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.body()).contains("\"field\":\"file\"").contains("terlalu besar");
        assertThat(stored()).isEqualTo(before);
    }

    private static String indonesian(String key) {
        // The longest fixed part of the message (between its arguments), as the page and the problem show it.
        String pattern = java.util.ResourceBundle.getBundle("messages", java.util.Locale.ROOT).getString(key);
        return java.util.Arrays.stream(pattern.split("\\{[^}]*\\}")).map(String::strip)
                .max(java.util.Comparator.comparingInt(String::length)).orElseThrow();
    }
}
