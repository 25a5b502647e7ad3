import { expect, snap, test } from '../fixtures/web-shell';
import { dialog, pickDateTime, pickOptions, releaseRow } from '../fixtures/ui-steps';

test('a bad release form shows each error by its field and writes nothing', async ({ app: page, shell }) => {
  // Reference data straight through the API: this test is about the release form, not Settings.
  await shell.session.client()['systems.create']({ name: 'Billing' });
  await shell.session.client()['environments.create']({ name: 'Production', isProduction: true });
  await page.reload();
  await expect(page.getByText('No releases yet')).toBeVisible();

  await page.getByRole('button', { name: 'New release' }).first().click();
  const form = dialog(page, 'New release');

  // Client-side: empty name, no systems, no window, caught by the contract's schema before anything is sent.
  await form.getByRole('button', { name: 'Plan release' }).click();
  await expect(form.getByText('Name is required')).toBeVisible();
  await expect(form.getByText('Choose at least one system.')).toBeVisible();
  await expect(form.getByText('Window start is required')).toBeVisible();
  await expect(form.getByLabel('Name')).toHaveAttribute('aria-invalid', 'true');

  // Core-side: an end before the start is refused by the core, and shown under Window end.
  await form.getByLabel('Name').fill('Hotfix');
  await form.getByLabel('Version').fill('1.0.1');
  await pickOptions(form, 'Systems', ['Billing']);
  await pickOptions(form, 'Environments', ['Production']);
  await pickDateTime(form, 'Window start', '10 December 2026', '20:00');
  await pickDateTime(form, 'Window end', '10 December 2026', '18:00');
  await form.getByLabel('Version').press('Enter');
  await expect(form.getByText('Window end must be after the window start.')).toBeVisible();
  await expect(form.getByText('Name is required')).toBeHidden();
  await snap(page, 'release-form-validation');

  // Nothing was written: Esc closes, the table is still empty, also after a reload.
  await page.keyboard.press('Escape');
  await expect(form).toBeHidden();
  await expect(page.getByText('No releases yet')).toBeVisible();
  await page.reload();
  await expect(page.getByText('No releases yet')).toBeVisible();
  await expect(releaseRow(page, 'Hotfix')).toHaveCount(0);
  expect((await shell.session.client()['releases.list']({})) as { value: unknown[] }).toMatchObject({ ok: true, value: [] });
});
