import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { WorkspaceSession } from '../../../electron/core';
import type { ApiResult } from '../../../electron/contract/api-result';
import type { FolderInspection, SyncReport, SyncSettings, SyncStatus } from '../../../electron/contract/sync-entities';
import { FOLDER_KEY_FILE, readFolderKeyHeader, unlockFolderKey } from '../../../electron/core/sync/folder-key';
import { setSecretProtector } from '../../../electron/core/trust/secret-protection';
import { standInKeychain } from '../../helpers/stand-in-keychain';
import { tempDir } from '../../helpers/temp-workspace';
import { call, comparableExport, openWorkspace, seedTeam } from './sync-scenario';

const PASSPHRASE = 'correct horse battery staple';
const RELEASE_NAME = 'Payments';
const COMMENT = 'UAT defect PAY-12 open';

/** Every file under a folder, depth first. */
function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

/** What `zcat FILE` prints and whether it worked: what anyone who can read the folder sees. */
function zcat(file: string): { ok: boolean; text: string } {
  const run = spawnSync('gzip', ['-dc', file], { encoding: 'latin1' });
  return { ok: run.status === 0, text: run.stdout };
}

/** What a folder reader learns from the folder: every file's raw bytes and whatever gunzip makes of them. */
function readableText(folder: string): string {
  return filesUnder(folder)
    .map((f) => `${fs.readFileSync(f, 'latin1')}\n${zcat(f).text}`)
    .join('\n');
}

function dataFiles(folder: string, deviceId: string): string[] {
  const dir = path.join(folder, deviceId);
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter((n) => !n.startsWith('.')).sort() : [];
}

async function failure(result: Promise<ApiResult<unknown>>) {
  const r = await result;
  if (r.ok) throw new Error('expected a refusal');
  return r.error;
}

const releaseCount = (s: WorkspaceSession) => s.store.reader.count('release');
const systemNames = (s: WorkspaceSession) => s.store.reader.list('system').map((system) => String(system.name)).sort().join(', ');

describe('an encrypted shared folder (issue 12)', { timeout: 120_000 }, () => {
  const cleanups: Array<() => void> = [];
  afterEach(() => {
    setSecretProtector(null);
    for (const c of cleanups.splice(0).reverse()) c();
  });

  /** Workspace A with a release and a halt on it; empty workspaces for teammates; an empty shared folder. */
  async function team(mates: string[] = ['b']) {
    const t = tempDir('release-desk-encrypted-');
    const folder = path.join(t.dir, 'shared');
    fs.mkdirSync(folder);
    const a = openWorkspace(t.dir, 'a');
    const others = mates.map((m) => openWorkspace(t.dir, m));
    cleanups.push(t.cleanup, () => a.close(), ...others.map((o) => () => o.close()));
    const ids = await seedTeam(a);
    await call(a, 'readiness.signoff', { releaseId: ids.releaseId, state: 'product', action: 'halt', comment: COMMENT, asPersonId: ids.priyaId });
    const keyFile = path.join(t.dir, 'team.key');
    fs.writeFileSync(keyFile, randomBytes(32));
    return { dir: t.dir, folder, a, others, ids, keyFile };
  }

  const syncNow = (s: WorkspaceSession, target?: Record<string, unknown>) => call<SyncReport>(s, 'sync.now', target ? { target } : {});
  const configure = (s: WorkspaceSession, input: Record<string, unknown>) => call<SyncSettings>(s, 'sync.configure', { mode: 'folder', ...input });

  it('zcat of any file in the folder reveals no release name, comment or person; the same workspace unencrypted does', async () => {
    const { dir, folder, a } = await team([]);
    // The control: unencrypted, a folder reader reads it all with zcat.
    const plain = path.join(dir, 'plain');
    fs.mkdirSync(plain);
    await syncNow(a, { folder: plain });
    expect(readableText(plain)).toContain(COMMENT);

    await configure(a, { folder, passphrase: PASSPHRASE });
    const report = await syncNow(a);
    expect(report.sent).toBeGreaterThan(0);
    const files = filesUnder(folder).filter((f) => !f.endsWith('.clock'));
    expect(files.map((f) => path.relative(folder, f))).toEqual([`${a.store.deviceId}/00000001.ndjson.gz.enc`, FOLDER_KEY_FILE]);
    const text = readableText(folder);
    for (const secret of [COMMENT, RELEASE_NAME, 'Priya Natarajan', 'Payments API', 'Europe/Berlin', PASSPHRASE]) expect(text).not.toContain(secret);
    expect(zcat(files[0]).ok).toBe(false);
    // The header says how to derive the key, and nothing else.
    expect(JSON.parse(fs.readFileSync(path.join(folder, FOLDER_KEY_FILE), 'utf8'))).toMatchObject({ cipher: 'aes-256-gcm', kdf: { name: 'scrypt', N: 131072, r: 8, p: 1 } });
  });

  it('a teammate with the passphrase converges; a wrong passphrase or none is refused in words, and it reads and writes nothing', async () => {
    const { folder, a, others } = await team();
    const [b] = others;
    await configure(a, { folder, passphrase: PASSPHRASE });
    await syncNow(a);

    const wrong = await failure(b.client()['sync.configure']({ mode: 'folder', folder, passphrase: 'incorrect horse battery staple' }));
    expect(wrong).toMatchObject({ code: 'invalid_input', field: 'passphrase' });
    expect(wrong.message).toMatch(/^This passphrase does not unlock the shared folder's team key .* Nothing was read or written\.$/);
    const none = await failure(b.client()['sync.configure']({ mode: 'folder', folder }));
    expect(none).toMatchObject({ field: 'passphrase' });
    expect(none.message).toMatch(/^This folder is encrypted with a team passphrase \(set up by .* on \d{4}-\d\d-\d\d\): enter it to sync\.$/);
    const oneOff = await failure(b.client()['sync.now']({ target: { folder } }));
    expect(oneOff.message).toMatch(/is encrypted with a team passphrase \(set up by .*\) and this device holds no key for it, so this device read nothing and wrote nothing there\. Enter the team passphrase in Settings → Sync/);
    const oneOffWrong = await failure(b.client()['sync.now']({ target: { folder, passphrase: 'incorrect horse battery staple' } }));
    expect(oneOffWrong.message).toMatch(/does not unlock/);
    expect(releaseCount(b)).toBe(0);
    expect(fs.existsSync(path.join(folder, b.store.deviceId))).toBe(false);
    expect((await call<SyncStatus>(b, 'sync.status', {})).settings.folderKey).toBeNull();

    const settings = await configure(b, { folder, passphrase: PASSPHRASE });
    expect(settings.folderKey).toMatchObject({ kind: 'passphrase', keyFile: null, protection: expect.stringMatching(/no OS keychain here/) });
    await syncNow(b);
    await call(b, 'systems.create', { name: 'Card vault' });
    await syncNow(b);
    await syncNow(a);
    expect(comparableExport(b)).toEqual(comparableExport(a));
    expect(systemNames(a)).toBe('Card vault, Payments API');
  });

  it('devices holding the key file converge; a key file too short, missing or inside the shared folder is refused in words', async () => {
    const { dir, folder, a, others, keyFile } = await team(['b', 'c']);
    const short = path.join(dir, 'short.key');
    fs.writeFileSync(short, randomBytes(16));
    const inside = path.join(folder, 'team.key');
    fs.writeFileSync(inside, randomBytes(32));
    expect((await failure(a.client()['sync.configure']({ mode: 'folder', folder, keyFile: short }))).message).toMatch(/holds 16 bytes; a team key file holds 32 to 65536 random bytes \(make one with: head -c 32 \/dev\/urandom > team\.key\)/);
    expect((await failure(a.client()['sync.configure']({ mode: 'folder', folder, keyFile: path.join(dir, 'nope.key') }))).message).toMatch(/There is no key file at/);
    expect((await failure(a.client()['sync.configure']({ mode: 'folder', folder, keyFile: inside }))).message).toMatch(/is inside the shared folder: anyone who can read the folder could read the key/);
    fs.rmSync(inside);
    expect(readFolderKeyHeader(folder)).toBeNull();

    await configure(a, { folder, keyFile });
    expect(readFolderKeyHeader(folder)?.kdf.name).toBe('hkdf-sha256');
    await syncNow(a);
    const [b, c] = others;
    const asPassphrase = await failure(b.client()['sync.configure']({ mode: 'folder', folder, passphrase: PASSPHRASE }));
    expect(asPassphrase.message).toMatch(/comes from a key file, not a passphrase/);
    const otherKey = path.join(dir, 'other.key');
    fs.writeFileSync(otherKey, randomBytes(32));
    expect((await failure(b.client()['sync.configure']({ mode: 'folder', folder, keyFile: otherKey }))).message).toMatch(/does not unlock the shared folder's team key .* another team's or another folder's key/);
    for (const s of [b, c]) expect((await configure(s, { folder, keyFile })).folderKey).toMatchObject({ kind: 'key-file', keyFile });
    await syncNow(b);
    await call(b, 'systems.create', { name: 'Ledger' });
    await syncNow(b);
    await syncNow(c);
    await call(c, 'systems.create', { name: 'Card vault' });
    await syncNow(c);
    for (const s of [a, b, c]) await syncNow(s);
    expect(comparableExport(b)).toEqual(comparableExport(a));
    expect(comparableExport(c)).toEqual(comparableExport(a));
    expect(systemNames(a)).toBe('Card vault, Ledger, Payments API');
    expect(readableText(folder)).not.toContain('Ledger');
  });

  it('a file with one byte flipped, renamed to another number or moved to another device is skipped with a warning naming it; the rest syncs', async () => {
    const { dir, folder, a, others, keyFile } = await team(['b', 'c']);
    const [b, c] = others;
    for (const s of [a, b, c]) await configure(s, { folder, keyFile });
    await syncNow(a);
    await syncNow(c);
    await syncNow(b);
    await call(a, 'systems.create', { name: 'Ledger' });
    await call(c, 'systems.create', { name: 'Card vault' });
    await syncNow(a);
    await syncNow(c);
    const second = path.join(folder, a.store.deviceId, '00000002.ndjson.gz.enc');
    const whole = fs.readFileSync(second);

    const flipped = Buffer.from(whole);
    flipped[flipped.length - 40] ^= 0x01;
    fs.writeFileSync(second, flipped);
    let report = await syncNow(b);
    expect(report.warnings).toContain(
      `Skipped ${a.store.deviceId}/00000002.ndjson.gz.enc: does not decrypt with this folder's team key: it was altered, damaged, or renamed or moved from another file; it merges nothing. It will be read again next time.`,
    );
    expect(systemNames(b)).toBe('Card vault, Payments API');

    // The whole file, under another number: it was written as file 2, so it does not decrypt as file 3.
    fs.rmSync(second);
    fs.writeFileSync(path.join(folder, a.store.deviceId, '00000003.ndjson.gz.enc'), whole);
    report = await syncNow(b);
    expect(report.warnings.join('\n')).toMatch(new RegExp(`Skipped ${a.store.deviceId}/00000003\\.ndjson\\.gz\\.enc: does not decrypt`));
    // … nor as a file of another device.
    fs.renameSync(path.join(folder, a.store.deviceId, '00000003.ndjson.gz.enc'), path.join(folder, c.store.deviceId, '00000007.ndjson.gz.enc'));
    report = await syncNow(b);
    expect(report.warnings.join('\n')).toMatch(new RegExp(`Skipped ${c.store.deviceId}/00000007\\.ndjson\\.gz\\.enc: does not decrypt`));
    expect(systemNames(b)).toBe('Card vault, Payments API');

    // An unencrypted file, in the folder's names or under a name of its own, merges nothing either.
    fs.rmSync(path.join(folder, c.store.deviceId, '00000007.ndjson.gz.enc'));
    const plain = path.join(dir, 'plain');
    fs.mkdirSync(plain);
    await syncNow(a, { folder: plain });
    const plainFile = fs.readFileSync(path.join(plain, a.store.deviceId, '00000001.ndjson.gz'));
    fs.writeFileSync(path.join(folder, a.store.deviceId, '00000002.ndjson.gz.enc'), plainFile);
    report = await syncNow(b);
    expect(report.warnings.join('\n')).toMatch(/00000002\.ndjson\.gz\.enc: is not encrypted, though its name says so; it merges nothing/);
    fs.writeFileSync(path.join(folder, a.store.deviceId, '00000002.ndjson.gz.enc'), whole);
    fs.mkdirSync(path.join(folder, 'intruder'));
    fs.writeFileSync(path.join(folder, 'intruder', '00000001.ndjson.gz'), plainFile);
    report = await syncNow(b);
    expect(report.warnings.join('\n')).toMatch(/Skipped 1 unencrypted file of device intruder \(00000001\.ndjson\.gz\): this folder is encrypted, so it merges nothing/);
    expect(systemNames(b)).toBe('Card vault, Ledger, Payments API');
    await syncNow(a);
    await syncNow(c);
    expect(comparableExport(b)).toEqual(comparableExport(a));
    expect(comparableExport(c)).toEqual(comparableExport(a));
  });

  it('encrypting a folder that holds unencrypted files says so, re-publishes this device encrypted, and lists the devices whose files remain until they sync with the key', async () => {
    const { folder, a, others } = await team(['b', 'c']);
    const [b, c] = others;
    await configure(b, { folder });
    for (const s of [a, b, a]) await syncNow(s, { folder });
    for (const name of ['Ledger', 'Clearing']) {
      await call(b, 'systems.create', { name });
      await syncNow(b);
    }
    expect(dataFiles(folder, a.store.deviceId)).toEqual(['00000001.ndjson.gz']);
    expect(dataFiles(folder, b.store.deviceId)).toEqual(['00000001.ndjson.gz', '00000002.ndjson.gz']);

    const looked = await call<FolderInspection>(a, 'sync.inspectFolder', { folder });
    expect(looked).toMatchObject({ problem: null, encryption: null, keyHeld: false });
    expect(looked.unencrypted).toEqual([
      { deviceId: a.store.deviceId, name: 'this device', files: 1, thisDevice: true },
      { deviceId: b.store.deviceId, name: `device ${b.store.deviceId}`, files: 2, thisDevice: false },
    ].sort((x, y) => x.deviceId.localeCompare(y.deviceId)));
    const unconfirmed = await failure(a.client()['sync.configure']({ mode: 'folder', folder, passphrase: PASSPHRASE }));
    expect(unconfirmed.field).toBe('republish');
    expect(unconfirmed.message).toMatch(/already holds unencrypted files of 2 devices \(.*this device.*\)\. Encrypting it re-publishes this device's history encrypted and removes this device's unencrypted files; the other devices' files stay readable/);
    expect(readFolderKeyHeader(folder)).toBeNull();

    await configure(a, { folder, passphrase: PASSPHRASE, republish: true });
    let report = await syncNow(a);
    expect(report.warnings).toEqual(expect.arrayContaining([expect.stringMatching(/^Re-published this device's history encrypted \(\d+ changes in one file\) and removed its 1 unencrypted file from the shared folder\.$/)]));
    expect(report.warnings).toEqual(expect.arrayContaining([expect.stringMatching(new RegExp(`^Skipped 2 unencrypted files of device ${b.store.deviceId} .*anyone who can read the folder can read them\\.$`))]));
    expect(dataFiles(folder, a.store.deviceId)).toEqual(['00000002.ndjson.gz.enc']);

    // B, without the key, is now refused; with it, it re-publishes too, and no unencrypted file is left.
    expect((await failure(b.client()['sync.now']({}))).message).toMatch(/is encrypted with a team passphrase .* holds no key for it/);
    expect((await call<SyncStatus>(b, 'sync.status', {})).lastError).toMatch(/holds no key for it, so this device read nothing and wrote nothing there\. Enter the team passphrase/);
    expect(dataFiles(folder, b.store.deviceId)).toEqual(['00000001.ndjson.gz', '00000002.ndjson.gz']);
    await configure(b, { folder, passphrase: PASSPHRASE });
    report = await syncNow(b);
    expect(report.warnings).toEqual(expect.arrayContaining([expect.stringMatching(/removed its 2 unencrypted files/)]));
    expect(dataFiles(folder, b.store.deviceId)).toEqual(['00000003.ndjson.gz.enc']);
    expect(filesUnder(folder).filter((f) => f.endsWith('.ndjson.gz'))).toEqual([]);
    expect(readableText(folder)).not.toContain(COMMENT);

    // A teammate who joins now reads the re-published history; everyone converges.
    await configure(c, { folder, passphrase: PASSPHRASE });
    await syncNow(c);
    report = await syncNow(a);
    expect(report.warnings).toEqual([]);
    expect(comparableExport(b)).toEqual(comparableExport(a));
    expect(comparableExport(c)).toEqual(comparableExport(a));
    expect(systemNames(c)).toBe('Clearing, Ledger, Payments API');
  });

  it('a removed header is put back by a device with the key, a keyless device still refuses, and a header for another key stops every device in words', async () => {
    const { dir, folder, a, others, keyFile } = await team();
    const [b] = others;
    await configure(a, { folder, keyFile });
    await syncNow(a);
    const header = fs.readFileSync(path.join(folder, FOLDER_KEY_FILE));

    fs.rmSync(path.join(folder, FOLDER_KEY_FILE));
    // Without the header the folder still holds encrypted files: no device mistakes it for an unencrypted one.
    expect((await failure(b.client()['sync.now']({ target: { folder } }))).message).toMatch(/holds encrypted files but its encryption header \(release-desk-encryption\.json\) is missing, and this device read nothing and wrote nothing/);
    expect((await failure(b.client()['sync.now']({ target: { folder, keyFile } }))).message).toMatch(/a new team key would leave those files unreadable, so none was set up/);
    expect(fs.existsSync(path.join(folder, b.store.deviceId))).toBe(false);
    const report = await syncNow(a);
    expect(report.warnings).toContain(`The shared folder's encryption header (${FOLDER_KEY_FILE}) was missing; this device put it back.`);
    expect(fs.readFileSync(path.join(folder, FOLDER_KEY_FILE))).toEqual(header);

    // Someone replaces the header with one for another key: a device that holds the team key writes nothing.
    const otherFolder = path.join(dir, 'other-folder');
    fs.mkdirSync(otherFolder);
    const otherKey = path.join(dir, 'other.key');
    fs.writeFileSync(otherKey, randomBytes(32));
    const before = filesUnder(folder).length;
    fs.rmSync(path.join(folder, FOLDER_KEY_FILE));
    await syncNow(b, { folder: otherFolder, keyFile: otherKey });
    fs.copyFileSync(path.join(otherFolder, FOLDER_KEY_FILE), path.join(folder, FOLDER_KEY_FILE));
    await call(a, 'systems.create', { name: 'Ledger' });
    const refused = await failure(a.client()['sync.now']({}));
    expect(refused.message).toMatch(/is encrypted with another team key than the one this device holds \(the folder's was set up by device .* on \d{4}-\d\d-\d\d\), so this device read nothing and wrote nothing there/);
    expect((await call<SyncStatus>(a, 'sync.status', {})).lastError).toBe(refused.message);
    expect(filesUnder(folder).length).toBe(before);
  });

  it('with an OS keychain, neither the team key nor the member token is in plain text in the workspace file; a process without that keychain says so', async () => {
    setSecretProtector(standInKeychain('the test keychain'));
    const { dir, folder, a, keyFile } = await team([]);
    const token = 'rdt_a-member-token-never-in-plain-text';
    await call(a, 'sync.configure', { mode: 'server', serverUrl: 'https://sync.example.com', token });
    const settings = await configure(a, { folder, keyFile });
    expect(settings.folderKey?.protection).toBe('protected by the test keychain');
    await syncNow(a);
    const { teamKey } = await unlockFolderKey(readFolderKeyHeader(folder)!, { keyFile }, folder);
    a.store.checkpoint();
    const file = fs.readFileSync(path.join(dir, 'a.releasedesk'));
    for (const secret of [teamKey, Buffer.from(teamKey.toString('base64')), Buffer.from(teamKey.toString('hex')), Buffer.from(token)]) expect(file.includes(secret)).toBe(false);

    setSecretProtector(null);
    const locked = await failure(a.client()['sync.now']({}));
    expect(locked.message).toMatch(/The team key saved on this device for .* cannot be unlocked here \(it was protected by an OS keychain this process cannot use.*\), so this device read nothing and wrote nothing there: enter the team key file again/);
  });
});
