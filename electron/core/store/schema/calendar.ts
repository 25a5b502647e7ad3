/**
 * The release calendar: maintenance and freeze windows, the "needs" links between releases (dependency
 * violations) and accepted collisions. No SQL foreign keys and a default on every column, because sync
 * delivers the fields of a record in any order and before the records it refers to.
 */
export const calendarSchema = `
    CREATE TABLE windows (
      id TEXT PRIMARY KEY,
      kind TEXT NOT NULL DEFAULT 'freeze',
      name TEXT NOT NULL DEFAULT '',
      reason TEXT NOT NULL DEFAULT '',
      sla_note TEXT NOT NULL DEFAULT '',
      start_at TEXT NOT NULL DEFAULT '',
      end_at TEXT NOT NULL DEFAULT '',
      time_zone TEXT NOT NULL DEFAULT 'UTC',
      rrule TEXT,
      exception_dates TEXT NOT NULL DEFAULT '[]',
      environment_ids TEXT NOT NULL DEFAULT '[]',
      system_ids TEXT NOT NULL DEFAULT '[]',
      created_at TEXT NOT NULL DEFAULT '',
      updated_at TEXT NOT NULL DEFAULT '',
      deleted INTEGER NOT NULL DEFAULT 0
    ) STRICT;
    CREATE INDEX windows_by_start ON windows (start_at) WHERE deleted = 0;

    CREATE TABLE release_needs (
      id TEXT PRIMARY KEY,
      release_id TEXT NOT NULL DEFAULT '',
      needs_release_id TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL DEFAULT '',
      updated_at TEXT NOT NULL DEFAULT '',
      deleted INTEGER NOT NULL DEFAULT 0
    ) STRICT;
    CREATE INDEX release_needs_by_release ON release_needs (release_id);

    CREATE TABLE collision_acceptances (
      id TEXT PRIMARY KEY,
      collision_key TEXT NOT NULL DEFAULT '',
      reason TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL DEFAULT '',
      updated_at TEXT NOT NULL DEFAULT '',
      deleted INTEGER NOT NULL DEFAULT 0
    ) STRICT;
`;
