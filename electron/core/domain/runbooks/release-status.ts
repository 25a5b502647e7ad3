import type { DeploymentResult } from '../../../contract/outcomes-entities';
import type { ExecutionPhase } from '../../../contract/runbook-entities';
import type { ReleaseStatus } from '../../../contract/entities';

/** Statuses nobody's execution changes: the release is over, or was called off. */
const FINAL: readonly ReleaseStatus[] = ['released', 'rolled-back', 'aborted', 'cancelled'];

/**
 * The release status its runbook's execution implies (issue 18: execution sets the release's status), or null to
 * leave it alone. Executing is the release happening, so the first start puts a release that is planned, in
 * readiness or go in progress (the readiness decision belongs in the runbook, as a readiness gate step); the end
 * makes it released, rolled back or aborted. An execution ended as failed leaves it in progress: nothing was rolled
 * back, and the fix that follows is still this release. A rehearsal, and a release already final (by hand, too),
 * are never moved.
 */
export function releaseStatusForPhase(phase: ExecutionPhase, current: ReleaseStatus, rehearsal = false): ReleaseStatus | null {
  if (rehearsal || FINAL.includes(current)) return null;
  const status = statusOfPhase(phase);
  return status === current ? null : status;
}

/** The release status an execution phase means; null before the first start. */
export function statusOfPhase(phase: ExecutionPhase): ReleaseStatus | null {
  return PHASE_STATUS[phase] ?? null;
}

const PHASE_STATUS: Partial<Record<ExecutionPhase, ReleaseStatus>> = {
  running: 'in-progress',
  'step-failed': 'in-progress',
  'rolling-back': 'in-progress',
  failed: 'in-progress',
  finished: 'released',
  'rolled-back': 'rolled-back',
  aborted: 'aborted',
};

/**
 * The deployment an ended execution records for the DORA metrics, or null: an abort deployed nothing, a rehearsal
 * is not a deployment, and a runbook still running has not ended.
 */
export function deploymentResultForPhase(phase: ExecutionPhase, rehearsal: boolean): DeploymentResult | null {
  if (rehearsal) return null;
  if (phase === 'finished') return 'succeeded';
  if (phase === 'rolled-back') return 'rolled-back';
  if (phase === 'failed') return 'failed';
  return null;
}
