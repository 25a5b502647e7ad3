import type Database from 'better-sqlite3';
import { hlcInstant, type ChangeRecord } from './change-record';
import { parseHlc, type HybridLogicalClock } from './hlc';
import { DELETED_FIELD, ENTITY_TABLES, encodeValue, type FieldSpec } from './entity-tables';

export interface RemoteApplyResult {
  /** Changes new to this device, now in its change log. */
  received: number;
  /** Of those, changes that won their field (newest by hybrid logical clock) and so were written to the row. */
  applied: number;
  /** Changes already here (duplicated delivery). */
  duplicates: number;
}

/**
 * Last-writer-wins per field: a change is written to its row only if no change to the same field with a later
 * timestamp is already known. Every change, winner or not, is kept in the change log, so the result is the same
 * whatever the order or duplication of delivery, and a losing value is never thrown away.
 */
export function applyRemoteChanges(db: Database.Database, clock: HybridLogicalClock, changes: readonly ChangeRecord[]): RemoteApplyResult {
  const exists = db.prepare('SELECT 1 FROM change_log WHERE hlc = ? AND entity = ? AND row_id = ? AND field = ?');
  const latest = db.prepare('SELECT hlc, value FROM change_log WHERE entity = ? AND row_id = ? AND field = ? ORDER BY hlc DESC LIMIT 1');
  const log = db.prepare(
    'INSERT INTO change_log (hlc, device_id, author, entity, row_id, field, value, old_value) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const result: RemoteApplyResult = { received: 0, applied: 0, duplicates: 0 };

  for (const change of changes) {
    if (exists.get(change.hlc, change.entity, change.rowId, change.field)) {
      result.duplicates++;
      continue;
    }
    clock.receive(parseHlc(change.hlc));
    const previous = latest.get(change.entity, change.rowId, change.field) as { hlc: string; value: string | null } | undefined;
    const wins = !previous || previous.hlc < change.hlc;
    log.run(
      change.hlc,
      change.deviceId,
      change.author,
      change.entity,
      change.rowId,
      change.field,
      JSON.stringify(change.value ?? null),
      previous && wins ? previous.value : JSON.stringify(null),
    );
    result.received++;
    if (!wins) continue;
    writeField(db, change);
    result.applied++;
  }
  return result;
}

function writeField(db: Database.Database, change: ChangeRecord): void {
  const { table, fields } = ENTITY_TABLES[change.entity];
  const at = hlcInstant(change.hlc);
  // The row may not exist yet: changes arrive in any order, and columns have defaults for the fields not seen yet.
  db.prepare(`INSERT INTO ${table} (id, created_at, updated_at) VALUES (?, ?, ?) ON CONFLICT(id) DO NOTHING`).run(change.rowId, at, at);
  db.prepare(`UPDATE ${table} SET created_at = min(created_at, ?), updated_at = max(updated_at, ?) WHERE id = ?`).run(at, at, change.rowId);
  if (change.field === DELETED_FIELD) {
    db.prepare(`UPDATE ${table} SET deleted = ? WHERE id = ?`).run(change.value ? 1 : 0, change.rowId);
    return;
  }
  const spec = (fields as Record<string, FieldSpec>)[change.field];
  if (!spec) throw new Error(`${change.entity} has no field ${change.field}`);
  db.prepare(`UPDATE ${table} SET ${spec.column} = ? WHERE id = ?`).run(encodeValue(spec.codec, change.value), change.rowId);
}
