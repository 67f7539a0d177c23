-- The chair's accept/refuse on a late paper where the ToR forbid late papers. One row per agenda item: the
-- primary key makes a double press (or Execute followed by its Submit fallback) decide once.
CREATE TABLE IF NOT EXISTS late_paper_decisions (
    item_id TEXT PRIMARY KEY,
    board_key TEXT NOT NULL,
    board_name TEXT NOT NULL,
    meeting_id TEXT NOT NULL,
    accepted INTEGER NOT NULL,
    decided_by TEXT NOT NULL,
    decider_name TEXT NULL,
    decided_at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS late_paper_decisions_by_meeting ON late_paper_decisions (meeting_id);
