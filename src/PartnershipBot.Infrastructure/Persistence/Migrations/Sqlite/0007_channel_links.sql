-- Channel links belong to the channel, not to one thread of it. Each post in a Teams channel is its own
-- conversation ("19:…@thread.tacv2;messageid=…"), and links, meetings and reminders used to be keyed by the
-- thread they were made in, so a new post in the same channel didn't know its board. Each channel takes the link
-- made most recently in any of its threads; pending reminders and meetings now address the channel (reminders go
-- out as a new post); and each channel gets a conversation reference of its own, copied from its newest thread.
INSERT INTO conversation_boards (conversation_id, board_name, linked_by, linked_at)
SELECT channel, board_name, linked_by, linked_at FROM (
    SELECT substr(conversation_id, 1, instr(conversation_id, ';messageid=') - 1) AS channel, board_name, linked_by, linked_at,
           ROW_NUMBER() OVER (PARTITION BY substr(conversation_id, 1, instr(conversation_id, ';messageid=') - 1) ORDER BY linked_at DESC) AS newest
    FROM conversation_boards WHERE instr(conversation_id, ';messageid=') > 1) AS threads
WHERE newest = 1
ON CONFLICT (conversation_id) DO NOTHING;
DELETE FROM conversation_boards WHERE instr(conversation_id, ';messageid=') > 1;

INSERT INTO conversation_references
SELECT channel, service_url, channel_id, tenant_id, conversation_type, NULL, bot_id,
       json_remove(json_set(reference_json, '$.conversation.id', channel), '$.activityId'), updated_at FROM (
    SELECT substr(conversation_id, 1, instr(conversation_id, ';messageid=') - 1) AS channel, *,
           ROW_NUMBER() OVER (PARTITION BY substr(conversation_id, 1, instr(conversation_id, ';messageid=') - 1) ORDER BY updated_at DESC) AS newest
    FROM conversation_references WHERE instr(conversation_id, ';messageid=') > 1) AS threads
WHERE newest = 1
ON CONFLICT (conversation_id) DO NOTHING;

UPDATE meetings SET conversation_id = substr(conversation_id, 1, instr(conversation_id, ';messageid=') - 1)
WHERE instr(conversation_id, ';messageid=') > 1;
UPDATE reminders SET recipient = substr(recipient, 1, instr(recipient, ';messageid=') - 1)
WHERE state IN ('pending', 'claimed') AND instr(recipient, ';messageid=') > 1;
