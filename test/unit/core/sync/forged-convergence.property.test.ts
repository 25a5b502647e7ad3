import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Change } from '../../../../electron/core/changes/change';
import { changeKey } from '../../../../electron/core/changes/change-key';
import { readSignedRows } from '../../../../electron/core/store/signed-records';
import type { WorkspaceStore } from '../../../../electron/core/store/workspace-store';
import { recordId } from '../../../../electron/core/trust/record-id';
import { Forger } from '../../../helpers/forge';
import { comparableExport, deliver, devices, logOf } from './sync-devices';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const DEVICES = 3;
const ROWS = ['s0', 's1'];
const STATES = ['product', 'organization', 'security', 'operation'] as const;
/** Priya holds every empowered role; Ola none. Every device holds an enrolled key for both. */
const PEOPLE = [
  { id: 'p1', name: 'Priya', roles: ['product-owner', 'release-coordinator', 'security-architect', 'operations-coordinator'] as const },
  { id: 'p2', name: 'Ola', roles: [] as const },
];

/**
 * What an attacker with any transport (a folder, a server that lets things through, a backup) can send:
 * - `unenrolled`: a sign-off "by Priya" signed by a key nobody enrolled;
 * - `no-role`: a sign-off by Ola, signed with a device key enrolled for her, for a state she holds no role for;
 * - `moved`: a copy of an honest sign-off with another stamp (so another id) and another release, its signature kept;
 * - `rewrite`: a second write of an honest sign-off's action, under a later stamp;
 * - `grant`: Ola's roles changed by a device that is no admin's;
 * - `malformed`: a system name that is a number, an environment position with a fraction;
 * - `unknown`: a change of a kind of record this version does not know.
 */
const FORGERIES = ['unenrolled', 'no-role', 'moved', 'rewrite', 'grant', 'malformed', 'unknown'] as const;
type Forgery = (typeof FORGERIES)[number];

type Op =
  | { kind: 'edit'; device: number; row: number; value: string }
  | { kind: 'signoff'; device: number; state: number; action: 'assert' | 'halt' }
  | { kind: 'deliver'; from: number; to: number; reversed: boolean }
  | { kind: 'wait'; ms: number }
  | { kind: 'forge'; forgery: Forgery; device: number; to: boolean[] };

const device = fc.integer({ min: 0, max: DEVICES - 1 });
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('edit' as const), device, row: fc.integer({ min: 0, max: ROWS.length - 1 }), value: fc.constantFrom('Billing', 'Payments', 'Ledger') }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('signoff' as const), device, state: fc.integer({ min: 0, max: 3 }), action: fc.constantFrom('assert' as const, 'halt' as const) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('deliver' as const), from: device, to: device, reversed: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('wait' as const), ms: fc.integer({ min: 1, max: 10 * MINUTE }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('forge' as const), forgery: fc.constantFrom(...FORGERIES), device, to: fc.array(fc.boolean(), { minLength: DEVICES, maxLength: DEVICES }) }) },
);
const skew = fc.constantFrom(0, -3 * DAY, -40 * MINUTE, 2 * MINUTE, 2 * DAY);

interface Run {
  stores: WorkspaceStore[];
  workspaceId: string;
  now: number;
  /** Every forged batch made, delivered again to everyone at the end (a folder file stays in the folder). */
  forged: Change[][];
  honestSignoffs: Set<string>;
  /** Forgers keep their chains apart from the devices' own (placed far beyond them). */
  forgers: Map<string, Forger>;
}

function signoff(releaseId: string, state: string, action: string, personId: string, deviceId: string) {
  return { releaseId, state, action, personId, comment: `${action} ${state}`, waivedIssues: [], withdrawsId: null, deviceId };
}

/** A forger with device `i`'s key (as a modified client on that laptop would have), or with a key of its own. */
function forgerFor(run: Run, i: number | 'own'): Forger {
  const key = i === 'own' ? 'own' : run.stores[i].deviceId;
  let forger = run.forgers.get(key);
  if (!forger) {
    forger = i === 'own' ? new Forger(run.workspaceId) : new Forger(run.workspaceId, run.stores[i].deviceKey, { seq: 1_000_000, link: '0'.repeat(64) });
    run.forgers.set(key, forger);
  }
  return forger;
}

function forge(run: Run, forgery: Forgery, i: number): Change[] {
  const at = new Date(run.now).toISOString();
  const honest = logOf(run.stores[i]).filter((c) => c.entity === 'signoff');
  switch (forgery) {
    case 'unenrolled': {
      const f = forgerFor(run, 'own');
      return f.write('signoff', signoff('r1', 'security', 'assert', 'p1', f.deviceId), { author: 'p1', at });
    }
    case 'no-role':
      return forgerFor(run, i).write('signoff', signoff('r1', 'product', 'assert', 'p2', run.stores[i].deviceId), { author: 'p2', at });
    case 'grant':
      return forgerFor(run, i === 0 ? 1 : i).write('person', { roles: ['admin', 'product-owner'] }, { rowId: 'p2', author: 'p2', at });
    case 'malformed': {
      const f = forgerFor(run, 'own');
      return [...f.write('system', { name: 42 }, { rowId: 's0', author: 'p1', at }), ...f.write('environment', { position: 1.5 }, { rowId: 'e1', author: 'p1', at })];
    }
    case 'unknown': {
      const f = forgerFor(run, 'own');
      return [f.change({ hlc: f.stamp(at), author: 'p1', entity: 'rocket', rowId: 'r-1', field: 'fuel', value: 'kerosene' })];
    }
    case 'moved':
    case 'rewrite': {
      if (honest.length === 0) return forge(run, 'unenrolled', i);
      const target = honest[0];
      const f = forgerFor(run, i);
      const hlc = f.stamp(at, target.deviceId);
      if (forgery === 'rewrite') return [f.change({ hlc, author: target.author, entity: 'signoff', rowId: target.rowId, field: 'action', value: 'assert', deviceId: target.deviceId })];
      return honest
        .filter((c) => c.rowId === target.rowId)
        .map((c) => f.change({ ...c, hlc, rowId: recordId('signoff', hlc), value: c.field === 'releaseId' ? 'r2' : c.value }));
    }
  }
}

function apply(run: Run, o: Op): void {
  const { stores } = run;
  if (o.kind === 'wait') return;
  if (o.kind === 'deliver') {
    if (o.from !== o.to) deliver(stores[o.to], o.reversed ? logOf(stores[o.from]).reverse() : logOf(stores[o.from]), run.now);
    return;
  }
  if (o.kind === 'forge') {
    const batch = forge(run, o.forgery, o.device);
    run.forged.push(batch);
    o.to.forEach((to, i) => to && deliver(stores[i], batch, run.now));
    return;
  }
  const store = stores[o.device];
  if (o.kind === 'signoff') {
    run.honestSignoffs.add(store.mutate('p1', (w) => w.append('signoff', signoff('r1', STATES[o.state], o.action, 'p1', store.deviceId))));
    return;
  }
  const row = ROWS[o.row];
  if (store.reader.get('system', row)) store.mutate('p1', (w) => w.update('system', row, { name: `${o.value} (${o.device})` }));
}

// Forty runs of three workspaces each take about 20 s on a quiet machine: the bound only keeps a busy one from failing it.
describe('sync converges under attack', { timeout: 120_000 }, () => {
  it('honest devices converge to the same export while forged and malformed changes are held on every device, in no change log', () => {
    fc.assert(
      fc.property(fc.array(skew, { minLength: DEVICES, maxLength: DEVICES }), fc.array(op, { minLength: 5, maxLength: 30 }), (skews, ops) => {
        const world = devices(skews, { people: PEOPLE.map((p) => ({ ...p, roles: [...p.roles] })) });
        try {
          const { stores, time } = world;
          time.skewed = false;
          stores[0].mutate('p1', (w) => {
            for (const id of ROWS) w.insert('system', id, { name: id, description: '', dependsOn: [] });
            w.insert('environment', 'e1', { name: 'Production', description: '', position: 1, requiresMaintenanceWindow: false, isProduction: true });
            for (const id of ['r1', 'r2']) {
              w.insert('release', id, { name: 'Payments', version: id, systemIds: ['s0'], environmentIds: ['e1'], windowStart: '2026-12-01T10:00:00.000Z', windowEnd: '2026-12-01T12:00:00.000Z', timeZone: 'UTC', status: 'planned', ownerId: null, description: '' });
            }
          });
          for (const s of stores.slice(1)) deliver(s, logOf(stores[0]), time.now);
          time.skewed = true;
          const run: Run = { stores, workspaceId: stores[0].workspaceId!, now: time.now, forged: [], honestSignoffs: new Set(), forgers: new Map() };
          for (const o of ops) {
            time.now += o.kind === 'wait' ? o.ms : 1000;
            run.now = time.now;
            apply(run, o);
          }
          // Later: every clock has passed every honest stamp, everyone has heard from everyone, and the attacker's
          // files are still there for everyone to read.
          time.now += 5 * DAY;
          for (let round = 0; round < 2; round++) {
            for (const from of stores) for (const to of stores) if (from !== to) deliver(to, round ? logOf(from).reverse() : logOf(from), time.now);
          }
          for (const to of stores) for (const batch of run.forged) deliver(to, batch, time.now);

          const exports = stores.map(comparableExport);
          for (const e of exports.slice(1)) expect(e).toEqual(exports[0]);
          const forgedKeys = run.forged.flat().map(changeKey);
          for (const s of stores) {
            const logged = new Set(logOf(s).map(changeKey));
            const held = new Set(s.held.list(Number.MAX_SAFE_INTEGER).map((h) => changeKey(h.change)));
            for (const key of forgedKeys) {
              expect(logged.has(key), key).toBe(false);
              expect(held.has(key), key).toBe(true);
            }
            // Honest records are all here and never read as unverified.
            const rows = readSignedRows(s, 'signoff', s.reader.findEqual('signoff', 'releaseId', 'r1'));
            expect(new Set(rows.map((r) => r.row.id))).toEqual(run.honestSignoffs);
            expect(rows.filter((r) => !r.trust.verified)).toEqual([]);
          }
        } finally {
          world.cleanup();
        }
      }),
      { numRuns: 40 },
    );
  });
});
