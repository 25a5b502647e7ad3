import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkspaceSession } from '../../../electron/core';
import { tempDir } from '../../helpers/temp-workspace';
import { call } from './sync-scenario';
import { expectOneLineError, runCli, spawnCli, waitFor, type Running } from './processes';

const hasOpenssl = spawnSync('openssl', ['version']).status === 0;
/** An address of this machine that is not loopback, for the plain-HTTP cases. */
const lanAddress = Object.values(os.networkInterfaces())
  .flat()
  .find((a) => a && a.family === 'IPv4' && !a.internal)?.address;

/**
 * The team server over HTTPS with a certificate from a private CA made here, end to end through the CLI, and plain
 * HTTP refused (server) or warned about (client) anywhere but loopback.
 */
describe('transport: HTTPS, and plain HTTP only on loopback', { timeout: 180_000 }, () => {
  let dir = '';
  let cleanup = () => {};
  const servers: Running[] = [];
  const data = () => path.join(dir, 'server-data');
  let token = '';
  const file = (name: string) => path.join(dir, name);

  beforeAll(() => {
    ({ dir, cleanup } = tempDir('release-desk-tls-'));
    token = runCli(['server', 'token', 'add', '--data', data(), '--name', 'Ana', '--person', 'p-ana', '--admin']).stdout.trim();
    expect(token).toMatch(/^rdt_/);
  });
  afterAll(async () => {
    for (const s of servers) {
      s.child.kill('SIGTERM');
      await s.exited;
    }
    cleanup();
  });

  async function serve(...args: string[]): Promise<{ url: string; server: Running }> {
    const server = spawnCli(['server', '--port', '0', '--data', data(), ...args]);
    servers.push(server);
    const url = await waitFor(() => /team server on (https?:\/\/\S+)/.exec(server.stdout())?.[1], 60_000, () => `no server: ${server.stderr()}`);
    return { url, server };
  }

  /** A private certificate authority and a certificate it signed for localhost and 127.0.0.1, as an admin would make. */
  function makeCertificates() {
    const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
    const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
    openssl('req', '-x509', ...ec, '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '2', '-subj', '/CN=Release Desk test CA');
    openssl('req', ...ec, '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=localhost');
    fs.writeFileSync(file('san.ext'), 'subjectAltName=DNS:localhost,IP:127.0.0.1\n');
    openssl('x509', '-req', '-in', 'server.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'server.pem', '-days', '2', '-extfile', 'san.ext');
  }

  it.skipIf(!hasOpenssl)('serves HTTPS with --tls-cert/--tls-key; a client trusts the private CA through NODE_EXTRA_CA_CERTS, and not without it', async () => {
    makeCertificates();
    const { url } = await serve('--tls-cert', file('server.pem'), '--tls-key', file('server.key'));
    expect(url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const httpsUrl = url.replace('127.0.0.1', 'localhost');
    expect(runCli(['demo', '--db', file('a.releasedesk'), '--releases', '5']).code).toBe(0);

    const untrusted = runCli(['sync', '--db', file('a.releasedesk'), '--server', httpsUrl, '--token', token]);
    expectOneLineError(untrusted, 1, /presented a certificate this device does not trust \((SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT_LOCALLY)\)/);

    const trusted = runCli(['sync', '--db', file('a.releasedesk'), '--server', httpsUrl, '--token', token], { NODE_EXTRA_CA_CERTS: file('ca.pem') });
    expect(trusted.stderr).toBe('');
    expect(trusted.code).toBe(0);
    expect(trusted.stdout).toMatch(/^Sent [1-9]\d* change\(s\)/);

    // A second, empty workspace receives everything over HTTPS.
    WorkspaceSession.open(file('b.releasedesk')).close();
    const received = runCli(['sync', '--db', file('b.releasedesk'), '--server', httpsUrl, '--token', token], { NODE_EXTRA_CA_CERTS: file('ca.pem') });
    expect(received.code).toBe(0);
    expect(JSON.parse(runCli(['list', 'releases', '--db', file('b.releasedesk'), '--json']).stdout)).toHaveLength(5);

    // Plain HTTP to the HTTPS port gets nothing.
    const plain = runCli(['sync', '--db', file('a.releasedesk'), '--server', url.replace('https:', 'http:'), '--token', token]);
    expect(plain.code).not.toBe(0);
  });

  it('refuses to listen on a non-loopback address without TLS, in one line, unless --insecure-http', async () => {
    const refused = runCli(['server', '--port', '0', '--data', data(), '--host', '0.0.0.0']);
    expectOneLineError(refused, 1, /refusing plain HTTP on 0\.0\.0\.0: member tokens and every change would cross the network unencrypted; give --tls-cert FILE --tls-key FILE, or --insecure-http/);
    expectOneLineError(runCli(['server', '--port', '0', '--data', data(), '--tls-cert', file('nothing.pem')]), 1, /--tls-cert and --tls-key go together/);
    fs.writeFileSync(file('junk.pem'), 'not a certificate');
    expectOneLineError(runCli(['server', '--port', '0', '--data', data(), '--tls-cert', file('junk.pem'), '--tls-key', file('junk.pem')]), 1, /--tls-cert and --tls-key cannot serve HTTPS/);
    expectOneLineError(runCli(['server', '--port', '0', '--data', data(), '--tls-cert', file('missing.pem'), '--tls-key', file('missing.key')]), 1, /cannot read --tls-cert .*missing\.pem/);
  });

  it.skipIf(!lanAddress)('with --insecure-http on a network address: the server warns, and the client warns in the report and the status', async () => {
    const { url, server } = await serve('--host', lanAddress!, '--insecure-http');
    expect(url).toBe(url.replace('https:', 'http:'));
    await waitFor(() => /warning: plain HTTP on/.test(server.stderr()), 10_000, () => server.stderr());

    const t = tempDir('release-desk-plain-');
    const device = WorkspaceSession.open(path.join(t.dir, 'c.releasedesk'));
    try {
      const report = await call<{ warnings: string[] }>(device, 'sync.now', { target: { serverUrl: url, token } });
      expect(report.warnings).toContain(
        `The team server URL is plain HTTP to another machine (${new URL(url).host}): your member token and every change cross the network unencrypted, readable and changeable on the way. Ask your admin for the server's https:// address.`,
      );
      await call(device, 'sync.configure', { mode: 'server', serverUrl: url, token });
      const status = await call<{ warnings: string[] }>(device, 'sync.status', {});
      expect(status.warnings[0]).toMatch(/^The team server URL is plain HTTP to another machine/);

      // Loopback is this machine: no warning.
      await call(device, 'sync.configure', { mode: 'server', serverUrl: 'http://127.0.0.1:9', token });
      expect((await call<{ warnings: string[] }>(device, 'sync.status', {})).warnings.filter((w) => /plain HTTP/.test(w))).toEqual([]);
    } finally {
      device.close();
      t.cleanup();
    }
  });
});
