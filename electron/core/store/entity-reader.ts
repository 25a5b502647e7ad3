import type Database from 'better-sqlite3';
import type { LoggedChange } from '../changes/change';
import { rowToChange, type ChangeRow } from '../changes/change-row';
import { StatementCache } from './statement-cache';
import { ENTITY_TABLES, decodeValue, type EntityName, type FieldName, type FieldSpec, type RowOf } from './entity-tables';

export type EntityRow = Record<string, unknown> & { id: string; createdAt: string; updatedAt: string };

type SortField<E extends EntityName> = FieldName<E> | 'id' | 'createdAt' | 'updatedAt';

/** How to order rows, by field name (never by column): `['windowStart', 'name']`, `[{ by: 'name', nocase: true }]`. */
export type Order<E extends EntityName> = ReadonlyArray<SortField<E> | { by: SortField<E>; desc?: true; nocase?: true }>;

const TIMES: Record<string, string> = { id: 'id', createdAt: 'created_at', updatedAt: 'updated_at' };

function orderSql<E extends EntityName>(entity: E, order: Order<E>): string {
  const fields = ENTITY_TABLES[entity].fields as Record<string, FieldSpec>;
  const keys = order.map((key) => {
    const { by, desc, nocase } = typeof key === 'string' ? { by: key, desc: undefined, nocase: undefined } : key;
    return `${TIMES[by] ?? fields[by].column}${nocase ? ' COLLATE NOCASE' : ''}${desc ? ' DESC' : ''}`;
  });
  // Ties break by id, so every device lists equal rows alike.
  return [...keys, 'id'].join(', ');
}

/** Reads domain rows back as API-shaped objects (camelCase fields, decoded values). */
export class EntityReader {
  private readonly sql: StatementCache;

  constructor(db: Database.Database) {
    this.sql = new StatementCache(db);
  }

  /** Live rows; deleted ones too when asked (e.g. to name the author of an old record). */
  list<E extends EntityName>(entity: E, order: Order<E> = [], { deleted = false } = {}): RowOf<E>[] {
    const rows = this.sql.get(`SELECT * FROM ${ENTITY_TABLES[entity].table}${deleted ? '' : ' WHERE deleted = 0'} ORDER BY ${orderSql(entity, order)}`).all() as Record<string, unknown>[];
    return rows.map((row) => decodeRow(entity, row));
  }

  /** A row by id; a deleted one (a tombstone) only when asked, e.g. to name what a conflict was about. */
  get<E extends EntityName>(entity: E, id: string, { deleted = false } = {}): RowOf<E> | undefined {
    const row = this.sql.get(`SELECT * FROM ${ENTITY_TABLES[entity].table} WHERE id = ?${deleted ? '' : ' AND deleted = 0'}`).get(id) as
      | Record<string, unknown>
      | undefined;
    return row ? decodeRow(entity, row) : undefined;
  }

  /** Rows whose text field equals `value`, ignoring case: for uniqueness checks without reading the whole table. */
  findByText<E extends EntityName>(entity: E, fields: Partial<Record<FieldName<E>, string>>, exceptId = ''): RowOf<E>[] {
    const specs = ENTITY_TABLES[entity].fields as Record<string, FieldSpec>;
    const where = Object.keys(fields).map((name) => `${specs[name].column} = ? COLLATE NOCASE`);
    const rows = this.sql
      .get(`SELECT * FROM ${ENTITY_TABLES[entity].table} WHERE deleted = 0 AND id != ? AND ${where.join(' AND ')}`)
      .all(exceptId, ...(Object.values(fields) as string[])) as Record<string, unknown>[];
    return rows.map((row) => decodeRow(entity, row));
  }

  /** Rows whose JSON-array field contains `id` (e.g. releases whose systemIds name a system). */
  findContaining<E extends EntityName>(entity: E, arrayField: FieldName<E>, id: string): RowOf<E>[] {
    const spec = (ENTITY_TABLES[entity].fields as Record<string, FieldSpec>)[arrayField];
    const { table } = ENTITY_TABLES[entity];
    const rows = this.sql
      .get(`SELECT * FROM ${table} WHERE deleted = 0 AND EXISTS (SELECT 1 FROM json_each(${table}.${spec.column}) WHERE value = ?)`)
      .all(id) as Record<string, unknown>[];
    return rows.map((row) => decodeRow(entity, row));
  }

  /** Rows whose scalar field equals `value` (e.g. releases owned by a person). */
  findEqual<E extends EntityName>(entity: E, field: FieldName<E>, value: string): RowOf<E>[] {
    const spec = (ENTITY_TABLES[entity].fields as Record<string, FieldSpec>)[field];
    const rows = this.sql
      .get(`SELECT * FROM ${ENTITY_TABLES[entity].table} WHERE deleted = 0 AND ${spec.column} = ?`)
      .all(value) as Record<string, unknown>[];
    return rows.map((row) => decodeRow(entity, row));
  }

  /**
   * Rows whose [start, end) instant range overlaps [from, to): the calendar reads one month of a 10,000-release
   * workspace without decoding the rest. Instants are stored as `toISOString()` text, so text order is time order.
   */
  listOverlapping<E extends EntityName>(entity: E, startField: FieldName<E>, endField: FieldName<E>, from: string, to: string, order: Order<E> = []): RowOf<E>[] {
    const specs = ENTITY_TABLES[entity].fields as Record<string, FieldSpec>;
    const rows = this.sql
      .get(`SELECT * FROM ${ENTITY_TABLES[entity].table} WHERE deleted = 0 AND ${specs[startField].column} < ? AND ${specs[endField].column} > ? ORDER BY ${orderSql(entity, order)}`)
      .all(to, from) as Record<string, unknown>[];
    return rows.map((row) => decodeRow(entity, row));
  }

  /** Deleted rows (tombstones) whose scalar field equals `value`: what an undo of a delete brings back with it. */
  findDeletedEqual<E extends EntityName>(entity: E, field: FieldName<E>, value: string): RowOf<E>[] {
    const spec = (ENTITY_TABLES[entity].fields as Record<string, FieldSpec>)[field];
    const rows = this.sql.get(`SELECT * FROM ${ENTITY_TABLES[entity].table} WHERE deleted = 1 AND ${spec.column} = ?`).all(value) as Record<string, unknown>[];
    return rows.map((row) => decodeRow(entity, row));
  }

  /** Whether a row exists as a tombstone (deleted), for undo. */
  isDeleted(entity: EntityName, id: string): boolean {
    const row = this.sql.get(`SELECT deleted FROM ${ENTITY_TABLES[entity].table} WHERE id = ?`).get(id) as { deleted: number } | undefined;
    return row?.deleted === 1;
  }

  count(entity: EntityName): number {
    return (this.sql.get(`SELECT count(*) AS n FROM ${ENTITY_TABLES[entity].table} WHERE deleted = 0`).get() as { n: number }).n;
  }

  history(entity: EntityName, rowId: string): LoggedChange[] {
    const rows = this.sql
      .get('SELECT * FROM change_log WHERE entity = ? AND row_id = ? ORDER BY hlc DESC, field DESC')
      .all(entity, rowId) as ChangeRow[];
    return rows.map(rowToChange);
  }

  /** The change logs of some rows of one entity, each in clock order, in one query. */
  logOfRows(entity: EntityName, ids: readonly string[]): Map<string, LoggedChange[]> {
    const byRow = new Map<string, LoggedChange[]>();
    const rows = this.sql
      .get('SELECT * FROM change_log WHERE entity = ? AND row_id IN (SELECT value FROM json_each(?)) ORDER BY hlc, field')
      .all(entity, JSON.stringify(ids)) as ChangeRow[];
    for (const r of rows) {
      const list = byRow.get(r.row_id) ?? [];
      list.push(rowToChange(r));
      byRow.set(r.row_id, list);
    }
    return byRow;
  }

  /** How many times each row of an entity was changed after it was created (the distinct stamps of its changes, less one). */
  editCounts(entity: EntityName): Map<string, number> {
    const rows = this.sql.get('SELECT row_id AS id, count(DISTINCT hlc) - 1 AS n FROM change_log WHERE entity = ? GROUP BY row_id').all(entity) as Array<{ id: string; n: number }>;
    return new Map(rows.map((r) => [r.id, r.n]));
  }

  /** When each row's field last changed (its newest stamp), for every row of an entity in one query. */
  lastChanged(entity: EntityName, field: string): Map<string, string> {
    const rows = this.sql
      .get('SELECT row_id AS id, max(hlc) AS hlc FROM change_log WHERE entity = ? AND field = ? GROUP BY row_id')
      .all(entity, field) as Array<{ id: string; hlc: string }>;
    return new Map(rows.map((r) => [r.id, r.hlc]));
  }

  /** A field's change with that stamp, or its newest change when no stamp is given. */
  fieldChange(entity: string, rowId: string, field: string, hlc?: string): LoggedChange | undefined {
    const row = (
      hlc === undefined
        ? this.sql.get('SELECT * FROM change_log WHERE entity = ? AND row_id = ? AND field = ? ORDER BY hlc DESC LIMIT 1').get(entity, rowId, field)
        : this.sql.get('SELECT * FROM change_log WHERE entity = ? AND row_id = ? AND field = ? AND hlc = ?').get(entity, rowId, field, hlc)
    ) as ChangeRow | undefined;
    return row && rowToChange(row);
  }

  /**
   * The whole change log in causal (clock) order: what a backup carries and what sync ships. Ties (the fields of one
   * write share a stamp) break by entity, row and field, not by local arrival order, so every device lists it alike.
   */
  changeLog(): LoggedChange[] {
    return (this.sql.get('SELECT * FROM change_log ORDER BY hlc, entity, row_id, field').all() as ChangeRow[]).map(rowToChange);
  }
}

function decodeRow<E extends EntityName>(entity: E, row: Record<string, unknown>): RowOf<E> {
  const out: Record<string, unknown> = { id: row.id, createdAt: row.created_at, updatedAt: row.updated_at };
  for (const [name, spec] of Object.entries(ENTITY_TABLES[entity].fields as Record<string, FieldSpec>)) {
    out[name] = decodeValue(spec.codec, row[spec.column]);
  }
  return out as RowOf<E>;
}
