/**
 * Runbooks (docs/runbooks.md): runbooks (a release's, or templates with no release), their steps, and the
 * append-only execution records of the release weekend. No SQL foreign keys and a default on every column,
 * because sync delivers the fields of a record in any order and before the records it refers to.
 *
 * `position` is REAL: inserting a step between two others writes one row (the midpoint), not every row below it, so
 * two people inserting steps offline merge without renumbering each other's. `fixed_start_offset` is NULL for a step
 * that starts when its dependencies (or the window) allow.
 */
export const runbooksSchema = `
    CREATE TABLE runbooks (
      id TEXT PRIMARY KEY,
      release_id TEXT,
      template_id TEXT,
      name TEXT NOT NULL DEFAULT '',
      description TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL DEFAULT '',
      updated_at TEXT NOT NULL DEFAULT '',
      deleted INTEGER NOT NULL DEFAULT 0
    ) STRICT;
    CREATE INDEX runbooks_by_release ON runbooks (release_id);

    CREATE TABLE runbook_steps (
      id TEXT PRIMARY KEY,
      runbook_id TEXT NOT NULL DEFAULT '',
      position REAL NOT NULL DEFAULT 0,
      title TEXT NOT NULL DEFAULT '',
      description TEXT NOT NULL DEFAULT '',
      command TEXT NOT NULL DEFAULT '',
      owner_person_id TEXT,
      owner_team TEXT NOT NULL DEFAULT '',
      kind TEXT NOT NULL DEFAULT 'task',
      section TEXT NOT NULL DEFAULT 'Deploy',
      duration_minutes INTEGER NOT NULL DEFAULT 0,
      depends_on TEXT NOT NULL DEFAULT '[]',
      fixed_start_offset INTEGER,
      external_ref TEXT NOT NULL DEFAULT '',
      approver_ids TEXT NOT NULL DEFAULT '[]',
      criteria TEXT NOT NULL DEFAULT '',
      point_of_no_return INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL DEFAULT '',
      updated_at TEXT NOT NULL DEFAULT '',
      deleted INTEGER NOT NULL DEFAULT 0
    ) STRICT;
    CREATE INDEX runbook_steps_by_runbook ON runbook_steps (runbook_id);
    CREATE INDEX runbook_steps_by_owner ON runbook_steps (owner_person_id) WHERE owner_person_id IS NOT NULL;

    CREATE TABLE step_executions (
      id TEXT PRIMARY KEY,
      runbook_id TEXT NOT NULL DEFAULT '',
      release_id TEXT NOT NULL DEFAULT '',
      step_id TEXT NOT NULL DEFAULT '',
      action TEXT NOT NULL DEFAULT '',
      reason TEXT NOT NULL DEFAULT '',
      person_id TEXT NOT NULL DEFAULT '',
      at TEXT NOT NULL DEFAULT '',
      device_id TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL DEFAULT '',
      updated_at TEXT NOT NULL DEFAULT '',
      deleted INTEGER NOT NULL DEFAULT 0
    ) STRICT;
    CREATE INDEX step_executions_by_runbook ON step_executions (runbook_id);
    CREATE INDEX step_executions_by_release ON step_executions (release_id);
`;
