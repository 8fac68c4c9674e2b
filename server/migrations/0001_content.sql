-- Every kind of content is a table of the same shape: the validated JSON body of the content
-- contract, its version for optimistic concurrency, and the days it concerns for range queries
-- (NULL for content of every day). Deleted rows are kept (soft delete) so a delete can be undone.
CREATE TABLE residence (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    version INTEGER NOT NULL DEFAULT 1,
    body TEXT NOT NULL CHECK (json_valid(body)),
    first_day TEXT,
    last_day TEXT,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
);

CREATE TABLE activities (
    id INTEGER PRIMARY KEY,
    version INTEGER NOT NULL DEFAULT 1,
    body TEXT NOT NULL CHECK (json_valid(body)),
    first_day TEXT,
    last_day TEXT,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
);
CREATE INDEX activities_days ON activities (first_day, last_day) WHERE deleted_at IS NULL;

CREATE TABLE menus (
    id INTEGER PRIMARY KEY,
    version INTEGER NOT NULL DEFAULT 1,
    body TEXT NOT NULL CHECK (json_valid(body)),
    first_day TEXT,
    last_day TEXT,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
);
-- One menu a day.
CREATE UNIQUE INDEX menus_day ON menus (first_day) WHERE deleted_at IS NULL;

CREATE TABLE programmes (
    id INTEGER PRIMARY KEY,
    version INTEGER NOT NULL DEFAULT 1,
    body TEXT NOT NULL CHECK (json_valid(body)),
    first_day TEXT,
    last_day TEXT,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
);
CREATE INDEX programmes_days ON programmes (first_day, last_day) WHERE deleted_at IS NULL;

CREATE TABLE announcements (
    id INTEGER PRIMARY KEY,
    version INTEGER NOT NULL DEFAULT 1,
    body TEXT NOT NULL CHECK (json_valid(body)),
    first_day TEXT,
    last_day TEXT,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
);
CREATE INDEX announcements_days ON announcements (first_day, last_day) WHERE deleted_at IS NULL;

CREATE TABLE pages (
    id INTEGER PRIMARY KEY,
    version INTEGER NOT NULL DEFAULT 1,
    body TEXT NOT NULL CHECK (json_valid(body)),
    first_day TEXT,
    last_day TEXT,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
);
-- One page per slug.
CREATE UNIQUE INDEX pages_slug ON pages (json_extract(body, '$.slug')) WHERE deleted_at IS NULL;

-- Facts about the database itself, such as which week the demo content was laid out for.
CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
