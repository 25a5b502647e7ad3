import type Database from 'better-sqlite3';
import { ApiFailure } from '../../contract/api-result';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, type Migration } from './migrations';

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Brings a workspace forward to `target` (the latest by default). All pending migrations run in one transaction,
 * so a crash half-way leaves the file at its old version, never in between. A file written by a newer Release Desk
 * is refused: migrating it backwards would lose what the newer version stored.
 */
export function migrate(db: Database.Database, target = LATEST_SCHEMA_VERSION, migrations: readonly Migration[] = MIGRATIONS): number {
  const current = schemaVersion(db);
  if (current > LATEST_SCHEMA_VERSION) {
    throw new ApiFailure(
      'workspace_too_new',
      `This workspace was written by a newer Release Desk (schema version ${current}; this version knows up to ${LATEST_SCHEMA_VERSION}). Update Release Desk to open it.`,
    );
  }
  if (current === 0 && hasForeignTables(db)) {
    throw new ApiFailure(
      'invalid_input',
      'This file is an SQLite database but not a Release Desk workspace; it was left untouched. Choose a .releasedesk file or a new file name.',
    );
  }
  const pending = migrations.filter((m) => m.version > current && m.version <= target);
  if (pending.length === 0) return current;
  db.transaction(() => {
    for (const m of pending) {
      db.exec(m.up);
      db.pragma(`user_version = ${m.version}`);
    }
  })();
  return schemaVersion(db);
}

/** Tables in a file at schema version 0 mean somebody else's database: migrating it would write into their file. */
function hasForeignTables(db: Database.Database): boolean {
  const row = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").get() as { n: number };
  return row.n > 0;
}
