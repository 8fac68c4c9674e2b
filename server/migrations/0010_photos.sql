-- Photos of the home's life (server/src/photos.rs): what each belongs to, its description (a
-- translatable text, as JSON), who may see it, and its files: the sizes made of it, re-encoded
-- without the original's metadata, in the database itself so that backups, restores, exports
-- and imports carry them with the content. The original is not kept.
CREATE TABLE photos (
    id INTEGER PRIMARY KEY,
    owner TEXT NOT NULL,
    description TEXT NOT NULL,
    consent TEXT NOT NULL CHECK (consent IN ('public', 'in_house', 'families')),
    hash TEXT NOT NULL UNIQUE,
    width INTEGER NOT NULL,
    height INTEGER NOT NULL,
    added_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX photos_owner ON photos (owner);

CREATE TABLE photo_files (
    photo_id INTEGER NOT NULL REFERENCES photos (id) ON DELETE CASCADE,
    width INTEGER NOT NULL,
    format TEXT NOT NULL CHECK (format IN ('webp', 'jpeg')),
    bytes BLOB NOT NULL,
    PRIMARY KEY (photo_id, width, format)
);

-- A photo added, changed (its consent narrowed) or removed is a change every screen hears of.
CREATE TRIGGER photos_insert_bumps_version AFTER INSERT ON photos BEGIN
    UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'content_version';
END;

CREATE TRIGGER photos_update_bumps_version AFTER UPDATE ON photos BEGIN
    UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'content_version';
END;

CREATE TRIGGER photos_delete_bumps_version AFTER DELETE ON photos BEGIN
    UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'content_version';
END;
