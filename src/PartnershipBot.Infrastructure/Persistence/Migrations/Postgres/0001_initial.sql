-- PartnershipBot schema v1 (PostgreSQL). Timestamps are ISO-8601 UTC text, which sorts correctly and moves
-- unchanged between SQLite and PostgreSQL by export/import. IF NOT EXISTS keeps files made before
-- migrations existed (conversation_references, terms_documents) working.
CREATE TABLE IF NOT EXISTS boards (
    board_key TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    aliases_json TEXT NOT NULL DEFAULT '[]',
    nation TEXT NOT NULL DEFAULT 'england-and-wales',
    time_zone TEXT NOT NULL DEFAULT 'Europe/London',
    created_at TEXT NOT NULL);

CREATE TABLE IF NOT EXISTS terms_documents (
    board_key TEXT NOT NULL,
    board_name TEXT NOT NULL,
    version INTEGER NOT NULL,
    file_name TEXT NOT NULL,
    media_type TEXT NOT NULL,
    content BYTEA NOT NULL,
    facts_json TEXT NULL,
    stored_at TEXT NOT NULL,
    stored_by TEXT NOT NULL,
    PRIMARY KEY (board_key, version));

CREATE TABLE IF NOT EXISTS people (
    person_id TEXT PRIMARY KEY,
    teams_id TEXT NULL,
    name TEXT NULL,
    email TEXT NULL,
    is_guest INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT NOT NULL);

CREATE TABLE IF NOT EXISTS board_roles (
    board_key TEXT NOT NULL,
    person_id TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('chair', 'vice-chair', 'secretariat', 'member')),
    assigned_at TEXT NOT NULL,
    PRIMARY KEY (board_key, person_id, role));

CREATE TABLE IF NOT EXISTS conversation_boards (
    conversation_id TEXT PRIMARY KEY,
    board_name TEXT NOT NULL,
    linked_by TEXT NOT NULL,
    linked_at TEXT NOT NULL);

CREATE TABLE IF NOT EXISTS conversation_references (
    conversation_id TEXT PRIMARY KEY,
    service_url TEXT NOT NULL,
    channel_id TEXT NOT NULL,
    tenant_id TEXT NULL,
    conversation_type TEXT NULL,
    user_aad_object_id TEXT NULL,
    bot_id TEXT NOT NULL,
    reference_json TEXT NOT NULL,
    updated_at TEXT NOT NULL);

CREATE TABLE IF NOT EXISTS meetings (
    meeting_id TEXT PRIMARY KEY,
    board_key TEXT NOT NULL,
    board_name TEXT NOT NULL,
    conversation_id TEXT NULL,
    graph_event_id TEXT NULL,
    series_id TEXT NULL,
    starts_at TEXT NOT NULL,
    ends_at TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('scheduled', 'cancelled')),
    updated_at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS meetings_board_start ON meetings (board_key, starts_at);

CREATE TABLE IF NOT EXISTS reminders (
    reminder_id TEXT PRIMARY KEY,
    idempotency_key TEXT NOT NULL UNIQUE,
    board_key TEXT NOT NULL,
    recipient TEXT NOT NULL,
    kind TEXT NOT NULL,
    due_at TEXT NOT NULL,
    payload_json TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('pending', 'claimed', 'sent', 'failed')),
    attempts INTEGER NOT NULL DEFAULT 0,
    last_outcome TEXT NULL,
    claimed_by TEXT NULL,
    lease_until TEXT NULL,
    updated_at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS reminders_due ON reminders (state, due_at);

-- The declarations register is append-only: each row chains the previous row's hash.
CREATE TABLE IF NOT EXISTS declarations (
    sequence BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    board_key TEXT NOT NULL,
    board_name TEXT NOT NULL,
    meeting_id TEXT NULL,
    item TEXT NOT NULL,
    person_id TEXT NOT NULL,
    person_name TEXT NULL,
    interest TEXT NOT NULL CHECK (interest IN ('none', 'pecuniary', 'non-pecuniary')),
    nature TEXT NULL,
    declared_at TEXT NOT NULL,
    previous_hash TEXT NOT NULL,
    hash TEXT NOT NULL);
CREATE OR REPLACE FUNCTION declarations_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION 'the declarations register is append-only'; END; $$;
CREATE TRIGGER declarations_no_change BEFORE UPDATE OR DELETE ON declarations
FOR EACH ROW EXECUTE FUNCTION declarations_append_only();

CREATE TABLE IF NOT EXISTS audit_log (
    sequence BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    subject TEXT NOT NULL,
    detail_json TEXT NULL);
