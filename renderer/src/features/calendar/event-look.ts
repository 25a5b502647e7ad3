import { COLLISION_KIND_LABELS, WINDOW_KIND_LABELS } from '../../../../electron/contract/calendar-entities';
import { RELEASE_STATUS_LABELS, type ReleaseStatus } from '../../../../electron/contract/entities';
import { describeWindowInZone, formatWindow, viewerTimeZone } from '../../shared/dates';
import { isMore, type CalendarEvent } from './calendar-events';
import type { CSSProperties } from 'react';

/**
 * Release colours follow the status badge (gray planned, blue in readiness, teal go …); maintenance is lime, freeze
 * is hatched cyan; red is kept for collisions so it never means anything else. Inline styles, because
 * react-big-calendar's own stylesheet paints `.rbc-event` (and its selected and week-view variants) with selectors a
 * class of ours would have to out-rank one by one. Mantine's colour variables follow light and dark.
 */
const STATUS_COLORS: Record<ReleaseStatus, string> = {
  planned: 'gray',
  'in-readiness': 'blue',
  go: 'teal',
  'in-progress': 'orange',
  released: 'green',
  'rolled-back': 'grape',
  aborted: 'yellow',
  cancelled: 'gray',
};

const v = (name: string) => `var(--mantine-color-${name})`;

/** Asked once: dayjs guesses the zone anew on every call, and the grid asks for every event's hover text. */
const VIEWER_ZONE = viewerTimeZone();

const MORE_STYLE: CSSProperties = { background: 'transparent', color: v('dimmed'), border: `1px dashed ${v('default-border')}`, borderRadius: 3, fontSize: 11 };

export function eventStyle(event: CalendarEvent, focusedKey: string | null): CSSProperties {
  if (isMore(event)) return MORE_STYLE;
  const o = event.occurrence;
  const color = o.kind === 'release' ? (STATUS_COLORS[(o.status ?? 'planned') as ReleaseStatus] ?? 'gray') : o.kind === 'freeze' ? 'cyan' : 'lime';
  const style: CSSProperties = {
    background: o.kind === 'freeze' ? `repeating-linear-gradient(135deg, ${v('cyan-light')} 0 6px, transparent 6px 12px), ${v('body')}` : v(`${color}-light`),
    color: color === 'gray' ? v('text') : v(`${color}-light-color`),
    border: `1px ${o.kind === 'maintenance' ? 'dashed' : 'solid'} ${v(`${color}-outline`)}`,
    borderLeft: `3px solid ${v(`${color}-6`)}`,
    borderRadius: 3,
    fontSize: 12,
    lineHeight: 1.35,
    fontWeight: o.kind === 'release' ? 500 : 400,
  };
  if (event.open > 0) {
    style.border = `1px solid ${v('red-6')}`;
    style.borderLeft = `3px solid ${v('red-6')}`;
    style.boxShadow = `0 0 0 1px ${v('red-6')}`;
  } else if (event.collisions.length > 0) {
    style.border = `1px dotted ${v('gray-6')}`;
    style.borderLeft = `3px solid ${v(`${color}-6`)}`;
  }
  if (focusedKey && event.collisions.some((c) => c.key === focusedKey)) {
    style.boxShadow = `0 0 0 2px ${v('yellow-5')}, 0 0 0 4px ${v('red-6')}`;
    style.zIndex = 3;
  }
  if (o.status === 'cancelled') {
    style.textDecoration = 'line-through';
    style.opacity = 0.6;
  }
  return style;
}

/** The hover text: what it is, when in the viewer's zone, when in the zone it was planned in, what is wrong. */
export function eventTooltip(event: CalendarEvent): string {
  const o = event.occurrence;
  if (isMore(event)) return `${event.more.count} more releases start this day. Click to see them all on the timeline.`;
  const kind = o.kind === 'release' ? `Release · ${RELEASE_STATUS_LABELS[(o.status ?? 'planned') as ReleaseStatus] ?? o.status}` : WINDOW_KIND_LABELS[o.kind];
  const lines = [`${o.name} (${kind}${o.recurring ? ', recurring' : ''})`, `${formatWindow(o.start, o.end, VIEWER_ZONE)} your time (${VIEWER_ZONE})`];
  if (o.timeZone !== VIEWER_ZONE) lines.push(`${describeWindowInZone(o.start, o.end, o.timeZone)} planned zone`);
  if (o.reason) lines.push(o.reason.length > 140 ? `${o.reason.slice(0, 140)}…` : o.reason);
  for (const c of event.collisions) lines.push(`${c.accepted ? 'Accepted' : '⚠'} ${COLLISION_KIND_LABELS[c.kind]}: ${c.sentence}`);
  return lines.join('\n');
}

/** Releases that have not started can be moved; history (released, rolled back, in progress, cancelled) cannot. */
export function isMovable(event: CalendarEvent): boolean {
  if (isMore(event)) return false;
  const o = event.occurrence;
  return o.kind === 'release' && (o.status === 'planned' || o.status === 'in-readiness' || o.status === 'go');
}
