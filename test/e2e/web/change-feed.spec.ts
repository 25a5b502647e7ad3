import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { WorkspaceSession } from '../../../electron/core';
import { startWebServer } from '../../../electron/web/web-server';
import { expect, snap, test } from '../fixtures/web-shell';
import { openScreen } from '../fixtures/ui-steps';

async function call<T = { id: string }>(session: WorkspaceSession, method: string, input: unknown): Promise<T> {
  const result = await session.dispatch(method, input);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as T;
}

/**
 * Two laptops, each with its own web shell, syncing through a shared folder. What one edits shows on the other's open
 * Releases and Calendar screens as soon as that one's sync merges it — no navigation, no refresh timer.
 */
test('a release edited on one laptop shows on the other’s open Releases and Calendar screens after its sync, without navigating', async ({ app: pageA, shell: a, browser }) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'release-desk-e2e-feed-'));
  const folder = path.join(dir, 'shared');
  fs.mkdirSync(folder);
  const b = await startWebServer({ dbPath: path.join(dir, 'laptop-b.releasedesk'), staticDir: 'out/web', port: 0 });
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, timezoneId: 'Europe/Berlin', locale: 'en-GB' });
  try {
    const system = await call(a.session, 'systems.create', { name: 'Payments API' });
    const env = await call(a.session, 'environments.create', { name: 'Production', isProduction: true });
    const start = new Date(Date.now() + 2 * 86_400_000);
    start.setUTCHours(20, 0, 0, 0);
    const release = await call(a.session, 'releases.create', {
      name: 'Payments', version: '2.4.0', systemIds: [system.id], environmentIds: [env.id],
      windowStart: start.toISOString(), windowEnd: new Date(start.getTime() + 3 * 3_600_000).toISOString(), timeZone: 'Europe/Berlin',
    });
    await call(a.session, 'sync.now', { target: { folder } });
    await call(b.session, 'sync.now', { target: { folder } });

    const releasesB = await context.newPage();
    await releasesB.goto(b.openUrl);
    await expect(releasesB.getByRole('row', { name: /Payments/ }).first()).toBeVisible();
    const calendarB = await context.newPage();
    await calendarB.goto(b.openUrl);
    await openScreen(calendarB, 'Calendar');
    await expect(calendarB.getByText('Payments 2.4.0').first()).toBeVisible();

    // On laptop A someone renames the release (in A's own UI); both sync, as their background timers would.
    await pageA.reload();
    await call(a.session, 'releases.update', { id: release.id, changes: { name: 'Payments (card vault)' } });
    await call(a.session, 'sync.now', { target: { folder } });
    await call(b.session, 'sync.now', { target: { folder } });

    await expect(releasesB.getByRole('row', { name: /Payments \(card vault\)/ }).first()).toBeVisible({ timeout: 2_000 });
    await expect(calendarB.getByText('Payments (card vault) 2.4.0').first()).toBeVisible({ timeout: 2_000 });
    await snap(releasesB, 'change-feed-releases-b');
  } finally {
    await context.close();
    await b.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
