/**
 * Readiness: sign-offs, checklist templates, checklist items of a release, ticks, waivers and the
 * readiness deadline policy. No SQL foreign keys and a default on every column, because sync delivers
 * the fields of a record in any order and before the records it refers to. Sign-offs, ticks and waivers are
 * append-only (entity-tables.ts): rows are inserted once and never updated or deleted.
 */
export const readinessSchema = `
    CREATE TABLE signoffs (
      id TEXT PRIMARY KEY,
      release_id TEXT NOT NULL DEFAULT '',
      state TEXT NOT NULL DEFAULT '',
      action TEXT NOT NULL DEFAULT '',
      person_id TEXT NOT NULL DEFAULT '',
      comment TEXT NOT NULL DEFAULT '',
      waived_issues TEXT NOT NULL DEFAULT '[]',
      withdraws_id TEXT,
      device_id TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL DEFAULT '',
      updated_at TEXT NOT NULL DEFAULT '',
      deleted INTEGER NOT NULL DEFAULT 0
    ) STRICT;
    CREATE INDEX signoffs_by_release ON signoffs (release_id);

    CREATE TABLE checklist_templates (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL DEFAULT '',
      state TEXT NOT NULL DEFAULT '',
      items TEXT NOT NULL DEFAULT '[]',
      created_at TEXT NOT NULL DEFAULT '',
      updated_at TEXT NOT NULL DEFAULT '',
      deleted INTEGER NOT NULL DEFAULT 0
    ) STRICT;

    CREATE TABLE checklist_items (
      id TEXT PRIMARY KEY,
      release_id TEXT NOT NULL DEFAULT '',
      template_id TEXT,
      state TEXT NOT NULL DEFAULT '',
      title TEXT NOT NULL DEFAULT '',
      required INTEGER NOT NULL DEFAULT 1,
      position INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL DEFAULT '',
      updated_at TEXT NOT NULL DEFAULT '',
      deleted INTEGER NOT NULL DEFAULT 0
    ) STRICT;
    CREATE INDEX checklist_items_by_release ON checklist_items (release_id);

    CREATE TABLE checklist_ticks (
      id TEXT PRIMARY KEY,
      item_id TEXT NOT NULL DEFAULT '',
      release_id TEXT NOT NULL DEFAULT '',
      ticked INTEGER NOT NULL DEFAULT 1,
      person_id TEXT NOT NULL DEFAULT '',
      evidence TEXT NOT NULL DEFAULT '',
      comment TEXT NOT NULL DEFAULT '',
      device_id TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL DEFAULT '',
      updated_at TEXT NOT NULL DEFAULT '',
      deleted INTEGER NOT NULL DEFAULT 0
    ) STRICT;
    CREATE INDEX checklist_ticks_by_release ON checklist_ticks (release_id);

    CREATE TABLE checklist_waivers (
      id TEXT PRIMARY KEY,
      item_id TEXT NOT NULL DEFAULT '',
      release_id TEXT NOT NULL DEFAULT '',
      waived INTEGER NOT NULL DEFAULT 1,
      person_id TEXT NOT NULL DEFAULT '',
      reason TEXT NOT NULL DEFAULT '',
      device_id TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL DEFAULT '',
      updated_at TEXT NOT NULL DEFAULT '',
      deleted INTEGER NOT NULL DEFAULT 0
    ) STRICT;
    CREATE INDEX checklist_waivers_by_release ON checklist_waivers (release_id);

    CREATE TABLE readiness_policies (
      id TEXT PRIMARY KEY,
      deadline_hours INTEGER NOT NULL DEFAULT 48,
      created_at TEXT NOT NULL DEFAULT '',
      updated_at TEXT NOT NULL DEFAULT '',
      deleted INTEGER NOT NULL DEFAULT 0
    ) STRICT;
`;
