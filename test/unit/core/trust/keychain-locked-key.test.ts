import path from 'node:path';
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { WorkspaceSession } from '../../../../electron/core';
import { setSecretProtector } from '../../../../electron/core/trust/secret-protection';
import { standInKeychain } from '../../../helpers/stand-in-keychain';
import { releaseInput, seedBasics, tempDir, valueOf } from '../../../helpers/temp-workspace';

/**
 * The desktop app wraps the device key with the OS keychain; the CLI and the web shell on the same machine cannot
 * unwrap it. They must still act as the same device (one history), not silently become a new one.
 */
describe('a device key kept by a keychain this process cannot use', () => {
  const cleanups: Array<() => void> = [];
  afterEach(() => {
    setSecretProtector(null);
    for (const c of cleanups.splice(0).reverse()) c();
  });

  it('opens as the same device: reads and plain edits work, signing and syncing say where they can be done, and the desktop app carries on', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const file = path.join(t.dir, 'desk.releasedesk');
    const desktop = standInKeychain('the desktop keychain');

    setSecretProtector(desktop);
    const app = WorkspaceSession.open(file);
    const basics = await seedBasics(app);
    const release = valueOf(await app.client()['releases.create'](releaseInput(basics)));
    valueOf(await app.client()['readiness.signoff']({ releaseId: release.id, state: 'organization', action: 'halt', comment: 'CVE open', asPersonId: basics.personId }));
    const deviceId = app.store.deviceId;
    app.close();

    setSecretProtector(null);
    const cli = WorkspaceSession.open(file);
    expect(cli.store.deviceId).toBe(deviceId);
    expect(cli.store.becameNewDevice).toBeNull();
    expect(valueOf(await cli.client()['releases.list']({}))).toHaveLength(1);
    valueOf(await cli.client()['releases.update']({ id: release.id, changes: { description: 'Edited from the command line' } }));
    const refused = await cli.client()['readiness.signoff']({ releaseId: release.id, state: 'organization', action: 'assert', comment: 'fixed', asPersonId: basics.personId });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toMatch(/This device's key is kept by the desktop keychain, which this process cannot use: sign, record and sync on this workspace in the desktop app/);
    const folder = path.join(t.dir, 'shared');
    fs.mkdirSync(folder);
    const sync = await cli.client()['sync.now']({ target: { folder } });
    expect(JSON.stringify(sync)).toMatch(/kept by the desktop keychain/);
    cli.close();

    setSecretProtector(desktop);
    const back = WorkspaceSession.open(file);
    expect(back.store.deviceId).toBe(deviceId);
    valueOf(await back.client()['readiness.signoff']({ releaseId: release.id, state: 'organization', action: 'assert', comment: 'fixed', asPersonId: basics.personId }));
    expect(valueOf(await back.client()['workspace.verify']({}))).toMatchObject({ ok: true });
    back.close();
  });
});
