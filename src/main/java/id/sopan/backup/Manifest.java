package id.sopan.backup;

import java.util.List;

/**
 * {@code manifest.json}, the archive's table of contents: what made it, and per table and file what it must hold.
 *
 * @param format        always {@link #FORMAT}
 * @param formatVersion the layout of the archive, {@link #FORMAT_VERSION}
 * @param schemaVersion Sopan's Flyway schema version of the database it was taken from
 * @param database      the kind of database it was taken from (H2, PostgreSQL): information only
 * @param createdAt     when the snapshot was taken, an ISO instant
 * @param tables        in restore order (parents first)
 * @param attachments   by SHA-256, in its order
 */
record Manifest(String format, int formatVersion, String schemaVersion, String database, String createdAt,
                List<TableEntry> tables, List<FileEntry> attachments) {

    static final String FORMAT = "sopan-backup";
    static final int FORMAT_VERSION = 1;
    static final String ENTRY = "manifest.json";

    /** A table's rows are {@code tables/NAME.jsonl}; {@code sha256} is the SHA-256 of that entry's bytes. */
    record TableEntry(String name, long rows, String sha256, List<ColumnEntry> columns) {
        String entry() {
            return "tables/" + name + ".jsonl";
        }
    }

    record ColumnEntry(String name, String type) {
    }

    /** A file is {@code attachments/SHA256}; its name is its content hash. */
    record FileEntry(String sha256, long bytes) {
        String entry() {
            return "attachments/" + sha256;
        }
    }

    long rows() {
        return tables.stream().mapToLong(TableEntry::rows).sum();
    }

    long attachmentBytes() {
        return attachments.stream().mapToLong(FileEntry::bytes).sum();
    }
}
