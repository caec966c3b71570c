-- The report indexes of V8 made covering: the six-monthly report over a year of a million tasks reads its period's
-- tasks and cases from these indexes alone, without visiting the table rows (measured with
-- id.sopan.bench.SemesterReportBenchmark; see README). Same leading columns as the V8 indexes they replace, so every
-- query that used those uses these. Portable SQL: the same file runs on H2 2.x and PostgreSQL 15 (no INCLUDE: the
-- extra columns are trailing key columns).

-- Tasks finished in a period: status (cancelled or not), deadline (on time or not), step, case (its SOP), claimer.
CREATE INDEX ix_case_task_ended_cover ON case_task (office_id, ended_at, status, deadline_at, step_no, case_id,
                                                     claimed_by);
DROP INDEX ix_case_task_ended;

-- Cases started in a period, per SOP.
CREATE INDEX ix_case_file_started_cover ON case_file (office_id, started_at, sop_code);
DROP INDEX ix_case_file_started;

-- Cases closed in a period, per SOP, with what their durations need.
CREATE INDEX ix_case_file_ended_cover ON case_file (office_id, ended_at, status, sop_code, sop_version_id, started_at);
DROP INDEX ix_case_file_ended;

-- A task's SOP is its case's: the join from the period's tasks to their cases reads this index alone.
CREATE INDEX ix_case_file_sop ON case_file (id, sop_code);
