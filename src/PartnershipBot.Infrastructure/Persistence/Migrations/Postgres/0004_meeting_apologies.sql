-- Apologies for absence, one per person per meeting (the first is kept). A quorum forecast subtracts them from
-- the membership; the next-meeting answer counts them.
CREATE TABLE IF NOT EXISTS meeting_apologies (
    meeting_id TEXT NOT NULL,
    board_key TEXT NOT NULL,
    board_name TEXT NOT NULL,
    person_id TEXT NOT NULL,
    person_name TEXT NULL,
    recorded_at TEXT NOT NULL,
    PRIMARY KEY (meeting_id, person_id));
-- What each person did with each reminder card, so a refreshed card shows them their own state. Snoozes differ by
-- the day they come back (detail); other actions have detail '' and are kept once.
CREATE TABLE IF NOT EXISTS reminder_responses (
    reminder_id TEXT NOT NULL,
    person_id TEXT NOT NULL,
    action TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT '',
    person_name TEXT NULL,
    responded_at TEXT NOT NULL,
    PRIMARY KEY (reminder_id, person_id, action, detail));
