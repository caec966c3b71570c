package id.sopan.backup;

import id.sopan.casework.AttachmentService;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Writes and reads the backup archive of one database and attachments folder. Plain JDBC on one connection of its
 * own: the backup is one read-only snapshot transaction streamed table by table into the zip; the restore checks the
 * whole archive first, then writes the files and replaces every row in one transaction, checks the rows it wrote
 * against the manifest's hashes and only then commits. Not a Spring bean, so a test can point it at a second
 * database.
 */
final class Archiver {

    /** The table whose rows name the attachment files (their SHA-256 in {@link #ATTACHMENT_HASH}). */
    static final String ATTACHMENT_TABLE = "case_attachment";
    static final String ATTACHMENT_HASH = "sha256";
    /** A database holding rows here holds cases: a restore over it must be asked for with --replace. */
    static final String CASE_TABLE = "case_file";
    static final String HISTORY_TABLE = "case_event";

    private static final int FETCH_SIZE = 2_000;
    private static final int BATCH_SIZE = 1_000;
    private static final int ROWS_PER_INSERT = 100;
    /** Bind parameters per statement: well below PostgreSQL's limit of 65 535. */
    private static final int MAX_PARAMETERS = 30_000;

    private final DataSource dataSource;
    private final Path attachments;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    /** Told each table's name once a backup has written it; tests change the database meanwhile. */
    java.util.function.Consumer<String> afterTable = name -> {
    };

    Archiver(DataSource dataSource, Path attachments, Clock clock) {
        this.dataSource = dataSource;
        this.attachments = attachments.toAbsolutePath().normalize();
        this.clock = clock;
    }

    /** What a backup wrote. */
    record BackupResult(Path file, String schemaVersion, String database, int tables, long rows, int files,
                        long fileBytes, long archiveBytes, double seconds) {
    }

    /** What a restore wrote. */
    record RestoreResult(String schemaVersion, String sourceDatabase, String createdAt, int tables, long rows,
                         int files, long fileBytes, int filesWritten, double seconds, Map<String, Double> phases) {
    }

    /** Seconds spent per phase, in their order: what a restore of millions of rows spends its time on. */
    private static final class Phases {
        private final Map<String, Double> seconds = new LinkedHashMap<>();
        private long last = System.nanoTime();

        void done(String phase) {
            long now = System.nanoTime();
            seconds.merge(phase, (now - last) / 1e9, Double::sum);
            last = now;
        }
    }

    // ---------------------------------------------------------------------------------------------- backup

    BackupResult backup(Path out) {
        long began = System.nanoTime();
        Path target = out.toAbsolutePath().normalize();
        Path part = target.resolveSibling(target.getFileName() + ".part");
        try {
            Manifest manifest;
            try (Connection c = dataSource.getConnection()) {
                manifest = snapshot(c, part);
            }
            move(part, target);
            return new BackupResult(target, manifest.schemaVersion(), manifest.database(), manifest.tables().size(),
                    manifest.rows(), manifest.attachments().size(), manifest.attachmentBytes(), Files.size(target),
                    seconds(began));
        } catch (SQLException e) {
            throw new BackupException(e, "backup.database", e.getMessage());
        } catch (IOException e) {
            throw new BackupException(e, "backup.io", target, e.getMessage());
        } finally {
            try {
                Files.deleteIfExists(part);
            } catch (IOException ignored) {
                // only a leftover temporary file
            }
        }
    }

    private Manifest snapshot(Connection c, Path part) throws SQLException, IOException {
        DatabaseSchema.Kind kind = DatabaseSchema.Kind.of(c.getMetaData().getDatabaseProductName());
        boolean autoCommit = c.getAutoCommit();
        int isolation = c.getTransactionIsolation();
        c.setAutoCommit(false);
        try {
            // One consistent snapshot of every table, read only, so the application may go on working meanwhile.
            if (kind == DatabaseSchema.Kind.H2) {
                execute(c, "SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL SNAPSHOT");
                // Stream query results instead of buffering a whole table.
                execute(c, "SET LAZY_QUERY_EXECUTION TRUE");
            } else {
                c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                c.setReadOnly(true);
            }
            Instant createdAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            DatabaseSchema schema = DatabaseSchema.read(c);
            if (schema.schemaVersion == null) {
                throw new BackupException("backup.noSchemaVersion");
            }
            List<Manifest.TableEntry> tables = new ArrayList<>();
            List<Manifest.FileEntry> files = new ArrayList<>();
            try (ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(part), 1 << 16))) {
                zip.setLevel(Deflater.BEST_SPEED);
                Set<String> hashes = new TreeSet<>();
                for (DatabaseSchema.Table t : schema.tables) {
                    zip.putNextEntry(new ZipEntry("tables/" + t.name() + ".jsonl"));
                    int hashColumn = t.name().equals(ATTACHMENT_TABLE) ? t.index(ATTACHMENT_HASH) : -1;
                    TableHash hash = readTable(c, schema, t, t.columns(), zip, hashColumn < 0 ? null : hashes, hashColumn);
                    zip.closeEntry();
                    afterTable.accept(t.name());
                    tables.add(new Manifest.TableEntry(t.name(), hash.rows, hash.sha256, t.columns().stream()
                            .map(col -> new Manifest.ColumnEntry(col.name(), col.type().wireName())).toList()));
                }
                for (String sha : hashes) {
                    files.add(copyAttachment(sha, zip));
                }
                Manifest manifest = new Manifest(Manifest.FORMAT, Manifest.FORMAT_VERSION, schema.schemaVersion,
                        schema.kind.label, createdAt.toString(), tables, files);
                zip.putNextEntry(new ZipEntry(Manifest.ENTRY));
                zip.write(json.writeValueAsBytes(manifest));
                zip.closeEntry();
                c.commit();
                return manifest;
            }
        } finally {
            c.rollback();
            if (kind == DatabaseSchema.Kind.H2) {
                execute(c, "SET LAZY_QUERY_EXECUTION FALSE");
                execute(c, "SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL READ COMMITTED");
            } else {
                c.setReadOnly(false);
                c.setTransactionIsolation(isolation);
            }
            c.setAutoCommit(autoCommit);
        }
    }

    private record TableHash(long rows, String sha256) {
    }

    /**
     * Reads a table's rows in canonical order and form, columns as given, into {@code out} (or nowhere), and hashes
     * them; collects the values of column {@code collect} into {@code collected} when asked.
     */
    private static TableHash readTable(Connection c, DatabaseSchema schema, DatabaseSchema.Table t,
                                       List<DatabaseSchema.Column> columns, OutputStream out, Set<String> collected,
                                       int collect) throws SQLException, IOException {
        MessageDigest digest = sha256();
        long rows = 0;
        StringBuilder line = new StringBuilder(256);
        try (PreparedStatement ps = c.prepareStatement(schema.selectAll(t, columns), ResultSet.TYPE_FORWARD_ONLY,
                ResultSet.CONCUR_READ_ONLY)) {
            ps.setFetchSize(FETCH_SIZE);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    line.setLength(0);
                    line.append('[');
                    for (int i = 0; i < columns.size(); i++) {
                        if (i > 0) {
                            line.append(',');
                        }
                        columns.get(i).type().append(rs, i + 1, line);
                    }
                    line.append("]\n");
                    byte[] bytes = line.toString().getBytes(StandardCharsets.UTF_8);
                    digest.update(bytes);
                    if (out != null) {
                        out.write(bytes);
                    }
                    if (collected != null) {
                        String value = rs.getString(collect + 1);
                        if (value != null) {
                            collected.add(value.strip());
                        }
                    }
                    rows++;
                }
            }
        }
        return new TableHash(rows, HexFormat.of().formatHex(digest.digest()));
    }

    private Manifest.FileEntry copyAttachment(String sha, ZipOutputStream zip) throws IOException {
        Path file = AttachmentService.fileOf(attachments, sha);
        if (!Files.isRegularFile(file)) {
            throw new BackupException("backup.fileMissing", sha, file);
        }
        zip.putNextEntry(new ZipEntry("attachments/" + sha));
        MessageDigest digest = sha256();
        long size = 0;
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
                zip.write(buffer, 0, n);
                size += n;
            }
        }
        zip.closeEntry();
        if (!HexFormat.of().formatHex(digest.digest()).equals(sha)) {
            throw new BackupException("backup.fileChanged", sha, file);
        }
        return new Manifest.FileEntry(sha, size);
    }

    // --------------------------------------------------------------------------------------------- restore

    /** The manifest of an archive, checked to be one (information for a caller that wants to show it). */
    Manifest manifest(ZipFile zip, Path archive) {
        ZipEntry entry = zip.getEntry(Manifest.ENTRY);
        if (entry == null) {
            throw new BackupException("restore.notArchive", archive);
        }
        Manifest manifest;
        try (InputStream in = zip.getInputStream(entry)) {
            manifest = json.readValue(in, Manifest.class);
        } catch (IOException | JacksonException e) {
            throw new BackupException(e, "restore.damagedManifest", archive, e.getMessage());
        }
        if (!Manifest.FORMAT.equals(manifest.format()) || manifest.tables() == null || manifest.attachments() == null
                || manifest.schemaVersion() == null) {
            throw new BackupException("restore.notArchive", archive);
        }
        if (manifest.formatVersion() != Manifest.FORMAT_VERSION) {
            throw new BackupException("restore.formatVersion", manifest.formatVersion(), Manifest.FORMAT_VERSION);
        }
        return manifest;
    }

    RestoreResult restore(Path archive, boolean replace) {
        long began = System.nanoTime();
        try (ZipFile zip = new ZipFile(archive.toFile()); Connection c = dataSource.getConnection()) {
            Phases phases = new Phases();
            Manifest manifest = manifest(zip, archive);
            DatabaseSchema schema = DatabaseSchema.read(c);
            Map<String, List<DatabaseSchema.Column>> columns = checkCompatible(manifest, schema);
            checkEntries(zip, manifest);
            if (!replace) {
                refuseOverCases(c, schema);
            }
            phases.done("check");
            int written = writeAttachments(zip, manifest);
            phases.done("files");
            replaceRows(c, zip, manifest, schema, columns, phases);
            return new RestoreResult(manifest.schemaVersion(), manifest.database(), manifest.createdAt(),
                    manifest.tables().size(), manifest.rows(), manifest.attachments().size(),
                    manifest.attachmentBytes(), written, seconds(began), java.util.Collections.unmodifiableMap(new LinkedHashMap<>(phases.seconds)));
        } catch (ZipException e) {
            throw new BackupException(e, "restore.notArchive", archive);
        } catch (SQLException e) {
            throw new BackupException(e, "restore.database", e.getMessage());
        } catch (IOException e) {
            throw new BackupException(e, "restore.io", archive, e.getMessage());
        }
    }

    /** The archive's columns mapped to the database's, per table; refuses another schema before anything is read. */
    private static Map<String, List<DatabaseSchema.Column>> checkCompatible(Manifest manifest, DatabaseSchema schema) {
        if (!manifest.schemaVersion().equals(schema.schemaVersion)) {
            throw new BackupException("restore.schemaMismatch", manifest.schemaVersion(),
                    Objects.requireNonNullElse(schema.schemaVersion, "-"));
        }
        Set<String> archived = manifest.tables().stream().map(Manifest.TableEntry::name)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> present = schema.tables.stream().map(DatabaseSchema.Table::name)
                .collect(Collectors.toCollection(TreeSet::new));
        if (!archived.equals(present)) {
            Set<String> differ = new TreeSet<>(archived);
            differ.addAll(present);
            differ.removeIf(n -> archived.contains(n) && present.contains(n));
            throw new BackupException("restore.tablesDiffer", String.join(", ", differ));
        }
        Map<String, List<DatabaseSchema.Column>> mapped = new LinkedHashMap<>();
        for (Manifest.TableEntry entry : manifest.tables()) {
            DatabaseSchema.Table table = schema.table(entry.name());
            List<DatabaseSchema.Column> cols = new ArrayList<>();
            for (Manifest.ColumnEntry ce : entry.columns()) {
                int at = table.index(ce.name());
                if (at < 0 || !table.columns().get(at).type().wireName().equals(ce.type())) {
                    throw new BackupException("restore.columnsDiffer", entry.name(), ce.name());
                }
                cols.add(table.columns().get(at));
            }
            if (cols.size() != table.columns().size()) {
                throw new BackupException("restore.columnsDiffer", entry.name(), table.columns().stream()
                        .map(DatabaseSchema.Column::name)
                        .filter(n -> entry.columns().stream().noneMatch(ce -> ce.name().equals(n)))
                        .collect(Collectors.joining(", ")));
            }
            mapped.put(entry.name(), List.copyOf(cols));
        }
        return mapped;
    }

    /** Every table and file entry against the manifest's hash, row count and size: a damaged archive changes nothing. */
    private static void checkEntries(ZipFile zip, Manifest manifest) throws IOException {
        for (Manifest.TableEntry t : manifest.tables()) {
            ZipEntry entry = zip.getEntry(t.entry());
            if (entry == null) {
                throw new BackupException("restore.damagedTable", t.name());
            }
            MessageDigest digest = sha256();
            long lines = 0;
            try (InputStream in = zip.getInputStream(entry)) {
                byte[] buffer = new byte[1 << 16];
                int n;
                while ((n = in.read(buffer)) > 0) {
                    digest.update(buffer, 0, n);
                    for (int i = 0; i < n; i++) {
                        if (buffer[i] == '\n') {
                            lines++;
                        }
                    }
                }
            } catch (ZipException e) {
                throw new BackupException(e, "restore.damagedTable", t.name());
            }
            if (lines != t.rows() || !HexFormat.of().formatHex(digest.digest()).equals(t.sha256())) {
                throw new BackupException("restore.damagedTable", t.name());
            }
        }
        for (Manifest.FileEntry f : manifest.attachments()) {
            if (f.sha256() == null || !f.sha256().matches("[0-9a-f]{64}")) {
                throw new BackupException("restore.damagedFile", String.valueOf(f.sha256()));
            }
            ZipEntry entry = zip.getEntry(f.entry());
            if (entry == null) {
                throw new BackupException("restore.damagedFile", f.sha256());
            }
            try (InputStream in = zip.getInputStream(entry)) {
                HashedCopy copy = copy(in, null);
                if (copy.size != f.bytes() || !copy.sha256.equals(f.sha256())) {
                    throw new BackupException("restore.damagedFile", f.sha256());
                }
            } catch (ZipException e) {
                throw new BackupException(e, "restore.damagedFile", f.sha256());
            }
        }
    }

    private static void refuseOverCases(Connection c, DatabaseSchema schema) throws SQLException {
        DatabaseSchema.Table cases = schema.table(CASE_TABLE);
        if (cases == null) {
            return;
        }
        long caseCount = count(c, schema, cases);
        if (caseCount > 0) {
            DatabaseSchema.Table history = schema.table(HISTORY_TABLE);
            throw new BackupException("restore.holdsCases", caseCount, history == null ? 0 : count(c, schema, history));
        }
    }

    private static long count(Connection c, DatabaseSchema schema, DatabaseSchema.Table t) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + schema.quoted(t.sqlName()))) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Writes each file that is not already there with that content (temporary file, hash checked, moved in). */
    private int writeAttachments(ZipFile zip, Manifest manifest) throws IOException {
        int written = 0;
        for (Manifest.FileEntry f : manifest.attachments()) {
            Path target = AttachmentService.fileOf(attachments, f.sha256());
            if (Files.isRegularFile(target)) {
                try (InputStream in = Files.newInputStream(target)) {
                    if (copy(in, null).sha256.equals(f.sha256())) {
                        continue;
                    }
                }
            }
            Files.createDirectories(target.getParent());
            Path temporary = Files.createTempFile(target.getParent(), "restore", ".part");
            try {
                HashedCopy copy;
                try (InputStream in = zip.getInputStream(zip.getEntry(f.entry()));
                     OutputStream out = Files.newOutputStream(temporary)) {
                    copy = copy(in, out);
                }
                if (!copy.sha256.equals(f.sha256())) {
                    throw new BackupException("restore.damagedFile", f.sha256());
                }
                move(temporary, target);
                written++;
            } finally {
                Files.deleteIfExists(temporary);
            }
        }
        return written;
    }

    /**
     * In one transaction: empties every table (children first), inserts the archive's rows with their ids in JDBC
     * batches (parents first; a row's reference to its own table set afterwards), compares every table's content hash
     * with the manifest, and moves each identity column past the highest id restored. Nothing is committed unless all
     * hashes match. (H2 commits before the identity columns' ALTER TABLE, which is DDL there: by then the rows are
     * checked.)
     */
    private static void replaceRows(Connection c, ZipFile zip, Manifest manifest, DatabaseSchema schema,
                                    Map<String, List<DatabaseSchema.Column>> columns, Phases phases)
            throws SQLException, IOException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            deleteAll(c, schema);
            phases.done("delete");
            Map<String, Manifest.TableEntry> entries = new LinkedHashMap<>();
            manifest.tables().forEach(t -> entries.put(t.name(), t));
            for (DatabaseSchema.Table t : schema.tables) {
                insertAll(c, zip, schema, t, entries.get(t.name()), columns.get(t.name()));
            }
            phases.done("insert");
            for (DatabaseSchema.Table t : schema.tables) {
                Manifest.TableEntry expected = entries.get(t.name());
                TableHash actual = readTable(c, schema, t, columns.get(t.name()), null, null, -1);
                if (actual.rows != expected.rows() || !actual.sha256.equals(expected.sha256())) {
                    throw new BackupException("restore.verifyFailed", t.name(), expected.rows(), actual.rows);
                }
            }
            phases.done("verify");
            for (DatabaseSchema.Table t : schema.tables) {
                restartIdentity(c, schema, t);
            }
            c.commit();
            phases.done("commit");
        } catch (SQLException | IOException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    private static void deleteAll(Connection c, DatabaseSchema schema) throws SQLException {
        List<DatabaseSchema.Table> childrenFirst = new ArrayList<>(schema.tables);
        java.util.Collections.reverse(childrenFirst);
        if (schema.kind == DatabaseSchema.Kind.POSTGRESQL) {
            // One TRUNCATE of all tables together: transactional in PostgreSQL, and far faster than DELETE.
            execute(c, "TRUNCATE TABLE " + childrenFirst.stream().map(t -> schema.quoted(t.sqlName()))
                    .collect(Collectors.joining(", ")));
            return;
        }
        for (DatabaseSchema.Table t : childrenFirst) {
            for (String self : t.selfReferences()) {
                String col = schema.quoted(t.column(self).sqlName());
                execute(c, "UPDATE " + schema.quoted(t.sqlName()) + " SET " + col + " = NULL WHERE " + col + " IS NOT NULL");
            }
            execute(c, "DELETE FROM " + schema.quoted(t.sqlName()));
        }
    }

    private static void insertAll(Connection c, ZipFile zip, DatabaseSchema schema, DatabaseSchema.Table t,
                                  Manifest.TableEntry entry, List<DatabaseSchema.Column> columns)
            throws SQLException, IOException {
        if (entry.rows() == 0) {
            return;
        }
        // References to the table's own rows: inserted as NULL, then set once every row is there.
        List<Integer> deferred = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            if (t.selfReferences().contains(columns.get(i).name())) {
                deferred.add(i);
            }
        }
        List<Integer> key = t.primaryKey().stream().map(n -> columns.indexOf(t.column(n))).toList();
        List<Object[]> later = new ArrayList<>();
        // Many rows per INSERT and many INSERTs per JDBC batch: a round trip carries about BATCH_SIZE rows.
        int perStatement = Math.max(1, Math.min(ROWS_PER_INSERT, MAX_PARAMETERS / columns.size()));
        int statementsPerBatch = Math.max(1, BATCH_SIZE / perStatement);
        List<Object[]> buffer = new ArrayList<>(perStatement);
        try (PreparedStatement many = c.prepareStatement(insertSql(schema, t, columns, perStatement));
             PreparedStatement one = c.prepareStatement(insertSql(schema, t, columns, 1));
             BufferedReader in = new BufferedReader(new InputStreamReader(zip.getInputStream(zip.getEntry(entry.entry())),
                     StandardCharsets.UTF_8), 1 << 16)) {
            String line;
            long lineNo = 0;
            int pending = 0;
            while ((line = in.readLine()) != null) {
                lineNo++;
                Object[] values;
                try {
                    values = CanonicalRows.parse(line);
                    if (values.length != columns.size()) {
                        throw new CanonicalRows.FormatException(values.length + " values for " + columns.size() + " columns");
                    }
                } catch (RuntimeException e) {
                    throw new BackupException(e, "restore.badRow", t.name(), lineNo, e.getMessage());
                }
                for (int i : deferred) {
                    if (values[i] != null) {
                        later.add(new Object[] {i, values});
                    }
                }
                buffer.add(values);
                if (buffer.size() == perStatement) {
                    bindRows(many, t, columns, deferred, buffer, lineNo - buffer.size() + 1);
                    buffer.clear();
                    many.addBatch();
                    if (++pending == statementsPerBatch) {
                        many.executeBatch();
                        pending = 0;
                    }
                }
            }
            if (pending > 0) {
                many.executeBatch();
            }
            for (int r = 0; r < buffer.size(); r++) {
                bindRows(one, t, columns, deferred, List.<Object[]>of(buffer.get(r)), lineNo - buffer.size() + 1 + r);
                one.addBatch();
            }
            if (!buffer.isEmpty()) {
                one.executeBatch();
            }
        }
        if (!later.isEmpty()) {
            setSelfReferences(c, schema, t, columns, key, later);
        }
    }

    private static String insertSql(DatabaseSchema schema, DatabaseSchema.Table t, List<DatabaseSchema.Column> columns,
                                    int rows) {
        String row = "(" + columns.stream().map(col -> "?").collect(Collectors.joining(", ")) + ")";
        return "INSERT INTO " + schema.quoted(t.sqlName()) + " ("
                + columns.stream().map(col -> schema.quoted(col.sqlName())).collect(Collectors.joining(", "))
                + ") VALUES " + String.join(", ", java.util.Collections.nCopies(rows, row));
    }

    /** Binds rows one after the other into a statement of that many rows; {@code firstLine} names a bad value. */
    private static void bindRows(PreparedStatement ps, DatabaseSchema.Table t, List<DatabaseSchema.Column> columns,
                                 List<Integer> deferred, List<Object[]> rows, long firstLine) throws SQLException {
        int n = columns.size();
        for (int r = 0; r < rows.size(); r++) {
            Object[] values = rows.get(r);
            try {
                for (int i = 0; i < n; i++) {
                    DatabaseSchema.Column col = columns.get(i);
                    if (values[i] == null || deferred.contains(i)) {
                        ps.setNull(r * n + i + 1, col.jdbcType());
                    } else {
                        col.type().bind(ps, r * n + i + 1, values[i]);
                    }
                }
            } catch (RuntimeException e) {
                throw new BackupException(e, "restore.badRow", t.name(), firstLine + r, e.getMessage());
            }
        }
    }

    private static void setSelfReferences(Connection c, DatabaseSchema schema, DatabaseSchema.Table t,
                                          List<DatabaseSchema.Column> columns, List<Integer> key, List<Object[]> later)
            throws SQLException {
        Map<Integer, PreparedStatement> statements = new LinkedHashMap<>();
        try {
            for (Object[] item : later) {
                int column = (Integer) item[0];
                Object[] values = (Object[]) item[1];
                PreparedStatement ps = statements.get(column);
                if (ps == null) {
                    ps = c.prepareStatement("UPDATE " + schema.quoted(t.sqlName()) + " SET "
                            + schema.quoted(columns.get(column).sqlName()) + " = ? WHERE "
                            + key.stream().map(k -> schema.quoted(columns.get(k).sqlName()) + " = ?")
                            .collect(Collectors.joining(" AND ")));
                    statements.put(column, ps);
                }
                columns.get(column).type().bind(ps, 1, values[column]);
                for (int k = 0; k < key.size(); k++) {
                    columns.get(key.get(k)).type().bind(ps, k + 2, values[key.get(k)]);
                }
                ps.addBatch();
            }
            for (PreparedStatement ps : statements.values()) {
                ps.executeBatch();
            }
        } finally {
            for (PreparedStatement ps : statements.values()) {
                ps.close();
            }
        }
    }

    /** New rows get ids after the restored ones: ALTER ... RESTART WITH, which H2 and PostgreSQL both know. */
    private static void restartIdentity(Connection c, DatabaseSchema schema, DatabaseSchema.Table t) throws SQLException {
        for (DatabaseSchema.Column col : t.columns()) {
            if (!col.identity()) {
                continue;
            }
            long next;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT MAX("
                    + schema.quoted(col.sqlName()) + ") FROM " + schema.quoted(t.sqlName()))) {
                rs.next();
                next = rs.getLong(1) + 1;
            }
            execute(c, "ALTER TABLE " + schema.quoted(t.sqlName()) + " ALTER COLUMN " + schema.quoted(col.sqlName())
                    + " RESTART WITH " + next);
        }
    }

    // ------------------------------------------------------------------------------------------- verification

    /** The content hash of every table of the database now, as a backup would record it (for tests and checks). */
    Map<String, String> tableHashes() {
        try (Connection c = dataSource.getConnection()) {
            DatabaseSchema schema = DatabaseSchema.read(c);
            Map<String, String> hashes = new LinkedHashMap<>();
            for (DatabaseSchema.Table t : schema.tables) {
                TableHash h = readTable(c, schema, t, t.columns(), null, null, -1);
                hashes.put(t.name(), h.rows + ":" + h.sha256);
            }
            return hashes;
        } catch (SQLException e) {
            throw new BackupException(e, "backup.database", e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---------------------------------------------------------------------------------------------- helpers

    private record HashedCopy(long size, String sha256) {
    }

    private static HashedCopy copy(InputStream in, OutputStream out) throws IOException {
        MessageDigest digest = sha256();
        byte[] buffer = new byte[1 << 16];
        long size = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            digest.update(buffer, 0, n);
            if (out != null) {
                out.write(buffer, 0, n);
            }
            size += n;
        }
        return new HashedCopy(size, HexFormat.of().formatHex(digest.digest()));
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static double seconds(long began) {
        return (System.nanoTime() - began) / 1e9;
    }
}
