-- Who acts as which jabatan (users, their jabatan, delegations, an organization file) is asked by every action and
-- every worklist. Each change to it sets this one row to a new random value in the change's own transaction, so a
-- node may keep what it read about a user together with the stamp it read it under: a statement that reads the stamp
-- tells whether that is still the organization's state. Random rather than counted: a change rolled back after
-- being read in its own transaction can never be taken for a later one. Portable SQL: H2 2.x and PostgreSQL 15.
CREATE TABLE organization_stamp (
    id        INT    NOT NULL,
    stamp     BIGINT NOT NULL,
    CONSTRAINT pk_organization_stamp PRIMARY KEY (id),
    CONSTRAINT ck_organization_stamp_one_row CHECK (id = 1)
);

INSERT INTO organization_stamp (id, stamp) VALUES (1, 0);
