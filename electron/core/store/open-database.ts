import Database from 'better-sqlite3';
import path from 'node:path';
import { ApiFailure } from '../../contract/api-result';
import { ensurePrivateDir, ensurePrivateFile } from '../private-files';

/**
 * Opens a workspace file with the settings every connection needs. WAL keeps readers and the writer from blocking
 * each other and survives a crash mid-write; synchronous=NORMAL is the documented safe pairing with WAL (a power
 * cut may lose the last transactions, never corrupt the file). A new file is created 0600 before SQLite opens it;
 * SQLite gives its -wal and -shm files the database file's mode.
 */
export function openDatabase(file: string, options: { readOnly?: boolean } = {}): Database.Database {
  // A reader beside the writer (a worker thread): the writer made the file and set WAL, which is kept in the file.
  if (options.readOnly) {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    db.pragma('busy_timeout = 5000');
    return db;
  }
  if (file !== ':memory:') {
    ensurePrivateDir(path.dirname(path.resolve(file)));
    ensurePrivateFile(file);
  }
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
