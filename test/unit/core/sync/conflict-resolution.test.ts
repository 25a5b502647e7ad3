import { afterEach, describe, expect, it } from 'vitest';
import { listConflicts, openConflictCount, resolveConflict } from '../../../../electron/core/sync/sync-conflicts';
import { comparableExport, deliver, devices, logOf } from './sync-devices';

/** A person's answer to a conflict is a change that syncs: every device's conflicts view agrees afterwards. */
describe('resolving a conflict syncs', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  /** A and B edit the same description apart and exchange: both list the one conflict. */
  function conflicted() {
    const world = devices([0, 0], { people: [
      { id: 'ana', name: 'Ana', roles: [] },
      { id: 'ben', name: 'Ben', roles: [] },
    ] });
    cleanup = world.cleanup;
    const [a, b] = world.stores;
    const { time } = world;
    a.mutate('ana', (w) => w.insert('system', 's1', { name: 'Billing', description: 'first', dependsOn: [] }));
    deliver(b, logOf(a), time.now);
    time.now += 1000;
    a.mutate('ana', (w) => w.update('system', 's1', { description: 'edited on A' }));
    time.now += 1000;
    b.mutate('ben', (w) => w.update('system', 's1', { description: 'edited on B' }));
    deliver(a, logOf(b), time.now);
    deliver(b, logOf(a), time.now);
    const [conflict] = listConflicts(a, false);
    expect(conflict).toMatchObject({ field: 'description', current: { display: 'edited on B', author: 'ben' }, other: { display: 'edited on A', author: 'ana' } });
    expect(listConflicts(b, false).map((c) => c.id)).toEqual([conflict.id]);
    time.now += 1000;
    return { ...world, a, b, conflict };
  }

  it('"Keep current" on one device closes the conflict on the other, and both list it as kept', () => {
    const { a, b, time, conflict } = conflicted();
    const answered = resolveConflict(b, 'ben', conflict.id, 'current');
    expect(answered.resolution).toBe('kept');
    expect(b.reader.get('system', 's1')).toMatchObject({ description: 'edited on B' });
    expect(listConflicts(b, false)).toEqual([]);

    deliver(a, logOf(b), time.now);
    expect(listConflicts(a, false)).toEqual([]);
    expect(openConflictCount(a)).toBe(0);
    for (const s of [a, b]) {
      const all = listConflicts(s, true);
      expect(all.map((c) => [c.id, c.resolution, c.current.display, c.other.display])).toEqual([[conflict.id, 'kept', 'edited on B', 'edited on A']]);
    }
    expect(comparableExport(a)).toEqual(comparableExport(b));
    // Answered once, everywhere: the other device may not answer it again.
    expect(() => resolveConflict(a, 'ana', conflict.id, 'other')).toThrow(/already resolved/);
  });

  it('"Restore the other value" syncs the value and the answer; both list it as restored', () => {
    const { a, b, time, conflict } = conflicted();
    resolveConflict(a, 'ana', conflict.id, 'other');
    deliver(b, logOf(a), time.now);
    for (const s of [a, b]) {
      expect(s.reader.get('system', 's1')).toMatchObject({ description: 'edited on A' });
      expect(listConflicts(s, false)).toEqual([]);
      expect(listConflicts(s, true).map((c) => [c.id, c.resolution])).toEqual([[conflict.id, 'restored']]);
    }
    expect(comparableExport(a)).toEqual(comparableExport(b));
  });

  it('two devices answering the same conflict apart (one keeps, one restores) converge, with the value restored', () => {
    const { a, b, time, conflict } = conflicted();
    resolveConflict(a, 'ana', conflict.id, 'current');
    time.now += 1000;
    resolveConflict(b, 'ben', conflict.id, 'other');
    deliver(a, logOf(b), time.now);
    deliver(b, logOf(a), time.now);
    expect(comparableExport(a)).toEqual(comparableExport(b));
    for (const s of [a, b]) {
      expect(s.reader.get('system', 's1')).toMatchObject({ description: 'edited on A' });
      expect(listConflicts(s, false)).toEqual([]);
      // The newest answer is shown.
      expect(listConflicts(s, true).map((c) => c.resolution)).toEqual(['restored']);
    }
  });
});
