import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { WorkspaceSession } from '../../../electron/core';
import { expect, snap, test } from '../fixtures/web-shell';
import { openScreen } from '../fixtures/ui-steps';
import { enrolHere } from '../../helpers/temp-workspace';

async function call(session: WorkspaceSession, method: string, input: unknown): Promise<{ id: string }> {
  const result = await session.dispatch(method, input);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as { id: string };
}

test('sync through a shared folder: settings, status, and a conflict restored from the conflicts view', async ({ app: page, shell }) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'release-desk-e2e-sync-'));
  const folder = path.join(dir, 'shared');
  fs.mkdirSync(folder);
  const other = WorkspaceSession.open(path.join(dir, 'laptop-b.releasedesk'));
  try {
    const a = shell.session;
    // Answering a conflict is a signed record: whoever answers needs a key enrolled on this device.
    const priya = await call(a, 'people.create', { name: 'Priya Natarajan', roles: ['release-coordinator'] });
    await enrolHere(a, [priya.id]);
    await call(a, 'workspace.setCurrentPerson', { personId: priya.id });
    const system = await call(a, 'systems.create', { name: 'Payments API' });
    const env = await call(a, 'environments.create', { name: 'Production', isProduction: true });
    const release = await call(a, 'releases.create', {
      name: 'Payments', version: '2.4.0', systemIds: [system.id], environmentIds: [env.id],
      windowStart: '2027-03-05T22:00:00+01:00', windowEnd: '2027-03-06T02:00:00+01:00', timeZone: 'Europe/Berlin',
    });
    await page.reload();

    await openScreen(page, 'Settings');
    await page.getByRole('tab', { name: 'Sync' }).click();
    await expect(page.getByTestId('no-conflicts')).toBeVisible();
    await snap(page, 'sync-settings-off');
    await page.getByText('Shared folder', { exact: true }).click();
    await page.getByRole('textbox', { name: 'Shared folder' }).fill(path.join(dir, 'missing'));
    await page.getByRole('button', { name: 'Save sync settings' }).click();
    await expect(page.getByText(/There is no folder at .*missing: create it/)).toBeVisible();
    await page.getByRole('textbox', { name: 'Shared folder' }).fill(folder);
    await page.getByRole('button', { name: 'Save sync settings' }).click();
    await page.getByRole('button', { name: 'Sync now' }).click();
    await expect(page.getByTestId('sync-status-card')).toContainText(/Synced|Last synced/);

    // Laptop B joins through the folder, and both edit the release's description apart.
    await call(other, 'sync.now', { target: { folder } });
    await call(a, 'releases.update', { id: release.id, changes: { description: 'Card vault migration (edited here)' } });
    await call(other, 'releases.update', { id: release.id, changes: { description: 'Card vault + 3DS (edited on laptop B)' } });
    await call(other, 'sync.now', { target: { folder } });
    await page.getByRole('button', { name: 'Sync now' }).click();
    const table = page.getByTestId('conflicts-table');
    await expect(table).toContainText('Payments 2.4.0');
    await expect(table).toContainText('Card vault migration (edited here)');
    await expect(table).toContainText('Card vault + 3DS (edited on laptop B)');
    await expect(page.getByTestId('sync-indicator')).toContainText('1 conflict');
    await snap(page, 'sync-settings-conflict');
    await page.getByTestId('sync-indicator').click();
    await snap(page, 'sync-indicator-popover');
    await page.keyboard.press('Escape');

    await table.getByRole('button', { name: 'Restore other' }).click();
    await expect(page.getByTestId('no-conflicts')).toBeVisible();
    const restored = await a.client()['releases.get']({ id: release.id });
    expect(restored.ok && (restored.value as { description: string }).description).toMatch(/edited/);
    await snap(page, 'sync-settings-resolved');
  } finally {
    other.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a team server URL that is plain HTTP to another machine is warned about while typing and once saved, light and dark', async ({ app: page, shell }) => {
  await openScreen(page, 'Settings');
  await page.getByRole('tab', { name: 'Sync' }).click();
  await page.getByText('Team server', { exact: true }).click();
  const url = page.getByRole('textbox', { name: 'Server URL' });
  const warning = page.getByTestId('plain-http-warning');

  await url.fill('https://release-desk.example.com');
  await expect(warning).toBeHidden();
  await url.fill('http://127.0.0.1:7420');
  await expect(warning).toBeHidden();
  await url.fill('http://release-desk.example.com:7420');
  await expect(warning).toContainText('plain HTTP to another machine (release-desk.example.com:7420)');
  await expect(warning).toContainText("Ask your admin for the server's https:// address.");

  await page.getByLabel('Member token').fill('rdt_example-token');
  await page.getByRole('button', { name: 'Save sync settings' }).click();
  await expect(page.getByTestId('sync-status-card')).toBeVisible();
  // Said once on the screen, next to the URL; the status the core reports carries it too (for the header, the CLI).
  await expect(page.getByText(/plain HTTP to another machine/)).toHaveCount(1);
  // No OS keychain in the web shell: the saved token stays in the workspace, and the form says so beside it.
  await expect(page.getByTestId('token-warning')).toContainText('The member token is kept in this workspace file without encryption');
  const status = await shell.session.client()['sync.status']({});
  expect(status.ok && (status.value as { warnings: string[] }).warnings[0]).toMatch(/^The team server URL is plain HTTP to another machine/);
  await snap(page, 'sync-settings-plain-http');
  await page.getByRole('button', { name: 'Switch to dark mode' }).click();
  await snap(page, 'sync-settings-plain-http-dark');
});
