import type { ChangeLogRow as LoggedRow } from '../store/entity-reader';
import { z } from 'zod';

/**
 * A change as it travels between devices (folder files, team server): the change-log entry with its causality
 * (`prevHlc`) and the value it replaced where it was made (`oldValue`), so that the log, and so a workspace export,
 * reads the same on every device. The local sequence number stays home.
 */
export interface SyncChange {
  hlc: string;
  deviceId: string;
  author: string;
  entity: string;
  rowId: string;
  field: string;
  value: unknown;
  oldValue: unknown;
  prevHlc: string | null;
}

const HLC_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z-[0-9a-f]{4}-[A-Za-z0-9_-]{1,64}$/;
const Hlc = z.string().regex(HLC_PATTERN, 'is not a hybrid-logical-clock stamp');

/** What arrives is checked before anything reads it: a folder or a server is not trusted to be well-formed. */
export const SyncChangeSchema = z
  .object({
    hlc: Hlc,
    deviceId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
    author: z.string().max(300),
    entity: z.string().min(1).max(100),
    rowId: z.string().min(1).max(300),
    field: z.string().min(1).max(100),
    value: z.unknown(),
    oldValue: z.unknown(),
    prevHlc: Hlc.nullable(),
  })
  .strict();

export const SyncChangeList = z.array(SyncChangeSchema);

/** A change_log row with its causality column. */
export interface ChangeLogRow extends LoggedRow {
  prev_hlc: string | null;
}

export function rowToSyncChange(row: ChangeLogRow): SyncChange {
  return {
    hlc: row.hlc,
    deviceId: row.device_id,
    author: row.author,
    entity: row.entity,
    rowId: row.row_id,
    field: row.field,
    value: row.value === null ? null : JSON.parse(row.value),
    oldValue: row.old_value === null ? null : JSON.parse(row.old_value),
    prevHlc: row.prev_hlc,
  };
}

/** A change's identity everywhere: the change log's unique key. */
export const changeKey = (c: Pick<SyncChange, 'entity' | 'rowId' | 'field' | 'hlc'>) => `${c.entity}\u0000${c.rowId}\u0000${c.field}\u0000${c.hlc}`;

/** Clock order, ties broken by entity, row and field: the order every device merges a delivery in. */
export function compareChanges(a: SyncChange, b: SyncChange): number {
  return cmp(a.hlc, b.hlc) || cmp(a.entity, b.entity) || cmp(a.rowId, b.rowId) || cmp(a.field, b.field);
}

const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
