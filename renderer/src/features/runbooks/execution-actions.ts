import type { ExecutionAction, StepView } from '../../../../electron/contract/runbook-entities';

export interface StepAction {
  action: ExecutionAction;
  label: string;
  color: string;
  /** Fail, skip and no-go need a reason (the war room and the audit want to know why). */
  needsReason: boolean;
}

const A = {
  start: { action: 'start', label: 'Start', color: 'blue', needsReason: false },
  complete: { action: 'complete', label: 'Complete', color: 'green', needsReason: false },
  fail: { action: 'fail', label: 'Fail', color: 'red', needsReason: true },
  skip: { action: 'skip', label: 'Skip', color: 'gray', needsReason: true },
  go: { action: 'go', label: 'Go', color: 'teal', needsReason: false },
  noGo: { action: 'no-go', label: 'No-go', color: 'red', needsReason: true },
} satisfies Record<string, StepAction>;

/**
 * The buttons a step offers in its state. The core checks the rules again (dependencies done, rollback only after a
 * no-go or a failure) and its sentence is what the person sees when it refuses.
 */
export function actionsFor(step: StepView): StepAction[] {
  if (step.kind === 'checkpoint') return step.status === 'pending' ? [A.go, A.noGo] : [];
  switch (step.status) {
    case 'pending':
      return [A.start, A.skip];
    case 'running':
      return [A.complete, A.fail];
    case 'failed':
      return [A.start, A.skip];
    default:
      return [];
  }
}

export const REASON_INTRO: Partial<Record<ExecutionAction, string>> = {
  fail: 'Say what went wrong. The step can be started again or skipped afterwards; a failure also lets the rollback section start.',
  skip: 'Say why this step is not needed. Steps that wait for it may then start.',
  'no-go':
    'No-go stops the release: no forward step starts any more, and execution moves to the rollback section, which the war room then works through. This cannot be undone; every record is kept.',
};
