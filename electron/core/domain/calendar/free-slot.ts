import { findCollisions, type CollisionInput, type CollisionOccurrence, type CollisionRelease, type FoundCollision } from './collisions';

/**
 * "Next free slot" (issue 18): the earliest window of the same length, on the same environments, from `from` on, in
 * which the release is in no collision; where one of its environments requires a maintenance window, that means
 * inside one.
 *
 * Every kind of collision is cleared by moving later, past a time that the collision itself names: the other
 * release's end, the freeze's end, the start of the next maintenance occurrence, the end of the release it needs,
 * the other runbook's span. A start before that time still collides, so the next candidate is the latest of those
 * times over every collision at the current one. The walk visits at most one candidate per thing in the way, so a
 * busy quarter costs a few dozen runs of the finder over the releases near the draft, not a scan minute by minute.
 */

export interface FreeSlotRequest {
  /** The workspace around the draft; the draft is `input.releases` entry `draftId` at its chosen times. */
  input: CollisionInput;
  draftId: string;
  /** The earliest start to propose (the chosen start, or now when that has passed). */
  from: number;
  /** Give up with no slot past this start. */
  until: number;
}

export type FreeSlot =
  | { found: true; start: number; end: number; maintenance: CollisionOccurrence | null }
  /** None before `until`, or one that no later time can clear (a release that needs this one starts earlier). */
  | { found: false; blockedBy: FoundCollision | null };

const MAX_STEPS = 2000;

export function nextFreeSlot(request: FreeSlotRequest): FreeSlot {
  const { input, draftId } = request;
  const draft = input.releases.find((r) => r.id === draftId);
  if (!draft) throw new Error(`nextFreeSlot: no release ${draftId} in the input`);
  const length = draft.end - draft.start;
  const others = input.releases.filter((r) => r.id !== draftId);
  const occurrences = [...input.occurrences].sort((a, b) => a.start - b.start);
  const byId = new Map(input.releases.map((r) => [r.id, r]));

  let start = request.from;
  for (let step = 0; step < MAX_STEPS && start <= request.until; step++) {
    const moved: CollisionRelease = { ...draft, start, end: start + length };
    const shift = start - draft.start;
    const ownerships = (input.stepOwnerships ?? []).map((o) => (o.releaseId === draftId ? { ...o, start: o.start + shift, end: o.end + shift } : o));
    const mine = findCollisions({ ...input, releases: [...others, moved], occurrences, stepOwnerships: ownerships }).filter((c) => c.releaseIds.includes(draftId));
    if (mine.length === 0) return { found: true, start, end: start + length, maintenance: coveringMaintenance(moved, occurrences) };
    let next = start;
    for (const c of mine) {
      const clear = clearTime(c, moved, byId, occurrences);
      if (clear === null) return { found: false, blockedBy: c };
      next = Math.max(next, clear);
    }
    // Every clear time lies after the current start; the guard keeps a rounding slip from looping in place.
    start = next > start ? next : start + 60_000;
  }
  return { found: false, blockedBy: null };
}

/** The earliest start at which this collision no longer holds, or null when no later start clears it. */
function clearTime(c: FoundCollision, draft: CollisionRelease, releases: Map<string, CollisionRelease>, occurrences: readonly CollisionOccurrence[]): number | null {
  switch (c.kind) {
    case 'double-booking': {
      const other = releases.get(c.releaseIds.find((id) => id !== draft.id) ?? '');
      return other ? other.end : c.end;
    }
    case 'freeze':
      return occurrences.find((o) => o.windowId === c.windowId && o.start < draft.end && draft.start < o.end)?.end ?? c.end;
    case 'outside-maintenance': {
      // An occurrence that opened at or before this start did not cover the window, and cannot cover a later one
      // either: each environment waits for its next occurrence to open.
      let clear = draft.start;
      for (const environmentId of c.environmentIds) {
        const next = occurrences.find((o) => o.kind === 'maintenance' && o.start > draft.start && appliesTo(o, environmentId));
        if (!next) return null;
        clear = Math.max(clear, next.start);
      }
      return clear;
    }
    case 'dependency': {
      const [needing, needed] = c.releaseIds;
      // The draft needs another release: start once it ends. Another needs the draft: later only makes it worse.
      return needing === draft.id ? (releases.get(needed)?.end ?? c.end) : null;
    }
    case 'runbook-owner':
      // The overlap of the two runbooks' spans for that person: the draft's runbook moves with the draft.
      return draft.start + (c.end - c.start);
  }
}

const appliesTo = (o: CollisionOccurrence, environmentId: string) => o.environmentIds.length === 0 || o.environmentIds.includes(environmentId);

/** The maintenance occurrence the slot sits wholly inside on every one of its environments, if any. */
function coveringMaintenance(draft: CollisionRelease, occurrences: readonly CollisionOccurrence[]): CollisionOccurrence | null {
  return (
    occurrences.find((o) => o.kind === 'maintenance' && o.start <= draft.start && o.end >= draft.end && draft.environmentIds.some((e) => appliesTo(o, e))) ?? null
  );
}
