import http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { startSyncServer, hashToken, newToken } from '../../../electron/server/sync-server';
import type { RequestLogLine } from '../../../electron/server/request-log';
import { Forger } from '../../helpers/forge';
import { STORE_KINDS, storeUnderTest } from '../../helpers/server-stores';
import { tempDir } from '../../helpers/temp-workspace';

/** What an operator and a load balancer see of a node: readiness, metrics, one log line per request, a drain on SIGTERM. */
describe.each(STORE_KINDS)('team server operations on $label', ({ kind, skip }) => {
  const cleanups: Array<() => unknown> = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  async function node() {
    const t = tempDir('release-desk-ops-');
    const under = storeUnderTest(kind, t.dir);
    const store = await under.open();
    const token = newToken();
    await store.addMember({ id: 'ana', name: 'Ana', personId: 'p-ana', admin: false }, hashToken(token));
    const lines: RequestLogLine[] = [];
    const server = await startSyncServer({ store, log: (line) => lines.push(line) });
    cleanups.push(t.cleanup, () => under.cleanup(), () => store.close(), () => server.close());
    const ana = new Forger('workspace');
    const changes = ana.write('system', { name: 'Payments' }, { author: 'p-ana', at: '2026-11-20T10:00:00.000Z' });
    const body = JSON.stringify({ deviceId: ana.deviceId, changes });
    const headers = { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` };
    return { server, token, lines, body, headers, changes };
  }

  it.skipIf(skip)('answers /v1/ready, counts requests and stored changes in /metrics, and logs each request once without its token', async () => {
    const { server, token, lines, body, headers, changes } = await node();
    expect(await (await fetch(`${server.url}/v1/ready`)).json()).toEqual({ ok: true, value: { ready: true } });
    expect((await fetch(`${server.url}/v1/push`, { method: 'POST', headers, body })).status).toBe(200);
    expect((await fetch(`${server.url}/v1/pull`, { method: 'POST', headers, body: '{"since":0}' })).status).toBe(200);
    expect((await fetch(`${server.url}/v1/push`, { method: 'POST', headers: { ...headers, Authorization: 'Bearer rdt_wrong' }, body })).status).toBe(401);
    expect((await fetch(`${server.url}/wp-admin`)).status).toBe(404);

    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toMatch(/release_desk_requests_total\{route="\/v1\/push",status="200"\} 1\n/);
    expect(metrics).toMatch(/release_desk_requests_total\{route="\/v1\/push",status="401"\} 1\n/);
    expect(metrics).toMatch(/release_desk_requests_total\{route="other",status="404"\} 1\n/);
    expect(metrics).toContain(`release_desk_changes_stored_total ${changes.length}\n`);
    expect(metrics).toContain(`release_desk_changes_sent_total ${changes.length}\n`);
    expect(metrics).toMatch(/release_desk_request_duration_seconds_bucket\{le="0.05",route="\/v1\/pull"\} 1/);
    expect(metrics).toContain('release_desk_live_clients 0');
    if (kind === 'postgres') expect(metrics).toMatch(/release_desk_db_connections\{state="idle"\} \d+/);

    await expect.poll(() => lines.length).toBe(6);
    expect(lines.slice(1, 4)).toMatchObject([
      { method: 'POST', route: '/v1/push', status: 200, member: 'Ana', changes: changes.length },
      { method: 'POST', route: '/v1/pull', status: 200, member: 'Ana', changes: changes.length },
      { method: 'POST', route: '/v1/push', status: 401, error: 'unauthorized' },
    ]);
    expect(lines[1].ms).toBeGreaterThan(0);
    expect(JSON.stringify(lines)).not.toContain(token);
    expect(JSON.stringify(lines)).not.toContain('rdt_wrong');
  });

  it.skipIf(skip)('drains: the push in flight is answered with Connection: close, live streams are told, new connections are refused', async () => {
    const { server, body, headers } = await node();
    let told = 0;
    server.onDrain(() => told++);
    // A push whose body is still arriving when the drain starts.
    const answer = new Promise<{ status: number; connection: string | undefined }>((resolve, reject) => {
      const request = http.request(`${server.url}/v1/push`, { method: 'POST', agent: false, headers: { ...headers, 'Content-Length': Buffer.byteLength(body) } }, (response) => {
        response.resume();
        response.on('end', () => resolve({ status: response.statusCode ?? 0, connection: response.headers.connection }));
      });
      request.on('error', reject);
      request.write(body.slice(0, 10));
      setTimeout(() => request.end(body.slice(10)), 300);
    });
    await new Promise((r) => setTimeout(r, 100));
    const drained = server.drain(10_000);
    expect(told).toBe(1);
    expect(await answer).toEqual({ status: 200, connection: 'close' });
    await drained;
    await expect(fetch(`${server.url}/v1/health`)).rejects.toThrow();
  });
});
