import { isDeepStrictEqual } from 'node:util';

/** One change of one field, as conflict detection needs it. */
export interface FieldChange {
  hlc: string;
  /** The field's newest stamp the writing device knew when it wrote this; null for a first write. */
  prevHlc: string | null;
  value: unknown;
}

/**
 * The losing changes of one field that were overwritten by someone who had not seen them: for each, a later change
 * exists whose based-on stamp is older than it (or which was a first write). Those are concurrent edits, and the
 * value that lost must be shown, not silently dropped. A pure function of the set of changes, so every device finds
 * the same conflicts whatever order the changes arrived in.
 *
 * Left out: the winner itself; a loser whose value equals the winning value (nothing to choose between); a loser
 * that someone who had seen it later restored (a change based on it or later carries its value).
 */
export function findConflicts(changes: readonly FieldChange[]): FieldChange[] {
  if (changes.length < 2) return [];
  const sorted = [...changes].sort((a, b) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : 0));
  const winner = sorted[sorted.length - 1];
  return sorted.slice(0, -1).filter((loser) => {
    if (isDeepStrictEqual(loser.value, winner.value)) return false;
    const later = sorted.filter((c) => c.hlc > loser.hlc);
    const overwrittenUnseen = later.some((c) => c.prevHlc === null || c.prevHlc < loser.hlc);
    if (!overwrittenUnseen) return false;
    const restored = later.some((c) => c.prevHlc !== null && c.prevHlc >= loser.hlc && isDeepStrictEqual(c.value, loser.value));
    return !restored;
  });
}
