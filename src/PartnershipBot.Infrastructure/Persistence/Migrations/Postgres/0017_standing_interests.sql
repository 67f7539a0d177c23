-- The standing register of interests: each member's declaration per board, one row a version, never overwritten.
-- Rows are chained under the register key (HMAC-SHA256, as the declarations register) and each save also writes an
-- audit entry naming the row's sequence and hash, so the audit log's signed checkpoints anchor this chain's head.
-- The interests are stored as the JSON the hash covers: [["employment","Thurrock Council","housing officer"], ...].
CREATE TABLE IF NOT EXISTS standing_interests (
    sequence BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    board_key TEXT NOT NULL,
    board_name TEXT NOT NULL,
    person_id TEXT NOT NULL,
    person_name TEXT NULL,
    version INTEGER NOT NULL,
    nothing_to_declare INTEGER NOT NULL,
    interests_json TEXT NOT NULL,
    recorded_by TEXT NOT NULL,
    declared_at TEXT NOT NULL,
    previous_hash TEXT NOT NULL,
    hash TEXT NOT NULL,
    UNIQUE (board_key, person_id, version));
CREATE TABLE IF NOT EXISTS standing_interest_presses (
    press_id TEXT PRIMARY KEY,
    sequence BIGINT NOT NULL);
CREATE TRIGGER standing_interests_no_change BEFORE UPDATE OR DELETE ON standing_interests
FOR EACH ROW EXECUTE FUNCTION register_append_only();
CREATE TRIGGER standing_interests_no_truncate BEFORE TRUNCATE ON standing_interests
FOR EACH STATEMENT EXECUTE FUNCTION register_append_only();
