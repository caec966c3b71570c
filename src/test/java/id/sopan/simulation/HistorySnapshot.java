package id.sopan.simulation;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every case row of the database as it can be compared between two databases: generated ids and tracking codes
 * left out, a history row's task given by its position among the case's tasks (in id order, i.e. creation order).
 * Cases in registration-number order; the reports' tallies of finished tasks, and their late tasks (each by its case's
 * registration number and its position).
 */
record HistorySnapshot(List<Case> cases, List<String> counters, List<String> tallies, List<String> lateTasks) {

    record Case(String registrationNo, String sopCode, String status, int currentStep, int round, int returns,
                String pemohonKind, String pemohonName, String pemohonUsername, String pemohonNip,
                String pemohonContact, Instant startedAt, String startedBy, Instant endedAt, int version,
                List<String> requirements, List<Task> tasks, List<Event> events) {
    }

    record Task(int step, int round, String actor, String responsibleActor, String kind, String status,
                String claimedBy, Instant startedAt, Instant deadline, Instant endedAt, Instant overdueAt, int version,
                List<String> jabatan, String sopCode, String jabatanCodes) {
    }

    /** @param task the position of its task among the case's tasks, or null */
    record Event(int seq, Instant occurredAt, String type, String username, String actingJabatan, String onBehalfOf,
                 Integer fromStep, Integer toStep, Integer task, String note) {
    }

    static HistorySnapshot of(JdbcClient jdbc) {
        Map<Long, List<String>> requirements = new HashMap<>();
        jdbc.sql("SELECT case_id, item_no, text, fulfilled FROM case_requirement ORDER BY case_id, item_no")
                .query((rs, n) -> requirements.computeIfAbsent(rs.getLong("case_id"), k -> new ArrayList<>())
                        .add(rs.getInt("item_no") + ":" + rs.getString("text") + ":" + rs.getBoolean("fulfilled")))
                .list();
        Map<Long, List<String>> candidates = new HashMap<>();
        jdbc.sql("SELECT task_id, jabatan_code FROM case_task_candidate ORDER BY task_id, jabatan_code")
                .query((rs, n) -> candidates.computeIfAbsent(rs.getLong("task_id"), k -> new ArrayList<>())
                        .add(rs.getString("jabatan_code")))
                .list();
        Map<Long, List<Task>> tasks = new HashMap<>();
        Map<Long, Integer> position = new HashMap<>();
        jdbc.sql("SELECT * FROM case_task ORDER BY case_id, id").query((rs, n) -> {
            List<Task> list = tasks.computeIfAbsent(rs.getLong("case_id"), k -> new ArrayList<>());
            position.put(rs.getLong("id"), list.size());
            return list.add(new Task(rs.getInt("step_no"), rs.getInt("round_no"), rs.getString("actor"),
                    rs.getString("responsible_actor"), rs.getString("kind"), rs.getString("status"),
                    rs.getString("claimed_by"), instant(rs, "started_at"), instant(rs, "deadline_at"),
                    instant(rs, "ended_at"), instant(rs, "overdue_at"), rs.getInt("version"),
                    candidates.getOrDefault(rs.getLong("id"), List.of()), rs.getString("sop_code"),
                    rs.getString("jabatan_codes")));
        }).list();
        Map<Long, List<Event>> events = new HashMap<>();
        jdbc.sql("SELECT * FROM case_event ORDER BY case_id, seq").query((rs, n) -> {
            Long taskId = rs.getObject("task_id", Long.class);
            return events.computeIfAbsent(rs.getLong("case_id"), k -> new ArrayList<>()).add(new Event(rs.getInt("seq"),
                    instant(rs, "occurred_at"), rs.getString("event_type"), rs.getString("username"),
                    rs.getString("acting_jabatan"), rs.getString("on_behalf_of"), rs.getObject("from_step", Integer.class),
                    rs.getObject("to_step", Integer.class), taskId == null ? null : position.get(taskId),
                    rs.getString("note")));
        }).list();
        Map<String, Case> cases = new LinkedHashMap<>();
        jdbc.sql("SELECT * FROM case_file ORDER BY registration_no").query((rs, n) -> {
            long id = rs.getLong("id");
            return cases.put(rs.getString("registration_no"), new Case(rs.getString("registration_no"),
                    rs.getString("sop_code"), rs.getString("status"), rs.getInt("current_step"), rs.getInt("round_no"),
                    rs.getInt("returns_count"), rs.getString("pemohon_kind"), rs.getString("pemohon_name"),
                    rs.getString("pemohon_username"), rs.getString("pemohon_nip"), rs.getString("pemohon_contact"),
                    instant(rs, "started_at"), rs.getString("started_by"), instant(rs, "ended_at"), rs.getInt("version"),
                    requirements.getOrDefault(id, List.of()), tasks.getOrDefault(id, List.of()),
                    events.getOrDefault(id, List.of())));
        }).list();
        List<String> counters = jdbc.sql("SELECT year_no, last_no FROM case_counter ORDER BY office_id, year_no")
                .query((rs, n) -> rs.getInt("year_no") + ":" + rs.getInt("last_no")).list();
        List<String> tallies = jdbc.sql("""
                        SELECT * FROM task_tally
                         ORDER BY office_id, ended_month, sop_code, step_no, claimed_by, jabatan_codes
                        """).query((rs, n) -> rs.getLong("office_id") + " " + rs.getObject("ended_month") + " "
                        + rs.getString("sop_code") + " " + rs.getInt("step_no") + " [" + rs.getString("claimed_by")
                        + "] [" + rs.getString("jabatan_codes") + "] " + rs.getLong("done") + " "
                        + rs.getLong("with_deadline") + " " + rs.getLong("on_time") + " " + rs.getLong("returned"))
                .list();
        Map<Long, String> registrations = new HashMap<>();
        jdbc.sql("SELECT t.id, c.registration_no FROM case_task t JOIN case_file c ON c.id = t.case_id")
                .query((rs, n) -> registrations.put(rs.getLong(1), rs.getString(2))).list();
        List<String> late = jdbc.sql("SELECT * FROM late_task").query((rs, n) -> {
            long task = rs.getLong("task_id");
            return registrations.get(task) + " #" + position.get(task) + " " + rs.getLong("office_id") + " "
                    + instant(rs, "ended_at") + " " + instant(rs, "deadline_at") + " " + rs.getString("sop_code") + " "
                    + rs.getInt("step_no") + " " + rs.getString("claimed_by") + " " + rs.getString("jabatan_codes");
        }).list().stream().sorted().toList();
        return new HistorySnapshot(List.copyOf(cases.values()), counters, tallies, late);
    }

    /**
     * The tallies counted afresh from the finished tasks, as {@code V14__task_tally.sql} fills them: what the
     * tallies kept by the transactions must equal.
     */
    static List<String> recountedTallies(JdbcClient jdbc) {
        return jdbc.sql("""
                        SELECT t.office_id, CAST(DATE_TRUNC('MONTH', CAST(t.ended_at AT TIME ZONE 'Asia/Jakarta' AS DATE)) AS DATE)
                                   AS month_start,
                               t.sop_code,
                               t.step_no, COALESCE(t.claimed_by, '') AS claimer, COALESCE(t.jabatan_codes, '') AS jabatan,
                               COUNT(*) AS done, COUNT(t.deadline_at) AS with_deadline,
                               SUM(CASE WHEN t.ended_at <= t.deadline_at THEN 1 ELSE 0 END) AS on_time,
                               SUM(CASE WHEN t.status = 'RETURNED' THEN 1 ELSE 0 END) AS returned
                          FROM case_task t
                         WHERE t.status IN ('DONE', 'RETURNED')
                         GROUP BY t.office_id, month_start, t.sop_code, t.step_no, claimer, jabatan
                         ORDER BY t.office_id, month_start, t.sop_code, t.step_no, claimer, jabatan
                        """).query((rs, n) -> rs.getLong("office_id") + " " + rs.getObject("month_start") + " "
                        + rs.getString("sop_code") + " " + rs.getInt("step_no") + " [" + rs.getString("claimer")
                        + "] [" + rs.getString("jabatan") + "] " + rs.getLong("done") + " "
                        + rs.getLong("with_deadline") + " " + rs.getLong("on_time") + " " + rs.getLong("returned"))
                .list();
    }

    /** The ids of the finished tasks that ended after their deadline, counted afresh, and those in late_task. */
    static List<List<Long>> lateTaskIds(JdbcClient jdbc) {
        return List.of(jdbc.sql("""
                        SELECT id FROM case_task WHERE status IN ('DONE', 'RETURNED') AND ended_at > deadline_at
                         ORDER BY id
                        """).query(Long.class).list(),
                jdbc.sql("SELECT task_id FROM late_task ORDER BY task_id").query(Long.class).list());
    }

    long taskCount() {
        return cases.stream().mapToLong(c -> c.tasks().size()).sum();
    }

    /** Deletes every case, its rows and the numbering, and the simulation's delegations: casework starts afresh. */
    static void reset(JdbcClient jdbc) {
        for (String table : List.of("case_attachment", "notification", "case_event", "idempotency_key",
                "late_task", "task_tally", "case_task_candidate", "case_task", "case_requirement", "case_file", "case_counter")) {
            jdbc.sql("DELETE FROM " + table).update();
        }
        jdbc.sql("DELETE FROM delegation WHERE created_by = 'simulate'").update();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
