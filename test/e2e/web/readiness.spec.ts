import { execFileSync } from 'node:child_process';
import { test, expect, snap } from '../fixtures/web-shell';
import { chooseCurrentPerson, dialog, openScreen } from '../fixtures/ui-steps';
import { PEOPLE, seedReadiness } from '../fixtures/readiness-seed';
import type { Page } from '@playwright/test';

const STATES = [
  { state: 'product', label: 'Product', person: PEOPLE.product.name },
  { state: 'organization', label: 'Organization', person: PEOPLE.organization.name },
  { state: 'security', label: 'Security', person: PEOPLE.security.name },
  { state: 'operation', label: 'Operation', person: PEOPLE.operation.name },
] as const;

/** The drawer covers the header, so switching "You are" means closing it and opening the release again. */
async function actAs(page: Page, person: string, release: string): Promise<void> {
  if (await page.getByTestId('readiness-panel').isVisible()) await page.keyboard.press('Escape');
  await expect(page.getByTestId('readiness-panel')).toBeHidden();
  await chooseCurrentPerson(page, person);
  await page.getByTestId('readiness-board').getByRole('row', { name: release }).click();
  await expect(page.getByTestId('readiness-panel')).toBeVisible();
}

function gate(file: string, releaseId: string, ...flags: string[]): { code: number; out: string } {
  try {
    return { code: 0, out: execFileSync('node', ['bin/release-desk.mjs', 'gate', '--db', file, '--release', releaseId, ...flags], { encoding: 'utf8' }) };
  } catch (error) {
    const e = error as { status: number; stdout: string };
    return { code: e.status, out: e.stdout };
  }
}

test('each empowered person asserts their state; others cannot; a halt stops the board and the gate; the audit shows it all', async ({ app: page, shell }) => {
  const { people, payments } = await seedReadiness(shell.session);
  await page.reload();
  await openScreen(page, 'Readiness');
  const row = page.getByTestId('readiness-board').getByRole('row', { name: 'Payments 2.4.0' });
  // Presumptive release (the default): nothing asserted yet, nothing halted, so it goes.
  await expect(row.getByTestId('gate')).toContainText('Go');
  await expect(row.getByTestId('gate')).toContainText('4 presumed ready');
  await expect(row.getByTestId('cell-product')).toContainText('Presumed ready');

  // Someone without the role: every action is disabled, with who may act in the tooltip.
  await actAs(page, PEOPLE.engineer.name, 'Payments 2.4.0');
  const product = page.getByTestId('state-product');
  await expect(product.getByRole('button', { name: 'Assert' })).toBeDisabled();
  await product.getByRole('button', { name: 'Assert' }).locator('..').hover();
  await expect(page.getByRole('tooltip')).toContainText(`Only ${PEOPLE.product.name} (Product owner) may act on Product readiness`);
  await snap(page, 'readiness-panel-not-empowered');
  // And forced past the UI, the core refuses with its own sentence.
  const forced = await shell.session.client()['readiness.signoff']({ releaseId: payments.id, state: 'product', action: 'assert', asPersonId: people.engineer });
  expect(forced.ok).toBe(false);
  if (!forced.ok) {
    expect(forced.error.code).toBe('forbidden');
    expect(forced.error.message).toContain(PEOPLE.engineer.name);
  }

  for (const { state, label, person } of STATES) {
    await actAs(page, person, 'Payments 2.4.0');
    const card = page.getByTestId(`state-${state}`);
    await card.getByRole('button', { name: 'Assert' }).click();
    const assertDialog = dialog(page, `Assert ${label} readiness`);
    await assertDialog.getByLabel('Comment').fill(`${label} checked for 2.4.0`);
    if (state === 'product') {
      await assertDialog.getByLabel('Waived issues').fill('PAY-1234 rounding in refunds');
      await assertDialog.getByLabel('Waived issues').press('Enter');
      await snap(page, 'readiness-assert-dialog');
    }
    await assertDialog.getByRole('button', { name: 'Assert ready' }).click();
    await expect(assertDialog).toBeHidden();
    await expect(card).toContainText(`Asserted · ${person}`);
  }
  await expect(page.getByTestId('gate-summary')).toHaveText('Go: all four readiness states asserted.');
  await page.keyboard.press('Escape');
  await expect(row.getByTestId('gate')).toContainText('Go');
  expect(gate(shell.session.path, payments.id).code).toBe(0);

  // Checklists: add the defaults and tick one with evidence.
  await actAs(page, PEOPLE.security.name, 'Payments 2.4.0');
  await page.getByRole('button', { name: 'Add default checklists' }).click();
  const item = page.getByTestId('checklist-item').first();
  await expect(item).toBeVisible();
  await item.getByRole('checkbox').click();
  const tick = dialog(page, /^Tick/);
  await tick.getByLabel('Evidence link').fill('https://ci.example/runs/812');
  await tick.getByRole('button', { name: 'Tick' }).click();
  await expect(item).toContainText(`Ticked by ${PEOPLE.security.name}`);

  // The security architect halts: a reason is required.
  await page.getByTestId('state-security').getByRole('button', { name: 'Halt' }).click();
  const halt = dialog(page, /^Halt Payments 2.4.0/);
  await halt.getByRole('button', { name: 'Halt the release' }).click();
  await expect(halt).toContainText('Reason is required');
  await halt.getByLabel('Reason').fill('CVE-2026-4411 in the TLS library is not patched on production.');
  await snap(page, 'readiness-halt-dialog');
  await halt.getByRole('button', { name: 'Halt the release' }).click();
  await expect(halt).toBeHidden();
  await expect(page.getByTestId('state-security')).toContainText(`Halted · ${PEOPLE.security.name}`);
  await snap(page, 'readiness-panel-halted');

  // The back-trace audit shows every assertion, the tick and the halt, with who.
  const audit = page.getByTestId('audit-timeline');
  for (const { person } of STATES) await expect(audit).toContainText(person);
  await expect(audit).toContainText('CVE-2026-4411');
  await expect(audit).toContainText('https://ci.example/runs/812');
  await expect(audit).toContainText('PAY-1234 rounding in refunds');
  await audit.scrollIntoViewIfNeeded();
  await snap(page, 'readiness-audit-timeline');
  const download = page.waitForEvent('download');
  await audit.getByRole('button', { name: 'CSV' }).click();
  expect((await download).suggestedFilename()).toBe('Payments-2.4.0-audit.csv');

  await page.keyboard.press('Escape');
  await expect(row.getByTestId('gate')).toContainText('Halted');
  await expect(row.getByTestId('cell-security')).toHaveText(new RegExp(`^Halted\\s*by ${PEOPLE.security.name}`));
  await expect(row.getByTestId('cell-security')).toContainText('CVE-2026-4411');
  await snap(page, 'readiness-board-halted');

  const halted = gate(shell.session.path, payments.id);
  expect(halted.code).toBe(3);
  expect(halted.out).toContain(PEOPLE.security.name);
  expect(halted.out).toContain('CVE-2026-4411');
});

test('the readiness policy: presumed ready with an amber warning past the deadline; explicit assertion from Settings', async ({ app: page, shell }) => {
  const { people, payments } = await seedReadiness(shell.session);
  // A release whose readiness deadline (48 h before its window) has already passed, with one state asserted.
  const got = await shell.session.client()['releases.get']({ id: payments.id });
  if (!got.ok) throw new Error(got.error.message);
  const like = got.value as { systemIds: string[]; environmentIds: string[] };
  const created = await shell.session.client()['releases.create']({
    name: 'Search',
    version: '1.2.0',
    systemIds: like.systemIds,
    environmentIds: like.environmentIds,
    windowStart: new Date(Date.now() + 20 * 3_600_000).toISOString(),
    windowEnd: new Date(Date.now() + 23 * 3_600_000).toISOString(),
    timeZone: 'Europe/Berlin',
    status: 'in-readiness',
  });
  if (!created.ok) throw new Error(created.error.message);
  const search = { value: created.value as { id: string } };
  expect((await shell.session.client()['readiness.signoff']({ releaseId: search.value.id, state: 'product', action: 'assert', asPersonId: people.product })).ok).toBe(true);
  await page.reload();
  await openScreen(page, 'Readiness');

  await expect(page.getByTestId('readiness-policy')).toContainText('Presumptive release: a release goes unless an empowered role halts it');
  const late = page.getByTestId('readiness-board').getByRole('row', { name: 'Search 1.2.0' });
  await expect(late.getByTestId('gate')).toContainText('Go');
  await expect(late.getByTestId('gate')).toContainText('3 presumed ready, 3 past the deadline');
  await expect(late.getByTestId('readiness-due')).toContainText('Readiness deadline passed');
  await expect(late.getByTestId('cell-security')).toContainText('Presumed ready');
  await late.getByTestId('cell-security').getByText('Presumed ready').hover();
  await expect(page.getByRole('tooltip')).toContainText('Not asserted: presumed ready. The readiness deadline');
  const early = page.getByTestId('readiness-board').getByRole('row', { name: 'Payments 2.4.0' });
  await expect(early.getByTestId('readiness-due')).toContainText('Readiness due');
  await page.mouse.move(0, 0);
  await snap(page, 'readiness-board-presumptive');
  const presumed = gate(shell.session.path, search.value.id);
  expect(presumed.code).toBe(0);
  expect(presumed.out).toMatch(/^ {2}Warning: Security: Not asserted: presumed ready. The readiness deadline/m);
  expect(gate(shell.session.path, search.value.id, '--require-all').code).toBe(4);

  // The drawer says the same, state by state.
  await late.click();
  await expect(page.getByTestId('gate-summary')).toContainText('Go: nothing is halted; not asserted, presumed ready');
  await expect(page.getByTestId('state-security').getByTestId('state-note')).toContainText('Not asserted: presumed ready. The readiness deadline');
  await snap(page, 'readiness-panel-presumptive');
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Switch to dark mode' }).click();
  await snap(page, 'readiness-board-presumptive-dark');
  await page.getByRole('button', { name: 'Switch to light mode' }).click();

  // Explicit assertion, chosen in Settings: the same releases are now pending until all four are asserted.
  await page.getByTestId('readiness-policy').getByRole('button', { name: 'Change the policy in Settings' }).click();
  await page.getByRole('tab', { name: 'Workspace' }).click();
  await page.getByRole('radio', { name: 'Explicit assertion' }).click();
  await page.getByRole('button', { name: 'Save workspace' }).click();
  await expect(page.getByTestId('policy-changed')).toContainText('Policy last set to explicit assertion by');
  await snap(page, 'settings-workspace-policy');
  await openScreen(page, 'Readiness');
  await expect(page.getByTestId('readiness-policy')).toContainText('Explicit assertion: a release goes only once all four readiness states are asserted');
  await expect(late.getByTestId('gate')).toContainText('Pending');
  await expect(late.getByTestId('cell-security')).toContainText('Overdue');
  await expect(early.getByTestId('gate')).toContainText('Missing: Product, Organization, Security, Operation');
  await expect(early.getByTestId('cell-security')).toContainText('Pending');
  await snap(page, 'readiness-board-explicit');
  await page.getByRole('button', { name: 'Switch to dark mode' }).click();
  await snap(page, 'readiness-board-explicit-dark');
  const explicit = gate(shell.session.path, payments.id);
  expect(explicit.code).toBe(4);
  expect(explicit.out.split('\n')[0]).toBe('Readiness policy: explicit assertion (a release goes only once all four readiness states are asserted).');
});
