import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { JsonTooDeepError, parseBoundedJson } from '../bounded-json';
import { domainBytes } from '../trust/canonical';
import { FolderFileError } from './folder-file';
import type { FolderKey } from './folder-key';

/**
 * An encrypted folder file: one line of cleartext JSON —
 *   {"format":"release-desk-sync-encrypted","version":1,"workspace":…,"key":…,"nonce":…,"length":N}
 * then the AES-256-GCM ciphertext of the gzip file `folder-file.ts` makes (N bytes) and its 16-byte tag.
 *
 * One GCM message per file, not chunks: a reader holds a whole file in memory anyway (it merges a file only once all
 * of it is there, checksum and all), a file is far below GCM's 64 GiB per message, and nothing is released before
 * the tag is checked. Each file gets a fresh random 96-bit nonce: a team writes thousands of files per key, far below
 * the 2^32 random nonces NIST allows one key. The additional authenticated data binds the cleartext line and where
 * the file sits (its device folder and file number), so a file renamed to another number or moved to another
 * device's folder does not decrypt; the workspace inside the gzip must be the one named outside.
 */
const FORMAT = 'release-desk-sync-encrypted';
const VERSION = 1;
const TAG_BYTES = 16;
const MAX_CIPHERTEXT_BYTES = 512 * 1024 * 1024;
const MARK = Buffer.from(`{"format":"${FORMAT}"`);

const SealedHead = z
  .object({
    format: z.literal(FORMAT),
    version: z.literal(VERSION),
    workspace: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
    key: z.string().regex(/^[0-9a-f]{16}$/),
    nonce: z.string().regex(/^[A-Za-z0-9+/]{16}$/),
    length: z.number().int().min(0).max(MAX_CIPHERTEXT_BYTES),
  })
  .strict();
type SealedHead = z.infer<typeof SealedHead>;

/** Where a file sits in the folder: what the file must say it is. */
export interface FolderFileIdentity {
  deviceId: string;
  file: number;
}

export function sealFolderFile(gzip: Buffer, key: FolderKey, workspace: string, at: FolderFileIdentity): Buffer {
  const nonce = randomBytes(12);
  const head: SealedHead = { format: FORMAT, version: VERSION, workspace, key: key.keyId, nonce: nonce.toString('base64'), length: gzip.length };
  const cipher = createCipheriv('aes-256-gcm', key.fileKey, nonce, { authTagLength: TAG_BYTES });
  cipher.setAAD(additionalData(head, at));
  const body = Buffer.concat([cipher.update(gzip), cipher.final()]);
  return Buffer.concat([Buffer.from(`${JSON.stringify(head)}\n`), body, cipher.getAuthTag()]);
}

/** Whether the bytes are an encrypted folder file at all (an unencrypted one is gzip). */
export function isSealed(bytes: Buffer): boolean {
  return bytes.subarray(0, MARK.length).equals(MARK);
}

/** The gzip inside and the workspace the file names; FolderFileError in words when it does not decrypt. */
export function openFolderFile(bytes: Buffer, key: FolderKey, at: FolderFileIdentity): { workspace: string; gzip: Buffer } {
  if (!isSealed(bytes)) {
    throw new FolderFileError(bytes[0] === 0x1f && bytes[1] === 0x8b ? 'is not encrypted, though its name says so; it merges nothing' : 'is not an encrypted Release Desk sync file');
  }
  const end = bytes.indexOf(0x0a);
  if (end < 0 || end > 1024) throw new FolderFileError('is truncated before its first line ends; it may still be copying');
  const head = parseHead(bytes.subarray(0, end).toString('utf8'));
  if (head.key !== key.keyId) {
    throw new FolderFileError(`was written with another team key (key ${head.key}; this folder's is ${key.keyId}): it merges nothing`);
  }
  const sealed = bytes.subarray(end + 1);
  if (sealed.length < head.length + TAG_BYTES) throw new FolderFileError('is truncated: shorter than its first line announces; it may still be copying');
  if (sealed.length > head.length + TAG_BYTES) throw new FolderFileError('is damaged: longer than its first line announces; it merges nothing');
  const decipher = createDecipheriv('aes-256-gcm', key.fileKey, Buffer.from(head.nonce, 'base64'), { authTagLength: TAG_BYTES });
  decipher.setAAD(additionalData(head, at));
  decipher.setAuthTag(sealed.subarray(head.length));
  try {
    const gzip = Buffer.concat([decipher.update(sealed.subarray(0, head.length)), decipher.final()]);
    return { workspace: head.workspace, gzip };
  } catch {
    throw new FolderFileError(
      "does not decrypt with this folder's team key: it was altered, damaged, or renamed or moved from another file; it merges nothing",
    );
  }
}

function parseHead(line: string): SealedHead {
  let raw: unknown;
  try {
    raw = parseBoundedJson(line);
  } catch (error) {
    throw new FolderFileError(error instanceof JsonTooDeepError ? 'has a first line that nests too deep to be read' : 'is damaged: its first line is not JSON');
  }
  const version = (raw as { version?: unknown } | null)?.version;
  if (typeof version === 'number' && version > VERSION) throw new FolderFileError(`was written by a newer Release Desk (encryption format ${version}); update to read it`);
  const parsed = SealedHead.safeParse(raw);
  if (!parsed.success) throw new FolderFileError('is damaged: its first line is not an encrypted file header');
  return parsed.data;
}

function additionalData(head: SealedHead, at: FolderFileIdentity): Buffer {
  return domainBytes('folder-file', { head, deviceId: at.deviceId, file: at.file });
}
