import fs from 'node:fs';
import type { RunbookSummary, RunbookView } from '../../../electron/contract/runbook-entities';
import { test, expect, snap } from '../fixtures/web-shell';
import { chooseCurrentPerson, dialog, openScreen } from '../fixtures/ui-steps';
import { seedWorkspace } from '../fixtures/seed-workspace';
import { ENGINEER, executionRow, fillStep, GOOD_PLAN, LEAD, PLAN_WITH_BAD_ROW, seedRunbookRelease, stepRow } from '../fixtures/runbook-steps';
import { cutoverWeekendWorkbook } from '../../fixtures/runbooks/cutover-weekend-workbook';

const TIME_BY = (action: string, who: string) => new RegExp(`${action} \\d\\d:\\d\\d by ${who}`);

test('build a runbook with dependencies, see its critical path, execute it into a no-go and roll back', async ({ app: page, shell }) => {
  await seedRunbookRelease(shell.session);
  await page.reload();
  await openScreen(page, 'Runbooks');
  await expect(page.getByText('No runbook yet')).toBeVisible();

  await page.getByRole('button', { name: 'New runbook' }).first().click();
  const create = dialog(page, 'New runbook');
  await create.getByRole('combobox', { name: 'Release' }).click();
  await page.getByRole('option', { name: /^Payments 2\.4\.0/ }).click();
  await expect(create.getByLabel('Name')).toHaveValue('Payments 2.4.0 runbook');
  await create.getByRole('button', { name: 'Create runbook' }).click();
  await expect(create).toBeHidden();
  await expect(page.getByTestId('runbook-name')).toHaveText('Payments 2.4.0 runbook');
  await expect(page.getByText('No steps yet')).toBeVisible();

  // The first step from the button, the rest from the keyboard: A adds below the focus row.
  await page.getByRole('button', { name: 'Add step' }).first().click();
  await fillStep(page, { title: 'Freeze merges', section: 'Pre-checks', duration: '10', owner: LEAD, command: 'gh api -X PUT repos/acme/payments/branches/release/protection' });
  await stepRow(page, 'Freeze merges').click();
  await page.keyboard.press('a');
  await fillStep(page, { title: 'Deploy payments-api', section: 'Deploy', duration: '1h 30m', owner: ENGINEER, after: ['1. Freeze merges'], description: 'Run **helm upgrade** and wait.' });
  await stepRow(page, 'Deploy payments-api').click();
  await page.keyboard.press('a');
  await fillStep(page, { title: 'Smoke test checkout', section: 'Verify', duration: '01:30', owner: ENGINEER, after: ['2. Deploy payments-api'] });
  await page.keyboard.press('a');
  await fillStep(page, { title: 'Check dashboards', section: 'Verify', duration: '10', after: ['2. Deploy payments-api'] });
  await page.keyboard.press('a');
  await fillStep(page, { title: 'Go/no-go: open the shop', kind: 'Go/no-go checkpoint', section: 'Verify', duration: '5', owner: LEAD, after: ['3. Smoke test checkout', '4. Check dashboards'] });
  await page.keyboard.press('a');
  await fillStep(page, { title: 'Roll back payments-api', kind: 'Rollback', section: 'Rollback', duration: '30', owner: ENGINEER });

  // The durations as typed, and the critical path: the long smoke test, not the short dashboard check.
  await expect(stepRow(page, 'Deploy payments-api')).toContainText('1 h 30 min');
  await expect(stepRow(page, 'Smoke test checkout')).toContainText('1 h 30 min');
  for (const title of ['Freeze merges', 'Deploy payments-api', 'Smoke test checkout', 'Go/no-go: open the shop']) {
    await expect(stepRow(page, title).getByTestId('critical-marker')).toBeVisible();
  }
  await expect(stepRow(page, 'Check dashboards').getByTestId('critical-marker')).toHaveCount(0);
  await expect(stepRow(page, 'Check dashboards')).toContainText('1 h 20 min slack');
  await expect(page.getByTestId('section-Rollback')).toContainText('runs only after a no-go');

  // A cycle is refused on the dependencies field, naming the steps in it; nothing is written.
  await stepRow(page, 'Freeze merges').dblclick();
  const edit = dialog(page, /Step 1/);
  await edit.getByRole('combobox', { name: 'Depends on' }).click();
  await page.getByRole('option', { name: '5. Go/no-go: open the shop' }).click();
  await edit.getByRole('combobox', { name: 'Depends on' }).press('Escape');
  await edit.getByRole('button', { name: 'Save step' }).click();
  await expect(edit.getByText(/cycle/i)).toBeVisible();
  await expect(edit.getByText(/Freeze merges/).first()).toBeVisible();
  await snap(page, 'runbooks-step-editor-cycle');
  await edit.getByRole('button', { name: 'Cancel' }).click();
  // Its "After" cell (the 7th) still names no step.
  await expect(stepRow(page, 'Freeze merges').getByRole('gridcell').nth(6)).toHaveText('—');

  // Keyboard reordering: Alt+↑ moves the dashboard check above the smoke test.
  await stepRow(page, 'Check dashboards').click();
  await page.keyboard.press('Alt+ArrowUp');
  await expect(page.getByTestId('step-table').getByRole('row', { name: '3 Check dashboards' })).toBeVisible();
  await stepRow(page, 'Freeze merges').click();
  await snap(page, 'runbooks-table');
  await page.keyboard.press('?');
  await expect(page.getByText('Step table keys')).toBeVisible();
  await snap(page, 'runbooks-shortcuts');
  await page.keyboard.press('Escape');

  await page.getByRole('tab', { name: 'Timeline' }).click();
  const timeline = page.getByTestId('timeline');
  await expect(timeline.locator('[data-testid="timeline-bar"][data-critical]')).toHaveCount(4);
  await expect(timeline.getByTestId('now-line')).toHaveCount(1);
  await expect(timeline).toContainText('Window opens');
  await snap(page, 'runbooks-timeline');

  // Execution: nobody chosen yet, so the screen says so and records nothing.
  await page.getByRole('tab', { name: 'Execution' }).click();
  await expect(page.getByTestId('choose-person')).toBeVisible();
  await expect(executionRow(page, 'Freeze merges').getByRole('button', { name: 'Start' })).toBeDisabled();
  await chooseCurrentPerson(page, LEAD);
  await expect(page.getByTestId('choose-person')).toBeHidden();

  const freeze = executionRow(page, 'Freeze merges');
  await freeze.getByRole('button', { name: 'Start' }).click();
  await expect(freeze).toContainText('Running');
  await expect(freeze.getByTestId('step-records')).toHaveText(TIME_BY('Started', LEAD));
  await freeze.getByRole('button', { name: 'Complete' }).click();
  await expect(freeze).toContainText('Done');
  await expect(freeze.getByTestId('step-records')).toContainText(TIME_BY('Done', LEAD));

  const deploy = executionRow(page, 'Deploy payments-api');
  await deploy.getByRole('button', { name: 'Start' }).click();
  await deploy.getByRole('button', { name: 'Fail' }).click();
  const fail = dialog(page, /Fail: Deploy payments-api/);
  await fail.getByRole('button', { name: 'Record fail' }).click();
  await expect(fail.getByText('Reason is required.')).toBeVisible();
  await fail.getByLabel('Reason').fill('Helm timed out waiting for the rollout');
  await fail.getByRole('button', { name: 'Record fail' }).click();
  await expect(fail).toBeHidden();
  await expect(deploy).toContainText('Failed');
  await expect(deploy.getByTestId('step-records')).toContainText(TIME_BY('Failed', LEAD));
  await expect(deploy.getByTestId('step-records')).toContainText('Helm timed out waiting for the rollout');

  // The failure stops the phase, with a banner; retried from the row: started again and done; then both checks.
  await expect(page.getByTestId('failure-banner')).toContainText('Step 2 failed: Deploy payments-api');
  await expect(deploy).not.toContainText('ahead');
  await deploy.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByTestId('failure-banner')).toHaveCount(0);
  await deploy.getByRole('button', { name: 'Complete' }).click();
  await expect(deploy).toContainText('Done');
  for (const title of ['Smoke test checkout', 'Check dashboards']) {
    await executionRow(page, title).getByRole('button', { name: 'Start' }).click();
    await executionRow(page, title).getByRole('button', { name: 'Complete' }).click();
    await expect(executionRow(page, title)).toContainText('Done');
  }
  await expect(page.getByTestId('exec-card-5')).toContainText('Go/no-go: open the shop');
  await page.getByTestId('execution-view').evaluate((view) => view.parentElement?.scrollTo(0, 0));
  await snap(page, 'runbooks-execution');

  // No-go: the confirmation says it moves execution to the rollback section.
  await executionRow(page, 'Go/no-go: open the shop').getByRole('button', { name: 'No-go' }).click();
  const noGo = dialog(page, /No-go at: Go\/no-go: open the shop/);
  await expect(noGo).toContainText('execution moves to the rollback section');
  await noGo.getByLabel('Reason').fill('Checkout error rate 4 %');
  await noGo.getByRole('button', { name: 'No-go: move to rollback' }).click();
  await expect(noGo).toBeHidden();
  await expect(page.getByTestId('no-go-banner')).toContainText(`by ${LEAD}: “Checkout error rate 4 %”`);
  await expect(page.getByTestId('execution-view')).toContainText('Rolling back');
  const rollback = executionRow(page, 'Roll back payments-api');
  await rollback.getByRole('button', { name: 'Start' }).click();
  await expect(rollback.getByTestId('step-records')).toHaveText(TIME_BY('Started', LEAD));
  await page.getByRole('button', { name: 'Switch to dark mode' }).click();
  await page.mouse.move(700, 500);
  await page.getByTestId('execution-view').evaluate((view) => view.parentElement?.scrollTo(0, 0));
  await snap(page, 'runbooks-execution-rollback-dark');
  await rollback.getByRole('button', { name: 'Complete' }).click();
  await expect(page.getByTestId('execution-view')).toContainText('Rolled back');
  await expect(executionRow(page, 'Go/no-go: open the shop').getByTestId('step-records')).toHaveText(new RegExp(`No-go \\d\\d:\\d\\d by ${LEAD} \\(Checkout error rate 4 %\\)`));
});

test('an import preview with a bad row imports nothing; a good file imports every row', async ({ app: page, shell }) => {
  const { release } = await seedRunbookRelease(shell.session);
  const created = await shell.session.client()['runbooks.create']({ name: 'Payments cutover', releaseId: release.id });
  expect(created.ok).toBe(true);
  await page.reload();
  await openScreen(page, 'Runbooks');
  await expect(page.getByText('No steps yet')).toBeVisible();

  await page.getByRole('button', { name: 'Import' }).click();
  const importing = dialog(page, 'Import steps from a spreadsheet');
  await importing.locator('input[type=file]').setInputFiles({ name: 'cutover.csv', mimeType: 'text/csv', buffer: Buffer.from(PLAN_WITH_BAD_ROW) });
  const preview = importing.getByTestId('import-preview');
  await expect(preview).toBeVisible();
  await expect(preview).toContainText('Task → Title');
  await expect(importing.getByTestId('import-summary')).toContainText('rows have problems');
  const rows = importing.getByTestId('import-rows');
  await expect(rows.getByRole('row').filter({ hasText: 'Deploy payments-api' })).toContainText('OK');
  await expect(rows.getByRole('row').filter({ hasText: 'Open the shop' })).toContainText('Duration: "banana" is not a duration');
  await expect(rows.getByRole('row').filter({ hasText: 'Smoke test' })).toContainText('No row has ID 9');
  await expect(importing.getByRole('button', { name: /^Import/ })).toBeDisabled();
  await snap(page, 'runbooks-import-preview');
  await importing.getByRole('button', { name: 'Cancel' }).click();
  await expect(importing).toBeHidden();
  await expect(page.getByText('No steps yet')).toBeVisible();

  await page.getByRole('button', { name: 'Import' }).click();
  await importing.locator('input[type=file]').setInputFiles({ name: 'cutover.csv', mimeType: 'text/csv', buffer: Buffer.from(GOOD_PLAN) });
  await expect(importing.getByTestId('import-summary')).toContainText('All 3 rows are ready');
  await importing.getByRole('button', { name: 'Import 3 steps' }).click();
  await expect(importing).toBeHidden();
  await expect(stepRow(page, 'Deploy payments-api')).toContainText('1 h 30 min');
  await expect(stepRow(page, 'Smoke test')).toContainText('2');

  // Exports save a file: the CSV re-imports (same columns), the PDF is a PDF.
  const csvDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export' }).click();
  await page.getByRole('menuitem', { name: 'CSV (re-importable)' }).click();
  const csv = fs.readFileSync((await (await csvDownload).path())!, 'utf8');
  expect(csv).toContain('Deploy payments-api');
  const pdfDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export' }).click();
  await page.getByRole('menuitem', { name: 'PDF for printing' }).click();
  const pdf = await pdfDownload;
  expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
  expect(fs.readFileSync((await pdf.path())!).subarray(0, 5).toString()).toBe('%PDF-');
});

test('the demo cutover runbook: a template, multi-select delete with Undo, delete and restore a runbook', async ({ app: page, shell }) => {
  await seedWorkspace(shell.session, 40);
  await page.reload();
  await openScreen(page, 'Runbooks');
  await expect(page.getByTestId('step-table')).toBeVisible();
  await expect(page.getByTestId('step-table').getByTestId('critical-marker').first()).toBeVisible();
  await snap(page, 'runbooks-demo-table');
  await page.getByRole('tab', { name: 'Timeline' }).click();
  await expect(page.getByTestId('timeline')).toBeVisible();
  await snap(page, 'runbooks-demo-timeline');
  await page.getByRole('button', { name: 'Switch to dark mode' }).click();
  await page.mouse.move(700, 500);
  await snap(page, 'runbooks-demo-timeline-dark');
  await page.getByRole('tab', { name: 'Steps' }).click();
  await snap(page, 'runbooks-demo-table-dark');
  await page.getByRole('button', { name: 'Switch to light mode' }).click();

  // On the war-room screen a running step shows its notes and its command with a copy button.
  // The demo's weekend is days away: starting now asks why, and a rehearsal moves nothing.
  await page.getByRole('tab', { name: 'Execution' }).click();
  await executionRow(page, 'Freeze merges to the release branch').getByRole('button', { name: 'Start' }).click();
  const confirm = dialog(page, /before the window opens\?/);
  await confirm.getByRole('button', { name: 'Start the rehearsal' }).click();
  await expect(confirm).toBeHidden();
  const running = page.getByTestId('exec-card-3');
  await expect(running).toContainText('Running');
  await expect(running.getByTestId('step-command')).toContainText('gh api -X PUT');
  await expect(running.getByRole('button', { name: 'Copy the command' })).toBeVisible();
  await expect(executionRow(page, 'Go/no-go: start the cutover')).toContainText('waits for 1, 2, 6');
  await page.getByTestId('execution-view').evaluate((view) => view.parentElement?.scrollTo(0, 0));
  await page.mouse.move(700, 800);
  await snap(page, 'runbooks-demo-execution');

  // A record made on another device (here: straight through the core, as a sync would deliver it) shows up by itself.
  const list = await shell.session.client()['runbooks.list']({});
  if (!list.ok) throw new Error(list.error.message);
  const demo = await shell.session.client()['runbooks.get']({ id: (list.value as RunbookSummary[])[0].id });
  if (!demo.ok) throw new Error(demo.error.message);
  const announce = (demo.value as RunbookView).steps.find((s) => s.title.startsWith('Announce the maintenance window'))!;
  const daniel = shell.session.store.reader.findByText('person', { name: 'Daniel Kim' })[0];
  const recorded = await shell.session.client()['runbookExecution.record']({ stepId: announce.id, action: 'start', asPersonId: daniel.id });
  expect(recorded.ok).toBe(true);
  await expect(executionRow(page, 'Announce the maintenance window to customers and support').getByTestId('step-records')).toHaveText(TIME_BY('Started', 'Daniel Kim'), { timeout: 8000 });
  await page.getByRole('tab', { name: 'Steps' }).click();

  // Shift+↓ selects two steps; Delete removes both at once, Undo brings them back.
  const table = page.getByTestId('step-table');
  const count = await table.getByRole('row', { name: /^\d+ / }).count();
  await table.getByRole('row', { name: /^1 / }).click();
  await page.keyboard.press('Shift+ArrowDown');
  await expect(page.getByTestId('shortcut-footer')).toContainText('2 steps selected');
  await page.keyboard.press('Delete');
  await expect(table.getByRole('row', { name: /^1 Announce the maintenance window/ })).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(table.getByRole('row', { name: /^1 Announce the maintenance window/ })).toBeVisible();
  await expect(table.getByRole('row', { name: /^\d+ / })).toHaveCount(count);

  // A release's runbook from the demo template: its steps are copied.
  const picker = page.getByTestId('runbook-picker');
  await picker.getByText(/^Templates/).click();
  await picker.getByRole('button', { name: /Standard release weekend/ }).click();
  await expect(page.getByTestId('runbook-name')).toHaveText('Standard release weekend');
  await expect(page.getByRole('tab', { name: 'Execution' })).toBeDisabled();
  await snap(page, 'runbooks-template');
  await page.getByRole('button', { name: 'New runbook' }).click();
  const create = dialog(page, 'New runbook');
  await create.getByRole('combobox', { name: 'Release' }).click();
  await page.getByRole('option').first().click();
  await create.getByRole('combobox', { name: 'Start from' }).click();
  await page.getByRole('option', { name: /Standard release weekend/ }).click();
  await create.getByLabel('Name').fill('Weekend from the template');
  await create.getByRole('button', { name: 'Create runbook' }).click();
  await expect(page.getByTestId('runbook-name')).toHaveText('Weekend from the template');
  await expect(page.getByTestId('step-table').getByRole('row', { name: /^8 / })).toBeVisible();

  // Deleted at once, with Undo.
  await page.getByRole('button', { name: 'Runbook actions' }).click();
  await page.getByRole('menuitem', { name: 'Delete runbook' }).click();
  await expect(picker.getByRole('button', { name: /Weekend from the template/ })).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByTestId('runbook-name')).toHaveText('Weekend from the template');
});

test('a workbook as Excel exports it: the plan sheet, unmatched columns kept or dropped, rollback and go/no-go recognised', async ({ app: page, shell }) => {
  const { release } = await seedRunbookRelease(shell.session);
  const created = await shell.session.client()['runbooks.create']({ name: 'Payments cutover', releaseId: release.id });
  if (!created.ok) throw new Error(created.error.message);
  const runbookId = (created.value as { id: string }).id;
  const workbook = { name: 'cutover-weekend.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await cutoverWeekendWorkbook() };
  await page.reload();
  await openScreen(page, 'Runbooks');

  const importing = dialog(page, 'Import steps from a spreadsheet');
  const pickWorkbook = async () => {
    await page.getByRole('button', { name: 'Import' }).click();
    await importing.locator('input[type=file]').setInputFiles(workbook);
    await expect(importing.getByTestId('import-summary')).toContainText('All 12 rows are ready');
  };
  await pickWorkbook();
  await expect(importing.getByRole('combobox', { name: 'Sheet' })).toHaveValue('Cutover plan');
  const preview = importing.getByTestId('import-preview');
  await expect(preview).toContainText('Notes / Commands → Notes · matched by a word of its header');
  await expect(preview).toContainText('Duration [h] → Duration · bare numbers in hours');
  const unmatched = importing.getByTestId('import-unmatched');
  await expect(unmatched).toContainText('Status');
  await expect(unmatched).toContainText('Column J');
  const recognised = importing.getByTestId('import-recognitions');
  await expect(recognised).toContainText('Row 13 “ROLLBACK: restore DB snapshot” → rollback section');
  await expect(recognised).toContainText('Phase “Backout” (rows 14–15) → rollback section');
  await expect(recognised).toContainText('Row 6 “GO / NO-GO: start deploy” → go/no-go checkpoint');
  await expect(importing.getByTestId('import-rows').getByRole('row').filter({ hasText: 'Reopen traffic' })).toContainText('D+1 01:30 →');
  await expect(importing.getByTestId('import-not-imported')).toContainText('row 1 (above the header row)');
  await snap(page, 'runbooks-import-workbook');

  // Choices check the file again: drop the Status column, import the last checkpoint as an ordinary step.
  await unmatched.getByRole('group', { name: 'Column I Status' }).getByText('Drop').click();
  await recognised.getByRole('checkbox', { name: /Checkpoint: release complete/ }).click();
  await expect(recognised.getByRole('checkbox', { name: /Checkpoint: release complete/ })).not.toBeChecked();
  await expect(importing.getByTestId('import-rows').getByRole('row').filter({ hasText: 'Checkpoint: release complete' })).toContainText('Task');
  const lastRow = importing.getByTestId('import-rows').getByRole('row').filter({ hasText: 'Tell support the release was rolled back' });
  await expect(lastRow).toContainText('Rollback');
  await lastRow.scrollIntoViewIfNeeded();
  await snap(page, 'runbooks-import-workbook-choices');
  await importing.getByRole('button', { name: 'Import 12 steps' }).click();
  await expect(importing).toBeHidden();

  await expect(page.getByTestId('section-Rollback')).toBeVisible();
  const view = await shell.session.client()['runbooks.get']({ id: runbookId });
  if (!view.ok) throw new Error(view.error.message);
  const steps = (view.value as RunbookView).steps;
  const step = (title: string) => steps.find((s) => s.title === title)!;
  expect([step('ROLLBACK: restore DB snapshot'), step('Redeploy payments-api 2.3.9')].map((s) => [s.section, s.kind, s.rollback])).toEqual([
    ['Rollback', 'rollback', true],
    ['Rollback', 'rollback', true],
  ]);
  expect(step('GO / NO-GO: start deploy').kind).toBe('checkpoint');
  expect(step('Checkpoint: release complete').kind).toBe('task');
  expect(step('Verify backups').description).toContain('Column J: (check with Olaf)');
  expect(step('Verify backups').description).not.toContain('Status');

  // The same preview in dark mode.
  await page.getByRole('button', { name: 'Switch to dark mode' }).click();
  await pickWorkbook();
  await snap(page, 'runbooks-import-workbook-dark');
});
