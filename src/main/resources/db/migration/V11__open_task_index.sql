-- The worklist reads the open tasks (OPEN, CLAIMED, HANDED_OFF) of every office a user may work in: found through
-- this index, its cost follows the open tasks, not the whole history of case_task (ix_case_task_open starts with
-- office_id, which the worklist does not know). Portable SQL: the same file runs on H2 2.x and PostgreSQL 15.
CREATE INDEX ix_case_task_status ON case_task (status, deadline_at, id);
