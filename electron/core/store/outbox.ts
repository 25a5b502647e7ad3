import type Database from 'better-sqlite3';
import type { Change } from '../changes/change';
import { rowToChange, withoutSeq, type ChangeRow } from '../changes/change-row';

export interface OutboxBatch {
  changes: Change[];
  /** The local sequence number of the last change in the batch: the published cursor once it is delivered. */
  lastSeq: number;
}

/**
 * Local change-log entries after `afterSeq`, in local order, at most `limit`. A batch never splits the fields
 * of one write (they share a stamp): the rules check a signed record as a whole.
 */
export function readOutbox(db: Database.Database, afterSeq: number, limit: number): OutboxBatch {
  const rows = db.prepare('SELECT * FROM change_log WHERE seq > ? ORDER BY seq LIMIT ?').all(afterSeq, limit) as ChangeRow[];
  if (rows.length === limit) {
    // The batch is full: leave the last write's fields for the next batch rather than split them (or exceed the limit).
    const lastHlc = rows[rows.length - 1].hlc;
    let end = rows.length;
    while (end > 0 && rows[end - 1].hlc === lastHlc) end--;
    if (end > 0) rows.splice(end);
  }
  return { changes: rows.map((r) => withoutSeq(rowToChange(r))), lastSeq: rows.length ? rows[rows.length - 1].seq : afterSeq };
}

/** This device's log up to `throughSeq`, in local order: what a compaction re-publishes as one file. */
export function readLogThrough(db: Database.Database, throughSeq: number): Change[] {
  return (db.prepare('SELECT * FROM change_log WHERE seq <= ? ORDER BY seq').all(throughSeq) as ChangeRow[]).map((r) => withoutSeq(rowToChange(r)));
}
