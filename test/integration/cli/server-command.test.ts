import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Forger } from '../../helpers/forge';
import { STORE_KINDS, storeUnderTest, type StoreUnderTest } from '../../helpers/server-stores';
import { tempDir } from '../../helpers/temp-workspace';
import { expectOneLineError, runCli, spawnCli, waitFor, type Running } from '../sync/processes';

/** `release-desk server --port --data` and `release-desk server token add|revoke|list`, as an admin runs them. */
const cli = (...args: string[]) => runCli(args);

/** Ana's laptop, as a test writes its changes by hand. */
const ana = new Forger('workspace');
const change = (rowId: string) => ana.write('system', { name: `System ${rowId}` }, { rowId, author: 'p-ana', at: '2026-11-20T10:00:00.000Z' })[0];

describe.each(STORE_KINDS)('release-desk server on $label', { timeout: 180_000 }, ({ kind, skip }) => {
  let dir = '';
  let cleanup = () => {};
  let server: Running;
  let url = '';
  let under: StoreUnderTest;
  /** --data DIR or --store URL. */
  const where = () => under.args;
  const stored = async () => Number((await under.sql<{ n: number }>('SELECT count(*) AS n FROM changes'))[0].n);
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
    if (skip) return;
    ({ dir, cleanup } = tempDir('release-desk-cli-server-'));
    under = storeUnderTest(kind, dir);
    server = spawnCli(['server', '--port', '0', ...where()]);
    url = await waitFor(() => /team server on (http:\/\/\S+)/.exec(server.stdout())?.[1], 60_000, () => `no server: ${server.stderr()}`);
  });
  afterAll(async () => {
    if (skip) return;
    server.child.kill('SIGTERM');
    await server.exited;
    await under.cleanup();
    cleanup();
  });

  it.skipIf(skip)('serves the protocol on the port it names, with its data in --data', async () => {
    expect(server.stdout()).toMatch(new RegExp(`on http://127\\.0\\.0\\.1:\\d+ \\(data in ${where()[1].replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}, 0 member tokens\\)`));
    const health = await fetch(`${url}/v1/health`);
    expect(await health.json()).toEqual({ ok: true, value: { service: 'release-desk-sync', protocol: 1 } });
  });

  it.skipIf(skip)('token add prints a token once that works; revoke makes it fail with 401 and a sentence, and nothing changes', async () => {
    const added = cli('server', 'token', 'add', ...where(), '--name', 'Ana', '--person', 'p-ana');
    expect(added.code, added.stderr).toBe(0);
    const token = added.stdout.trim();
    expect(token).toMatch(/^rdt_[A-Za-z0-9_-]{43}$/);
    expect(added.stderr).toMatch(/Token for Ana \(person p-ana\)\. It is shown only now/);

    const whoami = await post('whoami', token, {});
    expect(whoami.status).toBe(200);
    expect(await whoami.json()).toEqual({ ok: true, value: { name: 'Ana', personId: 'p-ana', admin: false } });
    expect((await post('push', token, { deviceId: ana.deviceId, changes: [change('s1')] })).status).toBe(200);
    expect(await stored()).toBe(1);

    expectOneLineError(cli('server', 'token', 'add', ...where(), '--name', 'Ana', '--person', 'p-other'), 1, /there is already a member called "Ana"/);

    const revoked = cli('server', 'token', 'revoke', ...where(), '--name', 'Ana');
    expect(revoked.code, revoked.stderr).toBe(0);
    expect(revoked.stdout.trim()).toBe('Revoked the token of Ana.');
    expect(cli('server', 'token', 'list', ...where()).stdout).toMatch(/^Ana\tperson p-ana\trevoked \d{4}-/m);

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
    expect(await stored()).toBe(1);

    expectOneLineError(cli('server', 'token', 'revoke', ...where(), '--name', 'Nobody'), 1, /there is no member called "Nobody"/);
  });

  it.skipIf(skip)('names what is missing or wrong in one line', () => {
    expectOneLineError(cli('server', '--port', '0'), 1, /--data <dir> is required/);
    expectOneLineError(cli('server', '--port', 'seventy', ...where()), 1, /--port must be a whole number from 0 to 65535, not "seventy"/);
    expectOneLineError(cli('server', 'token', 'add', ...where(), '--name', 'Ben'), 2, /--person/);
    expectOneLineError(cli('server', '--port', '0', '--store', 'mysql://root@db/x'), 1, /--store must be a PostgreSQL URL \(postgres:\/\/USER@HOST\/DB\), not "mysql:/);
    expectOneLineError(cli('server', 'token', 'list', '--data', dir, '--store', 'postgres://u:secret@127.0.0.1:9/x'), 1, /--data and --store name two different stores: choose one/);
    const unreachable = cli('server', 'token', 'list', '--store', 'postgres://u:secret@127.0.0.1:9/x');
    expectOneLineError(unreachable, 1, /cannot use the PostgreSQL store postgres:\/\/u:\*\*\*@127\.0\.0\.1:9\/x: .*ECONNREFUSED/);
    expect(unreachable.stderr).not.toContain('secret');
  });
});
