package id.sopan.web;

import id.sopan.calendar.CalendarService;
import id.sopan.calendar.MovableClock;
import id.sopan.catalog.CatalogService;
import id.sopan.catalog.SopCodec;
import id.sopan.catalog.SopStatus;
import id.sopan.catalog.SopVersionSummary;
import id.sopan.organization.AppUser;
import id.sopan.organization.Delegation;
import id.sopan.organization.OrganizationService;
import id.sopan.sop.SopDefinition;
import id.sopan.sop.StandardTime;
import id.sopan.sop.Step;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The administration pages through MockMvc as the demo users: roles, forms, the calendar and SOP authoring. */
@SpringBootTest(properties = {"sopan.clock=movable", "sopan.sla.initial-delay=PT24H",
        "sopan.attachments.dir=target/test-attachments"})
@AutoConfigureMockMvc
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:adminpages;DB_CLOSE_DELAY=-1")
class AdminPagesTest {

    static final String OFFICE = "DKUKM";
    static final ZoneId WIB = ZoneId.of("Asia/Jakarta");

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    OrganizationService organization;
    @Autowired
    CalendarService calendars;
    @Autowired
    CatalogService catalog;
    @Autowired
    MovableClock clock;

    @BeforeEach
    void monday() {
        clock.set(LocalDateTime.parse("2026-03-02T08:00").atZone(WIB).toInstant());
    }

    RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    String page(MockHttpServletRequestBuilder request, String username, int expectedStatus) throws Exception {
        return mvc.perform(request.with(as(username))).andExpect(status().is(expectedStatus)).andReturn()
                .getResponse().getContentAsString();
    }

    // --- roles ---

    @Test
    void staffGets403OnTheDashboardAndTheAdministration() throws Exception {
        for (String path : List.of("/dasbor", "/admin", "/admin/pengguna", "/admin/jabatan", "/admin/delegasi",
                "/admin/kalender", "/admin/sop", "/admin/sop/UMM-06/1")) {
            mvc.perform(get(path).with(as("pegawai"))).andExpect(status().isForbidden());
        }
        mvc.perform(post("/admin/delegasi").with(as("pegawai")).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/admin/sop/UMM-06/1/sahkan").param("lockVersion", "0").with(as("pegawai")).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/dasbor")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));

        // The administrator: everything but pengesahan and pencabutan.
        for (String path : List.of("/dasbor", "/admin", "/admin/pengguna", "/admin/jabatan", "/admin/delegasi",
                "/admin/kalender", "/admin/sop", "/admin/sop/UMM-06/1")) {
            mvc.perform(get(path).with(as("kasubbag.umum"))).andExpect(status().isOk());
        }
        mvc.perform(post("/admin/sop/UMM-06/1/sahkan").param("lockVersion", "0").with(as("kasubbag.umum"))
                .with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/admin/sop/UMM-06/1/cabut").param("lockVersion", "0").with(as("kasubbag.umum"))
                .with(csrf())).andExpect(status().isForbidden());
        // The Kepala: the dashboard and the SOP versions, not the rest of the administration.
        mvc.perform(get("/dasbor").with(as("kadis"))).andExpect(status().isOk());
        mvc.perform(get("/admin/sop").with(as("sekdis"))).andExpect(status().isOk());
        mvc.perform(get("/admin/pengguna").with(as("kadis"))).andExpect(status().isForbidden());
        mvc.perform(post("/admin/sop/UMM-06/revisi").with(as("kadis")).with(csrf())).andExpect(status().isForbidden());
        // Without a CSRF token even the administrator is refused.
        mvc.perform(post("/admin/kalender/menit").param("menit", "330").with(as("kasubbag.umum")))
                .andExpect(status().isForbidden());
    }

    // --- users ---

    @Test
    void aUserIsDeactivatedAndActivatedWithItsVersionAndAStaleVersionIsRefused() throws Exception {
        AppUser before = organization.user("staf.ukm").orElseThrow();
        assertThat(before.active()).isTrue();
        mvc.perform(post("/admin/pengguna/status").param("username", "staf.ukm").param("active", "false")
                        .param("version", String.valueOf(before.version())).with(as("kasubbag.umum")).with(csrf()))
                .andExpect(redirectedUrl("/admin/pengguna"))
                .andExpect(flash().attribute("message", "ui.admin.users.deactivated"));
        assertThat(organization.user("staf.ukm").orElseThrow().active()).isFalse();
        assertThat(page(get("/admin/pengguna"), "kasubbag.umum", 200)).contains("Nonaktif");

        // The same form sent again (the version it carried is old now) changes nothing.
        mvc.perform(post("/admin/pengguna/status").param("username", "staf.ukm").param("active", "true")
                        .param("version", String.valueOf(before.version())).with(as("kasubbag.umum")).with(csrf()))
                .andExpect(flash().attribute("error", "ui.admin.users.stale"));
        assertThat(organization.user("staf.ukm").orElseThrow().active()).isFalse();

        AppUser now = organization.user("staf.ukm").orElseThrow();
        mvc.perform(post("/admin/pengguna/status").param("username", "staf.ukm").param("active", "true")
                        .param("version", String.valueOf(now.version())).with(as("kasubbag.umum")).with(csrf()))
                .andExpect(flash().attribute("message", "ui.admin.users.activated"));
        assertThat(organization.user("staf.ukm").orElseThrow().active()).isTrue();

        AppUser self = organization.user("kasubbag.umum").orElseThrow();
        mvc.perform(post("/admin/pengguna/status").param("username", "kasubbag.umum").param("active", "false")
                        .param("version", String.valueOf(self.version())).with(as("kasubbag.umum")).with(csrf()))
                .andExpect(flash().attribute("error", "ui.admin.users.notSelf"));
        assertThat(organization.user("kasubbag.umum").orElseThrow().active()).isTrue();
    }

    @Test
    void theJabatanListShowsEachAtasan() throws Exception {
        String html = page(get("/admin/jabatan"), "kasubbag.umum", 200);
        assertThat(html).contains("STAF-KEPEGAWAIAN").contains("Kepala Sub Bagian Umum").contains("Kepala Dinas");
    }

    // --- delegations ---

    MockHttpServletRequestBuilder delegation(String user, String jabatan, String kind, String from, String to,
                                             String note) {
        return post("/admin/delegasi").param("username", user).param("jabatanCode", jabatan).param("kind", kind)
                .param("validFrom", from).param("validTo", to).param("note", note).with(csrf());
    }

    @Test
    void theDelegationFormShowsEachErrorNextToItsFieldAndKeepsTheValues() throws Exception {
        String badDate = page(delegation("staf.umum", "STAF-KEPEGAWAIAN", "PLH", "2026-02-31", "2026-03-04", "cuti"),
                "kasubbag.umum", 400);
        assertThat(badDate).contains("id=\"validFrom-error\"").contains("Tanggal tidak sah")
                .contains("value=\"2026-02-31\"").contains("value=\"2026-03-04\"")
                .containsPattern("value=\"staf.umum\"\\s+selected");

        // The service's refusal (InvalidInputException.field()) lands next to its field.
        String backwards = page(delegation("staf.umum", "STAF-KEPEGAWAIAN", "PLH", "2026-03-04", "2026-03-02", ""),
                "kasubbag.umum", 400);
        assertThat(backwards).contains("id=\"validTo-error\"").contains("tidak boleh sebelum tanggal mulai")
                .doesNotContain("id=\"validFrom-error\"");
        String own = page(delegation("staf.umum", "STAF-UMUM", "PLT", "2026-03-02", "2026-03-04", ""),
                "kasubbag.umum", 400);
        assertThat(own).contains("id=\"jabatanCode-error\"");
        String noKind = page(delegation("staf.umum", "STAF-KEPEGAWAIAN", "BOSS", "2026-03-02", "2026-03-04", ""),
                "kasubbag.umum", 400);
        assertThat(noKind).contains("id=\"kind-error\"");
        String longNote = page(delegation("staf.umum", "STAF-KEPEGAWAIAN", "PLH", "2026-03-02", "2026-03-04",
                "x".repeat(501)), "kasubbag.umum", 400);
        assertThat(longNote).contains("id=\"note-error\"").contains("Paling banyak 500 karakter");
        String english = page(delegation("staf.umum", "STAF-KEPEGAWAIAN", "PLH", "2026-03-04", "2026-03-02", "")
                .param("lang", "en"), "kasubbag.umum", 400);
        assertThat(english).contains("The last day must not be before the first day.");
        List<Delegation> none = organization.delegations(OFFICE);

        mvc.perform(delegation("staf.umum", "STAF-KEPEGAWAIAN", "PLH", "2026-03-02", "2026-03-04",
                        "SP <script>alert(1)</script>").param("lang", "id").with(as("kasubbag.umum")))
                .andExpect(redirectedUrl("/admin/delegasi"))
                .andExpect(flash().attribute("message", "ui.admin.delegation.created"));
        assertThat(organization.delegations(OFFICE)).hasSize(none.size() + 1);
        String list = page(get("/admin/delegasi"), "kasubbag.umum", 200);
        assertThat(list).contains("SP &lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)");
    }

    // --- calendar ---

    @Test
    void aHolidayAddedOnThePageMovesADeadlineAndRemovingItMovesItBack() throws Exception {
        // Opening time on Tuesday: 330 minutes fill Tuesday, the next 330 the next working day.
        Instant tuesday = LocalDateTime.parse("2026-07-07T07:30").atZone(WIB).toInstant();
        StandardTime twoDays = StandardTime.parse("660 menit").orElseThrow();
        Instant before = calendars.calendarFor(OFFICE).deadline(tuesday, twoDays);
        assertThat(LocalDate.ofInstant(before, WIB)).isEqualTo(LocalDate.parse("2026-07-08"));

        mvc.perform(post("/admin/kalender/libur").param("tanggal", "2026-07-08").param("nama", "Hari Jadi <b>Kuningan</b>")
                        .param("jenis", "LOCAL").with(as("kasubbag.umum")).with(csrf()))
                .andExpect(redirectedUrl("/admin/kalender?tahun=2026"))
                .andExpect(flash().attribute("message", "ui.admin.calendar.added"));
        Instant moved = calendars.calendarFor(OFFICE).deadline(tuesday, twoDays);
        assertThat(LocalDate.ofInstant(moved, WIB)).isEqualTo(LocalDate.parse("2026-07-09"));
        assertThat(page(get("/admin/kalender").param("tahun", "2026"), "kasubbag.umum", 200))
                .contains("2026-07-08").contains("Hari Jadi &lt;b&gt;Kuningan&lt;/b&gt;");

        mvc.perform(post("/admin/kalender/libur/hapus").param("tanggal", "2026-07-08").with(as("kasubbag.umum"))
                        .with(csrf()))
                .andExpect(flash().attribute("message", "ui.admin.calendar.removed"));
        assertThat(calendars.calendarFor(OFFICE).deadline(tuesday, twoDays)).isEqualTo(before);

        // Bad input: an error next to the field, the typed value kept, nothing stored.
        String badDate = page(post("/admin/kalender/libur").param("tanggal", "2026-13-45").param("nama", "X")
                .param("jenis", "LOCAL").with(csrf()), "kasubbag.umum", 400);
        assertThat(badDate).contains("Tanggal tidak sah").contains("value=\"2026-13-45\"");
        assertThat(page(post("/admin/kalender/libur").param("tanggal", "2026-07-10").param("nama", "n".repeat(201))
                .param("jenis", "LOCAL").with(csrf()), "kasubbag.umum", 400)).contains("Paling banyak 200 karakter");
        assertThat(calendars.calendarFor(OFFICE).holiday(LocalDate.parse("2026-07-10"))).isEmpty();
        assertThat(page(post("/admin/kalender/menit").param("menit", "banyak").with(csrf()), "kasubbag.umum", 400))
                .contains("Harus berupa bilangan bulat").contains("value=\"banyak\"");
        assertThat(page(post("/admin/kalender/menit").param("menit", "10").with(csrf()), "kasubbag.umum", 400))
                .contains("Harus antara 60 dan 1440");
        assertThat(page(post("/admin/kalender/jam").param("hari", "MONDAY").param("jam", "25:00-26:00").with(csrf()),
                "kasubbag.umum", 400)).contains("Tulis seperti 07:30-12:00").contains("value=\"25:00-26:00\"");
        assertThat(page(post("/admin/kalender/jam").param("hari", "MONDAY").param("jam", "07:30-12:00, 11:00-13:00")
                .with(csrf()), "kasubbag.umum", 400)).contains("Jam kantor ditolak");
        assertThat(calendars.calendarFor(OFFICE).deadline(tuesday, twoDays)).isEqualTo(before);

        // Minutes per working day and office hours that are fine are stored (and put back).
        mvc.perform(post("/admin/kalender/menit").param("menit", "450").with(as("kasubbag.umum")).with(csrf()))
                .andExpect(flash().attribute("message", "ui.admin.calendar.minutesSaved"));
        assertThat(calendars.calendarFor(OFFICE).minutesPerWorkingDay()).isEqualTo(450);
        mvc.perform(post("/admin/kalender/menit").param("menit", "330").with(as("kasubbag.umum")).with(csrf()));
        mvc.perform(post("/admin/kalender/jam").param("hari", "SATURDAY").param("jam", "08:00-12:00")
                        .with(as("kasubbag.umum")).with(csrf()))
                .andExpect(flash().attribute("message", "ui.admin.calendar.hoursSaved"));
        assertThat(calendars.calendarFor(OFFICE).isWorkingDay(LocalDate.parse("2026-07-11"))).isTrue();
        mvc.perform(post("/admin/kalender/jam").param("hari", "SATURDAY").param("jam", "")
                .with(as("kasubbag.umum")).with(csrf()));
        assertThat(calendars.calendarFor(OFFICE).isWorkingDay(LocalDate.parse("2026-07-11"))).isFalse();
        assertThat(calendars.calendarFor(OFFICE).deadline(tuesday, twoDays)).isEqualTo(before);
    }

    // --- SOP authoring ---

    SopVersionSummary version(String code, int versionNo) {
        return catalog.versions(OFFICE, code).stream().filter(v -> v.versionNo() == versionNo).findFirst()
                .orElseThrow();
    }

    MockHttpServletRequestBuilder sopPost(String code, int versionNo, String action) {
        return post("/admin/sop/" + code + "/" + versionNo + "/" + action).with(csrf());
    }

    @Test
    void anSopIsRevisedEditedValidatedRatifiedByTheKepalaAndRevoked() throws Exception {
        String code = "UMM-20";
        int berlaku = catalog.versions(OFFICE, code).get(0).versionNo();
        MvcResult revised = mvc.perform(post("/admin/sop/" + code + "/revisi").with(as("kasubbag.umum")).with(csrf()))
                .andExpect(status().isFound()).andReturn();
        int v = berlaku + 1;
        assertThat(revised.getResponse().getRedirectedUrl()).isEqualTo("/admin/sop/" + code + "/" + v);
        assertThat(version(code, v).status()).isEqualTo(SopStatus.DRAFT);
        // A second Revisi is refused while the draft is open.
        mvc.perform(post("/admin/sop/" + code + "/revisi").with(as("kasubbag.umum")).with(csrf()))
                .andExpect(flash().attribute("error", "ui.admin.sop.draftExists"));
        assertThat(page(get("/admin/sop/" + code + "/" + v), "kasubbag.umum", 200))
                .contains("<textarea").contains("Pembuatan Penilaian Sasaran Kinerja Pegawai");

        // A broken step 2: no kegiatan and an actor the SOP does not have.
        SopDefinition current = catalog.definition(OFFICE, code, v).orElseThrow();
        List<Step> steps = new ArrayList<>(current.steps());
        Step two = steps.get(1);
        steps.set(1, new Step(2, "", List.of("Sekretaris Dinas", "Bupati"), two.kelengkapan(), two.waktu(),
                two.output(), null, null, List.of()));
        String broken = SopCodec.toYaml(new SopDefinition(code, current.title(), false, current.serviceType(),
                current.identity(), current.serviceStandard(), current.actors(), steps, current.notes()));

        // Validasi through htmx answers the problems alone, per step and field, in the user's language.
        String live = mvc.perform(sopPost(code, v, "validasi").param("yaml", broken).header("HX-Request", "true")
                        .with(as("kasubbag.umum")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(live).doesNotContain("<html").contains("id=\"problems\"")
                .contains("<td>2</td>").contains("Kegiatan").contains("wajib diisi").contains("Bupati");
        String liveEn = mvc.perform(sopPost(code, v, "validasi").param("yaml", broken).param("lang", "en")
                        .header("HX-Request", "true").with(as("kasubbag.umum")))
                .andReturn().getResponse().getContentAsString();
        assertThat(liveEn).contains("is required").contains("is not one of this SOP");
        // Without htmx the whole page comes back, the text kept.
        assertThat(page(sopPost(code, v, "validasi").param("yaml", broken).param("lang", "id"), "kasubbag.umum", 200))
                .contains("<html").contains("wajib diisi").contains("Bupati");

        // A draft may be stored invalid, but not submitted nor ratified.
        mvc.perform(sopPost(code, v, "simpan").param("yaml", broken)
                        .param("lockVersion", String.valueOf(version(code, v).lockVersion())).with(as("kasubbag.umum")))
                .andExpect(redirectedUrl("/admin/sop/" + code + "/" + v))
                .andExpect(flash().attribute("message", "ui.admin.sop.saved"));
        mvc.perform(sopPost(code, v, "ajukan").param("lockVersion", String.valueOf(version(code, v).lockVersion()))
                        .with(as("kasubbag.umum")))
                .andExpect(flash().attribute("error", "ui.admin.sop.invalid"));
        mvc.perform(sopPost(code, v, "sahkan").param("lockVersion", String.valueOf(version(code, v).lockVersion()))
                        .with(as("kadis")))
                .andExpect(flash().attribute("error", "ui.admin.sop.invalid"));
        assertThat(version(code, v).status()).isEqualTo(SopStatus.DRAFT);
        String refusedPage = mvc.perform(get("/admin/sop/" + code + "/" + v).with(as("kadis"))
                        .flashAttr("error", "ui.admin.sop.invalid").flashAttr("errorArgs", new Object[] {code, v, 2L}))
                .andReturn().getResponse().getContentAsString();
        assertThat(refusedPage).contains("masih memiliki 2 kesalahan validasi").contains("Sahkan")
                .doesNotContain("<textarea");

        // YAML that cannot be read, or that names another SOP, is not stored; the text is kept.
        String unreadable = page(sopPost(code, v, "simpan").param("yaml", "steps: [\n  - number: <script>")
                .param("lockVersion", String.valueOf(version(code, v).lockVersion())), "kasubbag.umum", 400);
        assertThat(unreadable).contains("tidak dapat dibaca").contains("steps: [").contains("&lt;script&gt;");
        assertThat(page(sopPost(code, v, "simpan").param("yaml", broken.replace("code: UMM-20", "code: UMM-19"))
                .param("lockVersion", String.valueOf(version(code, v).lockVersion())), "kasubbag.umum", 400))
                .contains("kode SOP tidak dapat diubah");

        // Fixed: a new title; the stale form of before is refused and keeps its text.
        int staleLock = version(code, v).lockVersion();
        String fixed = SopCodec.toYaml(new SopDefinition(code, "Penilaian SKP (revisi 2026)", false,
                current.serviceType(), current.identity(), current.serviceStandard(), current.actors(),
                current.steps(), current.notes()));
        mvc.perform(sopPost(code, v, "simpan").param("yaml", fixed).param("lockVersion", String.valueOf(staleLock))
                        .with(as("kasubbag.umum")))
                .andExpect(flash().attribute("message", "ui.admin.sop.saved"));
        String stale = page(sopPost(code, v, "simpan").param("yaml", fixed + "\n")
                .param("lockVersion", String.valueOf(staleLock)), "kasubbag.umum", 409);
        assertThat(stale).contains("telah diubah oleh pengguna lain").contains("Penilaian SKP (revisi 2026)");
        assertThat(page(get("/admin/sop/" + code + "/" + v), "kasubbag.umum", 200))
                .contains("Tidak ada masalah");

        mvc.perform(sopPost(code, v, "ajukan").param("lockVersion", String.valueOf(version(code, v).lockVersion()))
                        .with(as("kasubbag.umum")))
                .andExpect(flash().attribute("message", "ui.admin.sop.submitted"));
        assertThat(version(code, v).submitted()).isTrue();
        assertThat(page(get("/dasbor"), "kadis", 200)).contains("/admin/sop/" + code + "/" + v);

        // Pengesahan by the Kepala Dinas: a stale page is refused, the current one makes the draft berlaku.
        mvc.perform(sopPost(code, v, "sahkan").param("lockVersion", String.valueOf(staleLock)).with(as("kadis")))
                .andExpect(flash().attribute("error", "ui.admin.sop.stale"));
        mvc.perform(sopPost(code, v, "sahkan").param("lockVersion", String.valueOf(version(code, v).lockVersion()))
                        .with(as("kadis")))
                .andExpect(flash().attribute("message", "ui.admin.sop.ratified"));
        assertThat(version(code, v).status()).isEqualTo(SopStatus.BERLAKU);
        assertThat(version(code, berlaku).status()).isEqualTo(SopStatus.DICABUT);
        String catalogPage = mvc.perform(get("/katalog/" + code)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(catalogPage).contains("Penilaian SKP (revisi 2026)");
        assertThat(mvc.perform(get("/katalog")).andReturn().getResponse().getContentAsString())
                .contains("Berlaku (v" + v + ")");

        // Pencabutan: twice is refused clearly; afterwards the catalog no longer lists the SOP.
        int lock = version(code, v).lockVersion();
        mvc.perform(sopPost(code, v, "cabut").param("lockVersion", String.valueOf(lock)).with(as("kadis")))
                .andExpect(flash().attribute("message", "ui.admin.sop.revoked"));
        mvc.perform(sopPost(code, v, "cabut").param("lockVersion", String.valueOf(version(code, v).lockVersion()))
                        .with(as("kadis")))
                .andExpect(flash().attribute("error", "ui.admin.sop.notBerlaku"));
        assertThat(version(code, v).status()).isEqualTo(SopStatus.DICABUT);
        mvc.perform(get("/katalog/" + code)).andExpect(status().isNotFound());
    }

    // --- robustness ---

    @Test
    void malformedPostsNeverAnswer500() throws Exception {
        List<MockHttpServletRequestBuilder> requests = List.of(
                post("/admin/sop/UMM-06/abc/simpan"),
                post("/admin/sop/UMM-06/1/simpan"),
                post("/admin/sop/UMM-06/1/simpan").param("yaml", "x".repeat(AdminSopController.MAX_YAML + 1))
                        .param("lockVersion", "0"),
                post("/admin/sop/UMM-06/1/simpan").param("yaml", "- a\n- b").param("lockVersion", "0"),
                post("/admin/sop/UMM-06/1/simpan").param("yaml", "null").param("lockVersion", "zero"),
                post("/admin/sop/UMM-06/1/validasi").param("yaml", "!!java.lang.Runtime {}"),
                post("/admin/sop/UMM-06/1/validasi").param("yaml", "code: UMM-06\nsteps: 7"),
                post("/admin/sop/UMM-06/1/validasi").param("yaml", "code: UMM-06\ntitle: " + "t".repeat(600)),
                post("/admin/sop/UMM-06/1/validasi").param("yaml", "code: UMM-06\nsteps:\n  - number: x"),
                post("/admin/sop/UMM-06/1/ajukan").param("lockVersion", "-1"),
                post("/admin/sop/UMM-06/999/ajukan").param("lockVersion", "0"),
                post("/admin/sop/NOPE-99/1/ajukan").param("lockVersion", "0"),
                post("/admin/sop/NOPE-99/revisi"),
                post("/admin/sop/<b>/revisi"),
                post("/admin/delegasi"),
                post("/admin/delegasi").param("validFrom", "9999999-99-99").param("note", "\u0000"),
                post("/admin/pengguna/status"),
                post("/admin/pengguna/status").param("username", "nobody").param("active", "true")
                        .param("version", "0"),
                post("/admin/pengguna/status").param("username", "staf.ukm").param("active", "maybe")
                        .param("version", "abc"),
                post("/admin/kalender/libur"),
                post("/admin/kalender/libur").param("tanggal", "99999-01-01").param("nama", "x").param("jenis", "LOCAL"),
                post("/admin/kalender/libur/hapus").param("tanggal", "kemarin"),
                post("/admin/kalender/libur/hapus").param("tanggal", "2026-07-15"),
                post("/admin/kalender/menit").param("menit", "99999999999999"),
                post("/admin/kalender/jam").param("hari", "FUNDAY").param("jam", "07:00-08:00"),
                post("/admin/kalender/jam").param("hari", "MONDAY").param("jam", "07:30-07:30"),
                post("/admin/kalender/jam").param("hari", "MONDAY").param("jam", "x".repeat(300)));
        for (MockHttpServletRequestBuilder request : requests) {
            MvcResult result = mvc.perform(request.with(as("kasubbag.umum")).with(csrf())).andReturn();
            assertThat(result.getResponse().getStatus()).as(result.getRequest().getRequestURI() + " "
                    + result.getRequest().getParameterMap().keySet()).isLessThan(500);
        }
        for (MockHttpServletRequestBuilder request : List.of(
                post("/admin/sop/UMM-06/1/sahkan"), post("/admin/sop/UMM-06/1/sahkan").param("lockVersion", "x"),
                post("/admin/sop/UMM-06/1/cabut").param("lockVersion", "999"),
                post("/admin/sop/UMM-06/x/cabut").param("lockVersion", "0"))) {
            MvcResult result = mvc.perform(request.with(as("kadis")).with(csrf())).andReturn();
            assertThat(result.getResponse().getStatus()).as(result.getRequest().getRequestURI()).isLessThan(500);
        }
        for (String path : List.of("/admin/kalender?tahun=abc", "/admin/kalender?tahun=99999", "/admin/sop/UMM-06/999",
                "/admin/sop/UMM-06/abc", "/dasbor?bulan=2026-13")) {
            MvcResult result = mvc.perform(get(path).with(as("kasubbag.umum"))).andReturn();
            assertThat(result.getResponse().getStatus()).as(path).isLessThan(500);
        }
        // Nothing of it changed the SOP or the calendar.
        assertThat(catalog.versions(OFFICE, "UMM-06")).extracting(SopVersionSummary::status)
                .containsExactly(SopStatus.BERLAKU);
        assertThat(calendars.calendarFor(OFFICE).minutesPerWorkingDay()).isEqualTo(330);
    }
}
