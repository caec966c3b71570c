package id.sopan.catalog;

import id.sopan.sop.ServiceType;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * SQL for SOPs, their versions and the versions' events. Callers hold the transaction; every status
 * change goes through {@link #changeStatus} so it checks the lock and writes its event.
 */
@Repository
class CatalogRepository {

    /** The event actions, as the sop_version_event.action check constraint lists them. */
    enum Action { LOADED, IMPORTED, RATIFIED, REVOKED, SUPERSEDED, REVISED, EDITED, SUBMITTED }

    /** A sop_version row without its definition. */
    record VersionRow(long id, long sopId, String code, int versionNo, SopStatus status, String title,
                      ServiceType serviceType, int stepCount, String contentHash, int lockVersion,
                      OffsetDateTime createdAt, OffsetDateTime ratifiedAt, OffsetDateTime revokedAt) {
    }

    private static final String OFFICE_ID = """
            SELECT id FROM office WHERE code = :officeCode
            """;

    // Locking the SOP row serializes the state changes of its versions (two pengesahan at once, loader vs user).
    private static final String LOCK_SOP = """
            SELECT id FROM sop WHERE office_id = :officeId AND code = :code FOR UPDATE
            """;

    private static final String INSERT_SOP = """
            INSERT INTO sop (office_id, code) VALUES (:officeId, :code)
            """;

    private static final String VERSION_COLUMNS = """
            SELECT v.id, v.sop_id, s.code, v.version_no, v.status, v.title, v.service_type, v.step_count,
                   v.content_hash, v.version, v.created_at, v.ratified_at, v.revoked_at
              FROM sop_version v
              JOIN sop s ON s.id = v.sop_id
            """;

    private static final String LATEST_VERSION = VERSION_COLUMNS + """
             WHERE v.sop_id = :sopId
               AND v.version_no = (SELECT MAX(l.version_no) FROM sop_version l WHERE l.sop_id = :sopId)
            """;

    private static final String BERLAKU_VERSION = VERSION_COLUMNS + """
             WHERE v.sop_id = :sopId AND v.status = 'BERLAKU'
            """;

    private static final String VERSION_BY_NO = VERSION_COLUMNS + """
             WHERE v.sop_id = :sopId AND v.version_no = :versionNo
            """;

    private static final String DEFINITION_BY_NO = """
            SELECT definition FROM sop_version WHERE sop_id = :sopId AND version_no = :versionNo
            """;

    private static final String INSERT_VERSION = """
            INSERT INTO sop_version (sop_id, version_no, status, title, service_type, step_count, content_hash,
                                     definition, created_at, ratified_at, version)
            VALUES (:sopId, :versionNo, :status, :title, :serviceType, :stepCount, :contentHash,
                    :definition, :createdAt, :ratifiedAt, 0)
            """;

    private static final String TO_BERLAKU = """
            UPDATE sop_version
               SET status = 'BERLAKU', ratified_at = :at, version = version + 1
             WHERE id = :id AND status = :from AND version = :expected
            """;

    private static final String TO_DICABUT = """
            UPDATE sop_version
               SET status = 'DICABUT', revoked_at = :at, version = version + 1
             WHERE id = :id AND status = :from AND version = :expected
            """;

    private static final String INSERT_EVENT = """
            INSERT INTO sop_version_event (sop_version_id, occurred_at, actor, action, note)
            VALUES (:versionId, :at, :actor, :action, :note)
            """;

    /*
     * The current version of an SOP is its berlaku one, else its latest draft; an SOP with only
     * DICABUT versions has none and drops out of the lists.
     */
    private static final String CURRENT_VERSION_NO = """
            COALESCE((SELECT MAX(b.version_no) FROM sop_version b WHERE b.sop_id = s.id AND b.status = 'BERLAKU'),
                     (SELECT MAX(d.version_no) FROM sop_version d WHERE d.sop_id = s.id AND d.status = 'DRAFT'))
            """;

    private static final String LIST_CURRENT = """
            SELECT s.code, v.title, v.service_type, v.version_no, v.status, v.step_count
              FROM sop s
              JOIN office o ON o.id = s.office_id
              JOIN sop_version v ON v.sop_id = s.id
             WHERE o.code = :officeCode
               AND v.version_no = %s
             ORDER BY s.code
            """.formatted(CURRENT_VERSION_NO);

    private static final String CURRENT_DEFINITION = """
            SELECT v.definition
              FROM sop s
              JOIN office o ON o.id = s.office_id
              JOIN sop_version v ON v.sop_id = s.id
             WHERE o.code = :officeCode AND s.code = :code
               AND v.version_no = %s
            """.formatted(CURRENT_VERSION_NO);

    private static final String BERLAKU_DEFINITIONS = """
            SELECT v.definition
              FROM sop s
              JOIN office o ON o.id = s.office_id
              JOIN sop_version v ON v.sop_id = s.id
             WHERE o.code = :officeCode AND v.status = 'BERLAKU'
             ORDER BY s.code
            """;

    private static final String SUMMARY_COLUMNS = """
            SELECT s.code, v.version_no, v.status, v.title, v.service_type, v.step_count, v.version, v.created_at,
                   v.ratified_at, v.revoked_at,
                   (SELECT e.action FROM sop_version_event e WHERE e.sop_version_id = v.id
                     ORDER BY e.id DESC LIMIT 1) AS last_action
              FROM sop s
              JOIN office o ON o.id = s.office_id
              JOIN sop_version v ON v.sop_id = s.id
             WHERE o.code = :officeCode
            """;

    private static final String SUMMARIES = SUMMARY_COLUMNS + """
             ORDER BY s.code, v.version_no
            """;

    private static final String SUMMARIES_OF_SOP = SUMMARY_COLUMNS + """
               AND s.code = :code
             ORDER BY v.version_no
            """;

    // A draft's content changes in place; the lock is checked and bumped like any other change.
    private static final String UPDATE_DRAFT = """
            UPDATE sop_version
               SET title = :title, service_type = :serviceType, step_count = :stepCount,
                   content_hash = :contentHash, definition = :definition, version = version + 1
             WHERE id = :id AND status = 'DRAFT' AND version = :expected
            """;

    private static final String BUMP_DRAFT = """
            UPDATE sop_version SET version = version + 1
             WHERE id = :id AND status = 'DRAFT' AND version = :expected
            """;

    private static final RowMapper<SopVersionSummary> SUMMARY = (rs, n) -> {
        SopStatus status = SopStatus.valueOf(rs.getString("status"));
        return new SopVersionSummary(rs.getString("code"), rs.getInt("version_no"), status, rs.getString("title"),
                serviceType(rs), rs.getInt("step_count"), rs.getInt("version"), time(rs, "created_at"),
                time(rs, "ratified_at"), time(rs, "revoked_at"),
                status == SopStatus.DRAFT && Action.SUBMITTED.name().equals(rs.getString("last_action")));
    };

    private static final RowMapper<VersionRow> VERSION = (rs, n) -> new VersionRow(
            rs.getLong("id"), rs.getLong("sop_id"), rs.getString("code"), rs.getInt("version_no"),
            SopStatus.valueOf(rs.getString("status")), rs.getString("title"), serviceType(rs),
            rs.getInt("step_count"), rs.getString("content_hash"), rs.getInt("version"),
            time(rs, "created_at"), time(rs, "ratified_at"), time(rs, "revoked_at"));

    private static final RowMapper<CatalogEntry> ENTRY = (rs, n) -> new CatalogEntry(
            rs.getString("code"), rs.getString("title"), serviceType(rs), rs.getInt("version_no"),
            SopStatus.valueOf(rs.getString("status")), rs.getInt("step_count"));

    private final JdbcClient jdbc;

    CatalogRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Long> officeId(String officeCode) {
        return jdbc.sql(OFFICE_ID).param("officeCode", officeCode).query(Long.class).optional();
    }

    /** The SOP's id, its row locked until the transaction ends. */
    Optional<Long> lockSop(long officeId, String code) {
        return jdbc.sql(LOCK_SOP).param("officeId", officeId).param("code", code).query(Long.class).optional();
    }

    /** The SOP's id, without a lock. */
    Optional<Long> sopId(long officeId, String code) {
        return jdbc.sql("SELECT id FROM sop WHERE office_id = :officeId AND code = :code")
                .param("officeId", officeId).param("code", code).query(Long.class).optional();
    }

    /** Inserts the SOP row and returns its id, locked (a fresh row is invisible to others until commit). */
    long insertSop(long officeId, String code) {
        jdbc.sql(INSERT_SOP).param("officeId", officeId).param("code", code).update();
        return lockSop(officeId, code).orElseThrow();
    }

    /** The content hash of the newest version the catalog loader wrote (not one authored in the app). */
    Optional<String> latestLoadedHash(long sopId) {
        return jdbc.sql("""
                SELECT v.content_hash
                  FROM sop_version v
                 WHERE v.sop_id = :sopId
                   AND EXISTS (SELECT 1 FROM sop_version_event e WHERE e.sop_version_id = v.id AND e.action = 'LOADED')
                 ORDER BY v.version_no DESC
                 FETCH FIRST 1 ROWS ONLY
                """).param("sopId", sopId).query(String.class).optional();
    }

    Optional<VersionRow> latestVersion(long sopId) {
        return jdbc.sql(LATEST_VERSION).param("sopId", sopId).query(VERSION).optional();
    }

    Optional<VersionRow> berlakuVersion(long sopId) {
        return jdbc.sql(BERLAKU_VERSION).param("sopId", sopId).query(VERSION).optional();
    }

    Optional<VersionRow> version(long sopId, int versionNo) {
        return jdbc.sql(VERSION_BY_NO).param("sopId", sopId).param("versionNo", versionNo).query(VERSION).optional();
    }

    Optional<String> definition(long sopId, int versionNo) {
        return jdbc.sql(DEFINITION_BY_NO).param("sopId", sopId).param("versionNo", versionNo)
                .query(String.class).optional();
    }

    /** Inserts a version (DRAFT or BERLAKU) with its first event. */
    VersionRow insertVersion(long sopId, int versionNo, SopStatus status, StoredDefinition stored,
                             OffsetDateTime now, String actor, Action action) {
        jdbc.sql(INSERT_VERSION)
                .param("sopId", sopId)
                .param("versionNo", versionNo)
                .param("status", status.name())
                .param("title", stored.sop().title(), Types.VARCHAR)
                .param("serviceType", stored.sop().serviceType() == null ? null : stored.sop().serviceType().name(),
                        Types.VARCHAR)
                .param("stepCount", stored.sop().steps().size())
                .param("contentHash", stored.hash())
                .param("definition", stored.json())
                .param("createdAt", now)
                .param("ratifiedAt", status == SopStatus.BERLAKU ? now : null, Types.TIMESTAMP_WITH_TIMEZONE)
                .update();
        VersionRow row = version(sopId, versionNo).orElseThrow();
        insertEvent(row.id(), now, actor, action, null);
        return row;
    }

    /**
     * Moves a version from one status to another, checking and bumping its lock, and writes the event.
     *
     * @return false when no row matched: the lock or the status changed since the caller read the version
     */
    boolean changeStatus(VersionRow row, SopStatus to, int expectedVersion, OffsetDateTime now, String actor,
                         Action action, String note) {
        String sql = switch (to) {
            case BERLAKU -> TO_BERLAKU;
            case DICABUT -> TO_DICABUT;
            case DRAFT -> throw new IllegalArgumentException("a version never goes back to DRAFT");
        };
        int changed = jdbc.sql(sql)
                .param("id", row.id())
                .param("from", row.status().name())
                .param("expected", expectedVersion)
                .param("at", now)
                .update();
        if (changed == 0) {
            return false;
        }
        insertEvent(row.id(), now, actor, action, note);
        return true;
    }

    void insertEvent(long versionId, OffsetDateTime at, String actor, Action action, String note) {
        jdbc.sql(INSERT_EVENT)
                .param("versionId", versionId)
                .param("at", at)
                .param("actor", actor)
                .param("action", action.name())
                .param("note", note, Types.VARCHAR)
                .update();
    }

    List<SopVersionSummary> summaries(String officeCode) {
        return jdbc.sql(SUMMARIES).param("officeCode", officeCode).query(SUMMARY).list();
    }

    List<SopVersionSummary> summaries(String officeCode, String code) {
        return jdbc.sql(SUMMARIES_OF_SOP).param("officeCode", officeCode).param("code", code).query(SUMMARY).list();
    }

    /** @return false when the version is no longer that DRAFT at that lock version */
    boolean updateDraft(VersionRow row, StoredDefinition stored, int expectedVersion) {
        return jdbc.sql(UPDATE_DRAFT)
                .param("id", row.id())
                .param("expected", expectedVersion)
                .param("title", stored.sop().title(), Types.VARCHAR)
                .param("serviceType", stored.sop().serviceType() == null ? null : stored.sop().serviceType().name(),
                        Types.VARCHAR)
                .param("stepCount", stored.sop().steps().size())
                .param("contentHash", stored.hash())
                .param("definition", stored.json())
                .update() == 1;
    }

    /** Bumps a DRAFT's lock (a submission); false when it is no longer that DRAFT at that lock version. */
    boolean bumpDraft(VersionRow row, int expectedVersion) {
        return jdbc.sql(BUMP_DRAFT).param("id", row.id()).param("expected", expectedVersion).update() == 1;
    }

    /** The id of an SOP's berlaku version; its definition is read once per version ({@link #versionById}). */
    Optional<Long> berlakuId(String officeCode, String code) {
        return jdbc.sql("""
                SELECT v.id
                  FROM sop s
                  JOIN office o ON o.id = s.office_id
                  JOIN sop_version v ON v.sop_id = s.id
                 WHERE o.code = :officeCode AND s.code = :code AND v.status = 'BERLAKU'
                """).param("officeCode", officeCode).param("code", code).query(Long.class).optional();
    }

    Optional<VersionRef> versionById(long versionId) {
        return jdbc.sql("SELECT id, version_no, definition FROM sop_version WHERE id = :id")
                .param("id", versionId)
                .query((rs, n) -> new VersionRef(rs.getLong("id"), rs.getInt("version_no"), rs.getString("definition")))
                .optional();
    }

    record VersionRef(long id, int versionNo, String definition) {
    }

    List<CatalogEntry> listCurrent(String officeCode) {
        return jdbc.sql(LIST_CURRENT).param("officeCode", officeCode).query(ENTRY).list();
    }

    Optional<String> currentDefinition(String officeCode, String code) {
        return jdbc.sql(CURRENT_DEFINITION).param("officeCode", officeCode).param("code", code)
                .query(String.class).optional();
    }

    List<String> berlakuDefinitions(String officeCode) {
        return jdbc.sql(BERLAKU_DEFINITIONS).param("officeCode", officeCode).query(String.class).list();
    }

    private static ServiceType serviceType(ResultSet rs) throws SQLException {
        String value = rs.getString("service_type");
        return value == null ? null : ServiceType.valueOf(value);
    }

    private static OffsetDateTime time(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class);
    }
}
