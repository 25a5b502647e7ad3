/** Settings, people, systems, environments and releases. */
export const workspaceSchema = `
    CREATE TABLE settings (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL DEFAULT 'Release Desk workspace',
      default_time_zone TEXT NOT NULL DEFAULT 'UTC',
      readiness_policy TEXT NOT NULL DEFAULT 'presumptive',
      created_at TEXT NOT NULL DEFAULT '',
      updated_at TEXT NOT NULL DEFAULT '',
      deleted INTEGER NOT NULL DEFAULT 0
    ) STRICT;

    CREATE TABLE people (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL DEFAULT '',
      email TEXT NOT NULL DEFAULT '',
      roles TEXT NOT NULL DEFAULT '[]',
      created_at TEXT NOT NULL DEFAULT '',
      updated_at TEXT NOT NULL DEFAULT '',
      deleted INTEGER NOT NULL DEFAULT 0
    ) STRICT;

    CREATE TABLE systems (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL DEFAULT '',
      description TEXT NOT NULL DEFAULT '',
      depends_on TEXT NOT NULL DEFAULT '[]',
      created_at TEXT NOT NULL DEFAULT '',
      updated_at TEXT NOT NULL DEFAULT '',
      deleted INTEGER NOT NULL DEFAULT 0
    ) STRICT;

    CREATE TABLE environments (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL DEFAULT '',
      description TEXT NOT NULL DEFAULT '',
      position INTEGER NOT NULL DEFAULT 0,
      requires_maintenance_window INTEGER NOT NULL DEFAULT 0,
      is_production INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL DEFAULT '',
      updated_at TEXT NOT NULL DEFAULT '',
      deleted INTEGER NOT NULL DEFAULT 0
    ) STRICT;

    CREATE TABLE releases (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL DEFAULT '',
      version TEXT NOT NULL DEFAULT '',
      system_ids TEXT NOT NULL DEFAULT '[]',
      environment_ids TEXT NOT NULL DEFAULT '[]',
      window_start TEXT NOT NULL DEFAULT '',
      window_end TEXT NOT NULL DEFAULT '',
      time_zone TEXT NOT NULL DEFAULT 'UTC',
      status TEXT NOT NULL DEFAULT 'planned',
      owner_id TEXT,
      description TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL DEFAULT '',
      updated_at TEXT NOT NULL DEFAULT '',
      deleted INTEGER NOT NULL DEFAULT 0
    ) STRICT;
    CREATE INDEX releases_by_window ON releases (window_start) WHERE deleted = 0;
    -- Names are unique per kind, ignoring case: these keep the check cheap in a large workspace.
    CREATE INDEX releases_by_name ON releases (name COLLATE NOCASE, version COLLATE NOCASE);
    CREATE INDEX people_by_name ON people (name COLLATE NOCASE);
    CREATE INDEX systems_by_name ON systems (name COLLATE NOCASE);
    CREATE INDEX environments_by_name ON environments (name COLLATE NOCASE);
`;
