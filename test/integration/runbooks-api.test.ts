import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WorkspaceSession } from '../../electron/core';
import type { Runbook, RunbookStep, RunbookSummary, RunbookView, ExecutionRecord } from '../../electron/contract/runbook-entities';
import { changeLogCount, changesOf, enrolHere, releaseInput, seedBasics, teammateSession, tempDir, tempSession, valueOf } from '../helpers/temp-workspace';

type Session = WorkspaceSession;
const AFTER_WINDOW = Date.parse('2026-12-06T03:00:00Z');
/** These tests move "now" past the release weekend through the reference clock, however far ahead that is. */
const TIME_TRAVEL = { maxClockFollowMs: Number.POSITIVE_INFINITY };

async function call<T>(session: Session, method: string, input: unknown): Promise<T> {
  return valueOf(await session.dispatch(method as never, input as never)) as T;
}

/** A template: freeze (fixed 30 min before the window), deploy after it, verify after deploy, a checkpoint, a rollback. */
async function seedTemplate(session: Session) {
  const template = await call<Runbook>(session, 'runbooks.create', { name: 'Standard cutover', releaseId: null });
  const step = (input: Record<string, unknown>) => call<RunbookStep>(session, 'runbookSteps.create', { runbookId: template.id, ...input });
  const freeze = await step({ title: 'Freeze deployments', section: 'Pre-checks', durationMinutes: 15, fixedStartOffsetMinutes: -30 });
  const deploy = await step({ title: 'Deploy payments-api', durationMinutes: 60, dependsOn: [freeze.id] });
  const verify = await step({ title: 'Verify health checks', section: 'Verify', durationMinutes: 30, dependsOn: [deploy.id] });
  const gate = await step({ title: 'Go/no-go', kind: 'checkpoint', section: 'Verify', durationMinutes: 0, dependsOn: [verify.id] });
  const rollback = await step({ title: 'Redeploy previous version', kind: 'rollback', section: 'Rollback', durationMinutes: 45, dependsOn: [gate.id] });
  return { template, freeze, deploy, verify, gate, rollback };
}

describe('runbooks through the API (issue 4)', () => {
  let session: Session;
  let cleanup: () => void;
  let releaseId: string;
  let personId: string;
  beforeEach(async () => {
    ({ session, cleanup } = tempSession(TIME_TRAVEL));
    const basics = await seedBasics(session);
    personId = basics.personId;
    // 2026-12-05 22:00 to 2026-12-06 02:00 Berlin: 21:00Z to 01:00Z.
    releaseId = (await call<{ id: string }>(session, 'releases.create', releaseInput(basics))).id;
    session.store.setMeta('current_person_id', personId);
    // The release weekend is over by "now": records may carry any time inside the window.
    session.store.followReferenceClock(AFTER_WINDOW);
  });
  afterEach(() => cleanup());

  it("creates a release's runbook from a template, re-anchored to the release window, with its dependencies copied", async () => {
    const t = await seedTemplate(session);
    const templateView = await call<RunbookView>(session, 'runbooks.get', { id: t.template.id });
    expect(templateView.anchor).toBe('2000-01-01T00:00:00.000Z');
    expect(templateView.steps[0]).toMatchObject({ title: 'Freeze deployments', plannedStart: '1999-12-31T23:30:00.000Z' });

    const runbook = await call<Runbook>(session, 'runbooks.create', { name: 'Payments cutover', releaseId, fromRunbookId: t.template.id });
    expect(runbook).toMatchObject({ releaseId, templateId: t.template.id });
    const view = await call<RunbookView>(session, 'runbooks.get', { id: runbook.id });
    expect(view.anchor).toBe('2026-12-05T21:00:00.000Z');
    expect(view.steps.map((s) => [s.title, s.plannedStart, s.plannedFinish])).toEqual([
      ['Freeze deployments', '2026-12-05T20:30:00.000Z', '2026-12-05T20:45:00.000Z'],
      // Not fixed: after its dependency, but not before the window opens.
      ['Deploy payments-api', '2026-12-05T21:00:00.000Z', '2026-12-05T22:00:00.000Z'],
      ['Verify health checks', '2026-12-05T22:00:00.000Z', '2026-12-05T22:30:00.000Z'],
      ['Go/no-go', '2026-12-05T22:30:00.000Z', '2026-12-05T22:30:00.000Z'],
      ['Redeploy previous version', '2026-12-05T22:30:00.000Z', '2026-12-05T23:15:00.000Z'],
    ]);
    // The copies depend on the copies, not on the template's steps.
    const ids = new Set(view.steps.map((s) => s.id));
    expect(view.steps.flatMap((s) => s.dependsOn).every((d) => ids.has(d))).toBe(true);
    expect(view.criticalPath.map((id) => view.steps.find((s) => s.id === id)!.title)).toEqual([
      'Deploy payments-api',
      'Verify health checks',
      'Go/no-go',
    ]);
    expect(view.steps[0]).toMatchObject({ critical: false, slackMinutes: 15 });
    expect(view.plannedEnd).toBe('2026-12-05T22:30:00.000Z');
    expect(view.overrunMinutes).toBe(0);
    expect(view.release).toMatchObject({ name: 'Payments', version: '2.4.0', presumptive: 'go', timeZone: 'Europe/Berlin' });
    expect(view.release!.signoffs).toEqual(['Product: presumed ready', 'Organization: presumed ready', 'Security: presumed ready', 'Operation: presumed ready']);

    const list = await call<RunbookSummary[]>(session, 'runbooks.list', { releaseId });
    expect(list).toEqual([expect.objectContaining({ name: 'Payments cutover', stepCount: 5, plannedEnd: '2026-12-05T22:30:00.000Z', phase: 'not-started' })]);
    const templates = await call<RunbookSummary[]>(session, 'runbooks.list', { templates: true });
    expect(templates.map((r) => r.name)).toEqual(['Standard cutover']);
  });

  it('says when the plan overruns the release window', async () => {
    const runbook = await call<Runbook>(session, 'runbooks.create', { name: 'Long night', releaseId });
    await call(session, 'runbookSteps.create', { runbookId: runbook.id, title: 'Reindex everything', durationMinutes: 300 });
    const view = await call<RunbookView>(session, 'runbooks.get', { id: runbook.id });
    expect(view.overrunMinutes).toBe(60);
  });

  it('refuses a dependency cycle, naming its steps, and writes nothing', async () => {
    const t = await seedTemplate(session);
    const before = changeLogCount(session);
    const result = await session.client()['runbookSteps.update']({ id: t.freeze.id, changes: { dependsOn: [t.verify.id] } });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        field: 'dependsOn',
        message:
          '"Freeze deployments" waits for "Verify health checks", which waits for "Deploy payments-api", which waits for "Freeze deployments": dependencies must not form a cycle.',
      },
    });
    expect(changeLogCount(session)).toBe(before);
  });

  it('refuses a dependency on a step of another runbook', async () => {
    const t = await seedTemplate(session);
    const other = await call<Runbook>(session, 'runbooks.create', { name: 'Other', releaseId });
    const result = await session.client()['runbookSteps.create']({ runbookId: other.id, title: 'Wait', dependsOn: [t.deploy.id] });
    expect(result).toMatchObject({ ok: false, error: { field: 'dependsOn.0', message: `There is no step with id ${t.deploy.id} in this runbook.` } });
  });

  it('inserts after a step, moves a selection into a section, and deletes with its dependencies; undo restores both', async () => {
    const t = await seedTemplate(session);
    const check = await call<RunbookStep>(session, 'runbookSteps.create', { runbookId: t.template.id, title: 'Check disk space', afterStepId: t.freeze.id, section: 'Pre-checks' });
    expect(check.position).toBeGreaterThan(t.freeze.position);
    expect(check.position).toBeLessThan(t.deploy.position);
    const titles = async () => (await call<RunbookView>(session, 'runbooks.get', { id: t.template.id })).steps.map((s) => `${s.section}: ${s.title}`);
    expect((await titles()).slice(0, 3)).toEqual(['Pre-checks: Freeze deployments', 'Pre-checks: Check disk space', 'Deploy: Deploy payments-api']);

    await call(session, 'runbookSteps.move', { stepIds: [t.verify.id, t.gate.id], afterStepId: null, section: 'Smoke' });
    expect(await titles()).toEqual([
      'Smoke: Verify health checks',
      'Smoke: Go/no-go',
      'Pre-checks: Freeze deployments',
      'Pre-checks: Check disk space',
      'Deploy: Deploy payments-api',
      'Rollback: Redeploy previous version',
    ]);

    await call(session, 'runbookSteps.delete', { ids: [t.deploy.id] });
    const afterDelete = await call<RunbookView>(session, 'runbooks.get', { id: t.template.id });
    expect(afterDelete.steps.find((s) => s.id === t.verify.id)!.dependsOn).toEqual([]);
    await call(session, 'runbookSteps.restore', { ids: [t.deploy.id] });
    const restored = await call<RunbookView>(session, 'runbooks.get', { id: t.template.id });
    expect(restored.steps.find((s) => s.id === t.verify.id)!.dependsOn).toEqual([t.deploy.id]);
    expect(restored.steps).toHaveLength(6);
  });

  it('keeps inserting in place after the gap between two steps has been halved too often', async () => {
    const t = await seedTemplate(session);
    let previous = t.freeze.id;
    for (let i = 0; i < 60; i++) {
      previous = (await call<RunbookStep>(session, 'runbookSteps.create', { runbookId: t.template.id, title: `Check ${i}`, afterStepId: previous, section: 'Pre-checks' })).id;
    }
    const view = await call<RunbookView>(session, 'runbooks.get', { id: t.template.id });
    expect(view.steps.slice(0, 62).map((s) => s.title)).toEqual(['Freeze deployments', ...Array.from({ length: 60 }, (_, i) => `Check ${i}`), 'Deploy payments-api']);
  });

  it('deletes a runbook with its steps and restores both', async () => {
    const t = await seedTemplate(session);
    await call(session, 'runbookSteps.delete', { ids: [t.rollback.id] });
    await call(session, 'runbooks.delete', { id: t.template.id });
    expect(await session.client()['runbooks.get']({ id: t.template.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    await call(session, 'runbooks.restore', { id: t.template.id });
    const view = await call<RunbookView>(session, 'runbooks.get', { id: t.template.id });
    // The step deleted on its own before stays deleted.
    expect(view.steps.map((s) => s.title)).toEqual(['Freeze deployments', 'Deploy payments-api', 'Verify health checks', 'Go/no-go']);
  });

  it('executes: times recorded, a no-go moves execution to rollback, and a rolled-back end records the deployment', async () => {
    const t = await seedTemplate(session);
    const runbook = await call<Runbook>(session, 'runbooks.create', { name: 'Payments cutover', releaseId, fromRunbookId: t.template.id });
    let view = await call<RunbookView>(session, 'runbooks.get', { id: runbook.id });
    const id = (title: string) => view.steps.find((s) => s.title === title)!.id;
    const record = (title: string, action: string, extra: Record<string, unknown> = {}) =>
      session.dispatch('runbookExecution.record', { stepId: id(title), action, ...extra });

    expect(await record('Deploy payments-api', 'start')).toMatchObject({
      ok: false,
      error: { field: 'stepId', message: '"Deploy payments-api" waits for "Freeze deployments": finish or skip it first.' },
    });
    expect(await record('Freeze deployments', 'complete')).toMatchObject({ ok: false, error: { field: 'action' } });
    expect(await record('Freeze deployments', 'skip')).toMatchObject({ ok: false, error: { field: 'reason' } });
    expect(await record('Go/no-go', 'start')).toMatchObject({ ok: false, error: { field: 'action' } });

    const started = valueOf(await record('Freeze deployments', 'start', { at: '2026-12-05T20:31:00Z' })) as ExecutionRecord;
    expect(started).toMatchObject({ action: 'start', personId, personName: 'Priya Natarajan', at: '2026-12-05T20:31:00.000Z' });
    valueOf(await record('Freeze deployments', 'complete', { at: '2026-12-05T20:50:00Z' }));
    valueOf(await record('Deploy payments-api', 'start', { at: '2026-12-05T20:51:00Z' }));
    view = await call<RunbookView>(session, 'runbooks.get', { id: runbook.id });
    expect(view.execution).toMatchObject({ phase: 'running', runningStepIds: [id('Deploy payments-api')] });
    expect(view.steps[0]).toMatchObject({ status: 'done', actualStart: '2026-12-05T20:31:00.000Z', actualFinish: '2026-12-05T20:50:00.000Z', lateMinutes: 5 });

    valueOf(await record('Deploy payments-api', 'fail', { at: '2026-12-05T21:30:00Z', reason: 'Pods crash-looping' }));
    valueOf(await record('Deploy payments-api', 'skip', { at: '2026-12-05T21:35:00Z', reason: 'Decide at the checkpoint' }));
    valueOf(await record('Verify health checks', 'skip', { at: '2026-12-05T21:36:00Z', reason: 'Nothing deployed' }));
    expect(await record('Go/no-go', 'no-go')).toMatchObject({ ok: false, error: { field: 'reason' } });
    valueOf(await record('Go/no-go', 'no-go', { at: '2026-12-05T21:40:00Z', reason: 'Deploy failed' }));
    view = await call<RunbookView>(session, 'runbooks.get', { id: runbook.id });
    expect(view.execution.phase).toBe('rolling-back');
    expect(view.execution.noGo).toMatchObject({ reason: 'Deploy failed', personName: 'Priya Natarajan' });
    expect(view.execution.nextStepIds).toEqual([id('Redeploy previous version')]);

    valueOf(await record('Redeploy previous version', 'start', { at: '2026-12-05T21:41:00Z' }));
    valueOf(await record('Redeploy previous version', 'complete', { at: '2026-12-05T22:20:00Z' }));
    view = await call<RunbookView>(session, 'runbooks.get', { id: runbook.id });
    expect(view.execution.phase).toBe('rolled-back');
    const deployments = await call<Array<{ result: string; source: string; deployedAt: string }>>(session, 'deployments.list', { releaseId });
    expect(deployments).toEqual([expect.objectContaining({ result: 'rolled-back', source: 'runbook', deployedAt: '2026-12-05T22:20:00.000Z' })]);
    expect(await record('Redeploy previous version', 'start')).toMatchObject({ ok: false, error: { message: expect.stringMatching(/rolled back/) } });

    // One status everywhere: the release says rolled back, as its runbook does; the metrics show the no-go.
    const [check] = await call<Array<{ status: string; execution: { phase: string }; mismatches: string[] }>>(session, 'releases.statusChecks', { releaseIds: [releaseId] });
    expect(check).toMatchObject({ status: 'rolled-back', execution: { phase: 'rolled-back' }, mismatches: [] });
    await call(session, 'workspace.setViewerTimeZone', { timeZone: 'Europe/Berlin' });
    const metrics = await call<{ releaseManagement: Record<string, unknown> }>(session, 'metrics.compute', { from: '2026-12-01', to: '2026-12-07' });
    expect(metrics.releaseManagement).toMatchObject({ noGos: 1, rollbacks: 1, aborts: 0, onTime: { finished: 0 }, runbookDuration: { runs: 1, actualMinutesMedian: 109 } });
  });

  it('finishing every forward step records a succeeded deployment for the DORA metrics, once', async () => {
    const runbook = await call<Runbook>(session, 'runbooks.create', { name: 'Quick fix', releaseId });
    const step = await call<RunbookStep>(session, 'runbookSteps.create', { runbookId: runbook.id, title: 'Deploy hotfix', durationMinutes: 20 });
    await call(session, 'runbookSteps.create', { runbookId: runbook.id, title: 'Roll back', kind: 'rollback', section: 'Rollback' });
    await call(session, 'runbookExecution.record', { stepId: step.id, action: 'start', at: '2026-12-05T21:00:00Z' });
    expect(await call<unknown[]>(session, 'deployments.list', { releaseId })).toEqual([]);
    await call(session, 'runbookExecution.record', { stepId: step.id, action: 'complete', at: '2026-12-05T21:25:00Z' });
    const view = await call<RunbookView>(session, 'runbooks.get', { id: runbook.id });
    expect(view.execution).toMatchObject({ phase: 'finished', projectedEnd: '2026-12-05T21:25:00.000Z', lateMinutes: 5 });
    expect(await call<unknown[]>(session, 'deployments.list', { releaseId })).toEqual([
      expect.objectContaining({ result: 'succeeded', source: 'runbook', deployedAt: '2026-12-05T21:25:00.000Z', note: 'Runbook: Quick fix' }),
    ]);
  });

  it('moves the release to in progress at the first start and to released at the end; a rehearsal moves nothing', async () => {
    const status = async () => (await call<{ status: string }>(session, 'releases.get', { id: releaseId })).status;
    const rehearsal = await call<Runbook>(session, 'runbooks.create', { name: 'Dry run', releaseId });
    const tried = await call<RunbookStep>(session, 'runbookSteps.create', { runbookId: rehearsal.id, title: 'Deploy hotfix', durationMinutes: 20 });
    await call(session, 'releases.update', { id: releaseId, changes: { status: 'in-readiness' } });
    // Days before the window: a reason is needed, and as a rehearsal the release and its metrics stay as they are.
    expect(await session.client()['runbookExecution.record']({ stepId: tried.id, action: 'rehearse', at: '2026-11-20T10:00:00Z' })).toMatchObject({
      ok: false,
      error: { field: 'reason', message: expect.stringMatching(/^Starting 15 days before the window opens needs a reason/) },
    });
    await call(session, 'runbookExecution.record', { stepId: tried.id, action: 'rehearse', at: '2026-11-20T10:00:00Z', reason: 'Rehearsal' });
    await call(session, 'runbookExecution.record', { stepId: tried.id, action: 'complete', at: '2026-11-20T10:25:00Z' });
    expect((await call<RunbookView>(session, 'runbooks.get', { id: rehearsal.id })).execution).toMatchObject({ phase: 'finished', rehearsal: true });
    expect(await status()).toBe('in-readiness');
    expect(await call<unknown[]>(session, 'deployments.list', { releaseId })).toEqual([]);

    const runbook = await call<Runbook>(session, 'runbooks.create', { name: 'Quick fix', releaseId });
    const step = await call<RunbookStep>(session, 'runbookSteps.create', { runbookId: runbook.id, title: 'Deploy hotfix', durationMinutes: 20 });
    await call(session, 'runbookExecution.record', { stepId: step.id, action: 'start', at: '2026-12-05T21:00:00Z' });
    expect(await status()).toBe('in-progress');
    await call(session, 'runbookExecution.record', { stepId: step.id, action: 'complete', at: '2026-12-05T21:30:00Z' });
    expect(await status()).toBe('released');
  });

  it('a no-go before the point of no return aborts: the release is aborted and no deployment is recorded', async () => {
    const runbook = await call<Runbook>(session, 'runbooks.create', { name: 'Cutover', releaseId });
    const add = (input: Record<string, unknown>) => call<RunbookStep>(session, 'runbookSteps.create', { runbookId: runbook.id, ...input });
    const check = await add({ title: 'Check the provider status page', section: 'Pre-checks', durationMinutes: 5 });
    const go = await add({ title: 'Go/no-go: start', kind: 'checkpoint', section: 'Pre-checks', durationMinutes: 0, dependsOn: [check.id], approverIds: [personId], criteria: 'Provider green' });
    await add({ title: 'Switch on maintenance mode', durationMinutes: 5, dependsOn: [go.id], pointOfNoReturn: true });
    await add({ title: 'Roll back', kind: 'rollback', section: 'Rollback', dependsOn: [go.id] });
    await call(session, 'runbookExecution.record', { stepId: check.id, action: 'start', at: '2026-12-05T21:00:00Z' });
    await call(session, 'runbookExecution.record', { stepId: check.id, action: 'complete', at: '2026-12-05T21:04:00Z' });
    const view = await call<RunbookView>(session, 'runbooks.get', { id: runbook.id });
    expect(view.execution).toMatchObject({ beforeCutover: true, settledCount: 1, stepCount: 3 });
    expect(view.steps[1]).toMatchObject({ approverNames: ['Priya Natarajan'], criteria: 'Provider green' });
    await call(session, 'runbookExecution.record', { stepId: go.id, action: 'abort', at: '2026-12-05T21:05:00Z', reason: 'Payment provider outage' });
    const after = await call<RunbookView>(session, 'runbooks.get', { id: runbook.id });
    expect(after.execution).toMatchObject({ phase: 'aborted', ended: { action: 'abort', reason: 'Payment provider outage' } });
    expect((await call<{ status: string }>(session, 'releases.get', { id: releaseId })).status).toBe('aborted');
    expect(await call<unknown[]>(session, 'deployments.list', { releaseId })).toEqual([]);
    const gate = await call<{ decision: string; lines: string[] }>(session, 'readiness.gate', { releaseId });
    expect(gate).toMatchObject({ decision: 'halted', lines: [expect.stringMatching(/^Readiness policy: /), 'Payments 2.4.0 is HALTED: the release is Aborted (nothing deployed).'] });
  });

  it('a release coordinator ends a runbook stopped on a failed step as failed: a failed deployment for DORA', async () => {
    const runbook = await call<Runbook>(session, 'runbooks.create', { name: 'Cutover', releaseId });
    const migrate = await call<RunbookStep>(session, 'runbookSteps.create', { runbookId: runbook.id, title: 'Migrate', durationMinutes: 30, pointOfNoReturn: true });
    await call(session, 'runbookExecution.record', { stepId: migrate.id, action: 'start', at: '2026-12-05T21:00:00Z' });
    await call(session, 'runbookExecution.record', { stepId: migrate.id, action: 'fail', at: '2026-12-05T21:20:00Z', reason: 'Lock timeout' });
    expect((await call<RunbookView>(session, 'runbooks.get', { id: runbook.id })).execution).toMatchObject({ phase: 'step-failed', failedStepIds: [migrate.id] });
    const engineer = await call<{ id: string }>(session, 'people.create', { name: 'Ben Engineer', roles: ['engineer'] });
    await enrolHere(session, [engineer.id]);
    expect(await session.client()['runbookExecution.record']({ stepId: migrate.id, action: 'end-failed', reason: 'Fix forward', asPersonId: engineer.id })).toMatchObject({
      ok: false,
      error: { field: 'asPersonId', message: 'Ending the execution as failed needs the release coordinator role, who owns the release as a whole.' },
    });
    await call(session, 'runbookExecution.record', { stepId: migrate.id, action: 'end-failed', at: '2026-12-05T21:30:00Z', reason: 'Fix forward on Monday' });
    expect((await call<RunbookView>(session, 'runbooks.get', { id: runbook.id })).execution.phase).toBe('failed');
    expect(await call<unknown[]>(session, 'deployments.list', { releaseId })).toEqual([
      expect.objectContaining({ result: 'failed', source: 'runbook', deployedAt: '2026-12-05T21:30:00.000Z' }),
    ]);
    expect((await call<{ status: string }>(session, 'releases.get', { id: releaseId })).status).toBe('in-progress');
    const metrics = await call<{ summary: { changeFailureRate: { failures: number; deployments: number } } }>(session, 'metrics.compute', { from: '2026-12-01', to: '2026-12-31' });
    expect(metrics.summary.changeFailureRate).toMatchObject({ failures: 1, deployments: 1 });
  });

  it('a readiness gate step blocks go while a readiness state is halted; the release coordinator may override, with a reason', async () => {
    const runbook = await call<Runbook>(session, 'runbooks.create', { name: 'Cutover', releaseId });
    const gate = await call<RunbookStep>(session, 'runbookSteps.create', { runbookId: runbook.id, title: 'Readiness gate', kind: 'readiness-gate', section: 'Pre-checks', durationMinutes: 0 });
    const security = await call<{ id: string }>(session, 'people.create', { name: 'Amara Okafor', roles: ['security-architect'] });
    await enrolHere(session, [security.id]);
    await call(session, 'readiness.signoff', { releaseId, state: 'security', action: 'halt', comment: 'CVE-2026-1234 open', asPersonId: security.id });
    const view = await call<RunbookView>(session, 'runbooks.get', { id: runbook.id });
    expect(view.release!.gate.decision).toBe('halted');
    const go = await session.client()['runbookExecution.record']({ stepId: gate.id, action: 'go', at: '2026-12-05T21:00:00Z' });
    expect(go).toMatchObject({ ok: false, error: { field: 'action', message: expect.stringMatching(/^The readiness gate says HALTED: Payments 2\.4\.0 is HALTED\. Security halted by Amara Okafor at .+: CVE-2026-1234 open\. Go is blocked/) } });
    expect(await session.client()['runbookExecution.record']({ stepId: gate.id, action: 'override', at: '2026-12-05T21:00:00Z', reason: 'x', asPersonId: security.id })).toMatchObject({
      ok: false,
      error: { field: 'asPersonId' },
    });
    const override = valueOf(await session.client()['runbookExecution.record']({ stepId: gate.id, action: 'override', at: '2026-12-05T21:00:00Z', reason: 'The CVE is not reachable from outside' }));
    expect(override).toMatchObject({ action: 'override', personName: 'Priya Natarajan' });
    const after = await call<RunbookView>(session, 'runbooks.get', { id: runbook.id });
    expect(after.steps[0].status).toBe('go');
    const audit = await call<Array<{ kind: string; what: string; comment: string }>>(session, 'audit.release', { releaseId });
    expect(audit.find((e) => e.kind === 'step-execution')).toMatchObject({ what: 'Overrode the readiness gate at "Readiness gate" (Cutover).', comment: 'The CVE is not reachable from outside' });
  });

  it('a go at a passing readiness gate keeps the gate’s answer as its reason', async () => {
    const runbook = await call<Runbook>(session, 'runbooks.create', { name: 'Cutover', releaseId });
    const gate = await call<RunbookStep>(session, 'runbookSteps.create', { runbookId: runbook.id, title: 'Readiness gate', kind: 'readiness-gate', durationMinutes: 0 });
    const roles = ['product-owner', 'release-coordinator', 'security-architect', 'operations-coordinator'] as const;
    const states = ['product', 'organization', 'security', 'operation'] as const;
    await call(session, 'people.update', { id: personId, changes: { roles: [...roles] } });
    for (const state of states) await call(session, 'readiness.signoff', { releaseId, state, action: 'assert' });
    const go = valueOf(await session.client()['runbookExecution.record']({ stepId: gate.id, action: 'go', at: '2026-12-05T21:00:00Z' }));
    expect(go.reason).toBe('Readiness gate: Payments 2.4.0 may GO: all four readiness states are asserted.');
  });
  it('refuses to execute a template', async () => {
    const t = await seedTemplate(session);
    const result = await session.client()['runbookExecution.record']({ stepId: t.freeze.id, action: 'start' });
    expect(result).toMatchObject({ ok: false, error: { field: 'stepId', message: expect.stringMatching(/templates are planned, not executed/) } });
  });

  it('the step executions appear in the release audit', async () => {
    const t = await seedTemplate(session);
    const runbook = await call<Runbook>(session, 'runbooks.create', { name: 'Payments cutover', releaseId, fromRunbookId: t.template.id });
    const view = await call<RunbookView>(session, 'runbooks.get', { id: runbook.id });
    await call(session, 'runbookExecution.record', { stepId: view.steps[0].id, action: 'start', at: '2026-12-05T20:31:00Z' });
    await call(session, 'runbookExecution.record', { stepId: view.steps[0].id, action: 'reopen', at: '2026-12-05T20:32:00Z', reason: 'Started the wrong step' });
    const audit = await call<Array<{ kind: string; what: string; who: string; comment: string }>>(session, 'audit.release', { releaseId });
    const executions = audit.filter((e) => e.kind === 'step-execution');
    expect(executions).toEqual([
      expect.objectContaining({ who: 'Priya Natarajan', what: 'Reopened "Freeze deployments" (Payments cutover).', comment: 'Started the wrong step' }),
      expect.objectContaining({ who: 'Priya Natarajan', what: 'Started "Freeze deployments" (Payments cutover).' }),
    ]);
    // The first start put the release in progress, in its own entry of the audit.
    expect(audit.some((e) => e.kind === 'release-change' && e.what === 'Changed Status from Planned to In progress.')).toBe(true);
  });

  it('a person owning steps in two overlapping runbooks is a runbook-owner collision, with a sentence', async () => {
    const basics = { systemId: (await call<{ id: string }>(session, 'systems.create', { name: 'Orders' })).id, environmentId: (await call<{ id: string }>(session, 'environments.create', { name: 'UAT' })).id };
    const other = await call<{ id: string }>(session, 'releases.create', releaseInput(basics, { name: 'Orders', version: '7.1.0', windowStart: '2026-12-05T23:00:00+01:00' }));
    const dba = await call<{ id: string }>(session, 'people.create', { name: 'Lukas Hoffmann', roles: ['engineer'] });
    await enrolHere(session, [dba.id]);
    for (const [rel, name, minutes] of [[releaseId, 'Payments cutover', 90], [other.id, 'Orders cutover', 30]] as const) {
      const runbook = await call<Runbook>(session, 'runbooks.create', { name, releaseId: rel });
      await call(session, 'runbookSteps.create', { runbookId: runbook.id, title: 'Migrate the database', ownerPersonId: dba.id, durationMinutes: minutes });
    }
    const collisions = await call<Array<{ kind: string; personId: string | null; sentence: string }>>(session, 'collisions.list', {});
    const owner = collisions.filter((c) => c.kind === 'runbook-owner');
    expect(owner).toHaveLength(1);
    expect(owner[0].personId).toBe(dba.id);
    expect(owner[0].sentence).toMatch(/^Lukas Hoffmann owns steps in both (Payments|Orders) cutover \(.+\) and (Payments|Orders) cutover \(.+\) on [^()]+\.$/);
  });

  it('keeps the history of a runbook step for audit.history', async () => {
    const t = await seedTemplate(session);
    await call(session, 'runbookSteps.update', { id: t.deploy.id, changes: { durationMinutes: 90 } });
    const history = await call<Array<{ field: string; oldValue: unknown; newValue: unknown; authorName: string }>>(session, 'audit.history', { entity: 'runbookStep', id: t.deploy.id });
    expect(history[0]).toMatchObject({ field: 'durationMinutes', oldValue: 60, newValue: 90, authorName: 'Priya Natarajan' });
  });
});

describe('execution records merge through sync (issue 4)', () => {
  const cleanups: Array<() => void> = [];
  afterEach(() => cleanups.splice(0).reverse().forEach((c) => c()));

  it('two devices executing offline keep every record after exchanging change logs', async () => {
    const t = tempDir();
    const a = WorkspaceSession.open(path.join(t.dir, 'a.releasedesk'), TIME_TRAVEL);
    cleanups.push(t.cleanup, () => a.close());
    const basics = await seedBasics(a);
    const release = await call<{ id: string }>(a, 'releases.create', releaseInput(basics));
    const tpl = await seedTemplate(a);
    const runbook = await call<Runbook>(a, 'runbooks.create', { name: 'Cutover', releaseId: release.id, fromRunbookId: tpl.template.id });
    const mate = await teammateSession(a, [basics.personId], TIME_TRAVEL);
    const b = mate.session;
    cleanups.push(mate.cleanup);
    a.store.setMeta('current_person_id', basics.personId);
    b.store.setMeta('current_person_id', basics.personId);
    a.store.followReferenceClock(AFTER_WINDOW);
    b.store.followReferenceClock(AFTER_WINDOW);

    const steps = (await call<RunbookView>(a, 'runbooks.get', { id: runbook.id })).steps;
    // Offline: A runs the freeze; B, not knowing, records the same start a minute later and completes it.
    await call(a, 'runbookExecution.record', { stepId: steps[0].id, action: 'start', at: '2026-12-05T20:30:00Z' });
    await call(b, 'runbookExecution.record', { stepId: steps[0].id, action: 'start', at: '2026-12-05T20:31:00Z' });
    await call(b, 'runbookExecution.record', { stepId: steps[0].id, action: 'complete', at: '2026-12-05T20:44:00Z' });

    a.store.receive(changesOf(b));
    b.store.receive(changesOf(a));
    const viewA = await call<RunbookView>(a, 'runbooks.get', { id: runbook.id });
    const viewB = await call<RunbookView>(b, 'runbooks.get', { id: runbook.id });
    expect(viewA.steps[0].records.map((r) => r.action)).toEqual(['start', 'start', 'complete']);
    expect(viewB.steps[0].records).toEqual(viewA.steps[0].records);
    expect(viewA.steps[0]).toMatchObject({ status: 'done', actualStart: '2026-12-05T20:30:00.000Z', actualFinish: '2026-12-05T20:44:00.000Z' });
    const { projectedEnd: _a, ...executionA } = viewA.execution;
    const { projectedEnd: _b, ...executionB } = viewB.execution;
    expect(executionB).toEqual(executionA);
  });
});
