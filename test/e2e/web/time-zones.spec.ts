import fs from 'node:fs';
import type { RunningWebServer } from '../../../electron/web/web-server';
import { expect, snapLightAndDark, test } from '../fixtures/web-shell';
import { dialog, openScreen, releaseRow } from '../fixtures/ui-steps';

/**
 * One time zone per sentence (issue 18): a team plans in Berlin; a release manager reads in New York, another in
 * Kolkata. Every sentence, list, agenda, minutes and the audit are in the reader's zone; the planned zone is a
 * tooltip away on screen and in brackets in a file.
 */

async function call<T = { id: string }>(session: RunningWebServer['session'], method: string, input: unknown): Promise<T> {
  const result = await session.dispatch(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value as T;
}

async function seedBerlinPlan(session: RunningWebServer['session']) {
  const system = await call(session, 'systems.create', { name: 'Payments API' });
  const production = await call(session, 'environments.create', { name: 'Production', isProduction: true });
  const release = (name: string, version: string, start: string, end: string) =>
    call(session, 'releases.create', { name, version, systemIds: [system.id], environmentIds: [production.id], windowStart: start, windowEnd: end, timeZone: 'Europe/Berlin' });
  const payments = await release('Payments', '2.4.0', '2026-12-05T21:00:00+01:00', '2026-12-05T23:30:00+01:00');
  await release('Ledger', '1.0', '2026-12-05T22:30:00+01:00', '2026-12-06T00:30:00+01:00');
  // A later change, for the audit: the window moved an hour later.
  await call(session, 'releases.update', { id: payments.id, changes: { windowStart: '2026-12-05T22:00:00+01:00' } });
  // The coordination meeting, held at half past midnight in Berlin on Monday 30 November (Sunday evening UTC).
  await call(session, 'meetings.create', {
    title: 'Release coordination',
    from: '2026-11-30T00:00:00+01:00',
    to: '2026-12-14T00:00:00+01:00',
    heldAt: '2026-11-30T00:30:00+01:00',
    timeZone: 'Europe/Berlin',
  });
}

interface Reader {
  zone: string;
  collision: string;
  payments: string;
  auditChange: string;
  held: string;
  minutesHeld: string;
}

const READERS: Reader[] = [
  {
    zone: 'America/New_York',
    collision: 'Payments 2.4.0 and Ledger 1.0 both book Production on Sat 5 Dec 2026 16:30–17:30, and both change Payments API.',
    payments: 'Sat 5 Dec 2026, 16:00 – 17:30',
    auditChange: 'Changed Window start from Sat 5 Dec 2026 15:00 (America/New_York) to Sat 5 Dec 2026 16:00 (America/New_York).',
    held: 'Held Sun 29 Nov 2026, 18:30',
    minutesHeld: 'Held Sun 29 Nov 2026 18:30 [Mon 30 Nov 2026 00:30 Europe/Berlin].',
  },
  {
    zone: 'Asia/Kolkata',
    // Chromium reports Kolkata by its old name, Asia/Calcutta: the screen names it as the tz database does today.
    collision: 'Payments 2.4.0 and Ledger 1.0 both book Production on Sun 6 Dec 2026 03:00–04:00, and both change Payments API.',
    payments: 'Sun 6 Dec 2026, 02:30 – 04:00',
    auditChange: 'Changed Window start from Sun 6 Dec 2026 01:30 (Asia/Kolkata) to Sun 6 Dec 2026 02:30 (Asia/Kolkata).',
    held: 'Held Mon 30 Nov 2026, 05:00',
    minutesHeld: 'Held Mon 30 Nov 2026 05:00 [Mon 30 Nov 2026 00:30 Europe/Berlin].',
  },
];

for (const reader of READERS) {
  test.describe(`a reader in ${reader.zone}`, () => {
    test.use({ timezoneId: reader.zone });

    test('reads every time in their own zone, with the planned zone a tooltip away and in brackets in the minutes', async ({ app: page, shell }) => {
      await seedBerlinPlan(shell.session);
      await page.clock.setFixedTime(new Date('2026-12-01T12:00:00Z'));
      await page.reload();
      const slug = reader.zone.split('/')[1].toLowerCase();

      // The releases table, and the audit of the release: readable local dates, not ISO stamps.
      await expect(releaseRow(page, 'Payments')).toContainText(reader.payments);
      await releaseRow(page, 'Payments').click();
      const audit = dialog(page, 'Payments 2.4.0').getByTestId('audit-timeline');
      await expect(audit).toContainText(reader.auditChange);
      await expect(audit).not.toContainText('T21:00:00.000Z');
      await page.keyboard.press('Escape');

      // The calendar's collision card: the sentence in the reader's zone, the planned (Berlin) times on hover and focus.
      await openScreen(page, 'Calendar');
      const card = page.getByTestId('collision-item');
      await expect(card).toHaveCount(1);
      await expect(card.getByTestId('collision-sentence')).toHaveText(reader.collision);
      await card.getByTestId('collision-sentence').hover();
      await expect(page.getByRole('tooltip')).toHaveText('As planned: Sat 5 Dec 2026 22:30–23:30 (Europe/Berlin)');
      await snapLightAndDark(page, `collisions-panel-${slug}`);

      // The meeting: when it is held, and the agenda's collision, in the reader's zone.
      await openScreen(page, 'Meetings');
      await expect(page.getByTestId('meeting-held-at')).toHaveText(reader.held);
      await expect(page.getByTestId('agenda-collision').first()).toContainText(reader.collision);

      // The minutes: one zone for the file, named at the top; Berlin's times in brackets; the file named by the day the
      // meeting is held where it is held (30 November, whatever the reader's day or UTC's).
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Minutes (Markdown)' }).click();
      const file = await download;
      expect(file.suggestedFilename()).toBe('Release-coordination-2026-11-30-minutes.md');
      const md = fs.readFileSync((await file.path())!, 'utf8');
      expect(md).toContain(reader.minutesHeld);
      expect(md).toContain(`Times in ${reader.zone}.`);
      expect(md).toContain(`${reader.collision} [Planned as Sat 5 Dec 2026 22:30–23:30 (Europe/Berlin).]`);
    });
  });
}
