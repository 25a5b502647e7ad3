import { execFileSync } from 'node:child_process';
import type { Page } from '@playwright/test';
import { test, expect, snap } from '../fixtures/web-shell';
import { chooseCurrentPerson, dialog, openScreen } from '../fixtures/ui-steps';
import { PEOPLE, seedReadiness } from '../fixtures/readiness-seed';
import { LEAD, executionRow, seedWeekendRunbook } from '../fixtures/runbook-steps';
import { behindTheStore } from '../../helpers/behind-the-store';
import { Forger } from '../../helpers/forge';
import { changesOf, tempSession, valueOf } from '../../helpers/temp-workspace';
import type { KeysOverview } from '../../../electron/contract/keys-contract';
import type { WorkspaceSession } from '../../../electron/core';

const keysOf = async (session: WorkspaceSession) => valueOf(await session.client()['keys.list']({}));

async function openRelease(page: Page, name: string): Promise<void> {
  await openScreen(page, 'Readiness');
  await page.getByTestId('readiness-board').getByRole('row', { name }).click();
  await expect(page.getByTestId('readiness-panel')).toBeVisible();
}

/** The OS says dark (the app follows it until someone toggles): works with a drawer or a popover open. */
const darkMode = (page: Page) => page.emulateMedia({ colorScheme: 'dark' });

function verifyCli(file: string): number {
  try {
    execFileSync('node', ['bin/release-desk.mjs', 'verify', '--db', file], { encoding: 'utf8' });
    return 0;
  } catch (error) {
    return (error as { status: number }).status;
  }
}

test('the audit shows verified and forged records side by side, light and dark, and the board ignores the forged ones', async ({ app: page, shell }) => {
  const s = shell.session;
  const { people, payments } = await seedReadiness(s);
  valueOf(await s.client()['readiness.signoff']({ releaseId: payments.id, state: 'security', action: 'assert', comment: 'Pen test passed', asPersonId: people.security }));
  // Someone who can write to the shared folder writes a halt "by" the product owner, signed with a key of their own:
  // it reaches the store as a sync would deliver it, and is held, never merged.
  const forger = new Forger(s.store.workspaceId!);
  const halt = { releaseId: payments.id, state: 'product', action: 'halt', personId: people.product, comment: 'Stop: refunds are broken', waivedIssues: [], withdrawsId: null, deviceId: forger.deviceId };
  s.store.receive(forger.write('signoff', halt, { author: people.product }));
  // Someone who can open the workspace file inserts a halt "by" the operations coordinator behind the store's back.
  behindTheStore(s.path, (db) =>
    db
      .prepare("INSERT INTO signoffs (id, release_id, state, action, person_id, comment, device_id, created_at, updated_at) VALUES ('inserted-halt', ?, 'operation', 'halt', ?, 'Database not backed up', ?, ?, ?)")
      .run(payments.id, people.operation, s.store.deviceId, new Date().toISOString(), new Date().toISOString()),
  );
  await page.reload();

  // The board counts neither halt: the release goes; Security's honest assertion counts.
  await openScreen(page, 'Readiness');
  const row = page.getByTestId('readiness-board').getByRole('row', { name: 'Payments 2.4.0' });
  await expect(row.getByTestId('gate')).toContainText('Go');
  await expect(row.getByTestId('cell-product')).not.toContainText('Halted');
  await expect(row.getByTestId('cell-operation')).not.toContainText('Halted');
  await expect(row.getByTestId('cell-security')).toContainText('Asserted');
  await snap(page, 'signed-records-board');

  await row.click();
  const audit = page.getByTestId('audit-timeline');
  const verified = audit.locator('[data-testid="audit-entry"][data-verification="verified"]');
  const unverified = audit.locator('[data-testid="audit-entry"][data-verification="unverified"]');
  await expect(verified.filter({ hasText: PEOPLE.security.name })).toHaveCount(1);
  await expect(verified.filter({ hasText: PEOPLE.security.name }).getByRole('img', { name: 'Verified' })).toBeVisible();
  await expect(unverified).toHaveCount(2);
  const forged = unverified.filter({ hasText: 'Stop: refunds are broken' });
  await expect(forged.getByTestId('unverified-mark')).toHaveText('Unverified · not counted');
  await expect(forged.getByTestId('unverified-reason')).toContainText(`Not counted: never merged here: `);
  await expect(forged.getByTestId('unverified-reason')).toContainText(`no enrolled key of ${PEOPLE.product.name}`);
  const inserted = unverified.filter({ hasText: 'Database not backed up' });
  await expect(inserted.getByTestId('unverified-reason')).toContainText("it is not in the change log: it was written into the workspace file behind Release Desk's back");
  await expect(page.getByTestId('state-product')).not.toContainText('Halted');
  await audit.scrollIntoViewIfNeeded();
  await snap(page, 'signed-records-audit');
  await darkMode(page);
  await snap(page, 'signed-records-audit-dark');
});

test('Settings → Keys: the root to compare, a teammate\'s request enrolled after comparing fingerprints, then revoked with a reason', async ({ app: page, shell }) => {
  const s = shell.session;
  const { people } = await seedReadiness(s);
  // Sam's own laptop joins the workspace and asks for a key for Sam; the request syncs here.
  const laptop = tempSession();
  try {
    laptop.session.store.receive(changesOf(s));
    const asked = valueOf(await laptop.session.client()['keys.request']({ personId: people.security }));
    s.store.receive(changesOf(laptop.session));
    await page.reload();

    await openScreen(page, 'Settings');
    await page.getByRole('tab', { name: 'Keys' }).click();
    const overview = await keysOf(s);
    await expect(page.getByTestId('root-fingerprint')).toHaveAccessibleName(`Root fingerprint ${overview.root!.fingerprint}`);
    await expect(page.getByTestId('root-key')).toContainText('Compare with your team');
    await expect(page.getByTestId('this-device-key')).toContainText('may enrol keys');
    const requests = page.getByTestId('key-requests');
    await expect(requests.getByRole('row', { name: `${PEOPLE.security.name} on ${asked.thisDevice.deviceId}` }).or(requests.getByRole('row', { name: new RegExp(PEOPLE.security.name) }))).toBeVisible();
    await expect(requests).toContainText(asked.thisDevice.fingerprint);
    await snap(page, 'settings-keys-request');

    await requests.getByRole('button', { name: 'Enrol' }).click();
    const confirm = dialog(page, `Enrol this key for ${PEOPLE.security.name}?`);
    await expect(confirm.getByRole('group', { name: `Fingerprint ${asked.thisDevice.fingerprint}` })).toBeVisible();
    await expect(confirm).toContainText('read out the fingerprint');
    await snap(page, 'settings-keys-enrol-confirm');
    await confirm.getByRole('button', { name: 'They match: enrol' }).click();
    await expect(page.getByText('No request is waiting.')).toBeVisible();
    const enrolled = page.getByTestId('enrolled-keys');
    const samsLaptop = enrolled.getByRole('row').filter({ hasText: asked.thisDevice.deviceId });
    await expect(samsLaptop).toContainText(PEOPLE.security.name);
    // The enrolment syncs to the laptop: it signs for Sam there now.
    laptop.session.store.receive(changesOf(s));
    expect((await keysOf(laptop.session)).thisDevice.signsFor.map((p) => p.personId)).toEqual([people.security]);

    await samsLaptop.getByRole('button', { name: 'Revoke' }).click();
    const revoke = dialog(page, /^Revoke Sam Security's key/);
    await revoke.getByRole('button', { name: 'Revoke the key' }).click();
    await expect(revoke).toContainText('Reason is required');
    await revoke.getByLabel('Reason').fill('Laptop stolen at the airport');
    await revoke.getByRole('button', { name: 'Revoke the key' }).click();
    await expect(revoke).toBeHidden();
    await expect(page.getByTestId('revoked-keys')).toContainText('Laptop stolen at the airport');
    await snap(page, 'settings-keys');
    await darkMode(page);
    await snap(page, 'settings-keys-dark');
    laptop.session.store.receive(changesOf(s));
    expect((await keysOf(laptop.session)).thisDevice.signsFor).toEqual([]);
  } finally {
    laptop.cleanup();
  }
});

test('acting as someone without a key here is read-only, says why, and the key is requested from "You are"', async ({ app: page, shell }) => {
  // The admin's laptop is the workspace's root; this device (the web shell) joins it and holds no key of anyone.
  const admin = tempSession();
  try {
    const { people, payments } = await seedReadiness(admin.session);
    shell.session.store.receive(changesOf(admin.session));
    await page.reload();

    // "You are" lists each person's roles.
    await page.getByRole('combobox', { name: 'You are' }).click();
    await expect(page.getByRole('option', { name: PEOPLE.security.name })).toContainText('Security architect');
    await expect(page.getByRole('option', { name: PEOPLE.engineer.name })).toContainText('Engineer');
    await snap(page, 'you-are-roles');
    await page.keyboard.press('Escape');

    await chooseCurrentPerson(page, PEOPLE.security.name);
    const keyStatus = page.getByTestId('key-status');
    await expect(keyStatus).toHaveText('No key');
    await openRelease(page, 'Payments 2.4.0');
    const assert = page.getByTestId('state-security').getByRole('button', { name: 'Assert' });
    await expect(assert).toBeDisabled();
    await assert.locator('..').hover();
    await expect(page.getByRole('tooltip')).toContainText(`This device holds no enrolled key of ${PEOPLE.security.name}, so it cannot sign for them`);
    await snap(page, 'readiness-no-key');
    await page.keyboard.press('Escape');

    await keyStatus.click();
    const popover = page.getByTestId('key-status-popover');
    await expect(popover).toContainText(`This device cannot sign for ${PEOPLE.security.name}`);
    await snap(page, 'you-are-no-key');
    await popover.getByRole('button', { name: `Request a key for ${PEOPLE.security.name}` }).click();
    await expect(keyStatus).toHaveText('Key requested');
    await keyStatus.click();
    await expect(popover).toContainText((await keysOf(shell.session)).thisDevice.fingerprint);
    await darkMode(page);
    await snap(page, 'you-are-key-requested-dark');
    await page.keyboard.press('Escape');

    // The admin enrols it (the request synced there); once the enrolment syncs back, Sam signs here.
    admin.session.store.receive(changesOf(shell.session));
    valueOf(await admin.session.client()['keys.enrol']({ deviceId: shell.session.store.deviceId, personId: people.security }));
    shell.session.store.receive(changesOf(admin.session));
    await page.reload();
    await expect(page.getByRole('button', { name: `This device signs for ${PEOPLE.security.name}` })).toBeVisible();
    await openRelease(page, 'Payments 2.4.0');
    await expect(page.getByTestId('state-security').getByRole('button', { name: 'Assert' })).toBeEnabled();
    void payments;
  } finally {
    admin.cleanup();
  }
});

test('without a key the war room and the meeting are read-only too, and each greyed-out button says why, light and dark', async ({ app: page, shell }) => {
  const admin = tempSession();
  try {
    await seedWeekendRunbook(admin.session);
    const day = 86_400_000;
    valueOf(await admin.session.client()['meetings.create']({ title: 'Weekend go/no-go', from: new Date(Date.now() - day).toISOString(), to: new Date(Date.now() + 7 * day).toISOString() }));
    shell.session.store.receive(changesOf(admin.session));
    await page.reload();
    await chooseCurrentPerson(page, LEAD);

    await openScreen(page, 'Runbooks');
    await page.getByRole('tab', { name: 'Execution' }).click();
    await expect(page.getByTestId('no-key')).toContainText(`This device holds no enrolled key of ${LEAD}`);
    const start = executionRow(page, 'Check the payment provider status page').getByRole('button', { name: 'Start' });
    await expect(start).toBeDisabled();
    await start.locator('..').hover();
    await expect(page.getByRole('tooltip')).toContainText('so it cannot sign for them');
    await snap(page, 'execution-no-key');
    await darkMode(page);
    await snap(page, 'execution-no-key-dark');
    await page.emulateMedia({ colorScheme: 'light' });

    await openScreen(page, 'Meetings');
    await page.getByText('Weekend go/no-go').first().click();
    const go = page.getByTestId('agenda').getByRole('row', { name: 'Payments 2.4.0' }).getByRole('button', { name: 'Go' });
    await expect(go).toBeDisabled();
    await go.locator('..').hover();
    await expect(page.getByRole('tooltip')).toContainText(`no enrolled key of ${LEAD}`);
    await snap(page, 'meeting-no-key');
    await darkMode(page);
    await snap(page, 'meeting-no-key-dark');
  } finally {
    admin.cleanup();
  }
});

test('a row edited behind the store\'s back: a banner when the workspace opens, and Repair mends it from the change log', async ({ app: page, shell }) => {
  const { payments } = await seedReadiness(shell.session);
  behindTheStore(shell.session.path, (db) => db.prepare("UPDATE releases SET name = 'Payments (tampered)' WHERE id = ?").run(payments.id));
  expect(verifyCli(shell.session.path)).toBe(5);
  await page.reload();

  const banner = page.getByTestId('verify-banner');
  await expect(banner).toContainText('This workspace does not verify: 1 problem');
  await expect(banner).toContainText(`release ${payments.id}: its name is not what its change log says: it was edited behind Release Desk's back.`);
  await expect(page.getByRole('row', { name: /Payments \(tampered\)/ }).first()).toBeVisible();
  await snap(page, 'verify-banner');
  await darkMode(page);
  await snap(page, 'verify-banner-dark');

  await banner.getByRole('button', { name: 'Repair 1 row from the change log' }).click();
  await expect(banner).toBeHidden();
  await expect(page.getByText('the workspace verifies again')).toBeVisible();
  await expect(page.getByRole('row', { name: /Payments \(tampered\)/ })).toHaveCount(0);
  await expect(page.getByRole('row', { name: /Payments 2\.4\.0/ }).first()).toBeVisible();
  expect(verifyCli(shell.session.path)).toBe(0);
});
