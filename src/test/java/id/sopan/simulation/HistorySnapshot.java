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
 * Cases in registration-number order.
 */
record HistorySnapshot(List<Case> cases, List<String> counters) {

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
        return new HistorySnapshot(List.copyOf(cases.values()), counters);
    }

    long taskCount() {
        return cases.stream().mapToLong(c -> c.tasks().size()).sum();
    }

    /** Deletes every case, its rows and the numbering, and the simulation's delegations: casework starts afresh. */
    static void reset(JdbcClient jdbc) {
        for (String table : List.of("case_attachment", "notification", "case_event", "idempotency_key",
                "case_task_candidate", "case_task", "case_requirement", "case_file", "case_counter")) {
            jdbc.sql("DELETE FROM " + table).update();
        }
        jdbc.sql("DELETE FROM delegation WHERE created_by = 'simulate'").update();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
