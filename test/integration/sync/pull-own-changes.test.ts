import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WorkspaceStore } from '../../../electron/core/store/workspace-store';
import { syncFolder } from '../../../electron/core/sync/folder-transport';
import { receiveChanges } from '../../../electron/core/sync/receive-changes';
import { serverTransportId, syncServer } from '../../../electron/core/sync/server-client';
import { SqliteServerStore } from '../../../electron/server/sqlite-server-store';
import { hashToken, newToken, startSyncServer } from '../../../electron/server/sync-server';
import { tempDir } from '../../helpers/temp-workspace';
import { formTeam, logOf } from '../../unit/core/sync/sync-devices';

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
    formTeam([a, b], Date.now(), []);
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
    await store.addMember({ id: 'm', name: 'Priya', personId: 'p1', admin: true }, hashToken(token));
    return { store, server, target: { url: server.url, token } };
  }
  const logCount = (s: WorkspaceStore) => s.changeCount();

  it('team server: a device gets only others’ changes, and the cursor still moves past its own', async () => {
    const { dir, a, b, addSystems } = twoDevices();
    const { store, server, target } = await teamServer(dir);
    // Both hold the team's set-up (its root); the server gets it from A's first push, B finds it there.
    const setup = logCount(a);

    addSystems(a, 'a', 20);
    const first = await syncServer(a, target);
    const sentByA = first.sent; // A's 60 field changes, the set-up and A's seal over its chain
    expect(sentByA).toBe(setup + 60 + 3);
    expect(first.received + first.duplicates).toBe(0);

    addSystems(b, 'b', 5);
    const fromB = await syncServer(b, target);
    expect(fromB.received).toBe(63); // the set-up is B's already: it arrives as duplicates
    expect(fromB.duplicates).toBe(setup);

    const again = await syncServer(a, target);
    expect(again.received).toBe(18); // B's 15 and B's seal
    expect(again.duplicates).toBe(0);
    expect(logCount(a)).toBe(logCount(b));

    // Paging with the puller's own changes between and after the others': nothing skipped, nothing repeated.
    const own = { deviceId: a.deviceId, upTo: a.ledger.getNumber(`${serverTransportId(server.url)}:pushedUpTo`) };
    expect(own.upTo).toBe(sentByA);
    const seen: string[] = [];
    let since = 0;
    for (let more = true; more; ) {
      const page = await store.pull(since, 7, own);
      seen.push(...page.changes.map((c) => `${c.rowId}.${c.field}`));
      expect(page.changes.every((c) => c.deviceId !== a.deviceId)).toBe(true);
      expect(page.cursor).toBeGreaterThanOrEqual(since);
      since = page.cursor;
      more = page.more;
    }
    expect(seen).toHaveLength(18);
    expect(new Set(seen).size).toBe(18);
    expect(since).toBe(sentByA + 18);
    expect(await store.pull(since, 7, own)).toEqual({ changes: [], cursor: sentByA + 18, more: false, remaining: 0 });
  });

  it('team server: a workspace file restored from an older copy becomes a new device and gets the later changes back', async () => {
    const { dir, a, addSystems } = twoDevices();
    const { target } = await teamServer(dir);
    addSystems(a, 'a', 20);
    await syncServer(a, target);
    const copy = path.join(dir, 'yesterday.releasedesk');
    a.checkpoint();
    fs.copyFileSync(a.path, copy);
    addSystems(a, 'later', 5);
    await syncServer(a, target);

    // Yesterday's copy opened beside the laptop's file: a copy is another device (its own chain, its own id), so the
    // two never write the same places of one chain; it keeps A's history under A's id.
    const restored = WorkspaceStore.open(copy);
    cleanups.push(() => restored.close());
    expect(restored.deviceId).not.toBe(a.deviceId);
    expect(restored.becameNewDevice).toEqual({ previousDeviceId: a.deviceId });
    expect(restored.reader.list('system')).toHaveLength(20);
    const back = await syncServer(restored, target);
    expect(back.received).toBe(18); // the five systems made since, and A's second seal
    expect(restored.reader.list('system')).toHaveLength(25);
    expect(logCount(restored)).toBe(logCount(a));
  });

  it('shared folder: a peer’s file that relays this device’s changes does not bring them back', async () => {
    const { dir, a, b, addSystems } = twoDevices();
    const folder = path.join(dir, 'shared');
    fs.mkdirSync(folder);
    addSystems(a, 'a', 10);
    // B learnt A's changes another way (the team server) before it first syncs to this folder, so it publishes them.
    receiveChanges(b, logOf(a), { transport: 'server:elsewhere' });
    addSystems(b, 'b', 2);
    await syncFolder(a, folder);
    const published = await syncFolder(b, folder);
    expect(published.sent).toBe(logCount(b) - published.received); // all it held, A's included, and its seal
    const back = await syncFolder(a, folder);
    expect(back.received).toBe(9); // B's six and B's seal; A's own, relayed, stay out
    expect(back.duplicates).toBe(0);
    expect(logCount(a)).toBe(logCount(b));
  });
});
