-- A checked update sent in the same round trip as its transaction's COMMIT cannot be checked in Java: its row count
-- arrives after the commit. Wrapped as
--   WITH changed AS (UPDATE ... RETURNING 1) SELECT sopan_expect_changed(count(*), 'message') FROM changed
-- it fails on the server when it changed nothing, and the COMMIT after it is skipped (the transaction aborts).
-- SQLSTATE SP409 tells the application it was a conflict (StatementBatch), the message says which row.
CREATE FUNCTION sopan_expect_changed(changed BIGINT, conflict TEXT) RETURNS BIGINT
    LANGUAGE plpgsql AS
$$
BEGIN
    IF changed = 0 THEN
        RAISE EXCEPTION USING ERRCODE = 'SP409', MESSAGE = conflict;
    END IF;
    RETURN changed;
END
$$;
