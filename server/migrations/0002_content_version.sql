-- Every change to content bumps `content_version`, whoever makes it (the server, an import, a
-- restore), so that the server can tell open screens to refetch.
INSERT INTO meta (key, value) VALUES ('content_version', '0') ON CONFLICT (key) DO NOTHING;

CREATE TRIGGER residence_insert_bumps_version AFTER INSERT ON residence BEGIN
    UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'content_version';
END;

CREATE TRIGGER residence_update_bumps_version AFTER UPDATE ON residence BEGIN
    UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'content_version';
END;

CREATE TRIGGER residence_delete_bumps_version AFTER DELETE ON residence BEGIN
    UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'content_version';
END;

CREATE TRIGGER activities_insert_bumps_version AFTER INSERT ON activities BEGIN
    UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'content_version';
END;

CREATE TRIGGER activities_update_bumps_version AFTER UPDATE ON activities BEGIN
    UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'content_version';
END;

CREATE TRIGGER activities_delete_bumps_version AFTER DELETE ON activities BEGIN
    UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'content_version';
END;

CREATE TRIGGER menus_insert_bumps_version AFTER INSERT ON menus BEGIN
    UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'content_version';
END;

CREATE TRIGGER menus_update_bumps_version AFTER UPDATE ON menus BEGIN
    UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'content_version';
END;

CREATE TRIGGER menus_delete_bumps_version AFTER DELETE ON menus BEGIN
    UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'content_version';
END;

CREATE TRIGGER programmes_insert_bumps_version AFTER INSERT ON programmes BEGIN
    UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'content_version';
END;

CREATE TRIGGER programmes_update_bumps_version AFTER UPDATE ON programmes BEGIN
    UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'content_version';
END;

CREATE TRIGGER programmes_delete_bumps_version AFTER DELETE ON programmes BEGIN
    UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'content_version';
END;

CREATE TRIGGER announcements_insert_bumps_version AFTER INSERT ON announcements BEGIN
    UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'content_version';
END;

CREATE TRIGGER announcements_update_bumps_version AFTER UPDATE ON announcements BEGIN
    UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'content_version';
END;

CREATE TRIGGER announcements_delete_bumps_version AFTER DELETE ON announcements BEGIN
    UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'content_version';
END;

CREATE TRIGGER pages_insert_bumps_version AFTER INSERT ON pages BEGIN
    UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'content_version';
END;

CREATE TRIGGER pages_update_bumps_version AFTER UPDATE ON pages BEGIN
    UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'content_version';
END;

CREATE TRIGGER pages_delete_bumps_version AFTER DELETE ON pages BEGIN
    UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'content_version';
END;
