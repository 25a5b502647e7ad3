import path from 'node:path';
import { afterEach, describe, expect } from 'vitest';
import { WorkspaceStore } from '../../../electron/core/store/workspace-store';
import { syncServer } from '../../../electron/core/sync/server-client';
import { SqliteServerStore } from '../../../electron/server/sqlite-server-store';
import { hashToken, newToken, startSyncServer } from '../../../electron/server/sync-server';
import { expectOneLineError, runCli } from '../../helpers/cli-process';
import { itWithPg, storeUnderTest } from '../../helpers/server-stores';
import { tempDir } from '../../helpers/temp-workspace';
import { formTeam } from '../../unit/core/sync/sync-devices';

/** An SQLite team server moved to PostgreSQL: devices carry on where they were, tokens go on working, nothing is pulled twice. */
describe('release-desk server migrate-store', () => {
  const cleanups: Array<() => unknown> = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  itWithPg('copies members, devices and every change with their numbers, checks counts and hashes, and refuses a second copy', async () => {
    const t = tempDir('release-desk-migrate-');
    cleanups.push(t.cleanup);
    const data = path.join(t.dir, 'server-data');
    const a = WorkspaceStore.open(path.join(t.dir, 'a.releasedesk'));
    const b = WorkspaceStore.open(path.join(t.dir, 'b.releasedesk'));
    cleanups.push(() => a.close(), () => b.close());
    formTeam([a, b], Date.now(), []);
    const systems = (s: WorkspaceStore, tag: string, n: number) =>
      s.mutate('p1', (w) => {
        for (let i = 0; i < n; i++) w.insert('system', `${tag}-${i}`, { name: `System ${tag} ${i}`, description: '', dependsOn: [] });
      });

    const token = newToken();
    const sqlite = new SqliteServerStore(data);
    await sqlite.addMember({ id: 'm1', name: 'Priya', personId: 'p1', admin: true }, hashToken(token));
    const before = await startSyncServer({ store: sqlite });
    systems(a, 'a', 3000);
    systems(b, 'b', 10);
    await syncServer(a, { url: before.url, token });
    await syncServer(b, { url: before.url, token });
    await syncServer(a, { url: before.url, token });
    const stored = (await sqlite.pull(0, 100_000)).changes.length;
    await before.close();
    await sqlite.close();

    const target = storeUnderTest('postgres', t.dir);
    cleanups.push(() => target.cleanup());
    const url = target.args[1];
    const moved = runCli(['server', 'migrate-store', '--from', data, '--to', url]);
    expect(moved.code, moved.stderr).toBe(0);
    expect(moved.stdout).toMatch(new RegExp(`^Moved ${stored} changes, 1 members and 2 devices to .*; counts and the hash over every change \\([0-9a-f]{16}…\\) match`));
    expectOneLineError(runCli(['server', 'migrate-store', '--from', data, '--to', url]), 1, /already holds a server’s data; migrate into an empty one/);
    expectOneLineError(runCli(['server', 'migrate-store', '--from', path.join(t.dir, 'nowhere'), '--to', url]), 1, /cannot read the server data .*nowhere/);

    const pgStore = await target.open();
    // Behind the same address, as an operator moves it: devices know a server by its URL.
    const after = await startSyncServer({ store: pgStore, port: before.port });
    cleanups.push(() => pgStore.close(), () => after.close());
    // The same token; the devices' cursors carry on: nothing comes twice, the next change arrives.
    expect(await syncServer(b, { url: after.url, token })).toMatchObject({ received: 0, duplicates: 0 });
    systems(a, 'late', 1);
    const pushed = await syncServer(a, { url: after.url, token });
    expect(pushed.sent).toBeGreaterThan(0);
    expect((await syncServer(b, { url: after.url, token })).received).toBe(pushed.sent);
    expect((await pgStore.pull(0, 100_000)).changes.length).toBe(stored + pushed.sent);
  }, 120_000);
});
