import type { ReleaseStatus } from '../../contract/entities';
import { RELEASE_STATUS_LABELS } from '../../contract/entities';

/**
 * Which status may follow which (BRIEF.md: planned → in readiness → go → in progress → released | rolled back |
 * aborted | cancelled). Stepping back one stage is allowed (a go that is reconsidered returns to readiness); a
 * finished release is final, except that a cancelled, rolled-back or aborted one may be planned again.
 */
export const RELEASE_TRANSITIONS: Record<ReleaseStatus, readonly ReleaseStatus[]> = {
  planned: ['in-readiness', 'cancelled'],
  'in-readiness': ['planned', 'go', 'cancelled'],
  go: ['in-readiness', 'in-progress', 'cancelled'],
  'in-progress': ['released', 'rolled-back', 'aborted'],
  released: [],
  'rolled-back': ['planned'],
  aborted: ['planned'],
  cancelled: ['planned'],
};

export function canMoveTo(from: ReleaseStatus, to: ReleaseStatus): boolean {
  return from === to || RELEASE_TRANSITIONS[from].includes(to);
}

export function transitionError(from: ReleaseStatus, to: ReleaseStatus): string {
  const allowed = RELEASE_TRANSITIONS[from].map((s) => RELEASE_STATUS_LABELS[s]);
  return `A release that is ${RELEASE_STATUS_LABELS[from]} cannot move to ${RELEASE_STATUS_LABELS[to]}${
    allowed.length ? `; it can move to ${allowed.join(', ')}` : '; it is final'
  }.`;
}
