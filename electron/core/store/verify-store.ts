import { isDeepStrictEqual } from 'node:util';
import type { VerifyProblem, VerifyReport } from '../../contract/verify-contract';
import { hlcInstant, type Change } from '../changes/change';
import { rowToChange, type ChangeRow } from '../changes/change-row';
import { writeProblem } from '../changes/rules/check-write';
import { groupWrites } from '../changes/rules/writes';
import { checkChain } from '../trust/chain-check';
import { groupBy } from '../group-by';
import { SIGNATURE_FIELD } from '../trust/write-signature';
import { DELETED_FIELD, ENTITY_NAMES, ENTITY_TABLES, decodeValue, encodeValue, signerOf, type EntityName, type FieldSpec } from './entity-tables';
import type { WorkspaceStore } from './workspace-store';
import { databaseOf } from './database-handle';

/**
 * The whole workspace checked (`release-desk verify`, the banner when a workspace opens): the root this device
 * pinned, every signature, every device's hash chain against its seals, and every domain row against what its change
 * log says. A row edited, inserted or deleted in the file behind Release Desk's back is a problem `repairRows` mends.
 */
export function verifyWorkspace(store: WorkspaceStore): VerifyReport {
  const problems: VerifyProblem[] = [];
  const add = (p: Omit<VerifyProblem, 'entity' | 'rowId' | 'deviceId' | 'repairable'> & Partial<VerifyProblem>) =>
    problems.push({ entity: null, rowId: null, deviceId: null, repairable: false, ...p });
  const changes = (databaseOf(store).prepare('SELECT * FROM change_log ORDER BY device_id, chain_seq').all() as ChangeRow[]).map(rowToChange);
  const trust = store.trustView();

  if (store.rootChanged) {
    add({ kind: 'root', message: `This workspace's root key is ${store.rootChanged.found ?? 'missing'}, but this device first knew it as ${store.rootChanged.pinned}: the workspace file was rewritten.` });
  } else if (!trust.root && changes.some((c) => c.field === SIGNATURE_FIELD)) {
    add({ kind: 'root', message: "This workspace holds signed records but no root key: nothing here can be verified. Its root's record was removed from the file." });
  }

  const signed = groupWrites(changes.filter((c) => signerOf(c.entity as EntityName)));
  for (const w of signed) {
    const problem = writeProblem(w, trust.workspaceId);
    if (problem) add({ kind: 'signature', entity: w.entity, rowId: w.rowId, deviceId: w.deviceId, message: `${w.entity} ${w.rowId} (written ${hlcInstant(w.hlc)} on device ${w.deviceId}): ${problem.reason}.` });
  }

  const byDevice = groupBy(changes, (c) => c.deviceId);
  const seals = signed.filter((w) => w.entity === 'chainSeal' && !problems.some((p) => p.rowId === w.rowId));
  const held = heldPlaces(store);
  for (const [deviceId, own] of byDevice) {
    const chain = checkChain(deviceId, own);
    for (const p of chain.problems) add({ kind: 'chain', deviceId, message: p.message });
    const deviceSeals = seals.filter((s) => s.deviceId === deviceId);
    // Every place up to the last one the device sealed in a folder file must be here (merged, or held back by the
    // rules): a hole is a record cut out of its published history, even when the changes around it are intact. Not so
    // for a seal relayed by the team server, which refuses changes of a push (and whose operator may withhold some):
    // that device's chain has honest holes.
    const sealedThrough = Math.max(0, ...deviceSeals.filter((s) => s.changes.every((c) => !c.member)).map((s) => Number(s.fields.throughSeq)));
    const heldHere = held.get(deviceId);
    const hole = firstHole((place) => chain.links.has(place) || heldHere?.has(place) === true, sealedThrough);
    if (hole) {
      add({ kind: 'seal', deviceId, message: `device ${deviceId} sealed its chain through place ${sealedThrough}, but places ${hole.from}–${hole.to} are not here: changes it published were removed (or have not arrived yet).` });
    }
    for (const seal of deviceSeals) {
      const through = Number(seal.fields.throughSeq);
      const link = chain.links.get(through);
      if (link !== undefined && link !== seal.fields.throughLink) {
        add({ kind: 'seal', deviceId, message: `device ${deviceId} sealed place ${through} of its chain with another link than the change here: that change, or one before it, was edited after it was published.` });
      }
    }
  }

  const rows = checkRows(store, changes);
  problems.push(...rows.problems);
  return {
    ok: problems.length === 0,
    checkedAt: new Date(store.now()).toISOString(),
    problems,
    counts: { changes: changes.length, signedWrites: signed.length, devices: byDevice.size, rows: rows.count },
  };
}

/** The first run of places from 1 to `upTo` that are not here, or null when all are. */
function firstHole(here: (place: number) => boolean, upTo: number): { from: number; to: number } | null {
  for (let place = 1; place <= upTo; place++) {
    if (here(place)) continue;
    let to = place;
    while (to < upTo && !here(to + 1)) to++;
    return { from: place, to };
  }
  return null;
}

/** The chain places of the changes held back here, by device: they arrived, the rules keep them out of the log. */
function heldPlaces(store: WorkspaceStore): Map<string, Set<number>> {
  const places = new Map<string, Set<number>>();
  const rows = databaseOf(store).prepare("SELECT json_extract(change, '$.deviceId') AS deviceId, json_extract(change, '$.chainSeq') AS place FROM sync_held").all() as Array<{ deviceId: string; place: number }>;
  for (const r of rows) {
    const own = places.get(r.deviceId) ?? new Set<number>();
    own.add(r.place);
    places.set(r.deviceId, own);
  }
  return places;
}

/** Rewrites the rows that differ from their change log; returns how many it mended. */
export function repairRows(store: WorkspaceStore): number {
  const db = databaseOf(store);
  const changes = (db.prepare('SELECT * FROM change_log').all() as ChangeRow[]).map(rowToChange);
  const { expected, problems } = checkRows(store, changes);
  const mend = problems.filter((p) => p.repairable);
  db.transaction(() => {
    for (const p of mend) {
      const entity = p.entity as EntityName;
      const want = expected.get(entity)!.get(p.rowId!);
      const { table } = ENTITY_TABLES[entity];
      if (!want) {
        db.prepare(`DELETE FROM ${table} WHERE id = ?`).run(p.rowId);
        continue;
      }
      const specs = Object.entries(ENTITY_TABLES[entity].fields as Record<string, FieldSpec>).filter(([name]) => name in want.fields);
      const columns = ['id', 'created_at', 'updated_at', 'deleted', ...specs.map(([, spec]) => spec.column)];
      const values = [p.rowId, want.createdAt, want.updatedAt, want.deleted ? 1 : 0, ...specs.map(([name, spec]) => encodeValue(spec.codec, want.fields[name]))];
      db.prepare(`DELETE FROM ${table} WHERE id = ?`).run(p.rowId);
      db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`).run(...values);
    }
  })();
  return mend.length;
}

interface ExpectedRow {
  fields: Record<string, unknown>;
  deleted: boolean;
  createdAt: string;
  updatedAt: string;
}

/** Every domain row against the newest change of each of its fields (last writer wins, as the merge does). */
function checkRows(store: WorkspaceStore, changes: readonly Change[]) {
  const expected = new Map<EntityName, Map<string, ExpectedRow>>();
  const newest = new Map<string, string>();
  for (const c of changes) {
    if (c.field === SIGNATURE_FIELD || !ENTITY_NAMES.includes(c.entity as EntityName)) continue;
    const entity = c.entity as EntityName;
    const rows = expected.get(entity) ?? new Map<string, ExpectedRow>();
    expected.set(entity, rows);
    const at = hlcInstant(c.hlc);
    const row = rows.get(c.rowId) ?? { fields: {}, deleted: false, createdAt: at, updatedAt: at };
    rows.set(c.rowId, row);
    if (at < row.createdAt) row.createdAt = at;
    if (at > row.updatedAt) row.updatedAt = at;
    const key = `${entity}\u0000${c.rowId}\u0000${c.field}`;
    if ((newest.get(key) ?? '') > c.hlc) continue;
    newest.set(key, c.hlc);
    if (c.field === DELETED_FIELD) row.deleted = c.value === true;
    else row.fields[c.field] = c.value;
  }
  const problems: VerifyProblem[] = [];
  let count = 0;
  for (const entity of ENTITY_NAMES) {
    const { table, fields } = ENTITY_TABLES[entity] as { table: string; fields: Record<string, FieldSpec> };
    const want = expected.get(entity) ?? new Map<string, ExpectedRow>();
    const seen = new Set<string>();
    for (const raw of databaseOf(store).prepare(`SELECT * FROM ${table}`).iterate() as Iterable<Record<string, unknown>>) {
      count++;
      const id = String(raw.id);
      seen.add(id);
      const w = want.get(id);
      if (!w) {
        problems.push({ kind: 'row', entity, rowId: id, deviceId: null, repairable: true, message: `${entity} ${id} is not in the change log: it was written into the file behind Release Desk's back.` });
        continue;
      }
      const differs = Object.entries(w.fields).find(([name, value]) => fields[name] && !isDeepStrictEqual(decodeValue(fields[name].codec, raw[fields[name].column]), value));
      if (differs || (raw.deleted === 1) !== w.deleted) {
        const what = differs ? `its ${differs[0]} is not what its change log says` : `it is ${w.deleted ? 'not deleted' : 'deleted'} against its change log`;
        problems.push({ kind: 'row', entity, rowId: id, deviceId: null, repairable: true, message: `${entity} ${id}: ${what}: it was edited behind Release Desk's back.` });
      }
    }
    for (const id of want.keys()) {
      if (!seen.has(id)) problems.push({ kind: 'missing-row', entity, rowId: id, deviceId: null, repairable: true, message: `${entity} ${id} has a change log but no row: it was deleted from the file behind Release Desk's back.` });
    }
  }
  return { problems, count, expected };
}
