package id.sopan.backup;

import id.sopan.calendar.CalendarService;
import id.sopan.calendar.MovableClock;
import id.sopan.casework.AttachmentService;
import id.sopan.casework.AuditService;
import id.sopan.casework.CaseService;
import id.sopan.casework.Pemohon;
import id.sopan.catalog.CatalogService;
import id.sopan.cli.CommandLine;
import id.sopan.organization.OrganizationService;
import id.sopan.simulation.Simulation;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.annotation.DirtiesContext;

import javax.sql.DataSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Backup and restore: a simulated history with an attachment is backed up, restored into a fresh database (of the
 * kind {@link #freshDatabase} makes), backed up again from there and restored back over the original; content hashes,
 * files, hash chains and the next ids and registration numbers survive every step. Damaged archives, another schema
 * version and a database holding cases are refused before anything changes. Run with each pair of databases.
 */
@SpringBootTest(properties = {"sopan.clock=movable", "sopan.sla.initial-delay=PT24H",
        "sopan.attachments.dir=target/backup-test-attachments"})
@DirtiesContext
abstract class BackupContract {

    static final String OFFICE = "DKUKM";
    static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    static final byte[] PDF = "%PDF-1.4\nsurat permohonan cuti\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Autowired
    CaseService cases;
    @Autowired
    CatalogService catalog;
    @Autowired
    OrganizationService organization;
    @Autowired
    CalendarService calendars;
    @Autowired
    MovableClock clock;
    @Autowired
    AuditService audit;
    @Autowired
    AttachmentService attachments;
    @Autowired
    BackupService backups;
    @Autowired
    BackupCommand backupCommand;
    @Autowired
    RestoreCommand restoreCommand;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;

    @TempDir
    Path dir;

    /** The classes whose database holds the history already (one database per class, kept between its tests). */
    private static final Set<Class<?>> MADE = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private static final String attachmentSha = sha256(PDF);
    private final List<Runnable> cleanups = new ArrayList<>();

    /** A database for the other side of the round trip, migrated by Flyway (up to {@code target}, or all). */
    record Fresh(DataSource dataSource, Runnable drop) {
    }

    abstract Fresh freshDatabase(String flywayTarget);

    /** An empty in-memory H2 database with Sopan's schema. */
    static Fresh freshH2(String flywayTarget) {
        String name = "restore_" + UUID.randomUUID().toString().replace("-", "");
        DriverManagerDataSource ds = new DriverManagerDataSource("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "sa", "");
        migrate(Flyway.configure().dataSource(ds), "h2", flywayTarget);
        return new Fresh(ds, () -> execute(ds, "SHUTDOWN"));
    }

    /** Migrates as the application does: the common scripts, then the vendor's ({@code h2}, {@code postgresql}). */
    static void migrate(org.flywaydb.core.api.configuration.FluentConfiguration flyway, String vendor, String target) {
        flyway.locations("classpath:db/migration", "classpath:db/vendor/" + vendor);
        if (target != null) {
            flyway.target(target);
        }
        flyway.load().migrate();
    }

    static void execute(DataSource ds, String sql) {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    @BeforeEach
    void history() {
        if (MADE.contains(getClass())) {
            return;
        }
        // A few dozen cases through the real services, some left open, with Plh delegations; one attachment.
        Simulation.Result result = new Simulation(cases, catalog, organization, calendars, clock).run(
                new Simulation.Settings(30, 7, 15, OFFICE, LocalDate.of(2026, 4, 6), 0.2, 0.2, false, false, true,
                        List.of(), 0.25));
        assertThat(result.failureMessages()).isEmpty();
        long caseId = jdbc.sql("SELECT MIN(id) FROM case_file").query(Long.class).single();
        assertThat(attachments.store(caseId, null, "surat.pdf", PDF, "pegawai").sha256()).isEqualTo(attachmentSha);
        // Values the simulation does not write: decimals, times, text that needs escaping.
        long office = jdbc.sql("SELECT id FROM office WHERE code = :c").param("c", OFFICE).query(Long.class).single();
        Instant now = Instant.parse("2026-05-04T03:15:30.123456Z");
        jdbc.sql("""
                INSERT INTO semester_report (office_id, year_no, half_no, rencana_kerja, updated_at, updated_by)
                VALUES (:o, 2026, 1, :text, :at, 'sekdis')
                """).param("o", office).param("text", "Baris \"satu\"\n\tdua \\ tiga – ✓ 😀 ' ")
                .param("at", now.atOffset(ZoneOffset.ofHours(7))).update();
        long report = jdbc.sql("SELECT id FROM semester_report").query(Long.class).single();
        jdbc.sql("""
                INSERT INTO semester_finance_line (report_id, line_no, uraian, anggaran, realisasi, keterangan)
                VALUES (:r, 1, 'Belanja ATK', :a, :b, '')
                """).param("r", report).param("a", new BigDecimal("1500000.50")).param("b", new BigDecimal("0.00"))
                .update();
        MADE.add(getClass());
    }

    @AfterEach
    void dropFreshDatabases() {
        cleanups.forEach(Runnable::run);
        cleanups.clear();
    }

    private Fresh fresh(String flywayTarget) {
        Fresh fresh = freshDatabase(flywayTarget);
        cleanups.add(fresh.drop());
        return fresh;
    }

    private Archiver source() {
        return new Archiver(dataSource, attachments.directory(), Clock.systemUTC());
    }

    @Test
    void aRoundTripThroughTheOtherDatabaseKeepsEveryRowFileChainAndCounter() throws IOException {
        Map<String, String> before = source().tableHashes();
        assertThat(before).containsKeys("case_file", "case_event", "case_attachment", "sop_version", "jabatan",
                        "semester_finance_line", "jabatan_kind")
                .doesNotContainKey(DatabaseSchema.FLYWAY_TABLE);
        AuditService.Report auditBefore = audit.verifyAll();
        assertThat(auditBefore.ok()).isTrue();
        assertThat(auditBefore.cases()).isEqualTo(30);

        Path first = dir.resolve("first.zip");
        BackupService.BackupReport written = backups.backup(first);
        assertThat(written.tables()).isEqualTo(before.size());
        assertThat(written.files()).isEqualTo(1);
        assertThat(written.fileBytes()).isEqualTo(PDF.length);
        assertThat(written.rows()).isEqualTo(before.values().stream()
                .mapToLong(v -> Long.parseLong(v.substring(0, v.indexOf(':')))).sum());
        assertThat(first.resolveSibling("first.zip.part")).doesNotExist();

        // Into a fresh database of the other kind, with its own attachments folder.
        Fresh other = fresh(null);
        Path otherFiles = dir.resolve("other-files");
        Archiver there = new Archiver(other.dataSource(), otherFiles, Clock.systemUTC());
        Archiver.RestoreResult restored = there.restore(first, false);
        assertThat(restored.rows()).isEqualTo(written.rows());
        assertThat(restored.files()).isEqualTo(1);
        assertThat(restored.filesWritten()).isEqualTo(1);
        assertThat(there.tableHashes()).isEqualTo(before);
        assertThat(sha256(Files.readAllBytes(AttachmentService.fileOf(otherFiles, attachmentSha))))
                .isEqualTo(attachmentSha);

        assertNewRowsGetTheNextIds(other.dataSource());

        // Backed up from there: the same content, table by table.
        Path second = dir.resolve("second.zip");
        there.backup(second);
        assertThat(tableEntries(second)).isEqualTo(tableEntries(first));

        // Back over the original database, which holds cases: only with --replace.
        assertThatThrownBy(() -> backups.restore(second, false)).isInstanceOf(BackupException.class)
                .satisfies(e -> assertThat(((BackupException) e).key()).isEqualTo("restore.holdsCases"))
                .satisfies(e -> assertThat(((BackupException) e).args()).containsExactly(30L, auditBefore.events()));
        long maxCaseId = jdbc.sql("SELECT MAX(id) FROM case_file").query(Long.class).single();
        long maxEventId = jdbc.sql("SELECT MAX(id) FROM case_event").query(Long.class).single();
        int lastNo = jdbc.sql("SELECT last_no FROM case_counter WHERE year_no = 2026").query(Integer.class).single();
        backups.restore(second, true);
        assertThat(source().tableHashes()).isEqualTo(before);
        AuditService.Report auditAfter = audit.verifyAll();
        assertThat(auditAfter.ok()).as("audit after restore: %s", auditAfter.breaks()).isTrue();
        assertThat(auditAfter.cases()).isEqualTo(auditBefore.cases());
        assertThat(auditAfter.events()).isEqualTo(auditBefore.events());
        assertThat(attachments.content(attachments.list(jdbc.sql("SELECT MIN(id) FROM case_file").query(Long.class)
                .single()).get(0))).isEqualTo(PDF);

        // New rows get fresh ids and the next registration number.
        clock.set(LocalDateTime.parse("2026-06-01T09:00").atZone(WIB).toInstant());
        CaseService.Started next = cases.start(new CaseService.StartCase(OFFICE, "UMM-06",
                new Pemohon(Pemohon.Kind.EMPLOYEE, "Pegawai Demo", "pegawai", null, null), "pegawai", true, Set.of(1)));
        assertThat(next.caseId()).isGreaterThan(maxCaseId);
        assertThat(next.registrationNo()).isEqualTo("DKUKM/2026/%06d".formatted(lastNo + 1));
        assertThat(jdbc.sql("SELECT MIN(id) FROM case_event WHERE case_id = :c").param("c", next.caseId())
                .query(Long.class).single()).isGreaterThan(maxEventId);
        assertThat(audit.verifyCase(next.caseId())).isEmpty();

        // The first archive again over the database with that new case: the state of the backup, nothing more.
        backups.restore(first, true);
        assertThat(source().tableHashes()).isEqualTo(before);
    }

    @Test
    void theBackupIsOneSnapshotWhileTheApplicationGoesOnWriting() throws IOException {
        Map<String, String> before = source().tableHashes();
        Archiver archiver = source();
        java.util.concurrent.atomic.AtomicReference<String> changedAfter = new java.util.concurrent.atomic.AtomicReference<>();
        archiver.afterTable = table -> {
            if (changedAfter.compareAndSet(null, table)) {
                // Another connection, as the running application would, changes a table not read yet, and commits.
                assertThat(jdbc.sql("UPDATE semester_report SET rencana_kerja = 'diubah selama pencadangan'")
                        .update()).isEqualTo(1);
                jdbc.sql("DELETE FROM case_event WHERE id = (SELECT MAX(id) FROM case_event)").update();
            }
        };
        Path archive = dir.resolve("snapshot.zip");
        archiver.backup(archive);
        assertThat(changedAfter.get()).isNotIn("semester_report", "case_event");
        Map<String, String> after = source().tableHashes();
        assertThat(after.get("semester_report")).isNotEqualTo(before.get("semester_report"));
        assertThat(after.get("case_event")).isNotEqualTo(before.get("case_event"));
        // The archive holds the database as it was when the backup began.
        Map<String, String> archived = tableEntries(archive);
        for (String table : List.of("semester_report", "case_event")) {
            assertThat(archived.get("tables/" + table + ".jsonl")).as(table)
                    .isEqualTo(before.get(table).substring(before.get(table).indexOf(':') + 1));
        }
        // And restoring it brings that state back.
        backups.restore(archive, true);
        assertThat(source().tableHashes()).isEqualTo(before);
        assertThat(audit.verifyAll().ok()).isTrue();
    }

    @Test
    void aDamagedArchiveIsRefusedNamingTheTableOrFileAndNothingChanges() throws IOException {
        Path good = dir.resolve("good.zip");
        backups.backup(good);
        Fresh other = fresh(null);
        Archiver there = new Archiver(other.dataSource(), dir.resolve("files"), Clock.systemUTC());
        Map<String, String> untouched = there.tableHashes();

        // One byte changed in the history: a digit of a hash.
        Path oneByte = rewrite(good, "tables/case_event.jsonl", text -> {
            int end = text.indexOf("\"]\n");
            char last = text.charAt(end - 1);
            return text.substring(0, end - 1) + (last == '0' ? '1' : '0') + text.substring(end);
        });
        assertRefused(there, oneByte, "restore.damagedTable", "case_event");

        // One row changed: another pemohon on a case, a well-formed line.
        Path oneRow = rewrite(good, "tables/case_file.jsonl", text -> text.replaceFirst("\"Pegawai[^\"]*\"",
                "\"Orang Lain\""));
        assertThat(Files.size(oneRow)).isNotEqualTo(Files.size(good));
        assertRefused(there, oneRow, "restore.damagedTable", "case_file");

        // A row removed.
        Path lessRows = rewrite(good, "tables/case_task.jsonl", text -> text.substring(text.indexOf('\n') + 1));
        assertRefused(there, lessRows, "restore.damagedTable", "case_task");

        // One byte of the attachment changed.
        Path file = rewrite(good, "attachments/" + attachmentSha, text -> text.replace("cuti", "cutI"));
        assertRefused(there, file, "restore.damagedFile", attachmentSha);
        assertThat(dir.resolve("files")).doesNotExist();

        // Not an archive at all.
        Path notZip = Files.writeString(dir.resolve("notes.zip"), "not a zip");
        assertRefused(there, notZip, "restore.notArchive", notZip);

        assertThat(there.tableHashes()).isEqualTo(untouched);
    }

    @Test
    void anArchiveOfAnotherSchemaVersionIsRefusedSayingWhich() throws IOException {
        Path good = dir.resolve("good.zip");
        BackupService.BackupReport written = backups.backup(good);
        Fresh older = fresh("10");
        Archiver there = new Archiver(older.dataSource(), dir.resolve("files"), Clock.systemUTC());
        Map<String, String> untouched = there.tableHashes();
        assertThat(written.schemaVersion()).isNotEqualTo("10");
        assertRefused(there, good, "restore.schemaMismatch", written.schemaVersion(), "10");
        assertThat(there.tableHashes()).isEqualTo(untouched);
    }

    @Test
    void theCommandsCheckTheirOptionsAndReportInTheUsersLanguage() throws IOException {
        CommandLine cli = new CommandLine(List.of(backupCommand, restoreCommand));
        Path archive = dir.resolve("cli.zip");

        assertThat(run(cli, "backup")).startsWith("2|").contains("--out").contains("Pemakaian: backup --out");
        assertThat(run(cli, "backup", "--out")).startsWith("2|").contains("opsi --out memerlukan nilai");
        assertThat(run(cli, "backup", "--out", archive.toString(), "--force")).startsWith("2|")
                .contains("opsi --force tidak dikenal");
        assertThat(run(cli, "backup", "now", "--out", archive.toString())).startsWith("2|").contains("\"now\"");
        assertThat(run(cli, "backup", "--out", dir.resolve("no/such/folder/x.zip").toString())).startsWith("2|")
                .contains("no/such/folder");
        assertThat(run(cli, "--lang", "en", "backup")).startsWith("2|").contains("option --out is required");
        assertThat(run(cli, "restore")).startsWith("2|").contains("sebutkan berkas cadangan");
        assertThat(run(cli, "restore", "a.zip", "b.zip")).startsWith("2|").contains("\"b.zip\"");
        assertThat(run(cli, "restore", dir.resolve("missing.zip").toString())).startsWith("2|")
                .contains("missing.zip").contains("tidak ditemukan");
        assertThat(run(cli, "restore", archive.toString(), "--replace=yes")).startsWith("2|")
                .contains("opsi --replace tidak menerima nilai");
        assertThat(run(cli, "restore", archive.toString(), "--force")).startsWith("2|")
                .contains("opsi --force tidak dikenal");
        assertThat(archive).doesNotExist();

        String done = run(cli, "backup", "--out", archive.toString());
        assertThat(done).startsWith("0|").contains("Cadangan ditulis ke " + archive).contains("1 lampiran");
        assertThat(run(cli, "backup", "--out", archive.toString())).startsWith("1|").contains("sudah ada");
        assertThat(run(cli, "restore", archive.toString())).startsWith("1|").contains("30 kasus")
                .contains("--replace");
        assertThat(run(cli, "--lang", "en", "restore", archive.toString())).startsWith("1|")
                .contains("already holds 30 cases");
        Path notZip = Files.writeString(dir.resolve("notes.txt"), "not a zip");
        assertThat(run(cli, "--lang", "en", "restore", notZip.toString())).startsWith("1|")
                .contains("is not a Sopan backup archive");
        assertThat(run(cli, "--lang", "en", "restore", archive.toString(), "--replace")).startsWith("0|")
                .contains("Restored from " + archive).contains("matches the manifest");
    }

    // -------------------------------------------------------------------------------------------- helpers

    /**
     * In a database whose identity columns started afresh, rows inserted after the restore get the ids after the
     * restored ones (without the restart they would collide with id 1).
     */
    private void assertNewRowsGetTheNextIds(DataSource ds) {
        JdbcClient there = JdbcClient.create(ds);
        Copy of = new Copy(there);
        long office = of.insert("office", "INSERT INTO office (code, name, created_at) VALUES ('BARU', 'Kantor Baru', :at)");
        long caseFile = of.insert("case_file", """
                INSERT INTO case_file (office_id, registration_no, tracking_code, sop_version_id, sop_code, status,
                                       current_step, round_no, returns_count, pemohon_kind, pemohon_name, started_at,
                                       started_by)
                SELECT office_id, 'BARU/1', 'BARU', sop_version_id, sop_code, status, current_step, round_no,
                       returns_count, pemohon_kind, pemohon_name, started_at, started_by
                FROM case_file WHERE id = (SELECT MIN(id) FROM case_file)
                """);
        assertThat(office).isPositive();
        assertThat(caseFile).isPositive();
        there.sql("DELETE FROM case_file WHERE registration_no = 'BARU/1'").update();
        there.sql("DELETE FROM office WHERE code = 'BARU'").update();
    }

    private record Copy(JdbcClient jdbc) {
        /** Inserts one row and checks that its generated id is the one after the highest before. */
        long insert(String table, String sql) {
            long max = jdbc.sql("SELECT MAX(id) FROM " + table).query(Long.class).single();
            org.springframework.jdbc.support.GeneratedKeyHolder key = new org.springframework.jdbc.support.GeneratedKeyHolder();
            var statement = jdbc.sql(sql);
            if (sql.contains(":at")) {
                statement = statement.param("at", java.time.OffsetDateTime.now(ZoneOffset.UTC));
            }
            statement.update(key, "id");
            long id = key.getKey().longValue();
            assertThat(id).as("the id of a new %s row", table).isEqualTo(max + 1);
            return id;
        }
    }

    private static String run(CommandLine cli, String... words) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = cli.run(words, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return code + "|" + out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
    }

    private static void assertRefused(Archiver there, Path archive, String key, Object... args) {
        assertThatThrownBy(() -> there.restore(archive, false)).isInstanceOf(BackupException.class)
                .satisfies(e -> assertThat(((BackupException) e).key()).isEqualTo(key))
                .satisfies(e -> assertThat(((BackupException) e).args()).containsExactly(args));
    }

    /** A copy of the archive with one entry's text changed. */
    private Path rewrite(Path archive, String entryName, UnaryOperator<String> change) throws IOException {
        Path copy = dir.resolve("changed-" + UUID.randomUUID() + ".zip");
        boolean found = false;
        try (ZipFile zip = new ZipFile(archive.toFile());
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(copy))) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                byte[] bytes;
                try (InputStream in = zip.getInputStream(entry)) {
                    bytes = in.readAllBytes();
                }
                if (entry.getName().equals(entryName)) {
                    String text = new String(bytes, StandardCharsets.UTF_8);
                    String changed = change.apply(text);
                    assertThat(changed).isNotEqualTo(text);
                    bytes = changed.getBytes(StandardCharsets.UTF_8);
                    found = true;
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(bytes);
                out.closeEntry();
            }
        }
        assertThat(found).as(entryName).isTrue();
        return copy;
    }

    /** Each table entry's name with its SHA-256 as the manifest gives it. */
    private static Map<String, String> tableEntries(Path archive) throws IOException {
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            Map<String, String> hashes = new LinkedHashMap<>();
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (entry.getName().startsWith("tables/")) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        hashes.put(entry.getName(), sha256(in.readAllBytes()));
                    }
                }
            }
            return hashes;
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
