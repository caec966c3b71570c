package id.sopan.organization;

import id.sopan.support.Database;
import id.sopan.catalog.CatalogFiles;
import id.sopan.catalog.OfficeCatalog;
import id.sopan.sop.Actor;
import id.sopan.sop.ActorKind;
import id.sopan.sop.SopDefinition;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCrypt;

import javax.sql.DataSource;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The organization's storage and rules, run against each database the application supports: a subclass
 * per database only points the datasource somewhere else. Every test starts from the bundled organization
 * file loaded in demo mode (the loaders themselves are off).
 */
@SpringBootTest(properties = {"sopan.catalog.load-on-start=false", "sopan.organization.load-on-start=false"})
abstract class OrganizationStorageContract {

    static final String OFFICE = "DKUKM";
    static final LocalDate MONDAY = LocalDate.of(2025, 3, 10);

    @Autowired
    OrganizationService service;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Flyway flyway;
    @Autowired
    ApplicationContext context;
    @Autowired
    DataSource dataSource;

    @BeforeEach
    void freshOrganization() {
        emptyOrganization();
        service.loadBundled(true);
    }

    void emptyOrganization() {
        Database.wipe(jdbc);
    }

    @Test
    void migrationsRanAndTheLoaderIsOff() {
        assertThat(flyway.info().applied()).extracting(m -> m.getVersion().getVersion()).contains("1", "3");
        assertThat(context.getBeansOfType(OrganizationLoader.class)).isEmpty();
        // The organization file stores its office when the catalog has not (yet).
        assertThat(count("SELECT COUNT(*) FROM office WHERE code = 'DKUKM'")).isEqualTo(1);
    }

    @Test
    void everyActorOfTheBundledCatalogResolves() {
        CatalogFiles.Result catalog = CatalogFiles.loadBundled();
        assertThat(catalog.sopCount()).isEqualTo(48);
        List<String> failures = new ArrayList<>();
        int internal = 0;
        int external = 0;
        for (OfficeCatalog office : catalog.offices()) {
            String officeCode = office.office().code();
            for (SopDefinition sop : office.sops()) {
                for (Actor actor : sop.actors()) {
                    String where = officeCode + "/" + sop.code() + " " + actor.name() + " [" + actor.kind() + "]";
                    List<Jabatan> jabatan = service.jabatanFor(officeCode, sop.code(), actor.name());
                    boolean outside = service.institutionFor(officeCode, sop.code(), actor.name()).isPresent();
                    switch (actor.kind()) {
                        case INTERNAL -> {
                            internal++;
                            if (jabatan.isEmpty() || outside) {
                                failures.add(where + ": no jabatan");
                            }
                        }
                        case EXTERNAL -> {
                            external++;
                            if (!outside || !jabatan.isEmpty() || !service.isExternal(officeCode, actor.name())) {
                                failures.add(where + ": no institution");
                            }
                        }
                        case PEMOHON -> {
                            if (!jabatan.isEmpty() || outside) {
                                failures.add(where + ": the pemohon is assigned to someone");
                            }
                        }
                    }
                }
            }
        }
        assertThat(failures).isEmpty();
        assertThat(internal).isGreaterThan(200);
        assertThat(external).isEqualTo(16);
    }

    @Test
    void demoModeCreatesOneActiveAccountPerJabatanWithTheDemoPassword() {
        List<AppUser> users = service.users(OFFICE);
        List<Jabatan> jabatan = service.jabatan(OFFICE);

        assertThat(jabatan).hasSize(31);
        assertThat(users).allMatch(u -> u.active() && u.demoAccount() && u.version() == 0);
        assertThat(users.stream().map(AppUser::jabatanCode).filter(j -> j != null).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(jabatan.stream().map(Jabatan::code).toList());
        // One per jabatan, plus "pegawai", an employee who applies (cuti, SKP), and two evaluators without jabatan.
        assertThat(users).hasSize(jabatan.size() + 3);
        assertThat(users).filteredOn(u -> u.jabatanCode() == null).extracting(AppUser::username)
                .containsExactlyInAnyOrder("evaluator.organisasi", "inspektorat");
        assertThat(service.user("pegawai")).get().extracting(AppUser::jabatanCode).isEqualTo("STAF-DK");
        assertThat(users).extracting(AppUser::username)
                .contains("kadis", "sekdis", "kasubbag.umum", "staf.kepegawaian", "kabid.ukm", "kasi.bimbingan")
                .doesNotHaveDuplicates();
        assertThat(users).extracting(AppUser::nip).doesNotHaveDuplicates()
                .allMatch(OrganizationFiles::isNip, "a well-formed NIP of 18 digits");

        List<String> hashes = jdbc.sql("SELECT password_hash FROM app_user ORDER BY id").query(String.class).list();
        assertThat(hashes).hasSize(users.size()).doesNotHaveDuplicates()
                .allMatch(h -> h.startsWith("$2a$") && BCrypt.checkpw("demo", h), "a BCrypt hash of \"demo\"");
        assertThat(service.checkPassword("kadis", "demo")).isTrue();
        assertThat(service.checkPassword("kadis", "Demo")).isFalse();
        assertThat(service.checkPassword("nobody", "demo")).isFalse();
    }

    @Test
    void outsideDemoModeNoAccountIsCreatedAndDemoAccountsAreDisabled() {
        OrganizationLoadReport report = service.loadBundled(false);

        assertThat(report.usersCreated()).isZero();
        assertThat(report.demoAccountsDisabled()).isEqualTo(34);
        assertThat(service.users(OFFICE)).isNotEmpty().noneMatch(AppUser::active);
        assertThat(count("SELECT COUNT(*) FROM app_user WHERE password_hash IS NOT NULL")).isZero();
        assertThat(service.checkPassword("kadis", "demo")).isFalse();
        assertThat(service.holders(OFFICE, "KADIS", MONDAY)).isEmpty();
        // Again: nothing left to disable.
        assertThat(service.loadBundled(false).demoAccountsDisabled()).isZero();

        emptyOrganization();
        OrganizationLoadReport fresh = service.loadBundled(false);
        assertThat(fresh.usersCreated()).isZero();
        assertThat(fresh.jabatan()).isEqualTo(31);
        assertThat(count("SELECT COUNT(*) FROM app_user")).isZero();
    }

    @Test
    void loadingAgainChangesNothing() {
        Map<String, Long> before = snapshot();
        List<Jabatan> jabatan = service.jabatan(OFFICE);
        List<AppUser> users = service.users(OFFICE);
        List<JabatanGroup> groups = service.groups(OFFICE);

        OrganizationLoadReport again = service.loadBundled(true);

        assertThat(again.usersCreated()).isZero();
        assertThat(again).isEqualTo(new OrganizationLoadReport(1, 14, 31, 5, 8, 46, 0, 0));
        assertThat(snapshot()).isEqualTo(before);
        assertThat(service.jabatan(OFFICE)).isEqualTo(jabatan);
        assertThat(service.users(OFFICE)).isEqualTo(users);
        assertThat(service.groups(OFFICE)).isEqualTo(groups);
    }

    @Test
    void theAtasanChainOfEveryJabatanEndsAtTheKepalaDinas() {
        assertThat(chain("STAF-DK")).containsExactly("KASI-DK", "KABID-UKM", "KADIS");
        assertThat(chain("STAF-KEPEGAWAIAN")).containsExactly("KASUBBAG-UMUM", "SEKDIS", "KADIS");
        assertThat(chain("STAF-BP")).containsExactly("KASI-BP", "KABID-PK", "KADIS");
        assertThat(chain("TIM-RKA")).containsExactly("SEKDIS", "KADIS");
        assertThat(service.atasan(OFFICE, "KADIS")).isEmpty();
        assertThat(service.atasan(OFFICE, "NONE")).isEmpty();
        for (Jabatan j : service.jabatan(OFFICE)) {
            List<String> chain = chain(j.code());
            if (j.isHead()) {
                assertThat(j.code()).isEqualTo("KADIS");
                assertThat(chain).isEmpty();
            } else {
                assertThat(chain).as(j.code()).hasSizeLessThanOrEqualTo(4).endsWith("KADIS");
            }
        }
        Map<String, String> unitParents = service.units(OFFICE).stream().filter(u -> u.parentCode() != null)
                .collect(Collectors.toMap(OrgUnit::code, OrgUnit::parentCode));
        assertThat(unitParents).containsEntry("SUBBAG-UMUM", "SEKRETARIAT").containsEntry("SEKSI-BP", "BID-PK")
                .containsEntry("BID-UKM", "DINAS").hasSize(13);
    }

    @Test
    void aGroupActorResolvesToAllItsMembers() {
        assertThat(codes(service.jabatanFor(OFFICE, "UMM-20", "Kepala Bidang")))
                .containsExactly("KABID-KK", "KABID-PK", "KABID-UKM");
        assertThat(codes(service.jabatanFor(OFFICE, "UMM-04", "Kasubbag/Kasi"))).hasSize(9)
                .contains("KASUBBAG-UMUM", "KASI-MAU").noneMatch(c -> c.startsWith("KABID") || c.startsWith("STAF"));
        assertThat(service.jabatanFor(OFFICE, "UMM-03", "Pegawai Dinkop UKM")).hasSize(31);
        assertThat(codes(service.jabatanFor(OFFICE, "UMM-02", "Staf Kasubbag/Kasi")))
                .contains("STAF-KEPEGAWAIAN", "STAF-DK").noneMatch(c -> c.startsWith("KA"));
        // "Atasan langsung": every structural jabatan (each atasan among them), narrowed by a case to the pemohon's own.
        JabatanGroup atasan = service.groups(OFFICE).stream().filter(g -> g.code().equals("ATASAN-LANGSUNG"))
                .findFirst().orElseThrow();
        assertThat(atasan.scope()).isEqualTo(GroupScope.ATASAN_OF_APPLICANT);
        Set<String> superiors = service.jabatan(OFFICE).stream().map(Jabatan::atasanCode)
                .filter(c -> c != null).collect(Collectors.toSet());
        assertThat(codes(service.jabatanFor(OFFICE, "UMM-19", "Atasan langsung"))).hasSize(14)
                .containsAll(superiors)
                .allMatch(c -> service.jabatan(OFFICE, c).orElseThrow().kind() == JabatanKind.STRUCTURAL);
        String pegawaiJabatan = service.user("pegawai").orElseThrow().jabatanCode();
        assertThat(service.atasan(OFFICE, pegawaiJabatan)).get().extracting(Jabatan::code).isEqualTo("KASI-DK");
        // Two names, one jabatan; one name, two jabatan.
        assertThat(service.jabatanFor(OFFICE, "UMM-01", "Fungsional Arsiparis"))
                .isEqualTo(service.jabatanFor(OFFICE, "UMM-18", "Arsiparis Dinas"));
        assertThat(codes(service.jabatanFor(OFFICE, "KEU-03", "PPTK/Bendahara Pembantu")))
                .containsExactly("PPTK", "BENDAHARA-PEMBANTU");
        assertThat(service.jabatanFor(OFFICE, "UMM-01", "Nobody")).isEmpty();
    }

    @Test
    void aPerSopAssignmentOverridesThePrefixOne() {
        assertThat(codes(service.jabatanFor(OFFICE, "KOP-01", "Staf Pelaksana"))).containsExactly("STAF-BUK");
        assertThat(codes(service.jabatanFor(OFFICE, "KOP-04", "Staf Pelaksana"))).containsExactly("STAF-BUK");
        assertThat(codes(service.jabatanFor(OFFICE, "KOP-05", "Staf Pelaksana"))).containsExactly("STAF-BP");
        assertThat(codes(service.jabatanFor(OFFICE, "UKM-04", "Staf Pelaksana"))).containsExactly("STAF-MAU");
        // No SOP, or an SOP no assignment covers: nobody.
        assertThat(service.jabatanFor(OFFICE, null, "Staf Pelaksana")).isEmpty();
        assertThat(service.jabatanFor(OFFICE, "UMM-01", "Staf Pelaksana")).isEmpty();
        assertThat(service.jabatan(OFFICE, "STAF-BP")).get().extracting(Jabatan::unitCode).isEqualTo("SEKSI-BP");
    }

    @Test
    void externalActorsAreInstitutions() {
        assertThat(service.institutions(OFFICE)).extracting(ExternalInstitution::code)
                .containsExactly("BAPPEDA", "BKD", "BPKAD", "NOTARIS", "SETDA-ORGANISASI", "SETDA-PEMBANGUNAN",
                        "TASPEN", "TPAD");
        assertThat(service.isExternal(OFFICE, "Kepala BPKAD")).isTrue();
        assertThat(service.institutionFor(OFFICE, "KEU-06", "Kepala BPKAD")).get()
                .extracting(ExternalInstitution::code).isEqualTo("BPKAD");
        assertThat(service.isExternal(OFFICE, "Kepala Dinas")).isFalse();
        assertThat(service.isExternal(OFFICE, "Pemohon")).isFalse();
    }

    @Test
    void aDelegateHoldsTheJabatanOnlyWithinItsDates() {
        Delegation plh = service.delegate(request(r -> r));

        assertThat(plh.id()).isPositive();
        assertThat(plh.kind()).isEqualTo(DelegationKind.PLH);
        assertThat(plh.createdAt()).isNotNull();
        assertThat(service.delegations(OFFICE)).containsExactly(plh);

        assertThat(usernames(service.holders(OFFICE, "KADIS", MONDAY.minusDays(1)))).containsExactly("kadis");
        assertThat(usernames(service.holders(OFFICE, "KADIS", MONDAY))).containsExactly("kadis", "sekdis");
        assertThat(usernames(service.holders(OFFICE, "KADIS", MONDAY.plusDays(4)))).containsExactly("kadis", "sekdis");
        assertThat(usernames(service.holders(OFFICE, "KADIS", MONDAY.plusDays(5)))).containsExactly("kadis");

        assertThat(service.jabatanActingAs("sekdis", MONDAY.plusDays(2))).containsExactly(
                new ActingAs(OFFICE, "SEKDIS", null), new ActingAs(OFFICE, "KADIS", DelegationKind.PLH));
        assertThat(service.jabatanActingAs("sekdis", MONDAY.plusDays(2)))
                .extracting(ActingAs::byDelegation).containsExactly(false, true);
        assertThat(service.jabatanActingAs("sekdis", MONDAY.plusDays(5)))
                .containsExactly(new ActingAs(OFFICE, "SEKDIS", null));
        assertThat(service.jabatanActingAs("nobody", MONDAY)).isEmpty();
    }

    @Test
    void anInactiveUserHoldsNothingAndAStaleVersionIsRefused() {
        service.delegate(request(r -> r));
        AppUser sekdis = service.user("sekdis").orElseThrow();

        AppUser inactive = service.setActive("sekdis", false, sekdis.version());

        assertThat(inactive.active()).isFalse();
        assertThat(inactive.version()).isEqualTo(sekdis.version() + 1);
        assertThat(service.holders(OFFICE, "SEKDIS", MONDAY)).isEmpty();
        assertThat(usernames(service.holders(OFFICE, "KADIS", MONDAY))).containsExactly("kadis");
        assertThat(service.jabatanActingAs("sekdis", MONDAY)).isEmpty();
        assertThat(service.checkPassword("sekdis", "demo")).isFalse();
        assertThatThrownBy(() -> service.setActive("sekdis", true, sekdis.version()))
                .isInstanceOf(OptimisticLockingFailureException.class).hasMessageContaining("sekdis");
        assertThat(service.user("sekdis")).get().extracting(AppUser::active).isEqualTo(false);
    }

    @Test
    void badDelegationsAreRefusedNamingTheField() {
        service.setActive("staf.umum", false, 0);
        Map<String, UnaryOperator<DelegationRequest>> cases = Map.ofEntries(
                Map.entry("officeCode", r -> with(r, "NONE", r.username(), r.jabatanCode(), r.validFrom(), r.validTo(), r.createdBy())),
                Map.entry("username", r -> with(r, OFFICE, "nobody", r.jabatanCode(), r.validFrom(), r.validTo(), r.createdBy())),
                Map.entry("jabatanCode", r -> with(r, OFFICE, r.username(), "SEKDIS", r.validFrom(), r.validTo(), r.createdBy())),
                Map.entry("validTo", r -> with(r, OFFICE, r.username(), r.jabatanCode(), MONDAY, MONDAY.minusDays(1), r.createdBy())),
                Map.entry("validFrom", r -> with(r, OFFICE, r.username(), r.jabatanCode(), null, r.validTo(), r.createdBy())),
                Map.entry("createdBy", r -> with(r, OFFICE, r.username(), r.jabatanCode(), r.validFrom(), r.validTo(), " ")));
        cases.forEach((field, change) -> assertThatThrownBy(() -> service.delegate(request(change)))
                .as(field)
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith(field + ": ")
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo(field)));

        assertThatThrownBy(() -> service.delegate(request(r -> with(r, OFFICE, "staf.umum", r.jabatanCode(),
                r.validFrom(), r.validTo(), r.createdBy()))))
                .isInstanceOf(InvalidInputException.class).hasMessage("username: user staf.umum is not active");
        assertThatThrownBy(() -> service.delegate(request(r -> with(r, OFFICE, r.username(), "NONE",
                r.validFrom(), r.validTo(), r.createdBy()))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("jabatanCode: no jabatan NONE");
        assertThatThrownBy(() -> service.delegate(request(r -> new DelegationRequest(OFFICE, r.username(),
                r.jabatanCode(), null, r.validFrom(), r.validTo(), null, r.createdBy()))))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("kind: ");
        assertThat(service.delegations(OFFICE)).isEmpty();

        // A one-day Plh (from = to) is fine.
        assertThat(service.delegate(request(r -> with(r, OFFICE, r.username(), r.jabatanCode(), MONDAY, MONDAY,
                r.createdBy()))).isValidOn(MONDAY)).isTrue();
    }

    @Test
    void theDatabaseRefusesReversedDatesAndUnknownKinds() {
        service.delegate(request(r -> r));
        assertThatThrownBy(() -> jdbc.sql("UPDATE delegation SET valid_from = :day").param("day", MONDAY.plusDays(5))
                .update())
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.sql("UPDATE delegation SET kind = 'XXX'").update())
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.sql("UPDATE app_user SET nip = '123'").update())
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.sql("UPDATE jabatan SET kind = 'ESELON'").update())
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.sql("UPDATE actor_assignment SET group_id = NULL, jabatan_id = NULL").update())
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.sql("UPDATE actor_assignment SET sop_code = 'KOP-05', sop_prefix = 'KOP-'")
                .update()).isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void writesWorkOnFreshConnectionsAfterTheMigratingOnesAreClosed() throws Exception {
        // H2 2.4.240 breaks string-comparing CHECKs once the migrating connection is closed (see V3's header).
        dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean().softEvictConnections();

        assertThat(service.delegate(request(r -> r)).kind()).isEqualTo(DelegationKind.PLH);
        emptyOrganization();
        assertThat(service.loadBundled(true).usersCreated()).isEqualTo(34);
        service.delegate(request(r -> r));
        assertThatThrownBy(() -> jdbc.sql("UPDATE delegation SET kind = 'XXX'").update())
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    // --- helpers ---

    /** Sekdis as Plh Kepala Dinas for the week of {@link #MONDAY} (Monday to Friday). */
    static DelegationRequest request(UnaryOperator<DelegationRequest> change) {
        return change.apply(new DelegationRequest(OFFICE, "sekdis", "KADIS", DelegationKind.PLH, MONDAY,
                MONDAY.plusDays(4), "Surat Perintah 800/12/Dinkop", "kadis"));
    }

    static DelegationRequest with(DelegationRequest r, String office, String username, String jabatan,
                                  LocalDate from, LocalDate to, String createdBy) {
        return new DelegationRequest(office, username, jabatan, r.kind(), from, to, r.note(), createdBy);
    }

    List<String> chain(String jabatanCode) {
        List<String> chain = new ArrayList<>();
        for (var up = service.atasan(OFFICE, jabatanCode); up.isPresent(); up = service.atasan(OFFICE, up.get().code())) {
            chain.add(up.get().code());
            assertThat(chain).as("atasan chain of " + jabatanCode).hasSizeLessThan(10);
        }
        return chain;
    }

    static List<String> codes(List<Jabatan> jabatan) {
        return jabatan.stream().map(Jabatan::code).toList();
    }

    static List<String> usernames(List<AppUser> users) {
        return users.stream().map(AppUser::username).toList();
    }

    Map<String, Long> snapshot() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        for (String table : List.of("office", "org_unit", "jabatan", "jabatan_group", "jabatan_group_member",
                "external_institution", "actor_assignment", "app_user")) {
            counts.put(table, count("SELECT COUNT(*) FROM " + table));
        }
        counts.put("max jabatan id", count("SELECT MAX(id) FROM jabatan"));
        counts.put("max app_user id", count("SELECT MAX(id) FROM app_user"));
        return counts;
    }

    long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
