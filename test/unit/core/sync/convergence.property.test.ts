import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ApiFailure } from '../../../../electron/contract/api-result';
import type { WorkspaceStore } from '../../../../electron/core/store/workspace-store';
import { listConflicts, resolveConflict } from '../../../../electron/core/sync/sync-conflicts';
import { comparableExport, conflictKeys, deliver, devices, logOf } from './sync-devices';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const ROWS = ['s0', 's1', 's2'];
const STATES = ['product', 'organization', 'security', 'operation'] as const;

type Op =
  | { kind: 'edit'; device: number; row: number; field: 'name' | 'description'; value: string }
  | { kind: 'delete' | 'restore'; device: number; row: number }
  | { kind: 'signoff'; device: number; state: number }
  | { kind: 'stepExecution'; device: number; step: number }
  | { kind: 'deleteRelease'; device: number }
  | { kind: 'restoreRelease'; device: number }
  | { kind: 'resolve'; device: number; pick: number; keep: 'other' | 'current' }
  | { kind: 'deliver'; from: number; to: number; order: 'as-is' | 'reversed' | 'twice' | 'subset'; pick: boolean[] }
  | { kind: 'wait'; ms: number };

const DEVICES = 3;
const device = fc.integer({ min: 0, max: DEVICES - 1 });
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('edit' as const), device, row: fc.integer({ min: 0, max: 2 }), field: fc.constantFrom('name' as const, 'description' as const), value: fc.constantFrom('Billing', 'Payments', 'Ledger', '') }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constantFrom('delete' as const, 'restore' as const), device, row: fc.integer({ min: 0, max: 2 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('signoff' as const), device, state: fc.integer({ min: 0, max: 3 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('stepExecution' as const), device, step: fc.integer({ min: 0, max: 2 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constantFrom('deleteRelease' as const, 'restoreRelease' as const), device }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('resolve' as const), device, pick: fc.nat(), keep: fc.constantFrom('other' as const, 'current' as const) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('deliver' as const), from: device, to: device, order: fc.constantFrom('as-is' as const, 'reversed' as const, 'twice' as const, 'subset' as const), pick: fc.array(fc.boolean(), { minLength: 1, maxLength: 40 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('wait' as const), ms: fc.integer({ min: 1, max: 10 * MINUTE }) }) },
);
/** Clocks: exact, days behind, a little ahead (within the drift bound), far ahead (beyond it). */
const skew = fc.constantFrom(0, -3 * DAY, -40 * MINUTE, 2 * MINUTE, 2 * DAY);

/** Append-only records made during a run: every one must be on every device at the end. */
interface Made {
  signoffs: Set<string>;
  executions: Set<string>;
}

function apply(stores: WorkspaceStore[], o: Op, now: number, made: Made): void {
  if (o.kind === 'deliver') {
    if (o.from === o.to) return;
    let changes = logOf(stores[o.from]);
    if (o.order === 'reversed') changes = changes.reverse();
    if (o.order === 'twice') changes = [...changes, ...changes.slice(0, Math.ceil(changes.length / 2))];
    if (o.order === 'subset') changes = changes.filter((_, i) => o.pick[i % o.pick.length]);
    deliver(stores[o.to], changes, now);
    return;
  }
  if (o.kind === 'wait') return;
  const store = stores[o.device];
  if (o.kind === 'signoff') {
    const id = store.mutate('p1', (w) =>
      w.append('signoff', { releaseId: 'r1', state: STATES[o.state], action: 'assert', personId: 'p1', comment: `on device ${o.device}`, waivedIssues: [], withdrawsId: null, deviceId: store.deviceId }),
    );
    made.signoffs.add(id);
    return;
  }
  if (o.kind === 'stepExecution') {
    const id = store.mutate('p1', (w) =>
      w.append('stepExecution', { runbookId: 'rb1', releaseId: 'r1', stepId: `step-${o.step}`, action: 'complete', reason: '', personId: 'p1', at: new Date(now).toISOString(), deviceId: store.deviceId }),
    );
    made.executions.add(id);
    return;
  }
  if (o.kind === 'deleteRelease' || o.kind === 'restoreRelease') {
    // The release's sign-offs must outlive its tombstone.
    if (o.kind === 'deleteRelease' && store.reader.get('release', 'r1')) store.mutate('p1', (w) => w.delete('release', 'r1'));
    if (o.kind === 'restoreRelease' && store.reader.isDeleted('release', 'r1')) store.mutate('p1', (w) => w.restore('release', 'r1'));
    return;
  }
  if (o.kind === 'resolve') {
    // A person answers one of the conflicts this device lists; the answer syncs like any change.
    const open = listConflicts(store, false);
    if (open.length === 0) return;
    try {
      resolveConflict(store, 'p1', open[o.pick % open.length].id, o.keep);
    } catch (error) {
      // Restoring a value of a record deleted since is refused with a sentence, and writes nothing.
      if (!(error instanceof ApiFailure)) throw error;
    }
    return;
  }
  const row = ROWS[o.row];
  const exists = store.reader.get('system', row) !== undefined;
  if (o.kind === 'edit' && exists) store.mutate('p1', (w) => w.update('system', row, { [o.field]: [o.value, `(${o.device})`].filter(Boolean).join(' ') }));
  if (o.kind === 'delete' && exists) store.mutate('p1', (w) => w.delete('system', row));
  if (o.kind === 'restore' && store.reader.isDeleted('system', row)) store.mutate('p1', (w) => w.restore('system', row));
}

// About 10 s of work on a quiet machine: a timeout that a busy one cannot trip.
describe('sync converges', { timeout: 120_000 }, () => {
  it('whatever the edits, delivery order, duplication and clock skew: identical exports, no sign-off or step execution lost, the same conflicts and answers', () => {
    fc.assert(
      fc.property(fc.array(skew, { minLength: DEVICES, maxLength: DEVICES }), fc.array(op, { minLength: 5, maxLength: 40 }), (skews, ops) => {
        const world = devices(skews, { people: [{ id: 'p1', name: 'Priya', roles: ['product-owner', 'release-coordinator', 'security-architect', 'operations-coordinator'] }] });
        try {
          const { stores, time } = world;
          const made: Made = { signoffs: new Set(), executions: new Set() };
          // A shared starting point: one team, device 0 creates the records, everyone receives them.
          time.skewed = false;
          stores[0].mutate('p1', (w) => {
            for (const id of ROWS) w.insert('system', id, { name: id, description: '', dependsOn: [] });
            w.insert('release', 'r1', { name: 'Payments', version: '1.0', systemIds: ['s0'], environmentIds: [], windowStart: '2026-12-01T10:00:00.000Z', windowEnd: '2026-12-01T12:00:00.000Z', timeZone: 'UTC', status: 'planned', ownerId: null, description: '' });
          });
          for (const s of stores.slice(1)) deliver(s, logOf(stores[0]), time.now);
          time.skewed = true;
          for (const o of ops) {
            time.now += o.kind === 'wait' ? o.ms : 1000;
            apply(stores, o, time.now, made);
          }
          // Later, every clock has long passed every stamp, and everyone has heard from everyone (twice, reordered).
          time.now += 5 * DAY;
          for (let round = 0; round < 2; round++) {
            for (const from of stores) for (const to of stores) if (from !== to) deliver(to, round ? logOf(from).reverse() : logOf(from), time.now);
          }
          const exports = stores.map(comparableExport);
          for (const e of exports.slice(1)) expect(e).toEqual(exports[0]);
          for (const s of stores) {
            // Kept even when their release is deleted (a tombstone): sign-offs stay in the audit.
            const ids = new Set(s.reader.list('signoff').map((signoff) => signoff.id));
            for (const id of made.signoffs) expect(ids.has(id)).toBe(true);
            const executions = new Set(s.reader.list('stepExecution').map((execution) => execution.id));
            for (const id of made.executions) expect(executions.has(id)).toBe(true);
            expect(s.held.count(['future'])).toBe(0);
          }
          const conflicts = stores.map(conflictKeys);
          for (const c of conflicts.slice(1)) expect(c).toEqual(conflicts[0]);
          // Every device's conflicts view agrees: the same open ones, the same answers.
          const views = stores.map((s) => [listConflicts(s, false).map((c) => c.id), listConflicts(s, true).map((c) => `${c.id}:${c.resolution}`)]);
          for (const v of views.slice(1)) expect(v).toEqual(views[0]);
        } finally {
          world.cleanup();
        }
      }),
      { numRuns: 60 },
    );
  });
});
