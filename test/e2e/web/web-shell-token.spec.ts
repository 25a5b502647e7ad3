import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startWebServer } from '../../../electron/web/web-server';
import { expect, snap, test } from '../fixtures/web-shell';

test('the web shell refuses API calls without its token', async ({ shell, request }) => {
  const without = await request.post(`${shell.url}api/releases.list`, { data: {} });
  expect(without.status()).toBe(401);
  expect(await without.json()).toMatchObject({ ok: false, error: { code: 'forbidden' } });

  const withToken = await request.post(`${shell.url}api/releases.list`, {
    data: {},
    headers: { Authorization: `Bearer ${shell.token}` },
  });
  expect(withToken.status()).toBe(200);
  expect(await withToken.json()).toEqual({ ok: true, value: [] });
});

test('the token leaves the address bar but keeps working after a reload', async ({ app: page }) => {
  expect(page.url()).not.toContain('token=');
  await page.reload();
  await expect(page.getByText('Set up your workspace first')).toBeVisible();
});

test('without a built UI the browser gets a page that says to run npm run build:web', async ({ page }) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'release-desk-e2e-'));
  const shell = await startWebServer({ dbPath: path.join(dir, 'e2e.releasedesk'), staticDir: path.join(dir, 'no-ui'), port: 0 });
  try {
    await page.goto(shell.openUrl);
    await expect(page.getByRole('heading', { name: 'The Release Desk user interface is not built yet' })).toBeVisible();
    await expect(page.getByText('npm run build:web', { exact: true })).toBeVisible();
    await snap(page, 'web-shell-not-built');
  } finally {
    await shell.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
