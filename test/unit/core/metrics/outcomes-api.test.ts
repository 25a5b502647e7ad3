import { afterEach, describe, expect, it } from 'vitest';
import type { WorkspaceSession } from '../../../../electron/core';
import type { Deployment, DeploymentsCsvResult, Incident, MetricsView } from '../../../../electron/contract/outcomes-entities';
import { recordRunbookDeployment } from '../../../../electron/core/outcomes/runbook-outcome';
import { createHandlerContext } from '../../../../electron/core/api/handler-context';
import { changeLogCount, releaseInput, seedBasics, tempSession, valueOf } from '../../../helpers/temp-workspace';

describe('release outcomes through the API', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  async function workspace() {
    const t = tempSession();
    cleanup = t.cleanup;
    const basics = await seedBasics(t.session); // Priya Natarajan, release coordinator
    const release = valueOf(await t.session.client()['releases.create'](releaseInput(basics)));
    const engineer = valueOf(await t.session.client()['people.create']({ name: 'Eli Novak', roles: ['engineer'] }));
    return { session: t.session, ...basics, releaseId: release.id, engineerId: engineer.id };
  }

  const record = (s: WorkspaceSession, input: Record<string, unknown>) => s.client()['deployments.record'](input as never);

  it('records a deployment with an open incident, counts it as a failure, then restores the incident', async () => {
    const w = await workspace();
    const base = { releaseId: w.releaseId, environmentId: w.environmentId, deployedAt: '2026-12-05T23:00:00+01:00', result: 'succeeded' };
    const d = valueOf(await record(w.session, { ...base, incidents: [{ title: 'Checkout errors', startedAt: '2026-12-05T23:30:00+01:00' }] })) as Deployment;
    expect(d).toMatchObject({ deployedAt: '2026-12-05T22:00:00.000Z', failure: true, incidents: [{ restoredAt: null }] });
    const restored = valueOf(await w.session.client()['incidents.update']({ id: d.incidents[0].id, changes: { restoredAt: '2026-12-06T00:30:00+01:00' } }));
    expect(restored.restoredAt).toBe('2026-12-05T23:30:00.000Z');
    // The same deployment again (a retried pipeline step) is refused, not doubled.
    const twice = await record(w.session, base);
    expect(twice.ok || twice.error.code).toBe('conflict');
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const w = await workspace();
    const before = changeLogCount(w.session);
    const base = { releaseId: w.releaseId, environmentId: w.environmentId, deployedAt: '2026-12-05T23:00:00+01:00', result: 'succeeded' };
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ ...base, result: 'exploded' }, 'result'],
      [{ ...base, deployedAt: 'yesterday' }, 'deployedAt'],
      [{ ...base, environmentId: 'nope' }, 'environmentId'],
      [{ ...base, incidents: [{ title: 'Too early', startedAt: '2026-12-05T20:00:00+01:00' }] }, 'incidents.0.startedAt'],
      [{ ...base, incidents: [{ title: 'Backwards', startedAt: '2026-12-06T01:00:00+01:00', restoredAt: '2026-12-06T00:00:00+01:00' }] }, 'incidents.0.restoredAt'],
    ];
    for (const [input, field] of cases) {
      const result = await record(w.session, input);
      expect(result.ok ? 'ok' : result.error.field).toBe(field);
    }
    expect(changeLogCount(w.session)).toBe(before);
  });

  it('lets only a release coordinator close the post-release review', async () => {
    const w = await workspace();
    valueOf(await w.session.client()['reviews.save']({ releaseId: w.releaseId, wentWell: 'Smooth cut-over.', actionItems: [{ text: 'Automate smoke tests', ownerId: w.engineerId }] }));
    const refused = await w.session.client()['reviews.close']({ releaseId: w.releaseId, asPersonId: w.engineerId });
    expect(refused.ok ? 'ok' : refused.error.code).toBe('forbidden');
    const closed = valueOf(await w.session.client()['reviews.close']({ releaseId: w.releaseId, asPersonId: w.personId }));
    expect(closed).toMatchObject({ closed: true, closedBy: { name: 'Priya Natarajan' }, actionItems: [{ text: 'Automate smoke tests', done: false }] });
    const edit = await w.session.client()['reviews.save']({ releaseId: w.releaseId, wentWell: 'Changed afterwards' });
    expect(edit.ok ? 'ok' : edit.error.code).toBe('conflict');
  });

  it('previews a CSV with per-row errors and imports nothing from a bad file, everything from a good one', async () => {
    const w = await workspace();
    const header = 'release,environment,deployed_at,result,incident_title,incident_started_at,incident_restored_at';
    const bad = [header, 'Payments@2.4.0,Production,2026-12-05T23:00:00+01:00,succeeded,,,', 'Payments@9.9.9,Production,2026-12-06T23:00:00+01:00,exploded,,,'].join('\n');
    const preview = valueOf(await w.session.client()['deployments.importCsv']({ content: bad, dryRun: true }));
    expect(preview).toMatchObject({ valid: 1, invalid: 1, imported: 0 });
    expect(preview.rows[1].errors.map((e) => e.column)).toEqual(['release', 'result']);
    const before = changeLogCount(w.session);
    const refused = await w.session.client()['deployments.importCsv']({ content: bad, dryRun: false });
    expect(refused.ok ? 'ok' : refused.error.message).toMatch(/^Line 3, release: .*nothing was imported\.$/);
    expect(changeLogCount(w.session)).toBe(before);

    const good = [header, 'Payments@2.4.0,production,2026-12-05T23:00:00+01:00,rolled back,"Errors, many",2026-12-05T23:10:00+01:00,'].join('\r\n');
    expect((valueOf(await w.session.client()['deployments.importCsv']({ content: good, dryRun: false }))).imported).toBe(1);
    const [d] = valueOf(await w.session.client()['deployments.list']({ releaseId: w.releaseId }));
    expect(d).toMatchObject({ result: 'rolled-back', source: 'csv', incidents: [{ title: 'Errors, many', restoredAt: null }] });

    // A rework column marks unplanned fixes of a user-facing defect; anything but yes or no is named on its row.
    const withRework = ['release,environment,deployed_at,result,rework', 'Payments@2.4.0,Production,2026-12-06T10:00:00+01:00,succeeded,yes', 'Payments@2.4.0,Production,2026-12-06T11:00:00+01:00,succeeded,sometimes'].join('\n');
    const reworkPreview = valueOf(await w.session.client()['deployments.importCsv']({ content: withRework, dryRun: true }));
    expect(reworkPreview.rows.map((r) => [r.rework, r.errors.map((e) => e.column)])).toEqual([[true, []], [false, ['rework']]]);
    expect(reworkPreview.rows[1].errors[0].message).toBe('"sometimes" is not yes or no: write yes for a deployment made to fix a user-facing defect.');
    valueOf(await w.session.client()['deployments.importCsv']({ content: withRework.split('\n').slice(0, 2).join('\n'), dryRun: false }));
    const reworked = (valueOf(await w.session.client()['deployments.list']({ releaseId: w.releaseId }))).find((x) => x.rework);
    expect(reworked).toMatchObject({ source: 'csv', deployedAt: '2026-12-06T09:00:00.000Z' });
    // …and can be set or cleared on a recorded deployment, like its other fields.
    expect(valueOf(await w.session.client()['deployments.update']({ id: reworked!.id, changes: { rework: false } }))).toMatchObject({ rework: false });

    const unknown = await w.session.client()['deployments.importCsv']({ content: 'release,colour\nx,y', dryRun: true });
    expect(unknown.ok ? 'ok' : unknown.error.message).toMatch(/Column "colour" is not one Release Desk reads/);
  });

  it('records a deployment when a runbook execution finishes', async () => {
    const w = await workspace();
    const ctx = createHandlerContext(w.session.store);
    const d = recordRunbookDeployment(ctx, { releaseId: w.releaseId, environmentId: w.environmentId, finishedAt: '2026-12-06T01:40:00+01:00', result: 'succeeded', note: 'Payments runbook' });
    expect(d).toMatchObject({ source: 'runbook', note: 'Payments runbook', failure: false });
  });

  it('shows a recorded deployment in the metrics', async () => {
    const w = await workspace();
    valueOf(await w.session.client()['changes.add']({ releaseId: w.releaseId, changes: [{ sha: 'ABCDEF1', subject: 'Fix', committedAt: '2026-12-04T22:00:00Z' }] }));
    const again = valueOf(await w.session.client()['changes.add']({ releaseId: w.releaseId, changes: [{ sha: 'abcdef1', subject: 'Fix', committedAt: '2026-12-04T22:00:00Z' }] }));
    expect(again).toEqual({ added: 0, skipped: 1, total: 1 });
    valueOf(await record(w.session, { releaseId: w.releaseId, environmentId: w.environmentId, deployedAt: '2026-12-05T22:00:00Z', result: 'succeeded' }));
    const view = valueOf(await w.session.client()['metrics.compute']({ from: '2026-12-01', to: '2026-12-07' }));
    expect(view.summary.deploymentFrequency.deployments).toBe(1);
    expect(view.summary.leadTime).toEqual({ medianHours: 24, changes: 1, band: 'high' });
    const bad = await w.session.client()['metrics.compute']({ from: '2026-12-07', to: '2026-12-01' });
    expect(bad.ok ? 'ok' : bad.error.field).toBe('to');
  });
});
