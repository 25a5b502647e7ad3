import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { syncFolder } from '../../../../electron/core/sync/folder-transport';
import { receiveChanges } from '../../../../electron/core/sync/receive-changes';
import { listConflicts } from '../../../../electron/core/sync/sync-conflicts';
import { comparableExport, deliver, devices, logOf } from './sync-devices';

const DAY = 24 * 3600 * 1000;

describe('sync faults', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  function pair(skews: number[] = [0, 0]) {
    const world = devices(skews);
    cleanup = world.cleanup;
    const folder = path.join(world.dir, 'shared');
    fs.mkdirSync(folder);
    const [a, b] = world.stores;
    a.mutate('ana', (w) => w.insert('system', 's1', { name: 'Billing', description: 'from A', dependsOn: [] }));
    return { ...world, a, b, folder };
  }

  it('skips a truncated, corrupt or conflicted-copy file with a warning, and reads it once it is whole', async () => {
    const { a, b, folder } = pair();
    await syncFolder(a, folder);
    const file = path.join(folder, a.deviceId, '00000001.ndjson.gz');
    const whole = fs.readFileSync(file);

    fs.writeFileSync(file, whole.subarray(0, Math.floor(whole.length / 2)));
    fs.writeFileSync(path.join(folder, a.deviceId, '00000001 (conflicted copy).ndjson.gz'), whole);
    fs.writeFileSync(path.join(folder, 'notes.txt'), 'someone else put this here');
    let report = await syncFolder(b, folder);
    expect(report.warnings.join('\n')).toMatch(/Skipped .*00000001\.ndjson\.gz: not a complete gzip file/);
    expect(report.warnings.join('\n')).toMatch(/Ignored .*conflicted copy/);
    expect(b.reader.get('system', 's1')).toBeUndefined();

    // Whole gzip, but a change line altered: the checksum catches it.
    const text = (await import('node:zlib')).gunzipSync(whole).toString('utf8').replace('from A', 'from X');
    fs.writeFileSync(file, gzipSync(text));
    report = await syncFolder(b, folder);
    expect(report.warnings.join('\n')).toMatch(/checksum does not match/);
    expect(b.reader.get('system', 's1')).toBeUndefined();

    fs.writeFileSync(file, whole);
    report = await syncFolder(b, folder);
    expect(b.reader.get('system', 's1')).toMatchObject({ name: 'Billing', description: 'from A' });
    expect(b.integrityCheck()).toBe('ok');
  });

  it('reads a file that arrives late (out of order) even after later ones were merged', async () => {
    const { a, b, folder } = pair();
    await syncFolder(a, folder);
    a.mutate('ana', (w) => w.update('system', 's1', { name: 'Billing v2' }));
    await syncFolder(a, folder);
    const first = path.join(folder, a.deviceId, '00000001.ndjson.gz');
    const hidden = `${first}.away`;
    fs.renameSync(first, hidden);
    await syncFolder(b, folder);
    expect(b.reader.get('system', 's1')).toMatchObject({ name: 'Billing v2', description: '' });
    fs.renameSync(hidden, first);
    await syncFolder(b, folder);
    expect(comparableExport(b)).toEqual(comparableExport(a));
  });

  it('a sync killed mid-apply leaves the workspace as it was; a rerun converges; integrity_check is ok', async () => {
    const { a, b, folder } = pair();
    for (let i = 0; i < 50; i++) a.mutate('ana', (w) => w.insert('system', `x${i}`, { name: `System ${i}`, description: '', dependsOn: [] }));
    const before = b.changeCount();
    expect(() =>
      receiveChanges(b, logOf(a), {
        transport: 'test',
        afterApply: () => {
          throw new Error('process killed');
        },
      }),
    ).toThrow('process killed');
    expect(b.changeCount()).toBe(before);
    expect(b.reader.list('system')).toEqual([]);
    await syncFolder(a, folder);
    await syncFolder(b, folder);
    await syncFolder(a, folder);
    expect(comparableExport(b)).toEqual(comparableExport(a));
    expect(b.integrityCheck()).toBe('ok');
  });

  it('holds a change stamped days in the future, shows why, and merges it once the clock reaches it', () => {
    const world = devices([0, 3 * DAY]);
    cleanup = world.cleanup;
    const [a, fast] = world.stores;
    fast.mutate('ben', (w) => w.insert('system', 's9', { name: 'From the future', description: '', dependsOn: [] }));
    const result = deliver(a, logOf(fast), world.time.now);
    expect(result.held).toBe(3);
    expect(a.reader.get('system', 's9')).toBeUndefined();
    const reason = a.held.list(1)[0].reason;
    expect(reason).toMatch(/3 days ahead of this device's clock/);
    // A's own clock did not jump to the future: its next edit is stamped today.
    a.mutate('ana', (w) => w.insert('system', 's1', { name: 'Today', description: '', dependsOn: [] }));
    expect(a.history('system', 's1')[0].hlc.slice(0, 10)).toBe(new Date(world.time.now).toISOString().slice(0, 10));
    world.time.now += 3 * DAY;
    deliver(a, [], world.time.now);
    expect(a.reader.get('system', 's9')).toMatchObject({ name: 'From the future' });
    expect(a.held.count()).toBe(0);
  });

  it('a device whose clock is days behind converges, and its later edit wins over what it had seen', () => {
    const world = devices([0, -4 * DAY]);
    cleanup = world.cleanup;
    const [a, slow] = world.stores;
    a.mutate('ana', (w) => w.insert('system', 's1', { name: 'Billing', description: '', dependsOn: [] }));
    deliver(slow, logOf(a), world.time.now);
    expect(slow.reader.get('system', 's1')).toMatchObject({ name: 'Billing' });
    slow.mutate('sam', (w) => w.update('system', 's1', { name: 'Billing (renamed on the slow laptop)' }));
    deliver(a, logOf(slow), world.time.now);
    expect(a.reader.get('system', 's1')).toMatchObject({ name: 'Billing (renamed on the slow laptop)' });
    expect(listConflicts(a, false)).toEqual([]);
  });
});
