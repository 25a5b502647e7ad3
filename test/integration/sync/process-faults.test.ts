import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { exportWorkspace } from '../../../electron/core/backup/export-workspace';
import { WorkspaceStore } from '../../../electron/core/store/workspace-store';
import { FILE_NAME, decodeFolderFile } from '../../../electron/core/sync/folder-file';
import { syncFolder } from '../../../electron/core/sync/folder-transport';
import { syncServer } from '../../../electron/core/sync/server-client';
import { hashToken, newToken } from '../../../electron/server/sync-server';
import { STORE_KINDS, storeUnderTest } from '../../helpers/server-stores';
import { tempDir } from '../../helpers/temp-workspace';
import { formTeam } from '../../unit/core/sync/sync-devices';
import { freePort, spawnCli, startServerNode, waitFor, type Running } from './processes';

/**
 * Faults with real processes (issue 6): a team server SIGKILLed while a client pushes, and a `release-desk sync
 * --folder` SIGKILLed while it writes and while it merges. After a restart everything converges, nothing is
 * duplicated or lost, and every database passes `PRAGMA integrity_check`.
 */
describe('sync survives killed processes', () => {
  const cleanups: Array<() => void | Promise<void>> = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  function stopOnCleanup(p: Running) {
    cleanups.push(async () => {
      if (p.child.exitCode === null && p.child.signalCode === null) {
        p.child.kill('SIGKILL');
        await p.exited;
      }
    });
  }

  const comparable = (s: WorkspaceStore) => {
    const { exportedAt: _ignored, ...rest } = exportWorkspace(s);
    return rest;
  };
  const count = (db: Database.Database, sql: string) => db.prepare(sql).pluck().get() as number;
  const systems = (s: WorkspaceStore, tag: string, n: number) =>
    s.mutate('p1', (w) => {
      for (let i = 0; i < n; i++) w.insert('system', `${tag}-${i}`, { name: `System ${tag} ${i}`, description: `made on ${tag}`, dependsOn: [] });
    });

  for (const { kind, skip, label } of STORE_KINDS) it.skipIf(skip)(`the team server on ${label} killed mid-push and restarted on the same data: the client retries and everything converges`, async () => {
    const t = tempDir('release-desk-kill-server-');
    cleanups.push(t.cleanup);
    const under = storeUnderTest(kind, t.dir);
    cleanups.push(() => under.cleanup());
    const token = newToken();
    const admin = await under.open();
    await admin.addMember({ id: 'm1', name: 'Priya', personId: 'p1', admin: true }, hashToken(token));
    await admin.close();

    const a = WorkspaceStore.open(path.join(t.dir, 'a.releasedesk'));
    const b = WorkspaceStore.open(path.join(t.dir, 'b.releasedesk'));
    cleanups.push(() => a.close(), () => b.close());
    formTeam([a, b], Date.now(), []);
    systems(a, 'a', 10_000); // 30,000 changes: six pushes of 5,000
    systems(b, 'b', 50);
    const total = () => a.changeCount() + 150;

    const port = await freePort();
    const first = await startServerNode(under.args, port);
    stopOnCleanup(first);
    const target = { url: first.url, token };

    let killedAfter = -1;
    const interrupted = syncServer(a, target, (p) => {
      // After the first batch is stored, the next push is on its way: the server dies under it.
      if (p.phase === 'sending' && killedAfter < 0) {
        killedAfter = p.done;
        setTimeout(() => first.child.kill('SIGKILL'), 5);
      }
    });
    await expect(interrupted).rejects.toThrow(/team server/);
    expect(await first.exited).toBeNull();
    expect(killedAfter).toBeGreaterThan(0);
    expect(killedAfter).toBeLessThan(30_000);
    const expected = total();

    const second = await startServerNode(under.args, port);
    stopOnCleanup(second);
    expect(second.url).toBe(first.url);
    const retried = await syncServer(a, target);
    expect(retried.sent).toBeGreaterThan(0);
    expect(retried.sent).toBeLessThanOrEqual(expected - 150 - killedAfter);
    await syncServer(b, target);
    await syncServer(a, target);

    expect(comparable(b)).toEqual(comparable(a));
    // Every change once: the 30,150 systems' fields, the team's set-up, and each device's seal over its chain.
    const merged = a.changeCount();
    expect(merged).toBeGreaterThan(30_150);
    expect(b.changeCount()).toBe(merged);
    for (const s of [a, b]) expect(s.integrityCheck()).toBe('ok');

    second.child.kill('SIGTERM');
    await second.exited;
    const onServer = async (sql: string) => Number((await under.sql<{ n: number }>(sql))[0].n);
    if (kind === 'sqlite') expect((await under.sql<{ integrity_check: string }>('PRAGMA integrity_check'))[0].integrity_check).toBe('ok');
    expect(await onServer('SELECT count(*) AS n FROM changes')).toBe(merged);
    expect(await onServer("SELECT count(DISTINCT entity || '/' || row_id || '/' || field || '/' || hlc) AS n FROM changes")).toBe(merged);
  }, 120_000);

  it('`release-desk sync --folder` SIGKILLed while writing, and while merging: reruns converge, nothing read half-written', async () => {
    const t = tempDir('release-desk-kill-folder-');
    cleanups.push(t.cleanup);
    const folder = path.join(t.dir, 'shared');
    fs.mkdirSync(folder);
    const aFile = path.join(t.dir, 'a.releasedesk');
    const bFile = path.join(t.dir, 'b.releasedesk');
    const seed = WorkspaceStore.open(aFile);
    systems(seed, 'a', 20_000); // 60,000 changes: twelve folder files
    const aDevice = seed.deviceId;
    seed.close();
    // B joins by its first sync: it holds nothing yet, so it takes A's root from the folder.
    WorkspaceStore.open(bFile).close();
    const own = path.join(folder, aDevice);
    /** How many changes each of A's whole files holds, in file order. */
    const fileSizes = () =>
      fs
        .readdirSync(own)
        .filter((n) => FILE_NAME.test(n))
        .sort()
        .map((n) => decodeFolderFile(fs.readFileSync(path.join(own, n)), { deviceId: aDevice, file: Number(n.slice(0, 8)) }).changes.length);
    const published = () => (fs.existsSync(own) ? fs.readdirSync(own).filter((n) => /^\d{8}\.ndjson\.gz$/.test(n)).length : 0);

    // 1. Killed while writing its files.
    const writer = spawnCli(['sync', '--db', aFile, '--folder', folder]);
    stopOnCleanup(writer);
    await waitFor(() => published() >= 1 || writer.child.exitCode !== null, 60_000, () => `no file written: ${writer.stderr()}`);
    writer.child.kill('SIGKILL');
    await writer.exited;
    const writtenBeforeKill = published();
    expect(writtenBeforeKill).toBeGreaterThanOrEqual(1);
    expect(fileSizes().reduce((x, y) => x + y, 0)).toBeLessThan(60_000);

    // A peer reading now sees only whole files (a half-written one is a dot-named temporary it ignores).
    const peek = WorkspaceStore.open(path.join(t.dir, 'peek.releasedesk'));
    cleanups.push(() => peek.close());
    const early = await syncFolder(peek, folder);
    expect(early.warnings).toEqual([]);
    expect(early.received).toBe(fileSizes().slice(0, writtenBeforeKill).reduce((x, y) => x + y, 0));

    // 2. The writer's rerun finishes; then B is killed while merging them.
    const rerun = spawnCli(['sync', '--db', aFile, '--folder', folder]);
    stopOnCleanup(rerun);
    expect(await rerun.exited).toBe(0);
    // Killed between writing a file and noting it, the rerun may publish some changes twice: readers skip duplicates.
    expect(fileSizes().reduce((x, y) => x + y, 0)).toBeGreaterThanOrEqual(60_000);

    const reader = spawnCli(['sync', '--db', bFile, '--folder', folder]);
    stopOnCleanup(reader);
    const probe = new Database(bFile, { readonly: true, fileMustExist: true });
    try {
      await waitFor(() => count(probe, 'SELECT count(*) FROM change_log') > 0 || reader.child.exitCode !== null, 60_000, () => `nothing merged: ${reader.stderr()}`);
    } finally {
      probe.close();
    }
    reader.child.kill('SIGKILL');
    await reader.exited;

    const b = WorkspaceStore.open(bFile);
    cleanups.push(() => b.close());
    expect(b.integrityCheck()).toBe('ok');
    const mergedBeforeKill = b.changeCount();
    expect(mergedBeforeKill).toBeGreaterThan(0);
    expect(mergedBeforeKill).toBeLessThan(60_000);
    // Whole deliveries only: a folder file is merged in one transaction or not at all, in file order.
    const prefixSums = fileSizes().map((_, i, all) => all.slice(0, i + 1).reduce((x, y) => x + y, 0));
    expect(prefixSums).toContain(mergedBeforeKill);

    const again = await syncFolder(b, folder);
    expect(again.warnings).toEqual([]);
    const a = WorkspaceStore.open(aFile);
    cleanups.push(() => a.close());
    await syncFolder(a, folder);
    expect(comparable(b)).toEqual(comparable(a));
    expect(b.changeCount()).toBe(a.changeCount());
    for (const s of [a, b]) expect(s.integrityCheck()).toBe('ok');
  }, 180_000);
});
