/**
 * Release outcomes: deployment records, the incidents linked to them, the changes (commits) a release
 * carries and the post-release review. No SQL foreign keys and a default on every column, because sync
 * delivers the fields of a record in any order and before the records it refers to.
 */
export const outcomesSchema = `
    CREATE TABLE deployments (
      id TEXT PRIMARY KEY,
      release_id TEXT NOT NULL DEFAULT '',
      environment_id TEXT NOT NULL DEFAULT '',
      deployed_at TEXT NOT NULL DEFAULT '',
      result TEXT NOT NULL DEFAULT 'succeeded',
      source TEXT NOT NULL DEFAULT 'manual',
      note TEXT NOT NULL DEFAULT '',
      rework INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL DEFAULT '',
      updated_at TEXT NOT NULL DEFAULT '',
      deleted INTEGER NOT NULL DEFAULT 0
    ) STRICT;
    CREATE INDEX deployments_by_release ON deployments (release_id);
    CREATE INDEX deployments_by_time ON deployments (deployed_at) WHERE deleted = 0;

    CREATE TABLE incidents (
      id TEXT PRIMARY KEY,
      deployment_id TEXT NOT NULL DEFAULT '',
      release_id TEXT NOT NULL DEFAULT '',
      title TEXT NOT NULL DEFAULT '',
      reference TEXT NOT NULL DEFAULT '',
      started_at TEXT NOT NULL DEFAULT '',
      restored_at TEXT,
      created_at TEXT NOT NULL DEFAULT '',
      updated_at TEXT NOT NULL DEFAULT '',
      deleted INTEGER NOT NULL DEFAULT 0
    ) STRICT;
    CREATE INDEX incidents_by_release ON incidents (release_id);

    CREATE TABLE release_changes (
      id TEXT PRIMARY KEY,
      release_id TEXT NOT NULL DEFAULT '',
      sha TEXT NOT NULL DEFAULT '',
      subject TEXT NOT NULL DEFAULT '',
      author TEXT NOT NULL DEFAULT '',
      committed_at TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL DEFAULT '',
      updated_at TEXT NOT NULL DEFAULT '',
      deleted INTEGER NOT NULL DEFAULT 0
    ) STRICT;
    CREATE INDEX release_changes_by_release ON release_changes (release_id);

    CREATE TABLE post_release_reviews (
      id TEXT PRIMARY KEY,
      release_id TEXT NOT NULL DEFAULT '',
      went_well TEXT NOT NULL DEFAULT '',
      did_not_go_well TEXT NOT NULL DEFAULT '',
      action_items TEXT NOT NULL DEFAULT '[]',
      closed_at TEXT,
      closed_by TEXT,
      created_at TEXT NOT NULL DEFAULT '',
      updated_at TEXT NOT NULL DEFAULT '',
      deleted INTEGER NOT NULL DEFAULT 0
    ) STRICT;
`;
