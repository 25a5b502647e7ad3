import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { changeLogCount, valueOf } from '../../../helpers/temp-workspace';
import { FIXTURES, importFile, stepFacts, useRunbookWorkspace, viewOf } from './transfer-workspace';

describe('runbooks.importSteps', () => {
  const workspace = useRunbookWorkspace();

  it('previews without writing, then imports every row with dependencies mapped to the new steps', async () => {
    const before = changeLogCount(workspace.session);
    const preview = await importFile(workspace.session, workspace.ids.runbookId, 'cutover-plan-messy.csv', { dryRun: true });
    expect(preview).toMatchObject({ valid: 10, invalid: 0, imported: 0, fileErrors: [] });
    expect(changeLogCount(workspace.session)).toBe(before);

    const done = await importFile(workspace.session, workspace.ids.runbookId, 'cutover-plan-messy.csv');
    expect(done.imported).toBe(10);
    const view = await viewOf(workspace.session, workspace.ids.runbookId);
    const steps = stepFacts(view);
    expect(steps.map((s) => s.title)).toEqual([
      'Freeze merges, announce start in #release', 'Verify backups', 'Go / no-go: start deploy', 'Stop payment workers', 'Migrate DB schema (v41 → v42)',
      'Deploy payments-api 2.4.0', 'Smoke tests, card + SEPA', 'Reopen traffic', 'Restore DB from backup', 'Redeploy 2.3.9',
    ]);
    expect(steps[4].dependsOn).toEqual(['Go / no-go: start deploy', 'Stop payment workers']);
    expect(steps[0].ownerPersonId).toBe(workspace.ids.personId);
    expect(view.steps.map((s) => s.externalRef)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    // The schedule follows: 21:30 Berlin is 20:30Z, the pre-check before the window opens.
    expect(view.steps[0].plannedStart).toBe('2026-12-05T20:30:00.000Z');
    expect(view.steps.filter((s) => s.rollback).map((s) => s.title)).toEqual(['Restore DB from backup', 'Redeploy 2.3.9']);
  });

  it('imports nothing from a file with any error', async () => {
    const before = changeLogCount(workspace.session);
    for (const file of ['unknown-predecessor.csv', 'cycle.csv', 'bad-duration.csv', 'no-title-column.csv', 'not-a-spreadsheet.csv']) {
      const result = await importFile(workspace.session, workspace.ids.runbookId, file);
      expect(result.imported, file).toBe(0);
      expect(result.fileErrors.length + result.invalid, file).toBeGreaterThan(0);
    }
    expect(changeLogCount(workspace.session)).toBe(before);
    expect((await viewOf(workspace.session, workspace.ids.runbookId)).steps).toEqual([]);
  });

  it('appends after the existing steps, or replaces them', async () => {
    valueOf(await workspace.session.client()['runbookSteps.create']({ runbookId: workspace.ids.runbookId, title: 'Hand-made step' }));
    await importFile(workspace.session, workspace.ids.runbookId, 'cutover-plan-semicolon.csv');
    let view = await viewOf(workspace.session, workspace.ids.runbookId);
    const byPosition = [...view.steps].sort((a, b) => a.position - b.position).map((s) => s.title);
    expect(byPosition).toEqual(['Hand-made step', 'Backup prüfen', 'Deploy API', 'Smoke test']);

    const result = await importFile(workspace.session, workspace.ids.runbookId, 'cutover-plan-semicolon.csv', { replace: true });
    expect(result.imported).toBe(3);
    view = await viewOf(workspace.session, workspace.ids.runbookId);
    expect(view.steps.map((s) => s.title)).toEqual(['Backup prüfen', 'Deploy API', 'Smoke test']);
  });

  it('a runbook deleted while its file is being read gets no steps: the check and the write are one transaction', async () => {
    const bytes = fs.readFileSync(path.join(FIXTURES, 'cutover-plan-semicolon.csv'));
    const input = { runbookId: workspace.ids.runbookId, fileName: 'plan.csv', encoding: 'base64', content: bytes.toString('base64'), dryRun: false, replace: false };
    const importing = workspace.session.dispatch('runbooks.importSteps', input);
    valueOf(await workspace.session.client()['runbooks.delete']({ id: workspace.ids.runbookId }));
    const result = await importing;
    expect(result).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(workspace.session.store.reader.findEqual('runbookStep', 'runbookId', workspace.ids.runbookId)).toEqual([]);
  });

  it('takes CSV as text as well (the UI reads a picked file so)', async () => {
    const content = '\uFEFFTask;Duration;Owner\nCheck backups;1h;priya natarajan\n';
    const result = valueOf(await workspace.session.client()['runbooks.importSteps']({ runbookId: workspace.ids.runbookId, fileName: 'plan.csv', encoding: 'utf8', content, dryRun: false }));
    expect(result.imported).toBe(1);
    const [step] = (await viewOf(workspace.session, workspace.ids.runbookId)).steps;
    expect(step).toMatchObject({ title: 'Check backups', durationMinutes: 60, ownerPersonId: workspace.ids.personId, externalRef: '1' });
  });

  it('refuses an unknown runbook and a file over the size limit through the contract', async () => {
    const missing = await workspace.session.client()['runbooks.importSteps']({ runbookId: 'nope', fileName: 'a.csv', encoding: 'utf8', content: 'Task\nA\n' });
    expect(missing.ok ? '' : missing.error.code).toBe('not_found');
    const big = await workspace.session.client()['runbooks.importSteps']({ runbookId: workspace.ids.runbookId, fileName: 'a.csv', encoding: 'utf8', content: 'x'.repeat(14_000_001) });
    expect(big.ok ? '' : big.error.message).toMatch(/at most 10 MB/);
  });
});
