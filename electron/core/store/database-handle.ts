import type Database from 'better-sqlite3';

// Keyed by the store object, not typed by it: this file must not import workspace-store.ts (it imports this one).
const handles = new WeakMap<object, Database.Database>();

/**
 * The SQLite connection behind a workspace store, for the store's own modules (verify, repair) only: everything
 * outside electron/core/store/ reads through the store's typed queries and writes through `mutate`
 * (.dependency-cruiser.cjs, rule `store-handle-stays-in-the-store`).
 */
export function databaseOf(store: object): Database.Database {
  const db = handles.get(store);
  if (!db) throw new Error('not a workspace store');
  return db;
}

export function registerDatabase(store: object, db: Database.Database): void {
  handles.set(store, db);
}
