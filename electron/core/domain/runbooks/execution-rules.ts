import type { PersonRole } from '../../../contract/entities';
import type { GateDecision } from '../../../contract/readiness-entities';
import { isDecisionKind, REASONED_ACTIONS, type ExecutionAction, type StepStatus } from '../../../contract/runbook-entities';
import { FINISHED_STATUSES, type ExecutionState } from './execution';
import { isRollbackStep, titleList, type PlanStep } from './plan-step';

export interface RecordProblem {
  field: 'action' | 'reason' | 'at' | 'stepId' | 'asPersonId';
  message: string;
}

/** What the rules need to know besides the plan and the state; all times are epoch milliseconds. */
export interface RecordInput {
  action: ExecutionAction;
  reason: string;
  at: number;
  now: number;
  /** The acting person's roles: an override and an end-failed need the release coordinator. */
  roles: readonly PersonRole[];
  /** The release's window and the plan's first start; starting the execution outside them needs a reason. */
  window: { start: number; end: number; planStart: number | null } | null;
  /** The readiness gate's answer now (for a readiness gate step), as the pipeline's `gate` gives it. */
  gate: { decision: GateDecision; lines: readonly string[] } | null;
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

const ACTION_WORDS: Record<ExecutionAction, string> = {
  start: 'started',
  complete: 'completed',
  fail: 'failed',
  skip: 'skipped',
  go: 'decided go',
  'no-go': 'decided no-go',
  rehearse: 'started as a rehearsal',
  reopen: 'reopened',
  override: 'overridden',
  abort: 'aborted at',
  'end-failed': 'used to end the execution as failed',
};

/** From which statuses each action may be recorded on this device (merged records are read leniently instead). */
const ALLOWED_FROM: Record<ExecutionAction, readonly StepStatus[]> = {
  start: ['pending', 'failed'],
  rehearse: ['pending'],
  complete: ['running'],
  fail: ['running'],
  skip: ['pending', 'failed'],
  go: ['pending'],
  override: ['pending'],
  'no-go': ['pending', 'failed'],
  abort: ['pending', 'failed'],
  'end-failed': ['failed'],
  reopen: ['running', 'done', 'skipped'],
};

/** Actions of a go/no-go checkpoint or readiness gate; no-go, abort and end-failed are also a failed step's. */
const DECISIONS: readonly ExecutionAction[] = ['go', 'no-go', 'override', 'abort'];
const AT_A_FAILED_STEP: readonly ExecutionAction[] = ['no-go', 'abort', 'end-failed'];
/** Actions that only the release coordinator, who owns the release as a whole, may take. */
const COORDINATOR_ONLY: Partial<Record<ExecutionAction, string>> = {
  override: 'Overriding the readiness gate',
  'end-failed': 'Ending the execution as failed',
};
/** Starting up to this long before the plan's first step is on time, not "outside the window". */
const EARLY_GRACE_MS = 15 * 60_000;

/** "19 days", "3 h 10 min", "40 min": how far outside the window, for a sentence. */
function distance(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes >= 2 * 24 * 60) return `${Math.round(minutes / (24 * 60))} days`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h === 0 ? `${m} min` : m === 0 ? `${h} h` : `${h} h ${m} min`;
}

/** Why the first record of an execution at `at` is outside the window, or null when it is inside. */
export function outsideWindow(window: NonNullable<RecordInput['window']>, at: number): string | null {
  const opens = Math.min(window.start, window.planStart ?? window.start) - EARLY_GRACE_MS;
  if (at < opens) return `${distance(window.start - at)} before the window opens`;
  if (at > window.end) return `${distance(at - window.end)} after the window closed`;
  return null;
}

const FINAL_WORDS: Partial<Record<ExecutionState['phase'], string>> = {
  finished: 'finished',
  'rolled-back': 'been rolled back',
  aborted: 'been aborted',
  failed: 'ended as failed',
};

/**
 * The rules for recording one action on one step, given the state derived so far (first problem, or null):
 * - go, no-go and abort are a checkpoint's (and a readiness gate's, which also takes an override); start, complete,
 *   fail, skip, rehearse and reopen are other steps'; a failed step also takes a no-go, an abort or an end-failed;
 * - the REASONED_ACTIONS need a reason, and so does the first record of an execution outside the window;
 * - complete and fail need a running step (start it first, with its real time if it started earlier); a failed
 *   step can be started again or skipped; done, skipped and decided steps are final, except that a start, a
 *   completion or a skip may be reopened while nothing that waits for the step has started;
 * - a rehearsal is only the first record of an execution;
 * - a step starts (or a checkpoint is decided) only once its dependencies are done, skipped or go;
 * - a readiness gate's go needs the gate to say go; an override needs it not to, and the release coordinator;
 * - abort only before the cutover point; end-failed only by the release coordinator;
 * - rollback steps run only while rolling back: after a no-go, or after a step failed (the first rollback step
 *   started then moves execution to rollback); once rolling back, forward steps no longer start;
 * - a record's time may not be before the step's start, nor more than 5 minutes in the future;
 * - nothing is recorded once the execution has ended.
 */
export function recordProblem(
  steps: readonly PlanStep[],
  state: ExecutionState,
  deps: readonly (readonly number[])[],
  i: number,
  input: RecordInput,
): RecordProblem | null {
  const step = steps[i];
  const { action } = input;
  const current = state.steps[i];
  const decisionStep = isDecisionKind(step.kind);
  const gateStep = step.kind === 'readiness-gate';
  const title = `"${step.title}"`;
  if (action === 'override' && !gateStep) {
    return { field: 'action', message: `${title} is not a readiness gate: only a readiness gate is overridden.` };
  }
  if (DECISIONS.includes(action) && !decisionStep && !(AT_A_FAILED_STEP.includes(action) && current.status === 'failed')) {
    return { field: 'action', message: `${title} is not a go/no-go checkpoint: only a checkpoint is decided go or no-go (or a failed step, no-go).` };
  }
  if (decisionStep && !DECISIONS.includes(action)) {
    return { field: 'action', message: `${title} is a go/no-go checkpoint: decide go, or no-go with a reason, instead.` };
  }
  if (REASONED_ACTIONS.includes(action) && input.reason.trim() === '') {
    return { field: 'reason', message: `${REASON_WORDS[action] ?? 'This'} needs a reason: say why, for the war room and the audit.` };
  }
  if (input.at > input.now + 5 * 60_000) return { field: 'at', message: 'The time of a step record cannot be in the future.' };
  const final = FINAL_WORDS[state.phase];
  if (final) return { field: 'stepId', message: `This runbook's execution has ${final}: nothing more is recorded.` };
  if (action === 'rehearse' && state.phase !== 'not-started') {
    return { field: 'action', message: 'A rehearsal is how an execution starts: this one has already started.' };
  }
  if (!ALLOWED_FROM[action].includes(current.status)) {
    const hint = action === 'complete' || action === 'fail' ? ` Start it first (with the time it really started, if earlier).` : '';
    return { field: 'action', message: `${title} is ${STATUS_WORDS[current.status]}, so it cannot be ${ACTION_WORDS[action]}.${hint}` };
  }
  const coordinatorOnly = COORDINATOR_ONLY[action];
  if (coordinatorOnly && !input.roles.includes('release-coordinator')) {
    return { field: 'asPersonId', message: `${coordinatorOnly} needs the release coordinator role, who owns the release as a whole.` };
  }
  const rollingBack = state.phase === 'rolling-back';
  const rollback = isRollbackStep(step);
  if (rollback && !rollingBack && action !== 'skip' && action !== 'reopen' && !state.steps.some((s) => s.status === 'failed')) {
    return { field: 'stepId', message: `${title} is a rollback step: rollback runs only after a no-go at a checkpoint, or after a step failed.` };
  }
  if (!rollback && rollingBack && (action === 'start' || action === 'go' || action === 'override' || action === 'no-go' || action === 'abort')) {
    const why = state.noGo ? 'after the no-go' : 'since a rollback step was started';
    return { field: 'stepId', message: `Execution is rolling back ${why}: only rollback steps run now.` };
  }
  if (action === 'abort' && !state.beforeCutover) {
    return { field: 'action', message: 'The cutover point has passed: production has changed, so a no-go now needs the rollback, not an abort.' };
  }
  if (current.status === 'pending' && ['start', 'rehearse', 'go', 'override', 'no-go', 'abort'].includes(action)) {
    const waiting = deps[i].filter((j) => !(rollback && !isRollbackStep(steps[j])) && !FINISHED_STATUSES.includes(state.steps[j].status));
    if (waiting.length > 0) {
      return { field: 'stepId', message: `${title} waits for ${titleList(waiting.map((j) => steps[j].title))}: finish or skip ${waiting.length === 1 ? 'it' : 'them'} first.` };
    }
  }
  if (gateStep && input.gate) {
    const says = input.gate.decision.toUpperCase();
    if (action === 'go' && input.gate.decision !== 'go') {
      const why = input.gate.lines.map((l) => l.trim().replace(/[^.]$/, '$&.')).join(' ');
      return { field: 'action', message: `The readiness gate says ${says}: ${why} Go is blocked: decide no-go, or a release coordinator overrides the gate with a reason.` };
    }
    if (action === 'override' && input.gate.decision === 'go') {
      return { field: 'action', message: 'The readiness gate says GO: decide go; an override is only for a gate that blocks.' };
    }
  }
  if (state.phase === 'not-started' && input.window && input.reason.trim() === '') {
    const outside = outsideWindow(input.window, input.at);
    if (outside) return { field: 'reason', message: `Starting ${outside} needs a reason (a rehearsal, say): it is recorded with the start.` };
  }
  if (action === 'reopen') {
    const after = steps.flatMap((s, j) => (deps[j].includes(i) && state.steps[j].status !== 'pending' ? [s.title] : []));
    if (after.length > 0) return { field: 'stepId', message: `${title} cannot be reopened: ${titleList(after)} already went ahead after it. Reopen ${after.length === 1 ? 'that' : 'those'} first.` };
  }
  if ((action === 'complete' || action === 'fail') && current.actualStart !== null && input.at < current.actualStart) {
    return { field: 'at', message: `${title} started at ${new Date(current.actualStart).toISOString()}: it cannot end before it started.` };
  }
  return null;
}

const REASON_WORDS: Partial<Record<ExecutionAction, string>> = {
  fail: 'Failing a step',
  skip: 'Skipping a step',
  'no-go': 'A no-go',
  reopen: 'Reopening a step',
  override: 'Overriding the readiness gate',
  abort: 'An abort',
  'end-failed': 'Ending the execution as failed',
};
