package id.sopan.bench.nodes;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What must hold after clients raced on several nodes, checked in SQL against the database, each by name (the
 * hash itself is {@code audit verify}'s, which the callers run besides; here the chain's links are checked):
 * <ul>
 * <li>{@code lost_start}: a start answered 201 whose case (id and registration number) is not stored;</li>
 * <li>{@code lost_action}: a task action answered 2xx without its history row (task, event type, user);</li>
 * <li>{@code answer_mismatch}: a finishing action answered 2xx whose task is not in the state it answered;</li>
 * <li>{@code completed_twice_answers}: two 2xx answers finishing (or handing off) the same task;</li>
 * <li>{@code completed_twice_db}: a task with two finishing history rows;</li>
 * <li>{@code duplicate_registration}: two cases with one registration number;</li>
 * <li>{@code chain_links}: a case's history with a gap in {@code seq} or a {@code prev_hash} that is not the
 *     previous row's hash;</li>
 * <li>{@code illegal_task_order}: a task whose history rows, replayed from OPEN through the engine's transitions,
 *     are not a legal path, or do not end in the task's stored status;</li>
 * <li>{@code task_version}: a task whose {@code version} is not the number of its status changes;</li>
 * <li>{@code stuck_case}: an OPEN case with no unfinished task on its current step and round, an unfinished task
 *     on a step or round other than its case's current one (or of a case no longer OPEN), or a CLOSED case without
 *     exactly one CASE_CLOSED row;</li>
 * <li>{@code sla_missed}: an unfinished task whose deadline passed before {@code slaCutoff} and is not marked overdue;</li>
 * <li>{@code sla_mark}: a task marked overdue without exactly one TASK_OVERDUE row, or with one but no mark, or
 *     marked after it was finished;</li>
 * <li>{@code sla_duplicate_notification}: a task notified twice to one user;</li>
 * <li>{@code sla_unnotified}: a task marked overdue with nobody notified.</li>
 * </ul>
 */
public final class NodeInvariants {

    public static final List<String> NAMES = List.of("lost_start", "lost_action", "answer_mismatch",
            "completed_twice_answers", "completed_twice_db", "duplicate_registration", "chain_links",
            "illegal_task_order", "task_version", "stuck_case", "sla_missed", "sla_mark", "sla_duplicate_notification",
            "sla_unnotified");

    private static final Set<String> FINISHING_EVENTS = Set.of("STEP_DONE", "DECISION_APPROVED", "DECISION_RETURNED",
            "RECEIVED_BACK");
    private static final Set<String> FINISHING_ACTIONS = Set.of("COMPLETE", "APPROVE", "RETURN", "RECEIVE_BACK");
    private static final Set<String> UNFINISHED = Set.of("OPEN", "CLAIMED", "HANDED_OFF");

    /** Violations by invariant name (every name present), and what the database holds. */
    public record Report(Map<String, List<String>> violations, Map<String, Long> counts) {
        public long total() {
            return violations.values().stream().mapToLong(List::size).sum();
        }

        public String describe() {
            StringBuilder out = new StringBuilder();
            violations.forEach((name, list) -> {
                out.append(String.format("  %-28s %d%n", name, list.size()));
                list.stream().limit(5).forEach(v -> out.append("      ").append(v).append('\n'));
            });
            return out.toString();
        }
    }

    private NodeInvariants() {
    }

    /**
     * @param slaCutoff tasks unfinished with a deadline before this must have been marked overdue (null: not checked)
     */
    public static Report check(Connection c, List<NodeLoad.Started> started, List<NodeLoad.Acted> acted,
                               Instant slaCutoff) throws SQLException {
        Map<String, List<String>> v = new LinkedHashMap<>();
        NAMES.forEach(n -> v.put(n, new ArrayList<>()));
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : List.of("case_file", "case_task", "case_event", "notification")) {
            counts.put(table, single(c, "SELECT COUNT(*) FROM " + table));
        }
        counts.put("cases_closed", single(c, "SELECT COUNT(*) FROM case_file WHERE status = 'CLOSED'"));
        counts.put("tasks_overdue", single(c, "SELECT COUNT(*) FROM case_task WHERE overdue_at IS NOT NULL"));

        Map<Long, String> registrations = new HashMap<>();
        query(c, "SELECT id, registration_no FROM case_file", rs -> registrations.put(rs.getLong(1), rs.getString(2)));
        for (NodeLoad.Started s : started) {
            if (!s.registrationNo().equals(registrations.get(s.caseId()))) {
                v.get("lost_start").add("case " + s.caseId() + " " + s.registrationNo() + " answered 201, stored as "
                        + registrations.get(s.caseId()));
            }
        }
        query(c, "SELECT office_id, registration_no, COUNT(*) FROM case_file GROUP BY office_id, registration_no HAVING COUNT(*) > 1",
                rs -> v.get("duplicate_registration").add(rs.getString(2) + " x" + rs.getLong(3)));

        // Tasks and events.
        record Task(long id, long caseId, int step, int round, String status, int version, boolean overdue) {
        }
        record Event(long caseId, int seq, String user, String type, Long taskId, String prev, String hash) {
        }
        Map<Long, Task> tasks = new HashMap<>();
        query(c, "SELECT id, case_id, step_no, round_no, status, version, overdue_at FROM case_task",
                rs -> tasks.put(rs.getLong(1), new Task(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getInt(4),
                        rs.getString(5), rs.getInt(6), rs.getObject(7) != null)));
        Map<Long, List<Event>> byCase = new HashMap<>();
        query(c, "SELECT case_id, seq, username, event_type, task_id, prev_hash, hash FROM case_event ORDER BY case_id, seq",
                rs -> byCase.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Event(rs.getLong(1),
                        rs.getInt(2), rs.getString(3), rs.getString(4), (Long) rs.getObject(5, Long.class),
                        rs.getString(6), rs.getString(7))));
        Map<Long, List<Event>> byTask = new HashMap<>();
        Set<String> eventKeys = new HashSet<>();
        for (List<Event> events : byCase.values()) {
            String previous = null;
            int expected = 1;
            for (Event e : events) {
                if (e.seq() != expected || (previous == null ? e.prev() != null : !previous.equals(e.prev()))) {
                    v.get("chain_links").add("case " + e.caseId() + " seq " + e.seq());
                    break;
                }
                previous = e.hash();
                expected++;
                if (e.taskId() != null) {
                    byTask.computeIfAbsent(e.taskId(), k -> new ArrayList<>()).add(e);
                    eventKeys.add(e.taskId() + "|" + e.type() + "|" + e.user());
                }
            }
        }
        for (Task t : tasks.values()) {
            List<Event> events = byTask.getOrDefault(t.id(), List.of());
            String state = "OPEN";
            int changes = 0;
            int finishing = 0;
            boolean finished = false;
            for (int i = 0; i < events.size(); i++) {
                Event e = events.get(i);
                String next = next(state, e.type(), i == 0 && e.seq() <= 3);
                if (next == null) {
                    v.get("illegal_task_order").add("task " + t.id() + ": " + e.type() + " in " + state);
                    break;
                }
                if (e.type().equals("TASK_OVERDUE")) {
                    if (finished) {
                        v.get("sla_mark").add("task " + t.id() + " marked overdue after it was finished");
                    }
                } else if (!(i == 0 && state.equals("OPEN") && e.type().equals("STEP_DONE") && e.seq() <= 3)) {
                    changes++; // a task created done (the pemohon's submission) was never updated
                }
                if (FINISHING_EVENTS.contains(e.type())) {
                    finishing++;
                }
                finished = !UNFINISHED.contains(next);
                state = next;
            }
            if (finishing > 1) {
                v.get("completed_twice_db").add("task " + t.id() + ": " + finishing + " finishing rows");
            }
            if (!t.status().equals("CANCELLED")) {
                if (!state.equals(t.status())) {
                    v.get("illegal_task_order").add("task " + t.id() + ": history ends in " + state + ", stored "
                            + t.status());
                }
                if (changes != t.version()) {
                    v.get("task_version").add("task " + t.id() + ": version " + t.version() + ", " + changes
                            + " status changes");
                }
            }
            long overdueRows = events.stream().filter(e -> e.type().equals("TASK_OVERDUE")).count();
            if (overdueRows != (t.overdue() ? 1 : 0)) {
                v.get("sla_mark").add("task " + t.id() + ": overdue mark " + t.overdue() + ", " + overdueRows
                        + " TASK_OVERDUE rows");
            }
        }

        // What the clients were told.
        Map<String, Integer> finishAnswers = new HashMap<>();
        for (NodeLoad.Acted a : acted) {
            String type = eventOf(a.action());
            if (!eventKeys.contains(a.taskId() + "|" + type + "|" + a.username())) {
                v.get("lost_action").add(a.action() + " of task " + a.taskId() + " by " + a.username() + " on node"
                        + a.node() + " answered 2xx, no " + type + " row");
            }
            if (FINISHING_ACTIONS.contains(a.action()) || a.action().equals("HAND_OFF")) {
                String key = a.taskId() + (a.action().equals("HAND_OFF") ? " hand-off" : " finish");
                if (finishAnswers.merge(key, 1, Integer::sum) == 2) {
                    v.get("completed_twice_answers").add("task " + key + " answered 2xx twice");
                }
                Task t = tasks.get(a.taskId());
                if (FINISHING_ACTIONS.contains(a.action()) && (t == null || !t.status().equals(a.taskStatus()))) {
                    v.get("answer_mismatch").add("task " + a.taskId() + " answered " + a.taskStatus() + ", stored "
                            + (t == null ? "nothing" : t.status()));
                }
            }
        }

        // No case stuck between steps.
        query(c, """
                SELECT c.id, c.registration_no, c.current_step, c.round_no FROM case_file c
                 WHERE c.status = 'OPEN' AND NOT EXISTS (
                       SELECT 1 FROM case_task t WHERE t.case_id = c.id AND t.status IN ('OPEN', 'CLAIMED', 'HANDED_OFF')
                          AND t.step_no = c.current_step AND t.round_no = c.round_no)
                """, rs -> v.get("stuck_case").add("case " + rs.getLong(1) + " " + rs.getString(2)
                + ": no unfinished task on step " + rs.getInt(3) + " round " + rs.getInt(4)));
        query(c, """
                SELECT t.id, t.step_no, t.round_no, c.id, c.status, c.current_step, c.round_no
                  FROM case_task t JOIN case_file c ON c.id = t.case_id
                 WHERE t.status IN ('OPEN', 'CLAIMED', 'HANDED_OFF')
                   AND (c.status <> 'OPEN' OR t.step_no <> c.current_step OR t.round_no <> c.round_no)
                """, rs -> v.get("stuck_case").add("task " + rs.getLong(1) + " open on step " + rs.getInt(2) + " round "
                + rs.getInt(3) + " of case " + rs.getLong(4) + " (" + rs.getString(5) + ", step " + rs.getInt(6)
                + " round " + rs.getInt(7) + ")"));
        query(c, """
                SELECT c.id, (SELECT COUNT(*) FROM case_event e WHERE e.case_id = c.id AND e.event_type = 'CASE_CLOSED')
                  FROM case_file c WHERE c.status = 'CLOSED'
                """, rs -> {
            if (rs.getLong(2) != 1) {
                v.get("stuck_case").add("closed case " + rs.getLong(1) + " with " + rs.getLong(2) + " CASE_CLOSED rows");
            }
        });

        // The SLA watch.
        if (slaCutoff != null) {
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT id, deadline_at FROM case_task
                     WHERE status IN ('OPEN', 'CLAIMED', 'HANDED_OFF') AND deadline_at < ? AND overdue_at IS NULL
                    """)) {
                s.setObject(1, slaCutoff.atOffset(java.time.ZoneOffset.UTC));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        v.get("sla_missed").add("task " + rs.getLong(1) + " deadline " + rs.getObject(2));
                    }
                }
            }
        }
        query(c, "SELECT task_id, username, COUNT(*) FROM notification GROUP BY task_id, username HAVING COUNT(*) > 1",
                rs -> v.get("sla_duplicate_notification").add("task " + rs.getLong(1) + " to " + rs.getString(2)
                        + " x" + rs.getLong(3)));
        query(c, """
                SELECT t.id FROM case_task t WHERE t.overdue_at IS NOT NULL
                   AND NOT EXISTS (SELECT 1 FROM notification n WHERE n.task_id = t.id)
                """, rs -> v.get("sla_unnotified").add("task " + rs.getLong(1)));
        return new Report(v, counts);
    }

    /** The task's status after an event, or null when the event is not legal in that status. */
    static String next(String state, String type, boolean atStart) {
        return switch (type) {
            case "TASK_CLAIMED" -> state.equals("OPEN") || state.equals("CLAIMED") ? "CLAIMED" : null;
            case "TASK_RELEASED" -> state.equals("CLAIMED") ? "OPEN" : null;
            case "STEP_DONE" -> state.equals("CLAIMED") || (atStart && state.equals("OPEN")) ? "DONE" : null;
            case "DECISION_APPROVED" -> state.equals("CLAIMED") || state.equals("HANDED_OFF") ? "DONE" : null;
            case "DECISION_RETURNED" -> state.equals("CLAIMED") || state.equals("HANDED_OFF") ? "RETURNED" : null;
            case "HANDED_OFF" -> state.equals("CLAIMED") ? "HANDED_OFF" : null;
            case "RECEIVED_BACK" -> state.equals("HANDED_OFF") ? "DONE" : null;
            case "TASK_OVERDUE" -> state; // not a change of status; marked after the end is reported as sla_mark
            default -> null;
        };
    }

    static String eventOf(String action) {
        return switch (action) {
            case "CLAIM", "TAKE_OVER" -> "TASK_CLAIMED";
            case "RELEASE" -> "TASK_RELEASED";
            case "COMPLETE" -> "STEP_DONE";
            case "APPROVE" -> "DECISION_APPROVED";
            case "RETURN" -> "DECISION_RETURNED";
            case "HAND_OFF" -> "HANDED_OFF";
            case "RECEIVE_BACK" -> "RECEIVED_BACK";
            default -> throw new IllegalArgumentException(action);
        };
    }

    private interface Row {
        void accept(ResultSet rs) throws SQLException;
    }

    private static void query(Connection c, String sql, Row row) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                row.accept(rs);
            }
        }
    }

    private static long single(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
