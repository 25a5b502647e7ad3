import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { FolderFileError, decodeFolderFile } from '../../electron/core/sync/folder-file';
import { SqliteServerStore } from '../../electron/server/sqlite-server-store';
import { hashToken, newToken, startSyncServer } from '../../electron/server/sync-server';
import { startWebServer } from '../../electron/web/web-server';
import { expectOneLineError, runCli } from '../helpers/cli-process';
import { tempDir } from '../helpers/temp-workspace';

/** A 100,000-deep nested JSON document (arrays in a change's value, objects in a request) is refused in words, never a 500. */
const DEPTH = 100_000;
const deepArray = '['.repeat(DEPTH) + ']'.repeat(DEPTH);
const deepObject = '{"a":'.repeat(DEPTH) + '1' + '}'.repeat(DEPTH);
const change = (value: string) =>
  `{"hlc":"2026-11-20T10:00:00.000Z-0000-dev1","deviceId":"dev1","author":"p-ana","entity":"system","rowId":"s1","field":"name","value":${value},"oldValue":null,"prevHlc":null}`;
const TOO_DEEP = /nests deeper than 64 levels/;

describe('deeply nested JSON from outside', () => {
  const cleanups: Array<() => unknown> = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });
  const temp = () => {
    const t = tempDir('release-desk-deep-');
    cleanups.push(t.cleanup);
    return t.dir;
  };

  it('the team server answers 400 with a sentence and stores nothing', async () => {
    const store = new SqliteServerStore(path.join(temp(), 'server'));
    const server = await startSyncServer({ store });
    cleanups.push(() => store.close(), () => server.close());
    const token = newToken();
    store.addMember({ id: 'ana', name: 'Ana', personId: 'p-ana', admin: true }, hashToken(token));
    const bodies: Array<[string, string | Buffer, Record<string, string>]> = [
      ['push', `{"deviceId":"dev1","changes":[${change(deepArray)}]}`, {}],
      ['push', gzipSync(`{"deviceId":"dev1","changes":[${change(deepObject)}]}`), { 'Content-Encoding': 'gzip' }],
      ['pull', deepArray, {}],
    ];
    for (const [route, body, headers] of bodies) {
      const response = await fetch(`${server.url}/v1/${route}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}`, ...headers },
        body,
      });
      expect(response.status).toBe(400);
      const answer = (await response.json()) as { ok: boolean; error: { code: string; message: string } };
      expect(answer.error.code).toBe('invalid_input');
      expect(answer.error.message).toMatch(TOO_DEEP);
    }
    expect((await store.pull(0, 10)).changes).toHaveLength(0);
    // The server is still up and serving.
    expect((await fetch(`${server.url}/v1/health`)).status).toBe(200);
  });

  it('the local web shell answers 400 with a sentence', async () => {
    const dir = temp();
    const web = await startWebServer({ dbPath: path.join(dir, 'w.releasedesk'), staticDir: dir });
    cleanups.push(() => web.close());
    for (const [method, body] of [
      ['systems.create', `{"name":${deepArray}}`],
      ['releases.update', `{"id":"r1","changes":${deepObject}}`],
    ]) {
      const response = await fetch(`${web.url}api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${web.token}` }, body });
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(TOO_DEEP);
    }
  });

  it('a shared-folder line with such a change is left out with a reason, never the rest of the file', () => {
    const header = JSON.stringify({ format: 'release-desk-sync', version: 1, workspace: 'w1', deviceId: 'dev1', file: 1, base: 0, count: 1 });
    const body = `${header}\n${change(deepArray)}`;
    const sha256 = createHash('sha256').update(body).digest('hex');
    const bytes = gzipSync(`${body}\n${JSON.stringify({ end: true, count: 1, sha256 })}\n`);
    // The line is left out with its reason; the rest of the file (here, nothing else) is still read.
    expect(decodeFolderFile(bytes, { deviceId: 'dev1', file: 1 })).toMatchObject({ changes: [], rejected: ['line 2 nests too deep to be read'] });
  });

  it('`import json` refuses such a backup in one line', () => {
    const dir = temp();
    const file = path.join(dir, 'backup.json');
    fs.writeFileSync(file, `{"format":"release-desk-backup","changeLog":[${change(deepArray)}]}`);
    expectOneLineError(runCli(['import', 'json', '--db', path.join(dir, 'new.releasedesk'), '--file', file]), 2, TOO_DEEP);
    expect(fs.existsSync(path.join(dir, 'new.releasedesk'))).toBe(false);
  });
});
