import { afterEach, describe, expect, it } from 'vitest';
import type { WorkspaceSession } from '../../../electron/core';
import type { LiveEvent } from '../../../electron/contract/live-feed';
import { SqliteServerStore } from '../../../electron/server/sqlite-server-store';
import { hashToken, newToken, startSyncServer, type RunningSyncServer } from '../../../electron/server/sync-server';
import { tempDir } from '../../helpers/temp-workspace';
import { call, openWorkspace, seedTeam } from './sync-scenario';

/** Waits for `check` to hold, up to `ms`; returns how long it took. */
async function within(ms: number, check: () => boolean | Promise<boolean>): Promise<number> {
  const start = performance.now();
  while (!(await check())) {
    if (performance.now() - start > ms) throw new Error(`not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
  return performance.now() - start;
}

describe('live sync through the team server', () => {
  const cleanups: Array<() => void | Promise<void>> = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  async function world() {
    const t = tempDir('release-desk-live-');
    const store = new SqliteServerStore(`${t.dir}/server`);
    let server: RunningSyncServer = await startSyncServer({ store });
    cleanups.push(t.cleanup, () => store.close(), () => server.close());
    const token = (name: string, personId: string, admin = false) => {
      const secret = newToken();
      void store.addMember({ id: name, name, personId, admin }, hashToken(secret));
      return secret;
    };
    const a = openWorkspace(t.dir, 'a');
    const b = openWorkspace(t.dir, 'b');
    cleanups.push(() => a.close(), () => b.close());
    const ids = await seedTeam(a);
    const tokens = { a: token('Priya', ids.priyaId, true), b: token('Sam', ids.samId) };
    const configure = (s: WorkspaceSession, secret: string) => call(s, 'sync.configure', { mode: 'server', serverUrl: server.url, token: secret });
    await configure(a, tokens.a);
    await configure(b, tokens.b);
    await call(a, 'sync.now', {});
    await call(b, 'sync.now', {});
    const restart = async () => {
      const port = server.port;
      await server.close();
      server = await startSyncServer({ store, port });
    };
    const stop = () => server.close();
    const start = async (port: number) => (server = await startSyncServer({ store, port }));
    return { a, b, ids, store, server: () => server, restart, stop, start };
  }

  const description = async (s: WorkspaceSession, releaseId: string) => (await call<{ description: string }>(s, 'releases.get', { id: releaseId })).description;

  it('a change made on A shows on B within a second, with no sync pressed and no timer', async () => {
    const w = await world();
    w.a.goLive();
    w.b.goLive();
    await within(3000, () => w.a.liveNow().status.state === 'live' && w.b.liveNow().status.state === 'live');
    await call(w.a, 'releases.update', { id: w.ids.releaseId, changes: { description: 'Cutover starts at 22:00' } });
    const took = await within(2000, async () => (await description(w.b, w.ids.releaseId)) === 'Cutover starts at 22:00');
    expect(took).toBeLessThan(1000);
  });

  it('a server restart mid-session: both resume from their cursors, and what A wrote while it was down arrives', async () => {
    const w = await world();
    w.a.goLive();
    w.b.goLive();
    await within(3000, () => w.a.liveNow().status.state === 'live' && w.b.liveNow().status.state === 'live');
    const port = w.server().port;
    await w.stop();
    await within(3000, () => w.a.liveNow().status.state === 'offline' && w.b.liveNow().status.state === 'offline');
    const offline = await call<{ live: { state: string; offlineSince: string | null } }>(w.a, 'sync.status', {});
    expect(offline.live).toMatchObject({ state: 'offline', offlineSince: expect.any(String) });
    await call(w.a, 'releases.update', { id: w.ids.releaseId, changes: { description: 'Written while the server was down' } });
    expect(w.a.liveNow().status.waiting).toBeGreaterThan(0);
    await w.start(port);
    await within(20_000, async () => (await description(w.b, w.ids.releaseId)) === 'Written while the server was down');
    expect(w.a.liveNow().status).toMatchObject({ state: 'live', waiting: 0, offlineSince: null });
  });

  it("presence: B sees that Priya is viewing a runbook, and that she left; it is never stored", async () => {
    const w = await world();
    const seen: LiveEvent[] = [];
    w.b.subscribeLive((e) => seen.push(e));
    w.a.goLive();
    w.b.goLive();
    await within(3000, () => w.a.liveNow().status.state === 'live' && w.b.liveNow().status.state === 'live');
    await call(w.a, 'sync.setPresence', { runbookId: 'runbook-1' });
    await within(2000, () => w.b.liveNow().viewers.length === 1);
    expect(w.b.liveNow().viewers).toEqual([{ personId: w.ids.priyaId, name: 'Priya Natarajan', runbookId: 'runbook-1' }]);
    expect(seen.some((e) => e.kind === 'presence' && e.viewers.length === 1)).toBe(true);
    // A closes: its stream ends and the server forgets its presence.
    w.a.close();
    await within(2000, () => w.b.liveNow().viewers.length === 0);
    expect((await w.store.pull(0, 100000)).changes.some((c) => JSON.stringify(c).includes('runbook-1'))).toBe(false);
  });

  it('refuses a stream without a member token, and presence sent too fast', async () => {
    const w = await world();
    const stream = await fetch(`${w.server().url}/v1/stream`);
    expect(stream.status).toBe(401);
    const token = newToken();
    await w.store.addMember({ id: 'Lee', name: 'Lee', personId: w.ids.samId, admin: false }, hashToken(token));
    const statuses: number[] = [];
    for (let i = 0; i < 15; i++) {
      const r = await fetch(`${w.server().url}/v1/presence`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify({ deviceId: 'dev1', runbookId: `rb-${i}` }),
      });
      statuses.push(r.status);
    }
    expect(statuses.slice(0, 10).every((s) => s === 200)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    const bad = await fetch(`${w.server().url}/v1/presence`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ deviceId: 'dev1', runbookId: 42 }),
    });
    expect(bad.status).toBe(400);
  });
});
