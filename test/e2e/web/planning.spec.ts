import type { RunningWebServer } from '../../../electron/web/web-server';
import { calendarEvent, hoverEvent } from '../fixtures/calendar-steps';
import { seedWorkspace } from '../fixtures/seed-workspace';
import { expect, snapLightAndDark, test } from '../fixtures/web-shell';
import { dialog, openScreen, pickDateTime, pickOptions, releaseRow, typeDateTime } from '../fixtures/ui-steps';

/** Planning that warns (issue 18): live collisions while a window is chosen, the next free slot, keyboard moves. */

async function call<T = { id: string }>(session: RunningWebServer['session'], method: string, input: unknown): Promise<T> {
  const result = await session.dispatch(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value as T;
}

/**
 * Production requires a maintenance window; Saturday nights 21:00–03:00 (Berlin) are one. Payments 3.0.0 holds Saturday
 * 9 January 2027 from 21:00 to 01:00.
 */
async function seedPlanning(session: RunningWebServer['session']) {
  await call(session, 'settings.update', { defaultTimeZone: 'Europe/Berlin' });
  const system = await call(session, 'systems.create', { name: 'Payments API' });
  const production = await call(session, 'environments.create', { name: 'Production', isProduction: true, requiresMaintenanceWindow: true });
  await call(session, 'windows.create', {
    kind: 'maintenance',
    name: 'Saturday night window',
    start: '2027-01-02T21:00:00+01:00',
    end: '2027-01-03T03:00:00+01:00',
    timeZone: 'Europe/Berlin',
    rrule: 'FREQ=WEEKLY;BYDAY=SA',
    environmentIds: [production.id],
  });
  /** A release of Payments API on Production, planned in Berlin. */
  const plan = (name: string, version: string, windowStart: string, windowEnd: string) =>
    call(session, 'releases.create', { name, version, systemIds: [system.id], environmentIds: [production.id], windowStart, windowEnd, timeZone: 'Europe/Berlin' });
  await plan('Payments', '3.0.0', '2027-01-09T21:00:00+01:00', '2027-01-10T01:00:00+01:00');
  return { plan };
}

test('planning a release: the collision shows while the window is chosen, and the next free slot clears it', async ({ app: page, shell }) => {
  await seedPlanning(shell.session);
  await page.reload();
  await page.getByRole('button', { name: 'New release' }).click();
  const form = dialog(page, 'New release');
  await form.getByLabel('Name').fill('Ledger');
  await form.getByLabel('Version').fill('1.0.0');
  await pickOptions(form, 'Systems', ['Payments API']);
  await pickOptions(form, 'Environments', ['Production']);
  const planning = form.getByTestId('planning-collisions');
  await expect(planning).toContainText('Choose systems, environments and the window');
  await expect(planning.getByRole('button', { name: 'Next free slot' })).toBeDisabled();

  // The start is typed; the end is picked from a calendar that opens on the start's month, not on today's.
  await typeDateTime(form, 'Window start', 'Sat 9 Jan 2027', '22:00');
  await form.getByRole('textbox', { name: 'Window end date', exact: true }).click();
  await expect(page.locator('.mantine-Popover-dropdown:visible [class*="calendarHeaderLevel"]').last()).toHaveText('January 2027');
  await page.keyboard.press('Tab');
  await pickDateTime(form, 'Window end', '9 January 2027', '23:30');

  // The collision shows as soon as the window is there, as dragging on the calendar shows it.
  await expect(planning).toContainText('1 collision in this window');
  await expect(planning.getByTestId('collision-sentence')).toHaveText(
    'Payments 3.0.0 and Ledger 1.0.0 both book Production on Sat 9 Jan 2027 22:00–23:30, and both change Payments API.',
  );
  await snapLightAndDark(page, 'planning-dialog-collision');

  // Next free slot: Payments holds Saturday until 01:00; ninety minutes fit before the window closes at 03:00.
  await planning.getByRole('button', { name: 'Next free slot' }).click();
  const slot = planning.getByTestId('free-slot');
  await expect(slot).toContainText('Sun 10 Jan 2027 01:00–02:30 is free on Production, inside Saturday night window.');
  await snapLightAndDark(page, 'planning-dialog-free-slot');
  await slot.getByRole('button', { name: 'Use this slot' }).click();
  await expect(form.getByRole('textbox', { name: 'Window start date', exact: true })).toHaveValue('Sun 10 Jan 2027');
  await expect(form.getByLabel('Window start time', { exact: true })).toHaveValue('01:00');
  await expect(form.getByLabel('Window end time', { exact: true })).toHaveValue('02:30');
  await expect(planning).toContainText('No collisions in this window.');

  await form.getByRole('button', { name: 'Plan release' }).click();
  await expect(form).toBeHidden();
  await expect(releaseRow(page, 'Ledger')).toContainText('Sun 10 Jan 2027, 01:00 – 02:30');
});

test('the release drawer shows the release\'s collisions and moves it to the next free slot, with Undo', async ({ app: page, shell }) => {
  const { plan } = await seedPlanning(shell.session);
  await plan('Ledger', '1.0.0', '2027-01-09T22:00:00+01:00', '2027-01-09T23:30:00+01:00');
  await page.reload();
  await page.getByRole('textbox', { name: 'Search releases' }).fill('ledger');
  await releaseRow(page, 'Ledger').click();
  const drawer = dialog(page, 'Ledger 1.0.0');
  const planning = drawer.getByTestId('planning-collisions');
  await expect(planning).toContainText('1 collision in this window');
  await planning.getByRole('button', { name: 'Next free slot' }).click();
  await planning.getByRole('button', { name: 'Move it there' }).click();
  await expect(planning).toContainText('No collisions in this window.');
  await expect(drawer).toContainText('Sun 10 Jan 2027, 01:00 – 02:30');
  await page.locator('.mantine-Notification-root', { hasText: 'Release moved' }).getByRole('button', { name: 'Undo' }).click();
  await expect(drawer).toContainText('Sat 9 Jan 2027, 22:00 – 23:30');
  await expect(planning).toContainText('1 collision in this window');
});

test('a release moves and changes length on the calendar by keyboard, with the live collision check and Undo', async ({ app: page, shell }) => {
  const { plan } = await seedPlanning(shell.session);
  // Friday night, inside no maintenance window: a collision until it moves onto a Saturday night.
  await plan('Ledger', '1.0.0', '2027-01-08T22:00:00+01:00', '2027-01-08T23:00:00+01:00');
  await page.clock.setFixedTime(new Date('2027-01-04T09:00:00Z'));
  await page.reload();
  await openScreen(page, 'Calendar');
  await expect(page.getByTestId('calendar-period')).toHaveText('January 2027');
  await expect(calendarEvent(page, 'Ledger 1.0.0').getByLabel('In a collision')).toBeVisible();
  const preview = page.getByTestId('drag-preview');
  /** One key at a time, as a person presses it: each step is drawn and checked before the next. */
  const press = async (key: string, times = 1) => {
    for (let i = 0; i < times; i++) {
      const before = (await preview.isVisible()) ? await preview.innerText() : '';
      await page.keyboard.press(key);
      await expect(preview).not.toHaveText(before);
    }
  };

  // Tab to it as a keyboard user does; Shift+→ moves it a day in the month view, onto Payments' Saturday night.
  await calendarEvent(page, 'Ledger 1.0.0').focus();
  await press('Shift+ArrowRight');
  await expect(preview).toContainText('Moving Ledger 1.0.0 to Sat 9 Jan 2027, 22:00 – 23:00');
  await expect(preview).toContainText('Double booking');
  await expect(preview).toContainText('Enter saves the move');
  await snapLightAndDark(page, 'calendar-keyboard-move');
  // Shift+↓ ends it a day later; Esc puts everything back: nothing was saved.
  await press('Shift+ArrowDown');
  await expect(preview).toContainText('Sat 9 Jan 2027, 22:00 – Sun 10 Jan 2027, 23:00');
  await page.keyboard.press('Escape');
  await expect(preview).toBeHidden();
  await expect(await hoverEvent(page, 'Ledger 1.0.0')).toHaveAttribute('title', /Fri 8 Jan 2027, 22:00 – 23:00 your time/);

  // A week and a day later, the next Saturday night is free. Enter saves, with Undo.
  await calendarEvent(page, 'Ledger 1.0.0').focus();
  await press('Shift+ArrowRight', 8);
  await expect(preview).toContainText('Moving Ledger 1.0.0 to Sat 16 Jan 2027, 22:00 – 23:00');
  await expect(preview).toContainText('No collisions at the new time');
  await page.keyboard.press('Enter');
  const moved = page.locator('.mantine-Notification-root', { hasText: 'Release moved' });
  await expect(moved).toContainText('Ledger 1.0.0 now books Sat 16 Jan 2027, 22:00 – 23:00');
  await expect(calendarEvent(page, 'Ledger 1.0.0').getByLabel('In a collision')).toHaveCount(0);
  await moved.getByRole('button', { name: 'Undo' }).click();
  await expect(await hoverEvent(page, 'Ledger 1.0.0')).toHaveAttribute('title', /Fri 8 Jan 2027, 22:00 – 23:00 your time/);
});

test('the collisions panel of a realistic quarter: coming ones, one card per pair of releases; past and accepted one click away', async ({ app: page, shell }) => {
  await seedWorkspace(shell.session, 60);
  await page.clock.setFixedTime(new Date('2026-11-23T09:00:00Z'));
  await page.reload();
  await openScreen(page, 'Calendar');
  await expect(page.getByTestId('calendar-period')).toHaveText('November 2026');
  const panel = page.getByTestId('collision-panel');
  const cards = panel.getByTestId('collision-item');
  await expect(page.getByTestId('collision-count')).toHaveText(/^\d+ coming$/);
  const coming = Number((await page.getByTestId('collision-count').innerText()).split(' ')[0]);
  expect(coming).toBeGreaterThan(0);
  await expect(cards).toHaveCount(coming);
  // One card per pair: a pair that books staging and production at once names both, on one card.
  const sentences = await cards.getByTestId('collision-sentence').allInnerTexts();
  expect(new Set(sentences).size).toBe(sentences.length);
  expect(sentences.some((s) => /staging and production/.test(s))).toBe(true);
  await snapLightAndDark(page, 'collisions-panel');

  await panel.getByText(/^Past \(\d+\)$/).click();
  const past = Number((await panel.getByText(/^Past \(\d+\)$/).innerText()).match(/\d+/)![0]);
  expect(past).toBeGreaterThan(0);
  await expect(cards).toHaveCount(past);
  await snapLightAndDark(page, 'collisions-panel-past');
});
