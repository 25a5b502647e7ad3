import { useEffect, useRef } from 'react';
import { COLLISION_KIND_LABELS } from '../../../../electron/contract/calendar-entities';
import { announce } from '../../shared/announcer';
import { useCalendarStore } from './calendar-store';

/**
 * Announces a collision that appears in the period on screen (a release planned or moved into one, here or through
 * sync). Turning to another period shows its collisions as they are: that is not news, so only changes within one
 * period are said.
 */
export function useCollisionAnnouncements(): void {
  const collisions = useCalendarStore((s) => s.collisions);
  const computing = useCalendarStore((s) => s.collisionsLoading);
  const period = useCalendarStore((s) => `${s.view} ${s.zoom} ${s.anchor.getTime()}`);
  const seen = useRef<{ period: string; keys: Set<string> } | null>(null);
  useEffect(() => {
    if (computing) return;
    const open = collisions.filter((c) => !c.accepted);
    const before = seen.current?.period === period ? seen.current.keys : null;
    seen.current = { period, keys: new Set(open.map((c) => c.key)) };
    if (!before) return;
    const fresh = open.filter((c) => !before.has(c.key));
    if (fresh.length === 0) return;
    const first = `${COLLISION_KIND_LABELS[fresh[0].kind]}: ${fresh[0].sentence}`;
    announce(fresh.length === 1 ? `New collision. ${first}` : `${fresh.length} new collisions. The first: ${first}`);
  }, [collisions, computing, period]);
}
