import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import type { WorkspaceSession } from '../../../electron/core';
import { SqliteServerStore } from '../../../electron/server/sqlite-server-store';
import { hashToken, newToken, startSyncServer } from '../../../electron/server/sync-server';
import { tempDir } from '../../helpers/temp-workspace';
import { call, comparableExport, openWorkspace, seedTeam } from './sync-scenario';

describe('team server over loopback', () => {
  const cleanups: Array<() => void | Promise<void>> = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  async function serverWorld() {
    const t = tempDir('release-desk-server-');
    const store = new SqliteServerStore(`${t.dir}/server`);
    const server = await startSyncServer({ store });
    cleanups.push(t.cleanup, () => store.close(), () => server.close());
    const token = (name: string, personId: string, admin = false) => {
      const secret = newToken();
      store.addMember({ id: name, name, personId, admin }, hashToken(secret));
      return secret;
    };
    const stored = () => store.pull(0, 10000).changes.length;
    const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
      fetch(`${server.url}/v1${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: typeof body === 'string' || Buffer.isBuffer(body) ? (body as string) : JSON.stringify(body) });
    return { dir: t.dir, store, server, token, stored, post };
  }

  it('refuses a sign-off by someone without the empowered role, keeps it held on that device, and syncs the rest', async () => {
    const w = await serverWorld();
    const a = openWorkspace(w.dir, 'a');
    const b = openWorkspace(w.dir, 'b');
    cleanups.push(() => a.close(), () => b.close());
    const ids = await seedTeam(a);
    await call(a, 'sync.now', { target: { serverUrl: w.server.url, token: w.token('Priya', ids.priyaId, true) } });
    const samToken = w.token('Sam', ids.samId);
    await call(b, 'sync.now', { target: { serverUrl: w.server.url, token: samToken } });
    // On B someone picks Priya in the person picker and halts Product readiness in her name: the server knows Sam.
    await call(b, 'readiness.signoff', { releaseId: ids.releaseId, state: 'product', action: 'halt', comment: 'not mine to say', asPersonId: ids.priyaId });
    await call(b, 'releases.update', { id: ids.releaseId, changes: { description: 'edited on B' } });
    const before = w.stored();
    const report = await call<{ held: number; warnings: string[] }>(b, 'sync.now', { target: { serverUrl: w.server.url, token: samToken } });
    expect(report.held).toBeGreaterThan(0);
    expect(report.warnings.join(' ')).toMatch(/Sam may not record a sign-off of Product readiness in another person's name/);
    const serverChanges = w.store.pull(0, 10000).changes;
    expect(serverChanges.length).toBeGreaterThan(before);
    expect(serverChanges.some((c) => c.entity === 'signoff' && c.deviceId === b.store.deviceId)).toBe(false);
    expect(serverChanges.some((c) => c.field === 'description' && c.value === 'edited on B')).toBe(true);
    const status = await call<{ held: Array<{ kind: string; reason: string }> }>(b, 'sync.status', {});
    expect(status.held.some((h) => h.kind === 'refused')).toBe(true);
  });

  it('refuses a member who is not empowered for the state, even in their own name', async () => {
    const w = await serverWorld();
    const a = openWorkspace(w.dir, 'a');
    cleanups.push(() => a.close());
    const ids = await seedTeam(a);
    await call(a, 'sync.now', { target: { serverUrl: w.server.url, token: w.token('Priya', ids.priyaId, true) } });
    const sam = w.token('Sam', ids.samId);
    const change = (field: string, value: unknown) => ({ hlc: '2026-11-20T10:00:00.000Z-0000-devsam', deviceId: 'devsam', author: ids.samId, entity: 'signoff', rowId: 'so-1', field, value, oldValue: null, prevHlc: null });
    const response = await w.post('/push', { deviceId: 'devsam', changes: [change('state', 'operation'), change('personId', ids.samId), change('action', 'assert')] }, { Authorization: `Bearer ${sam}` });
    expect(response.status).toBe(403);
    const body = (await response.json()) as { ok: boolean; error: { code: string; message: string; refused: unknown[] } };
    expect(body.error.code).toBe('forbidden');
    expect(body.error.message).toMatch(/Sam may not sign off Operation readiness: only a person holding the Operations coordinator role may/);
    expect(body.error.refused).toHaveLength(3);
  });

  it('answers bad and unauthorised requests with a JSON error and stores nothing', async () => {
    const w = await serverWorld();
    const token = w.token('ana', 'p-ana');
    const auth = { Authorization: `Bearer ${token}` };
    const good = { hlc: '2026-11-20T10:00:00.000Z-0000-dev1', deviceId: 'dev1', author: 'p-ana', entity: 'system', rowId: 's1', field: 'name', value: 'Billing', oldValue: null, prevHlc: null };
    const cases: Array<[string, Promise<Response>, number, RegExp]> = [
      ['no token', w.post('/push', { deviceId: 'dev1', changes: [good] }), 401, /token is required/],
      ['wrong token', w.post('/push', { deviceId: 'dev1', changes: [good] }, { Authorization: 'Bearer rdt_nope' }), 401, /not valid here/],
      ['not JSON', w.post('/push', '{nope', auth), 400, /not valid JSON/],
      ['bad gzip', w.post('/push', 'plain', { ...auth, 'Content-Encoding': 'gzip' }), 400, /not valid gzip/],
      ['bad stamp', w.post('/push', { deviceId: 'dev1', changes: [good, { ...good, hlc: 'yesterday' }] }, auth), 400, /changes\.1\.hlc/],
      ['unknown route', w.post('/drop', {}, auth), 404, /nothing at/],
      ['too large', w.post('/push', 'x'.repeat(9 * 1024 * 1024), auth), 413, /larger than/],
    ];
    for (const [name, pending, status, message] of cases) {
      const response = await pending;
      expect(response.status, name).toBe(status);
      const body = (await response.json()) as { ok: boolean; error: { message: string } };
      expect(body.ok, name).toBe(false);
      expect(body.error.message, name).toMatch(message);
    }
    expect(w.stored()).toBe(0);
    w.store.revokeMember('ana');
    expect((await w.post('/pull', { since: 0 }, auth)).status).toBe(401);
    // A gzip-compressed good push from a valid member is stored.
    const ben = w.token('ben', 'p-ben');
    const ok = await w.post('/push', gzipSync(JSON.stringify({ deviceId: 'dev1', changes: [good] })), { Authorization: `Bearer ${ben}`, 'Content-Encoding': 'gzip' });
    expect(ok.status).toBe(200);
    expect(w.stored()).toBe(1);
  });

  it('serves several clients syncing at once; all converge', async () => {
    const w = await serverWorld();
    const seed = openWorkspace(w.dir, 'seed');
    cleanups.push(() => seed.close());
    const ids = await seedTeam(seed);
    const admin = w.token('Priya', ids.priyaId, true);
    await call(seed, 'sync.now', { target: { serverUrl: w.server.url, token: admin } });
    const clients: WorkspaceSession[] = [];
    for (let i = 0; i < 5; i++) {
      const c = openWorkspace(w.dir, `client-${i}`);
      cleanups.push(() => c.close());
      clients.push(c);
    }
    const target = (i: number) => ({ target: { serverUrl: w.server.url, token: w.token(`member-${i}`, ids.samId) } });
    const targets = clients.map((_, i) => target(i));
    await Promise.all(clients.map((c, i) => call(c, 'sync.now', targets[i])));
    await Promise.all(clients.map((c, i) => call(c, 'systems.create', { name: `System from client ${i}` })));
    await Promise.all(clients.map((c, i) => call(c, 'sync.now', targets[i])));
    await Promise.all(clients.map((c, i) => call(c, 'sync.now', targets[i])));
    await call(seed, 'sync.now', { target: { serverUrl: w.server.url, token: admin } });
    const expected = comparableExport(seed);
    for (const c of clients) expect(comparableExport(c)).toEqual(expected);
    expect((await call<unknown[]>(seed, 'systems.list', {})).length).toBe(6);
  });
});
