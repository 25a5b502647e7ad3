import type Database from 'better-sqlite3';
import { hlcInstant, type Change } from '../changes/change';
import { fieldKey } from '../changes/change-key';
import { parseHlc, type HybridLogicalClock } from './hlc';
import { DELETED_FIELD, ENTITY_TABLES, encodeValue, type EntityName, type FieldSpec } from './entity-tables';
import { SIGNATURE_FIELD } from '../trust/write-signature';

export interface RemoteApplyResult {
  /** Changes new to this device, now in its change log. */
  received: number;
  /** Of those, changes that won their field (newest by hybrid logical clock) and so were written to the row. */
  applied: number;
  /** Of those, changes that arrived after a newer change of the same field: kept in the log, not shown. */
  superseded: number;
  /** Changes already here (duplicated delivery). */
  duplicates: number;
  /** Field keys (changes/change-key.ts) of received changes whose field now has more than one change (may repeat). */
  contested: string[];
  /** Changes whose identity is already here with different content: never merged (the caller holds them). */
  equivocal: Change[];
}

/** The newest change of one field known here; null when it has none. */
type Newest = { hlc: string; value: string | null } | null;
interface KnownRow {
  /** No change of this row was here before this apply: every field's newest is what this apply wrote. */
  fresh: boolean;
  fields: Map<string, Newest>;
}
interface RowWrite {
  entity: EntityName;
  rowId: string;
  hlc: string;
  columns: string[];
  values: Array<string | number | null>;
}
/** Rows whose newest stamps are remembered during one apply; a restore of a whole workspace clears and goes on. */
const ROW_CACHE_LIMIT = 50_000;

export interface RemoteApplyOptions {
  /** The team-server member that pushed these changes, kept beside each (the server stamps it on what it relays). */
  member?: (change: Change) => string | null;
}

/**
 * Last-writer-wins per field: a change is written to its row only if no change to the same field with a later
 * timestamp is already known. Every change, winner or not, is kept in the change log with the value it replaced
 * where it was made, so the result is the same whatever the order or duplication of delivery, and a losing value is
 * never thrown away. The changes were judged by the rules (changes/rules/) before they reach this.
 */
export class RemoteApplier {
  private readonly existing: Database.Statement;
  private readonly anyForRow: Database.Statement;
  private readonly latest: Database.Statement;
  private readonly log: Database.Statement;
  private readonly statements = new Map<string, Database.Statement>();

  constructor(private readonly db: Database.Database) {
    this.existing = db.prepare('SELECT value, author, link FROM change_log WHERE entity = ? AND row_id = ? AND field = ? AND hlc = ?');
    this.anyForRow = db.prepare('SELECT 1 FROM change_log WHERE entity = ? AND row_id = ? LIMIT 1');
    this.latest = db.prepare('SELECT hlc, value FROM change_log WHERE entity = ? AND row_id = ? AND field = ? ORDER BY hlc DESC LIMIT 1');
    this.log = db.prepare(
      'INSERT INTO change_log (hlc, device_id, author, entity, row_id, field, value, old_value, prev_hlc, chain_seq, link, member) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
  }

  apply(clock: HybridLogicalClock, changes: readonly Change[], options: RemoteApplyOptions = {}): RemoteApplyResult {
    const result: RemoteApplyResult = { received: 0, applied: 0, superseded: 0, duplicates: 0, contested: [], equivocal: [] };
    const rows = new Map<string, KnownRow>();
    let newest = '';
    let group: RowWrite | null = null;
    for (const change of changes) {
      const entity = change.entity as EntityName;
      const rowKey = `${change.entity}\u0000${change.rowId}`;
      let row = rows.get(rowKey);
      if (!row) {
        if (rows.size >= ROW_CACHE_LIMIT) rows.clear();
        // A row new to this device (the common case of a large sync) answers every field's lookup with one query.
        row = { fresh: this.anyForRow.get(change.entity, change.rowId) === undefined, fields: new Map() };
        rows.set(rowKey, row);
      }
      let previous = row.fields.get(change.field);
      if (previous === undefined && !row.fresh) {
        previous = (this.latest.get(change.entity, change.rowId, change.field) as Newest | undefined) ?? null;
        row.fields.set(change.field, previous);
      }
      const value = JSON.stringify(change.value ?? null);
      // The newest entry answers most duplicate checks; only an older-than-newest change needs the exact lookup.
      if (previous && previous.hlc >= change.hlc) {
        const here = this.existing.get(change.entity, change.rowId, change.field, change.hlc) as { value: string | null; author: string; link: string } | undefined;
        if (here) {
          if (here.value === value && here.author === change.author && here.link === change.link) result.duplicates++;
          else result.equivocal.push(change);
          continue;
        }
      }
      if (change.hlc > newest) newest = change.hlc;
      const wins = !previous || previous.hlc < change.hlc;
      this.log.run(
        change.hlc,
        change.deviceId,
        change.author,
        change.entity,
        change.rowId,
        change.field,
        value,
        JSON.stringify(change.oldValue ?? null),
        change.prevHlc,
        change.chainSeq,
        change.link,
        options.member?.(change) ?? change.member ?? null,
      );
      result.received++;
      // A field with more than one change is the only kind that can hold a conflict.
      if (previous) result.contested.push(fieldKey(change));
      if (!wins) {
        result.superseded++;
        continue;
      }
      row.fields.set(change.field, { hlc: change.hlc, value });
      result.applied++;
      // A signature lives in the log only; the fields of one write arrive together and go to the row in one statement.
      if (change.field === SIGNATURE_FIELD) continue;
      if (!group || group.entity !== entity || group.rowId !== change.rowId || group.hlc !== change.hlc) {
        if (group) this.writeRow(group);
        group = { entity, rowId: change.rowId, hlc: change.hlc, columns: [], values: [] };
      }
      this.addField(group, entity, change);
    }
    if (group) this.writeRow(group);
    // One receive of the newest stamp leaves the clock ahead of every stamp merged, as one receive per change would.
    if (newest) clock.receive(parseHlc(newest));
    return result;
  }

  private addField(group: RowWrite, entity: EntityName, change: Change): void {
    if (change.field === DELETED_FIELD) {
      group.columns.push('deleted');
      group.values.push(change.value ? 1 : 0);
      return;
    }
    const spec = (ENTITY_TABLES[entity].fields as Record<string, FieldSpec>)[change.field];
    group.columns.push(spec.column);
    group.values.push(encodeValue(spec.codec, change.value));
  }

  /**
   * The row may not exist yet (changes arrive in any order; columns have defaults for the fields not seen yet): one
   * upsert creates it or widens its created/updated stamps, and sets the winning fields of this write.
   */
  private writeRow(group: RowWrite): void {
    const at = hlcInstant(group.hlc);
    const columns = group.columns;
    const statement = this.statement(group.entity, columns.join(','), (t) => {
      const sets = columns.map((c) => `, ${c} = excluded.${c}`).join('');
      return `INSERT INTO ${t} (id, created_at, updated_at${columns.map((c) => `, ${c}`).join('')}) VALUES (?, ?, ?${', ?'.repeat(columns.length)})
        ON CONFLICT(id) DO UPDATE SET created_at = min(created_at, excluded.created_at), updated_at = max(updated_at, excluded.updated_at)${sets}`;
    });
    statement.run(group.rowId, at, at, ...group.values);
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
