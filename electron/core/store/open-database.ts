import Database from 'better-sqlite3';
import { ApiFailure } from '../../contract/api-result';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Opens a workspace file with the settings every connection needs. WAL keeps readers and the writer from blocking
 * each other and survives a crash mid-write; synchronous=NORMAL is the documented safe pairing with WAL (a power
 * cut may lose the last transactions, never corrupt the file).
 */
export function openDatabase(file: string): Database.Database {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    return db;
  } catch (error) {
    db.close();
    const code = (error as { code?: string }).code;
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
      throw new ApiFailure('invalid_input', `${file} is not a Release Desk workspace (not an SQLite database); it was left untouched.`);
    }
    throw error;
  }
}
