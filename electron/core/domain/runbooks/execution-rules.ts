import type { ExecutionAction, StepStatus } from '../../../contract/runbook-entities';
import { FINISHED_STATUSES, type ExecutionState } from './execution';
import { isRollbackStep, titleList, type PlanStep } from './plan-step';

export interface RecordProblem {
  field: 'action' | 'reason' | 'at' | 'stepId';
  message: string;
}

const STATUS_WORDS: Record<StepStatus, string> = {
  pending: 'not started',
  running: 'running',
  done: 'done',
  failed: 'failed',
  skipped: 'skipped',
  go: 'decided go',
  'no-go': 'decided no-go',
};

/** From which statuses each action may be recorded on this device (merged records are read leniently instead). */
const ALLOWED_FROM: Record<ExecutionAction, readonly StepStatus[]> = {
  start: ['pending', 'failed'],
  complete: ['running'],
  fail: ['running'],
  skip: ['pending', 'failed'],
  go: ['pending'],
  'no-go': ['pending'],
};

const ACTION_WORDS: Record<ExecutionAction, string> = {
  start: 'started',
  complete: 'completed',
  fail: 'failed',
  skip: 'skipped',
  go: 'decided go',
  'no-go': 'decided no-go',
};

/**
 * The rules for recording one action on one step, given the state derived so far (first problem, or null):
 * - go and no-go only on a go/no-go checkpoint; start, complete, fail and skip only on other steps;
 * - fail, skip and no-go need a reason;
 * - complete and fail need a running step (start it first, with its real time if it started earlier); a failed
 *   step can be started again or skipped; done, skipped and decided steps are final;
 * - a step starts (or a checkpoint is decided) only once its dependencies are done, skipped or go;
 * - rollback steps run only while rolling back: after a no-go, or after a step failed (the first rollback step
 *   started then moves execution to rollback); once rolling back, forward steps no longer start;
 * - a record's time may not be before the step's start, nor more than 5 minutes in the future.
 */
export function recordProblem(
  steps: readonly PlanStep[],
  state: ExecutionState,
  deps: readonly (readonly number[])[],
  i: number,
  input: { action: ExecutionAction; reason: string; at: number; now: number },
): RecordProblem | null {
  const step = steps[i];
  const { action } = input;
  const current = state.steps[i];
  const checkpoint = step.kind === 'checkpoint';
  if ((action === 'go' || action === 'no-go') && !checkpoint) {
    return { field: 'action', message: `"${step.title}" is not a go/no-go checkpoint: only a checkpoint is decided go or no-go.` };
  }
  if (checkpoint && action !== 'go' && action !== 'no-go') {
    return { field: 'action', message: `"${step.title}" is a go/no-go checkpoint: decide go, or no-go with a reason, instead.` };
  }
  if ((action === 'fail' || action === 'skip' || action === 'no-go') && input.reason.trim() === '') {
    const what = action === 'no-go' ? 'A no-go' : action === 'fail' ? 'Failing a step' : 'Skipping a step';
    return { field: 'reason', message: `${what} needs a reason: say why, for the war room and the audit.` };
  }
  if (input.at > input.now + 5 * 60_000) return { field: 'at', message: 'The time of a step record cannot be in the future.' };
  if (state.phase === 'finished' || state.phase === 'rolled-back') {
    return { field: 'stepId', message: `This runbook's execution has ${state.phase === 'finished' ? 'finished' : 'been rolled back'}: nothing more is recorded.` };
  }
  if (!ALLOWED_FROM[action].includes(current.status)) {
    const hint = action === 'complete' || action === 'fail' ? ` Start it first (with the time it really started, if earlier).` : '';
    return { field: 'action', message: `"${step.title}" is ${STATUS_WORDS[current.status]}, so it cannot be ${ACTION_WORDS[action]}.${hint}` };
  }
  const rollingBack = state.phase === 'rolling-back';
  const rollback = isRollbackStep(step);
  if (rollback && !rollingBack && action !== 'skip' && !state.steps.some((s) => s.status === 'failed')) {
    return { field: 'stepId', message: `"${step.title}" is a rollback step: rollback runs only after a no-go at a checkpoint, or after a step failed.` };
  }
  if (!rollback && rollingBack && (action === 'start' || action === 'go')) {
    const why = state.noGo ? 'after the no-go' : 'since a rollback step was started';
    return { field: 'stepId', message: `Execution is rolling back ${why}: only rollback steps run now.` };
  }
  if (action === 'start' || action === 'go' || action === 'no-go') {
    const waiting = deps[i].filter((j) => !(rollback && !isRollbackStep(steps[j])) && !FINISHED_STATUSES.includes(state.steps[j].status));
    if (waiting.length > 0) {
      return { field: 'stepId', message: `"${step.title}" waits for ${titleList(waiting.map((j) => steps[j].title))}: finish or skip ${waiting.length === 1 ? 'it' : 'them'} first.` };
    }
  }
  if ((action === 'complete' || action === 'fail') && current.actualStart !== null && input.at < current.actualStart) {
    return { field: 'at', message: `"${step.title}" started at ${new Date(current.actualStart).toISOString()}: it cannot end before it started.` };
  }
  return null;
}
