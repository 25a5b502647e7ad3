import { calendarEvent, dragTo, hoverEvent, monthDayPoint, planReleaseFromCalendar } from '../fixtures/calendar-steps';
import { seedWorkspace } from '../fixtures/seed-workspace';
import { expect, snap, test } from '../fixtures/web-shell';
import { addEnvironment, addSystem, dialog, openScreen, pickDateTime } from '../fixtures/ui-steps';

/** The calendar's clock is fixed to the demo's "today", so the month on screen and the screenshots are the same every run. */
const TODAY = new Date('2026-11-23T09:00:00Z');

test('two releases that collide show the collision and its sentence; dragging one away clears it and Undo brings it back', async ({ app: page }) => {
  await page.clock.setFixedTime(TODAY);
  await addSystem(page, 'Payments API');
  await addEnvironment(page, 'Production EU', { production: true });
  await openScreen(page, 'Calendar');
  await expect(page.getByTestId('calendar-period')).toHaveText('November 2026');
  await expect(page.getByTestId('calendar-empty')).toContainText('Nothing is planned in November 2026');
  await expect(page.getByTestId('collision-panel')).toContainText('No coming collisions in this period');

  // The workspace zone is UTC and this browser is in Berlin: 10:00 UTC shows as 11:00.
  await planReleaseFromCalendar(page, { name: 'Payments', version: '2.4', system: 'Payments API', environment: 'Production EU', day: '26 November 2026', from: '10:00', to: '12:00' });
  await planReleaseFromCalendar(page, { name: 'Ledger', version: '1.0', system: 'Payments API', environment: 'Production EU', day: '26 November 2026', from: '11:00', to: '13:00' });

  const item = page.getByTestId('collision-item');
  await expect(item).toHaveCount(1);
  await expect(item).toContainText('Double booking');
  await expect(item.getByTestId('collision-sentence')).toHaveText(/Payments 2\.4.*Ledger 1\.0.*Production EU|Ledger 1\.0.*Payments 2\.4.*Production EU/);
  const ledger = calendarEvent(page, 'Ledger 1.0');
  await expect(ledger.getByLabel('In a collision')).toBeVisible();
  // Times in the viewer's zone, the planned zone and the collision's sentence on hover.
  const hover = await hoverEvent(page, 'Ledger 1.0');
  await expect(hover).toHaveAttribute('title', /Thu 26 Nov 2026, 12:00 – 14:00 your time \(Europe\/Berlin\)/);
  await expect(hover).toHaveAttribute('title', /Thu 26 Nov 2026, 11:00 – 13:00 \(UTC\) planned zone/);
  await expect(hover).toHaveAttribute('title', /Double booking: /);
  await snap(page, 'calendar-month-collision');

  // Drag Ledger two days later: while the button is held, the core says the new time is free.
  await dragTo(page, ledger, await monthDayPoint(page, 28), async () => {
    await expect(page.getByTestId('drag-preview')).toContainText('No collisions at the new time');
    await snap(page, 'calendar-month-dragging');
  });
  await expect(page.getByTestId('collision-count')).toHaveText('0 coming');
  await expect(item).toHaveCount(0);
  await expect(await hoverEvent(page, 'Ledger 1.0')).toHaveAttribute('title', /Sat 28 Nov 2026, 12:00 – 14:00 your time/);
  await expect(calendarEvent(page, 'Ledger 1.0').getByLabel('In a collision')).toHaveCount(0);

  // Undo puts it back, and the collision with it.
  const notification = page.locator('.mantine-Notification-root', { hasText: 'Release moved' });
  await notification.getByRole('button', { name: 'Undo' }).click();
  await expect(item).toHaveCount(1);
  await expect(item.getByTestId('collision-sentence')).toContainText('Production');
  await expect(item.getByTestId('collision-sentence')).toContainText('Ledger 1.0');
  await expect(await hoverEvent(page, 'Ledger 1.0')).toHaveAttribute('title', /Thu 26 Nov 2026, 12:00 – 14:00 your time/);

  // Accept it with a reason: it leaves the coming ones and is one click away, greyed, with who and why.
  await item.getByRole('button', { name: 'Accept…' }).click();
  await item.getByLabel('Why is this acceptable?').fill('Both teams deploy together behind one change ticket');
  await item.getByRole('button', { name: 'Accept collision' }).click();
  await expect(page.getByTestId('collision-count')).toHaveText('0 coming');
  await expect(item).toHaveCount(0);
  await page.getByTestId('collision-panel').getByText('Accepted (1)').click();
  await expect(item).toHaveAttribute('data-accepted', 'true');
  await expect(item).toContainText('Both teams deploy together');
  await snap(page, 'calendar-collision-accepted');

  // Clicking a release opens its detail drawer.
  await calendarEvent(page, 'Payments 2.4').click();
  await expect(dialog(page, 'Payments 2.4')).toBeVisible();
});

test('month, week and timeline views of a planned workspace, light and dark, with keyboard navigation', async ({ app: page, shell }) => {
  test.setTimeout(120_000);
  await page.clock.setFixedTime(TODAY);
  await seedWorkspace(shell.session, 200);
  await page.reload();
  await openScreen(page, 'Calendar');
  await expect(page.getByTestId('calendar-month')).toBeVisible();
  await expect(page.locator('.rbc-event').first()).toBeVisible();
  // Crowded days fold into "+N more releases"; nothing is being dragged, so no drag panel.
  await expect(page.locator('.rbc-event', { hasText: /^\+\d+ more releases$/ }).first()).toBeVisible();
  await expect(page.getByTestId('drag-preview')).toHaveCount(0);
  await snap(page, 'calendar-month');

  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('calendar-period')).toHaveText('December 2026');
  await page.keyboard.press('t');
  await expect(page.getByTestId('calendar-period')).toHaveText('November 2026');

  await page.keyboard.press('w');
  await expect(page.getByTestId('calendar-week')).toBeVisible();
  await expect(page.getByTestId('calendar-period')).toHaveText('23 – 29 Nov 2026');
  await snap(page, 'calendar-week');

  await page.keyboard.press('l');
  await expect(page.getByTestId('calendar-timeline')).toBeVisible();
  await expect(page.getByTestId('timeline-row').first()).toBeVisible();
  await expect(page.getByTestId('timeline-bar').first()).toBeVisible();
  await snap(page, 'calendar-timeline-month');
  await page.keyboard.press('-');
  await expect(page.getByTestId('calendar-period')).toHaveText('Q4 2026 (Oct – Dec)');
  await snap(page, 'calendar-timeline-quarter');
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await expect(page.getByTestId('calendar-period')).toHaveText('23 – 29 Nov 2026');
  await snap(page, 'calendar-timeline-week');

  await page.getByRole('button', { name: 'Switch to dark mode' }).click();
  await snap(page, 'calendar-timeline-dark');
  await page.keyboard.press('m');
  await expect(page.getByTestId('calendar-month')).toBeVisible();
  await snap(page, 'calendar-month-dark');

  await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
  await expect(page.getByText('Previous / next month, week or timeline period')).toBeVisible();
  await snap(page, 'calendar-keyboard-help');
});

test('a malformed .ics file gets a clear error and imports nothing; a good one is previewed, then imported', async ({ app: page }) => {
  await page.clock.setFixedTime(TODAY);
  await addSystem(page, 'Payments API');
  await addEnvironment(page, 'Production EU', { production: true });
  await openScreen(page, 'Calendar');
  await page.getByRole('button', { name: 'iCalendar' }).click();
  await page.getByRole('menuitem', { name: 'Import windows from .ics…' }).click();
  const modal = dialog(page, 'Import windows from an .ics file');

  await modal.locator('input[type=file]').setInputFiles({ name: 'broken.ics', mimeType: 'text/calendar', buffer: Buffer.from('BEGIN:VCALENDAR\nthis is not a calendar') });
  await expect(modal.getByRole('alert')).toContainText('This file cannot be imported');
  await expect(modal.getByRole('button', { name: /^Import/ })).toBeDisabled();
  await snap(page, 'calendar-ics-import-error');

  const holidays = [
    'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Example//Holidays//EN',
    'BEGIN:VEVENT', 'UID:xmas-2026@example.com', 'DTSTAMP:20261101T000000Z', 'SUMMARY:Christmas shutdown',
    'DTSTART;VALUE=DATE:20261224', 'DTEND;VALUE=DATE:20261227', 'END:VEVENT',
    'END:VCALENDAR',
  ].join('\r\n');
  await modal.locator('input[type=file]').setInputFiles({ name: 'holidays.ics', mimeType: 'text/calendar', buffer: Buffer.from(holidays) });
  await expect(modal.getByTestId('ics-preview')).toContainText('Christmas shutdown');
  await modal.getByRole('button', { name: 'Import 1 window' }).click();
  await expect(modal).toBeHidden();
  await page.keyboard.press('ArrowRight');
  await expect(calendarEvent(page, 'Christmas shutdown')).toBeVisible();

  // A window opens in the window editor; a weekly maintenance window is one preset away.
  await calendarEvent(page, 'Christmas shutdown').click();
  const editor = dialog(page, 'Edit Christmas shutdown');
  await expect(editor.getByLabel('Name')).toHaveValue('Christmas shutdown');
  await editor.getByLabel('Reason').fill('Office closed');
  await editor.getByRole('button', { name: 'Save changes' }).click();
  await expect(editor).toBeHidden();

  await page.getByRole('button', { name: 'New window' }).click();
  await page.getByRole('menuitem', { name: 'Maintenance window…' }).click();
  const form = dialog(page, 'New maintenance window');
  await form.getByLabel('Name').fill('Saturday patch window');
  await pickDateTime(form, 'Start', '5 December 2026', '22:00');
  await pickDateTime(form, 'End', '6 December 2026', '04:00');
  await expect(form.getByRole('combobox', { name: 'Repeats' })).toHaveValue('Every Saturday');
  await snap(page, 'calendar-window-editor');
  await form.getByRole('button', { name: 'Add maintenance window' }).click();
  await expect(form).toBeHidden();
  // Maintenance is the backdrop: the month grid keeps its slots for releases and says where the windows are.
  await expect(calendarEvent(page, 'Saturday patch window')).toHaveCount(0);
  await expect(page.getByTestId('calendar-summary')).toContainText('maintenance windows show in the week and timeline views');
  await page.keyboard.press('w');
  await expect(page.locator('.rbc-background-event', { hasText: 'Saturday patch window' }).first()).toBeVisible();
  await page.keyboard.press('m');
  await page.keyboard.press('l');
  await expect(page.getByTestId('timeline-window').first()).toBeVisible();
  await snap(page, 'calendar-timeline-windows');
});
