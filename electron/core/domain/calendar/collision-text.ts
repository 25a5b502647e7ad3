import type { Collision } from '../../../contract/calendar-entities';

/**
 * A collision's sentence as a file prints it: the times in the reader's zone, and where the release was planned in
 * another zone, its times there in brackets (a screen shows those on hover instead).
 */
export function collisionSentenceWithPlanned(collision: Pick<Collision, 'sentence' | 'timeZone' | 'plannedZone' | 'plannedTimes'>): string {
  if (collision.plannedZone === collision.timeZone) return collision.sentence;
  return `${collision.sentence} [Planned as ${collision.plannedTimes}.]`;
}
