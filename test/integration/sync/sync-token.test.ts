import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { setSecretProtector } from '../../../electron/core';
import { SqliteServerStore } from '../../../electron/server/sqlite-server-store';
import { hashToken, newToken, startSyncServer } from '../../../electron/server/sync-server';
import type { SyncSettings, SyncStatus } from '../../../electron/contract/sync-entities';
import { behindTheStore } from '../../helpers/behind-the-store';
import { standInKeychain } from '../../helpers/stand-in-keychain';
import { tempDir, tempSession, valueOf } from '../../helpers/temp-workspace';

describe('the saved sync token', () => {
  const cleanups: Array<() => void | Promise<void>> = [];
  afterEach(async () => {
    setSecretProtector(null);
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  async function world() {
    const t = tempDir('release-desk-token-');
    const serverStore = new SqliteServerStore(`${t.dir}/server`);
    const server = await startSyncServer({ store: serverStore });
    const { session, file, cleanup } = tempSession();
    cleanups.push(t.cleanup, () => serverStore.close(), () => server.close(), cleanup);
    const token = newToken();
    await serverStore.addMember({ id: 'Priya', name: 'Priya', personId: 'priya', admin: true }, hashToken(token));
    // What is stored at rest, as anyone who copies the file reads it.
    const savedRaw = () => behindTheStore(file, (db) => db.prepare("SELECT value FROM sync_state WHERE key = 'token'").pluck().get() as string);
    const fileBytes = () => {
      session.store.checkpoint();
      return fs.readFileSync(file);
    };
    return { session, server, token, savedRaw, fileBytes };
  }

  it('is kept with the OS keychain where the shell has one: not in the workspace file, and syncs', async () => {
    const w = await world();
    setSecretProtector(standInKeychain('the test keychain'));
    const settings = valueOf(await w.session.client()['sync.configure']({ mode: 'server', serverUrl: w.server.url, token: w.token }));
    expect(settings).toMatchObject({ tokenSet: true, tokenWarning: null });
    expect(w.savedRaw()).not.toContain(w.token);
    expect(w.savedRaw()).not.toContain(Buffer.from(w.token).toString('base64'));
    expect(w.fileBytes().includes(Buffer.from(w.token))).toBe(false);
    expect(JSON.parse(w.savedRaw())).toMatchObject({ protection: 'the test keychain' });
    // The configured sync reads it back through the keychain.
    expect((await w.session.client()['sync.now']({})).ok).toBe(true);
    const status = valueOf(await w.session.client()['sync.status']({}));
    expect(status.lastError).toBeNull();
    expect(status.warnings.join(' ')).not.toMatch(/token/);
  });

  it('where no keychain exists it stays in the workspace, with a warning in words in the settings and the status', async () => {
    const w = await world();
    const settings = valueOf(await w.session.client()['sync.configure']({ mode: 'server', serverUrl: w.server.url, token: w.token }));
    expect(settings.tokenWarning).toMatch(/^The member token is kept in this workspace file without encryption: there is no OS keychain here/);
    const status = valueOf(await w.session.client()['sync.status']({}));
    expect(status.warnings).toContain(settings.tokenWarning);
    expect((await w.session.client()['sync.now']({})).ok).toBe(true);
  });

  it('saved with a keychain this process lacks (the desktop app\'s, seen from the CLI): the sync says so in words instead of sending nothing', async () => {
    const w = await world();
    setSecretProtector(standInKeychain('the OS keychain (Electron safeStorage)'));
    valueOf(await w.session.client()['sync.configure']({ mode: 'server', serverUrl: w.server.url, token: w.token }));
    setSecretProtector(null);
    const status = valueOf(await w.session.client()['sync.status']({}));
    const warning = 'The saved member token was protected by the OS keychain (Electron safeStorage), which this process cannot use (another app, user or machine): enter the token again in Settings → Sync, or give it to the CLI with --token.';
    expect(status.settings.tokenWarning).toBe(warning);
    expect(status.warnings).toContain(warning);
    const refused = await w.session.client()['sync.now']({});
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'token', message: warning } });
    // A one-off target with its own token still syncs.
    expect((await w.session.client()['sync.now']({ target: { serverUrl: w.server.url, token: w.token } })).ok).toBe(true);
  });
});
