package id.sopan.reports;

/**
 * The SQL of the reports: aggregations over one office and a half-open period {@code [:from, :to)}, each ranging
 * over one indexed time column ({@code V8__report_indexes.sql}, made covering by {@code V10__report_bench_indexes.sql}
 * so that the period's tasks and cases are read from the index alone). A task counts in the period it ended in, a case
 * in the period it started or closed in, a return in the period it happened in. Finished tasks are those with an end
 * that were not cancelled (DONE, RETURNED: a "belum sesuai" decision is work done too).
 * <p>
 * The office is given by its id ({@code :officeId}, looked up once) rather than joined by its code: the planner
 * then estimates the period's rows from the time column's statistics (a join on {@code office.code} made PostgreSQL
 * expect a few thousand tasks where there are hundreds of thousands, and probe them one by one), and H2 does not
 * evaluate a sub-query for every row. The period's tasks are read three times in all: per SOP, step and employee;
 * per candidate jabatan; the late ones with their jabatan.
 */
final class ReportQueries {

    private ReportQueries() {
    }

    static final String OFFICE_ID = "SELECT id FROM office WHERE code = :office";

    private static final String OFFICE = ":officeId";

    private static final String FINISHED_TASKS = """
              FROM case_task t
            """;

    /** The period's finished tasks of the office (after {@code FROM case_task t} and its joins). */
    private static final String FINISHED_IN_PERIOD = """
             WHERE t.office_id = %s AND t.ended_at >= :from AND t.ended_at < :to AND t.status <> 'CANCELLED'
            """.formatted(OFFICE);

    private static final String ON_TIME_COLUMNS = """
                   COUNT(*) AS done,
                   SUM(CASE WHEN t.deadline_at IS NOT NULL THEN 1 ELSE 0 END) AS with_deadline,
                   SUM(CASE WHEN t.ended_at <= t.deadline_at THEN 1 ELSE 0 END) AS on_time
            """;

    static final String CASES_STARTED_BY_SOP = """
            SELECT c.sop_code, COUNT(*) AS n
              FROM case_file c
             WHERE c.office_id = %s AND c.started_at >= :from AND c.started_at < :to
             GROUP BY c.sop_code
            """.formatted(OFFICE);

    /**
     * Finished tasks per SOP, step and the employee who claimed them (null: nobody did): how many, how many had a
     * deadline, how many of those met it. Summed per SOP and step, and per employee, in Java.
     */
    static final String TASKS_BY_SOP_STEP_EMPLOYEE = "SELECT c.sop_code, t.step_no, t.claimed_by,\n" + ON_TIME_COLUMNS
            + FINISHED_TASKS + "  JOIN case_file c ON c.id = t.case_id\n" + FINISHED_IN_PERIOD
            + " GROUP BY c.sop_code, t.step_no, t.claimed_by\n";

    /** Finished tasks per candidate jabatan (a task several jabatan may work counts for each). */
    static final String TASKS_BY_JABATAN = "SELECT k.jabatan_code AS grp,\n" + ON_TIME_COLUMNS
            + FINISHED_TASKS + "  JOIN case_task_candidate k ON k.task_id = t.id\n" + FINISHED_IN_PERIOD
            + " GROUP BY k.jabatan_code\n";

    /**
     * The late ones of the period's finished tasks (a subset), one row per candidate jabatan: their lateness is
     * measured on the calendar. An inner join (a left join made PostgreSQL 15 hash every candidate row); the late
     * tasks without any candidate, if the counts say there are some, come from {@link #LATE_TASKS_WITHOUT_JABATAN}.
     */
    static final String LATE_TASKS = """
            SELECT t.id, c.sop_code, t.step_no, t.claimed_by, t.deadline_at, t.ended_at, k.jabatan_code
            """ + FINISHED_TASKS + """
              JOIN case_file c ON c.id = t.case_id
              JOIN case_task_candidate k ON k.task_id = t.id
            """ + FINISHED_IN_PERIOD + """
               AND t.ended_at > t.deadline_at
            """;

    /** The late tasks no jabatan may work (none, as long as every actor is assigned a jabatan). */
    static final String LATE_TASKS_WITHOUT_JABATAN = """
            SELECT t.id, c.sop_code, t.step_no, t.claimed_by, t.deadline_at, t.ended_at, NULL AS jabatan_code
            """ + FINISHED_TASKS + """
              JOIN case_file c ON c.id = t.case_id
            """ + FINISHED_IN_PERIOD + """
               AND t.ended_at > t.deadline_at
               AND NOT EXISTS (SELECT 1 FROM case_task_candidate k WHERE k.task_id = t.id)
            """;

    /** Revision rounds: "belum sesuai" returns per SOP and decision step. */
    static final String RETURNS_BY_SOP_STEP = """
            SELECT c.sop_code, e.from_step, COUNT(*) AS n
              FROM case_event e
              JOIN case_file c ON c.id = e.case_id
             WHERE c.office_id = %s AND e.event_type = 'DECISION_RETURNED'
               AND e.occurred_at >= :from AND e.occurred_at < :to
             GROUP BY c.sop_code, e.from_step
             ORDER BY c.sop_code, e.from_step
            """.formatted(OFFICE);

    /** The period's closed cases (their count per SOP, and their durations on the office calendar). */
    static final String CLOSED_CASES = """
            SELECT c.sop_code, c.sop_version_id, c.started_at, c.ended_at
              FROM case_file c
             WHERE c.office_id = %s AND c.status = 'CLOSED' AND c.ended_at >= :from AND c.ended_at < :to
             ORDER BY c.sop_code, c.ended_at, c.id
            """.formatted(OFFICE);

    /**
     * Cases started per month of a range of {@code months} months: bucket {@code m} (1..months) of the boundaries
     * {@code :b0 < :b1 < ... < :b<months>} (see {@link #bucket}).
     */
    static String casesStartedByMonth(int months) {
        return """
                SELECT x.m, COUNT(*) AS n
                  FROM (SELECT %s AS m
                          FROM case_file c
                         WHERE c.office_id = %s AND c.started_at >= :b0 AND c.started_at < :b%d) x
                 GROUP BY x.m
                """.formatted(bucket("c.started_at", months), OFFICE, months);
    }

    /** Cases closed per month of a range, as {@link #casesStartedByMonth}. */
    static String casesClosedByMonth(int months) {
        return """
                SELECT x.m, COUNT(*) AS n
                  FROM (SELECT %s AS m
                          FROM case_file c
                         WHERE c.office_id = %s AND c.status = 'CLOSED' AND c.ended_at >= :b0 AND c.ended_at < :b%d) x
                 GROUP BY x.m
                """.formatted(bucket("c.ended_at", months), OFFICE, months);
    }

    /** Finished tasks per month of a range, as {@link #casesStartedByMonth}. */
    static String tasksByMonth(int months) {
        return """
                SELECT x.m, COUNT(*) AS done, SUM(x.with_deadline) AS with_deadline, SUM(x.on_time) AS on_time
                  FROM (SELECT %s AS m,
                               CASE WHEN t.deadline_at IS NOT NULL THEN 1 ELSE 0 END AS with_deadline,
                               CASE WHEN t.ended_at <= t.deadline_at THEN 1 ELSE 0 END AS on_time
                          FROM case_task t
                         WHERE t.office_id = %s AND t.ended_at >= :b0 AND t.ended_at < :b%d
                           AND t.status <> 'CANCELLED') x
                 GROUP BY x.m
                """.formatted(bucket("t.ended_at", months), OFFICE, months);
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
