import type { TrendBucket } from '../../../contract/outcomes-entities';
import type { Period } from './metric-facts';
import { DAY_MS } from './statistics';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export interface Bucket extends Period {
  /** The bucket's first day (YYYY-MM-DD), even when the period starts later in it. */
  start: string;
  label: string;
}

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * The weeks (Monday to Sunday, UTC, as ISO 8601 weeks) or calendar months that cover a period, each clipped to it,
 * so the first and last points count only the days inside the period.
 */
export function trendBuckets(period: Period, bucket: TrendBucket): Bucket[] {
  const buckets: Bucket[] = [];
  let startMs = bucket === 'week' ? weekStart(period.fromMs) : monthStart(period.fromMs);
  while (startMs < period.toMs) {
    const endMs = bucket === 'week' ? startMs + 7 * DAY_MS : nextMonth(startMs);
    const date = new Date(startMs);
    const label =
      bucket === 'week' ? `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]}` : `${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
    buckets.push({ start: isoDay(startMs), label, fromMs: Math.max(startMs, period.fromMs), toMs: Math.min(endMs, period.toMs) });
    startMs = endMs;
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

/** A period of whole UTC days, `from` and `to` both included. */
export function dayPeriod(from: string, to: string): Period {
  return { fromMs: Date.parse(`${from}T00:00:00Z`), toMs: Date.parse(`${to}T00:00:00Z`) + DAY_MS };
}
