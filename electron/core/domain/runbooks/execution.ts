import type { ExecutionAction, ExecutionPhase, StepStatus } from '../../../contract/runbook-entities';
import { isRollbackStep, type PlanStep } from './plan-step';
import type { RunbookSchedule } from './schedule';

/** One append-only execution record, as the rules need it. `at` is epoch milliseconds. */
export interface ExecutionFact {
  id: string;
  stepId: string;
  action: ExecutionAction;
  reason: string;
  personId: string;
  at: number;
}

export interface StepExecution {
  status: StepStatus;
  actualStart: number | null;
  actualFinish: number | null;
  projectedStart: number;
  projectedFinish: number;
  /** Whole minutes behind plan (positive) or ahead (negative), by the actual or projected finish. */
  lateMinutes: number;
  /** The records of this step, in the order they are read (time, then id). */
  records: ExecutionFact[];
}

export interface ExecutionState {
  steps: StepExecution[];
  phase: ExecutionPhase;
  projectedEnd: number | null;
  lateMinutes: number;
  running: number[];
  next: number[];
  noGo: ExecutionFact | null;
}

const MINUTE = 60_000;

/** Sync may deliver records in any order: they are read by time, then id, so every device derives the same state. */
export function byTime(a: ExecutionFact, b: ExecutionFact): number {
  return a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** A dependency that no longer holds its dependents back. */
export const FINISHED_STATUSES: readonly StepStatus[] = ['done', 'skipped', 'go'];

/**
 * Folds one step's records into its status. Lenient on purpose: records made offline on two devices can disagree
 * (both started it; one completed while the other failed it), so a record that does not fit the status so far is
 * read as far as it can be (a completion of a step never started still completes it) instead of being dropped.
 * The API refuses such records when they are made on one device (execution-rules.ts).
 */
function foldStep(records: readonly ExecutionFact[]): Pick<StepExecution, 'status' | 'actualStart' | 'actualFinish'> {
  let status: StepStatus = 'pending';
  let actualStart: number | null = null;
  let actualFinish: number | null = null;
  for (const r of records) {
    switch (r.action) {
      case 'start':
        if (status === 'pending' || status === 'failed') {
          status = 'running';
          actualStart = r.at;
          actualFinish = null;
        }
        break;
      case 'complete':
        if (status === 'pending' || status === 'running' || status === 'failed') {
          status = 'done';
          actualStart ??= r.at;
          actualFinish = r.at;
        }
        break;
      case 'fail':
        if (status === 'pending' || status === 'running') {
          status = 'failed';
          actualStart ??= r.at;
          actualFinish = r.at;
        }
        break;
      case 'skip':
        if (status === 'pending' || status === 'failed' || status === 'running') {
          status = 'skipped';
          actualFinish = r.at;
        }
        break;
      case 'go':
      case 'no-go':
        if (status === 'pending') {
          status = r.action;
          actualStart = r.at;
          actualFinish = r.at;
        }
        break;
    }
  }
  return { status, actualStart, actualFinish };
}

/**
 * The live state of a runbook from its plan and its execution records (any order): each step's status and actual
 * times, projected times that move as steps finish (a step waiting for others starts when they are projected to
 * finish, and never before now), the phase, what runs now and what is next.
 *
 * Phases: not-started (no record), running, rolling-back (after a no-go, or once a rollback step was started after
 * a failure) until every rollback step is done or skipped: rolled-back; finished when every forward step is done,
 * skipped or a go.
 */
export function deriveExecution(
  steps: readonly PlanStep[],
  schedule: RunbookSchedule,
  records: readonly ExecutionFact[],
  anchorMs: number,
  nowMs: number,
): ExecutionState {
  const n = steps.length;
  const { index, deps, order } = schedule.graph;
  const perStep: ExecutionFact[][] = steps.map(() => []);
  const sorted = [...records].sort(byTime);
  for (const r of sorted) {
    const i = index.get(r.stepId);
    if (i !== undefined) perStep[i].push(r);
  }
  const folded = perStep.map(foldStep);
  const rollback = steps.map(isRollbackStep);
  const noGo = sorted.find((r) => r.action === 'no-go' && index.has(r.stepId) && folded[index.get(r.stepId)!].status === 'no-go') ?? null;
  const rollbackTouched = folded.some((f, i) => rollback[i] && f.status !== 'pending');
  const rollingBack = noGo !== null || rollbackTouched;
  const started = sorted.some((r) => index.has(r.stepId));

  const plannedStart = (i: number) => anchorMs + schedule.steps[i].start * MINUTE;
  const plannedFinish = (i: number) => anchorMs + schedule.steps[i].finish * MINUTE;
  const projectedStart = new Array<number>(n);
  const projectedFinish = new Array<number>(n);
  // The section that runs now: forward steps, or the rollback steps once rolling back. The other side keeps its plan.
  const active = (i: number) => (rollingBack ? rollback[i] : !rollback[i]);
  const rollbackFrom = noGo ? Math.max(noGo.at, nowMs) : nowMs;

  for (const i of order) {
    const f = folded[i];
    const duration = steps[i].durationMinutes * MINUTE;
    if (!started || (!active(i) && f.status === 'pending')) {
      projectedStart[i] = plannedStart(i);
      projectedFinish[i] = plannedFinish(i);
      continue;
    }
    if (f.status === 'pending') {
      let s = steps[i].fixedStartOffsetMinutes === null ? anchorMs : anchorMs + steps[i].fixedStartOffsetMinutes * MINUTE;
      for (const j of deps[i]) {
        // A rollback step waits only for other rollback steps: the forward steps it names may never have run.
        if (rollback[i] && !rollback[j]) continue;
        if (projectedFinish[j] !== undefined && projectedFinish[j] > s) s = projectedFinish[j];
      }
      if (rollback[i]) s = Math.max(s, rollbackFrom);
      s = Math.max(s, nowMs);
      projectedStart[i] = s;
      projectedFinish[i] = s + duration;
    } else if (f.status === 'running') {
      projectedStart[i] = f.actualStart!;
      projectedFinish[i] = Math.max(f.actualStart! + duration, nowMs);
    } else if (f.status === 'failed') {
      // A failed step holds its dependents until it is retried or skipped: it "finishes" no earlier than now.
      projectedStart[i] = f.actualStart!;
      projectedFinish[i] = Math.max(f.actualFinish!, nowMs);
    } else {
      projectedStart[i] = f.actualStart ?? f.actualFinish!;
      projectedFinish[i] = f.actualFinish!;
    }
  }

  const stepStates: StepExecution[] = folded.map((f, i) => ({
    status: f.status,
    actualStart: f.actualStart,
    actualFinish: f.actualFinish,
    projectedStart: projectedStart[i],
    projectedFinish: projectedFinish[i],
    lateMinutes: Math.round(((f.status === 'failed' ? projectedFinish[i] : (f.actualFinish ?? projectedFinish[i])) - plannedFinish(i)) / MINUTE),
    records: perStep[i],
  }));

  const settled = (i: number) => FINISHED_STATUSES.includes(folded[i].status);
  const forward = steps.map((_, i) => i).filter((i) => !rollback[i]);
  const rollbacks = steps.map((_, i) => i).filter((i) => rollback[i]);
  let phase: ExecutionPhase;
  if (!started) phase = 'not-started';
  else if (rollingBack) phase = rollbacks.every(settled) ? 'rolled-back' : 'rolling-back';
  else phase = forward.every(settled) ? 'finished' : 'running';

  const relevant = rollingBack ? rollbacks : forward;
  let projectedEnd: number | null = null;
  for (const i of relevant) if (projectedEnd === null || projectedFinish[i] > projectedEnd) projectedEnd = projectedFinish[i];
  if (!started) projectedEnd = schedule.end === null ? null : anchorMs + schedule.end * MINUTE;
  if (rollingBack && projectedEnd === null && noGo) projectedEnd = noGo.at;
  const plannedEnd = schedule.end === null ? null : anchorMs + schedule.end * MINUTE;
  const lateMinutes = projectedEnd !== null && plannedEnd !== null ? Math.round((projectedEnd - plannedEnd) / MINUTE) : 0;

  const running = order.filter((i) => folded[i].status === 'running');
  const finished = phase === 'finished' || phase === 'rolled-back';
  const next = finished
    ? []
    : order
        .filter((i) => active(i) && folded[i].status === 'pending' && deps[i].every((j) => (rollback[i] && !rollback[j]) || settled(j)))
        .sort((a, b) => projectedStart[a] - projectedStart[b] || steps[a].position - steps[b].position);
  return { steps: stepStates, phase, projectedEnd, lateMinutes, running, next, noGo };
}
