import type Database from 'better-sqlite3';
import { hlcInstant, type ChangeRecord } from './change-record';
import { parseHlc, type HybridLogicalClock } from './hlc';
import { DELETED_FIELD, ENTITY_TABLES, encodeValue, type EntityName, type FieldSpec } from './entity-tables';

export interface RemoteApplyResult {
  /** Changes new to this device, now in its change log. */
  received: number;
  /** Of those, changes that won their field (newest by hybrid logical clock) and so were written to the row. */
  applied: number;
  /** Changes already here (duplicated delivery). */
  duplicates: number;
}

/** A change as it arrives; a backup restore also brings the old value recorded where the change was made. */
export type IncomingChange = ChangeRecord & { oldValue?: unknown };

export interface RemoteApplyOptions {
  /**
   * Keep each change's recorded `oldValue` instead of the value it replaced here. A restore uses it so that the
   * audit history reads the same after a backup round trip; sync does not, since there the local view is the truth.
   */
  keepRecordedOldValues?: boolean;
}

/**
 * Last-writer-wins per field: a change is written to its row only if no change to the same field with a later
 * timestamp is already known. Every change, winner or not, is kept in the change log, so the result is the same
 * whatever the order or duplication of delivery, and a losing value is never thrown away.
 */
export class RemoteApplier {
  private readonly exists: Database.Statement;
  private readonly latest: Database.Statement;
  private readonly log: Database.Statement;
  private readonly before: Database.Statement;
  private readonly statements = new Map<string, Database.Statement>();
  /** Row and stamp last ensured and stamped in this apply. */
  private lastStamped = '';

  constructor(private readonly db: Database.Database) {
    this.exists = db.prepare('SELECT 1 FROM change_log WHERE entity = ? AND row_id = ? AND field = ? AND hlc = ?');
    this.latest = db.prepare('SELECT hlc, value FROM change_log WHERE entity = ? AND row_id = ? AND field = ? ORDER BY hlc DESC LIMIT 1');
    this.log = db.prepare(
      'INSERT INTO change_log (hlc, device_id, author, entity, row_id, field, value, old_value, prev_hlc) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.before = db.prepare('SELECT max(hlc) FROM change_log WHERE entity = ? AND row_id = ? AND field = ? AND hlc < ?').pluck();
  }

  apply(clock: HybridLogicalClock, changes: readonly IncomingChange[], options: RemoteApplyOptions = {}): RemoteApplyResult {
    const result: RemoteApplyResult = { received: 0, applied: 0, duplicates: 0 };
    this.lastStamped = '';
    for (const change of changes) {
      const previous = this.latest.get(change.entity, change.rowId, change.field) as { hlc: string; value: string | null } | undefined;
      // The newest entry answers most duplicate checks; only an older-than-newest change needs the exact lookup.
      const duplicate = previous !== undefined && (previous.hlc === change.hlc || (previous.hlc > change.hlc && this.exists.get(change.entity, change.rowId, change.field, change.hlc)));
      if (duplicate) {
        result.duplicates++;
        continue;
      }
      clock.receive(parseHlc(change.hlc));
      const wins = !previous || previous.hlc < change.hlc;
      const oldValue = options.keepRecordedOldValues
        ? JSON.stringify(change.oldValue ?? null)
        : previous && wins
          ? previous.value
          : JSON.stringify(null);
      // A change without causality (an old backup) is taken as sequential: based on the field's change just before it.
      const prevHlc =
        change.prevHlc !== undefined
          ? change.prevHlc
          : previous && previous.hlc < change.hlc
            ? previous.hlc
            : ((this.before.get(change.entity, change.rowId, change.field, change.hlc) as string | null) ?? null);
      this.log.run(
        change.hlc,
        change.deviceId,
        change.author,
        change.entity,
        change.rowId,
        change.field,
        JSON.stringify(change.value ?? null),
        oldValue,
        prevHlc,
      );
      result.received++;
      if (!wins) continue;
      this.writeField(change);
      result.applied++;
    }
    return result;
  }

  private writeField(change: ChangeRecord): void {
    const at = hlcInstant(change.hlc);
    // The fields of one write arrive together: the row is ensured and stamped once for them, not once per field.
    const stampKey = `${change.entity}\u0000${change.rowId}\u0000${change.hlc}`;
    if (stampKey !== this.lastStamped) {
      this.lastStamped = stampKey;
      // The row may not exist yet: changes arrive in any order, and columns have defaults for the fields not seen yet.
      this.statement(change.entity, 'ensure', (t) => `INSERT INTO ${t} (id, created_at, updated_at) VALUES (?, ?, ?) ON CONFLICT(id) DO NOTHING`).run(
        change.rowId,
        at,
        at,
      );
      this.statement(change.entity, 'stamp', (t) => `UPDATE ${t} SET created_at = min(created_at, ?), updated_at = max(updated_at, ?) WHERE id = ?`).run(
        at,
        at,
        change.rowId,
      );
    }
    if (change.field === DELETED_FIELD) {
      this.statement(change.entity, 'deleted', (t) => `UPDATE ${t} SET deleted = ? WHERE id = ?`).run(change.value ? 1 : 0, change.rowId);
      return;
    }
    const spec = (ENTITY_TABLES[change.entity].fields as Record<string, FieldSpec>)[change.field];
    if (!spec) throw new Error(`${change.entity} has no field ${change.field}`);
    this.statement(change.entity, `set:${spec.column}`, (t) => `UPDATE ${t} SET ${spec.column} = ? WHERE id = ?`).run(
      encodeValue(spec.codec, change.value),
      change.rowId,
    );
  }

  private statement(entity: EntityName, key: string, sql: (table: string) => string): Database.Statement {
    const cacheKey = `${entity}:${key}`;
    let statement = this.statements.get(cacheKey);
    if (!statement) {
      statement = this.db.prepare(sql(ENTITY_TABLES[entity].table));
      this.statements.set(cacheKey, statement);
    }
    return statement;
  }
}
