import type { ExecutionPhase, StepStatus } from '../../../contract/runbook-entities';
import { isRollbackStep, type PlanStep } from './plan-step';
import type { RunbookSchedule } from './schedule';
import { byTime, foldStep, type ExecutionFact } from './step-fold';

export interface StepExecution {
  status: StepStatus;
  actualStart: number | null;
  actualFinish: number | null;
  projectedStart: number;
  projectedFinish: number;
  /** Whole minutes behind plan (positive) or ahead (negative), by the actual or projected finish; never ahead when failed. */
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
  /** The abort or end-failed that ended the execution. */
  ended: ExecutionFact | null;
  /** Failed steps of the section that runs now, waiting for a retry, a skip or a decision. */
  failed: number[];
  settledCount: number;
  stepCount: number;
  beforeCutover: boolean;
  rehearsal: boolean;
  /** Milliseconds (0 or negative) the execution started ahead of the plan's start: the plan is read as moved by it. */
  shift: number;
}

const MINUTE = 60_000;

/** A dependency that no longer holds its dependents back. */
export const FINISHED_STATUSES: readonly StepStatus[] = ['done', 'skipped', 'go'];

/** Phases after which nothing more is recorded. */
export const FINAL_PHASES: readonly ExecutionPhase[] = ['finished', 'rolled-back', 'aborted', 'failed'];

/**
 * Before the cutover point a no-go may abort: nothing was deployed. The point is the step marked as the point of no
 * return; once it has started (or failed, or been done), production has changed. A runbook with no such mark is
 * read cautiously, since only its planner knows where production starts to change: the cutover has begun once any
 * forward task has started (not merely been skipped) or any go/no-go checkpoint has been decided go.
 */
function isBeforeCutover(steps: readonly PlanStep[], statuses: readonly StepStatus[]): boolean {
  const marked = steps.flatMap((s, i) => (s.pointOfNoReturn && !isRollbackStep(s) ? [i] : []));
  if (marked.length > 0) return marked.every((i) => statuses[i] === 'pending');
  const acted = (status: StepStatus) => status === 'running' || status === 'done' || status === 'failed';
  return !steps.some((s, i) => !isRollbackStep(s) && ((s.kind === 'task' && acted(statuses[i])) || (s.kind === 'checkpoint' && statuses[i] === 'go')));
}

/**
 * The live state of a runbook from its plan and its execution records (any order): each step's status and actual
 * times, projected times that move as steps finish, the phase, what runs now and what is next.
 *
 * Projections start from what really happened. An execution started ahead of plan (a rehearsal weeks early, or a
 * team ten minutes early) moves the plan with it: the window and fixed starts still hold steps back, but as far
 * ahead as the execution started, and lateness is read against that moved plan. A pending step starts when its
 * dependencies are projected to finish, and never before now; a rollback step starts after the no-go and now, never
 * at its nominal planned time.
 *
 * Phases: not-started (no step has a record that stands), running, step-failed (a forward step failed and waits
 * for a retry, a skip or a decision), rolling-back (after a no-go, or once a rollback step was started after a
 * failure) until every rollback step is done or skipped: rolled-back; finished when every forward step is done,
 * skipped or a go; aborted or failed when an abort or end-failed record ended it.
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
  const decisions = folded.flatMap((f) => f.decisions).sort(byTime);
  const noGo = decisions.find((r) => r.action === 'no-go') ?? null;
  const ended = decisions.find((r) => r.action === 'abort' || r.action === 'end-failed') ?? null;
  const rollbackTouched = folded.some((f, i) => rollback[i] && f.status !== 'pending');
  const rollingBack = noGo !== null || rollbackTouched;
  const started = decisions.length > 0 || folded.some((f) => f.status !== 'pending');
  const rehearsal = started && sorted.some((r) => r.action === 'rehearse' && index.has(r.stepId));

  const plannedStart = (i: number) => anchorMs + schedule.steps[i].start * MINUTE;
  const plannedFinish = (i: number) => anchorMs + schedule.steps[i].finish * MINUTE;
  // How far ahead of the plan's start the execution began (its earliest standing time): 0 when on time or late.
  let first = Infinity;
  for (const f of folded) if (f.status !== 'pending') first = Math.min(first, f.actualStart ?? f.actualFinish!);
  const shift = schedule.start === null || first === Infinity ? 0 : Math.min(0, first - (anchorMs + schedule.start * MINUTE));

  const projectedStart = new Array<number>(n);
  const projectedFinish = new Array<number>(n);
  // The section that runs now: forward steps, or the rollback steps once rolling back; nothing once ended.
  const active = (i: number) => ended === null && (rollingBack ? rollback[i] : !rollback[i]);
  const rollbackFrom = noGo ? Math.max(noGo.at, nowMs) : nowMs;
  // Lateness is read against the plan moved by the early start, for the steps that run (or ran) in this execution.
  const planFinish = (i: number) => plannedFinish(i) + (started && (active(i) || folded[i].status !== 'pending') ? shift : 0);

  for (const i of order) {
    const f = folded[i];
    const duration = steps[i].durationMinutes * MINUTE;
    if (!started || (!active(i) && f.status === 'pending')) {
      projectedStart[i] = plannedStart(i);
      projectedFinish[i] = plannedFinish(i);
      continue;
    }
    if (f.status === 'pending') {
      // The window (or the fixed start) holds a forward step back, moved by the early start; rollback runs when called.
      const offset = steps[i].fixedStartOffsetMinutes;
      let s = rollback[i] ? rollbackFrom : anchorMs + (offset ?? 0) * MINUTE + shift;
      for (const j of deps[i]) {
        // A rollback step waits only for other rollback steps: the forward steps it names may never have run.
        if (rollback[i] && !rollback[j]) continue;
        if (projectedFinish[j] !== undefined && projectedFinish[j] > s) s = projectedFinish[j];
      }
      s = Math.max(s, nowMs);
      projectedStart[i] = s;
      projectedFinish[i] = s + duration;
    } else if (f.status === 'running') {
      projectedStart[i] = f.actualStart!;
      projectedFinish[i] = ended ? Math.max(f.actualStart!, ended.at) : Math.max(f.actualStart! + duration, nowMs);
    } else if (f.status === 'failed') {
      // A failed step holds its dependents until it is retried or skipped: it "finishes" no earlier than now.
      projectedStart[i] = f.actualStart!;
      projectedFinish[i] = ended ? f.actualFinish! : Math.max(f.actualFinish!, nowMs);
    } else {
      projectedStart[i] = f.actualStart ?? f.actualFinish!;
      projectedFinish[i] = f.actualFinish!;
    }
  }

  const stepStates: StepExecution[] = folded.map((f, i) => {
    const late = Math.round(((f.status === 'failed' ? projectedFinish[i] : (f.actualFinish ?? projectedFinish[i])) - planFinish(i)) / MINUTE);
    return {
      status: f.status,
      actualStart: f.actualStart,
      actualFinish: f.actualFinish,
      projectedStart: projectedStart[i],
      projectedFinish: projectedFinish[i],
      // A failed step is behind by however long it holds things up, never ahead.
      lateMinutes: f.status === 'failed' ? Math.max(0, late) : late,
      records: perStep[i],
    };
  });

  const settled = (i: number) => FINISHED_STATUSES.includes(folded[i].status);
  const forward = steps.map((_, i) => i).filter((i) => !rollback[i]);
  const rollbacks = steps.map((_, i) => i).filter((i) => rollback[i]);
  const relevant = rollingBack ? rollbacks : forward;
  let phase: ExecutionPhase;
  if (!started) phase = 'not-started';
  else if (ended) phase = ended.action === 'abort' ? 'aborted' : 'failed';
  else if (rollingBack) phase = rollbacks.every(settled) ? 'rolled-back' : 'rolling-back';
  else if (forward.every(settled)) phase = 'finished';
  else if (forward.some((i) => folded[i].status === 'failed')) phase = 'step-failed';
  else phase = 'running';
  const final = FINAL_PHASES.includes(phase);

  const plannedEnd = schedule.end === null ? null : anchorMs + schedule.end * MINUTE;
  let projectedEnd: number | null = null;
  if (!started) projectedEnd = plannedEnd;
  else if (ended) projectedEnd = ended.at;
  else {
    for (const i of relevant) if (projectedEnd === null || projectedFinish[i] > projectedEnd) projectedEnd = projectedFinish[i];
    if (rollingBack && projectedEnd === null && noGo) projectedEnd = noGo.at;
  }
  const lateMinutes = started && projectedEnd !== null && plannedEnd !== null ? Math.round((projectedEnd - plannedEnd - shift) / MINUTE) : 0;

  const running = final ? [] : order.filter((i) => folded[i].status === 'running');
  const next = final
    ? []
    : order
        .filter((i) => active(i) && folded[i].status === 'pending' && deps[i].every((j) => (rollback[i] && !rollback[j]) || settled(j)))
        .sort((a, b) => projectedStart[a] - projectedStart[b] || steps[a].position - steps[b].position);
  return {
    steps: stepStates,
    phase,
    projectedEnd,
    lateMinutes,
    running,
    next,
    noGo,
    ended,
    failed: final ? [] : relevant.filter((i) => folded[i].status === 'failed'),
    settledCount: relevant.filter(settled).length,
    stepCount: relevant.length,
    beforeCutover: !rollingBack && isBeforeCutover(steps, folded.map((f) => f.status)),
    rehearsal,
    shift,
  };
}
