import { expect, snap, test } from '../fixtures/web-shell';
import { seedWorkspace } from '../fixtures/seed-workspace';
import { openScreen, openSettingsTab } from '../fixtures/ui-steps';

test('the screens with a realistic workspace, in light and dark', async ({ app: page, shell }) => {
  await seedWorkspace(shell.session, 300);
  await page.reload();
  await expect(page.getByTestId('releases-count')).toHaveText('300 releases');
  await expect(page.getByTestId('workspace-name')).toHaveText('Northwind Retail releases');
  await snap(page, 'releases-table');

  await page.getByRole('combobox', { name: 'Group releases' }).click();
  await page.getByRole('option', { name: 'By environment' }).click();
  await page.getByRole('textbox', { name: 'Search releases' }).fill('payments');
  await expect(page.getByTestId('releases-count')).toHaveText(/releases of 300/);
  await snap(page, 'releases-grouped-by-environment');
  await page.getByRole('textbox', { name: 'Search releases' }).fill('');
  await page.getByRole('combobox', { name: 'Group releases' }).click();
  await page.getByRole('option', { name: 'No grouping' }).click();

  await openSettingsTab(page, 'People');
  await expect(page.getByTestId('people-table')).toContainText('Operations coordinator');
  await snap(page, 'settings-people-seeded');
  await openSettingsTab(page, 'Workspace');
  await snap(page, 'settings-workspace');

  await openScreen(page, 'Readiness');
  await expect(page.getByTestId('readiness-board').getByRole('row').nth(1)).toBeVisible();
  await snap(page, 'readiness-board-demo');

  await page.getByRole('button', { name: 'Switch to dark mode' }).click();
  await openScreen(page, 'Releases');
  await page.getByTestId('releases-table').getByRole('row').nth(1).click();
  await expect(page.getByTestId('release-history')).toBeVisible();
  await snap(page, 'dark-release-detail');
  await page.keyboard.press('Escape');
  await page.keyboard.press('n');
  await page.getByRole('dialog', { name: 'New release' }).getByRole('button', { name: 'Plan release' }).click();
  await snap(page, 'dark-release-form-errors');
});

test('ten thousand releases stay one scroll away', async ({ app: page, shell }) => {
  test.setTimeout(180_000);
  await seedWorkspace(shell.session, 10_000);
  await page.reload();
  await expect(page.getByTestId('releases-count')).toHaveText('10,000 releases');
  // Virtual rows: only what fits on screen is in the DOM.
  expect(await page.getByTestId('releases-table').getByRole('row').count()).toBeLessThan(80);
  const rendered = await page.evaluate(() => performance.getEntriesByName('release-desk:releases-rendered').length);
  expect(rendered).toBe(1);
  await page.getByTestId('releases-table').getByRole('columnheader', { name: 'Version' }).getByRole('button').click();
  await page.getByRole('textbox', { name: 'Search releases' }).fill('payments');
  await expect(page.getByTestId('releases-count')).toHaveText(/releases of 10,000/);
});
