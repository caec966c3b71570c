package id.sopan.backup;

import id.sopan.casework.AttachmentService;
import org.springframework.stereotype.Service;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * Backup and restore of the configured database and attachments folder as one archive that any supported database
 * restores (see README "Backup and restore" and {@link Archiver}).
 */
@Service
public class BackupService {

    private final Archiver archiver;

    BackupService(DataSource dataSource, AttachmentService attachments, Clock clock) {
        this.archiver = new Archiver(dataSource, attachments.directory(), clock);
    }

    /** What a backup wrote; {@code fileBytes} the attachments' size, {@code archiveBytes} the archive's. */
    public record BackupReport(Path file, String schemaVersion, String database, int tables, long rows, int files,
                               long fileBytes, long archiveBytes, double seconds) {
    }

    /**
     * What a restore wrote; {@code filesWritten} the files that were not already in the folder; {@code phases} the
     * seconds of each phase in order (check, files, delete, insert, verify, commit).
     */
    public record RestoreReport(String schemaVersion, String sourceDatabase, String createdAt, int tables, long rows,
                                int files, long fileBytes, int filesWritten, double seconds,
                                Map<String, Double> phases) {
    }

    /**
     * Writes the archive to {@code out} (through a temporary file beside it).
     *
     * @throws BackupException when it cannot
     */
    public BackupReport backup(Path out) {
        Archiver.BackupResult r = archiver.backup(out);
        return new BackupReport(r.file(), r.schemaVersion(), r.database(), r.tables(), r.rows(), r.files(),
                r.fileBytes(), r.archiveBytes(), r.seconds());
    }

    /**
     * Replaces the database's rows and adds the attachments from {@code archive}.
     *
     * @param replace whether a database already holding cases may be replaced
     * @throws BackupException when the archive is damaged, of another schema version, or the database holds cases
     *                         and {@code replace} is false; nothing is changed then
     */
    public RestoreReport restore(Path archive, boolean replace) {
        Archiver.RestoreResult r = archiver.restore(archive, replace);
        return new RestoreReport(r.schemaVersion(), r.sourceDatabase(), r.createdAt(), r.tables(), r.rows(), r.files(),
                r.fileBytes(), r.filesWritten(), r.seconds(), r.phases());
    }
}
