package id.sopan.catalog;

import id.sopan.support.Database;
import id.sopan.organization.Office;
import id.sopan.organization.OfficeRepository;
import id.sopan.sop.Actor;
import id.sopan.sop.ActorKind;
import id.sopan.sop.Problem;
import id.sopan.sop.ServiceType;
import id.sopan.sop.SopDefinition;
import id.sopan.sop.StandardTime;
import id.sopan.sop.Step;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The storage of offices and SOP versions, run against each database the application supports:
 * a subclass per database only points the datasource somewhere else.
 */
@SpringBootTest(properties = {"sopan.catalog.load-on-start=false", "sopan.organization.load-on-start=false"})
abstract class CatalogStorageContract {

    static final String OFFICE = "TST";
    static final String CODE = "UMM-01";

    @Autowired
    CatalogService service;
    @Autowired
    OfficeRepository offices;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Flyway flyway;
    @Autowired
    ApplicationContext context;

    @BeforeEach
    void emptyTables() {
        Database.wipe(jdbc);
        offices.upsert(new Office(OFFICE, "Dinas Uji", "Pemerintah Kabupaten Uji", null, null));
    }

    @Test
    void migrationsRan() {
        MigrationInfo[] applied = flyway.info().applied();
        // Other capabilities add their own migrations after V1; the catalog's tables come from V1.
        assertThat(applied).extracting(m -> m.getVersion().getVersion()).startsWith("1");
        assertThat(applied).allMatch(m -> m.getState().isApplied() && !m.getState().isFailed());
        for (String table : List.of("office", "sop", "sop_version", "sop_version_event")) {
            assertThat(jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single()).isNotNull();
        }
        // Loading is switched off for these tests, so nothing but the test office is there.
        assertThat(context.getBeansOfType(CatalogLoader.class)).isEmpty();
        assertThat(offices.findAll()).extracting(Office::code).containsExactly(OFFICE);
    }

    @Test
    void statusOutsideTheListIsRejectedByTheDatabase() {
        service.saveDraft(OFFICE, sop(CODE, "Surat Masuk", "terima", "catat"), "ani");
        assertThatThrownBy(() -> jdbc.sql("UPDATE sop_version SET status = 'AKTIF'").update())
                .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
    }

    @Test
    void officeUpsertUpdatesByCode() {
        assertThat(offices.upsert(new Office(OFFICE, "Dinas Uji Baru", "Pemerintah Kabupaten Uji", "Jl. Siliwangi 1", "logo.png")))
                .isFalse();
        assertThat(offices.findByCode(OFFICE)).contains(
                new Office(OFFICE, "Dinas Uji Baru", "Pemerintah Kabupaten Uji", "Jl. Siliwangi 1", "logo.png"));
        assertThat(offices.findByCode("NONE")).isEmpty();
    }

    @Test
    void loadingTheBundledCatalogTwiceChangesNothingTheSecondTime() {
        CatalogFiles.Result files = CatalogFiles.loadBundled();

        LoadReport first = service.loadBundledCatalog();
        LoadReport second = service.loadBundledCatalog();

        assertThat(first.offices()).isEqualTo(files.offices().size()).isPositive();
        assertThat(first.inserted() + first.skipped()).isEqualTo(files.sopCount());
        assertThat(first.updated()).isZero();
        assertThat(first.unchanged()).isZero();
        assertThat(second.inserted()).isZero();
        assertThat(second.updated()).isZero();
        assertThat(second.unchanged()).isEqualTo(first.inserted());
        assertThat(second.skippedCodes()).isEqualTo(first.skippedCodes());

        String office = files.offices().get(0).office().code();
        assertThat(offices.findByCode(office)).isPresent();
        List<CatalogEntry> current = service.listCurrent(office);
        assertThat(current).hasSize(first.inserted())
                .allMatch(e -> e.versionNo() == 1 && e.status() == SopStatus.BERLAKU);
        assertThat(current).extracting(CatalogEntry::code).isSorted();
        assertThat(count("SELECT COUNT(*) FROM sop_version_event WHERE action = 'LOADED' AND actor = 'system'"))
                .isEqualTo(first.inserted());
        assertThat(count("SELECT COUNT(*) FROM sop_version_event")).isEqualTo(first.inserted());
    }

    @Test
    void aChangedFileBecomesTheNextBerlakuVersionAndSupersedesThePreviousOne() {
        SopDefinition v1 = sop(CODE, "Penerimaan Surat Masuk", "Petugas menerima surat", "Kasubbag mencatat surat");
        SopDefinition v2 = sop(CODE, "Penerimaan Surat Masuk", "Petugas menerima dan memeriksa surat",
                "Kasubbag mencatat surat", "Kasubbag mengarsipkan surat");

        assertThat(service.load(files(v1))).isEqualTo(new LoadReport(1, 1, 0, 0, 0, List.of()));
        assertThat(service.load(files(v1))).isEqualTo(new LoadReport(1, 0, 0, 1, 0, List.of()));
        assertThat(service.load(files(v2))).isEqualTo(new LoadReport(1, 0, 1, 0, 0, List.of()));

        assertThat(status(1)).isEqualTo("DICABUT");
        assertThat(status(2)).isEqualTo("BERLAKU");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM sop_version WHERE version_no = 1 AND revoked_at IS NOT NULL")
                .query(Long.class).single()).isEqualTo(1);
        assertThat(events(1)).containsExactly("LOADED", "SUPERSEDED");
        assertThat(events(2)).containsExactly("LOADED");
        assertThat(service.listCurrent(OFFICE)).containsExactly(
                new CatalogEntry(CODE, "Penerimaan Surat Masuk", ServiceType.KESEKRETARIATAN, 2, SopStatus.BERLAKU, 3));
        assertThat(service.findCurrent(OFFICE, CODE)).contains(v2);
        assertThat(service.allBerlaku(OFFICE)).containsExactly(v2);
        assertThat(jdbc.sql("SELECT content_hash FROM sop_version WHERE version_no = 2").query(String.class).single())
                .isEqualTo(StoredDefinition.sha256(SopCodec.toJson(v2)));
    }

    @Test
    void aVersionRatifiedInTheAppSurvivesAReloadOfTheUnchangedFile() {
        SopDefinition v1 = sop(CODE, "Penerimaan Surat Masuk", "Petugas menerima surat", "Kasubbag mencatat surat");
        SopDefinition authored = sop(CODE, "Penerimaan Surat Masuk", "Petugas menerima dan memindai surat",
                "Kasubbag mencatat surat");
        service.load(files(v1));
        StoredVersion draft = service.saveDraft(OFFICE, authored, "kasubbag.umum");
        service.ratify(OFFICE, CODE, draft.versionNo(), "kadis", draft.lockVersion());
        assertThat(service.load(files(v1))).isEqualTo(new LoadReport(1, 0, 0, 1, 0, List.of()));
        assertThat(service.findCurrent(OFFICE, CODE)).contains(authored);
    }

    @Test
    void sopsWithValidationErrorsAreSkippedAndReported() {
        SopDefinition good = sop("UMM-02", "Surat Keluar", "Petugas membuat konsep", "Kasubbag memaraf");
        SopDefinition bad = sop("UMM-03", "Disposisi", "Petugas mengagendakan", "Kasubbag mendisposisi");
        Problem error = Problem.error(new Problem.Location("tst/UMM-03.yaml", null, "UMM-03", 2, "waktu"),
                "validation.time.notPositive", 0);
        OfficeCatalog catalog = new OfficeCatalog(office(), "Perbup Uji", List.of(good, bad),
                List.of("tst/UMM-02.yaml", "tst/UMM-03.yaml"));

        LoadReport report = service.load(new CatalogFiles.Result(List.of(catalog), List.of(error)));

        assertThat(report).isEqualTo(new LoadReport(1, 1, 0, 0, 1, List.of("TST/UMM-03")));
        assertThat(service.listCurrent(OFFICE)).extracting(CatalogEntry::code).containsExactly("UMM-02");
    }

    @Test
    void aDraftIsRatifiedAndLaterSupersededByTheNextRatifiedDraft() {
        SopDefinition v1 = sop(CODE, "Surat Masuk", "Petugas menerima surat", "Kasubbag mencatat surat");
        SopDefinition v2 = sop(CODE, "Surat Masuk", "Petugas menerima surat", "Kasubbag memeriksa surat");

        StoredVersion draft = service.saveDraft(OFFICE, v1, "ani");
        assertThat(draft.versionNo()).isEqualTo(1);
        assertThat(draft.status()).isEqualTo(SopStatus.DRAFT);
        assertThat(draft.lockVersion()).isZero();
        assertThat(draft.ratifiedAt()).isNull();
        assertThat(service.listCurrent(OFFICE)).extracting(CatalogEntry::status).containsExactly(SopStatus.DRAFT);
        assertThat(service.findCurrent(OFFICE, CODE)).contains(v1);
        assertThat(service.allBerlaku(OFFICE)).isEmpty();

        StoredVersion ratified = service.ratify(OFFICE, CODE, 1, "budi", draft.lockVersion());
        assertThat(ratified.status()).isEqualTo(SopStatus.BERLAKU);
        assertThat(ratified.lockVersion()).isEqualTo(1);
        assertThat(ratified.ratifiedAt()).isNotNull();
        assertThat(service.allBerlaku(OFFICE)).containsExactly(v1);

        StoredVersion next = service.saveDraft(OFFICE, v2, "ani");
        assertThat(next.versionNo()).isEqualTo(2);
        // While version 2 is a draft, the berlaku version 1 stays the current one.
        assertThat(service.listCurrent(OFFICE)).extracting(CatalogEntry::versionNo).containsExactly(1);

        service.ratify(OFFICE, CODE, 2, "budi", next.lockVersion());
        assertThat(status(1)).isEqualTo("DICABUT");
        assertThat(status(2)).isEqualTo("BERLAKU");
        assertThat(service.allBerlaku(OFFICE)).containsExactly(v2);
        assertThat(events(1)).containsExactly("IMPORTED", "RATIFIED", "SUPERSEDED");
        assertThat(events(2)).containsExactly("IMPORTED", "RATIFIED");
        assertThat(jdbc.sql("""
                SELECT e.actor FROM sop_version_event e JOIN sop_version v ON v.id = e.sop_version_id
                 WHERE v.version_no = 2 ORDER BY e.id""").query(String.class).list()).containsExactly("ani", "budi");

        StoredVersion revoked = service.revoke(OFFICE, CODE, 2, "budi", 1);
        assertThat(revoked.status()).isEqualTo(SopStatus.DICABUT);
        assertThat(revoked.revokedAt()).isNotNull();
        assertThat(events(2)).containsExactly("IMPORTED", "RATIFIED", "REVOKED");
        // A revoked SOP has no current version until another draft is ratified.
        assertThat(service.listCurrent(OFFICE)).isEmpty();
        assertThat(service.findCurrent(OFFICE, CODE)).isEmpty();
    }

    @Test
    void aStaleExpectedVersionFailsNamingSopVersionAndAction() {
        StoredVersion draft = service.saveDraft(OFFICE, sop(CODE, "Surat Masuk", "terima", "catat"), "ani");
        service.ratify(OFFICE, CODE, 1, "budi", draft.lockVersion());

        // Another user revoked after reading the draft: their lock version 0 is stale now.
        assertThatThrownBy(() -> service.revoke(OFFICE, CODE, 1, "citra", draft.lockVersion()))
                .isInstanceOf(SopVersionException.Stale.class)
                .hasMessageContaining("TST/UMM-01")
                .hasMessageContaining("version 1")
                .hasMessageContaining("revoke")
                .satisfies(e -> {
                    SopVersionException sve = (SopVersionException) e;
                    assertThat(sve.code()).isEqualTo(CODE);
                    assertThat(sve.versionNo()).isEqualTo(1);
                    assertThat(sve.action()).isEqualTo("revoke");
                });
        assertThat(status(1)).isEqualTo("BERLAKU");
        assertThat(events(1)).containsExactly("IMPORTED", "RATIFIED");
    }

    @Test
    void illegalTransitionsFailAndChangeNothing() {
        SopDefinition def = sop(CODE, "Surat Masuk", "terima", "catat");
        service.saveDraft(OFFICE, def, "ani");

        assertThatThrownBy(() -> service.revoke(OFFICE, CODE, 1, "budi", 0))
                .isInstanceOf(SopVersionException.IllegalTransition.class)
                .hasMessageContaining("TST/UMM-01 version 1").hasMessageContaining("revoke")
                .hasMessageContaining("DRAFT");

        service.ratify(OFFICE, CODE, 1, "budi", 0);
        service.revoke(OFFICE, CODE, 1, "budi", 1);
        assertThatThrownBy(() -> service.ratify(OFFICE, CODE, 1, "budi", 2))
                .isInstanceOf(SopVersionException.IllegalTransition.class)
                .hasMessageContaining("TST/UMM-01 version 1").hasMessageContaining("ratify")
                .hasMessageContaining("DICABUT");

        assertThat(status(1)).isEqualTo("DICABUT");
        assertThat(events(1)).containsExactly("IMPORTED", "RATIFIED", "REVOKED");
    }

    @Test
    void anInvalidDraftIsStoredButCannotBeRatified() {
        SopDefinition oneStep = sop(CODE, "Surat Masuk", "terima");
        StoredVersion draft = service.saveDraft(OFFICE, oneStep, "ani");

        assertThatThrownBy(() -> service.ratify(OFFICE, CODE, 1, "budi", draft.lockVersion()))
                .isInstanceOf(SopVersionException.IllegalTransition.class)
                .hasMessageContaining("TST/UMM-01 version 1").hasMessageContaining("validation error");
        assertThat(status(1)).isEqualTo("DRAFT");
        assertThat(events(1)).containsExactly("IMPORTED");
    }

    @Test
    void everyStateChangeWroteExactlyOneEvent() {
        SopDefinition def = sop(CODE, "Surat Masuk", "terima", "catat");
        service.load(files(def));                                                   // v1 LOADED
        service.saveDraft(OFFICE, sop(CODE, "Surat Masuk", "terima", "periksa"), "ani"); // v2 IMPORTED
        service.ratify(OFFICE, CODE, 2, "budi", 0);                                 // v2 RATIFIED, v1 SUPERSEDED
        // A changed bundled file (a new release): v3 LOADED, v2 SUPERSEDED.
        service.load(files(sop(CODE, "Surat Masuk", "terima", "catat", "arsipkan")));
        service.revoke(OFFICE, CODE, 3, "budi", 0);                                 // v3 REVOKED

        assertThat(events(1)).containsExactly("LOADED", "SUPERSEDED");
        assertThat(events(2)).containsExactly("IMPORTED", "RATIFIED", "SUPERSEDED");
        assertThat(events(3)).containsExactly("LOADED", "REVOKED");
        // Each version: one event for its insert, one for each later status change (lock bumps).
        long changes = jdbc.sql("SELECT COUNT(*) + COALESCE(SUM(version), 0) FROM sop_version")
                .query(Long.class).single();
        assertThat(count("SELECT COUNT(*) FROM sop_version_event")).isEqualTo(changes).isEqualTo(7);
    }

    @Test
    void ofTwoConcurrentPengesahanWithTheSameLockVersionExactlyOneWins() throws Exception {
        StoredVersion draft = service.saveDraft(OFFICE, sop(CODE, "Surat Masuk", "terima", "catat"), "ani");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<StoredVersion>> results = new ArrayList<>();
            for (String actor : List.of("budi", "citra")) {
                results.add(pool.submit(() -> {
                    start.await();
                    return service.ratify(OFFICE, CODE, 1, actor, draft.lockVersion());
                }));
            }
            start.countDown();
            int won = 0;
            List<Throwable> lost = new ArrayList<>();
            for (Future<StoredVersion> result : results) {
                try {
                    result.get(30, TimeUnit.SECONDS);
                    won++;
                } catch (ExecutionException e) {
                    lost.add(e.getCause());
                }
            }
            assertThat(won).isEqualTo(1);
            assertThat(lost).singleElement().isInstanceOf(SopVersionException.Stale.class);
        } finally {
            pool.shutdownNow();
        }
        assertThat(events(1)).containsExactly("IMPORTED", "RATIFIED");
    }

    // --- helpers ---

    static Office office() {
        return new Office(OFFICE, "Dinas Uji", "Pemerintah Kabupaten Uji", null, null);
    }

    static CatalogFiles.Result files(SopDefinition... sops) {
        List<String> names = Arrays.stream(sops).map(s -> "tst/" + s.code() + ".yaml").toList();
        return new CatalogFiles.Result(List.of(new OfficeCatalog(office(), "Perbup Uji", List.of(sops), names)),
                List.of());
    }

    /** A valid SOP: each kegiatan a 30-minute step, alternating between two internal actors. */
    static SopDefinition sop(String code, String title, String... kegiatan) {
        List<Actor> actors = List.of(new Actor("Petugas", ActorKind.INTERNAL),
                new Actor("Kasubbag Umum", ActorKind.INTERNAL));
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < kegiatan.length; i++) {
            steps.add(new Step(i + 1, kegiatan[i], List.of(actors.get(i % 2).name()), "Surat",
                    StandardTime.minutes(30, "30 menit"), "Surat", null, null, null));
        }
        List<Actor> used = kegiatan.length == 1 ? actors.subList(0, 1) : actors;
        return new SopDefinition(code, title, false, ServiceType.KESEKRETARIATAN, null, null, used, steps, null);
    }

    String status(int versionNo) {
        return jdbc.sql("""
                SELECT v.status FROM sop_version v JOIN sop s ON s.id = v.sop_id
                 WHERE s.code = :code AND v.version_no = :no""")
                .param("code", CODE).param("no", versionNo).query(String.class).single();
    }

    List<String> events(int versionNo) {
        return jdbc.sql("""
                SELECT e.action FROM sop_version_event e
                  JOIN sop_version v ON v.id = e.sop_version_id
                  JOIN sop s ON s.id = v.sop_id
                 WHERE s.code = :code AND v.version_no = :no
                 ORDER BY e.id""")
                .param("code", CODE).param("no", versionNo).query(String.class).list();
    }

    long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
