package id.sopan.casework;

import id.sopan.engine.CaseStatus;
import id.sopan.engine.TaskKind;
import id.sopan.engine.TaskStatus;
import id.sopan.organization.OrganizationService;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.LongConsumer;
import javax.sql.DataSource;

/**
 * Cases, their tasks and history. Every update checks the row's {@code version}. A plain component, not a
 * {@code @Repository}: its statements go through Spring's JDBC classes, which already answer with Spring's data access
 * exceptions, so the exception-translating proxy would only add a reflective call to every statement of an action.
 */
@Component
class CaseRepository {

    record CaseRow(long id, long officeId, String officeCode, String registrationNo, String trackingCode,
                   long sopVersionId, String sopCode, CaseStatus status, int currentStep, int round, int returns,
                   Pemohon pemohon, Instant startedAt, String startedBy, Instant endedAt, int version) {
    }

    record TaskRow(long id, long caseId, int step, int round, String actor, String responsibleActor, TaskKind kind,
                   TaskStatus status, String claimedBy, Instant startedAt, Instant deadline, Instant endedAt,
                   Instant overdueAt, String jabatanCodes, int version) {
    }

    record EventRow(long id, long caseId, int seq, Instant occurredAt, String username, String actingJabatan,
                    String onBehalfOf, String type, Long taskId, Integer fromStep, Integer toStep, String note,
                    String prevHash, String hash) {
    }

    private static final String CASE_COLUMNS = """
            c.id, c.office_id, o.code AS office_code, c.registration_no, c.tracking_code, c.sop_version_id, c.sop_code,
            c.status, c.current_step, c.round_no, c.returns_count, c.pemohon_kind, c.pemohon_name, c.pemohon_username,
            c.pemohon_nip, c.pemohon_contact, c.started_at, c.started_by, c.ended_at, c.version
            """;

    /**
     * A case row to lock: the office code comes from a scalar subquery, not a join, because FOR UPDATE locks the
     * rows of every joined table; a locked office row would serialize every action of the office and block the
     * inserts whose foreign keys point at it.
     */
    private static final String LOCKED_CASE_COLUMNS = """
            c.id, c.office_id, (SELECT o.code FROM office o WHERE o.id = c.office_id) AS office_code,
                   c.registration_no, c.tracking_code, c.sop_version_id, c.sop_code, c.status, c.current_step,
                   c.round_no, c.returns_count, c.pemohon_kind, c.pemohon_name, c.pemohon_username, c.pemohon_nip,
                   c.pemohon_contact, c.started_at, c.started_by, c.ended_at, c.version""";

    private static final String LOCKED_CASE = "SELECT " + LOCKED_CASE_COLUMNS + " FROM case_file c";

    private static final String TASK_COLUMNS = """
            t.id, t.case_id, t.step_no, t.round_no, t.actor, t.responsible_actor, t.kind, t.status, t.claimed_by,
            t.started_at, t.deadline_at, t.ended_at, t.overdue_at, t.jabatan_codes, t.version
            """;

    // The inserts of a case's rows, shared with BulkHistory (which writes whole histories in batches).

    /** A case row as it is at the end of what is written (a new case: OPEN, round 0, no returns, version 0). */
    static final String INSERT_CASE = """
            INSERT INTO case_file (office_id, registration_no, tracking_code, sop_version_id, sop_code, status,
                                   current_step, round_no, returns_count, pemohon_kind, pemohon_name,
                                   pemohon_username, pemohon_nip, pemohon_contact, started_at, started_by, ended_at,
                                   version)
            VALUES (:office, :registration, :tracking, :version, :sop, :status, :step, :round, :returns, :kind, :name,
                    :username, :nip, :contact, :at, :by, :ended, :rowVersion)
            """;

    /** As {@link #INSERT_CASE}, with an id reserved from the column's sequence ({@link #reserveStart}). */
    private static final String INSERT_CASE_WITH_ID = INSERT_CASE
            .replace("(office_id,", "(id, office_id,").replace("VALUES (:office,", "VALUES (:id, :office,");

    static final String INSERT_REQUIREMENT = """
            INSERT INTO case_requirement (case_id, item_no, text, fulfilled) VALUES (:c, :n, :t, :f)
            """;

    static final String INSERT_TASK = """
            INSERT INTO case_task (case_id, office_id, sop_code, step_no, round_no, actor, responsible_actor, kind, status,
                                   claimed_by, started_at, deadline_at, ended_at, jabatan_codes, version)
            VALUES (:case, :office, :sop, :step, :round, :actor, :responsible, :kind, :status, :claimedBy, :started,
                    :deadline, :ended, :jabatanCodes, :rowVersion)
            """;

    /**
     * As {@link #INSERT_TASK}, with an id reserved from the column's sequence ({@link #lockAndRead(long, boolean)}):
     * the same column list, so the two cannot drift apart.
     */
    private static final String INSERT_TASK_WITH_ID = INSERT_TASK
            .replace("(case_id,", "(id, case_id,").replace("VALUES (:case,", "VALUES (:id, :case,");

    /**
     * A task's candidate jabatan as {@code case_task.jabatan_codes} holds them for the reports: sorted, distinct,
     * comma-separated; null when there are none.
     */
    static String jabatanCodes(Collection<String> candidates) {
        return candidates.isEmpty() ? null : String.join(",", new TreeSet<>(candidates));
    }

    /** The candidates of a task as {@link #jabatanCodes} holds them, in code order (none: empty). */
    static List<String> candidateList(String jabatanCodes) {
        return jabatanCodes == null || jabatanCodes.isEmpty() ? List.of() : List.of(jabatanCodes.split(","));
    }

    /**
     * A worklist entry: an open task's candidate jabatan, with the task's office and deadline, in the order the
     * worklist walks them (V20). Only open tasks have entries: the transaction that ends a task deletes them.
     */
    static final String INSERT_CANDIDATE = """
            INSERT INTO case_task_candidate (task_id, jabatan_code, office_id, deadline_at)
            VALUES (:t, :j, :office, :deadline)
            """;

    static final String INSERT_EVENT = """
            INSERT INTO case_event (case_id, seq, occurred_at, username, acting_jabatan, on_behalf_of, event_type,
                                    task_id, from_step, to_step, note, prev_hash, hash)
            VALUES (:case, :seq, :at, :user, :jabatan, :behalf, :type, :task, :from, :to, :note, :prev, :hash)
            """;

    private final JdbcClient jdbc;
    /** A savepoint inside the caller's transaction, for a statement that may fail and be retried. */
    private final TransactionTemplate savepoint;

    private final JdbcTemplate template;
    private final boolean postgres;

    CaseRepository(JdbcClient jdbc, JdbcTemplate template, DataSource dataSource, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.template = template;
        this.postgres = StatementBatch.isPostgres(dataSource);
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** The next registration number of the office in a year; the counter row serializes concurrent starts. */
    int nextNumber(long officeId, int year) {
        return reserveNumbers(officeId, year, 1);
    }

    /**
     * Reserves {@code count} consecutive registration numbers of the office in a year and returns the first; the
     * counter row serializes concurrent starts (the caller's transaction holds its lock until it ends).
     */
    int reserveNumbers(long officeId, int year, int count) {
        for (int attempt = 0; attempt < 3; attempt++) {
            int updated = jdbc.sql("UPDATE case_counter SET last_no = last_no + :n WHERE office_id = :office AND year_no = :year")
                    .param("n", count).param("office", officeId).param("year", year).update();
            if (updated == 0) {
                try {
                    // Under a savepoint: on PostgreSQL a failed statement would spoil the whole transaction.
                    savepoint.executeWithoutResult(s -> jdbc.sql(
                                    "INSERT INTO case_counter (office_id, year_no, last_no) VALUES (:office, :year, :n)")
                            .param("office", officeId).param("year", year).param("n", count).update());
                    return 1;
                } catch (DuplicateKeyException raced) {
                    continue; // another start created the row: count on it
                }
            }
            return jdbc.sql("SELECT last_no FROM case_counter WHERE office_id = :office AND year_no = :year")
                    .param("office", officeId).param("year", year).query(Integer.class).single() - count + 1;
        }
        throw new IllegalStateException("cannot number a new case of office " + officeId);
    }

    /**
     * Gives back the unused end of a reservation ({@code first..last} of which {@code first..} were not used) when
     * nobody numbered a case after it; otherwise the numbers stay unused (a gap, never a duplicate).
     *
     * @return whether the counter was set back
     */
    boolean giveBackNumbers(long officeId, int year, int firstUnused, int last) {
        return jdbc.sql("""
                UPDATE case_counter SET last_no = :back WHERE office_id = :office AND year_no = :year AND last_no = :last
                """).param("back", firstUnused - 1).param("office", officeId).param("year", year).param("last", last)
                .update() == 1;
    }

    Optional<Long> officeId(String officeCode) {
        return jdbc.sql("SELECT id FROM office WHERE code = :code").param("code", officeCode).query(Long.class).optional();
    }

    /**
     * What a start needs before it writes: the office, its next registration number and, on PostgreSQL, the new case's
     * id and ids for its first tasks, all in one round trip (the counter's lock is then held only for the start's last
     * round trip, its writes and commit). On H2 the ids come from the inserts. Empty for an unknown office.
     */
    record StartReservation(long officeId, int number, Long caseId, List<Long> taskIds) {
    }

    /** @param taskIds how many task ids to take (PostgreSQL): the tasks the start is expected to create */
    Optional<StartReservation> reserveStart(String officeCode, int year, int taskIds) {
        StatementBatch batch = batch();
        if (!batch.sendsTogether()) {
            return officeId(officeCode).map(office -> new StartReservation(office, nextNumber(office, year), null, List.of()));
        }
        Map<String, Object> p = Map.of("code", officeCode, "year", year, "n", taskIds);
        Long[] office = {null};
        Integer[] number = {null};
        Long[] caseId = {null};
        List<Long> tasks = new ArrayList<>(taskIds);
        batch.query("SELECT id FROM office WHERE code = :code", p, rs -> office[0] = rs.getLong(1))
                .query("""
                        UPDATE case_counter SET last_no = last_no + 1
                         WHERE office_id = (SELECT id FROM office WHERE code = :code) AND year_no = :year
                        RETURNING last_no
                        """, p, rs -> number[0] = rs.getInt(1))
                .query("SELECT " + nextIdOf("case_file"), p, rs -> caseId[0] = rs.getLong(1))
                .query("SELECT " + nextIdOf("case_task") + " FROM generate_series(1, :n)", p,
                        rs -> tasks.add(rs.getLong(1)));
        batch.send();
        if (office[0] == null) {
            return Optional.empty();
        }
        // No counter row yet (the office's first case of the year): made under a savepoint.
        int next = number[0] != null ? number[0] : nextNumber(office[0], year);
        return Optional.of(new StartReservation(office[0], next, caseId[0], List.copyOf(tasks)));
    }

    /** Inserts a new case (status OPEN, round 0, no returns); {@code id} gets its id as {@link #insertTask} does. */
    void insertCase(StatementBatch batch, long officeId, String registrationNo, String trackingCode, long sopVersionId,
                    String sopCode, int currentStep, Pemohon pemohon, Instant startedAt, String startedBy, Long reservedId,
                    LongConsumer id) {
        Map<String, Object> p = new HashMap<>();
        p.put("status", CaseStatus.OPEN.name());
        p.put("round", 0);
        p.put("returns", 0);
        p.put("ended", NULL_TIME);
        p.put("rowVersion", 0);
        p.put("office", officeId);
        p.put("registration", registrationNo);
        p.put("tracking", trackingCode);
        p.put("version", sopVersionId);
        p.put("sop", sopCode);
        p.put("step", currentStep);
        p.put("kind", pemohon.kind().name());
        p.put("name", pemohon.name());
        p.put("username", typed(java.sql.Types.VARCHAR, pemohon.username()));
        p.put("nip", typed(java.sql.Types.VARCHAR, pemohon.nip()));
        p.put("contact", typed(java.sql.Types.VARCHAR, pemohon.contact()));
        p.put("at", ts(startedAt));
        p.put("by", startedBy);
        insert(batch, INSERT_CASE, INSERT_CASE_WITH_ID, p, reservedId, id);
    }

    /** An insert with an id reserved from its sequence ({@code withId}: the same, with the id) or generated. */
    private static void insert(StatementBatch batch, String sql, String withId, Map<String, Object> p, Long reservedId,
                               LongConsumer id) {
        if (reservedId == null) {
            batch.insertReturningId(sql, p, id);
            return;
        }
        p.put("id", reservedId);
        batch.update(withId, p, inserted -> {
        });
        id.accept(reservedId);
    }

    /** The whole kelengkapan checklist of a case in one statement. */
    void insertRequirements(StatementBatch batch, long caseId, List<Requirement> items) {
        if (items.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder("INSERT INTO case_requirement (case_id, item_no, text, fulfilled) VALUES ");
        Map<String, Object> p = new HashMap<>();
        p.put("c", caseId);
        for (int i = 0; i < items.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(:c, :n").append(i).append(", :t").append(i).append(", :f").append(i).append(')');
            Requirement r = items.get(i);
            p.put("n" + i, r.itemNo());
            p.put("t" + i, r.text());
            p.put("f" + i, r.fulfilled());
        }
        batch.update(sql.toString(), p, inserted -> {
        });
    }

    List<Requirement> requirements(long caseId) {
        return jdbc.sql("SELECT item_no, text, fulfilled FROM case_requirement WHERE case_id = :c ORDER BY item_no")
                .param("c", caseId)
                .query((rs, n) -> new Requirement(rs.getInt("item_no"), rs.getString("text"), rs.getBoolean("fulfilled")))
                .list();
    }

    /** Reads a case and locks its row: actions on one case are serialized, whatever node they reach. */
    Optional<CaseRow> lockCase(long caseId) {
        return jdbc.sql(LOCKED_CASE + " WHERE c.id = :id FOR UPDATE")
                .param("id", caseId).query(CaseRepository::caseRow).optional();
    }

    /** A case row read under its lock, and the organization's stamp as the same statement saw it. */
    record LockedCase(CaseRow row, long organizationStamp) {
    }

    /** The stamp of the organization ({@code OrganizationService.changeStamp}), as a column of a casework query. */
    private static final String ORGANIZATION_STAMP = "(" + OrganizationService.CHANGE_STAMP_SQL + ") AS organization_stamp";


    Optional<CaseRow> findCase(long caseId) {
        return jdbc.sql("SELECT " + CASE_COLUMNS + " FROM case_file c JOIN office o ON o.id = c.office_id WHERE c.id = :id")
                .param("id", caseId).query(CaseRepository::caseRow).optional();
    }

    Optional<CaseRow> findByRegistration(String registrationNo) {
        return jdbc.sql("SELECT " + CASE_COLUMNS + " FROM case_file c JOIN office o ON o.id = c.office_id WHERE c.registration_no = :r")
                .param("r", registrationNo).query(CaseRepository::caseRow).optional();
    }

    /** The id sequences of tables (PostgreSQL), found once: pg_get_serial_sequence reads the catalog at every call. */
    private final Map<String, String> idSequences = new java.util.concurrent.ConcurrentHashMap<>();

    /** {@code nextval} of the sequence of a table's {@code id} (PostgreSQL): what reserves an id before the insert. */
    private String nextIdOf(String table) {
        String sequence = idSequences.computeIfAbsent(table, t -> jdbc.sql("SELECT pg_get_serial_sequence(:t, 'id')")
                .param("t", t).query(String.class).single());
        return "nextval('" + sequence.replace("'", "''") + "'::regclass)";
    }

    /** Statements sent together: one round trip on PostgreSQL ({@link StatementBatch}). */
    StatementBatch batch() {
        return new StatementBatch(template, postgres);
    }

    void updateCase(StatementBatch batch, long caseId, int expectedVersion, CaseStatus status, int currentStep, int round,
                    int returns, Instant endedAt) {
        Map<String, Object> p = new HashMap<>();
        p.put("status", status.name());
        p.put("step", currentStep);
        p.put("round", round);
        p.put("returns", returns);
        p.put("ended", endedAt == null ? NULL_TIME : ts(endedAt));
        p.put("id", caseId);
        p.put("expected", expectedVersion);
        batch.checkedUpdate("""
                UPDATE case_file SET status = :status, current_step = :step, round_no = :round, returns_count = :returns,
                                     ended_at = :ended, version = version + 1
                 WHERE id = :id AND version = :expected
                """, p, "case " + caseId + " was changed by someone else; reload and try again");
    }

    /** A NULL timestamp with its type, as the drivers want it bound. */
    private static final SqlParameterValue NULL_TIME = new SqlParameterValue(java.sql.Types.TIMESTAMP_WITH_TIMEZONE, null);

    /**
     * Inserts a task; {@code id} gets its id: the reserved one at once, or else the generated one when the batch is
     * sent. The caller writes the task's candidates once it has the id.
     */
    void insertTask(StatementBatch batch, long caseId, long officeId, String sopCode, int step, int round, String actor,
                    String responsibleActor, TaskKind kind, TaskStatus status, String claimedBy, Instant startedAt,
                    Instant deadline, Instant endedAt, Collection<String> candidates, Long reservedId, LongConsumer id) {
        Map<String, Object> p = new HashMap<>();
        p.put("rowVersion", 0);
        p.put("jabatanCodes", typed(java.sql.Types.VARCHAR, jabatanCodes(candidates)));
        p.put("case", caseId);
        p.put("office", officeId);
        p.put("sop", sopCode);
        p.put("step", step);
        p.put("round", round);
        p.put("actor", actor);
        p.put("responsible", responsibleActor);
        p.put("kind", kind.name());
        p.put("status", status.name());
        p.put("claimedBy", typed(java.sql.Types.VARCHAR, claimedBy));
        p.put("started", ts(startedAt));
        p.put("deadline", deadline == null ? NULL_TIME : ts(deadline));
        p.put("ended", endedAt == null ? NULL_TIME : ts(endedAt));
        insert(batch, INSERT_TASK, INSERT_TASK_WITH_ID, p, reservedId, id);
    }

    /** An open task's worklist entries (its candidate jabatan), all in one statement. */
    void insertCandidates(StatementBatch batch, long taskId, long officeId, Instant deadline,
                          Collection<String> candidates) {
        if (candidates.isEmpty()) {
            return;
        }
        List<String> codes = List.copyOf(candidates);
        StringBuilder sql = new StringBuilder(
                "INSERT INTO case_task_candidate (task_id, jabatan_code, office_id, deadline_at) VALUES ");
        Map<String, Object> p = new HashMap<>();
        p.put("t", taskId);
        p.put("office", officeId);
        p.put("deadline", deadline == null ? NULL_TIME : ts(deadline));
        for (int i = 0; i < codes.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(:t, :j").append(i).append(", :office, :deadline)");
            p.put("j" + i, codes.get(i));
        }
        batch.update(sql.toString(), p, inserted -> {
        });
    }

    void updateTask(StatementBatch batch, long taskId, int expectedVersion, TaskStatus from, TaskStatus to,
                    String claimedBy, Instant endedAt) {
        Map<String, Object> p = new HashMap<>();
        p.put("to", to.name());
        p.put("claimedBy", typed(java.sql.Types.VARCHAR, claimedBy));
        p.put("ended", endedAt == null ? NULL_TIME : ts(endedAt));
        p.put("id", taskId);
        p.put("expected", expectedVersion);
        p.put("from", from.name());
        batch.checkedUpdate("""
                UPDATE case_task SET status = :to, claimed_by = :claimedBy, ended_at = :ended, version = version + 1
                 WHERE id = :id AND version = :expected AND status = :from
                """, p, "task " + taskId + " was changed by someone else; reload and try again");
        if (endedAt != null) { // an ended task leaves every worklist
            batch.update("DELETE FROM case_task_candidate WHERE task_id = :id", Map.of("id", taskId), deleted -> {
            });
        }
    }

    List<TaskRow> tasks(long caseId) {
        return jdbc.sql("SELECT " + TASK_COLUMNS + " FROM case_task t WHERE t.case_id = :c ORDER BY t.id")
                .param("c", caseId).query(CaseRepository::taskRow).list();
    }

    /** The last link of a case's history chain: where the next event goes ({@code seq} 0: none yet). */
    record ChainHead(int seq, String hash) {
        static final ChainHead EMPTY = new ChainHead(0, null);
    }

    /** A case's tasks, each task's candidate jabatan and the head of its history chain. */
    record CaseTasks(List<TaskRow> tasks, Map<Long, List<String>> candidates, ChainHead head) {
        List<String> candidatesOf(long taskId) {
            return candidates.getOrDefault(taskId, List.of());
        }
    }

    /** The case of a task (a scalar subquery): the reads of {@link #lockAndRead} go by the task, sent with the lock. */
    private static final String CASE_OF_TASK = "(SELECT x.case_id FROM case_task x WHERE x.id = :task)";

    /** The case's tasks (with their candidates) and the chain head on each row (%1$s: the case). */
    private static final String CASE_TASKS = "SELECT " + TASK_COLUMNS + """
            , h.seq AS head_seq, h.hash AS head_hash
              FROM case_task t
              LEFT JOIN (SELECT e.seq, e.hash FROM case_event e WHERE e.case_id = %1$s
                          ORDER BY e.seq DESC FETCH FIRST 1 ROWS ONLY) h ON 1 = 1
             WHERE t.case_id = %1$s ORDER BY t.id
            """;

    /**
     * A case locked for an action, as read under the lock.
     *
     * @param reservedTaskIds ids taken from the task sequence in the same round trip, for the tasks the action creates
     *                        (PostgreSQL: its writes then need no id from an insert first, and go in one batch)
     */
    record LockedRead(LockedCase locked, CaseTasks tasks, List<Long> reservedTaskIds) {
    }

    /**
     * Locks the case of a task, then reads it, the organization's stamp, its tasks, their candidates and the head of
     * its history chain (empty when there is no such task). The reads come after the lock, each its own statement,
     * so nothing they read can change before the caller's transaction ends. On PostgreSQL the lock reads the case row
     * itself (FOR UPDATE answers the row's latest version, after waiting for its holder) and the statements go in one
     * round trip. On H2 the lock is an update that changes nothing: H2 keeps no plan of a statement with
     * FOR UPDATE and parses it at every execution (a tenth of an action's CPU), while it keeps those of updates.
     * {@code reserveTaskId}: on PostgreSQL, also take an id for the task the action may create (a wasted one when it
     * creates none: a sequence may have gaps).
     */
    Optional<LockedRead> lockAndRead(long taskId, boolean reserveTaskId) {
        Map<String, Object> params = new HashMap<>();
        params.put("task", taskId);
        LockedCase[] locked = {null};
        Map<Long, TaskRow> tasks = new LinkedHashMap<>();
        Map<Long, List<String>> candidates = new HashMap<>();
        ChainHead[] head = {ChainHead.EMPTY};
        List<Long> reserved = new ArrayList<>(1);
        StatementBatch batch = batch();
        String caseId = CASE_OF_TASK; // sent together with the lock, the reads find the case by the task
        String lockedCase = "SELECT " + LOCKED_CASE_COLUMNS + ", " + ORGANIZATION_STAMP + " FROM case_file c WHERE c.id = ";
        RowCallbackHandler caseRow = rs -> locked[0] = new LockedCase(caseRow(rs, 0), rs.getLong("organization_stamp"));
        if (batch.sendsTogether()) {
            batch.query(lockedCase + CASE_OF_TASK + " FOR UPDATE OF c", params, caseRow);
        } else { // each statement runs at once: the reads go by the case's id, a key lookup
            Optional<Long> kase = caseOfTask(taskId);
            if (kase.isEmpty() || jdbc.sql("UPDATE case_file SET version = version WHERE id = :case")
                    .param("case", kase.get()).update() == 0) {
                return Optional.empty();
            }
            params.put("case", kase.get());
            caseId = ":case";
            batch.query(lockedCase + caseId, params, caseRow);
        }
        batch.query(CASE_TASKS.formatted(caseId), params, rs -> {
                    TaskRow task = taskRow(rs, 0);
                    tasks.put(task.id(), task);
                    List<String> codes = candidateList(task.jabatanCodes());
                    if (!codes.isEmpty()) {
                        candidates.put(task.id(), codes);
                    }
                    String hash = rs.getString("head_hash");
                    if (hash != null) {
                        head[0] = new ChainHead(rs.getInt("head_seq"), hash);
                    }
                });
        if (reserveTaskId && batch.sendsTogether()) {
            batch.query("SELECT " + nextIdOf("case_task"), params, rs -> reserved.add(rs.getLong(1)));
        }
        batch.send();
        return locked[0] == null ? Optional.empty()
                : Optional.of(new LockedRead(locked[0], new CaseTasks(List.copyOf(tasks.values()), candidates, head[0]),
                List.copyOf(reserved)));
    }

    Optional<Long> caseOfTask(long taskId) {
        return jdbc.sql("SELECT case_id FROM case_task WHERE id = :id").param("id", taskId).query(Long.class).optional();
    }

    /** A task's candidate jabatan, in code order: those it had when it ended, for an ended task. */
    List<String> candidates(long taskId) {
        return jdbc.sql("SELECT jabatan_codes FROM case_task WHERE id = :t").param("t", taskId)
                .query((rs, n) -> candidateList(rs.getString(1))).optional().orElse(List.of());
    }

    /**
     * A worklist as read, and the organization's stamp as its statement saw it (null when no row came back, there
     * being no row to carry it).
     */
    record Worklist(List<WorklistRow> rows, Long organizationStamp) {
    }

    /** A task of a worklist and its case, as read together. */
    record WorklistRow(TaskRow task, CaseRow kase) {
    }

    /**
     * Open tasks that holders of these jabatan may work, and the pemohon steps of the user's own cases,
     * soonest deadline first (no deadline last).
     */
    Worklist worklist(String officeCode, Collection<String> jabatanCodes, String pemohonUsername, int limit) {
        return worklist(officeCode, jabatanCodes, pemohonUsername, limit, null);
    }

    /** One task, if it is in the list {@link #worklist(String, Collection, String, int)} gives. */
    Worklist worklistItem(String officeCode, Collection<String> jabatanCodes, String pemohonUsername, long taskId) {
        return worklist(officeCode, jabatanCodes, pemohonUsername, 1, taskId);
    }

    /**
     * A worklist row: the task's columns, its case's as {@code c_<column>} (the names the two share apart), and the
     * organization's stamp. Whole rows, so that the actions a user may take are decided without reading them again.
     */
    private static final String WORKLIST_COLUMNS = TASK_COLUMNS.strip() + """
            , c.id AS c_id, c.office_id AS c_office_id,
            (SELECT o.code FROM office o WHERE o.id = c.office_id) AS c_office_code, c.registration_no AS c_registration_no,
            c.tracking_code AS c_tracking_code, c.sop_version_id AS c_sop_version_id, c.sop_code AS c_sop_code,
            c.status AS c_status, c.current_step AS c_current_step, c.round_no AS c_round_no,
            c.returns_count AS c_returns_count, c.pemohon_kind AS c_pemohon_kind, c.pemohon_name AS c_pemohon_name,
            c.pemohon_username AS c_pemohon_username, c.pemohon_nip AS c_pemohon_nip,
            c.pemohon_contact AS c_pemohon_contact, c.started_at AS c_started_at, c.started_by AS c_started_by,
            c.ended_at AS c_ended_at, c.version AS c_version, %s
            """.formatted(ORGANIZATION_STAMP);

    /**
     * The worklist entries of one jabatan in the office, walked in deadline order along
     * {@code ix_case_task_candidate_worklist} (V20; no deadline last on both databases) and stopping at {@code :limit}:
     * only open tasks have entries, so it reads just the rows it returns.
     */
    private static final String WORKLIST_OF_JABATAN = "SELECT " + WORKLIST_COLUMNS + """
              FROM case_task_candidate k
              JOIN case_task t ON t.id = k.task_id
              JOIN case_file c ON c.id = t.case_id
             WHERE k.jabatan_code = :code AND k.office_id = (SELECT o.id FROM office o WHERE o.code = :office)
             ORDER BY k.jabatan_code, k.office_id, k.deadline_at NULLS LAST, k.task_id
             FETCH FIRST :limit ROWS ONLY
            """;

    /**
     * The open pemohon steps of the user's own cases in the office, through the user's open cases
     * ({@code ix_case_file_pemohon_open}, V20): not through the office's open tasks, of which they are a few.
     */
    private static final String WORKLIST_OF_PEMOHON = "SELECT " + WORKLIST_COLUMNS + """
              FROM case_file c
              JOIN case_task t ON t.case_id = c.id
             WHERE c.pemohon_username = :pemohon AND c.status = 'OPEN'
               AND c.office_id = (SELECT o.id FROM office o WHERE o.code = :office)
               AND t.kind = 'PEMOHON' AND t.ended_at IS NULL
             ORDER BY t.deadline_at NULLS LAST, t.id
             FETCH FIRST :limit ROWS ONLY
            """;

    /** One task, if it is in the user's worklist. */
    private static final String WORKLIST_ITEM = "SELECT " + WORKLIST_COLUMNS + """
              FROM case_task t
              JOIN case_file c ON c.id = t.case_id
             WHERE t.id = :task AND t.ended_at IS NULL
               AND t.office_id = (SELECT o.id FROM office o WHERE o.code = :office)
               AND (EXISTS (SELECT 1 FROM case_task_candidate k WHERE k.task_id = t.id AND k.jabatan_code IN (:codes))
                    OR (t.kind = 'PEMOHON' AND c.pemohon_username = :pemohon))
            """;

    /** The worklist's order: soonest deadline first, no deadline last, then by task. */
    private static final Comparator<WorklistRow> WORKLIST_ORDER = Comparator
            .comparing((WorklistRow r) -> r.task().deadline(), Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparingLong(r -> r.task().id());

    /**
     * The first {@code limit} of the worklist: each jabatan's entries and the pemohon steps, each read in order and
     * merged (one statement per jabatan: an index walk gives one jabatan's entries in deadline order, several do not;
     * a user has one or two). On PostgreSQL the statements go in one round trip. Each row carries the organization's
     * stamp: the caller knows whether the jabatan it asked for were still the user's when the rows were read.
     */
    private Worklist worklist(String officeCode, Collection<String> jabatanCodes, String pemohonUsername, int limit,
                              Long taskId) {
        long[] stamp = {Long.MIN_VALUE};
        Map<Long, WorklistRow> items = new HashMap<>();
        RowCallbackHandler row = rs -> {
            stamp[0] = Math.max(stamp[0], rs.getLong("organization_stamp"));
            WorklistRow read = new WorklistRow(taskRow(rs, 0), caseRowFrom(rs, TASK_COLUMN_COUNT + 1));
            items.put(read.task().id(), read); // a task may come once per jabatan of the user and as a pemohon step
        };
        if (taskId != null) {
            // An empty IN list is not valid SQL: a code no jabatan has stands in for "none".
            jdbc.sql(WORKLIST_ITEM).param("task", taskId).param("office", officeCode).param("pemohon", pemohonUsername)
                    .param("codes", jabatanCodes.isEmpty() ? List.of("-") : jabatanCodes).query(row);
        } else {
            StatementBatch batch = batch();
            for (String code : jabatanCodes) {
                batch.query(WORKLIST_OF_JABATAN, Map.of("code", code, "office", officeCode, "limit", limit), row);
            }
            batch.query(WORKLIST_OF_PEMOHON, Map.of("pemohon", pemohonUsername, "office", officeCode, "limit", limit),
                    row);
            batch.send();
        }
        List<WorklistRow> list = items.values().stream().sorted(WORKLIST_ORDER).limit(limit).toList();
        return new Worklist(list, stamp[0] == Long.MIN_VALUE ? null : stamp[0]);
    }

    /** An event to append: everything but its place in the chain. */
    record NewEvent(String username, String actingJabatan, String onBehalfOf, String type, Long taskId,
                    Integer fromStep, Integer toStep, String note) {
    }

    /**
     * Appends events to the case's hash chain, in order. The caller holds the case row's lock, so the
     * chain's last row cannot change meanwhile.
     */
    void appendToHistory(long caseId, Instant at, List<NewEvent> events) {
        StatementBatch batch = batch();
        appendToHistory(batch, caseId, at, events, null);
        batch.send();
    }

    /** As {@link #appendToHistory(long, Instant, List)}, in a batch, after a head read under the same lock (or null). */
    void appendToHistory(StatementBatch batch, long caseId, Instant at, List<NewEvent> events, ChainHead head) {
        if (head == null) {
            head = lastEvent(caseId).map(e -> new ChainHead(e.seq(), e.hash())).orElse(ChainHead.EMPTY);
        }
        // Stored times have microsecond precision on both databases: hash what is stored.
        Instant stored = at.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        int seq = head.seq();
        String previous = head.hash();
        List<EventRow> rows = new ArrayList<>();
        for (NewEvent e : events) {
            seq++;
            String hash = EventHash.of(previous, new EventHash.Fields(caseId, seq, stored, e.username(),
                    e.actingJabatan(), e.onBehalfOf(), e.type(), e.taskId(), e.fromStep(), e.toStep(), e.note()));
            rows.add(new EventRow(0, caseId, seq, stored, e.username(), e.actingJabatan(), e.onBehalfOf(), e.type(),
                    e.taskId(), e.fromStep(), e.toStep(), e.note(), previous, hash));
            previous = hash;
        }
        insertEvents(batch, rows);
    }

    Optional<EventRow> lastEvent(long caseId) {
        return jdbc.sql("SELECT * FROM case_event WHERE case_id = :c ORDER BY seq DESC FETCH FIRST 1 ROWS ONLY")
                .param("c", caseId).query(CaseRepository::eventRow).optional();
    }

    /** Events in one statement (one round trip), in chain order. */
    void insertEvents(StatementBatch batch, List<EventRow> events) {
        if (events.isEmpty()) {
            return;
        }
        Map<String, Object> p = new HashMap<>();
        for (int i = 0; i < events.size(); i++) {
            EventRow e = events.get(i);
            p.put("case" + i, e.caseId());
            p.put("seq" + i, e.seq());
            p.put("at" + i, ts(e.occurredAt()));
            p.put("user" + i, e.username());
            p.put("jabatan" + i, typed(java.sql.Types.VARCHAR, e.actingJabatan()));
            p.put("behalf" + i, typed(java.sql.Types.VARCHAR, e.onBehalfOf()));
            p.put("type" + i, e.type());
            p.put("task" + i, typed(java.sql.Types.BIGINT, e.taskId()));
            p.put("from" + i, typed(java.sql.Types.INTEGER, e.fromStep()));
            p.put("to" + i, typed(java.sql.Types.INTEGER, e.toStep()));
            p.put("note" + i, typed(java.sql.Types.VARCHAR, e.note()));
            p.put("prev" + i, typed(java.sql.Types.VARCHAR, e.prevHash()));
            p.put("hash" + i, e.hash());
        }
        batch.update(INSERT_EVENTS.computeIfAbsent(events.size(), CaseRepository::insertEventsSql), p, inserted -> {
        });
    }

    /** The insert of n events, by n (an action writes one to three). */
    private static final Map<Integer, String> INSERT_EVENTS = new java.util.concurrent.ConcurrentHashMap<>();

    private static String insertEventsSql(int n) {
        StringBuilder sql = new StringBuilder("""
                INSERT INTO case_event (case_id, seq, occurred_at, username, acting_jabatan, on_behalf_of, event_type,
                                        task_id, from_step, to_step, note, prev_hash, hash)
                VALUES """);
        for (int i = 0; i < n; i++) {
            sql.append(i == 0 ? "" : ", ").append(String.format(java.util.Locale.ROOT,
                    "(:case%1$d, :seq%1$d, :at%1$d, :user%1$d, :jabatan%1$d, :behalf%1$d, :type%1$d, :task%1$d,"
                            + " :from%1$d, :to%1$d, :note%1$d, :prev%1$d, :hash%1$d)", i));
        }
        return sql.toString();
    }

    /** A value that may be NULL, with its SQL type (a NULL of unknown type makes H2 ask for parameter metadata). */
    private static Object typed(int sqlType, Object value) {
        return value == null ? new SqlParameterValue(sqlType, null) : value;
    }

    List<EventRow> events(long caseId) {
        return jdbc.sql("SELECT * FROM case_event WHERE case_id = :c ORDER BY seq").param("c", caseId)
                .query(CaseRepository::eventRow).list();
    }

    /** Case ids in id order, a page at a time (for verifying every chain without loading all rows at once). */
    List<Long> caseIds(long afterId, int limit) {
        return jdbc.sql("SELECT id FROM case_file WHERE id > :after ORDER BY id FETCH FIRST :limit ROWS ONLY")
                .param("after", afterId).param("limit", limit).query(Long.class).list();
    }

    Optional<String> idempotentResult(String key, String username, String requestHash) {
        return jdbc.sql("SELECT request_hash, result FROM idempotency_key WHERE idem_key = :k AND username = :u")
                .param("k", key).param("u", username)
                .query((rs, n) -> {
                    if (!rs.getString("request_hash").equals(requestHash)) {
                        throw new CaseConflictException("idempotency key " + key + " was used for another request");
                    }
                    return rs.getString("result");
                }).optional();
    }

    /**
     * Keeps an action's result under its idempotency key, in the action's last batch. The key is unique per user: the
     * same key at the same moment for a task of another case (another lock) is a conflict, and the action is undone.
     */
    void rememberIdempotent(StatementBatch batch, String key, String username, String requestHash, String result,
                            Instant at) {
        Map<String, Object> p = Map.of("k", key, "u", username, "h", requestHash, "r", result, "at", ts(at));
        String conflict = "idempotency key " + key + " was used for another request";
        if (batch.sendsTogether()) {
            // Checked on the server: the batch may carry the commit.
            batch.checkedUpdate(REMEMBER_IDEMPOTENT + " ON CONFLICT DO NOTHING", p, conflict);
            return;
        }
        try {
            batch.update(REMEMBER_IDEMPOTENT, p, inserted -> {
            });
        } catch (DuplicateKeyException sameKeyElsewhere) {
            throw new CaseConflictException(conflict);
        }
    }

    private static final String REMEMBER_IDEMPOTENT = """
            INSERT INTO idempotency_key (idem_key, username, request_hash, result, created_at)
            VALUES (:k, :u, :h, :r, :at)""";

    /**
     * The rows are read by position, not by name: H2 upper-cases a name and pgjdbc looks it up at every call, a few
     * dozen per action and hundreds per worklist page. A case's columns are {@link #CASE_COLUMNS} (or
     * {@link #LOCKED_CASE_COLUMNS}, the same in the same order), from the first column of the statement or, in a
     * worklist row, after the {@link #TASK_COLUMN_COUNT} of {@link #TASK_COLUMNS}; the class checks the lists agree.
     */
    private static CaseRow caseRow(ResultSet rs, int n) throws SQLException {
        return caseRowFrom(rs, 1);
    }

    /** The number of {@link #TASK_COLUMNS}: a worklist row's case columns follow them. */
    private static final int TASK_COLUMN_COUNT = 15;

    static {
        List<String> plain = columnNames(CASE_COLUMNS);
        if (!plain.equals(columnNames(LOCKED_CASE_COLUMNS)) || plain.size() != 20
                || !plain.stream().map(c -> "c_" + c).toList().equals(columnNames(WORKLIST_COLUMNS)
                .subList(TASK_COLUMN_COUNT, TASK_COLUMN_COUNT + plain.size()))
                || !columnNames(TASK_COLUMNS).equals(columnNames(WORKLIST_COLUMNS).subList(0, TASK_COLUMN_COUNT))) {
            throw new IllegalStateException("the case and task column lists of CaseRepository disagree");
        }
    }

    /** The names a column list gives its columns: each item's alias, else its column without the table. */
    private static List<String> columnNames(String columns) {
        List<String> names = new ArrayList<>();
        int depth = 0;
        StringBuilder item = new StringBuilder();
        for (char ch : (columns + ",").toCharArray()) {
            depth += ch == '(' ? 1 : ch == ')' ? -1 : 0;
            if (ch == ',' && depth == 0) {
                String[] words = item.toString().strip().split("\\s+");
                String last = words[words.length - 1];
                if (!last.isEmpty()) {
                    names.add(last.substring(last.indexOf('.') + 1));
                }
                item.setLength(0);
            } else {
                item.append(ch);
            }
        }
        return names;
    }

    private static CaseRow caseRowFrom(ResultSet rs, int first) throws SQLException {
        int i = first;
        return new CaseRow(rs.getLong(i), rs.getLong(i + 1), rs.getString(i + 2), rs.getString(i + 3),
                rs.getString(i + 4), rs.getLong(i + 5), rs.getString(i + 6), CaseStatus.valueOf(rs.getString(i + 7)),
                rs.getInt(i + 8), rs.getInt(i + 9), rs.getInt(i + 10),
                new Pemohon(Pemohon.Kind.valueOf(rs.getString(i + 11)), rs.getString(i + 12), rs.getString(i + 13),
                        rs.getString(i + 14), rs.getString(i + 15)),
                instant(rs, i + 16), rs.getString(i + 17), instant(rs, i + 18), rs.getInt(i + 19));
    }

    /** A task row from the {@link #TASK_COLUMNS}, the first columns of the statement. */
    private static TaskRow taskRow(ResultSet rs, int n) throws SQLException {
        return new TaskRow(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getInt(4), rs.getString(5), rs.getString(6),
                TaskKind.valueOf(rs.getString(7)), TaskStatus.valueOf(rs.getString(8)), rs.getString(9),
                instant(rs, 10), instant(rs, 11), instant(rs, 12), instant(rs, 13), rs.getString(14), rs.getInt(15));
    }

    private static EventRow eventRow(ResultSet rs, int n) throws SQLException {
        return new EventRow(rs.getLong("id"), rs.getLong("case_id"), rs.getInt("seq"), instant(rs, "occurred_at"),
                rs.getString("username"), rs.getString("acting_jabatan"), rs.getString("on_behalf_of"),
                rs.getString("event_type"), (Long) rs.getObject("task_id", Long.class),
                (Integer) rs.getObject("from_step", Integer.class), (Integer) rs.getObject("to_step", Integer.class),
                rs.getString("note"), rs.getString("prev_hash"), rs.getString("hash"));
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static OffsetDateTime ts(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

}
