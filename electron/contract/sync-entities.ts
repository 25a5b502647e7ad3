import { z } from 'zod';
import { LiveStatus } from './live-feed';

/** Sync (issue 6, docs/sync.md): where this device syncs to, what the last sync did, the conflicts found. */
export const SYNC_MODES = ['off', 'folder', 'server'] as const;
export const SyncMode = z.enum(SYNC_MODES);
export type SyncMode = z.infer<typeof SyncMode>;

/** Where an encrypted shared folder's team key comes from (docs/sync.md, "Encryption"). */
export const FolderKeyKind = z.enum(['passphrase', 'key-file']);
export type FolderKeyKind = z.infer<typeof FolderKeyKind>;

/** The team key this device holds for its shared folder; the key itself never leaves the core. */
export const FolderKeyInfo = z.object({
  kind: FolderKeyKind,
  /** The key file it was read from, for people to recognise; the key is saved, not the path's content. */
  keyFile: z.string().nullable(),
  /** The device that set up the folder's encryption, in words, and when. */
  setUpBy: z.string(),
  setUpAt: z.string(),
  /** Where the saved key is kept, in words ("protected by …", or "in this workspace file …"). */
  protection: z.string(),
});
export type FolderKeyInfo = z.infer<typeof FolderKeyInfo>;

export const SyncSettings = z.object({
  mode: SyncMode,
  folder: z.string().nullable(),
  serverUrl: z.string().nullable(),
  /** The token itself never leaves the core once saved. */
  tokenSet: z.boolean(),
  /** Why the saved token is at risk (no OS keychain here) or unusable in this process, in words; null when neither. */
  tokenWarning: z.string().nullable(),
  intervalSeconds: z.number().int(),
  folderKey: FolderKeyInfo.nullable(),
});
export type SyncSettings = z.infer<typeof SyncSettings>;

const ServerUrl = z
  .string()
  .trim()
  .max(2000)
  .regex(/^https?:\/\/[^\s/]+(\/\S*)?$/, 'Server URL must start with http:// or https:// and name a host, e.g. https://sync.example.com');

/** Not trimmed: a passphrase is exactly what was typed. Only a new team key is set up here, so every one is this long. */
const TeamPassphrase = z.string().min(12, 'A team passphrase needs at least 12 characters; four or five random words are best.').max(1024);
const KeyFilePath = z.string().trim().min(1, 'Key file is required').max(4000);

/**
 * The team key of an encrypted shared folder: a passphrase or the path of a key file (at least 32 random bytes).
 * For a folder not yet encrypted it sets encryption up; `republish` confirms that for a folder that already holds
 * unencrypted files (this device re-publishes its history encrypted and removes its own unencrypted files).
 */
const FolderKeyFields = {
  passphrase: TeamPassphrase.optional(),
  keyFile: KeyFilePath.optional(),
  republish: z.boolean().optional(),
};
const oneKeySource = (value: { passphrase?: string; keyFile?: string }, ctx: z.RefinementCtx) => {
  if (value.passphrase !== undefined && value.keyFile !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['keyFile'], message: 'Give a passphrase or a key file, not both.' });
  }
};

export const SyncConfigureInput = z
  .object({
    mode: SyncMode,
    folder: z.string().trim().max(4000).optional(),
    serverUrl: ServerUrl.optional(),
    /** Leave out to keep the saved token. */
    token: z.string().trim().min(1, 'Token is required').max(500).optional(),
    intervalSeconds: z.number().int().min(10, 'Sync at most every 10 seconds').max(86_400).optional(),
    /** Leave both out to keep the saved team key (for the same folder). */
    ...FolderKeyFields,
  })
  .strict()
  .superRefine(oneKeySource);

export const SyncTarget = z.union([
  z
    .object({ folder: z.string().trim().min(1).max(4000), ...FolderKeyFields })
    .strict()
    .superRefine(oneKeySource),
  z.object({ serverUrl: ServerUrl, token: z.string().trim().min(1, 'Token is required').max(500) }).strict(),
]);
export type SyncTarget = z.infer<typeof SyncTarget>;

/** What a shared folder holds, looked at before choosing it: whether it is encrypted, and whose files are not. */
export const FolderInspection = z.object({
  folder: z.string(),
  /** Why this folder cannot be used as it is, in words; null when it can. */
  problem: z.string().nullable(),
  encryption: z.object({ kind: FolderKeyKind, setUpBy: z.string(), setUpAt: z.string() }).nullable(),
  /** This device holds the folder's team key. */
  keyHeld: z.boolean(),
  /** Devices with unencrypted files in the folder (readable by anyone who can read the folder). */
  unencrypted: z.array(z.object({ deviceId: z.string(), name: z.string(), files: z.number().int(), thisDevice: z.boolean() })),
});
export type FolderInspection = z.infer<typeof FolderInspection>;

export const SyncProgress = z.object({ phase: z.enum(['sending', 'receiving']), done: z.number().int(), total: z.number().int() });

export const SyncReport = z.object({
  sent: z.number().int(),
  received: z.number().int(),
  applied: z.number().int(),
  /** Received, but older than a change of the same field already here: kept in the log, not shown. */
  superseded: z.number().int(),
  duplicates: z.number().int(),
  held: z.number().int(),
  openConflicts: z.number().int(),
  warnings: z.array(z.string()),
  finishedAt: z.string(),
});
export type SyncReport = z.infer<typeof SyncReport>;

/** Why a change is held back (docs/sync.md, "Held changes"). */
export const HELD_KINDS = ['invalid', 'unknown', 'forged', 'refused', 'unverified', 'future', 'server'] as const;
export const HeldKind = z.enum(HELD_KINDS);
export type HeldKind = z.infer<typeof HeldKind>;
export const HeldChange = z.object({
  kind: HeldKind,
  entity: z.string(),
  rowId: z.string(),
  field: z.string(),
  hlc: z.string(),
  deviceId: z.string(),
  reason: z.string(),
  heldAt: z.string(),
});
export type HeldChange = z.infer<typeof HeldChange>;

export const SyncStatus = z.object({
  settings: SyncSettings,
  running: z.boolean(),
  progress: SyncProgress.nullable(),
  lastSyncedAt: z.string().nullable(),
  /** The last failure in words, cleared by the next sync that works. */
  lastError: z.string().nullable(),
  warnings: z.array(z.string()),
  /** Local changes not yet sent to the current folder or server. */
  waiting: z.number().int(),
  openConflicts: z.number().int(),
  held: z.array(HeldChange),
  peers: z.array(z.object({ peer: z.string(), lastSeenAt: z.string() })),
  /** Whether this device follows the others live now (live-feed.ts). */
  live: LiveStatus,
});
export type SyncStatus = z.infer<typeof SyncStatus>;

export const ConflictSide = z.object({
  value: z.unknown(),
  /** The value as a person reads it. */
  display: z.string(),
  hlc: z.string(),
  at: z.string(),
  author: z.string(),
  authorName: z.string(),
  deviceId: z.string(),
});
export type ConflictSide = z.infer<typeof ConflictSide>;

export const SyncConflict = z.object({
  id: z.string(),
  entity: z.string(),
  entityLabel: z.string(),
  rowId: z.string(),
  recordLabel: z.string(),
  field: z.string(),
  fieldLabel: z.string(),
  /** The value in effect (the newest change, by hybrid logical clock). */
  current: ConflictSide,
  /** The value that lost, made without seeing the current one. */
  other: ConflictSide,
  foundAt: z.string(),
  resolution: z.enum(['restored', 'kept']).nullable(),
});
export type SyncConflict = z.infer<typeof SyncConflict>;

export const ConflictId = z.string().min(1).max(1000);
