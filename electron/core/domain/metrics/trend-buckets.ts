import type { TrendBucket } from '../../../contract/outcomes-entities';
import type { Period } from './metric-facts';
import { DAY_MS } from './statistics';
import { fromLocalMs, toLocalMs } from '../calendar/zoned-time';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export interface Bucket extends Period {
  /** The bucket's first day (YYYY-MM-DD), even when the period starts later in it. */
  start: string;
  label: string;
}

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * The weeks (Monday to Sunday, as ISO 8601 weeks) or calendar months that cover a period, in the reader's zone,
 * each clipped to it, so the first and last points count only the days inside the period. Boundaries are worked
 * out in wall-clock time ("local milliseconds", see calendar/zoned-time.ts) and turned into instants at the end.
 */
export function trendBuckets(period: Period, bucket: TrendBucket, zone = 'UTC'): Bucket[] {
  const buckets: Bucket[] = [];
  const localFrom = toLocalMs(period.fromMs, zone);
  let startLocal = bucket === 'week' ? weekStart(localFrom) : monthStart(localFrom);
  while (fromLocalMs(startLocal, zone) < period.toMs) {
    const endLocal = bucket === 'week' ? startLocal + 7 * DAY_MS : nextMonth(startLocal);
    const date = new Date(startLocal);
    const label =
      bucket === 'week' ? `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]}` : `${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
    const [startMs, endMs] = [fromLocalMs(startLocal, zone), fromLocalMs(endLocal, zone)];
    buckets.push({ start: isoDay(startLocal), label, fromMs: Math.max(startMs, period.fromMs), toMs: Math.min(endMs, period.toMs) });
    startLocal = endLocal;
  }
  return buckets;
}

function weekStart(ms: number): number {
  const day = Math.floor(ms / DAY_MS) * DAY_MS;
  const weekday = (new Date(day).getUTCDay() + 6) % 7; // Monday = 0
  return day - weekday * DAY_MS;
}

function monthStart(ms: number): number {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
}

function nextMonth(ms: number): number {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
}

/** A period of whole days in the reader's zone (the viewer's; UTC for a pipeline that says nothing), both included. */
export function dayPeriod(from: string, to: string, zone = 'UTC'): Period {
  return { fromMs: fromLocalMs(Date.parse(`${from}T00:00:00Z`), zone), toMs: fromLocalMs(Date.parse(`${to}T00:00:00Z`) + DAY_MS, zone) };
}
