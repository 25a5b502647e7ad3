import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { WorkspaceSession } from '../../../electron/core';
import { expect, snap, test } from '../fixtures/web-shell';
import { openScreen } from '../fixtures/ui-steps';
import type { Page } from '@playwright/test';

const PASSPHRASE = 'correct horse battery staple';

async function call(session: WorkspaceSession, method: string, input: unknown): Promise<Record<string, unknown>> {
  const result = await session.dispatch(method, input);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as Record<string, unknown>;
}

/** Light, then dark; the pointer leaves the toggle so its tooltip is not in the picture. */
async function snapBoth(page: Page, name: string) {
  await snap(page, name);
  await page.getByRole('button', { name: 'Switch to dark mode' }).click();
  await page.mouse.move(700, 880);
  await snap(page, `${name}-dark`);
  await page.getByRole('button', { name: 'Switch to light mode' }).click();
}

test('Settings → Sync encrypts a shared folder that holds unencrypted files, and asks for the passphrase of a folder encrypted elsewhere', async ({ app: page, shell }) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'release-desk-e2e-encrypt-'));
  const folder = path.join(dir, 'shared');
  const other = path.join(dir, 'encrypted-elsewhere');
  fs.mkdirSync(folder);
  fs.mkdirSync(other);
  const laptopB = WorkspaceSession.open(path.join(dir, 'laptop-b.releasedesk'));
  try {
    const a = shell.session;
    await call(a, 'systems.create', { name: 'Payments API' });
    // Both laptops used the folder unencrypted before: each has files there.
    await call(a, 'sync.now', { target: { folder } });
    await call(laptopB, 'sync.now', { target: { folder } });
    await call(laptopB, 'systems.create', { name: 'Ledger' });
    await call(laptopB, 'sync.now', { target: { folder } });

    await openScreen(page, 'Settings');
    await page.getByRole('tab', { name: 'Sync' }).click();
    await page.getByText('Shared folder', { exact: true }).click();
    await page.getByRole('textbox', { name: 'Shared folder' }).fill(folder);
    const encryption = page.getByTestId('folder-encryption');
    await expect(encryption).toContainText('Anyone who can read this folder');
    await expect(page.getByTestId('unencrypted-files')).toHaveCount(0);

    await encryption.getByText('Passphrase', { exact: true }).click();
    await expect(page.getByTestId('unencrypted-files')).toContainText('This device: 1 file');
    await expect(page.getByTestId('unencrypted-files')).toContainText(`device ${laptopB.store.deviceId}: 1 file`);
    await expect(page.getByRole('button', { name: 'Encrypt and re-publish' })).toBeVisible();
    await page.getByRole('textbox', { name: 'Team passphrase' }).fill(PASSPHRASE);
    await page.getByRole('textbox', { name: 'Repeat the passphrase' }).fill('correct horse battery stapel');
    await page.getByRole('button', { name: 'Encrypt and re-publish' }).click();
    await expect(page.getByText('The two passphrases differ: type the same one twice.')).toBeVisible();
    await snapBoth(page, 'sync-encrypt-folder');

    await page.getByRole('textbox', { name: 'Repeat the passphrase' }).fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Encrypt and re-publish' }).click();
    await expect(encryption).toContainText('Encrypted with the team passphrase, set up by this device');
    const card = page.getByTestId('sync-status-card');
    await expect(card).toContainText("Re-published this device's history encrypted");
    await expect(card).toContainText(`Skipped 1 unencrypted file of device ${laptopB.store.deviceId}`);
    expect(fs.readdirSync(path.join(folder, a.store.deviceId)).filter((n) => n.endsWith('.ndjson.gz'))).toEqual([]);
    await snapBoth(page, 'sync-encrypted-folder');

    // Laptop B encrypts another folder of the team's; this device needs its passphrase to use it.
    await call(laptopB, 'sync.now', { target: { folder: other, passphrase: 'a different team passphrase' } });
    await page.getByRole('textbox', { name: 'Shared folder' }).fill(other);
    await expect(page.getByText('This folder is encrypted', { exact: true })).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Repeat the passphrase' })).toHaveCount(0);
    await page.getByRole('textbox', { name: 'Team passphrase' }).fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Save sync settings' }).click();
    await expect(page.getByText(/This passphrase does not unlock the shared folder's team key/)).toBeVisible();
    await snapBoth(page, 'sync-encrypted-folder-needs-key');
    await page.getByRole('textbox', { name: 'Team passphrase' }).fill('a different team passphrase');
    await page.getByRole('button', { name: 'Save sync settings' }).click();
    await expect(encryption).toContainText(`Encrypted with the team passphrase, set up by device ${laptopB.store.deviceId}`);
    await page.getByRole('button', { name: 'Sync now' }).click();
    await expect(card).toContainText(/Last synced/);
    await expect(card).not.toContainText('The last sync failed');
    expect(a.store.reader.findByText('system', { name: 'Ledger' })).toHaveLength(1);
  } finally {
    laptopB.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
