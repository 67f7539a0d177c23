-- A board's standing agenda items as its secretariat set them in chat ("standing items: apologies, declarations,
-- minutes, AOB"). No row: the ToR's list applies, or the default. Items are one a line, in agenda order.
CREATE TABLE IF NOT EXISTS board_standing_items (
    board_key TEXT PRIMARY KEY,
    board_name TEXT NOT NULL,
    items TEXT NOT NULL,
    set_by TEXT NOT NULL,
    set_at TEXT NOT NULL);
