package id.sopan.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Every state-changing form and API endpoint swept with hostile values, field by field, each field's other values
 * valid: over-long text, control characters and NUL, script tags, bad dates and numbers, huge numbers, empty and
 * blank, unicode oddities (half a surrogate pair, a right-to-left override, other digits). Never a 500; a value that
 * cannot be right is refused (a 4xx, or a redirect carrying an error); a script tag never comes back unescaped.
 * The API answers problem JSON naming the field.
 */
class HostileFormsTest extends WebTestSupport {

    static final String SCRIPT = "<script>alert(1)</script>";

    /** A hostile value, and whether no field could take it (then it must be refused). */
    record Value(String label, String text, boolean alwaysWrong) {
    }

    static final List<Value> VALUES = List.of(
            new Value("5 000 characters", "x".repeat(5000), true),
            new Value("NUL", "a\u0000b", true),
            new Value("bell and escape", "a\u0007\u001b[2Jb", true),
            new Value("script tag", SCRIPT, false),
            new Value("blank", " \t  ", false),
            new Value("huge number", "99999999999999999999", false),
            new Value("bad date", "2026-02-30", false),
            new Value("half a surrogate pair", "a\uD800b", false),
            new Value("RTL override", "\u202Eabc", false),
            new Value("Arabic-Indic digits", "\u0661\u0662\u0663", false),
            new Value("SQL and template", "' OR '1'='1; --${7*7}", false));

    /** Fewer values for the report forms, whose every answer recomputes the period's figures. */
    static final List<Value> REPORT_VALUES = List.of(VALUES.get(0), VALUES.get(1), VALUES.get(3), VALUES.get(5),
            VALUES.get(9));

    /** A form: who posts it, where, its valid fields, and which fields take only a number, date or choice. */
    record Endpoint(String name, String user, String path, Map<String, String> fields, List<String> typed,
                    List<Value> values) {
        Endpoint(String name, String user, String path, Map<String, String> fields, List<String> typed) {
            this(name, user, path, fields, typed, path.startsWith("/laporan/") ? REPORT_VALUES : VALUES);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Endpoint> forms() {
        return Stream.of(
                new Endpoint("new case", "staf.kepegawaian", "/kasus/baru", ordered("sop", "UMM-06", "jenis", "EMPLOYEE",
                        "nama", "Ai Komariah", "nip", "196711191991032032", "pengguna", "pegawai", "kontak", "0812",
                        "kelengkapan", "1"), List.of("sop", "jenis", "nip", "pengguna", "kelengkapan")),
                // The Plt/Plh delegation of a Kasubbag, its dates and note.
                new Endpoint("delegation", "kasubbag.umum", "/admin/delegasi", ordered("username", "staf.ukm",
                        "jabatanCode", "KASUBBAG-UMUM", "kind", "PLH", "validFrom", "2026-03-03", "validTo", "2026-03-04",
                        "note", "cuti"), List.of("username", "jabatanCode", "kind", "validFrom", "validTo")),
                new Endpoint("user status", "kasubbag.umum", "/admin/pengguna/status", ordered("username", "staf.ukm",
                        "active", "true", "version", "0"), List.of("username", "active", "version")),
                new Endpoint("holiday", "kasubbag.umum", "/admin/kalender/libur", ordered("tanggal", "2026-08-20",
                        "nama", "Hari Jadi", "jenis", "LOCAL"), List.of("tanggal", "jenis")),
                new Endpoint("holiday removal", "kasubbag.umum", "/admin/kalender/libur/hapus",
                        ordered("tanggal", "2026-08-21"), List.of("tanggal")),
                new Endpoint("minutes per day", "kasubbag.umum", "/admin/kalender/menit", ordered("menit", "330"),
                        List.of("menit")),
                // Sunday: a blank "jam" is a valid closed day, and Sunday is closed already, so the sweep leaves the shared
                // context's calendar as the other web tests expect it.
                new Endpoint("office hours", "kasubbag.umum", "/admin/kalender/jam", ordered("hari", "SUNDAY",
                        "jam", "07:30-12:00, 13:00-16:00"), List.of("hari", "jam")),
                new Endpoint("monitoring row", "kadis", "/laporan/monitoring/2026/1/baris/UMM-06", ordered(
                        "verdict", "SESUAI", "catatan", "baik", "tindakan", "tidak ada", "version", "0"),
                        List.of("verdict", "version")),
                new Endpoint("evaluation row", "kadis", "/laporan/evaluasi/2026/baris/UMM-06", ordered("k1", "ya",
                        "k2", "tidak", "catatan", "baik", "version", "0"), List.of("k1", "k2", "version")),
                new Endpoint("semester report", "kadis", "/laporan/semester/2026/1", ordered("rencanaKerja", "rencana",
                        "uraian", "Belanja ATK", "anggaran", "Rp 1.500.000", "realisasi", "1.250.000,50",
                        "keterangan", "-", "version", "0", "aksi", "simpan"), List.of("anggaran", "realisasi", "version")),
                new Endpoint("SOP YAML save", "kasubbag.umum", "/admin/sop/UMM-06/1/simpan",
                        ordered("yaml", "code: UMM-06", "lockVersion", "0"), List.of("yaml", "lockVersion")),
                new Endpoint("tracking", "anonymous", "/lacak", ordered("nomor", "001/UMM-06/2026", "kode", "ABCD-1234"),
                        List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forms")
    void aHostileValueInAnyFieldIsRefusedOrHarmlessNever500(Endpoint endpoint) throws Exception {
        List<String> failures = new ArrayList<>();
        for (String field : endpoint.fields().keySet()) {
            for (Value value : endpoint.values()) {
                Map<String, String> fields = new LinkedHashMap<>(endpoint.fields());
                fields.put(field, value.text());
                MockHttpServletRequestBuilder request = post(endpoint.path()).with(csrf())
                        .with(r -> {
                            r.setRemoteAddr("10.0." + (field.hashCode() & 0xFF) + "." + (value.label().hashCode() & 0xFF));
                            return r;
                        });
                fields.forEach(request::param);
                if (!endpoint.user().equals("anonymous")) {
                    request.with(as(endpoint.user()));
                }
                MvcResult result = mvc.perform(request).andReturn();
                int status = result.getResponse().getStatus();
                String body = result.getResponse().getContentAsString();
                String what = endpoint.name() + " " + field + " = " + value.label() + ": " + status;
                if (status >= 500) {
                    failures.add(what + " " + abbreviated(body));
                }
                if (body.contains(SCRIPT)) {
                    failures.add(what + ": the script tag came back unescaped");
                }
                // A number, date or choice field takes none of these values; a blank optional one is just empty.
                boolean mustRefuse = value.alwaysWrong() || (endpoint.typed().contains(field) && !value.text().isBlank());
                boolean refused = status >= 400 || (status >= 300 && result.getFlashMap().containsKey("error"))
                        || (status == 200 && body.contains("-error\""));
                if (mustRefuse && !refused && status != 429) {
                    failures.add(what + ": accepted (" + result.getFlashMap() + ")");
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    /** Task actions with a hostile catatan, and path variables that are no numbers. */
    @Test
    void taskActionsAndPathVariablesTakeHostileValues() throws Exception {
        long caseId = startCuti().caseId();
        long task = currentTask(caseId);
        List<String> failures = new ArrayList<>();
        for (String verb : List.of("belum-sesuai", "selesai", "sesuai", "serahkan", "terima", "ambil", "nope")) {
            for (Value value : VALUES) {
                MvcResult result = mvc.perform(post("/tugas/" + task + "/" + verb).param("catatan", value.text())
                        .header("HX-Request", "true").with(as("staf.kepegawaian")).with(csrf())).andReturn();
                int status = result.getResponse().getStatus();
                String what = verb + " catatan = " + value.label() + ": " + status;
                if (status >= 500) {
                    failures.add(what);
                }
                if (result.getResponse().getContentAsString().contains(SCRIPT)) {
                    failures.add(what + ": script unescaped");
                }
                if (value.alwaysWrong() && status < 400) {
                    failures.add(what + ": accepted");
                }
            }
        }
        for (String path : List.of("/tugas/abc/ambil", "/tugas/99999999999999999999/ambil", "/tugas/-1/ambil",
                "/tugas/%00/ambil", "/kasus/abc/lampiran", "/laporan/monitoring/99999/1/baris/UMM-06",
                "/laporan/monitoring/2026/9/baris/UMM-06", "/laporan/monitoring/2026/1/baris/%3Cscript%3E",
                "/laporan/evaluasi/abc/baris/UMM-06", "/laporan/semester/2026/x", "/admin/sop/UMM-06/99999999999/simpan",
                "/admin/sop/%3Cscript%3E/revisi")) {
            MvcResult result = mvc.perform(post(path).param("version", "0").with(as("kadis")).with(csrf())).andReturn();
            int status = result.getResponse().getStatus();
            if (status >= 500 || result.getResponse().getContentAsString().contains(SCRIPT)) {
                failures.add(path + ": " + status);
            }
            if (status < 300) {
                failures.add(path + ": accepted " + status);
            }
        }
        // Hostile headers and a hostile language: the firewall's refusal or the default language, never a 500.
        for (String[] header : new String[][] {{"HX-Request", "a\u0000b"}, {"HX-Request", "\u0007"},
                {"Accept-Language", "<script>;q=x"}, {"Accept-Language", "x".repeat(5000)}}) {
            MvcResult result = mvc.perform(post("/tugas/" + task + "/ambil").header(header[0], header[1])
                    .with(as("staf.kepegawaian")).with(csrf())).andReturn();
            if (result.getResponse().getStatus() >= 500) {
                failures.add("header " + header[0] + ": " + result.getResponse().getStatus());
            }
            MvcResult api = mvc.perform(get("/api/tasks").header(header[0], header[1])
                    .with(httpBasic("staf.kepegawaian", "demo"))).andReturn();
            if (api.getResponse().getStatus() >= 500) {
                failures.add("API header " + header[0] + ": " + api.getResponse().getStatus());
            }
        }
        for (String lang : List.of(SCRIPT, "a\u0000", "x".repeat(3000), "en-US-x-" + "y".repeat(100), "\uD800")) {
            MvcResult result = mvc.perform(get("/kasus/" + caseId).param("lang", lang).with(as("staf.kepegawaian")))
                    .andReturn();
            if (result.getResponse().getStatus() >= 500 || result.getResponse().getContentAsString().contains(SCRIPT)) {
                failures.add("lang " + lang.length() + ": " + result.getResponse().getStatus());
            }
        }
        for (String query : List.of("/tugas?sampai=2026-02-30", "/tugas?sampai=" + "9".repeat(50), "/dasbor?bulan=13",
                "/katalog?q=" + SCRIPT, "/admin/kalender?tahun=-5", "/laporan/2026/1?dari=x")) {
            MvcResult result = mvc.perform(get(query).with(as("kadis"))).andReturn();
            if (result.getResponse().getStatus() >= 500 || result.getResponse().getContentAsString().contains(SCRIPT)) {
                failures.add(query + ": " + result.getResponse().getStatus());
            }
        }
        assertThat(failures).isEmpty();
    }

    /** The SOP editor's YAML: entity-like alias bombs, NUL, nulls in lists, numbers out of range, deep nesting, tags. */
    @Test
    void hostileYamlInTheSopEditorIsRefusedOnThePageAndStoresNothing() throws Exception {
        StringBuilder laughs = new StringBuilder("code: UMM-06\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 10; i++) {
            laughs.append("a").append(i).append(": &a").append(i).append(" [")
                    .append(String.join(", ", java.util.Collections.nCopies(10, "*a" + (i - 1)))).append("]\n");
        }
        List<String> yamls = List.of(laughs.toString(),
                "code: UMM-06\ntitle: \"Cuti\\0tahunan\"\nsteps:\n  - number: 1\n    kegiatan: \"a\\x07b\"",
                "code: UMM-06\nsteps: [null]", "code: UMM-06\nactors: [null, {name: null}]",
                "code: UMM-06\nsteps: [{number: 99999999999}]",
                "code: UMM-06\nsteps: [{number: -5, decision: {returnsTo: x}}]",
                "code: UMM-06\nsteps: [{number: 1, waktu: 99999999 jam, standardTime: 2147483647 menit, notes: [n]}]",
                "code: UMM-06\nnotes: " + "[".repeat(5000) + "]".repeat(5000),
                "!!java.net.URL [\"http://localhost/\"]",
                "code: UMM-06\ntitle: " + SCRIPT + "\nsteps: [{number: 1, kegiatan: '" + SCRIPT + "'}]",
                "code: UMM-06\ntitle: \"\\uD800\"",
                "\u0000", "code: [UMM-06]", "code: UMM-06\nserviceType: SEMUA");
        long events = jdbc().sql("SELECT COUNT(*) FROM sop_version_event").query(Long.class).single();
        List<String> failures = new ArrayList<>();
        for (String yaml : yamls) {
            for (String action : List.of("validasi", "simpan")) {
                MvcResult result = mvc.perform(post("/admin/sop/UMM-06/1/" + action).param("yaml", yaml)
                        .param("lockVersion", "0").with(as("kasubbag.umum")).with(csrf())).andReturn();
                int status = result.getResponse().getStatus();
                String body = result.getResponse().getContentAsString();
                String what = action + " " + abbreviated(yaml.replace("\n", " | ")) + ": " + status;
                if (status >= 500 || body.contains(SCRIPT)) {
                    failures.add(what);
                }
                if (action.equals("simpan") && status < 400) {
                    failures.add(what + ": accepted");
                }
            }
        }
        assertThat(failures).isEmpty();
        assertThat(jdbc().sql("SELECT COUNT(*) FROM sop_version_event").query(Long.class).single()).isEqualTo(events);
        // Worded for the user, naming the step and field, rather than the reader's exception.
        String nulls = mvc.perform(post("/admin/sop/UMM-06/1/validasi").param("yaml", "code: UMM-06\nsteps: [null]")
                .header("HX-Request", "true").with(as("kasubbag.umum")).with(csrf())).andReturn().getResponse()
                .getContentAsString();
        assertThat(nulls).contains("butir kosong").doesNotContain("Exception").doesNotContain("because");
        String control = mvc.perform(post("/admin/sop/UMM-06/1/validasi").param("yaml", "code: UMM-06\ntitle: \"a\\0b\"")
                .header("HX-Request", "true").with(as("kasubbag.umum")).with(csrf())).andReturn().getResponse()
                .getContentAsString();
        assertThat(control).contains("karakter kendali");
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    org.springframework.jdbc.core.simple.JdbcClient jdbc() {
        return jdbc;
    }

    /** Stored text with a script tag is shown as text on every page that shows it. */
    @Test
    void storedScriptTagsAreEscapedOnTheCasePageWorklistAndHistory() throws Exception {
        MvcResult started = mvc.perform(post("/kasus/baru").param("sop", "UMM-06").param("jenis", "EMPLOYEE")
                .param("nama", SCRIPT).param("pengguna", "pegawai").param("kontak", SCRIPT).param("kelengkapan", "1")
                .with(as("staf.kepegawaian")).with(csrf())).andReturn();
        assertThat(started.getResponse().getStatus()).isEqualTo(302);
        long caseId = Long.parseLong(started.getResponse().getRedirectedUrl().replaceAll("\\D+(\\d+)\\D.*", "$1"));
        long task = currentTask(caseId);
        mvc.perform(post("/tugas/" + task + "/ambil").header("HX-Request", "true").with(as("staf.kepegawaian"))
                .with(csrf())).andReturn();
        MvcResult returned = mvc.perform(post("/tugas/" + task + "/belum-sesuai").param("catatan", SCRIPT)
                .header("HX-Request", "true").with(as("staf.kepegawaian")).with(csrf())).andReturn();
        assertThat(returned.getResponse().getContentAsString()).doesNotContain(SCRIPT);
        for (String[] page : new String[][] {{"/kasus/" + caseId, "staf.kepegawaian"}, {"/tugas", "staf.kepegawaian"},
                {"/tugas", "pegawai"}, {"/kasus/" + caseId + "/tanda-terima", "staf.kepegawaian"},
                {"/kasus/" + caseId, "kadis"}, {"/dasbor", "kadis"}}) {
            String body = mvc.perform(get(page[0]).with(as(page[1]))).andReturn().getResponse().getContentAsString();
            assertThat(body).as(page[0] + " as " + page[1]).doesNotContain(SCRIPT);
        }
        String casePage = mvc.perform(get("/kasus/" + caseId).with(as("staf.kepegawaian"))).andReturn().getResponse()
                .getContentAsString();
        // The name, the contact and the returned note are there, as text.
        assertThat(casePage).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    /** The API: every body field and query parameter with hostile values and wrong JSON types. */
    @Test
    void apiBodiesAndParametersAnswerProblemJsonNamingTheField() throws Exception {
        long caseId = startCuti().caseId();
        long task = currentTask(caseId);
        List<String> failures = new ArrayList<>();
        JsonMapper json = JsonMapper.shared();
        ObjectNode start = (ObjectNode) json.readTree("""
                {"sopCode": "UMM-06", "pemohon": {"kind": "EMPLOYEE", "name": "Ai", "username": "pegawai",
                 "nip": "196711191991032032", "contact": "0812"}, "submittedByPemohon": false, "fulfilled": [1]}""");
        List<String[]> bodies = new ArrayList<>();
        for (String field : List.of("sopCode", "pemohon.kind", "pemohon.name", "pemohon.username", "pemohon.nip",
                "pemohon.contact")) {
            for (Value value : VALUES) {
                ObjectNode body = start.deepCopy();
                ObjectNode target = field.startsWith("pemohon.") ? (ObjectNode) body.get("pemohon") : body;
                target.put(field.substring(field.indexOf('.') + 1), value.text());
                bodies.add(new String[] {"/api/cases", body.toString(), field, value.label(),
                        String.valueOf(value.alwaysWrong() || !value.text().isBlank() && !field.equals("pemohon.name")
                                && !field.equals("pemohon.contact"))});
            }
        }
        // Wrong JSON types and shapes.
        for (String[] wrong : new String[][] {
                {"fulfilled", "{\"sopCode\":\"UMM-06\",\"pemohon\":{\"kind\":\"PERSON\",\"name\":\"A\",\"contact\":\"1\"},\"fulfilled\":[99999999999]}"},
                {"fulfilled", "{\"sopCode\":\"UMM-06\",\"pemohon\":{\"kind\":\"PERSON\",\"name\":\"A\",\"contact\":\"1\"},\"fulfilled\":\"semua\"}"},
                {"fulfilled", "{\"sopCode\":\"UMM-06\",\"pemohon\":{\"kind\":\"PERSON\",\"name\":\"A\",\"contact\":\"1\"},\"fulfilled\":[-1, 0, 1000]}"},
                {"submittedByPemohon", "{\"sopCode\":\"UMM-06\",\"pemohon\":{\"kind\":\"PERSON\",\"name\":\"A\",\"contact\":\"1\"},\"submittedByPemohon\":\"ya\"}"},
                {"pemohon", "{\"sopCode\":\"UMM-06\",\"pemohon\":[1,2]}"},
                {"sopCode", "{\"sopCode\":42,\"pemohon\":{\"kind\":\"PERSON\",\"name\":\"A\",\"contact\":\"1\"}}"},
                {"sopCode", "{\"sopCode\":{\"$ne\":1}}"},
                {"-", "[" .repeat(5000) + "]".repeat(5000)},
                {"-", "{\"sopCode\": \"UMM-06\""},
                {"-", "\u0000"},
                {"-", "null"}}) {
            bodies.add(new String[] {"/api/cases", wrong[1], wrong[0], "wrong shape", "true"});
        }
        for (Value value : VALUES) {
            bodies.add(new String[] {"/api/cases/" + caseId + "/cancel", json.createObjectNode().put("reason", value.text())
                    .toString(), "reason", value.label(), String.valueOf(value.alwaysWrong())});
            bodies.add(new String[] {"/api/tasks/" + task + "/complete", json.createObjectNode().put("outcome", value.text())
                    .put("note", "x").toString(), "outcome", value.label(), "true"});
            bodies.add(new String[] {"/api/tasks/" + task + "/complete", json.createObjectNode().put("outcome", "BELUM_SESUAI")
                    .put("note", value.text()).toString(), "note", value.label(), String.valueOf(value.alwaysWrong())});
            bodies.add(new String[] {"/api/tasks/" + task + "/handoff", json.createObjectNode().put("note", value.text())
                    .toString(), "note", value.label(), String.valueOf(value.alwaysWrong())});
            bodies.add(new String[] {"/api/tasks/" + task + "/receive", json.createObjectNode().put("note", value.text())
                    .toString(), "note", value.label(), String.valueOf(value.alwaysWrong())});
        }
        for (String[] b : bodies) {
            MvcResult result = mvc.perform(post(b[0]).contentType(MediaType.APPLICATION_JSON).content(b[1])
                    .with(httpBasic("staf.kepegawaian", "demo"))).andReturn();
            check(result, b[0] + " " + b[2] + " = " + b[3], Boolean.parseBoolean(b[4]), b[2], failures);
        }
        for (String path : List.of("/api/tasks/abc/claim", "/api/tasks/99999999999999999999/claim",
                "/api/tasks/-1/claim", "/api/cases/1.5/cancel", "/api/cases/abc/cancel", "/api/cases/1e3")) {
            MvcResult result = mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON).content("{}")
                    .with(httpBasic("staf.kepegawaian", "demo"))).andReturn();
            check(result, path, true, null, failures);
        }
        for (Value value : VALUES) {
            MvcResult result = mvc.perform(get("/api/tasks").param("limit", value.text())
                    .with(httpBasic("staf.kepegawaian", "demo"))).andReturn();
            boolean wrong = !value.text().isBlank();
            check(result, "/api/tasks?limit=" + value.label(), wrong, wrong ? "limit" : null, failures);
        }
        for (String key : List.of("k".repeat(101), "a\u0000b", "\u0007")) {
            MvcResult result = mvc.perform(post("/api/tasks/" + task + "/claim").header("Idempotency-Key", key)
                    .with(httpBasic("staf.kepegawaian", "demo"))).andReturn();
            check(result, "Idempotency-Key " + key.length(), true, "Idempotency-Key", failures);
        }
        assertThat(failures).isEmpty();
    }

    private static void check(MvcResult result, String what, boolean mustRefuse, String field, List<String> failures)
            throws Exception {
        int status = result.getResponse().getStatus();
        String body = result.getResponse().getContentAsString();
        if (status >= 500) {
            failures.add(what + ": " + status + " " + abbreviated(body));
            return;
        }
        if (mustRefuse && status < 400) {
            failures.add(what + ": accepted " + status);
            return;
        }
        if (status >= 400) {
            if (!String.valueOf(result.getResponse().getContentType()).startsWith("application/problem+json")) {
                failures.add(what + ": " + status + " not problem JSON: " + result.getResponse().getContentType());
                return;
            }
            JsonNode problem = JsonMapper.shared().readTree(body);
            if (status == 400 && field != null && !field.equals("-") && !problem.has("field")) {
                failures.add(what + ": no field named: " + abbreviated(body));
            }
        }
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static String abbreviated(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}
