import type Database from 'better-sqlite3';
import type { ChangeIdentity } from '../changes/change-key';

/** A conflict this device's index found, or one somebody answered (the answer syncs as a `conflictResolution`). */
export interface ConflictRecord {
  entity: string;
  rowId: string;
  field: string;
  /** The stamp of the value that lost. */
  hlc: string;
  foundAt: string;
  resolution: 'restored' | 'kept' | null;
}

const COLUMNS = 'c.entity, c.row_id AS rowId, c.field, c.hlc, c.found_at AS foundAt';
const ANSWERS = `conflict_resolutions r
  WHERE r.conflict_entity = c.entity AND r.conflict_row_id = c.row_id AND r.conflict_field = c.field AND r.conflict_hlc = c.hlc`;
/** Open: found by this device's conflict index, answered by nobody on any device. */
const OPEN = `NOT EXISTS (SELECT 1 FROM ${ANSWERS})`;

/** Reads of the conflict index and of the answers; the index itself is kept by conflict-index.ts. */
export class ConflictRecords {
  constructor(private readonly db: Database.Database) {}

  openCount(): number {
    return this.db.prepare(`SELECT count(*) FROM sync_conflicts c WHERE ${OPEN}`).pluck().get() as number;
  }

  open(limit: number): ConflictRecord[] {
    return this.db.prepare(`SELECT ${COLUMNS}, NULL AS resolution FROM sync_conflicts c WHERE ${OPEN} ORDER BY c.hlc DESC LIMIT ?`).all(limit) as ConflictRecord[];
  }

  /** Every conflict the index found, answered or not: what two devices that saw the same changes must agree on. */
  found(): ChangeIdentity[] {
    return this.db.prepare('SELECT entity, row_id AS rowId, field, hlc FROM sync_conflicts ORDER BY entity, row_id, field, hlc').all() as ChangeIdentity[];
  }

  /** The newest answers; `foundAt` is when this device found the conflict, or when it was answered if it never did. */
  answered(limit: number): ConflictRecord[] {
    return this.db
      .prepare(
        `SELECT r.conflict_entity AS entity, r.conflict_row_id AS rowId, r.conflict_field AS field, r.conflict_hlc AS hlc, r.resolution,
           coalesce((SELECT found_at FROM sync_conflicts c WHERE c.entity = r.conflict_entity AND c.row_id = r.conflict_row_id
             AND c.field = r.conflict_field AND c.hlc = r.conflict_hlc), r.created_at) AS foundAt
         FROM conflict_resolutions r WHERE deleted = 0 ORDER BY created_at DESC, id DESC LIMIT ?`,
      )
      .all(limit) as ConflictRecord[];
  }

  /** One conflict of the index, with the newest answer anyone gave it. */
  find(key: ChangeIdentity): ConflictRecord | undefined {
    return this.db
      .prepare(`SELECT ${COLUMNS}, (SELECT r.resolution FROM ${ANSWERS} ORDER BY r.created_at DESC, r.id DESC LIMIT 1) AS resolution
        FROM sync_conflicts c WHERE c.entity = ? AND c.row_id = ? AND c.field = ? AND c.hlc = ?`)
      .get(key.entity, key.rowId, key.field, key.hlc) as ConflictRecord | undefined;
  }
}
