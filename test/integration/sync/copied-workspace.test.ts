import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WorkspaceSession } from '../../../electron/core';
import { KeyStore } from '../../../electron/core/trust/key-store';
import { SqliteServerStore } from '../../../electron/server/sqlite-server-store';
import { hashToken, newToken } from '../../../electron/server/sync-server';
import { tempDir } from '../../helpers/temp-workspace';
import { freePort, runCli, startServerProcess } from './processes';
import { call, comparableExport, seedTeam } from './sync-scenario';

type Cleanups = Array<() => void | Promise<void>>;
type Sync = (s: WorkspaceSession) => Promise<unknown>;

/**
 * A workspace file copied — to a new laptop, a VM snapshot, a restored backup of the file — is another device
 * (docs/sync.md, "Signed records"): it takes a new device id before it writes, keeps its history under the old one,
 * and converges with the original through a folder or a team server like any two devices. A file moved keeps its
 * device. Issue 11: before, both copies wrote the same numbered files and hid each other's halts.
 */
describe('a copied workspace file', () => {
  const cleanups: Cleanups = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  async function original() {
    const t = tempDir('release-desk-copy-');
    cleanups.push(t.cleanup);
    const file = path.join(t.dir, 'priya.releasedesk');
    const a = WorkspaceSession.open(file);
    cleanups.push(() => a.close());
    const ids = await seedTeam(a);
    return { dir: t.dir, file, a, ids };
  }

  /** Copies the (checkpointed) file, as a file manager, `cp` or a VM snapshot does. */
  function copyOf(a: WorkspaceSession, to: string): string {
    a.store.checkpoint();
    fs.copyFileSync(a.path, to);
    return to;
  }

  /**
   * The copy becomes a device of the team like any other: it asks for a key for Priya, the original (the workspace's
   * root) enrols it. Then each halts a readiness state and, after a sync round, both see both halts.
   */
  async function haltsCrossOver(a: WorkspaceSession, copy: WorkspaceSession, ids: { priyaId: string; releaseId: string }, sync: Sync) {
    const round = async () => {
      for (let i = 0; i < 2; i++) for (const s of [a, copy]) await sync(s);
    };
    await call(copy, 'keys.request', { personId: ids.priyaId });
    await round();
    await call(a, 'keys.enrol', { deviceId: copy.store.deviceId, personId: ids.priyaId });
    await round();
    await call(copy, 'readiness.signoff', { releaseId: ids.releaseId, state: 'product', action: 'halt', comment: 'Halted on the copy', asPersonId: ids.priyaId });
    await call(a, 'readiness.signoff', { releaseId: ids.releaseId, state: 'organization', action: 'halt', comment: 'Halted on the original', asPersonId: ids.priyaId });
    await round();
    for (const s of [a, copy]) {
      const gate = await call<{ decision: string; halts: Array<{ reason: string }> }>(s, 'readiness.gate', { releaseId: ids.releaseId });
      expect(gate.decision).toBe('halted');
      expect(gate.halts.map((h) => h.reason).sort()).toEqual(['Halted on the copy', 'Halted on the original']);
    }
    expect(comparableExport(copy)).toEqual(comparableExport(a));
  }

  it('on the same machine: a new device before it writes; halts cross over through a shared folder', async () => {
    const { dir, a, ids } = await original();
    const folder = path.join(dir, 'shared');
    fs.mkdirSync(folder);
    const sync: Sync = (s) => call(s, 'sync.now', { target: { folder } });
    await sync(a);
    const copy = WorkspaceSession.open(copyOf(a, path.join(dir, 'snapshot.releasedesk')));
    cleanups.push(() => copy.close());
    expect(copy.store.deviceId).not.toBe(a.store.deviceId);
    expect(copy.store.becameNewDevice).toEqual({ previousDeviceId: a.store.deviceId });
    expect(copy.store.chainHeadOf(copy.store.deviceId)).toBe(0);
    // Its history stays under the original's id, and the original is still itself.
    expect(copy.store.chainHeadOf(a.store.deviceId)).toBeGreaterThan(0);
    expect(a.store.becameNewDevice).toBeNull();
    await haltsCrossOver(a, copy, ids, sync);
    // Each wrote only into its own device folder.
    expect(fs.readdirSync(folder).sort()).toEqual([a.store.deviceId, copy.store.deviceId].sort());
  });

  it('on another machine (another key folder): halts cross over through a shared folder, also with the CLI there', async () => {
    const { dir, a, ids } = await original();
    const folder = path.join(dir, 'shared');
    fs.mkdirSync(folder);
    await call(a, 'sync.now', { target: { folder } });
    const laptopKeys = path.join(dir, 'new-laptop-keys');
    const file = copyOf(a, path.join(dir, 'new-laptop.releasedesk'));
    // On the new laptop, the CLI syncs first: its key folder holds no key of the original device.
    const cli = runCli(['sync', '--db', file, '--folder', folder], { RELEASE_DESK_KEY_DIR: laptopKeys });
    expect(cli.code).toBe(0);
    const copy = WorkspaceSession.open(file, { keys: new KeyStore(laptopKeys) });
    cleanups.push(() => copy.close());
    expect(copy.store.deviceId).not.toBe(a.store.deviceId);
    expect(fs.readdirSync(laptopKeys)).toEqual([`${copy.store.deviceId}.json`]);
    await haltsCrossOver(a, copy, ids, (s) => call(s, 'sync.now', { target: { folder } }));
  });

  it('through the team server: the copy is a device of the same member, and neither hides the other', async () => {
    const { dir, a, ids } = await original();
    const data = path.join(dir, 'server-data');
    const token = newToken();
    const members = new SqliteServerStore(data);
    await members.addMember({ id: 'priya', name: 'Priya', personId: ids.priyaId, admin: true }, hashToken(token));
    await members.close();
    const server = await startServerProcess(data, await freePort());
    cleanups.push(async () => {
      server.child.kill('SIGKILL');
      await server.exited;
    });
    const sync: Sync = (s) => call(s, 'sync.now', { target: { serverUrl: server.url, token } });
    await sync(a);
    const copy = WorkspaceSession.open(copyOf(a, path.join(dir, 'restored.releasedesk')), { keys: new KeyStore(path.join(dir, 'other-machine-keys')) });
    cleanups.push(() => copy.close());
    expect(copy.store.deviceId).not.toBe(a.store.deviceId);
    await haltsCrossOver(a, copy, ids, sync);
  });

  it('an older copy put back in place of the file becomes a new device and gets its later changes back from the folder', async () => {
    const { dir, file, a, ids } = await original();
    const folder = path.join(dir, 'shared');
    fs.mkdirSync(folder);
    await call(a, 'sync.now', { target: { folder } });
    const yesterday = copyOf(a, path.join(dir, 'yesterday.releasedesk'));
    await call(a, 'readiness.signoff', { releaseId: ids.releaseId, state: 'product', action: 'halt', comment: 'Halted after the copy', asPersonId: ids.priyaId });
    await call(a, 'sync.now', { target: { folder } });
    const deviceId = a.store.deviceId;
    a.close();
    fs.copyFileSync(yesterday, file);
    const restored = WorkspaceSession.open(file);
    cleanups.push(() => restored.close());
    expect(restored.store.becameNewDevice).toEqual({ previousDeviceId: deviceId });
    await call(restored, 'sync.now', { target: { folder } });
    const gate = await call<{ decision: string; halts: Array<{ reason: string }> }>(restored, 'readiness.gate', { releaseId: ids.releaseId });
    expect(gate).toMatchObject({ decision: 'halted', halts: [expect.objectContaining({ reason: 'Halted after the copy' })] });
  });

  it('a moved file keeps its device, and goes on where it left off', async () => {
    const { dir, file, a, ids } = await original();
    const folder = path.join(dir, 'shared');
    fs.mkdirSync(folder);
    await call(a, 'sync.now', { target: { folder } });
    const deviceId = a.store.deviceId;
    a.close();
    const moved = path.join(dir, 'archive', 'priya.releasedesk');
    fs.mkdirSync(path.dirname(moved));
    fs.renameSync(file, moved);
    const again = WorkspaceSession.open(moved);
    cleanups.push(() => again.close());
    expect(again.store.deviceId).toBe(deviceId);
    expect(again.store.becameNewDevice).toBeNull();
    await call(again, 'readiness.signoff', { releaseId: ids.releaseId, state: 'product', action: 'halt', comment: 'After the move', asPersonId: ids.priyaId });
    await call(again, 'sync.now', { target: { folder } });
    expect(fs.readdirSync(folder)).toEqual([deviceId]);
    expect(fs.readdirSync(path.join(folder, deviceId)).filter((n) => n.endsWith('.gz'))).toEqual(['00000001.ndjson.gz', '00000002.ndjson.gz']);
  });
});
