import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type Database from 'better-sqlite3';
import { WorkspaceStore } from '../electron/core/store/workspace-store';
import { openDatabase } from '../electron/core/store/open-database';
import { syncFolder } from '../electron/core/sync/folder-transport';
import { syncServer } from '../electron/core/sync/server-client';
import { receiveChanges } from '../electron/core/sync/receive-changes';
import type { Change } from '../electron/core/changes/change';
import { Forger } from '../test/helpers/forge';
import { groupWrites } from '../electron/core/changes/rules/writes';
import { enrolKey } from '../electron/core/keys/keys-writes';
import { ENTITY_TABLES, encodeValue, type FieldSpec } from '../electron/core/store/entity-tables';
import { SqliteServerStore } from '../electron/server/sqlite-server-store';
import { hashToken, newToken, startSyncServer } from '../electron/server/sync-server';
import { median, type Figure } from './measure';

/**
 * Sync figures (issue 6). Each function builds its own temp workspaces and removes them; call from bench/run.ts:
 *   printFigures('Sync', [...await benchRemoteApply(), ...await benchTwoDevices(), ...await benchServerLoad()]);
 */
const temp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'release-desk-bench-sync-'));
const RELEASE_FIELDS = ['name', 'version', 'systemIds', 'environmentIds', 'windowStart', 'windowEnd', 'timeZone', 'status', 'ownerId', 'description'] as const;

/**
 * A team of two devices as the remote-apply figure needs it: A, whose workspace is the root, with Amara (security
 * architect); B, another device whose key A enrolled for Amara. Returns A's log (what a new device of the team holds
 * first) and B, which writes the remote changes.
 */
function team(): { setup: Change[]; b: Forger; amara: string } {
  const dir = temp();
  const a = WorkspaceStore.open(path.join(dir, 'a.releasedesk'));
  const amara = 'p-amara';
  a.mutate('setup', (w) => w.insert('person', amara, { name: 'Amara Okafor', email: '', roles: ['security-architect'] }));
  const b = new Forger(a.workspaceId!);
  a.receive(b.write('deviceKey', { action: 'request', keyDeviceId: b.deviceId, publicKey: b.key.publicKey, personId: amara, label: 'B', throughSeq: 0, reason: '' }, { author: amara }));
  enrolKey(a, 'setup', b.deviceId, amara);
  const setup = a.reader.changeLog().map(({ seq: _seq, member: _member, ...change }) => change);
  a.close();
  fs.rmSync(dir, { recursive: true, force: true });
  return { setup, b, amara };
}

/**
 * `n` remote changes written by B: releases of ten fields each and, one write in ten, a signed sign-off (so the figure
 * includes checking signatures, who may sign, and the chain), its chain linked.
 */
function remoteChanges(n: number, device = new Forger('bench-workspace'), signer?: string): Change[] {
  const out: Change[] = [];
  // After the team's setup: a record stamped before its key was enrolled does not count.
  const start = Date.now();
  for (let i = 0; out.length < n; i++) {
    const at = new Date(start + i).toISOString();
    if (signer && i % 10 === 9) {
      const fields = { releaseId: `r${i - 1}`, state: 'security', action: 'assert', personId: signer, comment: 'Scan clean', waivedIssues: [], withdrawsId: null, deviceId: device.deviceId };
      out.push(...device.write('signoff', fields, { author: signer, at }));
      continue;
    }
    const values: Record<string, unknown> = {
      name: `Release ${i}`, version: '1.0.0', systemIds: ['s1'], environmentIds: ['e1'], windowStart: '2026-12-01T10:00:00.000Z',
      windowEnd: '2026-12-01T12:00:00.000Z', timeZone: 'UTC', status: 'planned', ownerId: null, description: '',
    };
    const fields = Object.fromEntries(RELEASE_FIELDS.slice(0, Math.min(RELEASE_FIELDS.length, n - out.length)).map((f) => [f, values[f]]));
    out.push(...device.write('release', fields, { rowId: `r${i}`, author: 'p1', at }));
  }
  return out;
}

/**
 * Applying 100,000 remote changes (batches of 5,000, one transaction each, as the transports deliver), through every
 * rule (values, signatures, enrolment and roles, chains) vs raw-inserting the same rows and log entries in one
 * transaction into a workspace with the same schema and indexes.
 */
export async function benchRemoteApply(n = 100_000, runs = 3): Promise<Figure[]> {
  const { setup, b, amara } = team();
  const changes = remoteChanges(n, b, amara);
  const applyTimes: number[] = [];
  const rawTimes: number[] = [];
  for (let r = 0; r < runs; r++) {
    const dir = temp();
    const store = WorkspaceStore.open(path.join(dir, 'apply.releasedesk'), { maxClockFollowMs: Number.POSITIVE_INFINITY });
    store.receive(setup);
    let t = performance.now();
    let held = 0;
    for (let i = 0; i < changes.length; i += 5000) held += receiveChanges(store, changes.slice(i, i + 5000), { transport: 'bench' }).held;
    applyTimes.push(performance.now() - t);
    if (held > 0) throw new Error(`remote apply held ${held} honest changes`);
    store.close();

    WorkspaceStore.open(path.join(dir, 'raw.releasedesk')).close();
    const raw = openDatabase(path.join(dir, 'raw.releasedesk'));
    const log = raw.prepare(
      'INSERT INTO change_log (hlc, device_id, author, entity, row_id, field, value, old_value, prev_hlc, chain_seq, link) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    // The same rows, from the same changes' values, encoded as the store stores them (before the clock starts).
    const rows = groupWrites(changes).map((w) => {
      const specs = Object.entries(ENTITY_TABLES[w.entity].fields as Record<string, FieldSpec>).filter(([name]) => name in w.fields);
      const sql = `INSERT INTO ${ENTITY_TABLES[w.entity].table} (id, created_at, updated_at, ${specs.map(([, f]) => f.column).join(', ')}) VALUES (?, ?, ?${', ?'.repeat(specs.length)})`;
      const params: Array<string | number | null> = [w.rowId, w.hlc.slice(0, 24), w.hlc.slice(0, 24), ...specs.map(([name, f]) => encodeValue(f.codec, w.fields[name]))];
      return { sql, params };
    });
    const statements = new Map<string, Database.Statement<unknown[]>>();
    t = performance.now();
    raw.transaction(() => {
      for (const row of rows) {
        let statement = statements.get(row.sql);
        if (!statement) statements.set(row.sql, (statement = raw.prepare(row.sql)));
        statement.run(...row.params);
      }
      for (const c of changes) log.run(c.hlc, c.deviceId, c.author, c.entity, c.rowId, c.field, JSON.stringify(c.value), 'null', null, c.chainSeq, c.link);
    })();
    rawTimes.push(performance.now() - t);
    raw.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const apply = median(applyTimes);
  const raw = median(rawTimes);
  return [
    { name: `apply ${n.toLocaleString('en')} remote changes, every rule checked`, value: apply, unit: 'ms', note: 'a signed sign-off one write in ten' },
    { name: 'raw insert of the same rows + log', value: raw, unit: 'ms' },
    { name: 'remote apply / raw insert', value: apply / raw, unit: '×', note: 'target ≤ 2×' },
  ];
}

function editDevice(store: WorkspaceStore, n: number, tag: string): void {
  store.mutate('p1', (w) => {
    for (let i = 0; i < n / 3; i++) w.insert('system', `${tag}-${i}`, { name: `System ${tag} ${i}`, description: '', dependsOn: [] });
  });
}

/** Two devices with 10,000 changes each converging, through a folder and through the team server. */
export async function benchTwoDevices(perDevice = 10_000): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const via of ['folder', 'server'] as const) {
    const dir = temp();
    const a = WorkspaceStore.open(path.join(dir, 'a.releasedesk'));
    const b = WorkspaceStore.open(path.join(dir, 'b.releasedesk'));
    // One team: A's first write makes its key the workspace's root, and B takes it before it writes.
    a.mutate('setup', () => {});
    b.receive(a.reader.changeLog().map(({ seq: _seq, member: _member, ...change }) => change));
    editDevice(a, perDevice, 'a');
    editDevice(b, perDevice, 'b');
    const serverStore = via === 'server' ? new SqliteServerStore(path.join(dir, 'server')) : null;
    const server = serverStore ? await startSyncServer({ store: serverStore }) : null;
    const token = newToken();
    await serverStore?.addMember({ id: 'm', name: 'bench', personId: 'p1', admin: true }, hashToken(token));
    const folder = path.join(dir, 'shared');
    fs.mkdirSync(folder);
    const sync = (s: WorkspaceStore) => (via === 'folder' ? syncFolder(s, folder) : syncServer(s, { url: server!.url, token }));
    const t = performance.now();
    await sync(a);
    await sync(b);
    await sync(a);
    const ms = performance.now() - t;
    const same = a.changeCount() === b.changeCount();
    figures.push({ name: `2 devices × ${perDevice.toLocaleString('en')} changes via ${via}`, value: ms, unit: 'ms', note: same ? 'converged' : 'NOT CONVERGED' });
    a.close();
    b.close();
    await server?.close();
    await serverStore?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return figures;
}

/** 50 concurrent clients pushing batches to the server on loopback: changes/s, p99 latency, nothing lost. */
export async function benchServerLoad(clients = 50, batchesPerClient = 20, batchSize = 100): Promise<Figure[]> {
  const dir = temp();
  const store = new SqliteServerStore(path.join(dir, 'server'));
  const server = await startSyncServer({ store });
  const latencies: number[] = [];
  const tokens = Array.from({ length: clients }, (_, i) => {
    const token = newToken();
    void store.addMember({ id: `m${i}`, name: `member ${i}`, personId: `p1`, admin: false }, hashToken(token));
    return token;
  });
  const devices = tokens.map(() => new Forger('bench-workspace'));
  const t = performance.now();
  await Promise.all(
    tokens.map(async (token, i) => {
      for (let b = 0; b < batchesPerClient; b++) {
        const changes = remoteChanges(batchSize, devices[i]).map((c) => ({ ...c, rowId: `${c.rowId}-c${i}-b${b}` }));
        const started = performance.now();
        const response = await fetch(`${server.url}/v1/push`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip', Authorization: `Bearer ${token}` },
          body: gzipSync(JSON.stringify({ deviceId: devices[i].deviceId, changes })),
          signal: AbortSignal.timeout(60_000),
        });
        if (!response.ok) throw new Error(`push failed: ${response.status} ${await response.text()}`);
        await response.arrayBuffer();
        latencies.push(performance.now() - started);
      }
    }),
  );
  const seconds = (performance.now() - t) / 1000;
  const expected = clients * batchesPerClient * batchSize;
  const stored = (await store.pull(0, 10_000_000)).changes.length;
  latencies.sort((x, y) => x - y);
  await server.close();
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
  return [
    { name: `server: ${clients} concurrent clients, changes/s`, value: expected / seconds, unit: 'changes/s' },
    { name: 'server: push p99 latency', value: latencies[Math.floor(latencies.length * 0.99)], unit: 'ms', note: `${latencies.length} pushes of ${batchSize}` },
    { name: 'server: changes stored / sent', value: stored / expected, unit: '×', note: stored === expected ? 'nothing lost' : `LOST ${expected - stored}` },
  ];
}
