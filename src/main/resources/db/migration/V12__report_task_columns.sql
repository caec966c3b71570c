-- The six-monthly report reads every task finished in its period (about 460 000 in a semester of a year with a million
-- tasks). Joining each to its case (for the SOP) and to case_task_candidate (for the jabatan) cost more than reading
-- the tasks themselves, so each task now carries both, written once when it is created and never changed:
--   sop_code       its case's SOP;
--   jabatan_codes  its candidate jabatan (case_task_candidate, which stays the worklist's index), sorted and
--                  comma-separated, NULL when there are none: the report groups by this set and splits it afterwards.
-- One index then holds everything the report counts, so the period's tasks are read from the index alone.
-- Portable SQL: the same file runs on H2 2.x and PostgreSQL 15 (STRING_AGG with ORDER BY exists in both).

ALTER TABLE case_task ADD COLUMN sop_code VARCHAR(16);
ALTER TABLE case_task ADD COLUMN jabatan_codes VARCHAR(2000);

UPDATE case_task SET
    sop_code = (SELECT c.sop_code FROM case_file c WHERE c.id = case_task.case_id),
    jabatan_codes = (SELECT STRING_AGG(k.jabatan_code, ',' ORDER BY k.jabatan_code)
                       FROM case_task_candidate k WHERE k.task_id = case_task.id);

ALTER TABLE case_task ALTER COLUMN sop_code SET NOT NULL;

CREATE INDEX ix_case_task_report ON case_task (office_id, ended_at, status, deadline_at, sop_code, step_no, claimed_by,
                                               jabatan_codes);
DROP INDEX ix_case_task_ended_cover;

-- Only the report's joins from tasks and returns to their cases used these.
DROP INDEX ix_case_file_sop;
DROP INDEX ix_case_event_type;
