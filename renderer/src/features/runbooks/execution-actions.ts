import { isDecisionKind, type ExecutionAction, type RunbookView, type StepView } from '../../../../electron/contract/runbook-entities';

export interface StepAction {
  action: ExecutionAction;
  label: string;
  color: string;
  /** Fail, skip, no-go, reopen and override need a reason (the war room and the audit want to know why). */
  needsReason: boolean;
  /** Why the button is greyed out, said on it; null: it may be pressed. */
  blocked?: string | null;
  /** A quiet button: undoing a mis-click is offered, not pushed. */
  quiet?: boolean;
}

export const A = {
  start: { action: 'start', label: 'Start', color: 'blue', needsReason: false },
  retry: { action: 'start', label: 'Retry', color: 'blue', needsReason: false },
  complete: { action: 'complete', label: 'Complete', color: 'green', needsReason: false },
  fail: { action: 'fail', label: 'Fail', color: 'red', needsReason: true },
  skip: { action: 'skip', label: 'Skip', color: 'gray', needsReason: true },
  go: { action: 'go', label: 'Go', color: 'teal', needsReason: false },
  noGo: { action: 'no-go', label: 'No-go', color: 'red', needsReason: true },
  override: { action: 'override', label: 'Override', color: 'orange', needsReason: true },
  reopen: { action: 'reopen', label: 'Reopen', color: 'gray', needsReason: true, quiet: true },
  endFailed: { action: 'end-failed', label: 'End as failed', color: 'red', needsReason: true },
} satisfies Record<string, StepAction>;

/** "HALTED: Security halted by Amara Okafor …": the gate's answer in one line, for a tooltip or a refusal. */
export function gateSentence(gate: NonNullable<RunbookView['release']>['gate']): string {
  return gate.lines.map((l) => l.trim()).join(' ');
}

/**
 * The buttons a step offers in its state. The core checks the rules again (dependencies done, rollback only after a
 * no-go or a failure, the gate, the roles) and its sentence is what the person sees when it refuses. A readiness gate
 * that does not say go keeps its Go button, greyed out with the gate's answer, beside an Override.
 */
export function actionsFor(step: StepView, gate: NonNullable<RunbookView['release']>['gate'] | null): StepAction[] {
  if (isDecisionKind(step.kind)) {
    if (step.status !== 'pending') return [];
    if (step.kind === 'readiness-gate' && gate && gate.decision !== 'go') {
      return [{ ...A.go, blocked: `The readiness gate says ${gate.decision.toUpperCase()}: ${gateSentence(gate)}` }, A.noGo, A.override];
    }
    return [A.go, A.noGo];
  }
  switch (step.status) {
    case 'pending':
      return [A.start, A.skip];
    case 'running':
      return [A.complete, A.fail, A.reopen];
    case 'failed':
      return [A.retry, A.skip];
    case 'done':
    case 'skipped':
      return [A.reopen];
    default:
      return [];
  }
}

export const REASON_INTRO: Partial<Record<ExecutionAction, string>> = {
  fail: 'Say what went wrong. The step can be retried or skipped afterwards; the war room may also decide no-go, and a failure lets the rollback section start.',
  skip: 'Say why this step is not needed. Steps that wait for it may then start.',
  'no-go':
    'No-go stops the release: no forward step starts any more, and execution moves to the rollback section, which the war room then works through. This cannot be undone; every record is kept.',
  reopen:
    'Reopening undoes a mis-clicked Start, Complete or Skip: a completed step is running again, a started one is not started. The mis-click and this reopening both stay in the records and the audit.',
  override:
    'The readiness gate blocks Go. Overriding it lets the cutover go on anyway, on your word as release coordinator: say why. The override and the gate’s answer stay in the audit.',
  'end-failed':
    'Ends the execution here, as failed, without a rollback: a failed deployment is recorded for the metrics, and the release stays in progress until its fix is out. Nothing more is recorded in this runbook.',
};
