import Database from 'better-sqlite3';

/**
 * The workspace file opened on its own connection, as someone who has the file does (a tamperer, a modified client,
 * a look at what is stored at rest): never the store's own handle, which stays inside electron/core/store/.
 */
export function behindTheStore<T>(file: string, fn: (db: Database.Database) => T): T {
  const db = new Database(file, { fileMustExist: true });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}
