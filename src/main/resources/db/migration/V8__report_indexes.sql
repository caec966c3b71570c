-- Indexes of the monitoring reports (package reports): every report query ranges over one office and a period
-- on one time column. Portable SQL: the same file runs on H2 2.x and PostgreSQL 15.

-- Cases started in a period (any status) and cases closed in a period.
CREATE INDEX ix_case_file_started ON case_file (office_id, started_at);
CREATE INDEX ix_case_file_ended ON case_file (office_id, ended_at);

-- Tasks finished in a period (per SOP, step, jabatan, employee, month).
CREATE INDEX ix_case_task_ended ON case_task (office_id, ended_at);

-- Returns (revision rounds) in a period; the case row gives office and SOP.
CREATE INDEX ix_case_event_type ON case_event (event_type, occurred_at, case_id);
