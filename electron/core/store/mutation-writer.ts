import type Database from 'better-sqlite3';
import { isDeepStrictEqual } from 'node:util';
import { hlcInstant, type Change } from '../changes/change';
import { groupWrites, type Write } from '../changes/rules/writes';
import type { HybridLogicalClock } from './hlc';
import { DELETED_FIELD, ENTITY_TABLES, decodeValue, encodeValue, isAppendOnly, signerOf, type EntityName, type FieldSpec } from './entity-tables';
import { GENESIS_LINK, linkOf } from '../trust/chain-link';
import type { DeviceKeyPair } from '../trust/device-key';
import { StatementCache } from './statement-cache';
import { recordId } from '../trust/record-id';
import { SIGNATURE_FIELD, signWrite } from '../trust/write-signature';

type Fields = Record<string, unknown>;

/** Where this device's hash chain stands: the place and link of its newest change. */
export interface ChainHead {
  seq: number;
  link: string;
}

/**
 * Writes domain rows and their change-log entries. Only WorkspaceStore.mutate hands one out, inside a transaction;
 * callers (the API handlers) have already validated values against the contract. Every change extends this device's
 * hash chain; a write the entity says must be signed (entity-tables.ts `signedBy`) is signed with the device key
 * and its signature logged beside it as the `_sig` pseudo-field.
 */
export class MutationWriter {
  private author = '';
  private wrote = false;
  private written: Change[] = [];
  private touched = new Set<string>();
  private chain: ChainHead;
  private chainAtBegin: ChainHead;
  private readonly statements: StatementCache;
  private readonly logStatement: Database.Statement;
  private readonly latestStatement: Database.Statement;

  constructor(
    private readonly db: Database.Database,
    private readonly clock: HybridLogicalClock,
    private readonly key: () => DeviceKeyPair,
    private readonly workspaceId: () => string,
  ) {
    this.statements = new StatementCache(db);
    this.logStatement = db.prepare(
      `INSERT INTO change_log (hlc, device_id, author, entity, row_id, field, value, old_value, prev_hlc, chain_seq, link) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.latestStatement = db.prepare('SELECT max(hlc) AS hlc FROM change_log WHERE entity = ? AND row_id = ? AND field = ?').pluck();
    this.chain = this.readChainHead();
    this.chainAtBegin = this.chain;
  }

  get deviceId(): string {
    return this.clock.deviceId;
  }

  begin(author: string): void {
    this.author = author;
    this.wrote = false;
    this.written = [];
    this.touched = new Set();
    this.chainAtBegin = this.chain;
  }

  /** The transaction rolled back: the chain stands where it stood before. */
  rollback(): void {
    this.chain = this.chainAtBegin;
  }

  get changed(): boolean {
    return this.wrote;
  }

  /** The entities this mutation wrote (for the change feed). */
  get entities(): ReadonlySet<string> {
    return this.touched;
  }

  get head(): ChainHead {
    return this.chain;
  }

  /** The signed writes of this mutation, for the rules to check before it commits. */
  signedWrites(): Write[] {
    return groupWrites(this.written);
  }

  insert(entity: EntityName, id: string, fields: Fields): void {
    if (isAppendOnly(entity)) throw new Error(`${entity} records are append-only: write them with append(), which derives their id.`);
    this.insertRow(entity, id, fields, this.clock.tick());
  }

  /** An append-only record (a sign-off, a tick, a step execution …): its id comes from its stamp. Returns the id. */
  append(entity: EntityName, fields: Fields): string {
    if (!isAppendOnly(entity)) throw new Error(`${entity} records are not append-only: use insert().`);
    const hlc = this.clock.tick();
    const id = recordId(entity, hlc);
    this.insertRow(entity, id, fields, hlc);
    return id;
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
    const statement = this.statements.get(`update:${entity}:${columns.join(',')}`, () => {
      const { table } = ENTITY_TABLES[entity];
      return `UPDATE ${table} SET ${columns.map((c) => `${c} = ?`).join(', ')}, updated_at = ? WHERE id = ?`;
    });
    statement.run(...changed.map(([name, spec]) => encodeValue(spec.codec, fields[name])), hlcInstant(hlc), id);
    for (const [name, spec] of changed) {
      this.log(hlc, entity, id, name, fields[name], decodeValue(spec.codec, current[spec.column]));
    }
    this.sign(entity, id, hlc, Object.fromEntries(changed.map(([name]) => [name, fields[name]])));
    this.wrote = true;
    return changed.map(([name]) => name);
  }

  /** A tombstone: the row stays (its history and, later, its sign-offs remain readable) but no list shows it. */
  delete(entity: EntityName, id: string): void {
    this.setDeleted(entity, id, true);
  }

  /** Undoes a delete: a newer `_deleted = false` change, so the undo syncs like any edit. */
  restore(entity: EntityName, id: string): void {
    this.setDeleted(entity, id, false);
  }

  private setDeleted(entity: EntityName, id: string, deleted: boolean): void {
    this.refuseAppendOnly(entity);
    const hlc = this.clock.tick();
    const statement = this.statements.get(`deleted:${entity}`, () => `UPDATE ${ENTITY_TABLES[entity].table} SET deleted = ?, updated_at = ? WHERE id = ?`);
    statement.run(deleted ? 1 : 0, hlcInstant(hlc), id);
    this.log(hlc, entity, id, DELETED_FIELD, deleted, !deleted);
    this.sign(entity, id, hlc, { [DELETED_FIELD]: deleted });
    this.wrote = true;
  }

  private insertRow(entity: EntityName, id: string, fields: Fields, hlc: string): void {
    const specs = this.specsFor(entity, fields);
    const at = hlcInstant(hlc);
    const columns = specs.map(([, spec]) => spec.column);
    const statement = this.statements.get(`insert:${entity}:${columns.join(',')}`, () => {
      const { table } = ENTITY_TABLES[entity];
      const names = ['id', ...columns, 'created_at', 'updated_at'];
      return `INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`;
    });
    statement.run(id, ...specs.map(([name, spec]) => encodeValue(spec.codec, fields[name])), at, at);
    // A new row has no earlier change to any of its fields (the INSERT above fails on an existing id, and sync
    // creates the row when it delivers any change), so there is no previous clock to look up.
    for (const [name] of specs) this.log(hlc, entity, id, name, fields[name], null, null);
    this.sign(entity, id, hlc, Object.fromEntries(specs.map(([name]) => [name, fields[name]])));
    this.wrote = true;
  }

  private sign(entity: EntityName, id: string, hlc: string, fields: Fields): void {
    if (!signerOf(entity)) return;
    const signature = signWrite(this.key(), this.workspaceId(), { entity, rowId: id, hlc, author: this.author, fields });
    this.log(hlc, entity, id, SIGNATURE_FIELD, signature, null, null);
  }

  private refuseAppendOnly(entity: EntityName): void {
    if (isAppendOnly(entity)) throw new Error(`${entity} records are append-only: they are never changed or deleted once written.`);
  }

  private readRaw(entity: EntityName, id: string): Record<string, unknown> | undefined {
    return this.statements.get(`read:${entity}`, () => `SELECT * FROM ${ENTITY_TABLES[entity].table} WHERE id = ? AND deleted = 0`).get(id) as
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

  /**
   * Records, with the change, the field's newest stamp known here (sync tells a sequential edit from a concurrent
   * one by it), and extends the device's chain.
   */
  private log(hlc: string, entity: EntityName, id: string, field: string, value: unknown, oldValue: unknown, knownPrevHlc?: null): void {
    const prevHlc = knownPrevHlc === null ? null : ((this.latestStatement.get(entity, id, field) as string | null) ?? null);
    const change: Change = {
      hlc,
      deviceId: this.deviceId,
      author: this.author,
      entity,
      rowId: id,
      field,
      value: value ?? null,
      oldValue: oldValue ?? null,
      prevHlc,
      chainSeq: this.chain.seq + 1,
      link: '',
    };
    change.link = linkOf(this.chain.link, change);
    this.logStatement.run(hlc, this.deviceId, this.author, entity, id, field, JSON.stringify(change.value), JSON.stringify(change.oldValue), prevHlc, change.chainSeq, change.link);
    this.chain = { seq: change.chainSeq, link: change.link };
    this.touched.add(entity);
    if (signerOf(entity)) this.written.push(change);
  }

  private readChainHead(): ChainHead {
    const row = this.db.prepare('SELECT chain_seq AS seq, link FROM change_log WHERE device_id = ? ORDER BY chain_seq DESC LIMIT 1').get(this.deviceId) as ChainHead | undefined;
    return row ?? { seq: 0, link: GENESIS_LINK };
  }

}
