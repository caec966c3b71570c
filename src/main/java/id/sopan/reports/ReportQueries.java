package id.sopan.reports;

/**
 * The SQL of the reports: aggregations over one office and a half-open period {@code [:from, :to)}, each ranging
 * over one indexed time column ({@code V8__report_indexes.sql}). A task counts in the period it ended in, a case in
 * the period it started or closed in, a return in the period it happened in. Finished tasks are those with an end
 * that were not cancelled (DONE, RETURNED: a "belum sesuai" decision is work done too).
 */
final class ReportQueries {

    private ReportQueries() {
    }

    static final String CASES_STARTED_BY_SOP = """
            SELECT c.sop_code, COUNT(*) AS n
              FROM case_file c
              JOIN office o ON o.id = c.office_id
             WHERE o.code = :office AND c.started_at >= :from AND c.started_at < :to
             GROUP BY c.sop_code
            """;

    static final String CASES_CLOSED_BY_SOP = """
            SELECT c.sop_code, COUNT(*) AS n
              FROM case_file c
              JOIN office o ON o.id = c.office_id
             WHERE o.code = :office AND c.status = 'CLOSED' AND c.ended_at >= :from AND c.ended_at < :to
             GROUP BY c.sop_code
            """;

    /** Finished tasks per SOP and step: how many, how many had a deadline, how many of those met it. */
    static final String TASKS_BY_SOP_STEP = """
            SELECT c.sop_code, t.step_no, COUNT(*) AS done,
                   SUM(CASE WHEN t.deadline_at IS NOT NULL THEN 1 ELSE 0 END) AS with_deadline,
                   SUM(CASE WHEN t.ended_at <= t.deadline_at THEN 1 ELSE 0 END) AS on_time
              FROM case_task t
              JOIN office o ON o.id = t.office_id
              JOIN case_file c ON c.id = t.case_id
             WHERE o.code = :office AND t.ended_at >= :from AND t.ended_at < :to AND t.status <> 'CANCELLED'
             GROUP BY c.sop_code, t.step_no
            """;

    /** Finished tasks per candidate jabatan (a task several jabatan may work counts for each). */
    static final String TASKS_BY_JABATAN = """
            SELECT k.jabatan_code AS grp, COUNT(*) AS done,
                   SUM(CASE WHEN t.deadline_at IS NOT NULL THEN 1 ELSE 0 END) AS with_deadline,
                   SUM(CASE WHEN t.ended_at <= t.deadline_at THEN 1 ELSE 0 END) AS on_time
              FROM case_task t
              JOIN office o ON o.id = t.office_id
              JOIN case_task_candidate k ON k.task_id = t.id
             WHERE o.code = :office AND t.ended_at >= :from AND t.ended_at < :to AND t.status <> 'CANCELLED'
             GROUP BY k.jabatan_code
             ORDER BY k.jabatan_code
            """;

    /** Finished tasks per employee who claimed them (tasks nobody claimed are left out). */
    static final String TASKS_BY_EMPLOYEE = """
            SELECT t.claimed_by AS grp, COUNT(*) AS done,
                   SUM(CASE WHEN t.deadline_at IS NOT NULL THEN 1 ELSE 0 END) AS with_deadline,
                   SUM(CASE WHEN t.ended_at <= t.deadline_at THEN 1 ELSE 0 END) AS on_time
              FROM case_task t
              JOIN office o ON o.id = t.office_id
             WHERE o.code = :office AND t.ended_at >= :from AND t.ended_at < :to AND t.status <> 'CANCELLED'
               AND t.claimed_by IS NOT NULL
             GROUP BY t.claimed_by
             ORDER BY t.claimed_by
            """;

    /** The late ones of the period's finished tasks (a subset): their lateness is measured on the calendar. */
    static final String LATE_TASKS = """
            SELECT t.id, c.sop_code, t.step_no, t.claimed_by, t.deadline_at, t.ended_at
              FROM case_task t
              JOIN office o ON o.id = t.office_id
              JOIN case_file c ON c.id = t.case_id
             WHERE o.code = :office AND t.ended_at >= :from AND t.ended_at < :to AND t.status <> 'CANCELLED'
               AND t.ended_at > t.deadline_at
             ORDER BY t.id
            """;

    static final String LATE_TASK_JABATAN = """
            SELECT k.task_id, k.jabatan_code
              FROM case_task t
              JOIN office o ON o.id = t.office_id
              JOIN case_task_candidate k ON k.task_id = t.id
             WHERE o.code = :office AND t.ended_at >= :from AND t.ended_at < :to AND t.status <> 'CANCELLED'
               AND t.ended_at > t.deadline_at
            """;

    /** Revision rounds: "belum sesuai" returns per SOP and decision step. */
    static final String RETURNS_BY_SOP_STEP = """
            SELECT c.sop_code, e.from_step, COUNT(*) AS n
              FROM case_event e
              JOIN case_file c ON c.id = e.case_id
              JOIN office o ON o.id = c.office_id
             WHERE o.code = :office AND e.event_type = 'DECISION_RETURNED'
               AND e.occurred_at >= :from AND e.occurred_at < :to
             GROUP BY c.sop_code, e.from_step
             ORDER BY c.sop_code, e.from_step
            """;

    /** The period's closed cases, for their durations on the office calendar. */
    static final String CLOSED_CASES = """
            SELECT c.sop_code, c.sop_version_id, c.started_at, c.ended_at
              FROM case_file c
              JOIN office o ON o.id = c.office_id
             WHERE o.code = :office AND c.status = 'CLOSED' AND c.ended_at >= :from AND c.ended_at < :to
             ORDER BY c.sop_code, c.ended_at, c.id
            """;

    /** One month's totals (run once per month of a range, each an indexed range scan). */
    static final String CASES_STARTED = """
            SELECT COUNT(*) FROM case_file c JOIN office o ON o.id = c.office_id
             WHERE o.code = :office AND c.started_at >= :from AND c.started_at < :to
            """;

    static final String CASES_CLOSED = """
            SELECT COUNT(*) FROM case_file c JOIN office o ON o.id = c.office_id
             WHERE o.code = :office AND c.status = 'CLOSED' AND c.ended_at >= :from AND c.ended_at < :to
            """;

    static final String TASKS = """
            SELECT COUNT(*) AS done,
                   COALESCE(SUM(CASE WHEN t.deadline_at IS NOT NULL THEN 1 ELSE 0 END), 0) AS with_deadline,
                   COALESCE(SUM(CASE WHEN t.ended_at <= t.deadline_at THEN 1 ELSE 0 END), 0) AS on_time
              FROM case_task t
              JOIN office o ON o.id = t.office_id
             WHERE o.code = :office AND t.ended_at >= :from AND t.ended_at < :to AND t.status <> 'CANCELLED'
            """;
}
