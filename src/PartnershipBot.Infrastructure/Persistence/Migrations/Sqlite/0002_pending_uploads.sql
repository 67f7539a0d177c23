-- v2: ToR uploads waiting for their uploader to confirm what the bot read ("Keep this version").
-- Kept in the database rather than memory so the card still works after a restart or on another instance.
CREATE TABLE IF NOT EXISTS pending_uploads (
    upload_id TEXT PRIMARY KEY,
    file_name TEXT NOT NULL,
    named_board TEXT NULL,
    board_name TEXT NOT NULL,
    content BLOB NOT NULL,
    uploaded_by TEXT NOT NULL,
    uploaded_at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS pending_uploads_age ON pending_uploads (uploaded_at);
