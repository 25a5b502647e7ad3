import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../../../electron/contract/sync-entities';
import { syncFolder } from '../../../../electron/core/sync/folder-transport';
import { syncServer } from '../../../../electron/core/sync/server-client';
import { SyncService } from '../../../../electron/core/sync/sync-service';
import type { SyncProgress } from '../../../../electron/core/sync/sync-report';
import { SqliteServerStore } from '../../../../electron/server/sqlite-server-store';
import { hashToken, newToken, startSyncServer } from '../../../../electron/server/sync-server';
import { devices } from './sync-devices';

const DAY = 24 * 3600 * 1000;

/** What the status indicator shows comes from here: progress during a large sync, and held changes in words. */
describe('sync status and progress', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  function pairWithFolder(skews: number[]) {
    // Real time: the folder's clock probe (a file's modification time) is this machine's clock.
    const world = devices(skews, { start: Date.now() });
    cleanup = world.cleanup;
    const folder = path.join(world.dir, 'shared');
    fs.mkdirSync(folder);
    return { ...world, folder, a: world.stores[0], b: world.stores[1] };
  }

  it('a large sync reports progress while it runs, and the status shows it, without blocking the event loop', async () => {
    const { a, b, folder } = pairWithFolder([0, 0]);
    a.mutate('ana', (w) => {
      for (let i = 0; i < 12_000; i++) w.insert('system', `s${i}`, { name: `System ${i}`, description: '', dependsOn: [] });
    });
    const sending: SyncProgress[] = [];
    await syncFolder(a, folder, (p) => sending.push(p));
    // Everything A holds goes out: the 36,000 field changes, the team's set-up and the seal over A's chain.
    const total = a.changeCount();
    expect(total).toBeGreaterThan(36_000);
    expect(sending.length).toBeGreaterThan(5);
    expect(sending.every((p) => p.phase === 'sending' && p.total === total)).toBe(true);
    expect(sending.map((p) => p.done)).toEqual([...sending.map((p) => p.done)].sort((x, y) => x - y));
    expect(sending.at(-1)?.done).toBe(total);

    const service = SyncService.of(b);
    const seen: SyncStatus[] = [];
    let next: NodeJS.Immediate | undefined;
    const poll = () => {
      seen.push(service.status());
      next = setImmediate(poll);
    };
    next = setImmediate(poll);
    const report = await service.now({ kind: 'folder', folder });
    clearImmediate(next);
    // B has the set-up already; it receives A's systems and A's seal.
    expect(report.received).toBe(36_003);
    const during = seen.filter((s) => s.running && s.progress?.phase === 'receiving');
    // The status was answered between files: the sync yields, so the UI's polls are served during it.
    expect(during.length).toBeGreaterThan(2);
    const fractions = during.map((s) => s.progress!.done / s.progress!.total);
    expect(Math.min(...fractions)).toBeLessThan(1);
    expect(fractions).toEqual([...fractions].sort((x, y) => x - y));
    const after = service.status();
    expect(after).toMatchObject({ running: false, progress: null, lastError: null, waiting: 0 });
    expect(after.lastSyncedAt).not.toBeNull();
  });

  it('a large pull from the team server knows its total from the first page', async () => {
    const { a, b } = pairWithFolder([0, 0]);
    const store = new SqliteServerStore(path.join(a.path, '..', 'server'));
    const server = await startSyncServer({ store });
    const token = newToken();
    store.addMember({ id: 'm', name: 'Priya', personId: 'p1', admin: true }, hashToken(token));
    try {
      a.mutate('ana', (w) => {
        for (let i = 0; i < 12_000; i++) w.insert('system', `s${i}`, { name: `System ${i}`, description: '', dependsOn: [] });
      });
      await syncServer(a, { url: server.url, token });
      const receiving: SyncProgress[] = [];
      await syncServer(b, { url: server.url, token }, (p) => p.phase === 'receiving' && receiving.push(p));
      // Pages of about 10,000 (a page never splits one write): every event has the whole total, and done climbs to it.
      const total = receiving[0].total;
      expect(total).toBeGreaterThan(36_000);
      expect(receiving.length).toBe(4);
      expect(receiving.every((p) => p.total === total)).toBe(true);
      expect(receiving.map((p) => p.done)).toEqual([...receiving.map((p) => p.done)].sort((x, y) => x - y));
      expect(receiving.at(-1)?.done).toBe(total);
      expect(receiving[0].done).toBeGreaterThan(9_900);
    } finally {
      await server.close();
      store.close();
    }
  });

  it('a change stamped days ahead is held, not merged, and the status says so in words', async () => {
    const { a, b, folder } = pairWithFolder([0, 2 * DAY]);
    b.mutate('ben', (w) => w.insert('system', 'far', { name: 'From a clock two days fast', description: '', dependsOn: [] }));
    await syncFolder(b, folder);
    const service = SyncService.of(a);
    const report = await service.now({ kind: 'folder', folder });
    // The three fields of the system, and B's seal over its chain, written by the same fast clock.
    expect(report.held).toBe(6);
    expect(a.reader.get('system', 'far')).toBeUndefined();
    expect(report.warnings).toContain('6 changes held back: stamped too far in the future (a device clock is wrong); they merge once this clock reaches them.');
    const status = service.status();
    expect(status.held.filter((h) => h.entity === 'system')).toHaveLength(3);
    expect(status.held[0]).toMatchObject({ kind: 'future', deviceId: b.deviceId });
    expect(status.held[0].reason).toMatch(/^Stamped 2 days ahead of this device's clock \(device \w+\); one of the two clocks is wrong\./);
    expect(status.warnings).toEqual(report.warnings);
  });
});
