import type { Change } from '../change';
import { writeKey } from '../change-key';
import type { EntityName } from '../../store/entity-tables';
import { SIGNATURE_FIELD } from '../../trust/write-signature';

/** The changes of one record written together: one entity, row and stamp, so one device and one author. */
export interface Write {
  key: string;
  entity: EntityName;
  rowId: string;
  hlc: string;
  deviceId: string;
  author: string;
  /** The write's first place in its device's chain (a revocation cuts by it). */
  chainSeq: number;
  changes: Change[];
  /** Field → value, without the signature. */
  fields: Record<string, unknown>;
  signature: unknown;
}

/** Groups changes (already checked one by one, so their entities are known) into writes, in first-seen order. */
export function groupWrites(changes: readonly Change[]): Write[] {
  const writes = new Map<string, Write>();
  for (const c of changes) {
    const key = writeKey(c);
    let w = writes.get(key);
    if (!w) {
      w = { key, entity: c.entity as EntityName, rowId: c.rowId, hlc: c.hlc, deviceId: c.deviceId, author: c.author, chainSeq: c.chainSeq, changes: [], fields: {}, signature: undefined };
      writes.set(key, w);
    }
    w.changes.push(c);
    w.chainSeq = Math.min(w.chainSeq, c.chainSeq);
    if (c.field === SIGNATURE_FIELD) w.signature = c.value;
    else w.fields[c.field] = c.value;
  }
  return [...writes.values()];
}
