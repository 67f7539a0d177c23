-- v6: the declarations register and the audit log are chained under a key the database never holds (HMAC-SHA256,
-- Declarations:RegisterKey), each append writes a signed checkpoint of the chain's head, and the three tables refuse
-- UPDATE, DELETE and TRUNCATE. Existing rows are re-chained under the key by code at the step below, recorded in the
-- audit log. Triggers stop the application's mistakes and a role that owns the tables; the application itself should
-- connect as a role that may only INSERT and SELECT them (README, "What the register promises").
ALTER TABLE audit_log ADD COLUMN IF NOT EXISTS previous_hash TEXT NULL;
ALTER TABLE audit_log ADD COLUMN IF NOT EXISTS hash TEXT NULL;
CREATE TABLE IF NOT EXISTS register_checkpoints (
    sequence BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    chain TEXT NOT NULL CHECK (chain IN ('declarations', 'audit_log')),
    entries BIGINT NOT NULL,
    head TEXT NOT NULL,
    at TEXT NOT NULL,
    mac TEXT NOT NULL);
DROP TRIGGER IF EXISTS declarations_no_change ON declarations;
-- @step: rechain-registers
CREATE OR REPLACE FUNCTION register_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END; $$;
CREATE TRIGGER declarations_no_change BEFORE UPDATE OR DELETE ON declarations
FOR EACH ROW EXECUTE FUNCTION register_append_only();
CREATE TRIGGER declarations_no_truncate BEFORE TRUNCATE ON declarations
FOR EACH STATEMENT EXECUTE FUNCTION register_append_only();
CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
FOR EACH ROW EXECUTE FUNCTION register_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
FOR EACH STATEMENT EXECUTE FUNCTION register_append_only();
CREATE TRIGGER register_checkpoints_no_change BEFORE UPDATE OR DELETE ON register_checkpoints
FOR EACH ROW EXECUTE FUNCTION register_append_only();
CREATE TRIGGER register_checkpoints_no_truncate BEFORE TRUNCATE ON register_checkpoints
FOR EACH STATEMENT EXECUTE FUNCTION register_append_only();
