import type { RunningWebServer } from '../../../electron/web/web-server';
import { planReleaseFromCalendar } from '../fixtures/calendar-steps';
import { executionRow } from '../fixtures/runbook-steps';
import { seedWorkspace } from '../fixtures/seed-workspace';
import { expect, test } from '../fixtures/web-shell';
import { dialog, openScreen } from '../fixtures/ui-steps';

/** Issue 17, for screen readers: what changes without focus moving is said by the one pair of live regions (shared/LiveAnnouncer); charts are described by their tables. */

async function call(session: RunningWebServer['session'], method: string, input: unknown): Promise<{ id: string }> {
  const result = await session.dispatch(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value as { id: string };
}

test('a collision that appears on the calendar is announced, the ones already there are not', async ({ app: page, shell }) => {
  const system = await call(shell.session, 'systems.create', { name: 'Payments API' });
  const production = await call(shell.session, 'environments.create', { name: 'Production EU', isProduction: true });
  const plan = (name: string, start: string, end: string) =>
    call(shell.session, 'releases.create', { name, version: '1.0', systemIds: [system.id], environmentIds: [production.id], windowStart: start, windowEnd: end, timeZone: 'UTC' });
  await plan('Payments', '2026-11-26T10:00:00Z', '2026-11-26T12:00:00Z');
  await plan('Search', '2026-11-26T11:00:00Z', '2026-11-26T12:00:00Z');
  await page.clock.setFixedTime(new Date('2026-11-23T09:00:00Z'));
  await page.reload();
  await openScreen(page, 'Calendar');
  await expect(page.getByTestId('collision-item')).toHaveCount(1);
  const polite = page.getByTestId('announcer-polite');
  await expect(polite).toHaveText('');
  // Planned from the calendar: the form closes, the calendar reloads and says what is new.
  await planReleaseFromCalendar(page, { name: 'Ledger', version: '1.0', system: 'Payments API', environment: 'Production EU', day: '26 November 2026', from: '11:30', to: '13:00' });
  await expect(polite).toContainText(/new collisions?/);
  await expect(polite).toContainText('Ledger 1.0');
  await expect(page.getByRole('status').filter({ hasText: 'Ledger 1.0' })).toHaveAttribute('aria-live', 'polite');
});

test('a step completing during execution is announced', async ({ app: page, shell }) => {
  await seedWorkspace(shell.session, 20);
  await page.reload();
  await openScreen(page, 'Runbooks');
  await page.getByRole('tab', { name: 'Execution' }).click();
  await executionRow(page, 'Freeze merges to the release branch').getByRole('button', { name: 'Start' }).click();
  const confirm = dialog(page, /before the window opens\?/);
  await confirm.getByRole('button', { name: 'Start the rehearsal' }).click();
  await expect(confirm).toBeHidden();
  await page.getByTestId('exec-card-3').getByRole('button', { name: 'Complete' }).click();
  await expect(page.getByTestId('announcer-polite')).toHaveText('Step 3 completed: Freeze merges to the release branch.');
});

test('a sync that fails is announced at once', async ({ app: page, shell }) => {
  // A team server nobody listens on: the sync fails with a sentence, and the header says it aloud.
  await call(shell.session, 'sync.configure', { mode: 'server', serverUrl: 'http://127.0.0.1:9', token: 'team-token' });
  await page.reload();
  const assertive = page.getByTestId('announcer-assertive');
  await expect(assertive).toHaveText('');
  await page.getByTestId('sync-indicator').click();
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(assertive).toContainText('Sync failed:');
  await expect(assertive).toHaveAttribute('aria-live', 'assertive');
});

test('each metrics chart is a named picture described by its table of figures', async ({ app: page, shell }) => {
  await seedWorkspace(shell.session, 40);
  await page.reload();
  await openScreen(page, 'Metrics');
  const charts = page.getByRole('img', { name: /: chart$/ });
  await expect(charts.first()).toBeVisible();
  for (const chart of await charts.all()) {
    const tableId = await chart.getAttribute('aria-describedby');
    const table = page.locator(`[id="${tableId}"]`);
    await expect(table).toHaveRole('table');
    await expect(table.getByRole('columnheader', { name: 'Period' })).toBeVisible();
  }
});
