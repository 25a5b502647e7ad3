import dayjs from 'dayjs';
import type { CalendarEvent } from './calendar-events';
import type { Period, TimelineZoom } from './calendar-range';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface Tick {
  at: number;
  label: string;
  /** A major tick (day in the week zoom, month in the quarter zoom) draws a stronger line and a bold label. */
  major: boolean;
}

/** Grid lines and labels for a zoom, in the viewer's zone. */
export function timelineTicks(period: Period, zoom: TimelineZoom): Tick[] {
  const ticks: Tick[] = [];
  const end = period.end.getTime();
  const unit = zoom === 'day' ? 'hour' : zoom === 'quarter' ? 'week' : 'day';
  let t = dayjs(period.start).startOf(zoom === 'quarter' ? 'isoWeek' : unit);
  if (t.valueOf() < period.start.getTime()) t = t.add(1, unit);
  for (; t.valueOf() < end; t = t.add(1, unit)) {
    if (zoom === 'day') ticks.push({ at: t.valueOf(), label: t.format('HH:mm'), major: t.hour() % 6 === 0 });
    else if (zoom === 'week') ticks.push({ at: t.valueOf(), label: t.format('ddd D MMM'), major: true });
    else if (zoom === 'month') ticks.push({ at: t.valueOf(), label: t.format(t.isoWeekday() === 1 ? 'ddd D MMM' : 'D'), major: t.isoWeekday() === 1 });
    else ticks.push({ at: t.valueOf(), label: t.format('D MMM'), major: t.date() <= 7 });
  }
  return ticks;
}

/** How far a dragged bar snaps: fine when zoomed in, coarse when a quarter is on screen. */
export function snapStep(zoom: TimelineZoom): number {
  return zoom === 'day' ? 15 * 60_000 : zoom === 'week' ? HOUR : zoom === 'month' ? 3 * HOUR : DAY;
}

/** Bars that overlap go on separate lanes of their row (greedy: first lane free at the bar's start). */
export function assignLanes(events: readonly CalendarEvent[]): Map<string, number> {
  const lanes: number[] = [];
  const out = new Map<string, number>();
  for (const e of [...events].sort((a, b) => a.start.getTime() - b.start.getTime() || b.end.getTime() - a.end.getTime())) {
    let lane = lanes.findIndex((freeAt) => freeAt <= e.start.getTime());
    if (lane < 0) lane = lanes.length;
    lanes[lane] = e.end.getTime();
    out.set(e.id, lane);
  }
  return out;
}

/** One row per environment: its releases on lanes, its own windows as background bands. */
export interface TimelineRow {
  id: string;
  name: string;
  releases: CalendarEvent[];
  windows: CalendarEvent[];
  lanes: Map<string, number>;
  laneCount: number;
}

export function timelineRows(environments: readonly { id: string; name: string }[], events: readonly CalendarEvent[]): { rows: TimelineRow[]; everywhere: CalendarEvent[] } {
  // Windows that name no environment apply to all of them: drawn once across every row.
  const everywhere = events.filter((e) => e.occurrence.kind !== 'release' && e.occurrence.environmentIds.length === 0);
  const rows = environments.map((env) => {
    const releases = events.filter((e) => e.occurrence.kind === 'release' && e.occurrence.environmentIds.includes(env.id));
    const windows = events.filter((e) => e.occurrence.kind !== 'release' && e.occurrence.environmentIds.includes(env.id));
    const lanes = assignLanes(releases);
    return { id: env.id, name: env.name, releases, windows, lanes, laneCount: Math.max(1, ...[...lanes.values()].map((l) => l + 1)) };
  });
  return { rows, everywhere };
}
