-- The venue typed on the booking card ("Civic Centre, Committee Room 2"). It used to go only to Outlook, so a
-- deployment without Microsoft Graph dropped it; the bot's own record now keeps it and shows it with the meeting.
-- Null means online only (every meeting has a Teams link).
ALTER TABLE meetings ADD COLUMN venue TEXT NULL;
