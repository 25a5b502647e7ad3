import { invalidInput } from '../../contract/api-result';
import type { Environment, Release } from '../../contract/entities';
import type { ExecutionRecord, ExecutionRecordInput } from '../../contract/runbook-entities';
import type { z } from 'zod';
import type { HandlerContext } from '../api/handler-context';
import { signingPerson } from '../api/handlers/acting-person';
import { deploymentResultForPhase, recordProblem, releaseStatusForPhase } from '../domain/runbooks';
import { deploymentProblems } from '../outcomes/deployment-writes';
import { recordRunbookDeployment } from '../outcomes/runbook-outcome';
import { gateSays, releaseGate } from './release-gate';
import { getRunbook, getStep, toExecutionRecord } from './runbook-records';
import { executionWindow, runbookFacts, type RunbookFacts } from './runbook-view';

/**
 * Records one execution action (start, complete, fail, skip, go, no-go, rehearse, reopen, override, abort,
 * end-failed): an append-only insert, after the rules of domain/runbooks/execution-rules.ts. A readiness gate reads
 * the release's gate as the action is recorded, and its go keeps the gate's answer as the record's reason. When the
 * record changes the execution's phase, the release's status follows, and an ended execution records the release's
 * deployment for the DORA metrics.
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
  const release = before.release;
  const answer = release && step.kind === 'readiness-gate' ? releaseGate(ctx, release) : null;
  // The step speaks of this release: its decision and why, not the workspace policy line.
  const gate = answer ? { decision: answer.decision, lines: gateSays(answer) } : null;
  const problem = recordProblem(before.steps, before.execution, before.schedule.graph.deps, i, {
    action: input.action,
    reason: input.reason,
    at: Date.parse(at),
    now: nowMs,
    roles: person.roles,
    window: executionWindow(before),
    gate,
  });
  if (problem) throw invalidInput(problem.field, problem.message);

  const reason = input.reason.trim() || (gate && input.action === 'go' ? `Readiness gate: ${gate.lines[0]}` : '');
  const fields = {
    runbookId: runbook.id,
    releaseId: runbook.releaseId,
    stepId: step.id,
    action: input.action,
    reason,
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

/** The first start puts the release in progress; the end of execution makes it released, rolled back or aborted. */
function moveReleaseStatus(ctx: HandlerContext, facts: RunbookFacts, personId: string): void {
  if (!facts.release) return;
  const next = releaseStatusForPhase(facts.execution.phase, facts.release.status, facts.execution.rehearsal);
  if (next && next !== facts.release.status) ctx.store.mutate(personId, (w) => w.update('release', facts.release!.id, { status: next }));
}

/** The environment a runbook deploys to: the release's production environment, else the last one it books. */
function targetEnvironment(ctx: HandlerContext, release: Release): string | null {
  const environments = release.environmentIds.flatMap((id) => {
    const row = ctx.store.reader.get('environment', id);
    return row ? [row] : [];
  });
  return (environments.find((e) => e.isProduction) ?? environments[environments.length - 1])?.id ?? null;
}

/**
 * The execution just ended: record the deployment (source "runbook") through the outcomes hook: succeeded,
 * rolled back, or failed (ended as failed); an abort and a rehearsal record none. A release that cannot take a
 * deployment (cancelled, no environment, the same deployment already recorded) is left as it is: the step's record
 * stands either way, and the deployment can still be recorded by hand.
 */
function recordDeploymentWhenEnded(ctx: HandlerContext, facts: RunbookFacts): void {
  const { phase, projectedEnd, rehearsal } = facts.execution;
  const result = deploymentResultForPhase(phase, rehearsal);
  if (!result || !facts.release || projectedEnd === null) return;
  const environmentId = targetEnvironment(ctx, facts.release);
  if (!environmentId) return;
  const execution = {
    releaseId: facts.release.id,
    environmentId,
    finishedAt: new Date(projectedEnd).toISOString(),
    result,
    note: `Runbook: ${facts.runbook.name}`,
  };
  const record = { ...execution, deployedAt: execution.finishedAt, source: 'runbook' as const, incidents: [] };
  if (deploymentProblems(ctx, record).length > 0) return;
  recordRunbookDeployment(ctx, execution);
}
