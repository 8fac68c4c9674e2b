-- The messages that a sign-up brings (server/src/registrations/messages.rs).
--
-- The event as it was announced when the person signed up, so that the message telling them it
-- is cancelled can name it once it is gone from the content. Not personal data: kept after the
-- erasure, like the counts. NULL for sign-ups made before this version.
ALTER TABLE registrations ADD COLUMN event_title TEXT;
ALTER TABLE registrations ADD COLUMN event_place TEXT;
ALTER TABLE registrations ADD COLUMN event_starts_at TEXT;

-- A message's attachment: the event for the person's calendar (iCalendar text), and its file name.
ALTER TABLE outbox ADD COLUMN attachment_name TEXT;
ALTER TABLE outbox ADD COLUMN attachment TEXT;

-- The key of the private links: a link's token is an HMAC of the sign-up under this key, so that
-- a later message (a place come free, the event cancelled) carries the same link, while only the
-- token's digest is stored. Random per database; a restored backup keeps its links working.
INSERT OR IGNORE INTO meta (key, value) VALUES ('link_key', lower(hex(randomblob(32))));

-- The short-stay page's count typed by hand ("2 of 4") gives way to the beds' calendar.
UPDATE pages SET body = json_remove(body, '$.beds') WHERE json_extract(body, '$.beds') IS NOT NULL;
