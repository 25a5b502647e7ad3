import { isDeepStrictEqual } from 'node:util';

/** One change of one field, as conflict detection needs it. */
export interface FieldChange {
  hlc: string;
  /** The field's newest stamp the writing device knew when it wrote this; null for a first write. */
  prevHlc: string | null;
  /** The device that wrote it: a device has always seen its own earlier changes. */
  deviceId: string;
  value: unknown;
}

/** Whether the writer of `later` knew of `earlier` when writing it. */
function saw(later: FieldChange, earlier: FieldChange): boolean {
  return later.deviceId === earlier.deviceId || (later.prevHlc !== null && later.prevHlc >= earlier.hlc);
}

/**
 * The losing changes of one field that were overwritten by someone who had not seen them: for each, a later change
 * exists whose writer had not seen it. Those are concurrent edits, and the value that lost must be shown, not
 * silently dropped. A pure function of the set of changes, so every device finds the same conflicts whatever order
 * the changes arrived in.
 *
 * Left out: the winner itself; a loser whose value equals the winning value (nothing to choose between); a loser the
 * winner's writer had seen (the current value was chosen knowing it, so a local edit never opens a conflict); a
 * loser that someone who had seen it later restored (a later change that saw it carries its value).
 */
export function findConflicts(changes: readonly FieldChange[]): FieldChange[] {
  if (changes.length < 2) return [];
  const sorted = [...changes].sort((a, b) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : 0));
  const winner = sorted[sorted.length - 1];
  return sorted.slice(0, -1).filter((loser) => {
    if (isDeepStrictEqual(loser.value, winner.value) || saw(winner, loser)) return false;
    const later = sorted.filter((c) => c.hlc > loser.hlc);
    if (!later.some((c) => !saw(c, loser))) return false;
    return !later.some((c) => saw(c, loser) && isDeepStrictEqual(c.value, loser.value));
  });
}
