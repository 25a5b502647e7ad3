import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebServer, type RunningWebServer } from '../../../electron/web/web-server';
import { tempDir } from '../../helpers/temp-workspace';

/** Raw request so that the test controls the Host header, which fetch does not allow. */
function request(server: RunningWebServer, options: { path: string; method?: string; headers?: Record<string, string>; body?: string }) {
  return new Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }>((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: server.port, path: options.path, method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('local web shell', () => {
  let server: RunningWebServer;
  let cleanup: () => void;
  let auth: Record<string, string>;

  beforeAll(async () => {
    const t = tempDir();
    cleanup = t.cleanup;
    const staticDir = path.join(t.dir, 'static');
    fs.mkdirSync(staticDir);
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Release Desk</title>');
    fs.writeFileSync(path.join(t.dir, 'secret.txt'), 'outside the static folder');
    server = await startWebServer({ dbPath: path.join(t.dir, 'w.releasedesk'), staticDir, port: 0 });
    auth = { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' };
  });
  afterAll(async () => {
    await server.close();
    cleanup();
  });

  it('listens on loopback and puts the token in the URL fragment, never in a request line', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(server.openUrl).toBe(`${server.url}#token=${server.token}`);
    expect(server.token.length).toBeGreaterThanOrEqual(32);
  });

  it('refuses API calls without the token, or with a wrong one, and changes nothing', async () => {
    const body = JSON.stringify({ name: 'Billing' });
    const none = await request(server, { path: '/api/systems.create', method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
    const wrong = await request(server, {
      path: '/api/systems.create',
      method: 'POST',
      headers: { Authorization: 'Bearer guess', 'Content-Type': 'application/json' },
      body,
    });
    expect([none.status, wrong.status]).toEqual([401, 401]);
    const list = await request(server, { path: '/api/systems.list', method: 'POST', headers: auth, body: '{}' });
    expect(JSON.parse(list.body)).toEqual({ ok: true, value: [] });
  });

  it('refuses requests addressed to another host name (DNS rebinding)', async () => {
    const res = await request(server, {
      path: '/api/systems.list',
      method: 'POST',
      headers: { ...auth, Host: `evil.example:${server.port}` },
      body: '{}',
    });
    expect(res.status).toBe(421);
  });

  it('answers bad requests with an error that names the problem', async () => {
    const notJson = await request(server, { path: '/api/systems.create', method: 'POST', headers: auth, body: '{name:' });
    expect(notJson.status).toBe(400);
    expect(JSON.parse(notJson.body).error.message).toBe('Request body is not valid JSON.');
    const invalid = await request(server, { path: '/api/systems.create', method: 'POST', headers: auth, body: JSON.stringify({ name: '' }) });
    expect(invalid.status).toBe(400);
    expect(JSON.parse(invalid.body).error).toMatchObject({ field: 'name', message: 'Name is required' });
    const unknown = await request(server, { path: '/api/nothing.here', method: 'POST', headers: auth, body: '{}' });
    expect(unknown.status).toBe(404);
  });

  it('serves the app with a strict Content-Security-Policy and never a file outside its folder', async () => {
    const index = await request(server, { path: '/releases' });
    expect(index.status).toBe(200);
    expect(index.headers['content-security-policy']).toContain("script-src 'self'");
    const escape = await request(server, { path: '/..%2fsecret.txt' });
    expect(escape.status).toBe(404);
    expect(escape.body).not.toContain('outside the static folder');
  });
});

describe('local web shell without a built user interface', () => {
  it('answers a browser with a page saying how to build the UI, and the API still works', async () => {
    const t = tempDir();
    const server = await startWebServer({ dbPath: path.join(t.dir, 'w.releasedesk'), staticDir: path.join(t.dir, 'not-built'), port: 0 });
    try {
      const page = await request(server, { path: '/' });
      expect(page.status).toBe(503);
      expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(page.headers['content-security-policy']).toContain("script-src 'self'");
      expect(page.body).toContain('The Release Desk user interface is not built yet');
      expect(page.body).toContain('<code>npm run build:web</code>');
      expect(page.body).toContain(path.join(t.dir, 'not-built'));
      // A missing asset is still a plain 404, and the API answers as always.
      expect((await request(server, { path: '/assets/app.js' })).status).toBe(404);
      const info = await request(server, { path: '/api/workspace.info', method: 'POST', headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' }, body: '{}' });
      expect(info.status).toBe(200);
    } finally {
      await server.close();
      t.cleanup();
    }
  });
});
