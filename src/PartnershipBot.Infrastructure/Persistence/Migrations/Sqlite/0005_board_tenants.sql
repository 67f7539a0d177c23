-- v5: each board belongs to one Microsoft 365 tenant (the council whose Teams runs it). A row exists only once
-- the board is claimed, by the tenant of the first conversation linked to it or the first Teams upload of its ToR;
-- it is never changed afterwards, so the bot can cache it. Boards without a row (seeded samples, CLI ingests) are
-- answered to nobody while channel auth is on.
CREATE TABLE IF NOT EXISTS board_tenants (
    board_key TEXT PRIMARY KEY,
    board_name TEXT NOT NULL,
    tenant_id TEXT NOT NULL,
    claimed_by TEXT NOT NULL,
    claimed_at TEXT NOT NULL);

-- Existing boards: claimed by the tenant of their earliest linked conversation whose tenant the bot recorded.
-- (board_key is the upper-cased name, as the stores write it; names are single-spaced as the ToRs give them.)
INSERT INTO board_tenants (board_key, board_name, tenant_id, claimed_by, claimed_at)
SELECT board_key, board_name, tenant_id, linked_by, linked_at FROM (
    SELECT UPPER(TRIM(cb.board_name)) AS board_key, cb.board_name, cr.tenant_id, cb.linked_by, cb.linked_at,
           ROW_NUMBER() OVER (PARTITION BY UPPER(TRIM(cb.board_name)) ORDER BY cb.linked_at, cb.conversation_id) AS n
    FROM conversation_boards cb JOIN conversation_references cr ON cr.conversation_id = cb.conversation_id
    WHERE cr.tenant_id IS NOT NULL AND cr.tenant_id <> '') AS first_links
WHERE n = 1;
