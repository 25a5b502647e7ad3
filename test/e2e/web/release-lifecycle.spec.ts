import { expect, snap, test } from '../fixtures/web-shell';
import {
  addEnvironment,
  addPerson,
  addSystem,
  chooseCurrentPerson,
  dialog,
  openScreen,
  pickDateTime,
  pickOptions,
  releaseRow,
  searchReleases,
} from '../fixtures/ui-steps';

test('a release manager sets up the workspace, plans a release, edits it and finds it again after a reload', async ({ app: page }) => {
  await expect(page.getByText('Set up your workspace first')).toBeVisible();
  await snap(page, 'releases-empty-workspace');

  await addSystem(page, 'Billing', 'Invoices and payment runs');
  await addSystem(page, 'Payments API');
  await snap(page, 'settings-systems');
  await addEnvironment(page, 'Staging');
  await addEnvironment(page, 'Production', { production: true, maintenance: true });
  await snap(page, 'settings-environments');
  await addPerson(page, 'Priya Natarajan', 'priya@example.com', ['Release coordinator', 'Release manager']);
  await addPerson(page, 'Ana Lima', 'ana@example.com', ['Security architect']);
  await chooseCurrentPerson(page, 'Priya Natarajan');
  await snap(page, 'settings-people');

  // Plan the release: N opens the form from anywhere on the Releases screen.
  await openScreen(page, 'Releases');
  await expect(page.getByText('No releases yet')).toBeVisible();
  await page.keyboard.press('n');
  const form = dialog(page, 'New release');
  await expect(form).toBeVisible();
  await form.getByLabel('Name').fill('Spring payments');
  await form.getByLabel('Version').fill('2.4.0');
  await pickOptions(form, 'Systems', ['Billing', 'Payments API']);
  await pickOptions(form, 'Environments', ['Production']);
  await pickDateTime(form, 'Window start', '5 December 2026', '22:00');
  await pickDateTime(form, 'Window end', '6 December 2026', '02:00');
  await form.getByRole('button', { name: 'Plan release' }).click();
  await expect(form).toBeHidden();

  // The workspace zone is UTC and this browser is in Berlin: 22:00 UTC shows as 23:00 here.
  const row = releaseRow(page, 'Spring payments');
  await expect(row).toContainText('2.4.0');
  await expect(row).toContainText('Planned');
  await expect(row).toContainText('Billing, Payments API');
  await expect(row).toContainText('Sat 5 Dec 2026, 23:00');
  await expect(row).toContainText('Priya Natarajan');
  await expect(page.getByTestId('releases-count')).toHaveText('1 release');

  // Edit: a new version and a later window.
  await row.click();
  const detail = page.getByTestId('release-detail-body');
  await detail.getByRole('button', { name: 'Edit' }).click();
  const edit = dialog(page, 'Edit Spring payments 2.4.0');
  await expect(edit).toBeVisible();
  await edit.getByLabel('Version').fill('2.4.1');
  await pickDateTime(edit, 'Window end', '6 December 2026', '04:30');
  await edit.getByLabel('Version').press('Enter');
  await expect(edit).toBeHidden();

  // Its history shows who planned it and the edit, with names and readable values.
  await expect(dialog(page, 'Spring payments 2.4.1')).toBeVisible();
  const history = page.getByTestId('release-history');
  await expect(history.getByText('Version: 2.4.0 → 2.4.1')).toBeVisible();
  await expect(history.getByText(/Window end: Sun 6 Dec 2026, 03:00 → Sun 6 Dec 2026, 05:30/)).toBeVisible();
  await expect(history.getByText('Priya Natarajan').first()).toBeVisible();
  await expect(history.getByText('planned this release')).toBeVisible();
  await snap(page, 'release-detail-history');
  await page.keyboard.press('Escape');

  // Search narrows the table to it; a reload keeps it (the workspace file is the truth).
  await searchReleases(page, 'payments 2.4.1');
  await expect(page.getByTestId('releases-count')).toHaveText('1 release of 1');
  await expect(releaseRow(page, 'Spring payments')).toBeVisible();
  await searchReleases(page, 'nothing like this');
  await expect(page.getByText('No release matches')).toBeVisible();

  await page.reload();
  await expect(releaseRow(page, 'Spring payments')).toContainText('2.4.1');
  await expect(page.getByTestId('workspace-name')).toHaveText('Release Desk workspace');
});
