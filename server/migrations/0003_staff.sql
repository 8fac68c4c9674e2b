-- Staff accounts, their sessions, and the audit log of every change. Times are Unix seconds
-- where the server compares them (sessions, locks), RFC 3339 UTC text where people read them.
CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    login TEXT NOT NULL UNIQUE COLLATE NOCASE,
    name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('admin', 'editor')),
    -- Argon2id, PHC string format.
    password_hash TEXT NOT NULL,
    failed_logins INTEGER NOT NULL DEFAULT 0,
    locked_until INTEGER,
    created_at TEXT NOT NULL
);

-- A session is known by the SHA-256 of its cookie's token: a copy of the database lets no one in.
CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    csrf_token TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL
);

CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    user_id INTEGER REFERENCES users (id),
    login TEXT NOT NULL,
    action TEXT NOT NULL,
    collection TEXT,
    item_id INTEGER,
    version INTEGER,
    -- The content as it was after the change (before it, for a delete).
    body TEXT
);
