/**
 * Coordination meetings: when each is held (in its zone), its general notes and decisions. No SQL foreign keys and a default on every column, because sync
 * delivers the fields of a record in any order and before the records it refers to. Decisions and action-item
 * completions are append-only (entity-tables.ts). Attendees and environment checks get ids made of what they are
 * about (meeting + person, meeting + environment), so two devices recording the same thing merge into one row.
 */
export const meetingsSchema = `
    CREATE TABLE meetings (
      id TEXT PRIMARY KEY,
      title TEXT NOT NULL DEFAULT '',
      range_from TEXT NOT NULL DEFAULT '',
      range_to TEXT NOT NULL DEFAULT '',
      time_zone TEXT NOT NULL DEFAULT 'UTC',
      held_at TEXT NOT NULL DEFAULT '',
      notes TEXT NOT NULL DEFAULT '',
      decisions TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL DEFAULT '',
      updated_at TEXT NOT NULL DEFAULT '',
      deleted INTEGER NOT NULL DEFAULT 0
    ) STRICT;

    CREATE TABLE meeting_attendees (
      id TEXT PRIMARY KEY,
      meeting_id TEXT NOT NULL DEFAULT '',
      person_id TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL DEFAULT '',
      updated_at TEXT NOT NULL DEFAULT '',
      deleted INTEGER NOT NULL DEFAULT 0
    ) STRICT;
    CREATE INDEX meeting_attendees_by_meeting ON meeting_attendees (meeting_id);

    CREATE TABLE meeting_decisions (
      id TEXT PRIMARY KEY,
      meeting_id TEXT NOT NULL DEFAULT '',
      release_id TEXT NOT NULL DEFAULT '',
      decision TEXT NOT NULL DEFAULT '',
      note TEXT NOT NULL DEFAULT '',
      person_id TEXT NOT NULL DEFAULT '',
      device_id TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL DEFAULT '',
      updated_at TEXT NOT NULL DEFAULT '',
      deleted INTEGER NOT NULL DEFAULT 0
    ) STRICT;
    CREATE INDEX meeting_decisions_by_meeting ON meeting_decisions (meeting_id);
    CREATE INDEX meeting_decisions_by_release ON meeting_decisions (release_id);

    CREATE TABLE meeting_environment_checks (
      id TEXT PRIMARY KEY,
      meeting_id TEXT NOT NULL DEFAULT '',
      environment_id TEXT NOT NULL DEFAULT '',
      prepared INTEGER NOT NULL DEFAULT 0,
      note TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL DEFAULT '',
      updated_at TEXT NOT NULL DEFAULT '',
      deleted INTEGER NOT NULL DEFAULT 0
    ) STRICT;
    CREATE INDEX meeting_environment_checks_by_meeting ON meeting_environment_checks (meeting_id);

    CREATE TABLE meeting_action_items (
      id TEXT PRIMARY KEY,
      meeting_id TEXT NOT NULL DEFAULT '',
      release_id TEXT,
      title TEXT NOT NULL DEFAULT '',
      owner_id TEXT NOT NULL DEFAULT '',
      due_date TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL DEFAULT '',
      updated_at TEXT NOT NULL DEFAULT '',
      deleted INTEGER NOT NULL DEFAULT 0
    ) STRICT;
    CREATE INDEX meeting_action_items_by_meeting ON meeting_action_items (meeting_id);

    CREATE TABLE meeting_action_completions (
      id TEXT PRIMARY KEY,
      action_item_id TEXT NOT NULL DEFAULT '',
      meeting_id TEXT NOT NULL DEFAULT '',
      done INTEGER NOT NULL DEFAULT 1,
      person_id TEXT NOT NULL DEFAULT '',
      device_id TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL DEFAULT '',
      updated_at TEXT NOT NULL DEFAULT '',
      deleted INTEGER NOT NULL DEFAULT 0
    ) STRICT;
    CREATE INDEX meeting_action_completions_by_meeting ON meeting_action_completions (meeting_id);
`;
