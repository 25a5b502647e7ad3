import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WorkspaceSession } from '../../../electron/core';
import { SqliteServerStore } from '../../../electron/server/sqlite-server-store';
import { hashToken, newToken } from '../../../electron/server/sync-server';
import { tempDir } from '../../helpers/temp-workspace';
import { freePort, startServerProcess, type Running } from './processes';
import { call } from './sync-scenario';

const HOUR = 3_600_000;

/**
 * Someone between a device and the team server (or the server itself) rewrites the Date header: the device follows a
 * lagging clock forward only within the bound (24 hours unless opened with another), and says so in words otherwise.
 */
describe('the followed reference clock is bounded', { timeout: 120_000 }, () => {
  const cleanups: Array<() => unknown> = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  /** A real team server process behind a proxy that says it is `dateMs` (as a server or a man in the middle could). */
  async function serverSaying(dir: string, dateMs: () => number) {
    const data = path.join(dir, 'server-data');
    const token = newToken();
    const admin = new SqliteServerStore(data);
    admin.addMember({ id: 'ana', name: 'Ana', personId: 'p-ana', admin: true }, hashToken(token));
    admin.close();
    const server: Running & { url: string } = await startServerProcess(data, await freePort());
    cleanups.push(async () => {
      server.child.kill('SIGTERM');
      await server.exited;
    });
    const proxy = http.createServer((req, res) => {
      const upstream = http.request(`${server.url}${req.url}`, { method: req.method, headers: req.headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, { ...answer.headers, date: new Date(dateMs()).toUTCString() });
        answer.pipe(res);
      });
      req.pipe(upstream);
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise((resolve) => (proxy.closeAllConnections(), proxy.close(resolve))));
    return { url: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`, token };
  }

  it('a Date header ten years ahead is not followed: edits keep today\'s stamps and the report and status say why', async () => {
    const t = tempDir('release-desk-clock-');
    cleanups.push(t.cleanup);
    const future = Date.parse('2036-01-01T10:00:00Z');
    const server = await serverSaying(t.dir, () => future);
    const device = WorkspaceSession.open(path.join(t.dir, 'device.releasedesk'));
    cleanups.push(() => device.close());

    await call(device, 'systems.create', { name: 'Billing' });
    const report = await call<{ warnings: string[] }>(device, 'sync.now', { target: { serverUrl: server.url, token: server.token } });
    const warning = `The team server at ${server.url} says it is 2036-01-01 10:00 UTC while this device's clock says`;
    expect(report.warnings.filter((w) => w.startsWith(warning))).toHaveLength(1);
    expect(report.warnings.join(' ')).toMatch(/more than 24 hours ahead, so this device did not follow it/);

    expect(Math.abs(device.store.now() - Date.now())).toBeLessThan(60_000);
    const system = await call<{ id: string }>(device, 'systems.create', { name: 'Ledger' });
    expect(device.store.history('system', system.id)[0].hlc.slice(0, 10)).toBe(new Date().toISOString().slice(0, 10));

    await call(device, 'sync.configure', { mode: 'server', serverUrl: server.url, token: server.token });
    await call(device, 'sync.now', {});
    const status = await call<{ warnings: string[] }>(device, 'sync.status', {});
    expect(status.warnings.some((w) => w.startsWith(warning))).toBe(true);
  });

  it('a lagging device still follows a server a few hours ahead; the bound is configurable', async () => {
    const t = tempDir('release-desk-clock-');
    cleanups.push(t.cleanup);
    const server = await serverSaying(t.dir, () => Date.now() + 12 * HOUR);

    const lagging = WorkspaceSession.open(path.join(t.dir, 'lagging.releasedesk'));
    cleanups.push(() => lagging.close());
    const report = await call<{ warnings: string[] }>(lagging, 'sync.now', { target: { serverUrl: server.url, token: server.token } });
    expect(report.warnings.filter((w) => /did not follow/.test(w))).toEqual([]);
    expect(lagging.store.now() - Date.now()).toBeGreaterThan(11 * HOUR);

    const strict = WorkspaceSession.open(path.join(t.dir, 'strict.releasedesk'), { maxClockFollowMs: HOUR });
    cleanups.push(() => strict.close());
    const strictReport = await call<{ warnings: string[] }>(strict, 'sync.now', { target: { serverUrl: server.url, token: server.token } });
    expect(strictReport.warnings.join(' ')).toMatch(/more than 1 hour ahead, so this device did not follow it/);
    expect(Math.abs(strict.store.now() - Date.now())).toBeLessThan(60_000);
  });
});
