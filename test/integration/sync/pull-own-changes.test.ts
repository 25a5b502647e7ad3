import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WorkspaceStore } from '../../../electron/core/store/workspace-store';
import { syncFolder } from '../../../electron/core/sync/folder-transport';
import { receiveChanges } from '../../../electron/core/sync/receive-changes';
import { serverTransportId, syncServer } from '../../../electron/core/sync/server-client';
import { SyncLedger } from '../../../electron/core/sync/sync-ledger';
import { rowToSyncChange, type ChangeLogRow } from '../../../electron/core/sync/sync-change';
import { SqliteServerStore } from '../../../electron/server/sqlite-server-store';
import { hashToken, newToken, startSyncServer } from '../../../electron/server/sync-server';
import { tempDir } from '../../helpers/temp-workspace';

/** A device never downloads its own changes back: they cost bandwidth and apply time, and it already has them. */
describe('pull leaves out the pulling device’s own changes', () => {
  const cleanups: Array<() => void | Promise<void>> = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  function twoDevices() {
    const t = tempDir('release-desk-own-');
    const a = WorkspaceStore.open(path.join(t.dir, 'a.releasedesk'));
    const b = WorkspaceStore.open(path.join(t.dir, 'b.releasedesk'));
    cleanups.push(t.cleanup, () => a.close(), () => b.close());
    const addSystems = (s: WorkspaceStore, tag: string, n: number) =>
      s.mutate('p1', (w) => {
        for (let i = 0; i < n; i++) w.insert('system', `${tag}${i}`, { name: `System ${tag}${i}`, description: '', dependsOn: [] });
      });
    return { dir: t.dir, a, b, addSystems };
  }
  async function teamServer(dir: string) {
    const store = new SqliteServerStore(path.join(dir, 'server'));
    const server = await startSyncServer({ store });
    cleanups.push(() => store.close(), () => server.close());
    const token = newToken();
    store.addMember({ id: 'm', name: 'Priya', personId: 'p1', admin: true }, hashToken(token));
    return { store, server, target: { url: server.url, token } };
  }
  const logCount = (s: WorkspaceStore) => s.db.prepare('SELECT count(*) FROM change_log').pluck().get() as number;

  it('team server: a device gets only others’ changes, and the cursor still moves past its own', async () => {
    const { dir, a, b, addSystems } = twoDevices();
    const { store, server, target } = await teamServer(dir);

    addSystems(a, 'a', 20);
    const first = await syncServer(a, target);
    expect(first.sent).toBe(60);
    expect(first.received + first.duplicates).toBe(0);

    addSystems(b, 'b', 5);
    const fromB = await syncServer(b, target);
    expect(fromB.received).toBe(60);
    expect(fromB.duplicates).toBe(0);

    const again = await syncServer(a, target);
    expect(again.received).toBe(15);
    expect(again.duplicates).toBe(0);
    expect(logCount(a)).toBe(logCount(b));

    // Paging with the puller's own changes between and after the others': nothing skipped, nothing repeated.
    const own = { deviceId: a.deviceId, upTo: new SyncLedger(a.db).getNumber(`${serverTransportId(server.url)}:pushedUpTo`) };
    expect(own.upTo).toBe(60);
    const seen: string[] = [];
    let since = 0;
    for (let more = true; more; ) {
      const page = store.pull(since, 7, own);
      seen.push(...page.changes.map((c) => `${c.rowId}.${c.field}`));
      expect(page.changes.every((c) => c.deviceId !== a.deviceId)).toBe(true);
      expect(page.cursor).toBeGreaterThanOrEqual(since);
      since = page.cursor;
      more = page.more;
    }
    expect(seen).toHaveLength(15);
    expect(new Set(seen).size).toBe(15);
    expect(since).toBe(75);
    expect(store.pull(since, 7, own)).toEqual({ changes: [], cursor: 75, more: false, remaining: 0 });
  });

  it('team server: a workspace file restored from an older copy gets its own later changes back', async () => {
    const { dir, a, addSystems } = twoDevices();
    const { target } = await teamServer(dir);
    addSystems(a, 'a', 20);
    await syncServer(a, target);
    const copy = path.join(dir, 'yesterday.releasedesk');
    a.db.exec(`VACUUM INTO '${copy}'`);
    addSystems(a, 'later', 5);
    await syncServer(a, target);

    // The laptop's file is put back from yesterday's copy: same device, without the five systems made since.
    const restored = WorkspaceStore.open(copy);
    cleanups.push(() => restored.close());
    expect(restored.deviceId).toBe(a.deviceId);
    expect(restored.reader.list('system')).toHaveLength(20);
    const back = await syncServer(restored, target);
    expect(back.received).toBe(15);
    expect(restored.reader.list('system')).toHaveLength(25);
    expect(logCount(restored)).toBe(logCount(a));
  });

  it('shared folder: a peer’s file that relays this device’s changes does not bring them back', async () => {
    const { dir, a, b, addSystems } = twoDevices();
    const folder = path.join(dir, 'shared');
    fs.mkdirSync(folder);
    addSystems(a, 'a', 10);
    // B learnt A's changes another way (the team server) before it first syncs to this folder, so it publishes them.
    const aLog = (a.db.prepare('SELECT * FROM change_log ORDER BY seq').all() as ChangeLogRow[]).map(rowToSyncChange);
    receiveChanges(b, aLog, { transport: 'server:elsewhere' });
    addSystems(b, 'b', 2);
    await syncFolder(a, folder);
    const published = await syncFolder(b, folder);
    expect(published.sent).toBe(36);
    const back = await syncFolder(a, folder);
    expect(back.received).toBe(6);
    expect(back.duplicates).toBe(0);
    expect(logCount(a)).toBe(logCount(b));
  });
});
