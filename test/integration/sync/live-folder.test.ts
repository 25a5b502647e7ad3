import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/temp-workspace';
import { call, openWorkspace, seedTeam } from './sync-scenario';

async function within(ms: number, check: () => Promise<boolean> | boolean): Promise<number> {
  const start = performance.now();
  while (!(await check())) {
    if (performance.now() - start > ms) throw new Error(`not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return performance.now() - start;
}

describe('live sync through a watched shared folder', () => {
  const cleanups: Array<() => void> = [];
  afterEach(() => cleanups.splice(0).reverse().forEach((c) => c()));

  it('a change on A is published and merged on B within a few seconds, neither pressing sync', async () => {
    const t = tempDir('release-desk-live-folder-');
    const folder = path.join(t.dir, 'shared');
    fs.mkdirSync(folder);
    const a = openWorkspace(t.dir, 'a');
    const b = openWorkspace(t.dir, 'b');
    cleanups.push(t.cleanup, () => a.close(), () => b.close());
    const ids = await seedTeam(a);
    await call(a, 'sync.configure', { mode: 'folder', folder });
    await call(b, 'sync.configure', { mode: 'folder', folder });
    a.goLive();
    b.goLive();
    // B catches up with what A published on going live.
    await within(5000, async () => (await call<unknown[]>(b, 'releases.list', {})).length === 1);
    expect(a.liveNow().status.state).toBe('watching');
    await call(a, 'releases.update', { id: ids.releaseId, changes: { description: 'Freeze from 18:00' } });
    const took = await within(10_000, async () => (await call<{ description: string }>(b, 'releases.get', { id: ids.releaseId })).description === 'Freeze from 18:00');
    expect(took).toBeLessThan(3000);
  });
});
