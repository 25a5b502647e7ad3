import fs from 'node:fs';
import path from 'node:path';
import { createHmac, hkdfSync, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { JsonTooDeepError, parseBoundedJson } from '../bounded-json';
import { domainBytes } from '../trust/canonical';
import { FolderFileError } from './folder-file';

/**
 * The team key of an encrypted shared folder (docs/sync.md, "Encryption"). The folder's root holds a small header
 * file naming how the key is derived — scrypt of a passphrase, or HKDF of a key file of at least 32 random bytes —
 * with its salt and a key check: an HMAC by the derived key over the header, so a wrong passphrase or key file is told
 * apart from a damaged sync file, and a header whose parameters were altered unlocks nothing. The header is public
 * (whoever reads the folder reads it); the passphrase, the key file and the key never enter the folder.
 */
export const FOLDER_KEY_FILE = 'release-desk-encryption.json';
const FORMAT = 'release-desk-folder-key';
const VERSION = 1;
/** scrypt's cost: 128 MiB and about half a second per derivation, the OWASP recommendation for scrypt. */
const DEFAULT_SCRYPT_N = 2 ** 17;
/**
 * What a header may ask for. The floor keeps a guess costly; the ceiling keeps a hostile header from asking a device
 * for gigabytes of memory. (A header someone rewrote with weak parameters gains them nothing: its key check no longer
 * matches any key, so it unlocks nothing.)
 */
const SCRYPT_MEMORY_LIMIT = 256 * 1024 * 1024;
const MIN_SCRYPT_N = 2 ** 15;
const MIN_KEY_FILE_BYTES = 32;
const MAX_KEY_FILE_BYTES = 64 * 1024;
const MAX_HEADER_BYTES = 16 * 1024;

const Salt = z
  .string()
  .max(200)
  .refine((s) => /^[A-Za-z0-9+/]+={0,2}$/.test(s) && Buffer.from(s, 'base64').length >= 16, 'is not a salt of at least 16 bytes');
const ScryptKdf = z
  .object({ name: z.literal('scrypt'), N: z.number().int(), r: z.number().int().min(8).max(32), p: z.number().int().min(1).max(4), salt: Salt })
  .strict()
  .refine((k) => k.N >= MIN_SCRYPT_N && (k.N & (k.N - 1)) === 0 && 128 * k.N * k.r <= SCRYPT_MEMORY_LIMIT, 'asks for scrypt parameters outside the accepted range');
const KeyFileKdf = z.object({ name: z.literal('hkdf-sha256'), salt: Salt }).strict();

export const FolderKeyHeaderSchema = z
  .object({
    format: z.literal(FORMAT),
    version: z.literal(VERSION),
    cipher: z.literal('aes-256-gcm'),
    kdf: z.union([ScryptKdf, KeyFileKdf]),
    setUpBy: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
    setUpAt: z.string().max(40),
    check: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .strict();
export type FolderKeyHeader = z.infer<typeof FolderKeyHeaderSchema>;

/** Where the team key comes from, as a person gives it: a passphrase, or the path of a key file. */
export type FolderSecret = { passphrase: string } | { keyFile: string };
export type FolderKeyKind = 'passphrase' | 'key-file';

/** An unlocked team key: what encrypts and decrypts this folder's files. */
export interface FolderKey {
  header: FolderKeyHeader;
  /** The derived key a device saves (protected), so it need not ask for the passphrase again. */
  teamKey: Buffer;
  /** The AES-256-GCM key of the folder's files. */
  fileKey: Buffer;
  /** Names the key in each file, so a file written with another key is told apart from a damaged one. */
  keyId: string;
}

/** A problem with the folder's key or header: the sync neither reads nor writes, and says why. */
export class FolderKeyError extends FolderFileError {}

export const kindOf = (header: FolderKeyHeader): FolderKeyKind => (header.kdf.name === 'scrypt' ? 'passphrase' : 'key-file');

/** The folder's header, null when the folder is not encrypted; throws FolderKeyError when it cannot be trusted. */
export function readFolderKeyHeader(root: string): FolderKeyHeader | null {
  const file = path.join(root, FOLDER_KEY_FILE);
  let bytes: Buffer;
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile() || stat.size > MAX_HEADER_BYTES) throw new FolderKeyError(damaged(`is not a header file (${stat.size} bytes)`));
    bytes = fs.readFileSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    if (error instanceof FolderKeyError) throw error;
    throw new FolderKeyError(damaged(`cannot be read (${error instanceof Error ? error.message : String(error)})`));
  }
  let raw: unknown;
  try {
    raw = parseBoundedJson(bytes.toString('utf8'));
  } catch (error) {
    throw new FolderKeyError(damaged(error instanceof JsonTooDeepError ? 'nests too deep to be read' : 'is not JSON'));
  }
  const version = (raw as { version?: unknown } | null)?.version;
  if (typeof version === 'number' && version > VERSION) {
    throw new FolderKeyError(`The shared folder was encrypted by a newer Release Desk (key format ${version}): update Release Desk to sync with it.`);
  }
  const parsed = FolderKeyHeaderSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new FolderKeyError(damaged(`is not a Release Desk key header (${issue?.path.join('.') || 'header'} ${issue?.message ?? 'is invalid'})`));
  }
  return parsed.data;
}

function damaged(what: string): string {
  return `The shared folder's encryption header ${FOLDER_KEY_FILE} ${what}. This device reads and writes nothing there until it is mended: a device that holds the team key puts it back when it syncs, or restore it from a backup.`;
}

/** Derives the key from a secret and the header's parameters; FolderKeyError in words when it does not unlock. */
export async function unlockFolderKey(header: FolderKeyHeader, secret: FolderSecret, root: string): Promise<FolderKey> {
  const teamKey = await deriveTeamKey(header, secret, root);
  const key = folderKeyOf(header, teamKey);
  if (!key) {
    throw new FolderKeyError(
      'passphrase' in secret
        ? "This passphrase does not unlock the shared folder's team key (its key check does not match): check it with whoever set up the folder. Nothing was read or written."
        : `The key file ${secret.keyFile} does not unlock the shared folder's team key (its key check does not match): it is another team's or another folder's key. Nothing was read or written.`,
    );
  }
  return key;
}

/** A saved team key, checked against the header it was saved with; null when they do not belong together. */
export function folderKeyOf(header: FolderKeyHeader, teamKey: Buffer): FolderKey | null {
  const expected = Buffer.from(checkOf(header, teamKey), 'hex');
  const found = Buffer.from(header.check, 'hex');
  if (expected.length !== found.length || !timingSafeEqual(expected, found)) return null;
  return { header, teamKey, fileKey: subkey(teamKey, 'folder-file'), keyId: header.check.slice(0, 16) };
}

/** A new team key and its header for a folder that has none yet (the caller writes the header). */
export async function createFolderKey(secret: FolderSecret, root: string, setUpBy: string, now: Date, options: { scryptN?: number } = {}): Promise<FolderKey> {
  const salt = randomBytes(32).toString('base64');
  const kdf: FolderKeyHeader['kdf'] = 'passphrase' in secret ? { name: 'scrypt', N: options.scryptN ?? DEFAULT_SCRYPT_N, r: 8, p: 1, salt } : { name: 'hkdf-sha256', salt };
  const unchecked = { format: FORMAT, version: VERSION, cipher: 'aes-256-gcm', kdf, setUpBy, setUpAt: now.toISOString(), check: '0'.repeat(64) } as const;
  const teamKey = await deriveTeamKey(unchecked, secret, root);
  const header = FolderKeyHeaderSchema.parse({ ...unchecked, check: checkOf(unchecked, teamKey) });
  return folderKeyOf(header, teamKey)!;
}

async function deriveTeamKey(header: FolderKeyHeader, secret: FolderSecret, root: string): Promise<Buffer> {
  const salt = Buffer.from(header.kdf.salt, 'base64');
  if (header.kdf.name === 'scrypt') {
    if (!('passphrase' in secret)) throw new FolderKeyError("The shared folder's team key comes from a passphrase, not a key file: enter the team passphrase.");
    const { N, r, p } = header.kdf;
    return scryptAsync(secret.passphrase.normalize('NFC'), salt, { N, r, p, maxmem: 2 * SCRYPT_MEMORY_LIMIT });
  }
  if (!('keyFile' in secret)) throw new FolderKeyError("The shared folder's team key comes from a key file, not a passphrase: choose the team's key file.");
  return Buffer.from(hkdfSync('sha256', readTeamKeyFile(secret.keyFile, root), salt, 'release-desk/folder-key/v1', 32));
}

/** Runs in libuv's thread pool: half a second of scrypt never freezes the app or the web shell. */
function scryptAsync(passphrase: string, salt: Buffer, options: { N: number; r: number; p: number; maxmem: number }): Promise<Buffer> {
  return new Promise((resolve, reject) => scrypt(passphrase, salt, 32, options, (error, key) => (error ? reject(error) : resolve(key))));
}

/** The key file's bytes, as they are: a key file is binary (`head -c 32 /dev/urandom > team.key`). */
export function readTeamKeyFile(file: string, root: string): Buffer {
  if (!path.isAbsolute(file)) throw new FolderKeyError(`The key file must be a full path, e.g. /Users/ana/team.key (got ${file}).`);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new FolderKeyError(`There is no key file at ${file}.`);
  }
  if (!stat.isFile()) throw new FolderKeyError(`${file} is not a file: a team key file holds at least ${MIN_KEY_FILE_BYTES} random bytes.`);
  if (isInside(file, root)) {
    throw new FolderKeyError(`The key file ${file} is inside the shared folder: anyone who can read the folder could read the key. Keep it elsewhere on each device.`);
  }
  if (stat.size < MIN_KEY_FILE_BYTES || stat.size > MAX_KEY_FILE_BYTES) {
    throw new FolderKeyError(
      `The key file ${file} holds ${stat.size} bytes; a team key file holds ${MIN_KEY_FILE_BYTES} to ${MAX_KEY_FILE_BYTES} random bytes (make one with: head -c 32 /dev/urandom > team.key).`,
    );
  }
  return fs.readFileSync(file);
}

function isInside(file: string, root: string): boolean {
  const real = (p: string) => {
    try {
      return fs.realpathSync(p);
    } catch {
      return path.resolve(p);
    }
  };
  const relative = path.relative(real(root), real(file));
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

function checkOf(header: FolderKeyHeader, teamKey: Buffer): string {
  const { check: _check, ...checked } = header;
  return createHmac('sha256', subkey(teamKey, 'folder-key-check')).update(domainBytes('folder-key-check', checked)).digest('hex');
}

/** One key per purpose, so the key check can never help anyone with the files' key. */
function subkey(teamKey: Buffer, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', teamKey, Buffer.alloc(0), `release-desk/${purpose}/v1`, 32));
}
