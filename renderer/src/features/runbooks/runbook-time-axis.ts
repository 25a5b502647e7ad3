import dayjs from 'dayjs';
import type { RunbookView } from '../../../../electron/contract/runbook-entities';

const MINUTE = 60_000;
const TICK_CHOICES = [5, 10, 15, 30, 60, 120, 180, 360, 720, 1440];

export interface TimelineScale {
  from: number;
  to: number;
  width: number;
  x(instant: string | number): number;
  /** Tick instants (ms) on round minutes, at least ~70 px apart. */
  ticks: number[];
  tickMinutes: number;
}

/**
 * The time axis: from the earlier of the first step and the window start to the later of the planned (or projected)
 * end and the window end, with a little air on both sides, fitted into the width available but never tighter than
 * 0.6 px a minute (then the chart scrolls sideways).
 */
export function timelineScale(view: RunbookView, available: number): TimelineScale {
  const times: number[] = [];
  for (const s of view.steps) times.push(Date.parse(s.plannedStart), Date.parse(s.plannedFinish), Date.parse(s.projectedFinish));
  if (view.release) times.push(Date.parse(view.release.windowStart), Date.parse(view.release.windowEnd));
  if (times.length === 0) times.push(Date.parse(view.anchor), Date.parse(view.anchor) + 60 * MINUTE);
  let from = Math.min(...times);
  let to = Math.max(...times);
  const air = Math.max(15 * MINUTE, (to - from) * 0.03);
  from -= air;
  to += air;
  const minutes = (to - from) / MINUTE;
  const pxPerMinute = Math.max(0.6, available / minutes);
  const width = Math.round(minutes * pxPerMinute);
  const tickMinutes = TICK_CHOICES.find((m) => m * pxPerMinute >= 70) ?? 1440;
  const first = dayjs(from).startOf('hour').valueOf();
  const ticks: number[] = [];
  for (let t = first; t <= to; t += tickMinutes * MINUTE) if (t >= from) ticks.push(t);
  return {
    from,
    to,
    width,
    x: (instant) => ((typeof instant === 'number' ? instant : Date.parse(instant)) - from) / MINUTE * pxPerMinute,
    ticks,
    tickMinutes,
  };
}
