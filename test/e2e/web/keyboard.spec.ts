import type { Page } from '@playwright/test';
import type { RunningWebServer } from '../../../electron/web/web-server';
import { chooseByKeyboard, pressOn, tabTo, typeTime } from '../fixtures/keyboard-steps';
import { PEOPLE, seedReadiness } from '../fixtures/readiness-seed';
import { expect, test } from '../fixtures/web-shell';
import { dialog, releaseRow } from '../fixtures/ui-steps';

/**
 * Issue 17: the main jobs with the keyboard alone. No click anywhere in this file: every control is reached with Tab
 * (tabTo checks on the way that the focus is visible and never stuck) and worked with the keys a person would use.
 */

async function call(session: RunningWebServer['session'], method: string, input: unknown): Promise<{ id: string }> {
  const result = await session.dispatch(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value as { id: string };
}

async function seedPlanning(session: RunningWebServer['session']) {
  await call(session, 'settings.update', { defaultTimeZone: 'Europe/Berlin' });
  const system = await call(session, 'systems.create', { name: 'Payments API' });
  const production = await call(session, 'environments.create', { name: 'Production', isProduction: true });
  return (name: string, version: string, windowStart: string, windowEnd: string) =>
    call(session, 'releases.create', { name, version, systemIds: [system.id], environmentIds: [production.id], windowStart, windowEnd, timeZone: 'Europe/Berlin' });
}

async function openScreenByKeyboard(page: Page, name: string): Promise<void> {
  await pressOn(page, page.getByRole('navigation', { name: 'Main navigation' }).getByRole('button', { name }));
  await expect(page.getByRole('navigation', { name: 'Main navigation' }).getByRole('button', { name })).toHaveAttribute('aria-current', 'page');
}

test('planning a release with the keyboard alone', async ({ app: page, shell }) => {
  await seedPlanning(shell.session);
  await page.reload();
  await expect(page.getByTestId('releases-count')).toHaveText('0 releases');
  await page.keyboard.press('n');
  const form = dialog(page, 'New release');
  await expect(form).toBeVisible();
  await tabTo(page, form.getByLabel('Name'));
  await page.keyboard.type('Ledger');
  await tabTo(page, form.getByLabel('Version'));
  await page.keyboard.type('1.0.0');
  await chooseByKeyboard(page, form.getByRole('combobox', { name: 'Systems' }), 'Payments API');
  await chooseByKeyboard(page, form.getByRole('combobox', { name: 'Environments' }), 'Production');
  await tabTo(page, form.getByRole('textbox', { name: 'Window start date', exact: true }));
  await page.keyboard.type('9 Jan 2027');
  await typeTime(page, form.getByLabel('Window start time', { exact: true }), '22:00');
  await tabTo(page, form.getByRole('textbox', { name: 'Window end date', exact: true }));
  await page.keyboard.type('9 Jan 2027');
  await typeTime(page, form.getByLabel('Window end time', { exact: true }), '23:30');
  await pressOn(page, form.getByRole('button', { name: 'Plan release' }));
  await expect(form).toBeHidden();
  await expect(releaseRow(page, 'Ledger')).toContainText('1.0.0');
});

test('moving and resizing a release on the calendar with the keyboard alone', async ({ app: page, shell }) => {
  const plan = await seedPlanning(shell.session);
  await plan('Ledger', '1.0.0', '2027-01-08T22:00:00+01:00', '2027-01-08T23:00:00+01:00');
  await page.clock.setFixedTime(new Date('2027-01-04T09:00:00Z'));
  await page.reload();
  await openScreenByKeyboard(page, 'Calendar');
  await expect(page.getByTestId('calendar-period')).toHaveText('January 2027');
  await tabTo(page, page.locator('.rbc-event', { hasText: 'Ledger 1.0.0' }));
  const preview = page.getByTestId('drag-preview');
  // A day later, then an hour longer in the week's steps: Shift+→ moves, Shift+↓ ends it later.
  await page.keyboard.press('Shift+ArrowRight');
  await expect(preview).toContainText('Moving Ledger 1.0.0 to Sat 9 Jan 2027, 22:00 – 23:00');
  await page.keyboard.press('Shift+ArrowDown');
  await expect(preview).toContainText('Sat 9 Jan 2027, 22:00 – Sun 10 Jan 2027, 23:00');
  await page.keyboard.press('Enter');
  await expect(page.locator('.mantine-Notification-root', { hasText: 'Release moved' })).toContainText('Ledger 1.0.0 now books Sat 9 Jan 2027, 22:00 – Sun 10 Jan 2027, 23:00');
});

test('asserting and halting readiness with the keyboard alone', async ({ app: page, shell }) => {
  await seedReadiness(shell.session);
  await page.reload();
  await chooseByKeyboard(page, page.getByRole('combobox', { name: 'You are' }), PEOPLE.organization.name);
  await expect(page.getByRole('combobox', { name: 'You are' })).toHaveValue(PEOPLE.organization.name);
  await openScreenByKeyboard(page, 'Readiness');
  await pressOn(page, page.getByTestId('readiness-board').getByRole('row', { name: 'Payments 2.4.0' }));
  const card = page.getByTestId('state-organization');
  await expect(card).toBeVisible();

  await pressOn(page, card.getByRole('button', { name: 'Assert' }));
  const assertDialog = dialog(page, 'Assert Organization readiness');
  await tabTo(page, assertDialog.getByLabel('Comment'));
  await page.keyboard.type('Release notes out, support trained');
  await pressOn(page, assertDialog.getByRole('button', { name: 'Assert ready' }));
  await expect(assertDialog).toBeHidden();
  await expect(card).toContainText(`Asserted · ${PEOPLE.organization.name}`);

  await pressOn(page, card.getByRole('button', { name: 'Halt' }));
  const halt = dialog(page, /^Halt Payments 2.4.0/);
  await tabTo(page, halt.getByRole('textbox').first());
  await page.keyboard.type('Support runbook for refunds is missing');
  await pressOn(page, halt.getByRole('button', { name: 'Halt the release' }));
  await expect(halt).toBeHidden();
  await expect(card).toContainText('Halted');
  // Esc closes the drawer and gives the keyboard back to the board.
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('readiness-panel')).toBeHidden();
  await expect(page.getByTestId('readiness-board').getByRole('row', { name: 'Payments 2.4.0' })).toContainText('Halted');
});
