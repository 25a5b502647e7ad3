import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WorkspaceStore } from '../../../electron/core/store/workspace-store';
import { tempDir } from '../../helpers/temp-workspace';
import { BIN } from './processes';

/**
 * Release data is created readable by its owner only, whatever umask the user's shell or service manager set: the
 * CLI runs here under `umask 000`, where a mode left to the defaults would come out 0666 / 0777.
 */
function cliUnderOpenUmask(...args: string[]) {
  const run = spawnSync('sh', ['-c', 'umask 000 && exec "$0" "$@"', process.execPath, BIN, ...args], { encoding: 'utf8', timeout: 90_000 });
  expect(run.status, run.stderr).toBe(0);
  return run;
}

const mode = (p: string) => (fs.statSync(p).mode & 0o777).toString(8);

describe('files and folders with release data are private', { timeout: 120_000 }, () => {
  const cleanups: Array<() => void> = [];
  afterEach(() => cleanups.splice(0).reverse().forEach((c) => c()));
  const temp = () => {
    const t = tempDir('release-desk-modes-');
    cleanups.push(t.cleanup);
    return t.dir;
  };

  it.skipIf(process.platform === 'win32')('a new workspace, its -wal and -shm and the folders made for it are 0600 / 0700', () => {
    const dir = temp();
    const file = path.join(dir, 'new', 'nested', 'team.releasedesk');
    cliUnderOpenUmask('demo', '--db', file, '--releases', '3');
    expect(mode(file)).toBe('600');
    expect(mode(path.join(dir, 'new', 'nested'))).toBe('700');
    expect(mode(path.join(dir, 'new'))).toBe('700');
    // The folder the user chose to put it in is theirs: left as it was.
    expect(mode(dir)).toBe('700');

    const store = WorkspaceStore.open(file);
    cleanups.push(() => store.close());
    store.setMeta('current_person_id', 'someone');
    expect(mode(`${file}-wal`)).toBe('600');
    expect(mode(`${file}-shm`)).toBe('600');
  });

  it.skipIf(process.platform === 'win32')('the device folder, sync files and clock probe this device writes in a shared folder', () => {
    const dir = temp();
    const file = path.join(dir, 'a.releasedesk');
    const shared = path.join(dir, 'shared');
    fs.mkdirSync(shared, { mode: 0o777 });
    fs.chmodSync(shared, 0o777);
    cliUnderOpenUmask('demo', '--db', file, '--releases', '3');
    cliUnderOpenUmask('sync', '--db', file, '--folder', shared);

    const [device] = fs.readdirSync(shared);
    const own = path.join(shared, device);
    expect(mode(own)).toBe('700');
    const written = fs.readdirSync(own);
    expect(written).toContain('00000001.ndjson.gz');
    expect(written).toContain('.clock');
    for (const name of written) expect(`${name} ${mode(path.join(own, name))}`).toBe(`${name} 600`);
    expect(mode(shared)).toBe('777');
  });

  it.skipIf(process.platform === 'win32')("the team server's data folder and server.sqlite", () => {
    const data = path.join(temp(), 'srv', 'data');
    cliUnderOpenUmask('server', 'token', 'add', '--data', data, '--name', 'Ana', '--person', 'p-ana');
    expect(mode(data)).toBe('700');
    expect(mode(path.dirname(data))).toBe('700');
    expect(mode(path.join(data, 'server.sqlite'))).toBe('600');
  });
});
