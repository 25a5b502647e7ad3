import type { Release } from '../../../electron/contract/entities';
import { expect, snap, snapLightAndDark, test } from '../fixtures/web-shell';
import { seedReadiness } from '../fixtures/readiness-seed';
import { seedWorkspace } from '../fixtures/seed-workspace';
import { dialog, openScreen, releaseRow, searchReleases } from '../fixtures/ui-steps';

test('an empty period says how to record a deployment', async ({ app }) => {
  await openScreen(app, 'Metrics');
  const empty = app.getByTestId('metrics-empty');
  await expect(empty).toContainText('No deployments in this period');
  await expect(empty).toContainText('release-desk record deployment');
  await snap(app, 'metrics-empty');
});

test('shows the demo outcomes as charts, and a deployment recorded in the UI changes the figures', async ({ app, shell }) => {
  await seedWorkspace(shell.session, 60);
  await app.reload();
  await openScreen(app, 'Metrics');
  const frequency = app.getByTestId('metric-Deployment frequency');
  await expect(frequency).toContainText(/\d+ deployments reached production/);
  await expect(app.getByTestId('trend-Change failure rate').locator('.recharts-surface')).toBeVisible();
  await expect(app.getByTestId('metrics-breakdown').getByRole('row')).not.toHaveCount(1);
  // The fourth key by its 2023 name, and rework rate as a fifth figure without bands.
  await expect(app.getByTestId('metric-Failed deployment recovery time')).toBeVisible();
  const rework = app.getByTestId('metric-Rework rate');
  await expect(rework).toContainText('No bands');
  await expect(rework).toContainText(/\d+ of \d+ production deployments were unplanned fixes/);
  await expect(app.getByText('Performance bands by DORA, Accelerate State of DevOps 2024')).toBeVisible();
  await snap(app, 'metrics-demo');
  await app.getByTestId('metrics-breakdown').scrollIntoViewIfNeeded();
  await snap(app, 'metrics-demo-breakdown');
  const before = Number((await frequency.textContent())!.match(/(\d+) deployments reached production/)![1]);

  // A coming release booked on production, deployed just now (ahead of its window, as a hotfix would be).
  const releases = (await shell.session.client()['releases.list']({})) as { ok: true; value: Release[] };
  const production = ((await shell.session.client()['environments.list']({})) as { ok: true; value: Array<{ id: string; name: string }> }).value.find((e) => e.name === 'production')!;
  const target = releases.value.find((r) => r.environmentIds.includes(production.id) && ['planned', 'in-readiness', 'go'].includes(r.status))!;

  await app.getByRole('button', { name: 'Record deployment' }).click();
  const form = dialog(app, 'Record deployment');
  await form.getByLabel('Release').fill(`${target.name} ${target.version}`);
  await app.getByRole('option', { name: `${target.name} ${target.version}`, exact: true }).click();
  await form.getByLabel('Environment').click();
  await app.getByRole('option', { name: 'production', exact: true }).click();
  await form.getByRole('checkbox', { name: /^Rework/ }).check();
  await snap(app, 'metrics-record-deployment');
  const reworkBefore = Number((await rework.textContent())!.match(/(\d+) of \d+ production deployments/)![1]);
  await form.getByRole('button', { name: 'Record deployment' }).click();
  await expect(form).toBeHidden();
  await expect(frequency).toContainText(`${before + 1} deployments reached production`);
  await expect(rework).toContainText(`${reworkBefore + 1} of`);

  // Another report's bands: same figures, the table of that year; dark as well.
  await app.getByRole('radiogroup', { name: 'DORA report' }).getByText('2021').click();
  await expect(app.getByText('Performance bands by DORA, Accelerate State of DevOps 2021')).toBeVisible();
  await app.getByRole('button', { name: 'Switch to dark mode' }).click();
  await snap(app, 'metrics-demo-2021-dark');
  await app.getByRole('button', { name: 'Switch to light mode' }).click();

  // The release's detail panel shows the deployment and its post-release review.
  await openScreen(app, 'Releases');
  await searchReleases(app, target.version);
  await releaseRow(app, target.name).filter({ hasText: target.version }).first().click();
  const outcome = app.getByTestId('release-outcome');
  await expect(outcome).toContainText('Succeeded');
  await expect(outcome).toContainText('Rework');
  await outcome.getByLabel('What went well').fill('Quiet cut-over.');
  await outcome.getByRole('button', { name: 'Close review' }).click();
  await expect(outcome).toContainText('Closed by Priya Natarajan');
  await outcome.getByTestId('post-release-review').scrollIntoViewIfNeeded();
  await snap(app, 'release-outcome-drawer');
});

test('refuses a deployment without release and environment, naming the fields, and records nothing', async ({ app, shell }) => {
  await seedWorkspace(shell.session, 20);
  await app.reload();
  await openScreen(app, 'Metrics');
  const before = (await app.getByTestId('metric-Deployment frequency').textContent())!.match(/(\d+) deployments reached production/)![1];
  await app.getByRole('button', { name: 'Record deployment' }).click();
  const form = dialog(app, 'Record deployment');
  await form.getByRole('button', { name: 'Record deployment' }).click();
  await expect(form).toContainText('Choose the release that was deployed.');
  await expect(form).toContainText('Choose the environment it was deployed to.');
  await app.keyboard.press('Escape');
  await expect(app.getByTestId('metric-Deployment frequency')).toContainText(`${before} deployments reached production`);
});

test('a runbook that ended in a no-go and a rollback shows in the release manager\'s figures; the footer explains them in the app', async ({ app, shell }) => {
  const { people, payments } = await seedReadiness(shell.session);
  const call = async <T = { id: string }>(method: string, input: unknown) => {
    const r = await shell.session.dispatch(method, input);
    if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
    return r.value as T;
  };
  const runbook = await call('runbooks.create', { name: 'Payments cutover', releaseId: payments.id });
  const step = (input: Record<string, unknown>) => call('runbookSteps.create', { runbookId: runbook.id, ...input });
  const deploy = await step({ title: 'Deploy payments-api', durationMinutes: 30, pointOfNoReturn: true });
  const gate = await step({ title: 'Go/no-go: keep it', kind: 'checkpoint', durationMinutes: 0, dependsOn: [deploy.id] });
  const undo = await step({ title: 'Redeploy the previous version', kind: 'rollback', section: 'Rollback', durationMinutes: 20, dependsOn: [gate.id] });
  const as = { asPersonId: people.organization };
  await call('runbookExecution.record', { stepId: deploy.id, action: 'start', reason: 'Hotfix ahead of the window', ...as });
  await call('runbookExecution.record', { stepId: deploy.id, action: 'complete', ...as });
  await call('runbookExecution.record', { stepId: gate.id, action: 'no-go', reason: 'Error rate doubled after the deploy', ...as });
  await call('runbookExecution.record', { stepId: undo.id, action: 'start', ...as });
  await call('runbookExecution.record', { stepId: undo.id, action: 'complete', ...as });

  await app.reload();
  await openScreen(app, 'Metrics');
  const figures = app.getByTestId('release-management');
  await expect(figures.getByTestId('release-figure-no-gos')).toContainText('1 · 0 · 1');
  await expect(figures.getByTestId('release-figure-no-gos')).toContainText('1 no-go decided in runbooks; 0 releases aborted (nothing deployed), 1 release rolled back');
  await expect(figures.getByTestId('release-figure-runbook-time')).toContainText('medians over 1 run');
  await figures.getByRole('button', { name: /Show the 1 release that ended/ }).click();
  await expect(figures.getByTestId('release-outcomes')).toContainText('Payments 2.4.0');
  await expect(figures.getByTestId('release-outcomes')).toContainText('Rolled back');
  await expect(figures.getByTestId('release-outcomes')).toContainText('its runbook');
  await figures.scrollIntoViewIfNeeded();
  await snapLightAndDark(app, 'metrics-release-management');

  // The footer explains the figures in the app, not by a file path.
  await expect(app.getByText('docs/metrics.md')).toHaveCount(0);
  await app.getByTestId('metrics-explanation-link').click();
  const explanation = dialog(app, 'How the figures are counted');
  await expect(explanation).toContainText('No-gos');
  await expect(explanation).toContainText('Rehearsals are left out.');
  await snapLightAndDark(app, 'metrics-explanation');
});
