import type { Collision, WindowKind, WindowOccurrence } from '../../../../electron/contract/calendar-entities';
import type { ReleaseStatus } from '../../../../electron/contract/entities';

export interface CalendarFilters {
  environmentIds: string[];
  systemIds: string[];
  statuses: ReleaseStatus[];
  ownerIds: string[];
  kinds: WindowKind[];
}

export const NO_CALENDAR_FILTERS: CalendarFilters = { environmentIds: [], systemIds: [], statuses: [], ownerIds: [], kinds: [] };

/** One bar or block on any view: an occurrence plus the collisions it takes part in. */
export interface CalendarEvent {
  id: string;
  title: string;
  start: Date;
  end: Date;
  occurrence: WindowOccurrence;
  collisions: Collision[];
  /** Collisions not accepted yet: these draw the red outline. */
  open: number;
}

export const eventId = (o: Pick<WindowOccurrence, 'kind' | 'sourceId' | 'start'>): string =>
  o.kind === 'release' ? `release:${o.sourceId}` : `${o.kind}:${o.sourceId}:${o.start}`;

const meets = (wanted: readonly string[], have: readonly string[]) => wanted.length === 0 || have.some((id) => wanted.includes(id));
/** A window with no environments (or systems) applies to all of them, so it passes any such filter. */
const meetsScope = (wanted: readonly string[], have: readonly string[]) => have.length === 0 || meets(wanted, have);

/**
 * Status and owner narrow releases only: maintenance and freeze windows stay as the background a plan is judged
 * against, unless the kind filter hides them.
 */
export function applyCalendarFilters(occurrences: readonly WindowOccurrence[], filters: CalendarFilters, search: string): WindowOccurrence[] {
  const text = search.trim().toLowerCase();
  return occurrences.filter((o) => {
    if (filters.kinds.length > 0 && !filters.kinds.includes(o.kind)) return false;
    if (text && !o.name.toLowerCase().includes(text) && !o.reason.toLowerCase().includes(text)) return false;
    if (o.kind !== 'release') return meetsScope(filters.environmentIds, o.environmentIds) && meetsScope(filters.systemIds, o.systemIds);
    return (
      meets(filters.environmentIds, o.environmentIds) &&
      meets(filters.systemIds, o.systemIds) &&
      meets(filters.statuses, o.status ? [o.status] : []) &&
      meets(filters.ownerIds, o.ownerId ? [o.ownerId] : [])
    );
  });
}

/** Collisions by the release ids and window ids they name, so an event finds its own in one lookup. */
export function collisionsBySource(collisions: readonly Collision[]): Map<string, Collision[]> {
  const index = new Map<string, Collision[]>();
  const add = (id: string, c: Collision) => index.set(id, [...(index.get(id) ?? []), c]);
  for (const c of collisions) {
    for (const id of c.releaseIds) add(id, c);
    if (c.windowId) add(c.windowId, c);
  }
  return index;
}

const overlapsCollision = (o: WindowOccurrence, c: Collision) => o.start < c.end && o.end > c.start;

export function toCalendarEvents(occurrences: readonly WindowOccurrence[], bySource: Map<string, Collision[]>): CalendarEvent[] {
  return occurrences.map((o) => {
    // A recurring window has many occurrences; only the one a collision falls in is marked.
    const collisions = (bySource.get(o.sourceId) ?? []).filter((c) => o.kind === 'release' || overlapsCollision(o, c));
    return {
      id: eventId(o),
      title: o.name,
      start: new Date(o.start),
      end: new Date(o.end),
      occurrence: o,
      collisions,
      open: collisions.filter((c) => !c.accepted).length,
    };
  });
}

/** The collisions worth listing under the current filters: those involving at least one event still on screen. */
export function visibleCollisions(collisions: readonly Collision[], events: readonly CalendarEvent[]): Collision[] {
  const shown = new Set(events.map((e) => e.occurrence.sourceId));
  return collisions.filter((c) => c.releaseIds.some((id) => shown.has(id)) || (c.windowId !== null && shown.has(c.windowId)));
}

/** A stand-in for the releases of one day that do not fit: "+94 more"; clicking it opens that day on the timeline. */
export interface MoreEvent extends CalendarEvent {
  more: { day: Date; count: number };
}

export const isMore = (e: CalendarEvent): e is MoreEvent => 'more' in e;

const dayKey = (d: Date) => d.getFullYear() * 10_000 + d.getMonth() * 100 + d.getDate();

/**
 * At most `max` releases per day (by start, in the viewer's zone) go to the month or week grid, those in a collision
 * first; the rest become one "+N more" event. A cell shows three or four events and a week column a dozen, so a day
 * with a hundred releases (the 10,000-release demo has that) would cost the grid seconds of layout to show nothing
 * more. Windows are never folded: there are few and they are the background every release is judged against.
 */
export function foldBusyDays(events: readonly CalendarEvent[], max: number): CalendarEvent[] {
  const byDay = new Map<number, CalendarEvent[]>();
  const out: CalendarEvent[] = [];
  for (const e of events) {
    if (e.occurrence.kind !== 'release') {
      out.push(e);
      continue;
    }
    const key = dayKey(e.start);
    const list = byDay.get(key);
    if (list) list.push(e);
    else byDay.set(key, [e]);
  }
  for (const list of byDay.values()) {
    if (list.length <= max) {
      out.push(...list);
      continue;
    }
    list.sort((a, b) => b.open - a.open || a.start.getTime() - b.start.getTime());
    const kept = list.slice(0, max - 1);
    const rest = list.length - kept.length;
    const day = new Date(list[0].start.getFullYear(), list[0].start.getMonth(), list[0].start.getDate());
    const title = `+${rest} more releases`;
    const occurrence = { ...list[max - 1].occurrence, sourceId: `more:${dayKey(day)}`, name: title, status: null, reason: 'Open the day on the timeline to see every release.' };
    // At the end of its day, so the grid sorts it after the releases it stands behind.
    const start = new Date(day.getFullYear(), day.getMonth(), day.getDate(), 23, 58);
    const end = new Date(start.getTime() + 60_000);
    out.push(...kept, { id: `more:${dayKey(day)}`, title, start, end, occurrence, collisions: [], open: 0, more: { day, count: rest } } as MoreEvent);
  }
  return out;
}
