package id.sopan.casework;

import id.sopan.calendar.CalendarService;
import id.sopan.engine.TaskStatus;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts finished tasks for the reports in the transaction that finishes them ({@code V14__task_tally.sql}): per
 * office, month in the office's zone, SOP, step, claimer and candidate jabatan set, how many were done, had a
 * deadline, met it and returned the file; and each late one in {@code late_task}. The six-monthly report then reads a
 * few hundred rows a month instead of every task (issue 6).
 * <p>
 * A tally row is shared by every task of its key, so its update waits for a concurrent one of the same key: rows are
 * written in key order (no deadlock) and last in the transaction (the lock is held only until the commit).
 */
@Component
class TaskTally {

    /** A task as it was finished: {@code jabatanCodes} as {@link CaseRepository#jabatanCodes}. */
    record Finished(long taskId, long officeId, String sopCode, int step, String claimedBy, String jabatanCodes,
                    TaskStatus status, Instant deadline, Instant ended) {

        /** Done or returned: cancelled tasks are not work done. */
        boolean counts() {
            return ended != null && (status == TaskStatus.DONE || status == TaskStatus.RETURNED);
        }

        boolean late() {
            return counts() && deadline != null && ended.isAfter(deadline);
        }
    }

    /** The key of a tally row; '' for a task nobody claimed or without candidate jabatan (key columns are NOT NULL). */
    private record Key(long officeId, LocalDate month, String sopCode, int step, String claimedBy, String jabatanCodes) {
        static final Comparator<Key> ORDER = Comparator.comparingLong(Key::officeId).thenComparing(Key::month)
                .thenComparing(Key::sopCode).thenComparingInt(Key::step).thenComparing(Key::claimedBy)
                .thenComparing(Key::jabatanCodes);
    }

    private static final String SOURCE = """
            (:office, :month, :sop, :step, :claimer, :jabatan, :done, :withDeadline, :onTime, :returned)
            """;

    private static final String UPSERT_POSTGRES = """
            INSERT INTO task_tally (office_id, ended_month, sop_code, step_no, claimed_by, jabatan_codes, done,
                                    with_deadline, on_time, returned)
            VALUES %s
            ON CONFLICT (office_id, ended_month, sop_code, step_no, claimed_by, jabatan_codes) DO UPDATE
               SET done = task_tally.done + EXCLUDED.done, with_deadline = task_tally.with_deadline + EXCLUDED.with_deadline,
                   on_time = task_tally.on_time + EXCLUDED.on_time, returned = task_tally.returned + EXCLUDED.returned
            """.formatted(SOURCE.strip());

    /**
     * H2 has no ON CONFLICT: two transactions inserting the same new key both find no row, and the second fails on
     * the primary key once the first commits; the statement alone is undone, so it is run again (then it matches).
     */
    private static final String UPSERT_H2 = """
            MERGE INTO task_tally k
            USING (VALUES (CAST(:office AS BIGINT), CAST(:month AS DATE), CAST(:sop AS VARCHAR), CAST(:step AS INT),
                           CAST(:claimer AS VARCHAR), CAST(:jabatan AS VARCHAR), CAST(:done AS BIGINT),
                           CAST(:withDeadline AS BIGINT), CAST(:onTime AS BIGINT), CAST(:returned AS BIGINT)))
                  AS s (office_id, ended_month, sop_code, step_no, claimed_by, jabatan_codes, done, with_deadline, on_time,
                        returned)
               ON k.office_id = s.office_id AND k.ended_month = s.ended_month AND k.sop_code = s.sop_code
                  AND k.step_no = s.step_no AND k.claimed_by = s.claimed_by AND k.jabatan_codes = s.jabatan_codes
             WHEN MATCHED THEN UPDATE SET done = k.done + s.done, with_deadline = k.with_deadline + s.with_deadline,
                                          on_time = k.on_time + s.on_time, returned = k.returned + s.returned
             WHEN NOT MATCHED THEN INSERT (office_id, ended_month, sop_code, step_no, claimed_by, jabatan_codes, done,
                                           with_deadline, on_time, returned)
                  VALUES (s.office_id, s.ended_month, s.sop_code, s.step_no, s.claimed_by, s.jabatan_codes, s.done,
                          s.with_deadline, s.on_time, s.returned)
            """;

    private static final String INSERT_LATE = """
            INSERT INTO late_task (task_id, office_id, ended_at, deadline_at, sop_code, step_no, claimed_by, jabatan_codes)
            VALUES (:task, :office, :ended, :deadline, :sop, :step, :claimer, :jabatan)
            """;

    private final NamedParameterJdbcTemplate jdbc;
    private final CalendarService calendars;
    private final boolean postgres;

    TaskTally(NamedParameterJdbcTemplate jdbc, CalendarService calendars, DataSource dataSource) {
        this.jdbc = jdbc;
        this.calendars = calendars;
        this.postgres = StatementBatch.isPostgres(dataSource);
    }

    /** Counts the tasks of one office (those done or returned), in the caller's transaction. */
    void count(String officeCode, Collection<Finished> tasks) {
        StatementBatch batch = new StatementBatch(jdbc.getJdbcTemplate(), postgres);
        count(batch, officeCode, tasks);
        batch.send();
    }

    /**
     * Counts the tasks of one office (those done or returned), in the caller's transaction: on PostgreSQL as part of
     * the caller's batch (the last of its statements), on H2 at once.
     */
    void count(StatementBatch batch, String officeCode, Collection<Finished> tasks) {
        if (tasks.stream().noneMatch(Finished::counts)) {
            return;
        }
        ZoneId zone = calendars.calendarFor(officeCode).zone();
        Map<Key, long[]> tallies = new TreeMap<>(Key.ORDER);
        List<Map<String, Object>> late = new ArrayList<>();
        for (Finished t : tasks) {
            if (!t.counts()) {
                continue;
            }
            Key key = new Key(t.officeId(), YearMonth.from(t.ended().atZone(zone)).atDay(1), t.sopCode(), t.step(),
                    t.claimedBy() == null ? "" : t.claimedBy(), t.jabatanCodes() == null ? "" : t.jabatanCodes());
            long[] counts = tallies.computeIfAbsent(key, k -> new long[4]);
            counts[0]++;
            if (t.deadline() != null) {
                counts[1]++;
                if (!t.ended().isAfter(t.deadline())) {
                    counts[2]++;
                }
            }
            if (t.status() == TaskStatus.RETURNED) {
                counts[3]++;
            }
            if (t.late()) {
                Map<String, Object> row = new HashMap<>();
                row.put("task", t.taskId());
                row.put("office", t.officeId());
                row.put("ended", ts(t.ended()));
                row.put("deadline", ts(t.deadline()));
                row.put("sop", t.sopCode());
                row.put("step", t.step());
                row.put("claimer", new SqlParameterValue(Types.VARCHAR, t.claimedBy()));
                row.put("jabatan", new SqlParameterValue(Types.VARCHAR, t.jabatanCodes()));
                late.add(row);
            }
        }
        List<Map<String, Object>> rows = new ArrayList<>(tallies.size());
        tallies.forEach((k, c) -> rows.add(Map.of("office", k.officeId(), "month", k.month(), "sop", k.sopCode(),
                "step", k.step(), "claimer", k.claimedBy(), "jabatan", k.jabatanCodes(), "done", c[0],
                "withDeadline", c[1], "onTime", c[2], "returned", c[3])));
        if (postgres) {
            late.forEach(row -> batch.update(INSERT_LATE, row, inserted -> {
            }));
            rows.forEach(row -> batch.update(UPSERT_POSTGRES, row, counted -> {
            }));
            return;
        }
        if (!late.isEmpty()) {
            jdbc.batchUpdate(INSERT_LATE, late.stream().map(MapSqlParameterSource::new).toArray(SqlParameterSource[]::new));
        }
        for (Map<String, Object> values : rows) {
            SqlParameterSource row = new MapSqlParameterSource(values);
            try {
                jdbc.update(UPSERT_H2, row);
            } catch (DuplicateKeyException inserted) {
                jdbc.update(UPSERT_H2, row);
            }
        }
    }

    private static OffsetDateTime ts(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
