-- The six-monthly report counted every task finished in its period from case_task (about 460 000 rows in a semester
-- of a year with a million tasks; 2.7 s on H2). Now the transaction that ends a task also counts it here
-- (casework.TaskTally), so the report reads the period's tallies and its late tasks, not its tasks:
--   task_tally  finished tasks (DONE or RETURNED) per office, month they ended in (its first day, in the office's
--               zone), SOP, step, claimer and candidate jabatan set ('' for none: key columns cannot be NULL): how
--               many, how many had a deadline, how many met it, how many returned the file. About 540 rows a month
--               for 77 000 tasks: the report's periods are months and semesters.
--   late_task   the finished tasks that ended after their deadline, one row each: their lateness is measured in
--               working minutes on the calendar when a report is made.
-- Both are derived from case_task and are filled here from the tasks already finished. Portable SQL: the same file
-- runs on H2 2.x and PostgreSQL 15 (the month is taken in the zone of calendar_settings, else WorkingCalendar's
-- default, Asia/Jakarta).

CREATE TABLE task_tally (
    office_id     BIGINT        NOT NULL,
    ended_month   DATE          NOT NULL,
    sop_code      VARCHAR(16)   NOT NULL,
    step_no       INT           NOT NULL,
    claimed_by    VARCHAR(64)   NOT NULL,
    jabatan_codes VARCHAR(2000) NOT NULL,
    done          BIGINT        NOT NULL,
    with_deadline BIGINT        NOT NULL,
    on_time       BIGINT        NOT NULL,
    returned      BIGINT        NOT NULL,
    CONSTRAINT pk_task_tally PRIMARY KEY (office_id, ended_month, sop_code, step_no, claimed_by, jabatan_codes),
    CONSTRAINT fk_task_tally_office FOREIGN KEY (office_id) REFERENCES office (id)
);

CREATE TABLE late_task (
    task_id       BIGINT        NOT NULL PRIMARY KEY,
    office_id     BIGINT        NOT NULL,
    ended_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    deadline_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    sop_code      VARCHAR(16)   NOT NULL,
    step_no       INT           NOT NULL,
    claimed_by    VARCHAR(64),
    jabatan_codes VARCHAR(2000),
    CONSTRAINT fk_late_task_task FOREIGN KEY (task_id) REFERENCES case_task (id),
    CONSTRAINT fk_late_task_office FOREIGN KEY (office_id) REFERENCES office (id)
);

CREATE INDEX ix_late_task_report ON late_task (office_id, ended_at, deadline_at, sop_code, step_no, claimed_by,
                                               jabatan_codes);

-- The local day first, then its month: H2 would take the date of a truncated timestamp in the session's zone.
INSERT INTO task_tally (office_id, ended_month, sop_code, step_no, claimed_by, jabatan_codes, done, with_deadline,
                        on_time, returned)
SELECT t.office_id,
       CAST(DATE_TRUNC('MONTH', CAST(t.ended_at AT TIME ZONE COALESCE(s.zone_id, 'Asia/Jakarta') AS DATE)) AS DATE)
           AS month_start,
       t.sop_code, t.step_no, COALESCE(t.claimed_by, '') AS claimer, COALESCE(t.jabatan_codes, '') AS jabatan, COUNT(*),
       COUNT(t.deadline_at), SUM(CASE WHEN t.ended_at <= t.deadline_at THEN 1 ELSE 0 END),
       SUM(CASE WHEN t.status = 'RETURNED' THEN 1 ELSE 0 END)
  FROM case_task t LEFT JOIN calendar_settings s ON s.office_id = t.office_id
 WHERE t.status IN ('DONE', 'RETURNED')
 GROUP BY t.office_id, month_start, t.sop_code, t.step_no, claimer, jabatan;

INSERT INTO late_task (task_id, office_id, ended_at, deadline_at, sop_code, step_no, claimed_by, jabatan_codes)
SELECT t.id, t.office_id, t.ended_at, t.deadline_at, t.sop_code, t.step_no, t.claimed_by, t.jabatan_codes
  FROM case_task t
 WHERE t.status IN ('DONE', 'RETURNED') AND t.ended_at > t.deadline_at;

-- Only the report read it.
DROP INDEX ix_case_task_report;
