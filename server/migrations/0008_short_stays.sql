-- Short-stay beds (content/src/short_stay.rs): the beds, each bed's days that are not free
-- (a day without a row is free), and the extra beds opened for a period when the hospitals are
-- congested. A day's note holds initials at most and is shown only in the editor; the rows of
-- past days are deleted every hour, notes with them. Days are residence dates (YYYY-MM-DD).
CREATE TABLE short_stay_beds (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('single_room', 'shared_room'))
);

CREATE TABLE short_stay_days (
    bed_id INTEGER NOT NULL REFERENCES short_stay_beds (id) ON DELETE CASCADE,
    day TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('reserved', 'closed')),
    note TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (bed_id, day)
) WITHOUT ROWID;

CREATE TABLE short_stay_extra_beds (
    id INTEGER PRIMARY KEY,
    from_day TEXT NOT NULL,
    to_day TEXT NOT NULL CHECK (to_day >= from_day),
    count INTEGER NOT NULL CHECK (count > 0)
);

-- Requests for a short stay. Personal data (name, organisation, phone, email) is NULL once
-- erased, a set number of days after the request was closed (accepted or declined); the row
-- stays for the counts. Times are Unix seconds; `answered_at` is the first answer's.
CREATE TABLE stay_requests (
    id INTEGER PRIMARY KEY,
    asker TEXT NOT NULL,
    name TEXT,
    organisation TEXT,
    phone TEXT,
    email TEXT,
    from_day TEXT NOT NULL,
    to_day TEXT NOT NULL,
    flexibility TEXT NOT NULL,
    reason TEXT NOT NULL,
    lang TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('new', 'answered', 'accepted', 'declined')),
    received_at INTEGER NOT NULL,
    answered_at INTEGER,
    closed_at INTEGER,
    erased_at INTEGER
);
CREATE INDEX stay_requests_open ON stay_requests (received_at) WHERE status IN ('new', 'answered');
CREATE INDEX stay_requests_to_erase ON stay_requests (closed_at) WHERE erased_at IS NULL AND closed_at IS NOT NULL;

-- Messages waiting for the mail relay: written in the transaction of what they tell, sent by
-- the server's mailer, deleted once the relay has taken them (an address is kept no longer).
CREATE TABLE outbox (
    id INTEGER PRIMARY KEY,
    to_address TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    last_error TEXT
);

-- What the public sees follows every change of the calendar.
CREATE TRIGGER short_stay_beds_bump_version AFTER INSERT ON short_stay_beds BEGIN
    UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'content_version';
END;
CREATE TRIGGER short_stay_beds_change_bumps_version AFTER UPDATE ON short_stay_beds BEGIN
    UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'content_version';
END;
CREATE TRIGGER short_stay_beds_delete_bumps_version AFTER DELETE ON short_stay_beds BEGIN
    UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'content_version';
END;
CREATE TRIGGER short_stay_extra_insert_bumps_version AFTER INSERT ON short_stay_extra_beds BEGIN
    UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'content_version';
END;
CREATE TRIGGER short_stay_extra_delete_bumps_version AFTER DELETE ON short_stay_extra_beds BEGIN
    UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'content_version';
END;
CREATE TRIGGER short_stay_days_insert_bumps_version AFTER INSERT ON short_stay_days BEGIN
    UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'content_version';
END;
CREATE TRIGGER short_stay_days_update_bumps_version AFTER UPDATE ON short_stay_days BEGIN
    UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'content_version';
END;
CREATE TRIGGER short_stay_days_delete_bumps_version AFTER DELETE ON short_stay_days BEGIN
    UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'content_version';
END;
