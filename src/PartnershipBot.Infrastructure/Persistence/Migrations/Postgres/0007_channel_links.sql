-- Channel links belong to the channel, not to one thread of it. Each post in a Teams channel is its own
-- conversation ("19:…@thread.tacv2;messageid=…"), and links, meetings and reminders used to be keyed by the
-- thread they were made in, so a new post in the same channel didn't know its board. Each channel takes the link
-- made most recently in any of its threads; pending reminders and meetings now address the channel (reminders go
-- out as a new post); and each channel gets a conversation reference of its own, copied from its newest thread.
INSERT INTO conversation_boards (conversation_id, board_name, linked_by, linked_at)
SELECT channel, board_name, linked_by, linked_at FROM (
    SELECT split_part(conversation_id, ';messageid=', 1) AS channel, board_name, linked_by, linked_at,
           ROW_NUMBER() OVER (PARTITION BY split_part(conversation_id, ';messageid=', 1) ORDER BY linked_at DESC) AS newest
    FROM conversation_boards WHERE strpos(conversation_id, ';messageid=') > 1) AS threads
WHERE newest = 1
ON CONFLICT (conversation_id) DO NOTHING;
DELETE FROM conversation_boards WHERE strpos(conversation_id, ';messageid=') > 1;

INSERT INTO conversation_references
SELECT channel, service_url, channel_id, tenant_id, conversation_type, NULL, bot_id,
       (jsonb_set(reference_json::jsonb, '{conversation,id}', to_jsonb(channel)) - 'activityId')::text, updated_at FROM (
    SELECT split_part(conversation_id, ';messageid=', 1) AS channel, service_url, channel_id, tenant_id, conversation_type, bot_id, reference_json, updated_at,
           ROW_NUMBER() OVER (PARTITION BY split_part(conversation_id, ';messageid=', 1) ORDER BY updated_at DESC) AS newest
    FROM conversation_references WHERE strpos(conversation_id, ';messageid=') > 1) AS threads
WHERE newest = 1
ON CONFLICT (conversation_id) DO NOTHING;

UPDATE meetings SET conversation_id = split_part(conversation_id, ';messageid=', 1)
WHERE strpos(conversation_id, ';messageid=') > 1;
UPDATE reminders SET recipient = split_part(recipient, ';messageid=', 1)
WHERE state IN ('pending', 'claimed') AND strpos(recipient, ';messageid=') > 1;
