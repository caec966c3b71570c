-- The worklist's index (V15) with the tasks without a deadline last on both databases (H2 sorts NULL first unless
-- told, PostgreSQL last): the worklist is then one plain query walking it in order, instead of two halves joined by
-- UNION ALL, which H2 plans again at every execution (it keeps no plan of a UNION). Portable SQL.
DROP INDEX ix_case_task_worklist;
CREATE INDEX ix_case_task_worklist ON case_task (office_id, ended_at, deadline_at NULLS LAST, id);
