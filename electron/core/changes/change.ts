import { z } from 'zod';

/**
 * One change: the unit the change log keeps, the audit reads, sync ships between devices and the team server
 * relays. The same type serves the local log, the folder files, the server's store and backups.
 */
export interface Change {
  /** Hybrid-logical-clock stamp; it ends with the id of the device that made the change. */
  hlc: string;
  deviceId: string;
  /** Person id of whoever made the change, or `device:<name>` when no person is chosen on that device. */
  author: string;
  entity: string;
  rowId: string;
  /** An API field name of the entity, `_deleted` for a tombstone, `_sig` for a write's signature. */
  field: string;
  value: unknown;
  /** The value it replaced where it was made (audit), so the log reads the same on every device. */
  oldValue: unknown;
  /** The stamp of this field's newest change the writing device knew when it made this one; null for a first write. */
  prevHlc: string | null;
  /** This change's place in its device's hash chain (1, 2, 3 …) and the link hash (docs/sync.md, "Signed records"). */
  chainSeq: number;
  link: string;
  /** The team-server member that pushed it, as the server stamped it; null when it came another way. */
  member?: string | null;
}

/** A change as this device keeps it: with its local sequence number (the order it arrived here). */
export interface LoggedChange extends Change {
  seq: number;
}

export const DEVICE_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
const HLC_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z-[0-9a-f]{4}-[A-Za-z0-9_-]{1,64}$/;
export const HlcSchema = z.string().regex(HLC_PATTERN, 'is not a hybrid-logical-clock stamp');

/**
 * The shape of a change from outside this process (a folder file, the server, a backup). What the value may be is
 * the entity's business (changes/rules/check-change.ts); this only says it is a change at all.
 */
export const ChangeSchema = z
  .object({
    hlc: HlcSchema,
    deviceId: z.string().regex(DEVICE_ID_PATTERN, 'is not a device id'),
    author: z.string().min(1).max(300),
    entity: z.string().min(1).max(100),
    rowId: z.string().min(1).max(300),
    field: z.string().min(1).max(100),
    value: z.unknown(),
    oldValue: z.unknown(),
    prevHlc: HlcSchema.nullable(),
    chainSeq: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
    link: z.string().regex(/^[0-9a-f]{64}$/, 'is not a SHA-256 link'),
    member: z.string().max(200).nullable().optional(),
  })
  .strict();

/** Clock order, ties broken by entity, row and field: the order every device merges and lists changes in. */
export function compareChanges(a: Change, b: Change): number {
  return cmp(a.hlc, b.hlc) || cmp(a.entity, b.entity) || cmp(a.rowId, b.rowId) || cmp(a.field, b.field);
}

const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

/** The wall-clock instant encoded in a stamp. */
export function hlcInstant(hlc: string): string {
  return hlc.slice(0, 24);
}

/** The device a stamp names (the part after the instant and the counter). */
export function hlcDevice(hlc: string): string {
  return hlc.slice(30);
}
