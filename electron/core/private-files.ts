import fs from 'node:fs';
import path from 'node:path';

/**
 * Files and folders that hold a team's release data (workspaces, shared-folder sync files, the team server's
 * database) are created readable by their owner only. A mode given to open or mkdir passes through the process's
 * umask, which a user or a service manager may have set to anything, so the mode is then set explicitly.
 */
export const PRIVATE_FILE_MODE = 0o600;
export const PRIVATE_DIR_MODE = 0o700;

/** Creates `dir` and any missing parents, each 0700; folders that already exist are left as their owner set them. */
export function ensurePrivateDir(dir: string): void {
  const target = path.resolve(dir);
  const first = fs.mkdirSync(target, { recursive: true, mode: PRIVATE_DIR_MODE });
  if (first === undefined) return;
  for (let created = target; ; created = path.dirname(created)) {
    fs.chmodSync(created, PRIVATE_DIR_MODE);
    if (created === path.resolve(first) || created === path.dirname(created)) break;
  }
}

/** Creates an empty file 0600 unless one is already there (SQLite opens an empty file as a new database). */
export function ensurePrivateFile(file: string): void {
  let fd: number;
  try {
    fd = fs.openSync(file, 'wx', PRIVATE_FILE_MODE);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return;
    throw error;
  }
  try {
    fs.fchmodSync(fd, PRIVATE_FILE_MODE);
  } finally {
    fs.closeSync(fd);
  }
}

/** Writes `content` to `file` (created 0600, or replaced in place with `flag: 'w'`); `'wx'` refuses an existing file. */
export function writePrivateFile(file: string, content: string | Uint8Array, flag: 'w' | 'wx' = 'w'): void {
  const fd = fs.openSync(file, flag, PRIVATE_FILE_MODE);
  try {
    fs.fchmodSync(fd, PRIVATE_FILE_MODE);
    fs.writeFileSync(fd, content);
  } finally {
    fs.closeSync(fd);
  }
}
