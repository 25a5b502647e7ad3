import fs from 'node:fs';
import path from 'node:path';
import { readJsonFile, writeJsonFile } from './json-file';

/**
 * The File › Open recent list, newest first, kept as JSON in userData. Electron-free: the OS-level recent
 * documents (app.addRecentDocument) are added by the caller, because Linux has no such list and we need our own.
 */
export class RecentWorkspaces {
  constructor(
    private readonly file: string,
    private readonly limit = 10,
  ) {}

  /** Files that no longer exist (deleted, or on a drive not mounted now) are dropped from the list for good. */
  list(): string[] {
    const stored = this.read();
    const existing = stored.filter((file) => fs.existsSync(file));
    if (existing.length !== stored.length) writeJsonFile(this.file, existing);
    return existing;
  }

  add(workspacePath: string): string[] {
    const resolved = path.resolve(workspacePath);
    const next = [resolved, ...this.read().filter((file) => file !== resolved)].slice(0, this.limit);
    writeJsonFile(this.file, next);
    return next;
  }

  clear(): void {
    writeJsonFile(this.file, []);
  }

  private read(): string[] {
    const value = readJsonFile(this.file);
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
  }
}
