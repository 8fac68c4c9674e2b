-- The residence's screens and the alarm. A screen is known by the SHA-256 of its credential
-- (an HttpOnly cookie): waiting for adoption it has a pairing code and no name; adopted, a
-- name, a place and its settings (JSON, the content crate's ScreenSettings). Its last report
-- (JSON, ScreenReport) says what it shows. Its setup has a version that each change quotes, as
-- content does. Times are Unix seconds.
CREATE TABLE screens (
    id INTEGER PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    pairing_code TEXT UNIQUE,
    name TEXT,
    place TEXT NOT NULL DEFAULT '',
    settings TEXT,
    version INTEGER NOT NULL DEFAULT 1,
    created_at INTEGER NOT NULL,
    adopted_at INTEGER,
    last_report_at INTEGER,
    last_report TEXT,
    last_error TEXT,
    last_error_at INTEGER,
    CHECK ((adopted_at IS NULL) = (pairing_code IS NOT NULL))
);

-- Every alarm raised; the one without an end is on (at most one).
CREATE TABLE alarms (
    id INTEGER PRIMARY KEY,
    -- JSON, the content crate's Text.
    message TEXT NOT NULL,
    raised_at INTEGER NOT NULL,
    ended_at INTEGER
);
CREATE UNIQUE INDEX one_alarm_on ON alarms ((ended_at IS NULL)) WHERE ended_at IS NULL;
