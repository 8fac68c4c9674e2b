-- Sign-ups have one name from the table to the page (`sign_up` in the content, `sign_ups/` in
-- the server, `/sign-ups/{event}` on the site): the table of 0007 is renamed, its indexes and
-- triggers with it. The audit log's rows written before keep `registrations` as their collection.
ALTER TABLE registrations RENAME TO sign_ups;

DROP INDEX registrations_by_event;
DROP INDEX registrations_one_per_contact;
DROP INDEX registrations_to_erase;
CREATE INDEX sign_ups_by_event ON sign_ups (event, status, id);
-- One live sign-up per contact and event: the same contact twice gets the first one back.
CREATE UNIQUE INDEX sign_ups_one_per_contact ON sign_ups (event, contact_key) WHERE status <> 'cancelled' AND contact_key IS NOT NULL;
CREATE INDEX sign_ups_to_erase ON sign_ups (event_ends_at) WHERE erased_at IS NULL;

-- The places shown follow each sign-up and cancellation: open screens hear of a new version.
DROP TRIGGER registration_insert_bumps_version;
DROP TRIGGER registration_status_bumps_version;
CREATE TRIGGER sign_up_insert_bumps_version AFTER INSERT ON sign_ups BEGIN
    UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'content_version';
END;
CREATE TRIGGER sign_up_status_bumps_version AFTER UPDATE OF status ON sign_ups BEGIN
    UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'content_version';
END;

-- What a contact already signed up is answered when it signs up again: what a new sign-up would
-- have been told (a place or a rank) with a link of its own that shows just that, so that the
-- answer says nothing of whether that contact had signed up (for a memory café or a carers'
-- evening, that says something about someone's health). The person's own sign-up is untouched;
-- the person gets its link by e-mail again. Nobody else sees these rows; erased (deleted) with
-- the sign-ups' personal data, a set number of days after the event (docs/privacy.md).
CREATE TABLE sign_up_echoes (
    id INTEGER PRIMARY KEY,
    event TEXT NOT NULL,
    event_ends_at TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    people INTEGER NOT NULL,
    lang TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('confirmed', 'waiting', 'cancelled')),
    position INTEGER,
    created_at INTEGER NOT NULL
);
CREATE INDEX sign_up_echoes_to_erase ON sign_up_echoes (event_ends_at);
