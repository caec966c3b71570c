-- The worklist walked its office's open tasks in deadline order and probed each for the user's jabatan: about ten
-- rows read for each row shown (a jabatan holds a tenth of an office's open tasks). A candidate row is now a worklist
-- entry: it carries its task's office and deadline (a task's deadline never changes) and lives only while its task is
-- open (the engine deletes it in the transaction that ends the task), so the worklist walks the jabatan's entries in
-- deadline order and reads only the rows it shows. case_task.jabatan_codes keeps every task's candidates for good
-- (V12). The pemohon steps of a user's own cases are found through the user's open cases in the office (an employee
-- has a case history of years; H2 walked the office's cases or open tasks instead). Portable SQL: H2 2.x and
-- PostgreSQL 15.
ALTER TABLE case_task_candidate ADD COLUMN office_id BIGINT;
ALTER TABLE case_task_candidate ADD COLUMN deadline_at TIMESTAMP WITH TIME ZONE;
DELETE FROM case_task_candidate
 WHERE task_id IN (SELECT t.id FROM case_task t WHERE t.ended_at IS NOT NULL);
UPDATE case_task_candidate
   SET office_id = (SELECT t.office_id FROM case_task t WHERE t.id = case_task_candidate.task_id),
       deadline_at = (SELECT t.deadline_at FROM case_task t WHERE t.id = case_task_candidate.task_id);
ALTER TABLE case_task_candidate ALTER COLUMN office_id SET NOT NULL;
DROP INDEX ix_case_task_candidate_jabatan;
CREATE INDEX ix_case_task_candidate_worklist
    ON case_task_candidate (jabatan_code, office_id, deadline_at NULLS LAST, task_id);
DROP INDEX ix_case_file_pemohon;
CREATE INDEX ix_case_file_pemohon_open ON case_file (pemohon_username, office_id, status);
