import dayjs from 'dayjs';
import { viewerTimeZone } from '../../shared/dates';
import type { RunbookView } from '../../../../electron/contract/runbook-entities';
import { formatDuration } from './duration';

/**
 * Step times. A release's runbook shows clock times in the viewer's zone (the release's zone on hover); a template
 * has no window, so its times read as offsets from the window start ("T+1 h 30 min").
 */
export interface TimeFormat {
  /** A template: offsets instead of clock times, and nothing to execute. */
  template: boolean;
  /** Short: "Sat 22:30" or "T+1 h 30 min". */
  short(instant: string): string;
  /** Time of day only, for a time axis: "22:30". */
  clock(instant: string): string;
  /** The day, when it is not today in the viewer's zone ("Sat 5 Dec"; with the year when not this year); else "". */
  day(instant: string, nowMs: number): string;
  /** The time, with its day whenever that is not today: "22:30", "Sat 5 Dec 22:30". */
  at(instant: string, nowMs: number): string;
  /** A window: "Sat 19 Dec 22:00 – Sun 20 Dec 02:00", "22:00 – 23:30" (today). */
  span(start: string, end: string, nowMs: number): string;
  /** The same instant in the release's own zone, for hover titles. */
  inReleaseZone(instant: string): string;
}

export function timeFormat(view: RunbookView): TimeFormat {
  const zone = viewerTimeZone();
  const release = view.release;
  if (!release) {
    const anchor = dayjs(view.anchor);
    const offset = (instant: string) => {
      const minutes = dayjs(instant).diff(anchor, 'minute');
      return minutes === 0 ? 'T+0' : `T${minutes < 0 ? '' : '+'}${formatDuration(minutes)}`;
    };
    return {
      template: true,
      short: offset,
      clock: offset,
      day: () => '',
      at: offset,
      span: (a, b) => `${offset(a)} – ${offset(b)}`,
      inReleaseZone: (i) => `${offset(i)} from the window start`,
    };
  }
  const day = (instant: string, nowMs: number) => {
    const d = dayjs(instant).tz(zone);
    const today = dayjs(nowMs).tz(zone);
    if (d.format('YYYY-MM-DD') === today.format('YYYY-MM-DD')) return '';
    return d.format(d.year() === today.year() ? 'ddd D MMM' : 'ddd D MMM YYYY');
  };
  const clock = (i: string) => dayjs(i).tz(zone).format('HH:mm');
  const at = (i: string, nowMs: number) => [day(i, nowMs), clock(i)].filter(Boolean).join(' ');
  return {
    template: false,
    short: (i) => dayjs(i).tz(zone).format('ddd HH:mm'),
    clock,
    day,
    at,
    span(start, end, nowMs) {
      const sameDay = dayjs(start).tz(zone).format('YYYY-MM-DD') === dayjs(end).tz(zone).format('YYYY-MM-DD');
      return `${at(start, nowMs)} – ${sameDay ? clock(end) : at(end, nowMs)}`;
    },
    inReleaseZone: (i) => `${dayjs(i).tz(release.timeZone).format('ddd D MMM HH:mm')} (${release.timeZone}, the release's zone)`,
  };
}

/** "Planned end 07:40 — 1 h 40 min past the window end", or null when the runbook fits. */
export function overrunSentence(view: RunbookView, format: TimeFormat): string | null {
  if (view.overrunMinutes <= 0 || !view.plannedEnd) return null;
  return `Planned end ${format.short(view.plannedEnd)} — ${formatDuration(view.overrunMinutes)} past the window end`;
}
