-- The board each conversation last asked a Terms of Reference question about, so a follow-up without a board name
-- ("and what's the quorum?") goes to it after a restart and on any instance. It used to live in one process's memory.
-- Keyed by the conversation as a place (a channel for all its threads); a convenience, so no audit entry.
CREATE TABLE IF NOT EXISTS conversation_last_boards (
    conversation_id TEXT PRIMARY KEY,
    board_name TEXT NOT NULL,
    asked_at TEXT NOT NULL);
