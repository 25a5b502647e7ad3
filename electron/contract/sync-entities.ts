import { z } from 'zod';

/** Sync (issue 6, docs/sync.md): where this device syncs to, what the last sync did, the conflicts found. */
export const SYNC_MODES = ['off', 'folder', 'server'] as const;
export const SyncMode = z.enum(SYNC_MODES);
export type SyncMode = z.infer<typeof SyncMode>;

export const SyncSettings = z.object({
  mode: SyncMode,
  folder: z.string().nullable(),
  serverUrl: z.string().nullable(),
  /** The token itself never leaves the core once saved. */
  tokenSet: z.boolean(),
  /** Why the saved token is at risk (no OS keychain here) or unusable in this process, in words; null when neither. */
  tokenWarning: z.string().nullable(),
  intervalSeconds: z.number().int(),
});
export type SyncSettings = z.infer<typeof SyncSettings>;

const ServerUrl = z
  .string()
  .trim()
  .max(2000)
  .regex(/^https?:\/\/[^\s/]+(\/\S*)?$/, 'Server URL must start with http:// or https:// and name a host, e.g. https://sync.example.com');

export const SyncConfigureInput = z
  .object({
    mode: SyncMode,
    folder: z.string().trim().max(4000).optional(),
    serverUrl: ServerUrl.optional(),
    /** Leave out to keep the saved token. */
    token: z.string().trim().min(1, 'Token is required').max(500).optional(),
    intervalSeconds: z.number().int().min(10, 'Sync at most every 10 seconds').max(86_400).optional(),
  })
  .strict();

export const SyncTarget = z.union([
  z.object({ folder: z.string().trim().min(1).max(4000) }).strict(),
  z.object({ serverUrl: ServerUrl, token: z.string().trim().min(1, 'Token is required').max(500) }).strict(),
]);

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
