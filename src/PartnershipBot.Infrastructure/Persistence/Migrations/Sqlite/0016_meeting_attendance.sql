-- Who was at a meeting, as the chair recorded it on the "who's here?" card (or as members pressed "I'm here", or as
-- the Teams attendance report gave it), and the quorum computed when it was recorded. One row per person present;
-- the recorded quorum is one row per meeting, replaced by each later Record so a correction wins.
CREATE TABLE IF NOT EXISTS meeting_attendees (
    meeting_id TEXT NOT NULL,
    board_key TEXT NOT NULL,
    board_name TEXT NOT NULL,
    person_id TEXT NOT NULL,
    person_name TEXT NULL,
    source TEXT NOT NULL,
    marked_by TEXT NOT NULL,
    marked_at TEXT NOT NULL,
    PRIMARY KEY (meeting_id, person_id));
CREATE TABLE IF NOT EXISTS meeting_attendance (
    meeting_id TEXT PRIMARY KEY,
    board_key TEXT NOT NULL,
    board_name TEXT NOT NULL,
    present INTEGER NOT NULL,
    voting INTEGER NOT NULL,
    needed INTEGER NULL,
    quorate INTEGER NULL,
    rule TEXT NULL,
    recorded_by TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    last_press TEXT NOT NULL);
