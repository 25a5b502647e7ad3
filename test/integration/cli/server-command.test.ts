import http from 'node:http';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Forger } from '../../helpers/forge';
import { tempDir } from '../../helpers/temp-workspace';
import { expectOneLineError, runCli, spawnCli, waitFor, type Running } from '../sync/processes';

/** `release-desk server --port --data` and `release-desk server token add|revoke|list`, as an admin runs them. */
const cli = (...args: string[]) => runCli(args);

/** Ana's laptop, as a test writes its changes by hand. */
const ana = new Forger('workspace');
const change = (rowId: string) => ana.write('system', { name: `System ${rowId}` }, { rowId, author: 'p-ana', at: '2026-11-20T10:00:00.000Z' })[0];

describe('release-desk server', { timeout: 180_000 }, () => {
  let dir = '';
  let cleanup = () => {};
  let server: Running;
  let url = '';
  const data = () => path.join(dir, 'data');
  const stored = () => {
    const db = new Database(path.join(data(), 'server.sqlite'), { readonly: true });
    try {
      return db.prepare('SELECT count(*) FROM changes').pluck().get() as number;
    } finally {
      db.close();
    }
  };
  /** One request on its own connection: the CLI runs between requests take longer than a keep-alive lasts. */
  const post = (route: string, token: string, body: unknown) =>
    new Promise<{ status: number; json: () => Promise<unknown> }>((resolve, reject) => {
      const request = http.request(`${url}/v1/${route}`, { method: 'POST', agent: false, headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` } }, (response) => {
        let text = '';
        response.on('data', (d: Buffer) => (text += d.toString()));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, json: async () => JSON.parse(text) as unknown }));
      });
      request.on('error', reject);
      request.end(JSON.stringify(body));
    });

  beforeAll(async () => {
    ({ dir, cleanup } = tempDir('release-desk-cli-server-'));
    server = spawnCli(['server', '--port', '0', '--data', data()]);
    url = await waitFor(() => /team server on (http:\/\/\S+)/.exec(server.stdout())?.[1], 60_000, () => `no server: ${server.stderr()}`);
  });
  afterAll(async () => {
    server.child.kill('SIGTERM');
    await server.exited;
    cleanup();
  });

  it('serves the protocol on the port it names, with its data in --data', async () => {
    expect(server.stdout()).toMatch(new RegExp(`on http://127\\.0\\.0\\.1:\\d+ \\(data in ${data().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}, 0 member tokens\\)`));
    const health = await fetch(`${url}/v1/health`);
    expect(await health.json()).toEqual({ ok: true, value: { service: 'release-desk-sync', protocol: 1 } });
  });

  it('token add prints a token once that works; revoke makes it fail with 401 and a sentence, and nothing changes', async () => {
    const added = cli('server', 'token', 'add', '--data', data(), '--name', 'Ana', '--person', 'p-ana');
    expect(added.code, added.stderr).toBe(0);
    const token = added.stdout.trim();
    expect(token).toMatch(/^rdt_[A-Za-z0-9_-]{43}$/);
    expect(added.stderr).toMatch(/Token for Ana \(person p-ana\)\. It is shown only now/);

    const whoami = await post('whoami', token, {});
    expect(whoami.status).toBe(200);
    expect(await whoami.json()).toEqual({ ok: true, value: { name: 'Ana', personId: 'p-ana', admin: false } });
    expect((await post('push', token, { deviceId: ana.deviceId, changes: [change('s1')] })).status).toBe(200);
    expect(stored()).toBe(1);

    expectOneLineError(cli('server', 'token', 'add', '--data', data(), '--name', 'Ana', '--person', 'p-other'), 1, /there is already a member called "Ana"/);

    const revoked = cli('server', 'token', 'revoke', '--data', data(), '--name', 'Ana');
    expect(revoked.code, revoked.stderr).toBe(0);
    expect(revoked.stdout.trim()).toBe('Revoked the token of Ana.');
    expect(cli('server', 'token', 'list', '--data', data()).stdout).toMatch(/^Ana\tperson p-ana\trevoked \d{4}-/m);

    for (const [route, body] of [
      ['push', { deviceId: ana.deviceId, changes: [change('s2')] }],
      ['pull', { since: 0 }],
    ] as const) {
      const refused = await post(route, token, body);
      expect(refused.status).toBe(401);
      const answer = (await refused.json()) as { ok: boolean; error: { code: string; message: string } };
      expect(answer).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
      expect(answer.error.message).toMatch(/This token is not valid here: it was revoked, mistyped, or issued by another server\./);
    }
    expect(stored()).toBe(1);

    expectOneLineError(cli('server', 'token', 'revoke', '--data', data(), '--name', 'Nobody'), 1, /there is no member called "Nobody"/);
  });

  it('names what is missing or wrong in one line', () => {
    expectOneLineError(cli('server', '--port', '0'), 1, /--data <dir> is required/);
    expectOneLineError(cli('server', '--port', 'seventy', '--data', data()), 1, /--port must be a whole number from 0 to 65535, not "seventy"/);
    expectOneLineError(cli('server', 'token', 'add', '--data', data(), '--name', 'Ben'), 2, /--person/);
  });
});
