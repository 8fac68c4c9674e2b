-- Sign-ups for a prevention session or an occurrence of an activity "sur inscription"
-- (content/src/registration.rs). `event` is the event's key (`programmes/3/2026-12-10T14:00`,
-- `activities/5/2026-12-10`), `event_ends_at` when it ends (residence time, ISO 8601), from
-- which its personal data is erased. The person's link is known by the SHA-256 of its token.
-- Personal data (name, phone, email, note, contact_key) is NULL once erased; the row stays,
-- for the counts. `people` counts the person and a carer. `status` is confirmed, waiting or
-- cancelled; the waiting list's order is `id`'s. Times are Unix seconds. What the yearly
-- figures count (people, status, attendance, waited) stays after the erasure.
CREATE TABLE registrations (
    id INTEGER PRIMARY KEY,
    event TEXT NOT NULL,
    event_ends_at TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    name TEXT,
    phone TEXT,
    email TEXT,
    note TEXT,
    contact_key TEXT,
    people INTEGER NOT NULL CHECK (people BETWEEN 1 AND 2),
    lang TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('confirmed', 'waiting', 'cancelled')),
    -- Staff's name when staff signed the person up (at the desk, on the phone).
    by_staff TEXT,
    -- Ticked by staff on the day.
    attendance TEXT CHECK (attendance IN ('present', 'absent', 'excused')),
    -- 1 when it was put on the waiting list, for the yearly figures (moved up or not).
    waited INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,
    changed_at INTEGER NOT NULL,
    erased_at INTEGER
);
CREATE INDEX registrations_by_event ON registrations (event, status, id);
-- One live sign-up per contact and event: the same contact twice gets the first one back.
CREATE UNIQUE INDEX registrations_one_per_contact ON registrations (event, contact_key) WHERE status <> 'cancelled' AND contact_key IS NOT NULL;
CREATE INDEX registrations_to_erase ON registrations (event_ends_at) WHERE erased_at IS NULL;

-- The places shown follow each sign-up and cancellation: open screens hear of a new version.
CREATE TRIGGER registration_insert_bumps_version AFTER INSERT ON registrations BEGIN
    UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'content_version';
END;

CREATE TRIGGER registration_status_bumps_version AFTER UPDATE OF status ON registrations BEGIN
    UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'content_version';
END;
