-- The meeting cycle: each meeting's business items (ordered, with an owner and the paper's arrival) and the board's
-- action log, numbered per board so people can say "action 3 done". Financial decisions stay in declaration_items
-- (the register refers to them) and are merged into the agenda when it is read.
CREATE TABLE IF NOT EXISTS agenda_items (
    item_id TEXT PRIMARY KEY,
    board_key TEXT NOT NULL,
    board_name TEXT NOT NULL,
    meeting_id TEXT NOT NULL,
    position INTEGER NOT NULL,
    title TEXT NOT NULL,
    title_key TEXT NOT NULL,
    owner_name TEXT NULL,
    owner_id TEXT NULL,
    financial INTEGER NOT NULL DEFAULT 0,
    paper_submitted_at TEXT NULL,
    withdrawn INTEGER NOT NULL DEFAULT 0,
    added_by TEXT NOT NULL,
    added_at TEXT NOT NULL,
    UNIQUE (meeting_id, title_key));
CREATE INDEX IF NOT EXISTS agenda_items_by_meeting ON agenda_items (meeting_id, position);
CREATE TABLE IF NOT EXISTS board_actions (
    board_key TEXT NOT NULL,
    number INTEGER NOT NULL,
    board_name TEXT NOT NULL,
    text TEXT NOT NULL,
    owner_name TEXT NOT NULL,
    owner_id TEXT NULL,
    due TEXT NULL,
    done INTEGER NOT NULL DEFAULT 0,
    last_update TEXT NULL,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NULL,
    PRIMARY KEY (board_key, number));
