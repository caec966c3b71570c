-- A task is open exactly while it has not ended: the worklist index (office_id, ended_at, deadline_at, id) finds the
-- open tasks of an office, so the SLA watch, the dashboard and the queue counts read them through it. The two indexes
-- on status went: each claim and completion rewrote their entries (on PostgreSQL a claim, which changes the status,
-- could not be a HOT update while status was indexed), and nothing else read them.
ALTER TABLE case_task ADD CONSTRAINT ck_case_task_open_until_ended
    CHECK ((ended_at IS NULL) = (status IN ('OPEN', 'CLAIMED', 'HANDED_OFF')));
DROP INDEX ix_case_task_open;
DROP INDEX ix_case_task_status;
