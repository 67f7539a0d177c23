-- Papers sent as files for agenda items, every version kept. The file itself is in content when the bot's store
-- holds it; with SharePoint configured it is in the board team's library and drive_item_id/web_url say where.
-- (item_id, sha256) is unique so the same file sent twice (a retried activity) is stored once, and (item_id,
-- version) so two different files arriving together can't both become the same version.
CREATE TABLE IF NOT EXISTS paper_versions (
    paper_id TEXT PRIMARY KEY,
    item_id TEXT NOT NULL,
    board_key TEXT NOT NULL,
    board_name TEXT NOT NULL,
    meeting_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    file_name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size_bytes BIGINT NOT NULL,
    sha256 TEXT NOT NULL,
    submitted_by TEXT NOT NULL,
    submitted_at TEXT NOT NULL,
    content BYTEA NULL,
    drive_item_id TEXT NULL,
    web_url TEXT NULL,
    UNIQUE (item_id, version),
    UNIQUE (item_id, sha256));
CREATE INDEX IF NOT EXISTS paper_versions_by_meeting ON paper_versions (meeting_id, item_id, version);
