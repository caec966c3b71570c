package id.sopan.web;

import id.sopan.calendar.CalendarService;
import id.sopan.calendar.Holiday;
import id.sopan.casework.AttachmentService;
import id.sopan.casework.CaseService;
import id.sopan.casework.Pemohon;
import id.sopan.catalog.CatalogEntry;
import id.sopan.catalog.CatalogService;
import id.sopan.catalog.SopCodec;
import id.sopan.catalog.SopStatus;
import id.sopan.catalog.SopVersionSummary;
import id.sopan.catalog.StoredVersion;
import id.sopan.engine.Action;
import id.sopan.organization.AppUser;
import id.sopan.organization.DelegationKind;
import id.sopan.organization.DelegationRequest;
import id.sopan.organization.Office;
import id.sopan.organization.OfficeRepository;
import id.sopan.organization.OrganizationService;
import id.sopan.reports.Criterion;
import id.sopan.reports.EvaluationForm;
import id.sopan.reports.EvaluationService;
import id.sopan.reports.MonitoringService;
import id.sopan.reports.SemesterReportService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

import static id.sopan.web.AccessMatrixTest.Who.ADMIN;
import static id.sopan.web.AccessMatrixTest.Who.ANONYMOUS;
import static id.sopan.web.AccessMatrixTest.Who.DELEGATE_ACTIVE;
import static id.sopan.web.AccessMatrixTest.Who.DELEGATE_EXPIRED;
import static id.sopan.web.AccessMatrixTest.Who.EVALUATOR;
import static id.sopan.web.AccessMatrixTest.Who.KEPALA;
import static id.sopan.web.AccessMatrixTest.Who.OTHER_JABATAN;
import static id.sopan.web.AccessMatrixTest.Who.OTHER_OFFICE;
import static id.sopan.web.AccessMatrixTest.Who.OTHER_OFFICE_HEAD;
import static id.sopan.web.AccessMatrixTest.Who.PEMOHON;
import static id.sopan.web.AccessMatrixTest.Who.RIGHT_JABATAN;
import static id.sopan.web.AccessMatrixTest.Who.WRONG_UNIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Who may call what: every handler method of the web pages and the REST API against twelve principals, signed in
 * for real (the form and a session for the pages, HTTP Basic for the API), so the roles come from the organization as
 * in production. The table in {@link #table()} has one row per endpoint (some with a second target: another office's
 * case) and names who may; everyone else must be refused: 401 on the API and a redirect to /login on a page when
 * anonymous, 403 when signed in. A handler method the table does not list fails {@link #everyHandlerIsInTheTable()}.
 * {@link #everyStateChangingPageNeedsTheCsrfToken()} takes every non-GET page handler of the same table.
 */
class AccessMatrixTest extends AccessTestSupport {

    static final String OFFICE = "DKUKM";
    /** The second office: its own unit, jabatan (named as DKUKM's on purpose), users, SOP and a case. */
    static final String OTHER = "LAIN";
    private static final byte[] PDF = "%PDF-1.4 surat permohonan".getBytes(StandardCharsets.US_ASCII);

    /** The principals. All demo accounts sign in with {@code demo}. */
    enum Who {
        ANONYMOUS(null),
        /** pegawai: started the case and is its pemohon. */
        PEMOHON("pegawai"),
        /** staf.ukm: Staf of Seksi Manajemen dan Aneka Usaha, another unit. */
        WRONG_UNIT("staf.ukm"),
        /** staf.kepegawaian: the jabatan of the case's current step (UMM-06 step 2). */
        RIGHT_JABATAN("staf.kepegawaian"),
        /** staf.umum: the same Sub Bagian Umum, another jabatan. */
        OTHER_JABATAN("staf.umum"),
        /** arsiparis: Plh Staf Kepegawaian in February only. */
        DELEGATE_EXPIRED("arsiparis"),
        /** bendahara.barang: Plh Staf Kepegawaian this week (the positive control). */
        DELEGATE_ACTIVE("bendahara.barang"),
        /** kasubbag.umum: ROLE_ADMIN in the demo, and the jabatan of UMM-06 steps 3, 6-8. */
        ADMIN("kasubbag.umum"),
        /** kadis: ROLE_KEPALA. */
        KEPALA("kadis"),
        /** evaluator.organisasi: ROLE_EVALUATOR, no jabatan. */
        EVALUATOR("evaluator.organisasi"),
        /** lain.staf: Staf Kepegawaian of office LAIN (the same jabatan code as DKUKM's). */
        OTHER_OFFICE("lain.staf"),
        /** lain.kadis: Kepala Dinas of office LAIN (jabatan code KADIS, as DKUKM's head). */
        OTHER_OFFICE_HEAD("lain.kadis");

        final String username;

        Who(String username) {
            this.username = username;
        }
    }

    static final Set<Who> EVERYONE = EnumSet.allOf(Who.class);
    static final Set<Who> SIGNED_IN = EnumSet.complementOf(EnumSet.of(ANONYMOUS));
    /** DKUKM's case: its pemohon, the step's jabatan and its delegate of today, the head, the administrator. */
    static final Set<Who> CASE_READERS = EnumSet.of(PEMOHON, RIGHT_JABATAN, DELEGATE_ACTIVE, ADMIN, KEPALA);
    static final Set<Who> STEP_WORKERS = EnumSet.of(RIGHT_JABATAN, DELEGATE_ACTIVE);
    /** The case's starter, the head and the administrator. */
    static final Set<Who> CANCELLERS = EnumSet.of(PEMOHON, ADMIN, KEPALA);
    /** LAIN's case: its own user only; nobody of DKUKM, whatever their role. */
    static final Set<Who> OTHER_OFFICE_ONLY = EnumSet.of(OTHER_OFFICE);
    static final Set<Who> ADMINS = EnumSet.of(ADMIN);
    static final Set<Who> HEAD = EnumSet.of(KEPALA);
    static final Set<Who> HEAD_OR_ADMIN = EnumSet.of(KEPALA, ADMIN);
    static final Set<Who> REPORT_READERS = EnumSet.of(KEPALA, EVALUATOR, ADMIN);
    static final Set<Who> MONITORS = EnumSet.of(EVALUATOR, KEPALA);
    static final Set<Who> EVALUATORS = EnumSet.of(EVALUATOR);
    /** The Kasubbag Umum's jabatan works the BKD hand-off (step 7 of UMM-06), by jabatan, not by role. */
    static final Set<Who> HANDOFF_WORKER = EnumSet.of(ADMIN);

    /**
     * One target of an endpoint: the handler's method and path pattern as Spring maps it, what is aimed at, who may,
     * and the request (built per principal; {@code allowed} says whether this principal should succeed, so that a
     * fresh case or draft is made only where the request will change it).
     */
    record Probe(String endpoint, String target, Set<Who> may,
                 BiFunction<Who, Boolean, AbstractMockHttpServletRequestBuilder<?>> request) {
        boolean api() {
            return endpoint.substring(endpoint.indexOf(' ') + 1).startsWith("/api/");
        }

        boolean changesState() {
            return !endpoint.startsWith("GET ");
        }
    }

    @Autowired
    OrganizationService organization;
    @Autowired
    OfficeRepository offices;
    @Autowired
    CatalogService catalog;
    @Autowired
    CalendarService calendars;
    @Autowired
    AttachmentService attachments;
    @Autowired
    MonitoringService monitoring;
    @Autowired
    EvaluationService evaluation;
    @Autowired
    SemesterReportService semesters;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlers;

    /** Made once for the class (the context and its database are shared by the test methods). */
    private static long caseA;
    private static long attachmentA;
    private static long caseB;
    private static long attachmentB;
    private static final Deque<String> SOP_POOL = new ArrayDeque<>();
    private static final Deque<int[]> SEMESTERS = new ArrayDeque<>();
    private static final Deque<Integer> YEARS = new ArrayDeque<>();
    private static final AtomicInteger DAYS = new AtomicInteger();

    private final Map<Who, MockHttpSession> sessions = new EnumMap<>(Who.class);

    @BeforeEach
    void setUp() throws Exception {
        if (caseA == 0) {
            // Delegations as of Monday 2 March 2026: one ended in February, one runs this week.
            organization.delegate(new DelegationRequest(OFFICE, DELEGATE_EXPIRED.username, "STAF-KEPEGAWAIAN",
                    DelegationKind.PLH, LocalDate.of(2026, 2, 2), LocalDate.of(2026, 2, 20), "ST 800/1", "kasubbag.umum"));
            organization.delegate(new DelegationRequest(OFFICE, DELEGATE_ACTIVE.username, "STAF-KEPEGAWAIAN",
                    DelegationKind.PLH, LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 6), "ST 800/2", "kasubbag.umum"));
            otherOffice();
            caseA = startCuti().caseId();
            attachmentA = attachments.store(caseA, 1, "surat.pdf", PDF, "pegawai").id();
            caseB = startInOtherOffice();
            attachmentB = attachments.store(caseB, 1, "surat.pdf", PDF, OTHER_OFFICE.username).id();
            for (CatalogEntry e : catalog.listCurrent(OFFICE)) {
                if (e.status() == SopStatus.BERLAKU && !e.code().equals("UMM-06")) {
                    SOP_POOL.add(e.code());
                }
            }
            for (int y = 2025; y >= 2015; y--) {
                SEMESTERS.add(new int[] {y, 2});
                SEMESTERS.add(new int[] {y, 1});
                YEARS.add(y);
            }
        }
        for (Who who : SIGNED_IN) {
            MvcResult signedIn = mvc.perform(formLogin("/login").user(who.username).password("demo")).andReturn();
            assertThat(signedIn.getResponse().getRedirectedUrl()).as("sign-in of " + who).doesNotContain("error");
            sessions.put(who, (MockHttpSession) signedIn.getRequest().getSession(false));
        }
    }

    /** Office LAIN with plain SQL: a unit, Staf Kepegawaian and Kepala Dinas (codes as DKUKM's), two users, UMM-06. */
    private void otherOffice() {
        offices.upsert(new Office(OTHER, "Dinas Lain Kabupaten Kuningan", "Kabupaten Kuningan", "", ""));
        long office = jdbc.sql("SELECT id FROM office WHERE code = :c").param("c", OTHER).query(Long.class).single();
        jdbc.sql("INSERT INTO org_unit (office_id, code, name) VALUES (:o, 'DINAS', 'Dinas Lain')").param("o", office)
                .update();
        long unit = jdbc.sql("SELECT id FROM org_unit WHERE office_id = :o").param("o", office).query(Long.class).single();
        jdbc.sql("""
                INSERT INTO jabatan (office_id, code, name, unit_id, atasan_id, kind)
                VALUES (:o, 'KADIS', 'Kepala Dinas Lain', :u, NULL, 'STRUCTURAL')""").param("o", office).param("u", unit)
                .update();
        long kadis = jdbc.sql("SELECT id FROM jabatan WHERE office_id = :o AND code = 'KADIS'").param("o", office)
                .query(Long.class).single();
        jdbc.sql("""
                INSERT INTO jabatan (office_id, code, name, unit_id, atasan_id, kind)
                VALUES (:o, 'STAF-KEPEGAWAIAN', 'Staf Kepegawaian Dinas Lain', :u, :a, 'STAFF')""")
                .param("o", office).param("u", unit).param("a", kadis).update();
        long staf = jdbc.sql("SELECT id FROM jabatan WHERE office_id = :o AND code = 'STAF-KEPEGAWAIAN'")
                .param("o", office).query(Long.class).single();
        String hash = new BCryptPasswordEncoder(4).encode("demo");
        for (Object[] u : new Object[][] {{OTHER_OFFICE.username, staf}, {OTHER_OFFICE_HEAD.username, kadis}}) {
            jdbc.sql("""
                    INSERT INTO app_user (office_id, username, full_name, jabatan_id, active, password_hash, demo_account,
                                          created_at, version)
                    VALUES (:o, :u, :n, :j, TRUE, :h, FALSE, CURRENT_TIMESTAMP, 0)""")
                    .param("o", office).param("u", u[0]).param("n", "Pegawai " + u[0]).param("j", u[1]).param("h", hash)
                    .update();
        }
        jdbc.sql("INSERT INTO actor_assignment (office_id, actor_name, jabatan_id) VALUES (:o, 'Staf Kepegawaian', :j)")
                .param("o", office).param("j", staf).update();
        StoredVersion draft = catalog.saveDraft(OTHER, catalog.berlaku(OFFICE, "UMM-06").orElseThrow().definition(),
                OTHER_OFFICE_HEAD.username);
        catalog.ratify(OTHER, "UMM-06", draft.versionNo(), OTHER_OFFICE_HEAD.username, draft.lockVersion());
        calendars.seedHolidays(OTHER);
    }

    /** A cuti tahunan of LAIN: its own staf applies; step 2 waits for LAIN's Staf Kepegawaian. */
    private long startInOtherOffice() {
        return cases.start(new CaseService.StartCase(OTHER, "UMM-06",
                new Pemohon(Pemohon.Kind.EMPLOYEE, "Pegawai Lain", OTHER_OFFICE.username, null, null),
                OTHER_OFFICE.username, true, Set.of(1, 2))).caseId();
    }

    // --- fixtures made per request where the request changes them ---

    /** A fresh case at step 2 (DKUKM, or LAIN), its task open. */
    private long openTask(boolean otherOffice) {
        return currentTask(otherOffice ? startInOtherOffice() : startCuti().caseId());
    }

    /** A fresh DKUKM case at step 2, its task claimed by {@code who} when they may, else by the step's jabatan. */
    private long claimedTask(Who who, boolean allowed) {
        long task = openTask(false);
        cases.act(task, Action.CLAIM, allowed ? who.username : RIGHT_JABATAN.username, null, null);
        return task;
    }

    private long claimedTaskOfOtherOffice() {
        long task = openTask(true);
        cases.act(task, Action.CLAIM, OTHER_OFFICE.username, null, null);
        return task;
    }

    /** A fresh DKUKM case walked to step 7 (the hand-off to BKD, worked by Kasubbag Umum); claimed, or handed off. */
    private long handOffTask(boolean handedOff) {
        long id = startCuti().caseId();
        String[][] steps = {{"staf.kepegawaian", "APPROVE"}, {"kasubbag.umum", "COMPLETE"}, {"sekdis", "APPROVE"},
                {"kadis", "COMPLETE"}, {"kasubbag.umum", "COMPLETE"}};
        for (String[] step : steps) {
            long task = currentTask(id);
            cases.act(task, Action.CLAIM, step[0], null, null);
            cases.act(task, Action.valueOf(step[1]), step[0], null, null);
        }
        long task = currentTask(id);
        cases.act(task, Action.CLAIM, ADMIN.username, null, null);
        if (handedOff) {
            cases.act(task, Action.HAND_OFF, ADMIN.username, "Dikirim ke BKD", null);
        }
        return task;
    }

    private String nextSop() {
        String code = SOP_POOL.poll();
        assertThat(code).as("an SOP left for the administration's fixtures").isNotNull();
        return code;
    }

    private StoredVersion draft() {
        return catalog.revise(OFFICE, nextSop(), ADMIN.username);
    }

    private SopVersionSummary berlaku(String code) {
        return catalog.versions(OFFICE, code).stream().filter(v -> v.status() == SopStatus.BERLAKU).findFirst()
                .orElseThrow();
    }

    private String yaml(StoredVersion v) {
        return SopCodec.toYaml(catalog.definition(OFFICE, v.code(), v.versionNo()).orElseThrow());
    }

    private static LocalDate nextDay() {
        return LocalDate.of(2027, 1, 1).plusDays(DAYS.incrementAndGet());
    }

    private MockHttpServletRequestBuilder newCase() {
        return post("/kasus/baru").param("sop", "UMM-06").param("jenis", "PERSON").param("nama", "Warga Uji")
                .param("kontak", "0812").param("kelengkapan", "1");
    }

    private MockHttpServletRequestBuilder apiCase() {
        return post("/api/cases").contentType(MediaType.APPLICATION_JSON).content("""
                {"sopCode":"UMM-06","pemohon":{"kind":"PERSON","name":"Warga Uji","contact":"0812"},"fulfilled":[1]}""");
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private static Probe p(String endpoint, Set<Who> may, BiFunction<Who, Boolean, AbstractMockHttpServletRequestBuilder<?>> r) {
        return new Probe(endpoint, "", may, r);
    }

    private static Probe p(String endpoint, String target, Set<Who> may,
                           BiFunction<Who, Boolean, AbstractMockHttpServletRequestBuilder<?>> r) {
        return new Probe(endpoint, target, may, r);
    }

    /**
     * The expectation table: one row per endpoint (method and path as mapped), a second row for another office's
     * case where the endpoint reads or works one case. The third column is who may; all others are refused.
     */
    List<Probe> table() {
        String cuti = "/kasus/" + caseA;
        String lain = "/kasus/" + caseB;
        String mon = "/laporan/monitoring/2026/1";
        return List.of(
                // --- public: the catalog, the sign-in page, Lacak ---
                p("GET /", EVERYONE, (w, a) -> get("/")),
                p("GET /katalog", EVERYONE, (w, a) -> get("/katalog")),
                p("GET /katalog/{code}", EVERYONE, (w, a) -> get("/katalog/UMM-06")),
                p("GET /katalog/{code}/xlsx", EVERYONE, (w, a) -> get("/katalog/UMM-06/xlsx")),
                p("GET /katalog/{code}/pdf", EVERYONE, (w, a) -> get("/katalog/UMM-06/pdf")),
                p("GET /katalog/{code}/bpmn", EVERYONE, (w, a) -> get("/katalog/UMM-06/bpmn")),
                p("GET /login", EVERYONE, (w, a) -> get("/login")),
                p("GET /lacak", EVERYONE, (w, a) -> get("/lacak")),
                p("POST /lacak", EVERYONE, (w, a) -> post("/lacak").param("nomor", registration(caseA))
                        .param("kode", tracking(caseA))),

                // --- a case's pages: those involved, the head, the administrator; never another office ---
                p("GET /kasus/{id}", CASE_READERS, (w, a) -> get(cuti)),
                p("GET /kasus/{id}", "LAIN's case", OTHER_OFFICE_ONLY, (w, a) -> get(lain)),
                p("GET /kasus/{id}/tanda-terima", CASE_READERS, (w, a) -> get(cuti + "/tanda-terima")),
                p("GET /kasus/{id}/tanda-terima", "LAIN's case", OTHER_OFFICE_ONLY, (w, a) -> get(lain + "/tanda-terima")),
                p("GET /kasus/{id}/lampiran/{attachmentId}", CASE_READERS,
                        (w, a) -> get(cuti + "/lampiran/" + attachmentA)),
                p("GET /kasus/{id}/lampiran/{attachmentId}", "LAIN's case", OTHER_OFFICE_ONLY,
                        (w, a) -> get(lain + "/lampiran/" + attachmentB)),
                p("POST /kasus/{id}/lampiran", CASE_READERS, (w, a) -> multipart(cuti + "/lampiran")
                        .file(new MockMultipartFile("file", "ktp.pdf", "application/pdf", PDF))),
                p("POST /kasus/{id}/lampiran", "LAIN's case", OTHER_OFFICE_ONLY, (w, a) -> multipart(lain + "/lampiran")
                        .file(new MockMultipartFile("file", "ktp.pdf", "application/pdf", PDF))),
                // Every signed-in user starts cases, in their own office.
                p("GET /kasus/baru", SIGNED_IN, (w, a) -> get("/kasus/baru")),
                p("GET /kasus/baru/kelengkapan", SIGNED_IN, (w, a) -> get("/kasus/baru/kelengkapan?sop=UMM-06")),
                p("POST /kasus/baru", SIGNED_IN, (w, a) -> newCase()),

                // --- Kotak Tugas: the list is everyone's own; an action is the task's jabatan's (today) ---
                p("GET /tugas", SIGNED_IN, (w, a) -> get("/tugas")),
                p("GET /tugas/daftar", SIGNED_IN, (w, a) -> get("/tugas/daftar")),
                p("POST /tugas/{id}/{verb}", STEP_WORKERS, (w, a) -> post("/tugas/" + openTask(false) + "/ambil")
                        .header("HX-Request", "true")),
                p("POST /tugas/{id}/{verb}", "LAIN's task", OTHER_OFFICE_ONLY,
                        (w, a) -> post("/tugas/" + openTask(true) + "/ambil").header("HX-Request", "true")),

                // --- dashboard and administration ---
                p("GET /dasbor", HEAD_OR_ADMIN, (w, a) -> get("/dasbor")),
                p("GET /admin", ADMINS, (w, a) -> get("/admin")),
                p("GET /admin/pengguna", ADMINS, (w, a) -> get("/admin/pengguna")),
                p("POST /admin/pengguna/status", ADMINS, (w, a) -> {
                    AppUser u = organization.user("inspektorat").orElseThrow();
                    return post("/admin/pengguna/status").param("username", u.username())
                            .param("active", String.valueOf(!u.active())).param("version", String.valueOf(u.version()));
                }),
                p("GET /admin/jabatan", ADMINS, (w, a) -> get("/admin/jabatan")),
                p("GET /admin/delegasi", ADMINS, (w, a) -> get("/admin/delegasi")),
                p("POST /admin/delegasi", ADMINS, (w, a) -> {
                    String day = nextDay().toString();
                    return post("/admin/delegasi").param("username", "pptk").param("jabatanCode", "TIM-RKA")
                            .param("kind", "PLH").param("validFrom", day).param("validTo", day).param("note", "uji");
                }),
                p("GET /admin/kalender", ADMINS, (w, a) -> get("/admin/kalender")),
                p("POST /admin/kalender/libur", ADMINS, (w, a) -> post("/admin/kalender/libur")
                        .param("tanggal", nextDay().toString()).param("nama", "Libur uji").param("jenis", "LOCAL")),
                p("POST /admin/kalender/libur/hapus", ADMINS, (w, a) -> {
                    LocalDate day = nextDay();
                    if (a) {
                        calendars.addHoliday(OFFICE, day, "Libur uji", Holiday.Kind.LOCAL);
                    }
                    return post("/admin/kalender/libur/hapus").param("tanggal", day.toString());
                }),
                p("POST /admin/kalender/menit", ADMINS, (w, a) -> post("/admin/kalender/menit").param("menit", "330")),
                p("POST /admin/kalender/jam", ADMINS, (w, a) -> post("/admin/kalender/jam").param("hari", "SUNDAY")
                        .param("jam", "")),
                // SOP authoring: the administrators; pengesahan and pencabutan the Kepala's, who also reads versions.
                p("GET /admin/sop", HEAD_OR_ADMIN, (w, a) -> get("/admin/sop")),
                p("GET /admin/sop/{code}/{versionNo}", HEAD_OR_ADMIN, (w, a) -> get("/admin/sop/UMM-06/1")),
                p("POST /admin/sop/{code}/revisi", ADMINS, (w, a) -> post("/admin/sop/" + (a ? nextSop() : "KEU-01")
                        + "/revisi")),
                p("POST /admin/sop/{code}/{versionNo}/validasi", ADMINS, (w, a) -> post("/admin/sop/UMM-06/1/validasi")
                        .param("yaml", SopCodec.toYaml(catalog.definition(OFFICE, "UMM-06", 1).orElseThrow()))),
                p("POST /admin/sop/{code}/{versionNo}/simpan", ADMINS, (w, a) -> {
                    if (!a) {
                        return post("/admin/sop/KEU-01/2/simpan").param("yaml", "code: KEU-01").param("lockVersion", "0");
                    }
                    StoredVersion d = draft();
                    return post("/admin/sop/" + d.code() + "/" + d.versionNo() + "/simpan").param("yaml", yaml(d))
                            .param("lockVersion", String.valueOf(d.lockVersion()));
                }),
                p("POST /admin/sop/{code}/{versionNo}/ajukan", ADMINS, (w, a) -> {
                    if (!a) {
                        return post("/admin/sop/KEU-01/2/ajukan").param("lockVersion", "0");
                    }
                    StoredVersion d = draft();
                    return post("/admin/sop/" + d.code() + "/" + d.versionNo() + "/ajukan")
                            .param("lockVersion", String.valueOf(d.lockVersion()));
                }),
                p("POST /admin/sop/{code}/{versionNo}/sahkan", HEAD, (w, a) -> {
                    if (!a) {
                        return post("/admin/sop/KEU-01/2/sahkan").param("lockVersion", "0");
                    }
                    StoredVersion d = draft();
                    StoredVersion submitted = catalog.submit(OFFICE, d.code(), d.versionNo(), ADMIN.username,
                            d.lockVersion());
                    return post("/admin/sop/" + d.code() + "/" + d.versionNo() + "/sahkan")
                            .param("lockVersion", String.valueOf(submitted.lockVersion()));
                }),
                p("POST /admin/sop/{code}/{versionNo}/cabut", HEAD, (w, a) -> {
                    if (!a) {
                        return post("/admin/sop/KEU-01/1/cabut").param("lockVersion", "0");
                    }
                    SopVersionSummary v = berlaku(nextSop());
                    return post("/admin/sop/" + v.code() + "/" + v.versionNo() + "/cabut")
                            .param("lockVersion", String.valueOf(v.lockVersion()));
                }),

                // --- reports: the head, the evaluators, the administrators read; who changes what is per form ---
                p("GET /laporan", REPORT_READERS, (w, a) -> get("/laporan")),
                p("GET /laporan/kinerja", REPORT_READERS, (w, a) -> get("/laporan/kinerja")),
                p("GET /laporan/kinerja/{file}", REPORT_READERS, (w, a) -> get("/laporan/kinerja/sop.csv")),
                p("GET /laporan/monitoring/{year}/{half}", REPORT_READERS, (w, a) -> get(mon)),
                p("GET /laporan/monitoring/{year}/{half}/{file}", REPORT_READERS, (w, a) -> get(mon + "/monitoring.csv")),
                p("POST /laporan/monitoring/{year}/{half}/baris/{sop}", MONITORS, (w, a) -> {
                    Integer version = monitoring.form(OFFICE, 2026, 1).row("UMM-06").version();
                    return post(mon + "/baris/UMM-06").param("verdict", "BAIK").param("catatan", "Baik.")
                            .param("tindakan", "").param("version", version == null ? "" : version.toString());
                }),
                p("POST /laporan/monitoring/{year}/{half}/sahkan", MONITORS, (w, a) -> {
                    if (!a) {
                        return post(mon + "/sahkan").param("version", "0");
                    }
                    int[] s = SEMESTERS.poll();
                    return post("/laporan/monitoring/" + s[0] + "/" + s[1] + "/sahkan")
                            .param("version", String.valueOf(monitoring.form(OFFICE, s[0], s[1]).version()));
                }),
                p("GET /laporan/evaluasi/{year}", REPORT_READERS, (w, a) -> get("/laporan/evaluasi/2026")),
                p("GET /laporan/evaluasi/{year}/{file}", REPORT_READERS, (w, a) -> get("/laporan/evaluasi/2026/evaluasi.csv")),
                p("POST /laporan/evaluasi/{year}/baris/{sop}", EVALUATORS, (w, a) -> {
                    Integer version = evaluation.form(OFFICE, 2026).row("UMM-06").version();
                    MockHttpServletRequestBuilder r = post("/laporan/evaluasi/2026/baris/UMM-06")
                            .param("version", version == null ? "" : version.toString());
                    for (Criterion c : Criterion.values()) {
                        r.param("k" + c.number(), "ya");
                    }
                    return r;
                }),
                p("POST /laporan/evaluasi/{year}/sahkan", EVALUATORS, (w, a) -> {
                    if (!a) {
                        return post("/laporan/evaluasi/2026/sahkan").param("version", "0");
                    }
                    int year = YEARS.poll();
                    return post("/laporan/evaluasi/" + year + "/sahkan")
                            .param("version", String.valueOf(evaluated(year).version()));
                }),
                p("GET /laporan/semester/{year}/{half}", REPORT_READERS, (w, a) -> get("/laporan/semester/2026/1")),
                p("GET /laporan/semester/{year}/{half}/{file}", REPORT_READERS,
                        (w, a) -> get("/laporan/semester/2026/1/keuangan.csv")),
                p("POST /laporan/semester/{year}/{half}", HEAD_OR_ADMIN, (w, a) -> post("/laporan/semester/2026/1")
                        .param("aksi", "simpan").param("rencanaKerja", "Rencana kerja semester I.")
                        .param("version", String.valueOf(semesters.input(OFFICE, 2026, 1).version()))),
                p("GET /laporan/semester/{year}/{half}.pdf", REPORT_READERS, (w, a) -> get("/laporan/semester/2026/1.pdf")),
                p("GET /laporan/evaluasi/{year}.pdf", REPORT_READERS, (w, a) -> get("/laporan/evaluasi/2026.pdf")),

                // --- REST API ---
                p("GET /api/catalog", EVERYONE, (w, a) -> get("/api/catalog")),
                p("GET /api/catalog/{code}", EVERYONE, (w, a) -> get("/api/catalog/UMM-06")),
                p("POST /api/cases", SIGNED_IN, (w, a) -> apiCase()),
                p("GET /api/cases/{id}", CASE_READERS, (w, a) -> get("/api/cases/" + caseA)),
                p("GET /api/cases/{id}", "LAIN's case", OTHER_OFFICE_ONLY, (w, a) -> get("/api/cases/" + caseB)),
                p("POST /api/cases/{id}/cancel", CANCELLERS, (w, a) -> json(post("/api/cases/" + startCuti().caseId()
                        + "/cancel"), "{\"reason\":\"Ditarik pemohon\"}")),
                p("POST /api/cases/{id}/cancel", "LAIN's case", OTHER_OFFICE_ONLY, (w, a) -> json(post("/api/cases/"
                        + startInOtherOffice() + "/cancel"), "{\"reason\":\"Ditarik pemohon\"}")),
                p("GET /api/cases/{id}/attachments", CASE_READERS, (w, a) -> get("/api/cases/" + caseA + "/attachments")),
                p("GET /api/cases/{id}/attachments", "LAIN's case", OTHER_OFFICE_ONLY,
                        (w, a) -> get("/api/cases/" + caseB + "/attachments")),
                p("POST /api/cases/{id}/attachments", CASE_READERS, (w, a) -> multipart("/api/cases/" + caseA
                        + "/attachments").file(new MockMultipartFile("file", "ktp.pdf", "application/pdf", PDF))),
                p("POST /api/cases/{id}/attachments", "LAIN's case", OTHER_OFFICE_ONLY, (w, a) -> multipart("/api/cases/"
                        + caseB + "/attachments").file(new MockMultipartFile("file", "ktp.pdf", "application/pdf", PDF))),
                p("GET /api/cases/{id}/attachments/{attachmentId}", CASE_READERS,
                        (w, a) -> get("/api/cases/" + caseA + "/attachments/" + attachmentA)),
                p("GET /api/cases/{id}/attachments/{attachmentId}", "LAIN's case", OTHER_OFFICE_ONLY,
                        (w, a) -> get("/api/cases/" + caseB + "/attachments/" + attachmentB)),
                p("GET /api/tasks", SIGNED_IN, (w, a) -> get("/api/tasks")),
                p("GET /api/notifications", SIGNED_IN, (w, a) -> get("/api/notifications")),
                p("POST /api/tasks/{id}/claim", STEP_WORKERS, (w, a) -> post("/api/tasks/" + openTask(false) + "/claim")),
                p("POST /api/tasks/{id}/claim", "LAIN's task", OTHER_OFFICE_ONLY,
                        (w, a) -> post("/api/tasks/" + openTask(true) + "/claim")),
                p("POST /api/tasks/{id}/release", STEP_WORKERS,
                        (w, a) -> post("/api/tasks/" + claimedTask(w, a) + "/release")),
                p("POST /api/tasks/{id}/complete", STEP_WORKERS, (w, a) -> json(post("/api/tasks/" + claimedTask(w, a)
                        + "/complete"), "{\"outcome\":\"SESUAI\"}")),
                p("POST /api/tasks/{id}/complete", "LAIN's task", OTHER_OFFICE_ONLY, (w, a) -> json(post("/api/tasks/"
                        + claimedTaskOfOtherOffice() + "/complete"), "{\"outcome\":\"SESUAI\"}")),
                p("POST /api/tasks/{id}/handoff", HANDOFF_WORKER, (w, a) -> json(post("/api/tasks/" + handOffTask(false)
                        + "/handoff"), "{\"note\":\"Dikirim ke BKD\"}")),
                p("POST /api/tasks/{id}/receive", HANDOFF_WORKER, (w, a) -> json(post("/api/tasks/" + handOffTask(true)
                        + "/receive"), "{\"note\":\"SK cuti dari BKD\"}")));
    }

    private String registration(long id) {
        return cases.detail(id).registrationNo();
    }

    private String tracking(long id) {
        return cases.detail(id).trackingCode();
    }

    /** A year whose evaluation has all seven answers for every SOP: ready for the sign-off. */
    private EvaluationForm evaluated(int year) {
        Map<Criterion, Boolean> all = new EnumMap<>(Criterion.class);
        Arrays.stream(Criterion.values()).forEach(c -> all.put(c, true));
        for (EvaluationForm.Row row : evaluation.form(OFFICE, year).rows()) {
            evaluation.saveRow(new EvaluationService.SaveRow(OFFICE, year, row.sopCode(), all, null, row.version(),
                    EVALUATOR.username));
        }
        return evaluation.form(OFFICE, year);
    }

    // --- running a probe ---

    private MockHttpServletResponse call(Probe probe, Who who, boolean withToken) throws Exception {
        boolean allowed = probe.may().contains(who);
        AbstractMockHttpServletRequestBuilder<?> request = probe.request().apply(who, allowed);
        if (probe.api()) {
            if (who != ANONYMOUS) {
                request.with(httpBasic(who.username, "demo"));
            }
        } else {
            if (who != ANONYMOUS) {
                request.session(sessions.get(who));
            }
            if (probe.changesState() && withToken) {
                request.with(csrf());
            }
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    /** Null when the answer is what the table expects of this principal, else what went wrong. */
    private static String judge(Probe probe, Who who, MockHttpServletResponse response) {
        int status = response.getStatus();
        String location = response.getRedirectedUrl() == null ? response.getHeader("Location")
                : response.getRedirectedUrl();
        if (probe.may().contains(who)) {
            boolean ok = status >= 200 && status < 300
                    || status >= 300 && status < 400 && location != null && !location.contains("/login");
            return ok ? null : "expected success, got " + status + (location == null ? "" : " → " + location);
        }
        if (who == ANONYMOUS) {
            if (probe.api()) {
                return status == 401 ? null : "expected 401, got " + status;
            }
            return status == 302 && location != null && location.endsWith("/login") ? null
                    : "expected a redirect to /login, got " + status + (location == null ? "" : " → " + location);
        }
        return status == 403 ? null : "expected 403, got " + status + (location == null ? "" : " → " + location);
    }

    @Test
    void onlyThoseTheTableNamesGetThrough() throws Exception {
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Probe probe : table()) {
            for (Who who : Who.values()) {
                MockHttpServletResponse response = call(probe, who, true);
                String problem = judge(probe, who, response);
                if (problem == null) {
                    problem = SecurityHeadersTest.missingHeaders(response, probe.api(), who != ANONYMOUS);
                }
                checked++;
                if (problem != null) {
                    wrong.add(probe.endpoint() + (probe.target().isEmpty() ? "" : " [" + probe.target() + "]") + " as "
                            + who + " (" + who.username + "): " + problem);
                }
            }
        }
        System.out.printf("Access matrix: %d endpoints × %d principals, %d probes, %d combinations checked%n",
                endpoints().size(), Who.values().length, table().size(), checked);
        assertThat(wrong).as("combinations answered otherwise than the table says").isEmpty();
        assertThat(checked).isEqualTo(table().size() * Who.values().length);
    }

    @Test
    void worklistsAndNewCasesStayWithinTheUsersOffice() throws Exception {
        long dkukmTask = openTask(false);
        long lainTask = openTask(true);
        // Same jabatan code in both offices: each sees only their own office's task.
        assertThat(cases.worklist(RIGHT_JABATAN.username, 1000)).extracting(w -> w.taskId())
                .contains(dkukmTask).doesNotContain(lainTask);
        assertThat(cases.worklist(DELEGATE_ACTIVE.username, 1000)).extracting(w -> w.taskId())
                .contains(dkukmTask).doesNotContain(lainTask);
        assertThat(cases.worklist(OTHER_OFFICE.username, 1000)).extracting(w -> w.taskId())
                .contains(lainTask).doesNotContain(dkukmTask);
        String api = mvc.perform(get("/api/tasks?limit=200").with(httpBasic(OTHER_OFFICE.username, "demo")))
                .andReturn().getResponse().getContentAsString();
        assertThat(api).contains("\"taskId\":" + lainTask + ",").doesNotContain("\"taskId\":" + dkukmTask + ",");
        // Every page of the list (25 tasks a page, most urgent first).
        StringBuilder pages = new StringBuilder();
        for (int n = 1; n == 1 || pages.toString().contains("halaman=" + n); n++) {
            pages.append(mvc.perform(get("/tugas").param("halaman", String.valueOf(n)).session(sessions.get(RIGHT_JABATAN)))
                    .andReturn().getResponse().getContentAsString());
        }
        assertThat(pages.toString()).contains("/tugas/" + dkukmTask + "/").doesNotContain("/tugas/" + lainTask + "/");

        // A case is started in the starter's own office, whichever office the pages serve.
        MockHttpServletResponse started = mvc.perform(apiCase().with(httpBasic(OTHER_OFFICE.username, "demo")))
                .andReturn().getResponse();
        assertThat(started.getStatus()).isEqualTo(201);
        assertThat(started.getContentAsString()).contains("\"registrationNo\":\"LAIN/2026/");
        String receipt = mvc.perform(newCase().session(sessions.get(OTHER_OFFICE)).with(csrf())).andReturn()
                .getResponse().getRedirectedUrl();
        long id = Long.parseLong(receipt.replaceAll("\\D", ""));
        assertThat(cases.detail(id).officeCode()).isEqualTo(OTHER);
        // Nor may the pemohon be an account of another office.
        assertThat(mvc.perform(apiCase().content("""
                        {"sopCode":"UMM-06","pemohon":{"kind":"EMPLOYEE","name":"Ai","username":"pegawai"}}""")
                        .with(httpBasic(OTHER_OFFICE.username, "demo"))).andReturn().getResponse().getStatus())
                .isEqualTo(400);
    }

    @Test
    void anotherOfficesAccountsAndAnotherCasesFilesAreOutOfReach() throws Exception {
        // DKUKM's administrator cannot deactivate LAIN's user: unknown here, and nothing changes.
        AppUser other = organization.user(OTHER_OFFICE.username).orElseThrow();
        mvc.perform(post("/admin/pengguna/status").param("username", other.username()).param("active", "false")
                        .param("version", String.valueOf(other.version())).session(sessions.get(ADMIN)).with(csrf()))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("error", "ui.admin.users.unknown"));
        assertThat(organization.user(OTHER_OFFICE.username).orElseThrow().active()).isTrue();
        // A reader of case A asking for case B's file through case A's address: no such file (404).
        assertThat(mvc.perform(get("/kasus/" + caseA + "/lampiran/" + attachmentB).session(sessions.get(PEMOHON)))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get("/api/cases/" + caseA + "/attachments/" + attachmentB)
                .with(httpBasic(PEMOHON.username, "demo"))).andReturn().getResponse().getStatus()).isEqualTo(404);
    }

    /** Every handler method of Sopan's controllers as "METHOD /pattern". */
    private Set<String> endpoints() {
        Set<String> all = new TreeSet<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : handlers.getHandlerMethods().entrySet()) {
            if (!e.getValue().getBeanType().getPackageName().startsWith("id.sopan")) {
                continue;
            }
            RequestMappingInfo info = e.getKey();
            Set<String> methods = info.getMethodsCondition().getMethods().stream().map(Enum::name)
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(methods).as("the HTTP method of " + e.getValue()).isNotEmpty();
            for (String method : methods) {
                for (String pattern : info.getPatternValues()) {
                    all.add(method + " " + pattern);
                }
            }
        }
        return all;
    }

    @Test
    void everyHandlerIsInTheTable() {
        Set<String> listed = table().stream().map(Probe::endpoint).collect(Collectors.toCollection(TreeSet::new));
        Set<String> mapped = endpoints();
        assertThat(mapped).as("handler methods the access table does not list (add a row saying who may)")
                .isSubsetOf(listed);
        assertThat(listed).as("rows of the access table no handler answers").isSubsetOf(mapped);
        assertThat(mapped).hasSizeGreaterThan(60);
    }

    @Test
    void everyStateChangingPageNeedsTheCsrfToken() throws Exception {
        List<String> wrong = new ArrayList<>();
        Set<String> covered = new LinkedHashSet<>();
        for (Probe probe : table()) {
            if (probe.api() || !probe.changesState()) {
                continue;
            }
            Who who = probe.may().contains(ANONYMOUS) ? ANONYMOUS : probe.may().iterator().next();
            int without = call(probe, who, false).getStatus();
            if (without != 403) {
                wrong.add(probe.endpoint() + " as " + who + " without the token: " + without);
            }
            String with = judge(probe, who, call(probe, who, true));
            if (with != null) {
                wrong.add(probe.endpoint() + " as " + who + " with the token: " + with);
            }
            covered.add(probe.endpoint());
        }
        Set<String> mapped = endpoints().stream().filter(e -> !e.startsWith("GET ") && !e.contains(" /api/"))
                .collect(Collectors.toCollection(TreeSet::new));
        System.out.printf("CSRF: %d state-changing page handlers, each refused without the token and accepted with it%n",
                covered.size());
        assertThat(wrong).isEmpty();
        assertThat(covered).containsExactlyInAnyOrderElementsOf(mapped);
    }
}
