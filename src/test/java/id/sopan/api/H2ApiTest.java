package id.sopan.api;

import id.sopan.catalog.CatalogExport;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** The API on H2 (in memory): the contract, plus sign-in, errors, the catalog, the OpenAPI document and the web chain. */
@TestPropertySource(properties = {"spring.datasource.url=jdbc:h2:mem:api;DB_CLOSE_DELAY=-1",
        "sopan.attachments.dir=target/test-attachments"})
class H2ApiTest extends ApiContract {

    @Autowired
    UserDetailsService users;

    static void assertProblem(ApiClient.Response r, int status) {
        assertThat(r.status()).as(r.raw().body()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.body().get("status").asInt()).isEqualTo(status);
        assertThat(r.body().get("title").asString()).isNotBlank();
        assertThat(r.body().get("detail").asString()).isNotBlank();
    }

    // --- sign-in ---

    @Test
    void anAnonymousCallIs401ProblemJsonInIndonesianOrEnglish() {
        ApiClient.Response r = api.get("/api/tasks").send();
        assertProblem(r, 401);
        assertThat(r.header("WWW-Authenticate")).startsWith("Basic realm=\"Sopan\"");
        assertThat(r.body().get("title").asString()).isEqualTo("Perlu masuk");
        assertThat(r.body().get("instance").asString()).isEqualTo("/api/tasks");
        assertThat(r.header("Set-Cookie")).isNull();

        ApiClient.Response en = api.get("/api/tasks").header("Accept-Language", "en-GB,en;q=0.8").send();
        assertProblem(en, 401);
        assertThat(en.body().get("title").asString()).isEqualTo("Sign-in required");
    }

    @Test
    void aWrongPasswordOrAnUnknownUserIs401() {
        ApiClient.Response wrong = api.get("/api/tasks").as("staf.kepegawaian", "salah").send();
        assertProblem(wrong, 401);
        assertThat(wrong.body().get("detail").asString()).contains("kata sandi salah");
        assertProblem(api.get("/api/tasks").as("tidak.ada", "demo").send(), 401);
        ApiClient.Response right = api.get("/api/tasks").as("staf.kepegawaian").send();
        assertThat(right.status()).isEqualTo(200);
        assertThat(right.header("Set-Cookie")).as("stateless: no session").isNull();
    }

    @Test
    void rolesComeFromTheJabatanAndTheAdminList() {
        assertThat(authorities("kadis")).containsExactlyInAnyOrder("ROLE_USER", "ROLE_KEPALA");
        assertThat(authorities("sekdis")).containsExactlyInAnyOrder("ROLE_USER", "ROLE_KEPALA");
        assertThat(authorities("kasubbag.umum")).containsExactlyInAnyOrder("ROLE_USER", "ROLE_ADMIN");
        assertThat(authorities("pegawai")).containsExactly("ROLE_USER");
        assertThat(users.loadUserByUsername("pegawai").getPassword()).isNull();
    }

    private List<String> authorities(String username) {
        return users.loadUserByUsername(username).getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
    }

    @Test
    void aUserOfAnotherJabatanCannotClaim() {
        long id = startCuti().get("caseId").asLong();
        long task = inWorklist(id, "staf.kepegawaian").get("taskId").asLong();
        ApiClient.Response r = act(task, "claim", "kadis", null);
        assertProblem(r, 403);
        assertThat(r.body().get("title").asString()).isEqualTo("Tidak berwenang");
        assertThat(ok(act(task, "claim", "staf.kepegawaian", null)).get("taskStatus").asString()).isEqualTo("CLAIMED");
    }

    // --- cases ---

    @Test
    void startingACaseAnswers201WithItsLocation() {
        ApiClient.Response r = api.post("/api/cases").as("staf.umum").json(Map.of("sopCode", "UMM-06",
                "pemohon", Map.of("kind", "PERSON", "name", "Ujang", "contact", "0812"), "fulfilled", List.of())).send();
        assertThat(r.status()).isEqualTo(201);
        long id = r.body().get("caseId").asLong();
        assertThat(r.header("Location")).endsWith("/api/cases/" + id);
        JsonNode d = detail(id, "staf.umum");
        assertThat(d.get("startedBy").asString()).isEqualTo("staf.umum");
        assertThat(d.get("currentStep").asInt()).as("not submitted by the pemohon: step 1 is open").isEqualTo(1);
        assertThat(d.get("pemohon").get("kind").asString()).isEqualTo("PERSON");
        assertThat(d.toString()).doesNotContain("password").doesNotContain("sopVersionId");
    }

    @Test
    void aCaseIsShownOnlyToThoseInvolvedAndTheHeads() {
        long id = startCuti().get("caseId").asLong();
        assertThat(detail(id, "staf.kepegawaian").get("tasks").get(1).get("permittedActions").toString())
                .contains("CLAIM");
        assertThat(detail(id, "kadis").get("id").asLong()).isEqualTo(id);
        assertProblem(api.get("/api/cases/" + id).as("staf.ukm").send(), 403);
        assertProblem(api.get("/api/cases/999999999").as("kadis").send(), 404);
    }

    @Test
    void onlyTheHeadsTheAdminsOrTheStarterCancel() {
        long a = startCuti().get("caseId").asLong();
        ApiClient.Response refused = api.post("/api/cases/" + a + "/cancel").as("staf.kepegawaian")
                .json(Map.of("reason", "salah input")).send();
        assertProblem(refused, 403);
        assertThat(refused.body().get("detail").asString()).contains("dibatalkan");
        assertProblem(api.post("/api/cases/" + a + "/cancel").as("pegawai").json(Map.of("reason", " ")).send(), 400);
        ApiClient.Response cancelled = api.post("/api/cases/" + a + "/cancel").as("pegawai")
                .json(Map.of("reason", "permohonan ditarik")).send();
        assertThat(ok(cancelled).get("status").asString()).isEqualTo("CANCELLED");
        ApiClient.Response twice = api.post("/api/cases/" + a + "/cancel").as("sekdis")
                .json(Map.of("reason", "lagi")).send();
        assertProblem(twice, 409);
        assertThat(twice.body().get("action").asString()).isEqualTo("CANCEL");

        long b = startCuti().get("caseId").asLong();
        assertThat(ok(api.post("/api/cases/" + b + "/cancel").as("sekdis").json(Map.of("reason", "r")).send())
                .get("status").asString()).isEqualTo("CANCELLED");
        long c = startCuti().get("caseId").asLong();
        assertThat(ok(api.post("/api/cases/" + c + "/cancel").as("kasubbag.umum").json(Map.of("reason", "r")).send())
                .get("status").asString()).isEqualTo("CANCELLED");
    }

    // --- errors ---

    @Test
    void anIllegalActionIs409NamingTheCaseTheStepAndTheAction() {
        JsonNode started = startCuti();
        long task = inWorklist(started.get("caseId").asLong(), "staf.kepegawaian").get("taskId").asLong();
        ApiClient.Response r = act(task, "complete", "staf.kepegawaian", Map.of("outcome", "SESUAI"));
        assertProblem(r, 409);
        assertThat(r.body().get("case").asString()).isEqualTo(started.get("registrationNo").asString());
        assertThat(r.body().get("step").asInt()).isEqualTo(2);
        assertThat(r.body().get("action").asString()).isEqualTo("APPROVE");
        assertThat(r.body().get("detail").asString()).startsWith("Kasus " + started.get("registrationNo").asString());
        ApiClient.Response en = api.post("/api/tasks/" + task + "/complete").as("staf.kepegawaian")
                .header("Accept-Language", "en").json(Map.of("outcome", "SESUAI")).send();
        assertThat(en.body().get("detail").asString()).startsWith("Case ").contains("APPROVE");
        assertProblem(act(999999999L, "claim", "staf.kepegawaian", null), 404);
    }

    @Test
    void malformedRequestsAre400NamingTheField() {
        ApiClient.Response noSop = api.post("/api/cases").as("pegawai")
                .json(Map.of("pemohon", Map.of("kind", "PERSON", "name", "X"))).send();
        assertProblem(noSop, 400);
        assertThat(noSop.body().get("field").asString()).isEqualTo("sopCode");
        assertThat(noSop.body().get("detail").asString()).isEqualTo("Kolom sopCode wajib diisi.");
        ApiClient.Response noSopEn = api.post("/api/cases").as("pegawai").header("Accept-Language", "en")
                .json(Map.of("pemohon", Map.of("kind", "PERSON", "name", "X"))).send();
        assertThat(noSopEn.body().get("detail").asString()).isEqualTo("Field sopCode is required.");

        assertField(api.post("/api/cases").as("pegawai").json(Map.of("sopCode", "XXX-99",
                "pemohon", Map.of("kind", "PERSON", "name", "X"))).send(), "sopCode");
        assertField(api.post("/api/cases").as("pegawai").json(Map.of("sopCode", "UMM-06",
                "pemohon", Map.of("kind", "ALIEN", "name", "X"))).send(), "pemohon.kind");
        assertField(api.post("/api/cases").as("pegawai").json(Map.of("sopCode", "UMM-06",
                "pemohon", Map.of("kind", "PERSON", "name", "X"), "fulfilled", List.of(9))).send(), "fulfilled");
        assertField(api.post("/api/cases").as("pegawai")
                .json("{\"sopCode\":\"UMM-06\",\"fulfilled\":\"semua\"}").send(), "fulfilled");
        assertField(api.post("/api/cases").as("pegawai")
                .json("{\"sopCode\":\"UMM-06\",\"submittedByPemohon\":{\"a\":1}}").send(), "submittedByPemohon");

        ApiClient.Response notJson = api.post("/api/cases").as("pegawai").json("{\"sopCode\": ").send();
        assertProblem(notJson, 400);
        assertThat(notJson.body().get("detail").asString()).contains("JSON");
        ApiClient.Response noBody = api.post("/api/cases").as("pegawai").header("Content-Type", "application/json").send();
        assertProblem(noBody, 400);
        assertThat(noBody.body().get("detail").asString()).isEqualTo("Isi permintaan (JSON) wajib ada.");

        long task = inWorklist(startCuti().get("caseId").asLong(), "staf.kepegawaian").get("taskId").asLong();
        ok(act(task, "claim", "staf.kepegawaian", null));
        assertField(act(task, "complete", "staf.kepegawaian", Map.of("outcome", "BELUM_SESUAI")), "note");
        assertField(act(task, "complete", "staf.kepegawaian", Map.of("outcome", "MUNGKIN")), "outcome");
        assertField(act(task, "complete", "staf.kepegawaian", Map.of("note", "x")), "outcome");
        assertField(act(task, "receive", "staf.kepegawaian", Map.of("outcome", "SESUAI")), "note");
        assertField(api.post("/api/tasks/" + task + "/release").as("staf.kepegawaian")
                .header("Idempotency-Key", "k".repeat(101)).send(), "Idempotency-Key");
        assertField(api.post("/api/tasks/abc/claim").as("staf.kepegawaian").send(), "id");
        assertField(api.get("/api/tasks?limit=0").as("staf.kepegawaian").send(), "limit");
        assertField(api.get("/api/tasks?limit=banyak").as("staf.kepegawaian").send(), "limit");
        // None of it acted: the task is still claimed and waiting.
        assertThat(inWorklist(detailCaseOf(task), "staf.kepegawaian").get("status").asString()).isEqualTo("CLAIMED");
    }

    @Test
    void requestsNoControllerTakesAreProblemJsonUnderApiAndErrorPagesElsewhere() throws Exception {
        ApiClient.Response method = api.method("DELETE", "/api/tasks").as("pegawai").send();
        assertProblem(method, 405);
        assertThat(method.header("Allow")).contains("GET");
        assertProblem(api.get("/api/tidak-ada").as("pegawai").send(), 404);
        ApiClient.Response media = api.post("/api/cases").as("pegawai").header("Content-Type", "text/plain").send();
        assertProblem(media, 415);
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/katalog/XXX-99")).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
    }

    private long detailCaseOf(long taskId) {
        ApiClient.Response r = api.get("/api/tasks?limit=200").as("staf.kepegawaian").send();
        return StreamSupport.stream(r.body().spliterator(), false).filter(t -> t.get("taskId").asLong() == taskId)
                .findFirst().orElseThrow().get("caseId").asLong();
    }

    private static void assertField(ApiClient.Response r, String field) {
        assertProblem(r, 400);
        assertThat(r.body().get("field").asString()).isEqualTo(field);
        assertThat(r.body().get("title").asString()).isEqualTo("Permintaan tidak sah");
    }

    // --- catalog and OpenAPI ---

    @Test
    void theCatalogIsPublicAndAnSopComesInTheExportShape() {
        ApiClient.Response list = api.get("/api/catalog").send();
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body().get("office").asString()).isEqualTo(OFFICE);
        assertThat(list.body().get("sops")).hasSize(48);
        ApiClient.Response one = api.get("/api/catalog/UMM-06").send();
        assertThat(one.status()).isEqualTo(200);
        String exported = CatalogExport.toJson(catalog.findCurrent(OFFICE, "UMM-06").orElseThrow());
        assertThat(one.body()).isEqualTo(api.mapper().readTree(exported));
        assertProblem(api.get("/api/catalog/XXX-99").send(), 404);
    }

    @Test
    void theOpenApiDocumentNamesTheEndpoints() {
        ApiClient.Response r = api.get("/v3/api-docs").send();
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("application/json");
        JsonNode paths = r.body().get("paths");
        assertThat(paths.has("/api/tasks")).isTrue();
        assertThat(paths.has("/api/tasks/{id}/complete")).isTrue();
        assertThat(paths.has("/api/cases")).isTrue();
        assertThat(paths.has("/katalog")).as("only the API").isFalse();
        JsonNode complete = paths.get("/api/tasks/{id}/complete").get("post").get("responses");
        assertThat(complete.get("200").get("content").has("application/json")).isTrue();
        assertThat(complete.get("409").get("content").get("application/problem+json").toString()).contains("Problem");
        assertThat(r.body().get("components").get("securitySchemes").get("basic").get("scheme").asString())
                .isEqualTo("basic");
        ApiClient.Response ui = api.get("/swagger-ui/index.html").send();
        assertThat(ui.status()).isEqualTo(200);
    }

    // --- the web chain ---

    @Test
    void theCatalogPagesStayPublicAndOtherPagesNeedAFormLoginWithCsrf() throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
        String base = "http://localhost:" + port;
        assertThat(browser.send(HttpRequest.newBuilder(URI.create(base + "/katalog")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        assertThat(browser.send(HttpRequest.newBuilder(URI.create(base + "/katalog/UMM-06")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        HttpResponse<String> hidden = browser.send(HttpRequest.newBuilder(URI.create(base + "/kotak-tugas")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(hidden.statusCode()).isEqualTo(302);
        assertThat(hidden.headers().firstValue("Location").orElseThrow()).endsWith("/login");

        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Kata sandi");
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
        assertThat(csrf.find()).as("the login form carries a CSRF token").isTrue();

        HttpResponse<String> forged = browser.send(form(base + "/login", "username=pegawai&password=demo"),
                HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).as("no CSRF token").isEqualTo(403);
        HttpResponse<String> wrong = browser.send(form(base + "/login", "username=pegawai&password=salah&_csrf="
                + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)), HttpResponse.BodyHandlers.ofString());
        assertThat(wrong.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
        HttpResponse<String> signedIn = browser.send(form(base + "/login", "username=pegawai&password=demo&_csrf="
                + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
    }

    @Test
    void theSopPageShowsItsFlowchartAsInlineSvgInTheReadersLanguage() throws Exception {
        HttpClient browser = HttpClient.newHttpClient();
        String base = "http://localhost:" + port;
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(base + "/katalog/UMM-06")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        String body = page.body();
        assertThat(body).contains("Diagram alur").contains("<svg").contains("</svg>");
        String svg = body.substring(body.indexOf("<svg"), body.indexOf("</svg>") + "</svg>".length());
        assertThat(svg).contains("aria-label=\"Diagram alur SOP UMM-06 Pembuatan Usulan Permohonan Cuti Tahunan, halaman 1 dari 1\"")
                .contains(">Ya<").contains(">Tidak<").contains(">BKD<");
        for (int step = 1; step <= 10; step++) {
            assertThat(svg).contains(">" + step + "</tspan>");
        }
        assertThat(Pattern.compile("class=\"fc-symbol fc-decision\"").matcher(svg).results().count()).isEqualTo(2);
        assertThat(Pattern.compile("class=\"fc-symbol fc-terminator\"").matcher(svg).results().count()).isEqualTo(2);
        // The drawing sits above the steps table.
        assertThat(body.indexOf("<svg")).isLessThan(body.indexOf("<table class=\"steps\""));

        HttpResponse<String> english = browser.send(HttpRequest.newBuilder(URI.create(base + "/katalog/UMM-06?lang=en"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(english.body()).contains("Flowchart of SOP UMM-06").contains(">Yes<").contains(">Activity<");
    }

    private static HttpRequest form(String url, String body) {
        return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /** A multipart upload, built by hand so that the file name can be anything a client might send. */
    private java.net.http.HttpResponse<String> upload(long caseId, String user, String fileName, byte[] content,
                                                      Integer requirementNo) throws Exception {
        String boundary = "sopan-boundary-42";
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n";
        body.write(head.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        body.write(content);
        body.write("\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        if (requirementNo != null) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"requirementNo\"\r\n\r\n"
                    + requirementNo + "\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + "/api/cases/" + caseId + "/attachments"))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":demo")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        return java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void kelengkapanFilesAreUploadedCheckedAndDownloaded() throws Exception {
        long id = startCuti().get("caseId").asLong();
        byte[] pdf = "%PDF-1.4 KTP".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        var stored = upload(id, "pegawai", "../../../etc/ktp.pdf", pdf, 4);
        assertThat(stored.statusCode()).isEqualTo(201);
        JsonNode file = api.mapper().readTree(stored.body());
        assertThat(file.get("fileName").asString()).isEqualTo("ktp.pdf");
        assertThat(file.get("sha256").asString()).hasSize(64);
        assertThat(detail(id, "pegawai").get("kelengkapan").get(3).get("fulfilled").asBoolean()).isTrue();

        var download = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + "/api/cases/" + id + "/attachments/"
                                + file.get("id").asLong()))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                        "staf.kepegawaian:demo".getBytes(java.nio.charset.StandardCharsets.UTF_8))).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(pdf);
        assertThat(download.headers().firstValue("Content-Disposition").orElse("")).contains("ktp.pdf");
        assertThat(download.headers().firstValue("X-Content-Type-Options").orElse("")).isEqualTo("nosniff");

        var wrongType = upload(id, "pegawai", "setup.exe", pdf, null);
        assertThat(wrongType.statusCode()).isEqualTo(400);
        assertThat(wrongType.body()).contains("\"field\":\"file\"").contains("PDF, JPG, PNG, DOCX dan XLSX");
        var disguised = upload(id, "pegawai", "foto.png", pdf, null);
        assertThat(disguised.statusCode()).isEqualTo(400);
        assertThat(disguised.body()).contains("bukan PNG");
        assertThat(upload(id, "staf.ukm", "ktp.pdf", pdf, null).statusCode()).isEqualTo(403);
        assertProblem(api.get("/api/cases/" + id + "/attachments/999999").as("pegawai").send(), 404);
        assertThat(api.get("/api/cases/" + id + "/attachments").as("pegawai").send().body().size()).isEqualTo(1);
        assertThat(api.get("/api/notifications").as("pegawai").send().status()).isEqualTo(200);
    }

    @Test
    void theSopPageOffersItsTableAsXlsx() throws Exception {
        var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + "/katalog/UMM-06/xlsx")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("spreadsheetml");
        assertThat(new String(response.body(), 0, 2, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("PK");
        var page = api.get("/katalog/UMM-06").send();
        assertThat(page.raw().body()).contains("/katalog/UMM-06/xlsx", "/katalog/UMM-06/pdf", "/katalog/UMM-06/bpmn");
        var pdf = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + "/katalog/UMM-06/pdf?kertas=a4")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(new String(pdf.body(), 0, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF");
        assertThat(api.get("/katalog/UMM-06/bpmn").send().raw().body()).contains("<process id=\"sop_UMM_06\"");
        assertThat(api.get("/katalog/XXX-99/xlsx").send().status()).isEqualTo(404);
    }
}
