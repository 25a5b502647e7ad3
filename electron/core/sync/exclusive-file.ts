import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { writePrivateFile } from '../private-files';

/**
 * Writes a new file in a shared folder under a name nobody has used: first under a temporary dot-name in the same
 * folder, then linked to its final name, which fails if that name exists. So readers never see a half-written file,
 * and a device never overwrites a file it did not write (a copy of this workspace elsewhere, another device, anyone
 * else with access may have written it). Returns false when the name was taken.
 */
export function writeNewFile(target: string, content: string | Uint8Array): boolean {
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  writePrivateFile(temp, content, 'wx');
  try {
    linkExclusively(temp, target);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

/** A hard link fails if the name exists; some network and cloud drives have no hard links, and there a check must do. */
function linkExclusively(temp: string, target: string): void {
  try {
    fs.linkSync(temp, target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EXDEV') throw error;
    if (fs.existsSync(target)) throw Object.assign(new Error(`${target} exists`), { code: 'EEXIST' });
    fs.renameSync(temp, target);
  }
}
