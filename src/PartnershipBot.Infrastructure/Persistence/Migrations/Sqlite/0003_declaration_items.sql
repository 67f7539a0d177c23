-- Financial-decision agenda items that need declarations, each against a meeting (NULL for an item opened
-- ad hoc in chat). send_rounds counts "send now" and "chase" rounds so each round gets its own outbox keys.
CREATE TABLE IF NOT EXISTS declaration_items (
    item_id TEXT PRIMARY KEY,
    board_key TEXT NOT NULL,
    board_name TEXT NOT NULL,
    meeting_id TEXT NULL,
    meeting_starts_at TEXT NULL,
    title TEXT NOT NULL,
    title_key TEXT NOT NULL,
    added_by TEXT NOT NULL,
    added_at TEXT NOT NULL,
    send_rounds INTEGER NOT NULL DEFAULT 0);
-- One item per title per meeting; NULLs are distinct in a plain UNIQUE, so ad hoc items key on ''.
CREATE UNIQUE INDEX IF NOT EXISTS declaration_items_unique ON declaration_items (board_key, COALESCE(meeting_id, ''), title_key);
-- Declarations are read per item (status, chair's view, quorum).
CREATE INDEX IF NOT EXISTS declarations_item ON declarations (board_key, item);
