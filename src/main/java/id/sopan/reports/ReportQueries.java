package id.sopan.reports;

/**
 * The SQL of the reports: aggregations over one office and a half-open period cut into its months, each query
 * ranging over one indexed column. A task counts in the period it ended in, a case in the period it started or closed
 * in. Finished tasks are those done or returned (a "belum sesuai" decision is work done too); a RETURNED task is one
 * revision round of its decision step (the engine ends exactly one task RETURNED per {@code DECISION_RETURNED}
 * event, at the same moment).
 * <p>
 * Tasks are not read one by one: the transaction that finishes a task counts it in {@code task_tally} (per month in
 * the office's zone, SOP, step, claimer and candidate jabatan set) and copies it to {@code late_task} when it ended
 * after its deadline ({@code casework.TaskTally}, {@code V14__task_tally.sql}). So the period's tasks are summed from a
 * few hundred rows a month, bounded by the months' first days {@code :d0 .. :d<months>}, and only the late ones are
 * read, bounded by instants {@code :b0 .. :b<months>} (the same boundaries: the starts of months in the office's zone).
 * The office is given by its id ({@code :officeId}, looked up once) so that the planners estimate the period's rows
 * from the range alone.
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
     * Finished tasks per SOP, step, the employee who claimed them ('' for nobody), candidate jabatan set ('' for
     * none) and month (its first day): how many, how many had a deadline, how many of those met it, how many
     * returned the file: the tallies as they are, a few thousand rows a semester, summed per SOP and step, per
     * employee, per jabatan and per month in Java.
     */
    static String tasks(int months) {
        return """
                SELECT k.sop_code, k.step_no, k.claimed_by, k.jabatan_codes, k.ended_month, k.done, k.with_deadline,
                       k.on_time, k.returned
                  FROM task_tally k
                 WHERE k.office_id = :officeId AND k.ended_month >= :d0 AND k.ended_month < :d%d
                """.formatted(months);
    }

    /** The period's finished tasks that ended after their deadline: their lateness is measured on the calendar. */
    static String lateTasks(int months) {
        return """
                SELECT l.sop_code, l.step_no, l.claimed_by, l.jabatan_codes, l.deadline_at, l.ended_at
                  FROM late_task l
                 WHERE l.office_id = :officeId AND l.ended_at >= :b0 AND l.ended_at < :b%d
                """.formatted(months);
    }

    /**
     * The period's closed cases (their count per SOP and month, and their durations on the office calendar), in the
     * order they closed; not by SOP as well: sorting 55 000 rows by a text column's collation took PostgreSQL 0.15 s.
     */
    static String closedCases(int months) {
        return """
                SELECT c.sop_code, c.sop_version_id, c.started_at, c.ended_at
                  FROM case_file c
                 WHERE c.office_id = :officeId AND c.status = 'CLOSED' AND c.ended_at >= :b0 AND c.ended_at < :b%d
                 ORDER BY c.ended_at, c.id
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
