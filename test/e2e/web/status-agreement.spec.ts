import { PEOPLE, seedReadiness } from '../fixtures/readiness-seed';
import { expect, snapLightAndDark, test } from '../fixtures/web-shell';
import { chooseCurrentPerson, dialog, openScreen, releaseRow } from '../fixtures/ui-steps';

/**
 * One status everywhere (issue 18): a release that says Go while the gate says halted shows the mismatch in words in
 * the table, the drawer and on the board; the board's column is the gate's answer under the policy.
 */
test('a release set to Go while Security halts it says so in the table, the drawer and on the board', async ({ app: page, shell }) => {
  const { people, payments } = await seedReadiness(shell.session);
  await page.reload();

  // The release manager moves Payments to Go in the form, as people do when the meeting agrees.
  await releaseRow(page, 'Payments').click();
  const drawer = dialog(page, 'Payments 2.4.0');
  await expect(drawer.getByTestId('drawer-gate')).toContainText('Go: nothing is halted; not asserted, presumed ready');
  await drawer.getByRole('button', { name: 'Edit' }).click();
  const edit = dialog(page, 'Edit Payments 2.4.0');
  await edit.getByRole('combobox', { name: 'Status' }).click();
  await page.getByRole('option', { name: 'Go', exact: true }).click();
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(edit).toBeHidden();
  await expect(drawer.getByTestId('status-mismatches')).toHaveCount(0);
  await page.keyboard.press('Escape');

  // Then the security architect halts it, from their own laptop (here: through the core).
  const halt = await shell.session.client()['readiness.signoff']({ releaseId: payments.id, state: 'security', action: 'halt', comment: 'TLS library not patched', asPersonId: people.security });
  expect(halt.ok).toBe(true);
  await page.reload();
  const mismatch = 'The status says Go, but the readiness gate says Halted (Security by Sam Security: TLS library not patched).';
  const row = releaseRow(page, 'Payments');
  await expect(row.getByTestId('status-mismatch')).toContainText('gate: Halted');
  await expect(row.getByTestId('status-mismatch')).toHaveAttribute('aria-label', mismatch);
  await snapLightAndDark(page, 'releases-status-mismatch');

  await row.click();
  await expect(drawer.getByTestId('status-mismatches')).toHaveText(mismatch);
  await expect(drawer.getByTestId('drawer-gate')).toContainText('Halted (Security by Sam Security: TLS library not patched).');
  await snapLightAndDark(page, 'release-drawer-status-mismatch');
  await page.keyboard.press('Escape');

  await openScreen(page, 'Readiness');
  const board = page.getByTestId('readiness-board');
  await expect(board.getByRole('columnheader', { name: /Gate's answer/ })).toContainText('under presumptive release');
  await expect(board.getByRole('row', { name: 'Payments 2.4.0' }).getByTestId('status-mismatches')).toHaveText(mismatch);

  // Back to In readiness (as the halt says): everything agrees again.
  await chooseCurrentPerson(page, PEOPLE.organization.name);
  await openScreen(page, 'Releases');
  await releaseRow(page, 'Payments').click();
  await drawer.getByRole('button', { name: 'Edit' }).click();
  await edit.getByRole('combobox', { name: 'Status' }).click();
  await page.getByRole('option', { name: 'In readiness', exact: true }).click();
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(drawer.getByTestId('status-mismatches')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(releaseRow(page, 'Payments').getByTestId('status-mismatch')).toHaveCount(0);
});

test('the releases table opens at today with a divider, and filters to my releases and this week', async ({ app: page, shell }) => {
  const { people } = await seedReadiness(shell.session);
  const [system] = ((await shell.session.client()['systems.list']({})) as { ok: true; value: Array<{ id: string }> }).value;
  const [production] = ((await shell.session.client()['environments.list']({})) as { ok: true; value: Array<{ id: string }> }).value;
  const day = 86_400_000;
  // Forty past releases: the table must not open on the oldest of them.
  for (let i = 40; i >= 1; i--) {
    const start = Date.now() - i * 2 * day;
    const r = await shell.session.client()['releases.create']({
      name: `Old ${String(41 - i).padStart(2, '0')}`,
      version: '1.0',
      systemIds: [system.id],
      environmentIds: [production.id],
      windowStart: new Date(start).toISOString(),
      windowEnd: new Date(start + 3_600_000).toISOString(),
      timeZone: 'UTC',
      status: 'released',
      ownerId: i % 2 === 0 ? people.organization : null,
    });
    expect(r.ok).toBe(true);
  }
  await page.reload();
  await expect(page.getByTestId('releases-count')).toHaveText('42 releases');
  const divider = page.getByTestId('today-divider');
  await expect(divider).toBeInViewport();
  await expect(divider).toContainText('Today');
  await expect(releaseRow(page, 'Payments')).toBeInViewport();
  await expect(releaseRow(page, 'Old 01')).toHaveCount(0);
  await snapLightAndDark(page, 'releases-today');

  // Scrolled away, Today brings it back.
  await page.getByTestId('releases-table').getByRole('columnheader', { name: 'Name' }).hover();
  await page.mouse.wheel(0, -4000);
  await expect(divider).not.toBeInViewport();
  await page.getByRole('button', { name: 'Today', exact: true }).click();
  await expect(divider).toBeInViewport();

  // "My releases" needs to know who you are, and says so.
  const mine = page.getByRole('checkbox', { name: 'My releases' });
  await expect(mine).toBeDisabled();
  await chooseCurrentPerson(page, PEOPLE.organization.name);
  // Mantine draws the chip over a hidden checkbox: a person clicks the chip's label.
  const chip = (name: string) => page.locator('label').filter({ hasText: name });
  await chip('My releases').click();
  await expect(mine).toBeChecked();
  await expect(page.getByTestId('releases-count')).toHaveText('20 releases of 42');
  await chip('My releases').click();

  // This week: the releases whose window touches Monday to Sunday of this week.
  await chip('This week').click();
  const shown = await page.getByTestId('releases-count').innerText();
  expect(shown).toMatch(/ of 42$/);
  await expect(releaseRow(page, 'Old 01')).toHaveCount(0);
});
