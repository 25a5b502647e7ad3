import { invalidInput } from '../../contract/api-result';
import type { Environment, Release } from '../../contract/entities';
import type { ExecutionRecord, ExecutionRecordInput } from '../../contract/runbook-entities';
import type { z } from 'zod';
import type { HandlerContext } from '../api/handler-context';
import { signingPerson } from '../api/handlers/acting-person';
import { recordProblem, releaseStatusForPhase } from '../domain/runbooks';
import { deploymentProblems } from '../outcomes/deployment-writes';
import { recordRunbookDeployment } from '../outcomes/runbook-outcome';
import { getRunbook, getStep, toExecutionRecord } from './runbook-records';
import { runbookFacts, type RunbookFacts } from './runbook-view';

/**
 * Records one start, complete, fail, skip, go or no-go: an append-only insert, after the rules of
 * domain/runbooks/execution-rules.ts. When the record ends the execution (every forward step done: finished; every
 * rollback step done after a no-go: rolled back), the release's deployment is recorded for the DORA metrics.
 */
export function recordExecution(ctx: HandlerContext, input: z.output<typeof ExecutionRecordInput>): ExecutionRecord {
  const step = getStep(ctx, input.stepId);
  const runbook = getRunbook(ctx, step.runbookId);
  if (runbook.releaseId === null) {
    throw invalidInput('stepId', `"${step.title}" belongs to the template ${runbook.name}: templates are planned, not executed. Create a release's runbook from it.`);
  }
  const person = signingPerson(ctx, input.asPersonId, 'executing a step');
  const nowMs = ctx.store.now();
  const at = input.at ?? new Date(nowMs).toISOString();
  const before = runbookFacts(ctx, runbook, new Date(nowMs));
  const i = before.steps.findIndex((s) => s.id === step.id);
  const problem = recordProblem(before.steps, before.execution, before.schedule.graph.deps, i, {
    action: input.action,
    reason: input.reason,
    at: Date.parse(at),
    now: nowMs,
  });
  if (problem) throw invalidInput(problem.field, problem.message);

  const fields = {
    runbookId: runbook.id,
    releaseId: runbook.releaseId,
    stepId: step.id,
    action: input.action,
    reason: input.reason.trim(),
    personId: person.id,
    at,
    deviceId: ctx.store.deviceId,
  };
  const id = ctx.store.mutate(person.id, (w) => w.append('stepExecution', fields));

  const after = runbookFacts(ctx, runbook, new Date(nowMs));
  if (after.execution.phase !== before.execution.phase) {
    moveReleaseStatus(ctx, after, person.id);
    recordDeploymentWhenEnded(ctx, after);
  }
  return toExecutionRecord({ ...fields, id, at: Date.parse(at) }, (pid) => (pid === person.id ? person.name : pid));
}

/** The first start puts a release with its go in progress; the end of execution makes it released or rolled back. */
function moveReleaseStatus(ctx: HandlerContext, facts: RunbookFacts, personId: string): void {
  if (!facts.release) return;
  const next = releaseStatusForPhase(facts.execution.phase, facts.release.status);
  if (next && next !== facts.release.status) ctx.store.mutate(personId, (w) => w.update('release', facts.release!.id, { status: next }));
}

/** The environment a runbook deploys to: the release's production environment, else the last one it books. */
function targetEnvironment(ctx: HandlerContext, release: Release): string | null {
  const environments = release.environmentIds.flatMap((id) => {
    const row = ctx.store.reader.get('environment', id) as unknown as Environment | undefined;
    return row ? [row] : [];
  });
  return (environments.find((e) => e.isProduction) ?? environments[environments.length - 1])?.id ?? null;
}

/**
 * The execution just ended: record the deployment (source "runbook") through the outcomes hook. A release that
 * cannot take a deployment (cancelled, no environment, the same deployment already recorded) is left as it is: the
 * step's record stands either way, and the deployment can still be recorded by hand.
 */
function recordDeploymentWhenEnded(ctx: HandlerContext, facts: RunbookFacts): void {
  const { phase, projectedEnd } = facts.execution;
  if ((phase !== 'finished' && phase !== 'rolled-back') || !facts.release || projectedEnd === null) return;
  const environmentId = targetEnvironment(ctx, facts.release);
  if (!environmentId) return;
  const execution = {
    releaseId: facts.release.id,
    environmentId,
    finishedAt: new Date(projectedEnd).toISOString(),
    result: phase === 'finished' ? ('succeeded' as const) : ('rolled-back' as const),
    note: `Runbook: ${facts.runbook.name}`,
  };
  const record = { ...execution, deployedAt: execution.finishedAt, source: 'runbook' as const, incidents: [] };
  if (deploymentProblems(ctx, record).length > 0) return;
  recordRunbookDeployment(ctx, execution);
}
