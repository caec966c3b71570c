package id.sopan.reports;

/**
 * The SQL of the reports: aggregations over one office and a half-open period {@code [:b0, :b<months>)} cut into its
 * months by the boundaries {@code :b1 .. :b<months-1>} (see {@link #bucket}), each query ranging over one indexed
 * time column and reading it from the index alone ({@code V10__report_bench_indexes.sql},
 * {@code V12__report_task_columns.sql}). A task counts in the period it ended in, a case in the period it started or
 * closed in. Finished tasks are those with an end that were not cancelled (DONE, RETURNED: a "belum sesuai" decision
 * is work done too); a RETURNED task is one revision round of its decision step (the engine ends exactly one task
 * RETURNED per {@code DECISION_RETURNED} event, at the same moment).
 * <p>
 * Each task carries its SOP and its candidate jabatan ({@code sop_code}, {@code jabatan_codes}, written when it is
 * created), so the period's tasks are read twice in all, without joins: counted per SOP, step, employee, jabatan set
 * and month; and the late ones, whose lateness is measured on the calendar. The office is given by its id
 * ({@code :officeId}, looked up once) so that the planners estimate the period's rows from the time column alone.
 */
final class ReportQueries {

    private ReportQueries() {
    }

    static final String OFFICE_ID = "SELECT id FROM office WHERE code = :office";

    /** Cases started per SOP and month. */
    static String casesStarted(int months) {
        return """
                SELECT c.sop_code, %s AS m, COUNT(*) AS n
                  FROM case_file c
                 WHERE c.office_id = :officeId AND c.started_at >= :b0 AND c.started_at < :b%d
                 GROUP BY c.sop_code, m
                """.formatted(bucket("c.started_at", months), months);
    }

    /**
     * Finished tasks per SOP, step, the employee who claimed them (null: nobody did), candidate jabatan set and month:
     * how many, how many had a deadline, how many of those met it, how many returned the file. Summed per SOP and step,
     * per employee, per jabatan and per month in Java (a few thousand groups). Grouped by the month's alias, without a
     * derived table, which H2 would materialize first.
     */
    static String tasks(int months) {
        return """
                SELECT t.sop_code, t.step_no, t.claimed_by, t.jabatan_codes, %s AS m, COUNT(*) AS done,
                       COUNT(t.deadline_at) AS with_deadline,
                       SUM(CASE WHEN t.ended_at <= t.deadline_at THEN 1 ELSE 0 END) AS on_time,
                       SUM(CASE WHEN t.status = 'RETURNED' THEN 1 ELSE 0 END) AS returned
                  FROM case_task t
                 WHERE t.office_id = :officeId AND t.ended_at >= :b0 AND t.ended_at < :b%d AND t.status <> 'CANCELLED'
                 GROUP BY t.sop_code, t.step_no, t.claimed_by, t.jabatan_codes, m
                """.formatted(bucket("t.ended_at", months), months);
    }

    /** The late ones of the period's finished tasks (a subset): their lateness is measured on the calendar. */
    static String lateTasks(int months) {
        return """
                SELECT t.sop_code, t.step_no, t.claimed_by, t.jabatan_codes, t.deadline_at, t.ended_at
                  FROM case_task t
                 WHERE t.office_id = :officeId AND t.ended_at >= :b0 AND t.ended_at < :b%d
                   AND t.status <> 'CANCELLED' AND t.ended_at > t.deadline_at
                """.formatted(months);
    }

    /** The period's closed cases (their count per SOP and month, and their durations on the office calendar). */
    static String closedCases(int months) {
        return """
                SELECT c.sop_code, c.sop_version_id, c.started_at, c.ended_at
                  FROM case_file c
                 WHERE c.office_id = :officeId AND c.status = 'CLOSED' AND c.ended_at >= :b0 AND c.ended_at < :b%d
                 ORDER BY c.sop_code, c.ended_at, c.id
                """.formatted(months);
    }

    /** The month (1..months) a time falls in, given the boundaries {@code :b1 .. :b<months-1>}. */
    private static String bucket(String column, int months) {
        if (months == 1) {
            return "1";
        }
        StringBuilder sql = new StringBuilder("CASE");
        for (int i = 1; i < months; i++) {
            sql.append(" WHEN ").append(column).append(" < :b").append(i).append(" THEN ").append(i);
        }
        return sql.append(" ELSE ").append(months).append(" END").toString();
    }
}
