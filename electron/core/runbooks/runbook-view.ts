import type { Release } from '../../contract/entities';
import type { ReadinessStateView } from '../../contract/readiness-entities';
import type { Runbook, RunbookStep, RunbookSummary, RunbookView, StepView } from '../../contract/runbook-entities';
import { loadReadiness } from '../api/handlers/readiness-records';
import { peopleNames } from '../people/people-queries';
import type { HandlerContext } from '../api/handler-context';
import { deriveExecution, isRollbackStep, outsideWindow, scheduleRunbook, tableOrder, type ExecutionState, type RunbookSchedule } from '../domain/runbooks';
import { releaseGate } from './release-gate';
import { statusMismatches } from '../domain/release-status-agreement';
import { formatLocal } from '../domain/calendar/zoned-time';
import { getRunbook, loadExecutions, loadSteps, toExecutionRecord, toPlanStep, type StoredExecution } from './runbook-records';

/** A template has no window: its times are shown from a nominal anchor, as offsets would be. */
export const TEMPLATE_ANCHOR = '2000-01-01T00:00:00.000Z';
const MINUTE = 60_000;

export interface RunbookFacts {
  runbook: Runbook;
  release: Release | null;
  steps: RunbookStep[];
  records: StoredExecution[];
  anchorMs: number;
  schedule: RunbookSchedule;
  execution: ExecutionState;
}

function releaseOf(ctx: HandlerContext, runbook: Runbook): Release | null {
  if (runbook.releaseId === null) return null;
  return ctx.store.reader.get('release', runbook.releaseId) ?? null;
}

/** The plan and the execution state of one runbook, as plain data (the view, the list and the record rules use it). */
export function runbookFacts(ctx: HandlerContext, runbook: Runbook, now: Date = new Date(ctx.store.now())): RunbookFacts {
  const release = releaseOf(ctx, runbook);
  const steps = loadSteps(ctx, runbook.id);
  const records = loadExecutions(ctx, runbook.id);
  const anchorMs = Date.parse(release?.windowStart ?? TEMPLATE_ANCHOR);
  const windowMinutes = release ? (Date.parse(release.windowEnd) - anchorMs) / MINUTE : null;
  const plan = steps.map(toPlanStep);
  const schedule = scheduleRunbook(plan, windowMinutes);
  const execution = deriveExecution(plan, schedule, records, anchorMs, now.getTime());
  return { runbook, release, steps, records, anchorMs, schedule, execution };
}

/** The release window and the plan's first start (pre-checks may begin before the window): what "outside the window" means. */
export function executionWindow(facts: Pick<RunbookFacts, 'release' | 'schedule' | 'anchorMs'>): { start: number; end: number; planStart: number | null } | null {
  if (!facts.release) return null;
  const planStart = facts.schedule.start === null ? null : facts.anchorMs + facts.schedule.start * MINUTE;
  return { start: facts.anchorMs, end: Date.parse(facts.release.windowEnd), planStart };
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * "Security: asserted by Ana Díaz, Thu 3 Dec 2026 15:10 Europe/Berlin" or "Product: presumed ready", one per readiness
 * state; the time in the zone the runbook's paper is printed in (the release's), so the page keeps to one zone.
 */
export function signoffLine(state: Pick<ReadinessStateView, 'label' | 'status' | 'by' | 'at' | 'comment' | 'word'>, zone: string): string {
  if (state.status === 'unasserted' || !state.by || !state.at) return `${state.label}: ${state.word.toLowerCase()}`;
  const line = `${state.label}: ${state.status} by ${state.by.name}, ${formatLocal(Date.parse(state.at), zone)} ${zone}`;
  return state.status === 'halted' && state.comment ? `${line} (${state.comment})` : line;
}

function releaseInfo(ctx: HandlerContext, release: Release, personName: (id: string) => string, facts: RunbookFacts): NonNullable<RunbookView['release']> {
  const readiness = loadReadiness(ctx, release, { now: new Date(ctx.store.now()).toISOString() });
  const gate = releaseGate(ctx, release, readiness);
  const nameOf = (entity: 'environment' | 'system', id: string) => String(ctx.store.reader.get(entity, id)?.name ?? id);
  return {
    id: release.id,
    name: release.name,
    version: release.version,
    windowStart: release.windowStart,
    windowEnd: release.windowEnd,
    timeZone: release.timeZone,
    status: release.status,
    ownerName: release.ownerId ? personName(release.ownerId) : '',
    environmentNames: release.environmentIds.map((id) => nameOf('environment', id)),
    systemNames: release.systemIds.map((id) => nameOf('system', id)),
    presumptive: readiness.gate.decision,
    signoffs: readiness.states.map((state) => signoffLine(state, release.timeZone)),
    gate: { decision: gate.decision, lines: gate.lines },
    // This runbook's execution is the one on screen: the header says where the release's status disagrees with it.
    mismatches: statusMismatches({
      status: release.status,
      gate,
      execution: { runbookName: facts.runbook.name, phase: facts.execution.phase, rehearsal: facts.execution.rehearsal },
    }),
  };
}

/**
 * One runbook with everything a screen, a PDF or a pipeline needs: the release it belongs to (window, presumptive
 * status, a line per readiness state), the steps in table order with their planned, actual and projected times,
 * the critical path, the overrun of the window, and the execution state as of `now`.
 */
export function readRunbookView(ctx: HandlerContext, runbookId: string, now: Date = new Date(ctx.store.now())): RunbookView {
  const facts = runbookFacts(ctx, getRunbook(ctx, runbookId), now);
  const { runbook, release, steps, anchorMs, schedule, execution } = facts;
  const nameOf = peopleNames(ctx.store).name;
  const at = (minutes: number) => iso(anchorMs + minutes * MINUTE);

  const views: StepView[] = steps.map((step, i) => {
    const planned = schedule.steps[i];
    const live = execution.steps[i];
    // Fields listed, not spread: `{ ...step, more }` with this many extra keys takes V8's slow path (~40 µs a step).
    return {
      id: step.id,
      runbookId: step.runbookId,
      position: step.position,
      title: step.title,
      description: step.description,
      command: step.command,
      ownerPersonId: step.ownerPersonId,
      ownerTeam: step.ownerTeam,
      kind: step.kind,
      section: step.section,
      durationMinutes: step.durationMinutes,
      dependsOn: step.dependsOn,
      fixedStartOffsetMinutes: step.fixedStartOffsetMinutes,
      externalRef: step.externalRef,
      approverIds: step.approverIds,
      criteria: step.criteria,
      pointOfNoReturn: step.pointOfNoReturn,
      approverNames: step.approverIds.map(nameOf),
      ownerName: step.ownerPersonId ? nameOf(step.ownerPersonId) : step.ownerTeam,
      plannedStart: at(planned.start),
      plannedFinish: at(planned.finish),
      slackMinutes: planned.slack,
      critical: planned.critical,
      rollback: isRollbackStep(step),
      status: live.status,
      actualStart: live.actualStart === null ? null : iso(live.actualStart),
      actualFinish: live.actualFinish === null ? null : iso(live.actualFinish),
      projectedStart: iso(live.projectedStart),
      projectedFinish: iso(live.projectedFinish),
      lateMinutes: live.lateMinutes,
      records: live.records.map((r) => toExecutionRecord({ ...r, runbookId: runbook.id }, nameOf)),
    };
  });
  const ids = (indexes: readonly number[]) => indexes.map((i) => steps[i].id);
  const window = executionWindow(facts);
  const outside = window && execution.phase === 'not-started' ? outsideWindow(window, now.getTime()) : null;
  return {
    runbook,
    release: release ? releaseInfo(ctx, release, nameOf, facts) : null,
    steps: tableOrder(views),
    anchor: iso(anchorMs),
    plannedStart: schedule.start === null ? null : at(schedule.start),
    plannedEnd: schedule.end === null ? null : at(schedule.end),
    criticalPath: ids(schedule.criticalPath),
    overrunMinutes: schedule.overrun,
    execution: {
      phase: execution.phase,
      projectedEnd: execution.projectedEnd === null ? null : iso(execution.projectedEnd),
      lateMinutes: execution.lateMinutes,
      runningStepIds: ids(execution.running),
      nextStepIds: ids(execution.next),
      noGo: execution.noGo ? toExecutionRecord({ ...execution.noGo, runbookId: runbook.id }, nameOf) : null,
      ended: execution.ended ? toExecutionRecord({ ...execution.ended, runbookId: runbook.id }, nameOf) : null,
      failedStepIds: ids(execution.failed),
      settledCount: execution.settledCount,
      stepCount: execution.stepCount,
      beforeCutover: execution.beforeCutover,
      rehearsal: execution.rehearsal,
      outsideWindow: outside,
      shiftMinutes: Math.round(execution.shift / MINUTE),
    },
  };
}

/** A runbook's line in a list: its plan's end, overrun and execution phase. */
export function runbookSummary(ctx: HandlerContext, runbook: Runbook): RunbookSummary {
  const { release, steps, anchorMs, schedule, execution } = runbookFacts(ctx, runbook);
  return {
    id: runbook.id,
    name: runbook.name,
    releaseId: runbook.releaseId,
    releaseName: release ? `${release.name} ${release.version}` : '',
    windowStart: release?.windowStart ?? null,
    stepCount: steps.length,
    plannedEnd: schedule.end === null ? null : iso(anchorMs + schedule.end * MINUTE),
    overrunMinutes: schedule.overrun,
    phase: execution.phase,
  };
}
