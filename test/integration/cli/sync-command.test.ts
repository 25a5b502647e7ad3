import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkspaceSession } from '../../../electron/core';
import { exportWorkspace } from '../../../electron/core/backup/export-workspace';
import { tempDir, valueOf } from '../../helpers/temp-workspace';
import { expectOneLineError, runCli as cli, spawnCli, waitFor, type Running } from '../sync/processes';

/** The workspace export without when it was made: the same on devices that converged. */
function exported(file: string): string {
  const session = WorkspaceSession.open(file);
  try {
    const { exportedAt: _ignored, ...rest } = exportWorkspace(session.store);
    return JSON.stringify(rest);
  } finally {
    session.close();
  }
}

/**
 * The first device of a team: its workspace's root, with a person and a system. A teammate starts from an empty
 * workspace and syncs before it writes (joining), then adds a system of its own.
 */
async function workspace(file: string, tag: string, roles: string[] = []) {
  const session = WorkspaceSession.open(file);
  try {
    valueOf(await session.dispatch('people.create', { name: `Person ${tag}`, roles }));
    valueOf(await session.client()['systems.create']({ name: `System ${tag}` }));
  } finally {
    session.close();
  }
}

async function addSystem(file: string, name: string) {
  const session = WorkspaceSession.open(file);
  try {
    valueOf(await session.client()['systems.create']({ name }));
  } finally {
    session.close();
  }
}

describe('release-desk sync', { timeout: 180_000 }, () => {
  let dir = '';
  let cleanup = () => {};
  beforeAll(() => ({ dir, cleanup } = tempDir('release-desk-cli-sync-')));
  afterAll(() => cleanup());

  it('--db FILE --folder DIR: two workspaces converge through a folder; the report says what moved', async () => {
    const [a, b] = ['a.releasedesk', 'b.releasedesk'].map((f) => path.join(dir, f));
    const folder = path.join(dir, 'shared');
    fs.mkdirSync(folder);
    await workspace(a, 'A', ['release-coordinator']);
    const first = cli(['sync', '--db', a, '--folder', folder]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/^Sent \d+ change\(s\), received 0 \(0 applied, 0 older than a change already here, kept in the history\), 0 already here, 0 held back, 0 open conflict\(s\)\.$/m);
    WorkspaceSession.open(b).close();
    expect(cli(['sync', '--db', b, '--folder', folder]).code).toBe(0);
    await addSystem(b, 'System B');
    const second = cli(['sync', '--db', b, '--folder', folder, '--json']);
    expect(second.code, second.stderr).toBe(0);
    const report = JSON.parse(second.stdout) as { sent: number; received: number; applied: number; warnings: string[] };
    expect(report.sent).toBeGreaterThan(0);
    expect(report.warnings).toEqual([]);
    expect(cli(['sync', '--db', a, '--folder', folder]).code).toBe(0);
    expect(exported(b)).toEqual(exported(a));
  });

  it('refuses bad arguments and a missing folder with one line, and writes nothing', () => {
    const a = path.join(dir, 'lonely.releasedesk');
    fs.writeFileSync(path.join(dir, 'not-a-folder'), '');
    expectOneLineError(cli(['sync', '--db', path.join(dir, 'missing.releasedesk'), '--folder', dir]), 2, /no workspace at/);
    expect(fs.existsSync(path.join(dir, 'missing.releasedesk'))).toBe(false);
    WorkspaceSession.open(a).close();
    expectOneLineError(cli(['sync', '--db', a, '--folder', dir, '--server', 'http://127.0.0.1:1']), 2, /choose one of --folder and --server/);
    expectOneLineError(cli(['sync', '--db', a, '--server', 'http://127.0.0.1:1'], { RELEASE_DESK_SYNC_TOKEN: '' }), 2, /--server needs --token/);
    expectOneLineError(cli(['sync', '--db', a, '--folder', path.join(dir, 'nowhere')]), 1, /nowhere does not exist or is not a folder/);
    expectOneLineError(cli(['sync', '--db', a, '--server', 'http://127.0.0.1:1', '--token', 'rdt_x']), 1, /Could not reach the team server at http:\/\/127\.0\.0\.1:1/);
  });

  it('--key-file and --passphrase-file: an encrypted folder; a wrong or missing key is refused in one line and exchanges nothing; --republish', async () => {
    const [a, b] = ['ea.releasedesk', 'eb.releasedesk'].map((f) => path.join(dir, f));
    const folder = path.join(dir, 'encrypted');
    fs.mkdirSync(folder);
    await workspace(a, 'EA', ['release-coordinator']);
    const passphrase = path.join(dir, 'team.pass');
    fs.writeFileSync(passphrase, 'correct horse battery staple\n');
    const wrong = path.join(dir, 'wrong.pass');
    fs.writeFileSync(wrong, 'incorrect horse battery staple\n');
    const first = cli(['sync', '--db', a, '--folder', folder, '--passphrase-file', passphrase]);
    expect(first.code, first.stderr).toBe(0);
    expect(fs.readdirSync(path.join(folder, fs.readdirSync(folder).find((n) => n !== 'release-desk-encryption.json')!))).toContain('00000001.ndjson.gz.enc');

    WorkspaceSession.open(b).close();
    const before = exported(b);
    expectOneLineError(cli(['sync', '--db', b, '--folder', folder]), 1, /is encrypted with a team passphrase \(set up by .*\) and this device holds no key for it, so this device read nothing and wrote nothing there\. .*--passphrase-file FILE/);
    expectOneLineError(cli(['sync', '--db', b, '--folder', folder, '--passphrase-file', wrong]), 2, /This passphrase does not unlock the shared folder's team key/);
    expect(exported(b)).toEqual(before);
    expect(fs.readdirSync(folder)).toHaveLength(2);
    const joined = cli(['sync', '--db', b, '--folder', folder, '--passphrase-file', passphrase]);
    expect(joined.code, joined.stderr).toBe(0);
    expect(exported(b)).toEqual(exported(a));

    // A folder with unencrypted files is encrypted only with --republish.
    const plain = path.join(dir, 'was-plain');
    fs.mkdirSync(plain);
    expect(cli(['sync', '--db', a, '--folder', plain]).code).toBe(0);
    const key = path.join(dir, 'team.key');
    fs.writeFileSync(key, crypto.randomBytes(32));
    expectOneLineError(cli(['sync', '--db', a, '--folder', plain, '--key-file', key]), 2, /already holds unencrypted files of 1 device \(this device\)\. .*\(release-desk sync: --republish\)/);
    const republished = cli(['sync', '--db', a, '--folder', plain, '--key-file', key, '--republish']);
    expect(republished.code, republished.stderr).toBe(0);
    expect(republished.stderr).toMatch(/^release-desk: warning: Re-published this device's history encrypted \(\d+ changes in one file\) and removed its 1 unencrypted file from the shared folder\.$/m);

    expectOneLineError(cli(['sync', '--db', a, '--key-file', key]), 2, /--key-file, --passphrase-file and --republish go with --folder/);
    expectOneLineError(cli(['sync', '--db', a, '--folder', plain, '--key-file', key, '--passphrase-file', passphrase]), 2, /choose one of --key-file and --passphrase-file/);
    fs.writeFileSync(wrong, '\n');
    expectOneLineError(cli(['sync', '--db', a, '--folder', plain, '--passphrase-file', wrong]), 2, /the passphrase file .* is empty/);
  });

  describe('--db FILE --server URL --token TOKEN', () => {
    let server: Running;
    let url = '';
    const data = () => path.join(dir, 'server-data');
    beforeAll(async () => {
      server = spawnCli(['server', '--port', '0', '--data', data()]);
      url = await waitFor(() => /team server on (http:\/\/\S+)/.exec(server.stdout())?.[1], 60_000, () => `no server: ${server.stderr()}`);
    });
    afterAll(async () => {
      server.child.kill('SIGTERM');
      await server.exited;
    });

    it('two workspaces converge through the team server; the token may come from RELEASE_DESK_SYNC_TOKEN', async () => {
      const [a, b] = ['sa.releasedesk', 'sb.releasedesk'].map((f) => path.join(dir, f));
      await workspace(a, 'SA', ['release-coordinator']);
      const tokenA = cli(['server', 'token', 'add', '--data', data(), '--name', 'Ana', '--person', 'p-ana', '--admin']).stdout.trim();
      const tokenB = cli(['server', 'token', 'add', '--data', data(), '--name', 'Ben', '--person', 'p-ben']).stdout.trim();
      expect(tokenA).toMatch(/^rdt_/);
      const pushed = cli(['sync', '--db', a, '--server', url, '--token', tokenA, '--json']);
      expect(pushed.code, pushed.stderr).toBe(0);
      expect(JSON.parse(pushed.stdout)).toMatchObject({ received: 0, held: 0 });
      WorkspaceSession.open(b).close();
      const joined = cli(['sync', '--db', b, '--server', url], { RELEASE_DESK_SYNC_TOKEN: tokenB });
      expect(joined.code, joined.stderr).toBe(0);
      expect(joined.stdout).toMatch(/^Sent 0 change\(s\), received [1-9]\d* \(.*\), 0 already here, 0 held back/);
      await addSystem(b, 'System SB');
      const both = cli(['sync', '--db', b, '--server', url], { RELEASE_DESK_SYNC_TOKEN: tokenB });
      expect(both.code, both.stderr).toBe(0);
      expect(both.stdout).toMatch(/^Sent [1-9]\d* change\(s\), received 0 \(.*\), 0 already here, 0 held back/);
      expect(cli(['sync', '--db', a, '--server', url, '--token', tokenA]).code).toBe(0);
      expect(exported(b)).toEqual(exported(a));
    });

    it('a wrong token is refused in words, and nothing is exchanged', async () => {
      const c = path.join(dir, 'sc.releasedesk');
      await workspace(c, 'SC');
      const before = exported(c);
      expectOneLineError(cli(['sync', '--db', c, '--server', url, '--token', 'rdt_not-a-real-token']), 1, /The team server refused the token: This token is not valid here/);
      expect(exported(c)).toEqual(before);
    });
  });
});
