import dayjs from 'dayjs';
import isoWeek from 'dayjs/plugin/isoWeek.js';
import 'dayjs/locale/en-gb.js';

dayjs.extend(isoWeek);
// react-big-calendar's dayjs localizer takes the week start from dayjs's global locale (its `culture` prop does not
// reach startOf('week')). en-gb differs from the default only there (Monday) and in the L/LT formats, which the app
// does not use: every other screen formats with explicit patterns.
dayjs.locale('en-gb');

/** The three ways to look at the calendar; the timeline has its own zoom. */
export type CalendarView = 'month' | 'week' | 'timeline';
export type TimelineZoom = 'day' | 'week' | 'month' | 'quarter';
export const TIMELINE_ZOOMS: readonly TimelineZoom[] = ['day', 'week', 'month', 'quarter'];

/** Weeks start on Monday so a release weekend (Saturday and Sunday) stays on one row. */
export const CALENDAR_CULTURE = 'en-gb';

export interface Period {
  /** First instant shown. */
  start: Date;
  /** First instant after the period (half-open, like the API's ranges). */
  end: Date;
}

/**
 * The time a view shows around its anchor date. The month grid shows whole weeks, so it starts on the Monday on or
 * before the 1st and ends after the Sunday on or after the last day: fetching exactly that keeps the API range-bound.
 */
export function visiblePeriod(view: CalendarView, zoom: TimelineZoom, anchor: Date): Period {
  const day = dayjs(anchor);
  if (view === 'month') {
    return { start: day.startOf('month').startOf('isoWeek').toDate(), end: day.endOf('month').endOf('isoWeek').add(1, 'ms').toDate() };
  }
  if (view === 'week') return { start: day.startOf('isoWeek').toDate(), end: day.startOf('isoWeek').add(1, 'week').toDate() };
  switch (zoom) {
    case 'day':
      return { start: day.startOf('day').toDate(), end: day.startOf('day').add(1, 'day').toDate() };
    case 'week':
      return { start: day.startOf('isoWeek').toDate(), end: day.startOf('isoWeek').add(1, 'week').toDate() };
    case 'month':
      return { start: day.startOf('month').toDate(), end: day.startOf('month').add(1, 'month').toDate() };
    case 'quarter': {
      const first = day.startOf('month').subtract(day.month() % 3, 'month');
      return { start: first.toDate(), end: first.add(3, 'month').toDate() };
    }
  }
}

/** The anchor one period earlier (-1) or later (+1). */
export function stepAnchor(view: CalendarView, zoom: TimelineZoom, anchor: Date, direction: -1 | 1): Date {
  const unit = view === 'month' ? 'month' : view === 'week' ? 'week' : zoom;
  if (unit === 'quarter') return dayjs(anchor).add(3 * direction, 'month').toDate();
  return dayjs(anchor).add(direction, unit).toDate();
}

/** "December 2026", "30 Nov – 6 Dec 2026", "Q4 2026": the heading of the period on screen. */
export function periodLabel(view: CalendarView, zoom: TimelineZoom, anchor: Date): string {
  const { start, end } = visiblePeriod(view, zoom, anchor);
  const from = dayjs(start);
  const last = dayjs(end).subtract(1, 'ms');
  if (view === 'month' || (view === 'timeline' && zoom === 'month')) return dayjs(anchor).format('MMMM YYYY');
  if (view === 'timeline' && zoom === 'day') return from.format('dddd D MMMM YYYY');
  if (view === 'timeline' && zoom === 'quarter') return `Q${Math.floor(from.month() / 3) + 1} ${from.year()} (${from.format('MMM')} – ${last.format('MMM')})`;
  const sameMonth = from.month() === last.month();
  return `${from.format(sameMonth ? 'D' : 'D MMM')} – ${last.format('D MMM YYYY')}`;
}

/** The API wants instants; a few hours of slack on each side catches windows that end or start at the edge. */
export function fetchRange(period: Period): { from: string; to: string } {
  return { from: new Date(period.start.getTime() - 86_400_000).toISOString(), to: new Date(period.end.getTime() + 86_400_000).toISOString() };
}
