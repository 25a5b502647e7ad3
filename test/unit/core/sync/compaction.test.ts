import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FILE_NAME } from '../../../../electron/core/sync/folder-file';
import { syncFolder } from '../../../../electron/core/sync/folder-transport';
import { comparableExport, devices } from './sync-devices';

/** A device folds its many small folder files into one; no peer, however far behind, loses any of its history. */
describe('folder compaction', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  it('peers that read some, all or none of the old files all converge after the owner compacts them', async () => {
    const world = devices([0, 0, 0, 0]);
    cleanup = world.cleanup;
    const [a, partly, fully, never] = world.stores;
    const folder = path.join(world.dir, 'shared');
    fs.mkdirSync(folder);
    const own = path.join(folder, a.deviceId);
    const files = () => fs.readdirSync(own).filter((n) => FILE_NAME.test(n)).sort();

    a.mutate('ana', (w) => w.insert('system', 's1', { name: 'Billing', description: 'v0', dependsOn: [] }));
    for (let i = 1; i <= 64; i++) {
      await syncFolder(a, folder);
      a.mutate('ana', (w) => w.insert('system', `x${i}`, { name: `System ${i}`, description: `made in round ${i}`, dependsOn: [] }));
      world.time.now += 1000;
      if (i === 30) await syncFolder(partly, folder);
    }
    await syncFolder(fully, folder);
    expect(files()).toHaveLength(64);

    // The 65th file tips it over: file 66 holds the whole history (base 0) and replaces all of them.
    await syncFolder(a, folder);
    expect(files()).toEqual(['00000066.ndjson.gz']);
    a.mutate('ana', (w) => w.update('system', 's1', { description: 'after compaction' }));
    await syncFolder(a, folder);
    expect(files()).toEqual(['00000066.ndjson.gz', '00000067.ndjson.gz']);

    for (const peer of [partly, fully, never]) {
      const report = await syncFolder(peer, folder);
      expect(report.warnings).toEqual([]);
      expect(comparableExport(peer)).toEqual(comparableExport(a));
      expect(peer.reader.list('system')).toHaveLength(65);
      expect(peer.reader.get('system', 's1')).toMatchObject({ description: 'after compaction' });
    }
    // Nothing was read twice into a log: every change is there once.
    const count = (s: typeof a) => s.changeCount();
    for (const peer of [partly, fully, never]) expect(count(peer)).toBe(count(a));
  });
});
