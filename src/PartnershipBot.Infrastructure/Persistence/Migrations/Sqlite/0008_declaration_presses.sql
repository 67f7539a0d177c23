-- Which card press stored which register entry, so a double click or a Teams retry of "Submit declaration" is
-- stored once and both presses are answered with the same entry. Kept beside the register rather than in it, so
-- the append-only table and its hash chain are unchanged.
CREATE TABLE IF NOT EXISTS declaration_presses (
    press_id TEXT PRIMARY KEY,
    sequence BIGINT NOT NULL);
