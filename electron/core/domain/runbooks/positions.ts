/**
 * Fractional positions: a step inserted between two others takes the midpoint, so one row is written (two people
 * inserting offline do not renumber each other's steps). New steps at the end go 1 past the last.
 *
 * `count` evenly spaced positions after `afterPosition` (null: before the first) and before the next position. When
 * halving has used up the room, the caller renumbers (runbook-steps.ts).
 */
export function positionsBetween(sortedPositions: readonly number[], afterPosition: number | null, count: number): number[] {
  let low: number;
  let high: number;
  if (afterPosition === null) {
    high = sortedPositions.length > 0 ? sortedPositions[0] : count + 1;
    low = high - count - 1;
  } else {
    low = afterPosition;
    const next = sortedPositions.find((p) => p > afterPosition);
    high = next ?? afterPosition + count + 1;
  }
  const gap = (high - low) / (count + 1);
  return Array.from({ length: count }, (_, k) => low + gap * (k + 1));
}
