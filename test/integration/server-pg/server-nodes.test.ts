import path from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect } from 'vitest';
import { WorkspaceStore } from '../../../electron/core/store/workspace-store';
import { syncServer } from '../../../electron/core/sync/server-client';
import { exportWorkspace } from '../../../electron/core/backup/export-workspace';
import { PgServerStore } from '../../../electron/server/pg-server-store';
import { hashToken, newToken } from '../../../electron/server/sync-server';
import { itWithPg, storeUnderTest, TEST_PG, type StoreUnderTest } from '../../helpers/server-stores';
import { tempDir } from '../../helpers/temp-workspace';
import { formTeam } from '../../unit/core/sync/sync-devices';
import { freePort, startServerNode, type Running } from '../sync/processes';

/**
 * Several server nodes (real processes) on one PostgreSQL database: clients on different nodes converge; a node
 * SIGKILLed mid-push loses nothing when the client retries on the other; PostgreSQL dropping every connection of the
 * nodes mid-push (pg_terminate_backend: restarting the shared cluster would break other test runs on this machine)
 * is survived by nodes and clients alike.
 */
describe('team server nodes sharing PostgreSQL', () => {
  const cleanups: Array<() => unknown> = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  const comparable = (s: WorkspaceStore) => {
    const { exportedAt: _ignored, ...rest } = exportWorkspace(s);
    return rest;
  };
  const logCount = (s: WorkspaceStore) => s.changeCount();
  const systems = (s: WorkspaceStore, tag: string, n: number) =>
    s.mutate('p1', (w) => {
      for (let i = 0; i < n; i++) w.insert('system', `${tag}-${i}`, { name: `System ${tag} ${i}`, description: `made on ${tag}`, dependsOn: [] });
    });

  async function cluster(nodes: number) {
    const t = tempDir('release-desk-nodes-');
    const under = storeUnderTest('postgres', t.dir);
    cleanups.push(t.cleanup, () => under.cleanup());
    const token = newToken();
    const admin = await under.open();
    await admin.addMember({ id: 'm1', name: 'Priya', personId: 'p1', admin: true }, hashToken(token));
    await admin.close();
    const running: Array<Running & { url: string }> = [];
    for (let i = 0; i < nodes; i++) {
      const node = await startServerNode(under.args, await freePort(), ['--log', 'none']);
      cleanups.push(async () => {
        if (node.child.exitCode === null && node.child.signalCode === null) node.child.kill('SIGKILL');
        await node.exited;
      });
      running.push(node);
    }
    const a = WorkspaceStore.open(path.join(t.dir, 'a.releasedesk'));
    const b = WorkspaceStore.open(path.join(t.dir, 'b.releasedesk'));
    cleanups.push(() => a.close(), () => b.close());
    formTeam([a, b], Date.now(), []);
    return { under, token, nodes: running, a, b };
  }

  async function expectStoredOnce(under: StoreUnderTest, expected: number) {
    const [row] = await under.sql<{ n: number; distinct: number }>("SELECT count(*)::int AS n, count(DISTINCT (entity, row_id, field, hlc))::int AS distinct FROM changes");
    expect(row).toEqual({ n: expected, distinct: expected });
  }

  itWithPg('a client on each node: both converge, and a push on one node is at once pullable on the other', async () => {
    const { token, nodes, a, b } = await cluster(2);
    systems(a, 'a', 200);
    systems(b, 'b', 100);
    const viaOne = { url: nodes[0].url, token };
    const viaTwo = { url: nodes[1].url, token };
    await syncServer(a, viaOne);
    expect((await syncServer(b, viaTwo)).received).toBeGreaterThan(600);
    await syncServer(a, viaOne);
    expect(comparable(b)).toEqual(comparable(a));
    expect(logCount(b)).toBe(logCount(a));
    for (const node of nodes) expect((await fetch(`${node.url}/v1/ready`)).status).toBe(200);
  }, 120_000);

  itWithPg('a node SIGKILLed mid-push: the retry on the other node loses and duplicates nothing', async () => {
    const { under, token, nodes, a, b } = await cluster(2);
    systems(a, 'a', 10_000); // 30,000 changes: six pushes of 5,000
    systems(b, 'b', 50);
    let killedAfter = -1;
    const interrupted = syncServer(a, { url: nodes[0].url, token }, (p) => {
      if (p.phase === 'sending' && killedAfter < 0) {
        killedAfter = p.done;
        setTimeout(() => nodes[0].child.kill('SIGKILL'), 5);
      }
    });
    await expect(interrupted).rejects.toThrow(/team server/);
    expect(killedAfter).toBeGreaterThan(0);
    const other = { url: nodes[1].url, token };
    await syncServer(a, other);
    await syncServer(b, other);
    await syncServer(a, other);
    expect(comparable(b)).toEqual(comparable(a));
    await expectStoredOnce(under, logCount(a));
  }, 180_000);

  itWithPg('PostgreSQL ends every connection of the node mid-push: the node stays up, the client retries, nothing lost or twice', async () => {
    const { under, token, nodes, a, b } = await cluster(1);
    const schema = new URL(under.args[1]).searchParams.get('schema')!;
    systems(a, 'a', 10_000);
    const target = { url: nodes[0].url, token };
    let terminated = 0;
    const interrupted = syncServer(a, target, (p) => {
      if (p.phase === 'sending' && p.done > 0 && !terminated) {
        terminated = -1;
        void terminate(`release-desk:${schema}`).then((n) => (terminated = n));
      }
    });
    // The push in flight may fail (its connection went) or have committed just before: either way the retry settles it.
    await interrupted.catch((error: Error) => expect(error.message).toMatch(/team server/));
    expect(terminated).not.toBe(0);
    await expect.poll(async () => (await fetch(`${nodes[0].url}/v1/ready`)).status, { timeout: 20_000 }).toBe(200);
    await syncServer(a, target);
    await syncServer(b, target);
    expect(comparable(b)).toEqual(comparable(a));
    await expectStoredOnce(under, logCount(a));
    expect(nodes[0].child.exitCode).toBeNull();
  }, 180_000);

  itWithPg('a push on one node wakes the watchers of another (LISTEN/NOTIFY), also after their connection was cut', async () => {
    const t = tempDir('release-desk-watch-');
    const under = storeUnderTest('postgres', t.dir);
    cleanups.push(t.cleanup, () => under.cleanup());
    const schema = new URL(under.args[1]).searchParams.get('schema')!;
    const one = (await under.open()) as PgServerStore;
    const two = await PgServerStore.open(under.args[1]);
    cleanups.push(() => one.close(), () => two.close());
    const heard: number[] = [];
    two.watch((cursor) => heard.push(cursor));
    await new Promise((r) => setTimeout(r, 300));
    const member = { id: 'm', name: 'm', personId: 'p1', admin: true, createdAt: '', revokedAt: null };
    const change = (n: number) => ({ hlc: `2026-11-30T06:00:0${n}.000Z-0000-devA`, deviceId: 'devA', author: 'p1', entity: 'system', rowId: `r${n}`, field: 'name', value: `n${n}`, oldValue: null, prevHlc: null, chainSeq: n, link: String(n).padStart(64, '0') });
    await one.append([change(1)], member, 'devA');
    await expect.poll(() => heard).toEqual([1]);
    // The listener's connection is cut; a change lands meanwhile; on reconnecting it tells the newest cursor.
    await terminate(`release-desk:${schema}`);
    await one.append([change(2)], member, 'devA').catch(() => one.append([change(2)], member, 'devA'));
    await expect.poll(() => heard.at(-1), { timeout: 10_000 }).toBe(2);
  }, 60_000);
});

/** Ends every connection with this application name, as a PostgreSQL restart or failover would. */
async function terminate(applicationName: string): Promise<number> {
  const client = new pg.Client({ connectionString: TEST_PG });
  await client.connect();
  try {
    const { rows } = await client.query('SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE application_name = $1', [applicationName]);
    return rows[0].n as number;
  } finally {
    await client.end();
  }
}
