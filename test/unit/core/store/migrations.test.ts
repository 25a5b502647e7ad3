import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { WorkspaceStore } from '../../../../electron/core/store/workspace-store';
import { migrate, schemaVersion } from '../../../../electron/core/store/migrate';
import { openDatabase } from '../../../../electron/core/store/open-database';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../../../electron/core/store/migrations';
import { ApiFailure } from '../../../../electron/contract/api-result';
import { tempDir } from '../../../helpers/temp-workspace';

describe('workspace migrations', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  it('creates a new workspace file at the latest schema, in WAL mode with foreign keys on', () => {
    const t = tempDir();
    cleanup = t.cleanup;
    const file = path.join(t.dir, 'new.releasedesk');
    const store = WorkspaceStore.open(file);
    expect(store.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    store.close();
    // Every connection the store opens is set up alike (open-database.ts); WAL stays with the file.
    const db = openDatabase(file);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it.each(MIGRATIONS.map((m) => m.version - 1))('brings a workspace at schema version %i forward to the latest', (from) => {
    const t = tempDir();
    cleanup = t.cleanup;
    const file = path.join(t.dir, `v${from}.releasedesk`);
    const db = new Database(file);
    migrate(db, from);
    expect(schemaVersion(db)).toBe(from);
    db.close();
    const store = WorkspaceStore.open(file);
    expect(store.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(store.integrityCheck()).toBe('ok');
    store.close();
  });

  it('keeps data written at an earlier schema version', () => {
    const t = tempDir();
    cleanup = t.cleanup;
    const file = path.join(t.dir, 'data.releasedesk');
    const store = WorkspaceStore.open(file);
    store.mutate('tester', (w) => w.insert('system', 's1', { name: 'Billing', description: '', dependsOn: [] }));
    store.close();
    const reopened = WorkspaceStore.open(file);
    expect(reopened.reader.get('system', 's1')?.name).toBe('Billing');
    expect(reopened.deviceId).toBe(store.deviceId);
    reopened.close();
  });

  it('refuses a workspace written by a newer Release Desk and leaves the file as it was', () => {
    const t = tempDir();
    cleanup = t.cleanup;
    const file = path.join(t.dir, 'future.releasedesk');
    const db = new Database(file);
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    db.close();
    let failure: unknown;
    try {
      WorkspaceStore.open(file);
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(ApiFailure);
    expect((failure as ApiFailure).code).toBe('workspace_too_new');
    expect((failure as ApiFailure).message).toMatch(/newer Release Desk/);
    const check = new Database(file);
    expect(schemaVersion(check)).toBe(LATEST_SCHEMA_VERSION + 5);
    expect(check.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get()).toEqual({ n: 0 });
    check.close();
  });
});

describe('opening files that are not workspaces', () => {
  it('refuses somebody else\'s SQLite database without writing to it', () => {
    const t = tempDir();
    try {
      const file = path.join(t.dir, 'other.db');
      const db = new Database(file);
      db.exec('CREATE TABLE invoices (id INTEGER PRIMARY KEY)');
      db.close();
      expect(() => WorkspaceStore.open(file)).toThrow(/not a Release Desk workspace/);
      const check = new Database(file);
      expect(check.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all()).toEqual([{ name: 'invoices' }]);
      check.close();
    } finally {
      t.cleanup();
    }
  });

  it('refuses a file that is not a database at all, and leaves it as it was', () => {
    const t = tempDir();
    try {
      const file = path.join(t.dir, 'notes.releasedesk');
      fs.writeFileSync(file, 'release notes, not a database\n'.repeat(200));
      expect(() => WorkspaceStore.open(file)).toThrow(/not a Release Desk workspace/);
      expect(fs.readFileSync(file, 'utf8')).toBe('release notes, not a database\n'.repeat(200));
    } finally {
      t.cleanup();
    }
  });
});
