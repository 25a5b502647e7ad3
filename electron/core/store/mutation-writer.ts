import type Database from 'better-sqlite3';
import { hlcInstant } from './change-record';
import type { HybridLogicalClock } from './hlc';
import { DELETED_FIELD, ENTITY_TABLES, decodeValue, encodeValue, isAppendOnly, type EntityName, type FieldSpec } from './entity-tables';
import { isDeepStrictEqual } from 'node:util';

type Fields = Record<string, unknown>;

/**
 * Writes domain rows and their change-log entries. Only WorkspaceStore.mutate hands one out, inside a transaction;
 * callers (the API handlers) have already validated values against the contract.
 */
export class MutationWriter {
  private author = '';
  private wrote = false;
  private readonly statements = new Map<string, Database.Statement>();
  private readonly logStatement: Database.Statement;
  private readonly latestStatement: Database.Statement;

  constructor(
    private readonly db: Database.Database,
    private readonly clock: HybridLogicalClock,
    private readonly deviceId: string,
  ) {
    this.logStatement = db.prepare(
      `INSERT INTO change_log (hlc, device_id, author, entity, row_id, field, value, old_value, prev_hlc) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.latestStatement = db.prepare('SELECT max(hlc) AS hlc FROM change_log WHERE entity = ? AND row_id = ? AND field = ?').pluck();
  }

  begin(author: string): void {
    this.author = author;
    this.wrote = false;
  }

  get changed(): boolean {
    return this.wrote;
  }

  insert(entity: EntityName, id: string, fields: Fields): void {
    const specs = this.specsFor(entity, fields);
    const hlc = this.clock.tick();
    const at = hlcInstant(hlc);
    const columns = specs.map(([, spec]) => spec.column);
    const statement = this.statement(`insert:${entity}:${columns.join(',')}`, () => {
      const { table } = ENTITY_TABLES[entity];
      const names = ['id', ...columns, 'created_at', 'updated_at'];
      return `INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`;
    });
    statement.run(id, ...specs.map(([name, spec]) => encodeValue(spec.codec, fields[name])), at, at);
    // A new row has no earlier change to any of its fields (the INSERT above fails on an existing id, and sync
    // creates the row when it delivers any change), so there is no previous clock to look up.
    for (const [name] of specs) this.log(hlc, entity, id, name, fields[name], null, null);
    this.wrote = true;
  }

  /** Writes only the fields whose value differs; returns the names of the fields that changed. */
  update(entity: EntityName, id: string, fields: Fields): string[] {
    this.refuseAppendOnly(entity);
    const current = this.readRaw(entity, id);
    if (!current) throw new Error(`${entity} ${id} does not exist`);
    const changed = this.specsFor(entity, fields).filter(
      ([name, spec]) => !isDeepStrictEqual(decodeValue(spec.codec, current[spec.column]), fields[name]),
    );
    if (changed.length === 0) return [];
    const hlc = this.clock.tick();
    const columns = changed.map(([, spec]) => spec.column);
    const statement = this.statement(`update:${entity}:${columns.join(',')}`, () => {
      const { table } = ENTITY_TABLES[entity];
      return `UPDATE ${table} SET ${columns.map((c) => `${c} = ?`).join(', ')}, updated_at = ? WHERE id = ?`;
    });
    statement.run(...changed.map(([name, spec]) => encodeValue(spec.codec, fields[name])), hlcInstant(hlc), id);
    for (const [name, spec] of changed) {
      this.log(hlc, entity, id, name, fields[name], decodeValue(spec.codec, current[spec.column]));
    }
    this.wrote = true;
    return changed.map(([name]) => name);
  }

  /** A tombstone: the row stays (its history and, later, its sign-offs remain readable) but no list shows it. */
  delete(entity: EntityName, id: string): void {
    this.refuseAppendOnly(entity);
    const hlc = this.clock.tick();
    const statement = this.statement(`delete:${entity}`, () => `UPDATE ${ENTITY_TABLES[entity].table} SET deleted = 1, updated_at = ? WHERE id = ?`);
    statement.run(hlcInstant(hlc), id);
    this.log(hlc, entity, id, DELETED_FIELD, true, false);
    this.wrote = true;
  }

  /** Undoes a delete: a newer `_deleted = false` change, so the undo syncs like any edit. */
  restore(entity: EntityName, id: string): void {
    this.refuseAppendOnly(entity);
    const hlc = this.clock.tick();
    const statement = this.statement(`restore:${entity}`, () => `UPDATE ${ENTITY_TABLES[entity].table} SET deleted = 0, updated_at = ? WHERE id = ?`);
    statement.run(hlcInstant(hlc), id);
    this.log(hlc, entity, id, DELETED_FIELD, false, true);
    this.wrote = true;
  }

  private refuseAppendOnly(entity: EntityName): void {
    if (isAppendOnly(entity)) throw new Error(`${entity} records are append-only: they are never changed or deleted once written.`);
  }

  private readRaw(entity: EntityName, id: string): Record<string, unknown> | undefined {
    return this.statement(`read:${entity}`, () => `SELECT * FROM ${ENTITY_TABLES[entity].table} WHERE id = ? AND deleted = 0`).get(id) as
      | Record<string, unknown>
      | undefined;
  }

  private specsFor(entity: EntityName, fields: Fields): Array<[string, FieldSpec]> {
    const table: Record<string, FieldSpec> = ENTITY_TABLES[entity].fields;
    return Object.keys(fields)
      .filter((name) => fields[name] !== undefined)
      .map((name) => {
        const spec = table[name];
        if (!spec) throw new Error(`${entity} has no field ${name}`);
        return [name, spec] as [string, FieldSpec];
      });
  }

  /** Records, with the change, the field's newest stamp known here: sync tells a sequential edit from a concurrent one by it. */
  private log(hlc: string, entity: EntityName, id: string, field: string, value: unknown, oldValue: unknown, knownPrevHlc?: null): void {
    const prevHlc = knownPrevHlc === null ? null : ((this.latestStatement.get(entity, id, field) as string | null) ?? null);
    this.logStatement.run(hlc, this.deviceId, this.author, entity, id, field, JSON.stringify(value ?? null), JSON.stringify(oldValue ?? null), prevHlc);
  }

  private statement(key: string, sql: () => string): Database.Statement {
    let statement = this.statements.get(key);
    if (!statement) {
      statement = this.db.prepare(sql());
      this.statements.set(key, statement);
    }
    return statement;
  }
}
