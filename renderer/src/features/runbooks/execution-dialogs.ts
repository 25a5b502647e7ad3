import type { ApiResult } from '../../../../electron/contract/api-result';
import { RELEASE_STATUS_LABELS, type ReleaseStatus } from '../../../../electron/contract/entities';
import type { ExecutionAction, RunbookView, StepView } from '../../../../electron/contract/runbook-entities';
import type { ActionDialogSpec } from '../readiness/ActionDialog';
import { REASON_INTRO, type StepAction } from './execution-actions';
import type { TimeFormat } from './step-times';

const SUBMIT_LABELS: Partial<globalThis.Record<ExecutionAction, string>> = {
  reopen: 'Reopen the step',
  override: 'Override the gate',
  'end-failed': 'End the execution as failed',
};

type Record = (input: { action: ExecutionAction; reason: string }) => Promise<ApiResult<unknown>>;

/** Starting the execution outside the release window: say why; a rehearsal is one reason, and moves nothing. */
function outsideWindowDialog(view: RunbookView, step: StepView, action: StepAction, format: TimeFormat, now: number, record: Record): ActionDialogSpec {
  const release = view.release!;
  const outside = view.execution.outsideWindow!;
  const status = RELEASE_STATUS_LABELS[release.status as ReleaseStatus] ?? release.status;
  const intro = `The window is ${format.span(release.windowStart, release.windowEnd, now)}. Say why this runbook's execution starts now: the reason is kept with the first record.`;
  const base = { title: `${action.label} "${step.title}" ${outside}?`, intro, textLabel: 'Reason', textRequired: true };
  if (action.action !== 'start') {
    return { ...base, submitLabel: `Record ${action.label.toLowerCase()}`, onSubmit: ({ text }) => record({ action: action.action, reason: text }) };
  }
  return {
    ...base,
    submitLabel: 'Start the rehearsal',
    choices: [
      {
        value: 'rehearse',
        label: 'A rehearsal',
        description: `A dry run of the plan: the release stays ${status} and no deployment is recorded. It uses this runbook's execution: for the weekend itself, make a new runbook from it.`,
        submitLabel: 'Start the rehearsal',
        initialText: 'Rehearsal',
      },
      {
        value: 'start',
        label: 'The release itself, outside its window',
        description: 'The release goes in progress now, and its end is recorded for the metrics.',
        submitLabel: 'Start the release now',
        submitColor: 'orange',
      },
    ],
    onSubmit: ({ text, choice }) => record({ action: choice === 'rehearse' ? 'rehearse' : 'start', reason: text }),
  };
}

/** A no-go, at a checkpoint or at a failed step. Before the cutover point it may abort instead of rolling back. */
function noGoDialog(view: RunbookView, step: StepView, record: Record): ActionDialogSpec {
  const base = { title: `No-go at: ${step.title}`, textLabel: 'Reason', textRequired: true, submitLabel: 'No-go: move to rollback', submitColor: 'red' };
  if (!view.execution.beforeCutover) {
    return { ...base, intro: REASON_INTRO['no-go']!, onSubmit: ({ text }) => record({ action: 'no-go', reason: text }) };
  }
  return {
    ...base,
    intro: 'The point of no return has not started: nothing has changed in production yet. Abort the release, or roll back what the pre-checks changed. Neither can be undone; every record is kept.',
    choices: [
      {
        value: 'abort',
        label: 'Abort: nothing was deployed',
        description: 'Execution ends here and no rollback runs. The release becomes "Aborted (nothing deployed)"; no failed deployment is recorded.',
        submitLabel: 'Abort the release',
        submitColor: 'yellow',
      },
      {
        value: 'no-go',
        label: 'Roll back',
        description: 'Execution moves to the rollback section, which the war room then works through; its end is recorded as a rolled-back deployment.',
        submitLabel: 'No-go: move to rollback',
        submitColor: 'red',
      },
    ],
    onSubmit: ({ text, choice }) => record({ action: choice === 'abort' ? 'abort' : 'no-go', reason: text }),
  };
}

/**
 * The dialog an execution action opens, or null when it is recorded at once (a start inside the window, a
 * completion, a go). The core checks every rule again; its refusal shows inside the dialog.
 */
export function executionDialog(view: RunbookView, step: StepView, action: StepAction, format: TimeFormat, now: number, record: Record): ActionDialogSpec | null {
  if (view.execution.phase === 'not-started' && view.execution.outsideWindow && view.release) {
    return outsideWindowDialog(view, step, action, format, now, record);
  }
  if (action.action === 'no-go') return noGoDialog(view, step, record);
  if (!action.needsReason) return null;
  return {
    title: `${action.label}: ${step.title}`,
    intro: REASON_INTRO[action.action] ?? '',
    submitLabel: SUBMIT_LABELS[action.action] ?? `Record ${action.label.toLowerCase()}`,
    submitColor: action.color === 'gray' ? undefined : action.color,
    textLabel: 'Reason',
    textRequired: true,
    onSubmit: ({ text }) => record({ action: action.action, reason: text }),
  };
}
