import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { test, expect, snap, snapLightAndDark } from '../fixtures/web-shell';
import { chooseCurrentPerson, dialog, openScreen, pickOptions, typeDateTime } from '../fixtures/ui-steps';
import { PEOPLE, seedReadiness } from '../fixtures/readiness-seed';

test('a coordination meeting: agenda with readiness, a decision, an environment, an action item, minutes as Markdown and PDF', async ({ app: page, shell }) => {
  const { people, payments } = await seedReadiness(shell.session);
  // A halt the meeting must see on its agenda.
  const halted = await shell.session.client()['readiness.signoff']({ releaseId: payments.id, state: 'security', action: 'halt', comment: 'TLS library not patched', asPersonId: people.security });
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

test('meetings held at a date and time, with general notes and decisions; open action items carry over to the next one', async ({ app: page, shell }) => {
  await seedReadiness(shell.session);
  await page.reload();
  await chooseCurrentPerson(page, PEOPLE.organization.name);
  await openScreen(page, 'Meetings');

  const plan = async (title: string, day: string) => {
    await page.getByRole('button', { name: 'New meeting' }).first().click();
    const create = dialog(page, 'New coordination meeting');
    await create.getByLabel('Title').fill(title);
    await typeDateTime(create, 'Held at', day, '10:00');
    await create.getByRole('button', { name: 'Create meeting' }).click();
    await expect(create).toBeHidden();
  };
  // Meetings already held (the item is closed now, after both): what the minutes record afterwards.
  await plan('Week 47 coordination', '16 Nov 2026');
  await expect(page.getByTestId('meeting-held-at')).toHaveText('Held Mon 16 Nov 2026, 10:00');

  await page.getByLabel('New action item').fill('Renew the payment gateway certificates');
  await page.getByRole('combobox', { name: 'Owner' }).click();
  await page.getByRole('option', { name: PEOPLE.operation.name }).click();
  await page.getByRole('textbox', { name: 'Due' }).fill('18 Nov 2026');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(page.getByTestId('action-items')).toContainText('Wed 18 Nov');
  await page.getByLabel('Decisions').fill('No production releases on 24 December.');
  await page.getByLabel('Notes').fill('Staging was slow on Tuesday; ops is on it.');
  await page.getByLabel('Notes').blur();
  await expect(page.getByLabel('Decisions')).toHaveValue('No production releases on 24 December.');
  await page.reload();
  await expect(page.getByLabel('Decisions')).toHaveValue('No production releases on 24 December.');
  await expect(page.getByLabel('Notes')).toHaveValue('Staging was slow on Tuesday; ops is on it.');

  // A week later: the open item comes first, carried over, and is closed there.
  await plan('Week 48 coordination', '23 Nov 2026');
  await expect(page.getByTestId('meeting-held-at')).toHaveText('Held Mon 23 Nov 2026, 10:00');
  const carried = page.getByTestId('action-items').getByRole('row', { name: 'Renew the payment gateway certificates' });
  await expect(carried.getByTestId('carried-from')).toHaveText('Carried over from Week 47 coordination, Mon 16 Nov 2026');
  await expect(carried).toContainText('Overdue');
  await snapLightAndDark(page, 'meeting-with-dates');
  await carried.getByRole('checkbox').click();
  await expect(carried).toContainText(`Done by ${PEOPLE.organization.name}`);
  await expect(page.getByTestId('meeting-held-at')).toHaveText('Held Mon 23 Nov 2026, 10:00');

  // The minutes: named by the meeting's day, action items first, carried over ones saying from where.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Minutes (Markdown)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('Week-48-coordination-2026-11-23-minutes.md');
  const md = fs.readFileSync((await file.path())!, 'utf8');
  expect(md).toContain('Held Mon 23 Nov 2026 10:00. Releases in');
  expect(md).toMatch(/\| Renew the payment gateway certificates \(carried over from Week 47 coordination, Mon 16 Nov 2026 10:00\) \| .* \| Omar Operations \| 2026-11-18 \| Done by Priya Coordinator/);
  expect(md.indexOf('## Action items')).toBeLessThan(md.indexOf('## Releases'));
});
