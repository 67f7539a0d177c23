-- v6: the declarations register and the audit log are chained under a key the database never holds (HMAC-SHA256,
-- Declarations:RegisterKey), each append writes a signed checkpoint of the chain's head, and the three tables refuse
-- UPDATE, DELETE and INSERT OR REPLACE (which deletes the row it replaces without firing DELETE triggers unless
-- recursive triggers are on). Existing rows are re-chained under the key by code at the step below, recorded in
-- the audit log.
ALTER TABLE audit_log ADD COLUMN previous_hash TEXT NULL;
ALTER TABLE audit_log ADD COLUMN hash TEXT NULL;
CREATE TABLE IF NOT EXISTS register_checkpoints (
    sequence INTEGER PRIMARY KEY AUTOINCREMENT,
    chain TEXT NOT NULL CHECK (chain IN ('declarations', 'audit_log')),
    entries INTEGER NOT NULL,
    head TEXT NOT NULL,
    at TEXT NOT NULL,
    mac TEXT NOT NULL);
DROP TRIGGER IF EXISTS declarations_no_update;
DROP TRIGGER IF EXISTS declarations_no_delete;
-- @step: rechain-registers
CREATE TRIGGER declarations_no_update BEFORE UPDATE ON declarations
BEGIN SELECT RAISE(ABORT, 'the declarations register is append-only'); END;
CREATE TRIGGER declarations_no_delete BEFORE DELETE ON declarations
BEGIN SELECT RAISE(ABORT, 'the declarations register is append-only'); END;
CREATE TRIGGER declarations_no_replace BEFORE INSERT ON declarations
WHEN EXISTS (SELECT 1 FROM declarations WHERE sequence = NEW.sequence)
BEGIN SELECT RAISE(ABORT, 'the declarations register is append-only'); END;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_no_replace BEFORE INSERT ON audit_log
WHEN EXISTS (SELECT 1 FROM audit_log WHERE sequence = NEW.sequence)
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER register_checkpoints_no_update BEFORE UPDATE ON register_checkpoints
BEGIN SELECT RAISE(ABORT, 'register checkpoints are append-only'); END;
CREATE TRIGGER register_checkpoints_no_delete BEFORE DELETE ON register_checkpoints
BEGIN SELECT RAISE(ABORT, 'register checkpoints are append-only'); END;
CREATE TRIGGER register_checkpoints_no_replace BEFORE INSERT ON register_checkpoints
WHEN EXISTS (SELECT 1 FROM register_checkpoints WHERE sequence = NEW.sequence)
BEGIN SELECT RAISE(ABORT, 'register checkpoints are append-only'); END;
