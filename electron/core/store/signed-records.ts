import { isDeepStrictEqual } from 'node:util';
import { hlcInstant } from '../changes/change';
import { authorityProblem } from '../changes/rules/check-authority';
import { writeProblem } from '../changes/rules/check-write';
import { groupWrites } from '../changes/rules/writes';
import { ENTITY_TABLES, decodeValue, type EntityName, type FieldSpec } from './entity-tables';
import { writeKey } from '../changes/change-key';
import type { EntityRow } from './entity-reader';
import type { WorkspaceStore } from './workspace-store';

/** Where and by whom a record was written, from its change log. */
export interface Written {
  hlc: string;
  at: string;
  deviceId: string;
  author: string;
  /** The team-server member that relayed it, where it came that way. */
  member: string | null;
}

/** Whether a signed record counts: it verified, or why it does not (in words, finishing "Not counted: …"). */
export interface RecordTrust {
  verified: boolean;
  reason: string | null;
}

export interface SignedRow {
  row: EntityRow;
  written: Written;
  trust: RecordTrust;
}

const signatureChecks = new WeakMap<WorkspaceStore, Map<string, string | null>>();

/**
 * Reads signed records (sign-offs, waivers, ticks, decisions, step executions …) as they must be trusted: each row is
 * checked against its own history and signature, and against who may sign what now, every time it is read. So a row
 * inserted or edited in the workspace file behind Release Desk's back, a record whose key was revoked after it
 * arrived, or one the team server refused, is read as unverified — kept, shown with the reason, and counted nowhere
 * (docs/sync.md, "Signed records"). Signatures are checked once per process and remembered.
 */
export function readSignedRows(store: WorkspaceStore, entity: EntityName, rows: readonly EntityRow[]): SignedRow[] {
  if (rows.length === 0) return [];
  const log = store.reader.logOfRows(entity, rows.map((r) => r.id));
  const trust = store.trustView();
  const workspaceId = trust.workspaceId;
  const checked = signatureChecks.get(store) ?? new Map<string, string | null>();
  signatureChecks.set(store, checked);
  const refused = refusedWrites(store, entity);
  const facts = {
    personName: (id: string) => String(store.reader.get('person', id)?.name ?? id),
    checklistItemState: (id: string) => (store.reader.get('checklistItem', id)?.state as string | undefined) || undefined,
  };
  return rows.map((row) => {
    const writes = groupWrites(log.get(row.id) ?? []);
    const [w] = writes;
    if (!w) return { row, written: { hlc: row.createdAt, at: row.createdAt, deviceId: '', author: '', member: null }, trust: no('it is not in the change log: it was written into the workspace file behind Release Desk\'s back') };
    const first = w.changes[0];
    const written: Written = { hlc: w.hlc, at: hlcInstant(w.hlc), deviceId: w.deviceId, author: w.author, member: first.member ?? null };
    if (writes.length > 1) return { row, written, trust: no('its history holds more than one write of it: it was rewritten') };
    // A row edited in the file behind Release Desk's back is read as its signed history says: the edit counts
    // nowhere, and neither does it silence the record (a halt whose comment was changed still halts). verify reports
    // the row, and repair rewrites it from the log.
    const signed = editedField(entity, row, w.fields) ? asSigned(entity, row, w.fields) : row;
    const key = `${w.key}|${JSON.stringify(w.signature ?? null)}|${workspaceId}`;
    if (!checked.has(key)) {
      if (checked.size > 50_000) checked.clear();
      checked.set(key, writeProblem(w, workspaceId)?.reason ?? null);
    }
    const signature = checked.get(key);
    if (signature) return { row: signed, written, trust: no(signature) };
    const authority = authorityProblem(w, trust, facts);
    if (authority) return { row: signed, written, trust: no(authority.reason) };
    const server = refused.get(row.id);
    if (server) return { row: signed, written, trust: no(server) };
    return { row: signed, written, trust: { verified: true, reason: null } };
  });
}

function no(reason: string): RecordTrust {
  return { verified: false, reason };
}


/** The first field whose value in the row differs from what the record's history says, or null. */
function editedField(entity: EntityName, row: EntityRow, fields: Record<string, unknown>): string | null {
  for (const name of Object.keys(ENTITY_TABLES[entity].fields as Record<string, FieldSpec>)) {
    if (name in fields && !isDeepStrictEqual(row[name], fields[name])) return name;
  }
  return null;
}

function asSigned(entity: EntityName, row: EntityRow, fields: Record<string, unknown>): EntityRow {
  const read: EntityRow = { ...row };
  for (const name of Object.keys(ENTITY_TABLES[entity].fields)) if (name in fields) read[name] = fields[name];
  return read;
}

/** This device's own records that the team server refused (held as `server`), with the server's reason. */
function refusedWrites(store: WorkspaceStore, entity: EntityName): Map<string, string> {
  const refused = new Map<string, string>();
  for (const h of store.held.list(1000, entity)) if (h.kind === 'server') refused.set(h.change.rowId, h.reason);
  return refused;
}

/**
 * Signed records that never merged here — held back by the rules (forged, refused, unverified, refused by the team
 * server …) — whose `field` is `value` (a release's sign-offs, a meeting's decisions): the audit shows attempted
 * forgeries too, with why they count nowhere.
 */
export function readHeldRows(store: WorkspaceStore, entity: EntityName, field: string, value: string): SignedRow[] {
  const held = store.held.list(5000, entity).filter((h) => h.kind !== 'server');
  const reasons = new Map(held.map((h) => [writeKey(h.change), h.reason]));
  return groupWrites(held.map((h) => h.change))
    .filter((w) => w.fields[field] === value)
    .map((w) => {
      const row: EntityRow = { id: w.rowId, createdAt: hlcInstant(w.hlc), updatedAt: hlcInstant(w.hlc) };
      for (const [name, spec] of Object.entries(ENTITY_TABLES[entity].fields as Record<string, FieldSpec>)) row[name] = name in w.fields ? w.fields[name] : decodeValue(spec.codec, null);
      const written: Written = { hlc: w.hlc, at: hlcInstant(w.hlc), deviceId: w.deviceId, author: w.author, member: w.changes[0].member ?? null };
      return { row, written, trust: no(`never merged here: ${reasons.get(w.key) ?? 'held back'}`) };
    });
}
