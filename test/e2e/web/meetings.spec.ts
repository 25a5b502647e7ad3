import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { test, expect, snap } from '../fixtures/web-shell';
import { chooseCurrentPerson, dialog, openScreen, pickOptions } from '../fixtures/ui-steps';
import { PEOPLE, seedReadiness } from '../fixtures/readiness-seed';

test('a coordination meeting: agenda with readiness, a decision, an environment, an action item, minutes as Markdown and PDF', async ({ app: page, shell }) => {
  const { people, payments } = await seedReadiness(shell.session);
  // A halt the meeting must see on its agenda.
  const halted = await shell.session.dispatch('readiness.signoff', { releaseId: payments.id, state: 'security', action: 'halt', comment: 'TLS library not patched', asPersonId: people.security });
  expect(halted.ok).toBe(true);
  await page.reload();
  await chooseCurrentPerson(page, PEOPLE.organization.name);
  await openScreen(page, 'Meetings');
  await expect(page.getByText('No coordination meeting yet')).toBeVisible();

  await page.getByRole('button', { name: 'New meeting' }).first().click();
  const create = dialog(page, 'New coordination meeting');
  await create.getByLabel('Title').fill('Weekly release coordination');
  await pickOptions(create, 'Attendees', [PEOPLE.organization.name, PEOPLE.security.name, PEOPLE.operation.name]);
  await create.getByRole('button', { name: 'Create meeting' }).click();
  await expect(create).toBeHidden();

  const agenda = page.getByTestId('agenda');
  const paymentsRow = agenda.getByRole('row', { name: 'Payments 2.4.0' });
  await expect(paymentsRow).toContainText('Halted');
  // Presumptive release (the default): nobody has asserted Checkout yet, nothing halts it.
  await expect(agenda.getByRole('row', { name: 'Checkout 7.1.0' })).toContainText('Presumed ready');
  await expect(agenda.getByRole('row', { name: 'Checkout 7.1.0' })).toContainText('Go');

  await paymentsRow.getByRole('button', { name: 'Hold' }).click();
  const hold = dialog(page, 'Hold: Payments 2.4.0');
  await hold.getByLabel('Note').fill('Wait for the TLS patch; re-check on Thursday.');
  await hold.getByRole('button', { name: 'Record hold' }).click();
  await expect(hold).toBeHidden();
  await expect(paymentsRow.getByTestId('decision-note')).toContainText(`Hold by ${PEOPLE.organization.name}: Wait for the TLS patch`);

  await page.getByTestId('environment-Production').getByRole('switch').click();
  await expect(page.getByTestId('environment-Production')).toContainText('Prepared');

  await page.getByLabel('New action item').fill('Patch the TLS library on production');
  await page.getByRole('combobox', { name: 'Owner' }).click();
  await page.getByRole('option', { name: PEOPLE.operation.name }).click();
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  const action = page.getByTestId('action-items').getByRole('row', { name: 'Patch the TLS library on production' });
  await expect(action).toContainText(PEOPLE.operation.name);
  await action.getByRole('checkbox').click();
  await expect(action).toContainText(`Done by ${PEOPLE.organization.name}`);
  await snap(page, 'meeting-detail');

  const mdDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Minutes (Markdown)' }).click();
  const md = fs.readFileSync((await (await mdDownload).path())!, 'utf8');
  expect(md).toContain('# Weekly release coordination');
  expect(md).toContain('Payments 2.4.0');
  expect(md).toContain('Hold (Priya Coordinator): Wait for the TLS patch');
  expect(md).toContain('✕ Halted by Sam Security');
  expect(md).toContain('Production: Prepared');
  expect(md).toMatch(/Patch the TLS library on production \| — \| Omar Operations \| .* \| Done by Priya Coordinator/);

  const pdfDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Minutes (PDF)' }).click();
  const pdfPath = (await (await pdfDownload).path())!;
  expect(fs.readFileSync(pdfPath).subarray(0, 5).toString()).toBe('%PDF-');
  const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
  expect(text).toContain('Payments 2.4.0');
  expect(text).toContain('Checkout 7.1.0');
  expect(text).toContain('Patch the TLS library on production');
  fs.copyFileSync(pdfPath, 'test-results/screenshots/meeting-minutes.pdf');
});
