import { afterEach, describe, expect, it } from 'vitest';
import { LIVE_TIMINGS, reconnectDelay } from '../../../electron/core/sync/live-sync';
import { readServerStream } from '../../../electron/core/sync/server-stream';
import { SqliteServerStore } from '../../../electron/server/sqlite-server-store';
import { hashToken, newToken } from '../../../electron/server/sync-server';
import { tempDir } from '../../helpers/temp-workspace';
import { freePort, startHealthProber, startServerProcess, waitFor, type Running } from './processes';

const CLIENTS = 200;

describe('200 live clients and a server restart', () => {
  const cleanups: Array<() => void | Promise<void>> = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  it('all reconnect with backoff and full jitter, each pulls from its cursor, and /v1/health answers within 100 ms meanwhile', async () => {
    const t = tempDir('release-desk-storm-');
    cleanups.push(t.cleanup);
    const data = `${t.dir}/server`;
    const members = new SqliteServerStore(data);
    const token = newToken();
    await members.addMember({ id: 'crowd', name: 'Crowd', personId: 'p-crowd', admin: false }, hashToken(token));
    await members.close();
    const port = await freePort();
    let server: Running & { url: string } = await startServerProcess(data, port);
    cleanups.push(() => void server.child.kill('SIGKILL'));

    // Each client as the app's own: the stream reader, a pull on every announcement, the app's backoff.
    const stop = new AbortController();
    cleanups.push(() => stop.abort());
    const open = new Set<number>();
    let pulls = 0;
    const client = async (i: number) => {
      for (let attempt = 0; !stop.signal.aborted; attempt++) {
        await readServerStream(server.url, token, `device-${i}`, {
          onOpen: () => {
            open.add(i);
            attempt = 0;
          },
          onChanges: () => {
            void fetch(`${server.url}/v1/pull`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, body: '{"since":0}' })
              .then((r) => r.text())
              .then(() => pulls++)
              .catch(() => {});
          },
          onPresence: () => {},
        }, stop.signal);
        open.delete(i);
        await new Promise((r) => setTimeout(r, reconnectDelay(attempt, LIVE_TIMINGS)));
      }
    };
    for (let i = 0; i < CLIENTS; i++) void client(i);
    const until = (check: () => boolean, ms: number) => waitFor(check, ms, () => `${open.size} of ${CLIENTS} open`);
    await until(() => open.size === CLIENTS, 30_000);

    server.child.kill('SIGKILL');
    await server.exited;
    await until(() => open.size === 0, 10_000);
    const pullsBefore = pulls;
    server = await startServerProcess(data, port);

    const prober = await startHealthProber(`${server.url}/v1/health`, t.dir, 'count');
    cleanups.push(prober.kill);
    await until(() => open.size === CLIENTS, 30_000);
    // Every client came back and pulled from where it was (the server announces cursor 0 on connecting).
    await until(() => pulls - pullsBefore >= CLIENTS, 10_000);
    const health = await prober.stop();
    const p95 = health[Math.floor(health.length * 0.95)];
    console.log(`${CLIENTS} clients back; /v1/health, ${health.length} probes: median ${Math.round(health[Math.floor(health.length / 2)])} ms, p95 ${Math.round(p95)} ms, max ${Math.round(health.at(-1)!)} ms`);
    expect(p95).toBeLessThan(100);
  }, 120_000);
});
