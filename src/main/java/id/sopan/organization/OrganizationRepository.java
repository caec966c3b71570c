package id.sopan.organization;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** Units, jabatan, groups, users, delegations, institutions and actor assignments; callers hold the transaction. */
@Repository
class OrganizationRepository {

    /** How an actor assignment limits the SOPs it holds for. */
    enum SopScope { ANY, PREFIX, EXACT }

    /** One row of {@code actor_assignment}, its target as codes (exactly one is set). */
    record AssignmentRow(SopScope scope, String sopCode, String jabatanCode, String groupCode,
                         String institutionCode) {
    }

    private static final String OFFICE_ID = """
            SELECT id FROM office WHERE code = :officeCode
            """;

    // Upserts: UPDATE first, then INSERT, as OfficeRepository does (no MERGE/ON CONFLICT dialects).
    private static final String UPDATE_UNIT = """
            UPDATE org_unit SET name = :name WHERE office_id = :officeId AND code = :code
            """;
    private static final String INSERT_UNIT = """
            INSERT INTO org_unit (office_id, code, name) VALUES (:officeId, :code, :name)
            """;
    private static final String SET_UNIT_PARENT = """
            UPDATE org_unit
               SET parent_id = (SELECT p.id FROM org_unit p WHERE p.office_id = :officeId AND p.code = :parent)
             WHERE office_id = :officeId AND code = :code
            """;

    private static final String UPDATE_JABATAN = """
            UPDATE jabatan
               SET name = :name, kind = :kind,
                   unit_id = (SELECT u.id FROM org_unit u WHERE u.office_id = :officeId AND u.code = :unit)
             WHERE office_id = :officeId AND code = :code
            """;
    private static final String INSERT_JABATAN = """
            INSERT INTO jabatan (office_id, code, name, kind, unit_id)
            VALUES (:officeId, :code, :name, :kind,
                    (SELECT u.id FROM org_unit u WHERE u.office_id = :officeId AND u.code = :unit))
            """;
    private static final String SET_ATASAN = """
            UPDATE jabatan
               SET atasan_id = (SELECT a.id FROM jabatan a WHERE a.office_id = :officeId AND a.code = :atasan)
             WHERE office_id = :officeId AND code = :code
            """;

    private static final String UPDATE_GROUP = """
            UPDATE jabatan_group SET name = :name, scope = :scope WHERE office_id = :officeId AND code = :code
            """;
    private static final String INSERT_GROUP = """
            INSERT INTO jabatan_group (office_id, code, name, scope) VALUES (:officeId, :code, :name, :scope)
            """;
    private static final String DELETE_MEMBERS = """
            DELETE FROM jabatan_group_member
             WHERE group_id = (SELECT g.id FROM jabatan_group g WHERE g.office_id = :officeId AND g.code = :group)
            """;
    private static final String INSERT_MEMBER = """
            INSERT INTO jabatan_group_member (group_id, jabatan_id)
            VALUES ((SELECT g.id FROM jabatan_group g WHERE g.office_id = :officeId AND g.code = :group),
                    (SELECT j.id FROM jabatan j WHERE j.office_id = :officeId AND j.code = :jabatan))
            """;

    private static final String UPDATE_INSTITUTION = """
            UPDATE external_institution SET name = :name WHERE office_id = :officeId AND code = :code
            """;
    private static final String INSERT_INSTITUTION = """
            INSERT INTO external_institution (office_id, code, name) VALUES (:officeId, :code, :name)
            """;

    private static final String DELETE_ASSIGNMENTS = """
            DELETE FROM actor_assignment WHERE office_id = :officeId
            """;
    private static final String INSERT_ASSIGNMENT = """
            INSERT INTO actor_assignment (office_id, actor_name, sop_code, sop_prefix, jabatan_id, group_id,
                                          institution_id)
            VALUES (:officeId, :actor, :sopCode, :sopPrefix,
                    (SELECT j.id FROM jabatan j WHERE j.office_id = :officeId AND j.code = :jabatan),
                    (SELECT g.id FROM jabatan_group g WHERE g.office_id = :officeId AND g.code = :group),
                    (SELECT i.id FROM external_institution i WHERE i.office_id = :officeId AND i.code = :institution))
            """;

    private static final String UNITS = """
            SELECT o.code AS office_code, u.code, u.name, p.code AS parent_code
              FROM org_unit u
              JOIN office o ON o.id = u.office_id
              LEFT JOIN org_unit p ON p.id = u.parent_id
             WHERE o.code = :officeCode
             ORDER BY u.id
            """;

    private static final String JABATAN = """
            SELECT o.code AS office_code, j.code, j.name, u.code AS unit_code, a.code AS atasan_code, j.kind
              FROM jabatan j
              JOIN office o ON o.id = j.office_id
              JOIN org_unit u ON u.id = j.unit_id
              LEFT JOIN jabatan a ON a.id = j.atasan_id
             WHERE o.code = :officeCode
            """;

    private static final String GROUPS = """
            SELECT g.id, o.code AS office_code, g.code, g.name, g.scope
              FROM jabatan_group g
              JOIN office o ON o.id = g.office_id
             WHERE o.code = :officeCode
            """;

    private static final String GROUP_MEMBERS = """
            SELECT j.code
              FROM jabatan_group_member m
              JOIN jabatan j ON j.id = m.jabatan_id
             WHERE m.group_id = :groupId
             ORDER BY j.id
            """;

    private static final String INSTITUTIONS = """
            SELECT o.code AS office_code, i.code, i.name
              FROM external_institution i
              JOIN office o ON o.id = i.office_id
             WHERE o.code = :officeCode
            """;

    private static final String ASSIGNMENTS = """
            SELECT a.sop_code, a.sop_prefix, j.code AS jabatan_code, g.code AS group_code, i.code AS institution_code
              FROM actor_assignment a
              JOIN office o ON o.id = a.office_id
              LEFT JOIN jabatan j ON j.id = a.jabatan_id
              LEFT JOIN jabatan_group g ON g.id = a.group_id
              LEFT JOIN external_institution i ON i.id = a.institution_id
             WHERE o.code = :officeCode AND a.actor_name = :actor
             ORDER BY a.id
            """;

    private static final String USERS = """
            SELECT o.code AS office_code, u.username, u.full_name, u.nip, j.code AS jabatan_code, u.active,
                   u.demo_account, u.created_at, u.version
              FROM app_user u
              JOIN office o ON o.id = u.office_id
              LEFT JOIN jabatan j ON j.id = u.jabatan_id
            """;

    private static final String OWN_HOLDERS = USERS + """
             WHERE o.code = :officeCode AND j.code = :jabatan AND u.active = TRUE
             ORDER BY u.username
            """;

    private static final String DELEGATE_HOLDERS = USERS + """
              JOIN delegation d ON d.user_id = u.id
              JOIN jabatan dj ON dj.id = d.jabatan_id
             WHERE o.code = :officeCode AND dj.code = :jabatan AND u.active = TRUE
               AND d.valid_from <= :on AND d.valid_to >= :on
             ORDER BY u.username
            """;

    private static final String INSERT_USER = """
            INSERT INTO app_user (office_id, username, full_name, nip, jabatan_id, active, password_hash,
                                  demo_account, created_at, version)
            VALUES (:officeId, :username, :fullName, :nip,
                    (SELECT j.id FROM jabatan j WHERE j.office_id = :officeId AND j.code = :jabatan),
                    TRUE, :passwordHash, :demo, :createdAt, 0)
            """;

    private static final String PASSWORD_HASH = """
            SELECT password_hash FROM app_user WHERE username = :username AND active = TRUE
            """;

    private static final String SET_ACTIVE = """
            UPDATE app_user SET active = :active, version = version + 1
             WHERE username = :username AND version = :expected
            """;

    private static final String DISABLE_DEMO_ACCOUNTS = """
            UPDATE app_user SET active = FALSE, password_hash = NULL, version = version + 1
             WHERE demo_account = TRUE AND (active = TRUE OR password_hash IS NOT NULL)
            """;

    private static final String DELEGATIONS = """
            SELECT d.id, o.code AS office_code, u.username, j.code AS jabatan_code, d.kind, d.valid_from, d.valid_to,
                   d.note, d.created_by, d.created_at
              FROM delegation d
              JOIN office o ON o.id = d.office_id
              JOIN app_user u ON u.id = d.user_id
              JOIN jabatan j ON j.id = d.jabatan_id
            """;

    /**
     * The jabatan an active user acts as on a day, in one statement: their own first, then those delegated to them
     * that day by first day.
     */
    /**
     * The jabatan an active user acts as on a day, in one statement: their own first, then those delegated to them
     * that day by first day. Each part reads one table and looks codes up by key: cheap to plan on every database
     * (H2 plans a statement again whenever it falls out of its small per-session cache).
     */
    private static final String ACTING_AS = """
            SELECT (SELECT o.code FROM office o WHERE o.id = u.office_id) AS office_code,
                   (SELECT j.code FROM jabatan j WHERE j.id = u.jabatan_id) AS jabatan_code,
                   CAST(NULL AS VARCHAR(8)) AS delegation_kind, 0 AS ord, CAST(NULL AS DATE) AS valid_from,
                   CAST(0 AS BIGINT) AS delegation_id
              FROM app_user u
             WHERE u.username = :username AND u.active = TRUE AND u.jabatan_id IS NOT NULL
            UNION ALL
            SELECT (SELECT o.code FROM office o WHERE o.id = d.office_id),
                   (SELECT j.code FROM jabatan j WHERE j.id = d.jabatan_id), d.kind, 1, d.valid_from, d.id
              FROM delegation d
             WHERE d.user_id = (SELECT u.id FROM app_user u WHERE u.username = :username AND u.active = TRUE)
               AND d.valid_from <= :on AND d.valid_to >= :on
             ORDER BY ord, valid_from, delegation_id
            """;

    private static final String INSERT_DELEGATION = """
            INSERT INTO delegation (office_id, user_id, jabatan_id, kind, valid_from, valid_to, note, created_by,
                                    created_at)
            VALUES (:officeId, (SELECT u.id FROM app_user u WHERE u.username = :username),
                    (SELECT j.id FROM jabatan j WHERE j.office_id = :officeId AND j.code = :jabatan),
                    :kind, :validFrom, :validTo, :note, :createdBy, :createdAt)
            """;

    private static final RowMapper<OrgUnit> UNIT = (rs, n) -> new OrgUnit(rs.getString("office_code"),
            rs.getString("code"), rs.getString("name"), rs.getString("parent_code"));

    private static final RowMapper<Jabatan> JABATAN_ROW = (rs, n) -> new Jabatan(rs.getString("office_code"),
            rs.getString("code"), rs.getString("name"), rs.getString("unit_code"), rs.getString("atasan_code"),
            JabatanKind.valueOf(rs.getString("kind")));

    private static final RowMapper<ExternalInstitution> INSTITUTION = (rs, n) -> new ExternalInstitution(
            rs.getString("office_code"), rs.getString("code"), rs.getString("name"));

    private static final RowMapper<AssignmentRow> ASSIGNMENT = (rs, n) -> {
        String sop = rs.getString("sop_code");
        String prefix = rs.getString("sop_prefix");
        SopScope scope = sop != null ? SopScope.EXACT : prefix != null ? SopScope.PREFIX : SopScope.ANY;
        return new AssignmentRow(scope, sop != null ? sop : prefix, rs.getString("jabatan_code"),
                rs.getString("group_code"), rs.getString("institution_code"));
    };

    private static final RowMapper<AppUser> USER = (rs, n) -> new AppUser(rs.getString("office_code"),
            rs.getString("username"), rs.getString("full_name"), rs.getString("nip"), rs.getString("jabatan_code"),
            rs.getBoolean("active"), rs.getBoolean("demo_account"), time(rs, "created_at"), rs.getInt("version"));

    private static final RowMapper<Delegation> DELEGATION = (rs, n) -> new Delegation(rs.getLong("id"),
            rs.getString("office_code"), rs.getString("username"), rs.getString("jabatan_code"),
            DelegationKind.valueOf(rs.getString("kind")), rs.getObject("valid_from", LocalDate.class),
            rs.getObject("valid_to", LocalDate.class), rs.getString("note"), rs.getString("created_by"),
            time(rs, "created_at"));

    private final JdbcClient jdbc;

    OrganizationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Long> officeId(String officeCode) {
        return jdbc.sql(OFFICE_ID).param("officeCode", officeCode).query(Long.class).optional();
    }

    // --- writing the organization file ---

    void upsertUnit(long officeId, String code, String name) {
        upsert(UPDATE_UNIT, INSERT_UNIT, officeId, code, s -> s.param("name", name));
    }

    void setUnitParent(long officeId, String code, String parent) {
        jdbc.sql(SET_UNIT_PARENT).param("officeId", officeId).param("code", code)
                .param("parent", parent, Types.VARCHAR).update();
    }

    void upsertJabatan(long officeId, String code, String name, String unit, JabatanKind kind) {
        upsert(UPDATE_JABATAN, INSERT_JABATAN, officeId, code,
                s -> s.param("name", name).param("unit", unit).param("kind", kind.name()));
    }

    void setAtasan(long officeId, String code, String atasan) {
        jdbc.sql(SET_ATASAN).param("officeId", officeId).param("code", code)
                .param("atasan", atasan, Types.VARCHAR).update();
    }

    void upsertGroup(long officeId, String code, String name, GroupScope scope, List<String> members) {
        upsert(UPDATE_GROUP, INSERT_GROUP, officeId, code, s -> s.param("name", name).param("scope", scope.name()));
        jdbc.sql(DELETE_MEMBERS).param("officeId", officeId).param("group", code).update();
        for (String member : members) {
            jdbc.sql(INSERT_MEMBER).param("officeId", officeId).param("group", code).param("jabatan", member).update();
        }
    }

    void upsertInstitution(long officeId, String code, String name) {
        upsert(UPDATE_INSTITUTION, INSERT_INSTITUTION, officeId, code, s -> s.param("name", name));
    }

    /** Replaces all the office's assignments: nothing refers to them, so the set is simply rewritten. */
    void replaceAssignments(long officeId, List<OrganizationFiles.Assignment> assignments) {
        jdbc.sql(DELETE_ASSIGNMENTS).param("officeId", officeId).update();
        for (OrganizationFiles.Assignment a : assignments) {
            jdbc.sql(INSERT_ASSIGNMENT)
                    .param("officeId", officeId)
                    .param("actor", a.actor().trim())
                    .param("sopCode", a.sop(), Types.VARCHAR)
                    .param("sopPrefix", a.sopPrefix(), Types.VARCHAR)
                    .param("jabatan", a.jabatan(), Types.VARCHAR)
                    .param("group", a.group(), Types.VARCHAR)
                    .param("institution", a.institution(), Types.VARCHAR)
                    .update();
        }
    }

    private void upsert(String update, String insert, long officeId, String code,
                        java.util.function.UnaryOperator<JdbcClient.StatementSpec> bind) {
        if (bind.apply(jdbc.sql(update).param("officeId", officeId).param("code", code)).update() == 0) {
            bind.apply(jdbc.sql(insert).param("officeId", officeId).param("code", code)).update();
        }
    }

    // --- reading the organization ---

    List<OrgUnit> units(String officeCode) {
        return jdbc.sql(UNITS).param("officeCode", officeCode).query(UNIT).list();
    }

    List<Jabatan> jabatan(String officeCode) {
        return jdbc.sql(JABATAN + " ORDER BY j.id").param("officeCode", officeCode).query(JABATAN_ROW).list();
    }

    Optional<Jabatan> jabatan(String officeCode, String code) {
        return jdbc.sql(JABATAN + " AND j.code = :code").param("officeCode", officeCode).param("code", code)
                .query(JABATAN_ROW).optional();
    }

    List<JabatanGroup> groups(String officeCode) {
        return jdbc.sql(GROUPS + " ORDER BY g.id").param("officeCode", officeCode).query((rs, n) -> group(rs)).list();
    }

    Optional<JabatanGroup> group(String officeCode, String code) {
        return jdbc.sql(GROUPS + " AND g.code = :code").param("officeCode", officeCode).param("code", code)
                .query((rs, n) -> group(rs)).optional();
    }

    private JabatanGroup group(ResultSet rs) throws SQLException {
        List<String> members = jdbc.sql(GROUP_MEMBERS).param("groupId", rs.getLong("id")).query(String.class).list();
        return new JabatanGroup(rs.getString("office_code"), rs.getString("code"), rs.getString("name"),
                GroupScope.valueOf(rs.getString("scope")), members);
    }

    List<ExternalInstitution> institutions(String officeCode) {
        return jdbc.sql(INSTITUTIONS + " ORDER BY i.code").param("officeCode", officeCode).query(INSTITUTION).list();
    }

    Optional<ExternalInstitution> institution(String officeCode, String code) {
        return jdbc.sql(INSTITUTIONS + " AND i.code = :code").param("officeCode", officeCode).param("code", code)
                .query(INSTITUTION).optional();
    }

    List<AssignmentRow> assignments(String officeCode, String actorName) {
        return jdbc.sql(ASSIGNMENTS).param("officeCode", officeCode).param("actor", actorName)
                .query(ASSIGNMENT).list();
    }

    // --- users ---

    Optional<AppUser> user(String username) {
        return jdbc.sql(USERS + " WHERE u.username = :username").param("username", username).query(USER).optional();
    }

    List<AppUser> users(String officeCode) {
        return jdbc.sql(USERS + " WHERE o.code = :officeCode ORDER BY u.id").param("officeCode", officeCode)
                .query(USER).list();
    }

    List<AppUser> ownHolders(String officeCode, String jabatanCode) {
        return jdbc.sql(OWN_HOLDERS).param("officeCode", officeCode).param("jabatan", jabatanCode).query(USER).list();
    }

    List<AppUser> delegateHolders(String officeCode, String jabatanCode, LocalDate on) {
        return jdbc.sql(DELEGATE_HOLDERS).param("officeCode", officeCode).param("jabatan", jabatanCode)
                .param("on", on).query(USER).list();
    }

    void insertUser(long officeId, String username, String fullName, String nip, String jabatanCode,
                    String passwordHash, boolean demo, OffsetDateTime now) {
        jdbc.sql(INSERT_USER)
                .param("officeId", officeId)
                .param("username", username)
                .param("fullName", fullName)
                .param("nip", nip, Types.VARCHAR)
                .param("jabatan", jabatanCode, Types.VARCHAR)
                .param("passwordHash", passwordHash, Types.VARCHAR)
                .param("demo", demo)
                .param("createdAt", now)
                .update();
    }

    /** The hash of an active user's password; empty for unknown or inactive users and users without one. */
    Optional<String> passwordHash(String username) {
        return jdbc.sql(PASSWORD_HASH).param("username", username).query(String.class).optional();
    }

    /** @return false when the user's version is no longer {@code expected} (or there is no such user) */
    boolean setActive(String username, boolean active, int expected) {
        return jdbc.sql(SET_ACTIVE).param("username", username).param("active", active).param("expected", expected)
                .update() == 1;
    }

    int disableDemoAccounts() {
        return jdbc.sql(DISABLE_DEMO_ACCOUNTS).update();
    }

    // --- the organization's stamp (V16__organization_stamp.sql) ---

    private static final java.security.SecureRandom STAMPS = new java.security.SecureRandom();

    /** Called in the transaction of every change to who acts as which jabatan: a new random stamp. */
    void bumpStamp() {
        jdbc.sql("UPDATE organization_stamp SET stamp = :stamp WHERE id = 1").param("stamp", STAMPS.nextLong()).update();
    }

    long stamp() {
        return jdbc.sql(STAMP).query(Long.class).single();
    }

    /** The stamp, for other modules' statements that read it along with their own rows. */
    static final String STAMP = "SELECT stamp FROM organization_stamp WHERE id = 1";

    // --- delegation ---

    long insertDelegation(long officeId, DelegationRequest request, OffsetDateTime now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql(INSERT_DELEGATION)
                .param("officeId", officeId)
                .param("username", request.username())
                .param("jabatan", request.jabatanCode())
                .param("kind", request.kind().name())
                .param("validFrom", request.validFrom())
                .param("validTo", request.validTo())
                .param("note", request.note(), Types.VARCHAR)
                .param("createdBy", request.createdBy())
                .param("createdAt", now)
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    Optional<Delegation> delegation(long id) {
        return jdbc.sql(DELEGATIONS + " WHERE d.id = :id").param("id", id).query(DELEGATION).optional();
    }

    List<Delegation> delegations(String officeCode) {
        return jdbc.sql(DELEGATIONS + " WHERE o.code = :officeCode ORDER BY d.valid_from, d.id")
                .param("officeCode", officeCode).query(DELEGATION).list();
    }

    /** The delegations to a user that hold on a day. */
    List<ActingAs> actingAs(String username, LocalDate on) {
        return jdbc.sql(ACTING_AS).param("username", username).param("on", on)
                .query((rs, n) -> new ActingAs(rs.getString("office_code"), rs.getString("jabatan_code"),
                        rs.getString("delegation_kind") == null ? null : DelegationKind.valueOf(rs.getString("delegation_kind"))))
                .list();
    }

    List<Delegation> delegationsTo(String username, LocalDate on) {
        return jdbc.sql(DELEGATIONS + """
                 WHERE u.username = :username AND d.valid_from <= :on AND d.valid_to >= :on
                 ORDER BY d.valid_from, d.id""").param("username", username).param("on", on)
                .query(DELEGATION).list();
    }

    private static OffsetDateTime time(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class);
    }
}
