import type { Page } from '@playwright/test';
import { test, expect, snap } from '../fixtures/web-shell';
import { chooseCurrentPerson, dialog, openScreen, releaseRow } from '../fixtures/ui-steps';
import { dependsOnPills, ENGINEER, executionRow, haltSecurity, LEAD, seedWeekendRunbook, SECURITY, wallClock } from '../fixtures/runbook-steps';

/** The war room on a release weekend (issue 18, issue 13): clocks, failures, abort, the readiness gate, statuses. */

/** 19 days ahead, at 21:00 UTC: 16:00 in New York, 02:30 the next day in Kolkata. */
function windowWeeksAhead(): number {
  const today = new Date();
  return Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + 19, 21, 0);
}

async function openExecution(page: Page): Promise<void> {
  await page.reload();
  await openScreen(page, 'Runbooks');
  await page.getByRole('tab', { name: 'Execution' }).click();
  await expect(page.getByTestId('execution-view')).toBeVisible();
}

async function topOfExecution(page: Page): Promise<void> {
  await page.mouse.move(700, 860);
  await page.getByTestId('execution-view').evaluate((view) => view.parentElement?.scrollTo(0, 0));
}

async function darkSnap(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'Switch to dark mode' }).click();
  await topOfExecution(page);
  await snap(page, `${name}-dark`);
  await page.getByRole('button', { name: 'Switch to light mode' }).click();
}

const releaseLine = (page: Page) => page.getByTestId('execution-release-line');

test.describe('before the window, in New York', () => {
  test.use({ timezoneId: 'America/New_York' });

  test('every time carries its date, the start asks why, and a rehearsal moves neither the release nor the metrics', async ({ app: page, shell }) => {
    const windowStart = windowWeeksAhead();
    const { release } = await seedWeekendRunbook(shell.session, windowStart);
    await openExecution(page);

    const zone = 'America/New_York';
    const opens = wallClock(windowStart, zone);
    const closes = wallClock(windowStart + 3 * 3_600_000, zone);
    expect(opens.time).toBe('16:00');
    await expect(page.getByTestId('execution-now')).toContainText(`window ${opens.day} 16:00 – ${closes.time}`);
    await expect(page.getByTestId('execution-now')).not.toContainText(wallClock(Date.now(), zone).day);
    const planned = page.getByTestId('planned-end');
    await expect(planned).toContainText(opens.day);
    // The pre-check is planned 20 minutes before the window, on its own day.
    await expect(executionRow(page, 'Check the payment provider status page')).toContainText(`15:40${opens.day}`);
    await expect(page.getByTestId('execution-progress')).toContainText('0 of 6');
    await expect(page.getByTestId('outside-window')).toContainText(/^Now is \d+ days before the window opens: starting asks for a reason/);
    await topOfExecution(page);
    await snap(page, 'execution-before-window-view');

    await executionRow(page, 'Check the payment provider status page').getByRole('button', { name: 'Start' }).click();
    const confirm = dialog(page, /\d+ days before the window opens\?/);
    await expect(confirm).toContainText(`The window is ${opens.day} 16:00 – ${closes.time}`);
    await expect(confirm.getByRole('radio', { name: 'A rehearsal' })).toBeChecked();
    await expect(confirm.getByLabel('Reason')).toHaveValue('Rehearsal');
    await snap(page, 'execution-before-window');
    // The same question in dark: the switch sits behind the dialog, so ask again after switching.
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('button', { name: 'Switch to dark mode' }).click();
    await executionRow(page, 'Check the payment provider status page').getByRole('button', { name: 'Start' }).click();
    await expect(confirm.getByLabel('Reason')).toHaveValue('Rehearsal');
    await page.mouse.move(700, 860);
    await snap(page, 'execution-before-window-dark');
    await confirm.getByLabel('Reason').fill('Rehearsal with the DBA team');
    await confirm.getByRole('button', { name: 'Start the rehearsal' }).click();
    await expect(confirm).toBeHidden();

    await expect(page.getByTestId('rehearsal-banner')).toBeVisible();
    await expect(page.getByTestId('execution-phase')).toContainText('Running');
    // Projections follow the actual start: on time, today, not "ahead" by 19 days, and not at the window's hour.
    await expect(page.getByTestId('projected-end')).toContainText('On time');
    await expect(page.getByTestId('projected-end')).not.toContainText(opens.day);
    await expect(releaseLine(page)).toContainText('In readiness');
    await expect(executionRow(page, 'Check the payment provider status page').getByTestId('step-records')).toContainText('(Rehearsal with the DBA team)');
    await topOfExecution(page);
    await snap(page, 'execution-rehearsal-dark');
    await page.getByRole('button', { name: 'Switch to light mode' }).click();
    await topOfExecution(page);
    await snap(page, 'execution-rehearsal');
    const status = await shell.session.client()['releases.get']({ id: release.id });
    expect(status.ok && (status.value as { status: string }).status).toBe('in-readiness');
  });
});

test.describe('in Kolkata', () => {
  test.use({ timezoneId: 'Asia/Kolkata' });

  test('the same weekend reads in the viewer’s zone, with the next day’s date', async ({ app: page, shell }) => {
    const windowStart = windowWeeksAhead();
    await seedWeekendRunbook(shell.session, windowStart);
    await openExecution(page);
    const opens = wallClock(windowStart, 'Asia/Kolkata');
    expect(opens.time).toBe('02:30');
    await expect(page.getByTestId('execution-now')).toContainText(`window ${opens.day} 02:30 – 05:30`);
    await expect(executionRow(page, 'Check the payment provider status page')).toContainText(`02:10${opens.day}`);
    await expect(page.getByTestId('execution-now')).toHaveAttribute('title', /Europe\/Berlin, the release's zone/);
  });
});

test('a failed step: never ahead, a banner with retry, skip and no-go; a no-go before the point of no return aborts', async ({ app: page, shell }) => {
  const { release } = await seedWeekendRunbook(shell.session);
  await openExecution(page);
  await expect(releaseLine(page)).toContainText('In readiness');

  const check = executionRow(page, 'Check the payment provider status page');
  await check.getByRole('button', { name: 'Start' }).click();
  await expect(check).toContainText('Running');
  // Execution sets the release's status: in progress from the first start.
  await expect(releaseLine(page)).toContainText('In progress');
  await check.getByRole('button', { name: 'Fail' }).click();
  const fail = dialog(page, /Fail: Check the payment provider/);
  await fail.getByLabel('Reason').fill('Provider reports a partial outage');
  await fail.getByRole('button', { name: 'Record fail' }).click();
  await expect(fail).toBeHidden();

  const banner = page.getByTestId('failure-banner');
  await expect(banner).toContainText('Step 1 failed: Check the payment provider status page');
  await expect(banner).toContainText('“Provider reports a partial outage”');
  await expect(banner.getByRole('button', { name: 'Retry' })).toBeEnabled();
  await expect(banner.getByRole('button', { name: 'Skip…' })).toBeEnabled();
  await expect(page.getByTestId('execution-phase')).toContainText('Step failed');
  await expect(check).toContainText('Failed');
  await expect(check).not.toContainText('ahead');
  await expect(page.getByTestId('projected-end')).toContainText('held by a failure');
  await topOfExecution(page);
  await snap(page, 'execution-after-failure');
  await darkSnap(page, 'execution-after-failure');

  await banner.getByRole('button', { name: 'No-go…' }).click();
  const noGo = dialog(page, /No-go at: Check the payment provider/);
  await expect(noGo).toContainText('nothing has changed in production yet');
  await expect(noGo.getByRole('radio', { name: 'Abort: nothing was deployed' })).toBeChecked();
  await noGo.getByRole('button', { name: 'Abort the release' }).click();
  await expect(noGo.getByText('Reason is required.')).toBeVisible();
  await noGo.getByLabel('Reason').fill('Provider outage: we try again next weekend');
  await noGo.getByRole('button', { name: 'Abort the release' }).click();
  await expect(noGo).toBeHidden();

  await expect(page.getByTestId('ended-banner')).toContainText('Aborted: nothing was deployed');
  await expect(page.getByTestId('execution-phase')).toContainText('Aborted');
  await expect(releaseLine(page)).toContainText('Aborted (nothing deployed)');
  await expect(releaseLine(page).getByTestId('gate-badge')).toHaveText('Readiness gate: HALTED');
  await expect(page.getByTestId('failure-banner')).toHaveCount(0);
  await topOfExecution(page);
  await snap(page, 'execution-after-abort');
  await darkSnap(page, 'execution-after-abort');

  // The same status everywhere: the releases table, and no deployment for the metrics.
  await openScreen(page, 'Releases');
  await expect(releaseRow(page, 'Payments')).toContainText('Aborted (nothing deployed)');
  const deployments = await shell.session.client()['deployments.list']({ releaseId: release.id });
  expect(deployments.ok && deployments.value).toEqual([]);
});

test('after the point of no return a no-go rolls back, and the release is rolled back; a go to the end releases it', async ({ app: page, shell }) => {
  await seedWeekendRunbook(shell.session);
  await openExecution(page);
  const run = async (title: string) => {
    await executionRow(page, title).getByRole('button', { name: 'Start' }).click();
    await executionRow(page, title).getByRole('button', { name: 'Complete' }).click();
    await expect(executionRow(page, title)).toContainText('Done');
  };
  await run('Check the payment provider status page');
  // Under the presumptive policy nothing halted means the gate says go: it is passed with a plain Go.
  await executionRow(page, 'Readiness gate').getByRole('button', { name: 'Go', exact: true }).click();
  await expect(executionRow(page, 'Readiness gate')).toContainText('Go');
  const start = executionRow(page, 'Go/no-go: start the cutover');
  await expect(start).toContainText('Approvers: Ada Lead · Go when: Provider green and the on-call engineers on the bridge');
  await start.getByRole('button', { name: 'Go', exact: true }).click();
  await run('Switch on maintenance mode');
  await run('Deploy payments-api');
  await expect(page.getByTestId('execution-progress')).toContainText('5 of 6');

  await executionRow(page, 'Go/no-go: open the shop').getByRole('button', { name: 'No-go' }).click();
  const noGo = dialog(page, /No-go at: Go\/no-go: open the shop/);
  // Past the point of no return there is no abort: the rollback runs.
  await expect(noGo.getByRole('radio')).toHaveCount(0);
  await noGo.getByLabel('Reason').fill('Checkout error rate 4 %');
  await noGo.getByRole('button', { name: 'No-go: move to rollback' }).click();
  await expect(page.getByTestId('execution-phase')).toContainText('Rolling back');
  await expect(releaseLine(page)).toContainText('In progress');
  await run('Roll back payments-api');
  await expect(page.getByTestId('execution-phase')).toContainText('Rolled back');
  await expect(releaseLine(page)).toContainText('Rolled back');
  await openScreen(page, 'Releases');
  await expect(releaseRow(page, 'Payments')).toContainText('Rolled back');
});

test('a go to the end releases the release', async ({ app: page, shell }) => {
  const { release } = await seedWeekendRunbook(shell.session);
  await openExecution(page);
  await executionRow(page, 'Check the payment provider status page').getByRole('button', { name: 'Skip' }).click();
  const skip = dialog(page, /Skip: /);
  await skip.getByLabel('Reason').fill('Checked on the bridge');
  await skip.getByRole('button', { name: 'Record skip' }).click();
  await expect(skip).toBeHidden();
  await executionRow(page, 'Readiness gate').getByRole('button', { name: 'Go', exact: true }).click();
  for (const title of ['Go/no-go: start the cutover', 'Switch on maintenance mode', 'Deploy payments-api', 'Go/no-go: open the shop']) {
    const row = executionRow(page, title);
    if (title.startsWith('Go/no-go')) await row.getByRole('button', { name: 'Go', exact: true }).click();
    else {
      await row.getByRole('button', { name: 'Start' }).click();
      await row.getByRole('button', { name: 'Complete' }).click();
    }
    await expect(row).toContainText(title.startsWith('Go/no-go') ? 'Go' : 'Done');
  }
  await expect(page.getByTestId('execution-phase')).toContainText('Finished');
  await expect(releaseLine(page)).toContainText('Released');
  const deployments = await shell.session.client()['deployments.list']({ releaseId: release.id });
  expect(deployments.ok && (deployments.value as Array<{ result: string }>).map((d) => d.result)).toEqual(['succeeded']);
});

test('the readiness gate step blocks Go on a halt; only the release coordinator overrides, and it is recorded', async ({ app: page, shell }) => {
  const { release } = await seedWeekendRunbook(shell.session);
  await haltSecurity(shell.session, release.id, 'CVE-2026-4411 in the TLS library is not patched');
  await openExecution(page);
  const check = executionRow(page, 'Check the payment provider status page');
  await check.getByRole('button', { name: 'Start' }).click();
  await check.getByRole('button', { name: 'Complete' }).click();

  const gate = page.getByTestId('exec-card-2');
  await expect(gate).toContainText('Readiness gate');
  await expect(gate.getByTestId('gate-badge')).toHaveText('Gate: HALTED');
  await expect(gate.getByTestId('gate-lines')).toContainText(`Security halted by ${SECURITY}`);
  await expect(gate.getByTestId('gate-lines')).toContainText('CVE-2026-4411');
  await expect(gate.getByRole('button', { name: 'Go', exact: true })).toBeDisabled();
  await gate.getByRole('button', { name: 'Go', exact: true }).locator('..').hover();
  await expect(page.getByRole('tooltip')).toContainText('The readiness gate says HALTED');
  await topOfExecution(page);
  await snap(page, 'execution-readiness-gate-halted');

  // An engineer cannot override; the core says why, inside the dialog.
  await chooseCurrentPerson(page, ENGINEER);
  await gate.getByRole('button', { name: 'Override' }).click();
  const override = dialog(page, /Override: Readiness gate/);
  await override.getByLabel('Reason').fill('The CVE is not reachable from outside');
  await override.getByRole('button', { name: 'Override the gate' }).click();
  await expect(override.getByTestId('action-error')).toContainText('needs the release coordinator role');
  await override.getByRole('button', { name: 'Cancel' }).click();

  await chooseCurrentPerson(page, LEAD);
  await gate.getByRole('button', { name: 'Override' }).click();
  await override.getByLabel('Reason').fill('The CVE is not reachable from outside');
  await override.getByRole('button', { name: 'Override the gate' }).click();
  await expect(override).toBeHidden();
  await expect(executionRow(page, 'Readiness gate')).toContainText('Go');
  await expect(executionRow(page, 'Readiness gate').getByTestId('step-records')).toContainText(`Gate overridden`);
  await expect(executionRow(page, 'Readiness gate').getByTestId('step-records')).toContainText(`by ${LEAD} (The CVE is not reachable from outside)`);
});

test('a mis-clicked Complete is reopened with a reason, shown in the audit; Start does not make the page jump', async ({ app: page, shell }) => {
  const { runbookId } = await seedWeekendRunbook(shell.session);
  // A second step that may start now: both are "Next" until one of them runs.
  const announce = await shell.session.client()['runbookSteps.create']({ runbookId, title: 'Announce the window to support', kind: 'communication', section: 'Pre-checks', fixedStartOffsetMinutes: -20 });
  expect(announce.ok).toBe(true);
  await page.setViewportSize({ width: 1440, height: 1300 });
  await openExecution(page);
  const check = executionRow(page, 'Check the payment provider status page');
  const before = (await check.boundingBox())!.y;
  await check.getByRole('button', { name: 'Start' }).click();
  await expect(check).toContainText('Running');
  // "Running now" appeared above the list while "Next" kept a card: the row stays where it was clicked.
  await expect(page.getByText('Running now')).toBeVisible();
  expect(Math.abs((await check.boundingBox())!.y - before)).toBeLessThanOrEqual(2);

  await check.getByRole('button', { name: 'Complete' }).click();
  await expect(check).toContainText('Done');
  await check.getByRole('button', { name: 'Reopen' }).click();
  const reopen = dialog(page, /Reopen: Check the payment provider/);
  await expect(reopen).toContainText('undoes a mis-clicked Start, Complete or Skip');
  await reopen.getByLabel('Reason').fill('Clicked Complete on the wrong row');
  await reopen.getByRole('button', { name: 'Reopen the step' }).click();
  await expect(reopen).toBeHidden();
  await expect(check).toContainText('Running');
  await expect(check.getByTestId('step-records')).toContainText(`Reopened`);
  await expect(check.getByTestId('step-records')).toContainText('(Clicked Complete on the wrong row)');

  await openScreen(page, 'Releases');
  await releaseRow(page, 'Payments').click();
  const audit = page.getByTestId('audit-timeline');
  await expect(audit).toContainText('Reopened "Check the payment provider status page" (Payments 2.4.0 cutover).');
  await expect(audit).toContainText('Clicked Complete on the wrong row');
});

test('step defaults: a new step lands in the chosen step’s section and waits for it; never in Rollback; the Section box lists every section', async ({ app: page, shell }) => {
  await seedWeekendRunbook(shell.session);
  await page.reload();
  await openScreen(page, 'Runbooks');
  await expect(page.getByTestId('step-table')).toBeVisible();

  // Nothing chosen: after the last forward step, in its section, waiting for nothing.
  await page.getByRole('button', { name: 'Add step' }).first().click();
  let drawer = dialog(page, 'New step');
  await expect(drawer.getByRole('combobox', { name: 'Section' })).toHaveValue('Verify');
  await expect(dependsOnPills(drawer)).toHaveCount(0);
  // The box holds "Verify" and still lists every section.
  await drawer.getByRole('combobox', { name: 'Section' }).click();
  for (const section of ['Pre-checks', 'Deploy', 'Verify', 'Rollback', 'Communication']) {
    await expect(page.getByRole('option', { name: section, exact: true })).toBeVisible();
  }
  await snap(page, 'runbook-step-editor-sections');
  await drawer.getByRole('combobox', { name: 'Section' }).press('Escape');
  await drawer.getByRole('button', { name: 'Cancel' }).click();

  // "A" below the deploy: the Deploy section, after the deploy.
  await page.getByTestId('step-table').getByRole('row', { name: /^5 Deploy payments-api$/ }).click();
  await page.keyboard.press('a');
  drawer = dialog(page, 'New step');
  await expect(drawer.getByRole('combobox', { name: 'Section' })).toHaveValue('Deploy');
  await expect(dependsOnPills(drawer)).toHaveText(['5. Deploy payments-api']);
  await drawer.getByLabel('Title').fill('Warm the caches');
  await drawer.getByRole('button', { name: 'Add step' }).click();
  await expect(drawer).toBeHidden();
  const added = page.getByTestId('step-table').getByRole('row', { name: /^6 Warm the caches$/ });
  await expect(added).toBeVisible();
  await expect(added.getByRole('gridcell').nth(6)).toHaveText('5');

  // A go/no-go step names its approvers and its criteria.
  await page.getByTestId('step-table').getByRole('row', { name: /^3 Go\/no-go: start the cutover$/ }).dblclick();
  const edit = dialog(page, /Step 3/);
  await expect(edit.getByRole('textbox', { name: 'Go criteria' })).toHaveValue('Provider green and the on-call engineers on the bridge');
  await expect(edit).toContainText('Ada Lead');
  await snap(page, 'runbook-step-editor-checkpoint');
  await edit.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('button', { name: 'Switch to dark mode' }).click();
  await page.getByTestId('step-table').getByRole('row', { name: /^3 Go\/no-go: start the cutover$/ }).dblclick();
  await expect(edit.getByRole('textbox', { name: 'Go criteria' })).toBeVisible();
  await snap(page, 'runbook-step-editor-checkpoint-dark');
});
