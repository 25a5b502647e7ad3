import fs from 'node:fs';
import path from 'node:path';

/**
 * Small settings files in userData (window state, recent workspaces). A missing or corrupt file reads as
 * undefined: losing a window position must never stop the app from starting.
 */
export function readJsonFile(file: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
  } catch {
    return undefined;
  }
}

/** Written to a temp file and renamed over the old one, so a crash mid-write leaves the previous version. */
export function writeJsonFile(file: string, value: unknown): void {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temp, JSON.stringify(value, null, 2));
    fs.renameSync(temp, file);
  } catch (error) {
    console.warn(`Could not save ${file}:`, error);
  }
}
