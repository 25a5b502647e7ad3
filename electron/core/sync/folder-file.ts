import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { JsonTooDeepError, parseBoundedJson } from '../bounded-json';
import { ChangeSchema, type Change } from '../changes/change';

/**
 * One file a device writes into the shared folder: gzip of NDJSON lines —
 *   {"format":"release-desk-sync","version":1,"workspace":…,"deviceId":…,"file":7,"base":6,"count":N}   header
 *   {…change…}                                                                             N lines
 *   {"end":true,"count":N,"sha256":"…"}                                                    footer
 * The checksum covers the header and change lines. `base` is the file number the reader must already have read for
 * this file to continue its run: file - 1 normally, 0 for a compacted file that carries the owner's whole history.
 * `workspace` is the workspace's root key id: a folder shared by two workspaces mixes nothing. The checksum only
 * catches accidents; what proves who wrote a change is its device's signed chain and its own signature. In an encrypted
 * folder this gzip file is what `folder-encryption.ts` encrypts.
 */
export const FOLDER_FORMAT = 'release-desk-sync';
export const FOLDER_FORMAT_VERSION = 1;
/** `.enc` when the file is encrypted with the folder's team key (folder-encryption.ts). */
export const FILE_NAME = /^(\d{8})\.ndjson\.gz(\.enc)?$/;
/** Gunzipped size a folder file may reach; a larger one is refused rather than read into memory. */
const MAX_FILE_BYTES = 256 * 1024 * 1024;

export interface FolderFile {
  workspace: string;
  deviceId: string;
  file: number;
  base: number;
  changes: Change[];
  /** Lines that were not changes at all, in words (only when reading). */
  rejected?: string[];
}

export const fileName = (file: number, encrypted = false) => `${String(file).padStart(8, '0')}.ndjson.gz${encrypted ? '.enc' : ''}`;

export function encodeFolderFile({ workspace, deviceId, file, base, changes }: FolderFile): Buffer {
  const header = JSON.stringify({ format: FOLDER_FORMAT, version: FOLDER_FORMAT_VERSION, workspace, deviceId, file, base, count: changes.length });
  const body = [header, ...changes.map((c) => JSON.stringify(c))].join('\n');
  const footer = JSON.stringify({ end: true, count: changes.length, sha256: sha256(body) });
  return gzipSync(`${body}\n${footer}\n`);
}

export class FolderFileError extends Error {}

/** Throws FolderFileError naming what is wrong: truncated, corrupt, checksum mismatch, not ours, too new. */
export function decodeFolderFile(bytes: Buffer, expect: { deviceId: string; file: number }): FolderFile {
  let text: string;
  try {
    text = gunzipSync(bytes, { maxOutputLength: MAX_FILE_BYTES }).toString('utf8');
  } catch (error) {
    throw new FolderFileError(`not a complete gzip file (${error instanceof Error ? error.message : String(error)}); it may still be copying`);
  }
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  if (lines.length < 2) throw new FolderFileError('has no header and footer; it may still be copying');
  const header = parseLine(lines[0], 'header') as Record<string, unknown>;
  const footer = parseLine(lines[lines.length - 1], 'footer') as Record<string, unknown>;
  if (header.format !== FOLDER_FORMAT) throw new FolderFileError('is not a Release Desk sync file');
  if (typeof header.version !== 'number' || header.version > FOLDER_FORMAT_VERSION) {
    throw new FolderFileError(`was written by a newer Release Desk (format ${String(header.version)}); update to read it`);
  }
  if (footer.end !== true) throw new FolderFileError('is truncated (no end line); it may still be copying');
  const changeLines = lines.slice(1, -1);
  if (footer.count !== changeLines.length || header.count !== changeLines.length) throw new FolderFileError('is truncated: fewer changes than announced');
  if (footer.sha256 !== sha256(lines.slice(0, -1).join('\n'))) throw new FolderFileError('is corrupt: its checksum does not match');
  if (header.deviceId !== expect.deviceId || header.file !== expect.file) {
    throw new FolderFileError(`claims to be file ${String(header.file)} of device ${String(header.deviceId)}: not where it belongs`);
  }
  const base = Number(header.base);
  if (!Number.isInteger(base) || base < 0 || base >= expect.file) throw new FolderFileError('has an impossible base file number');
  if (typeof header.workspace !== 'string' || header.workspace === '') throw new FolderFileError('does not say which workspace it belongs to');
  // One line that is not a change at all is left out with its reason; it never stops the rest of the file.
  const changes: Change[] = [];
  const rejected: string[] = [];
  changeLines.forEach((line, i) => {
    let raw: unknown;
    try {
      raw = parseBoundedJson(line);
    } catch (error) {
      rejected.push(`line ${i + 2} ${error instanceof JsonTooDeepError ? 'nests too deep to be read' : 'is not JSON'}`);
      return;
    }
    const parsed = ChangeSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      rejected.push(`line ${i + 2} is not a change (${issue?.path.join('.') || 'change'} ${issue?.message ?? 'is invalid'})`);
      return;
    }
    // The team server's member stamp means nothing in a folder: nobody vouches for it here.
    changes.push({ ...parsed.data, member: null } as Change);
  });
  return { workspace: header.workspace, deviceId: expect.deviceId, file: expect.file, base, changes, rejected };
}

function parseLine(line: string, what: string): unknown {
  try {
    return parseBoundedJson(line);
  } catch (error) {
    throw new FolderFileError(error instanceof JsonTooDeepError ? `its ${what} nests too deep to be read` : `is corrupt: its ${what} is not JSON`);
  }
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
