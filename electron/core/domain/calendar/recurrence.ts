import { RRuleTemporal } from 'rrule-temporal';
import { Temporal } from 'temporal-polyfill';
import { DAY_MS, fromLocalMs, icsLocalStamp, toLocalMs } from './zoned-time';

/**
 * Recurrence of maintenance and freeze windows: an RFC 5545 RRULE expanded in the window's own zone, so that a
 * weekly Saturday 22:00 Europe/Berlin window stays at 22:00 local across daylight-saving changes.
 *
 * How an occurrence is made (docs/calendar.md, "Recurrence and DST"):
 * 1. The rule runs over wall-clock date-times, with the window's local start as DTSTART (which is always the first
 *    occurrence). We hand the recurrence library wall-clock times in a zone without DST, so that the library itself
 *    never drops or moves an occurrence.
 * 2. Each wall-clock start becomes an instant in the window's zone by the RFC 5545 §3.3.5 rule (zoned-time.ts): a
 *    start inside the spring-forward gap moves forward by the gap (02:30 → 03:30 CEST); a start in the repeated
 *    fall-back hour is the first of the two. (RFC 5545 §3.3.10 would drop such an occurrence instead; a maintenance
 *    window that silently vanishes once a year is worse than one that starts an hour late, so we follow §3.3.5.)
 * 3. The end is that start's wall-clock time plus the window's wall-clock length: a Saturday 22:00–Sunday 06:00
 *    window ends at 06:00 local every week, so it lasts 7 real hours on the spring-forward night and 9 on the
 *    fall-back night; a 02:30–03:30 window moved to 03:30 by the gap ends at 04:30.
 * 4. An occurrence whose local start date is one of the exception dates is skipped.
 */

export interface RecurringWindow {
  start: string;
  end: string;
  timeZone: string;
  rrule: string | null;
  exceptionDates: readonly string[];
}

export interface Occurrence {
  start: number;
  end: number;
}

/** Frequencies a window may repeat at; hourly or finer is not a window, and would expand into far too many. */
const ALLOWED_FREQUENCIES = new Set(['YEARLY', 'MONTHLY', 'WEEKLY', 'DAILY']);
/** The most occurrences of one window a single query returns: a safety cap (27 years of a daily window). */
export const MAX_OCCURRENCES = 10_000;

/** Why a rule cannot be used, as a sentence, or null when it is fine. */
export function recurrenceRuleProblem(rrule: string, window: Omit<RecurringWindow, 'rrule'>): string | null {
  const parts = new Map(rrule.split(';').filter(Boolean).map((part) => part.split('=') as [string, string]));
  const freq = parts.get('FREQ');
  if (!freq) return 'Recurrence rule needs a FREQ, e.g. FREQ=WEEKLY;BYDAY=SA.';
  if (!ALLOWED_FREQUENCIES.has(freq)) return `Recurrence rule FREQ=${freq} is not allowed; use DAILY, WEEKLY, MONTHLY or YEARLY.`;
  if (parts.has('COUNT') && parts.has('UNTIL')) return 'Recurrence rule may have COUNT or UNTIL, not both.';
  for (const name of ['BYHOUR', 'BYMINUTE', 'BYSECOND']) {
    if (parts.has(name)) return `Recurrence rule may not use ${name}: the window's start sets the time of day.`;
  }
  try {
    frameRule({ ...window, rrule }).all((_, i) => i < 2);
  } catch (error) {
    return `Recurrence rule is not valid: ${(error instanceof Error ? error.message : String(error)).replace(/\.$/, '')}.`;
  }
  return null;
}

const cache = new Map<string, Occurrence[]>();
const CACHE_LIMIT = 2_000;

/**
 * Every occurrence that overlaps [fromMs, toMs), in start order. Pure, and memoised on its inputs: the calendar
 * asks for the same windows over the same range again and again (every drag step recomputes collisions).
 */
export function expandOccurrences(window: RecurringWindow, fromMs: number, toMs: number): Occurrence[] {
  const start = Date.parse(window.start);
  const end = Date.parse(window.end);
  if (!window.rrule) return start < toMs && end > fromMs ? [{ start, end }] : [];
  const key = JSON.stringify([window.start, window.end, window.timeZone, window.rrule, window.exceptionDates, fromMs, toMs]);
  const hit = cache.get(key);
  if (hit) return hit;
  const result = expand(window, start, end, fromMs, toMs);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, result);
  return result;
}

function expand(window: RecurringWindow, start: number, end: number, fromMs: number, toMs: number): Occurrence[] {
  const zone = window.timeZone;
  const localLength = toLocalMs(end, zone) - toLocalMs(start, zone);
  // The frame is wall-clock time written as UTC; widen it so zone offsets and the window's own length cannot push an
  // overlapping occurrence out of the query.
  const frameFrom = new Date(toLocalMs(fromMs, zone) - Math.max(0, localLength) - 2 * DAY_MS);
  const frameTo = new Date(toLocalMs(toMs, zone) + 2 * DAY_MS);
  const skipped = new Set(window.exceptionDates);
  const out: Occurrence[] = [];
  for (const frameStart of frameRule(window).between(frameFrom, frameTo, true)) {
    const localStart = frameStart.epochMilliseconds;
    if (skipped.has(new Date(localStart).toISOString().slice(0, 10))) continue;
    const occurrenceStart = fromLocalMs(localStart, zone);
    const occurrenceEnd = fromLocalMs(toLocalMs(occurrenceStart, zone) + localLength, zone);
    if (occurrenceStart < toMs && occurrenceEnd > fromMs) out.push({ start: occurrenceStart, end: occurrenceEnd });
    if (out.length >= MAX_OCCURRENCES) break;
  }
  return out;
}

function frameRule(window: RecurringWindow): RRuleTemporal {
  const localStart = toLocalMs(Date.parse(window.start), window.timeZone);
  return new RRuleTemporal({
    rruleString: untilInFrame(window.rrule ?? '', window.timeZone),
    dtstart: Temporal.Instant.fromEpochMilliseconds(localStart).toZonedDateTimeISO('UTC'),
    includeDtstart: true,
  });
}

/** UNTIL=…Z is an instant; in the wall-clock frame it becomes that instant's wall-clock time in the window's zone. */
function untilInFrame(rrule: string, zone: string): string {
  return rrule.replace(/UNTIL=(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z/, (_, y, mo, d, h, mi, s) => {
    const instant = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
    return `UNTIL=${icsLocalStamp(toLocalMs(instant, zone))}Z`;
  });
}
