import { expect, snap, test } from '../fixtures/web-shell';
import { seedWorkspace } from '../fixtures/seed-workspace';

test('a deleted release comes back with Undo, history and all', async ({ app: page, shell }) => {
  await seedWorkspace(shell.session, 12);
  await page.reload();
  await expect(page.getByTestId('releases-count')).toHaveText('12 releases');

  const firstRow = page.getByTestId('releases-table').getByRole('row').nth(1);
  const name = (await firstRow.getByRole('cell').first().innerText()).trim();
  await firstRow.click();
  const detail = page.getByTestId('release-detail');
  await detail.getByRole('button', { name: 'Delete release' }).click();

  await expect(page.getByTestId('releases-count')).toHaveText('11 releases');
  const undo = page.getByRole('button', { name: 'Undo' });
  await expect(undo).toBeVisible();
  await snap(page, 'release-deleted-undo');
  await undo.click();

  await expect(page.getByTestId('releases-count')).toHaveText('12 releases');
  await page.reload();
  await expect(page.getByTestId('releases-count')).toHaveText('12 releases');
  await page.getByTestId('releases-table').getByRole('row', { name: new RegExp(name) }).first().click();
  await expect(page.getByTestId('release-history')).toContainText('restored this release');
});
