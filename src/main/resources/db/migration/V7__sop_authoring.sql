-- SOP authoring on the administration pages: a draft is created from the current version (REVISED), edited in
-- place (EDITED) and submitted for pengesahan (SUBMITTED). Portable SQL: the same file runs on H2 2.x and PostgreSQL 15.
--
-- The event actions become a reference table with a foreign key, replacing V1's string-comparing CHECK, which is
-- exposed to h2database/h2database#4291 (see V3).

CREATE TABLE sop_version_event_action (
    code VARCHAR(16) NOT NULL,
    CONSTRAINT pk_sop_version_event_action PRIMARY KEY (code)
);
INSERT INTO sop_version_event_action (code)
VALUES ('LOADED'), ('IMPORTED'), ('RATIFIED'), ('REVOKED'), ('SUPERSEDED'), ('REVISED'), ('EDITED'), ('SUBMITTED');

ALTER TABLE sop_version_event DROP CONSTRAINT ck_sop_version_event_action;
ALTER TABLE sop_version_event ADD CONSTRAINT fk_sop_version_event_action
    FOREIGN KEY (action) REFERENCES sop_version_event_action (code);
