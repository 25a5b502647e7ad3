import { spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteServerStore } from '../../../electron/server/sqlite-server-store';
import { hashToken, newToken, startSyncServer } from '../../../electron/server/sync-server';
import { BIN } from '../../helpers/cli-process';
import { tempDir } from '../../helpers/temp-workspace';
import { call, openWorkspace, seedTeam } from '../sync/sync-scenario';

describe('release-desk sync --follow', () => {
  const cleanups: Array<() => void | Promise<void>> = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  it('prints one line per batch in domain words as changes arrive, and exits cleanly on SIGTERM', async () => {
    const t = tempDir('release-desk-follow-');
    const store = new SqliteServerStore(`${t.dir}/server`);
    const server = await startSyncServer({ store });
    cleanups.push(t.cleanup, () => store.close(), () => server.close());
    const a = openWorkspace(t.dir, 'a');
    cleanups.push(() => a.close());
    const ids = await seedTeam(a);
    const priya = newToken();
    const sam = newToken();
    await store.addMember({ id: 'Priya', name: 'Priya', personId: ids.priyaId, admin: true }, hashToken(priya));
    await store.addMember({ id: 'Sam', name: 'Sam', personId: ids.samId, admin: false }, hashToken(sam));
    await call(a, 'sync.configure', { mode: 'server', serverUrl: server.url, token: priya });
    await call(a, 'sync.now', {});
    a.goLive();
    openWorkspace(t.dir, 'b').close();

    const child = spawn(process.execPath, [BIN, 'sync', '--follow', '--db', `${t.dir}/b.releasedesk`, '--server', server.url, '--token', sam], { stdio: ['ignore', 'pipe', 'pipe'] });
    cleanups.push(() => void child.kill('SIGKILL'));
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const until = async (check: () => boolean, ms: number) => {
      const start = Date.now();
      while (!check()) {
        if (Date.now() - start > ms) throw new Error(`timed out; stdout: ${stdout}; stderr: ${stderr}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    await until(() => /live: following the team server/.test(stderr), 30_000);
    expect(stdout).toMatch(/^Sent \d+ change\(s\), received \d+/);

    await call(a, 'readiness.signoff', { releaseId: ids.releaseId, state: 'product', action: 'halt', comment: 'UAT defect PAY-12 open', asPersonId: ids.priyaId });
    await until(() => /Priya Natarajan halted Product on Payments 2\.4\.0/.test(stdout), 5000);
    const lines = stdout.trim().split('\n');
    expect(lines.at(-1)).toMatch(/^\d\d:\d\d:\d\d Priya Natarajan halted Product on Payments 2\.4\.0$/);

    const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
  }, 60_000);
});
