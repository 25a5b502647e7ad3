import { afterEach, describe, expect, it } from 'vitest';
import type { WorkspaceSession } from '../../../electron/core';
import type { SyncConflict } from '../../../electron/contract/sync-entities';
import { SqliteServerStore } from '../../../electron/server/sqlite-server-store';
import { hashToken, newToken, startSyncServer } from '../../../electron/server/sync-server';
import { tempDir } from '../../helpers/temp-workspace';
import { call, comparableExport, editApart, giveKey, openWorkspace, seedTeam, signoffCount } from './sync-scenario';

describe('two workspaces edited apart converge (issue 6, Done when)', () => {
  const cleanups: Array<() => void | Promise<void>> = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  function world() {
    const t = tempDir('release-desk-two-');
    const a = openWorkspace(t.dir, 'a');
    const b = openWorkspace(t.dir, 'b');
    cleanups.push(t.cleanup, () => a.close(), () => b.close());
    return { dir: t.dir, a, b };
  }

  async function expectConverged(a: WorkspaceSession, b: WorkspaceSession) {
    expect(comparableExport(b)).toEqual(comparableExport(a));
    expect(signoffCount(a)).toBe(2);
    expect(signoffCount(b)).toBe(2);
    for (const s of [a, b]) {
      const conflicts = await call<SyncConflict[]>(s, 'sync.conflicts', {});
      expect(conflicts).toHaveLength(1);
      const [conflict] = conflicts;
      expect(conflict.fieldLabel).toBe('Description');
      expect(conflict.recordLabel).toBe('Payments 2.4.0');
      expect([conflict.current.display, conflict.other.display].sort()).toEqual(['Card vault + 3DS (edited on B)', 'Card vault migration (edited on A)']);
    }
  }

  it('through a shared folder', async () => {
    const { dir, a, b } = world();
    const folder = `${dir}/shared`;
    (await import('node:fs')).mkdirSync(folder);
    const ids = await seedTeam(a);
    const sync = async () => {
      await call(a, 'sync.now', { target: { folder } });
      await call(b, 'sync.now', { target: { folder } });
    };
    await sync();
    await giveKey(a, b, ids.samId, sync);
    await editApart(a, b, ids);
    await call(a, 'sync.now', { target: { folder } });
    await call(b, 'sync.now', { target: { folder } });
    await call(a, 'sync.now', { target: { folder } });
    await expectConverged(a, b);
  });

  it('through the team server', async () => {
    const { dir, a, b } = world();
    const store = new SqliteServerStore(`${dir}/server`);
    const server = await startSyncServer({ store });
    cleanups.push(() => store.close(), () => server.close());
    const ids = await seedTeam(a);
    const priyaToken = newToken();
    const samToken = newToken();
    store.addMember({ id: 'm1', name: 'Priya', personId: ids.priyaId, admin: true }, hashToken(priyaToken));
    store.addMember({ id: 'm2', name: 'Sam', personId: ids.samId, admin: false }, hashToken(samToken));
    await call(a, 'sync.configure', { mode: 'server', serverUrl: server.url, token: priyaToken });
    await call(b, 'sync.configure', { mode: 'server', serverUrl: server.url, token: samToken });
    const sync = async () => {
      await call(a, 'sync.now', {});
      await call(b, 'sync.now', {});
    };
    await sync();
    await giveKey(a, b, ids.samId, sync);
    await editApart(a, b, ids);
    await call(a, 'sync.now', {});
    await call(b, 'sync.now', {});
    await call(a, 'sync.now', {});
    await expectConverged(a, b);
    const status = await call<{ waiting: number; lastError: string | null; lastSyncedAt: string | null }>(a, 'sync.status', {});
    expect(status).toMatchObject({ waiting: 0, lastError: null });
    expect(status.lastSyncedAt).not.toBeNull();
  });
});
