import type { ExecutionPhase } from '../../../contract/runbook-entities';
import type { ReleaseStatus } from '../../../contract/entities';

/**
 * The release status its runbook's execution implies (BRIEF.md lifecycle: go → in progress → released | rolled
 * back), or null to leave the status alone. Only a release that was given its go moves: executing a runbook of a
 * release still in readiness does not skip the readiness decision, and a status somebody already set to a final
 * value by hand is never overwritten.
 */
export function releaseStatusForPhase(phase: ExecutionPhase, current: ReleaseStatus): ReleaseStatus | null {
  const underway = current === 'go' || current === 'in-progress';
  if (!underway) return null;
  if (phase === 'running' || phase === 'rolling-back') return current === 'go' ? 'in-progress' : null;
  if (phase === 'finished') return 'released';
  if (phase === 'rolled-back') return 'rolled-back';
  return null;
}
