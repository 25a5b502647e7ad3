import type { ExecutionAction, StepStatus } from '../../../contract/runbook-entities';

/** One append-only execution record, as the rules need it. `at` is epoch milliseconds. */
export interface ExecutionFact {
  id: string;
  stepId: string;
  action: ExecutionAction;
  reason: string;
  personId: string;
  at: number;
}

/** Sync may deliver records in any order: they are read by time, then id, so every device derives the same state. */
export function byTime(a: ExecutionFact, b: ExecutionFact): number {
  return a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export interface FoldedStep {
  status: StepStatus;
  actualStart: number | null;
  actualFinish: number | null;
  /**
   * The records of this step that decide about the whole execution and were applied: a no-go or abort at a
   * checkpoint (or at a failed step), an end-failed at a failed step.
   */
  decisions: ExecutionFact[];
}

type Snapshot = Pick<FoldedStep, 'status' | 'actualStart' | 'actualFinish'>;

/**
 * Folds one step's records (in time order) into its status. Lenient on purpose: records made offline on two devices
 * can disagree (both started it; one completed while the other failed it), so a record that does not fit the status
 * so far is read as far as it can be (a completion of a step never started still completes it) instead of being
 * dropped. The API refuses such records when they are made on one device (execution-rules.ts).
 *
 * A reopen steps back to the state before the last start, completion or skip: the mis-click stays in the records,
 * and the step reads as if it had not happened.
 */
export function foldStep(records: readonly ExecutionFact[]): FoldedStep {
  let current: Snapshot = { status: 'pending', actualStart: null, actualFinish: null };
  const before: Snapshot[] = [];
  const decisions: ExecutionFact[] = [];
  const move = (next: Snapshot) => {
    before.push(current);
    current = next;
  };
  for (const r of records) {
    const { status, actualStart } = current;
    switch (r.action) {
      case 'start':
      case 'rehearse':
        if (status === 'pending' || status === 'failed') move({ status: 'running', actualStart: r.at, actualFinish: null });
        break;
      case 'complete':
        if (status === 'pending' || status === 'running' || status === 'failed') move({ status: 'done', actualStart: actualStart ?? r.at, actualFinish: r.at });
        break;
      case 'fail':
        if (status === 'pending' || status === 'running') move({ status: 'failed', actualStart: actualStart ?? r.at, actualFinish: r.at });
        break;
      case 'skip':
        if (status === 'pending' || status === 'failed' || status === 'running') move({ status: 'skipped', actualStart, actualFinish: r.at });
        break;
      case 'go':
      case 'override':
        if (status === 'pending') move({ status: 'go', actualStart: r.at, actualFinish: r.at });
        break;
      case 'no-go':
      case 'abort':
        if (status === 'pending') move({ status: 'no-go', actualStart: r.at, actualFinish: r.at });
        if (status === 'pending' || status === 'failed') decisions.push(r);
        break;
      case 'end-failed':
        if (status === 'failed') decisions.push(r);
        break;
      case 'reopen':
        if ((status === 'running' || status === 'done' || status === 'skipped') && before.length > 0) current = before.pop()!;
        break;
    }
  }
  return { ...current, decisions };
}
