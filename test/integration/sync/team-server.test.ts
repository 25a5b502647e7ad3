import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import type { WorkspaceSession } from '../../../electron/core';
import { hashToken, newToken, startSyncServer } from '../../../electron/server/sync-server';
import type { Change } from '../../../electron/core/changes/change';
import { behindTheStore } from '../../helpers/behind-the-store';
import { Forger } from '../../helpers/forge';
import { STORE_KINDS, storeUnderTest } from '../../helpers/server-stores';
import { tempDir } from '../../helpers/temp-workspace';
import { call, comparableExport, giveKey, openWorkspace, seedTeam } from './sync-scenario';

describe.each(STORE_KINDS)('team server over loopback on $label', ({ kind, skip }) => {
  const cleanups: Array<() => void | Promise<void>> = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  async function serverWorld() {
    const t = tempDir('release-desk-server-');
    const under = storeUnderTest(kind, t.dir);
    const store = await under.open();
    const server = await startSyncServer({ store });
    cleanups.push(t.cleanup, () => under.cleanup(), () => store.close(), () => server.close());
    const token = async (name: string, personId: string, admin = false) => {
      const secret = newToken();
      await store.addMember({ id: name, name, personId, admin }, hashToken(secret));
      return secret;
    };
    const stored = async () => (await store.pull(0, 10000)).changes.length;
    const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
      fetch(`${server.url}/v1${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: typeof body === 'string' || Buffer.isBuffer(body) ? (body as string) : JSON.stringify(body) });
    return { dir: t.dir, store, server, token, stored, post };
  }

  /** Priya (admin, on A) and Sam (on B, a member with Sam's key enrolled), both synced through the server. */
  async function teamOnServer(w: Awaited<ReturnType<typeof serverWorld>>) {
    const a = openWorkspace(w.dir, 'a');
    let b = openWorkspace(w.dir, 'b');
    cleanups.push(() => a.close(), () => b.close());
    const ids = await seedTeam(a);
    const priya = { target: { serverUrl: w.server.url, token: await w.token('Priya', ids.priyaId, true) } };
    const samToken = await w.token('Sam', ids.samId);
    const sam = { target: { serverUrl: w.server.url, token: samToken } };
    const sync = async () => {
      await call(a, 'sync.now', priya);
      await call(b, 'sync.now', sam);
    };
    await sync();
    await giveKey(a, b, ids.samId, sync);
    /** A modified client on B: changes written straight into B's file, as if the app's own checks were bypassed. */
    const tamper = (changes: Change[], row: Record<string, unknown>) => {
      const file = b.path;
      b.close();
      behindTheStore(file, (db) => {
        const log = db.prepare('INSERT INTO change_log (hlc, device_id, author, entity, row_id, field, value, old_value, prev_hlc, chain_seq, link) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
        for (const c of changes) log.run(c.hlc, c.deviceId, c.author, c.entity, c.rowId, c.field, JSON.stringify(c.value), 'null', null, c.chainSeq, c.link);
        const columns = Object.keys(row);
        db.prepare(`INSERT INTO signoffs (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`).run(...columns.map((k) => row[k] as string));
      });
      b = openWorkspace(w.dir, 'b');
      cleanups.push(() => b.close());
      expect(b.path).toBe(file);
    };
    const forger = () => {
      return new Forger(a.store.workspaceId!, b.store.deviceKey, b.store.chainHead(b.store.deviceId));
    };
    return { a, b: () => b, ids, sam, samToken, tamper, forger };
  }

  it.skipIf(skip)('a modified client halting in another person\'s name: the server refuses it, the rest syncs, and it counts nowhere, not even on that laptop', async () => {
    const w = await serverWorld();
    const t = await teamOnServer(w);
    // On B someone picks Priya and halts Product readiness in her name: the app itself refuses, B holds no key of hers.
    const refusedHere = await t.b().client()['readiness.signoff']({ releaseId: t.ids.releaseId, state: 'product', action: 'halt', comment: 'not mine to say', asPersonId: t.ids.priyaId });
    expect(refusedHere).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringMatching(/holds no enrolled key of Priya Natarajan/) } });
    // A modified client writes it anyway, signed with B's key, straight into B's file.
    const fields = { releaseId: t.ids.releaseId, state: 'product', action: 'halt', personId: t.ids.priyaId, comment: 'not mine to say', waivedIssues: [], withdrawsId: null, deviceId: t.b().store.deviceId };
    const forged = t.forger().write('signoff', fields, { author: t.ids.priyaId });
    t.tamper(forged, { id: forged[0].rowId, release_id: t.ids.releaseId, state: 'product', action: 'halt', person_id: t.ids.priyaId, comment: 'not mine to say', device_id: t.b().store.deviceId });
    await call(t.b(), 'releases.update', { id: t.ids.releaseId, changes: { description: 'edited on B' } });
    const report = await call<{ held: number; warnings: string[] }>(t.b(), 'sync.now', t.sam);
    expect(report.held).toBeGreaterThan(0);
    expect(report.warnings.join(' ')).toMatch(/written in the name of person .*Sam signs in as person/);
    const serverChanges = (await w.store.pull(0, 10000)).changes;
    expect(serverChanges.some((c) => c.entity === 'signoff' && c.rowId === forged[0].rowId)).toBe(false);
    expect(serverChanges.some((c) => c.field === 'description' && c.value === 'edited on B')).toBe(true);
    const status = await call<{ held: Array<{ kind: string; reason: string }> }>(t.b(), 'sync.status', {});
    expect(status.held.some((h) => h.kind === 'server')).toBe(true);
    // Not even on the laptop that wrote it: the gate there does not see a halt.
    const gate = await call<{ decision: string; signoffs: Array<{ verified: boolean; reason: string | null }> }>(t.b(), 'readiness.gate', { releaseId: t.ids.releaseId });
    expect(gate.decision).not.toBe('halted');
    expect(gate.signoffs).toEqual([expect.objectContaining({ verified: false, reason: 'it is signed by no enrolled key of Priya Natarajan' })]);
  });

  it.skipIf(skip)('refuses a member who is not empowered for the state, even in their own name and signed with their own key', async () => {
    const w = await serverWorld();
    const t = await teamOnServer(w);
    const fields = { releaseId: t.ids.releaseId, state: 'operation', action: 'assert', personId: t.ids.samId, comment: '', waivedIssues: [], withdrawsId: null, deviceId: t.b().store.deviceId };
    const changes = t.forger().write('signoff', fields, { author: t.ids.samId });
    const response = await w.post('/push', { deviceId: t.b().store.deviceId, changes }, { Authorization: `Bearer ${t.samToken}` });
    expect(response.status).toBe(403);
    const body = (await response.json()) as { ok: boolean; error: { code: string; message: string; refused: unknown[] } };
    expect(body.error.code).toBe('forbidden');
    expect(body.error.message).toMatch(/Sam Okafor did not hold the Operations coordinator role for Operation readiness/);
    expect(body.error.refused).toHaveLength(changes.length);
  });

  it.skipIf(skip)('a sign-off refused because the server had not yet heard of its key counts once the enrolment reaches the server', async () => {
    const w = await serverWorld();
    const a = openWorkspace(w.dir, 'a');
    const b = openWorkspace(w.dir, 'b');
    cleanups.push(() => a.close(), () => b.close());
    const ids = await seedTeam(a);
    const priya = { target: { serverUrl: w.server.url, token: await w.token('Priya', ids.priyaId, true) } };
    const sam = { target: { serverUrl: w.server.url, token: await w.token('Sam', ids.samId) } };
    await call(a, 'sync.now', priya);
    await call(b, 'sync.now', sam);
    // Sam asks for a key; Priya enrols it, and Sam's laptop learns of it from Priya's directly (side by side in the
    // war room), before Priya's laptop has synced with the server.
    await call(b, 'keys.request', { personId: ids.samId });
    await call(b, 'sync.now', sam);
    await call(a, 'sync.now', priya);
    await call(a, 'keys.enrol', { deviceId: b.store.deviceId, personId: ids.samId });
    b.store.receive(a.store.reader.changeLog().map(({ seq: _seq, member: _member, ...c }) => c));
    await call(b, 'readiness.signoff', { releaseId: ids.releaseId, state: 'security', action: 'halt', comment: 'Pen test open', asPersonId: ids.samId });
    const refused = await call<{ held: number; warnings: string[] }>(b, 'sync.now', sam);
    expect(refused.held).toBeGreaterThan(0);
    expect(refused.warnings.join(' ')).toMatch(/signed by no enrolled key of Sam Okafor/);
    // Refused by the server, it counts nowhere — not even on Sam's laptop.
    expect((await call<{ decision: string }>(b, 'readiness.gate', { releaseId: ids.releaseId })).decision).not.toBe('halted');
    // Priya's laptop syncs: the server now holds the enrolment, and Sam's next sync offers the halt again.
    await call(a, 'sync.now', priya);
    await call(b, 'sync.now', sam);
    await call(a, 'sync.now', priya);
    for (const s of [a, b]) expect((await call<{ decision: string }>(s, 'readiness.gate', { releaseId: ids.releaseId })).decision).toBe('halted');
    expect((await call<{ held: unknown[] }>(b, 'sync.status', {})).held).toEqual([]);
  });

  it.skipIf(skip)('answers bad and unauthorised requests with a JSON error and stores nothing', async () => {
    const w = await serverWorld();
    const token = await w.token('ana', 'p-ana');
    const auth = { Authorization: `Bearer ${token}` };
    const laptop = new Forger('workspace');
    const [good] = laptop.write('system', { name: 'Billing' }, { rowId: 's1', author: 'p-ana', at: '2026-11-20T10:00:00.000Z' });
    const dev1 = laptop.deviceId;
    const cases: Array<[string, Promise<Response>, number, RegExp]> = [
      ['no token', w.post('/push', { deviceId: dev1, changes: [good] }), 401, /token is required/],
      ['wrong token', w.post('/push', { deviceId: dev1, changes: [good] }, { Authorization: 'Bearer rdt_nope' }), 401, /not valid here/],
      ['not JSON', w.post('/push', '{nope', auth), 400, /not valid JSON/],
      ['bad gzip', w.post('/push', 'plain', { ...auth, 'Content-Encoding': 'gzip' }), 400, /not valid gzip/],
      ['bad stamp', w.post('/push', { deviceId: dev1, changes: [good, { ...good, hlc: 'yesterday' }] }, auth), 400, /changes\.1\.hlc/],
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
    expect(await w.stored()).toBe(0);
    await w.store.revokeMember('ana');
    expect((await w.post('/pull', { since: 0 }, auth)).status).toBe(401);
    // A gzip-compressed good push from a valid member is stored.
    const ben = await w.token('ben', 'p-ben');
    const bensLaptop = new Forger('workspace');
    const [bens] = bensLaptop.write('system', { name: 'Billing' }, { rowId: 's1', author: 'p-ben', at: '2026-11-20T10:00:00.000Z' });
    const ok = await w.post('/push', gzipSync(JSON.stringify({ deviceId: bensLaptop.deviceId, changes: [bens] })), { Authorization: `Bearer ${ben}`, 'Content-Encoding': 'gzip' });
    expect(ok.status).toBe(200);
    expect(await w.stored()).toBe(1);
  });

  it.skipIf(skip)('serves several clients syncing at once; all converge', async () => {
    const w = await serverWorld();
    const seed = openWorkspace(w.dir, 'seed');
    cleanups.push(() => seed.close());
    const ids = await seedTeam(seed);
    const admin = await w.token('Priya', ids.priyaId, true);
    await call(seed, 'sync.now', { target: { serverUrl: w.server.url, token: admin } });
    const clients: WorkspaceSession[] = [];
    for (let i = 0; i < 5; i++) {
      const c = openWorkspace(w.dir, `client-${i}`);
      cleanups.push(() => c.close());
      clients.push(c);
    }
    const target = async (i: number) => ({ target: { serverUrl: w.server.url, token: await w.token(`member-${i}`, ids.samId) } });
    const targets = await Promise.all(clients.map((_, i) => target(i)));
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
