import { fromLocalMs, toLocalMs } from '../../domain/calendar/zoned-time';
import { parseDuration, type Parsed } from './cell-values';

const MINUTE = 60_000;
const DAY = 86_400_000;

export interface StartContext {
  /** The release window's start (the runbook's anchor), epoch ms. */
  anchorMs: number;
  /** The release's time zone: wall-clock times in the sheet are read in it. */
  zone: string;
  /** The start of the row above that had one: a bare time is read as the occurrence nearest to it. */
  previousMs: number | null;
}

export interface StartValue {
  /** Minutes from the anchor, or null for "when the dependencies allow". */
  offsetMinutes: number | null;
  atMs: number | null;
}

const none: Parsed<StartValue> = { ok: true, value: { offsetMinutes: null, atMs: null } };
const fail = (message: string): Parsed<StartValue> => ({ ok: false, message });

function clockMinutes(hour: string, minute: string, second: string | undefined, meridiem: string | undefined): number | null {
  let h = Number(hour);
  const m = Number(minute);
  if (meridiem) {
    if (h < 1 || h > 12) return null;
    h = (h % 12) + (/^p/i.test(meridiem) ? 12 : 0);
  }
  if (h > 23 || m > 59) return null;
  return h * 60 + m + Math.round(Number(second ?? 0) / 60);
}

const TIME = String.raw`(\d{1,2})[:.h](\d{2})(?::(\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?(?:\s*uhr)?`;
const TIME_ONLY = new RegExp(`^${TIME}$`, 'i');
const ISO = new RegExp(String.raw`^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T\s]+${TIME})?$`, 'i');
const DOTTED = new RegExp(String.raw`^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:,?\s+${TIME})?$`, 'i');
const SLASHED = new RegExp(String.raw`^(\d{1,2})/(\d{1,2})/(\d{4})(?:,?\s+${TIME})?$`, 'i');
const RELATIVE = /^t?\s*([+-])\s*(.+)$/i;
/** "D+1 02:00", "D 21:30", "D-1 18:00": a day of the release weekend counted from the window's first day. */
const DAY_OF_WINDOW = new RegExp(String.raw`^d\s*(?:([+-])\s*(\d{1,2}))?\s*,?\s+(${TIME})$`, 'i');
/** "Sat 22:00", "Saturday 22:00", "Sun, 01:30", "Sat 05.12.2026 22:00". */
const WITH_WEEKDAY = /^([a-z]{2,9})\.?,?\s+(.+)$/i;

const WEEKDAY_NAMES: Record<string, number> = Object.fromEntries(
  [
    ['sun', 'sunday'],
    ['mon', 'monday'],
    ['tue', 'tues', 'tuesday'],
    ['wed', 'weds', 'wednesday'],
    ['thu', 'thur', 'thurs', 'thursday'],
    ['fri', 'friday'],
    ['sat', 'saturday'],
  ].flatMap((names, day) => names.map((n) => [n, day])),
);
const WEEKDAY_WORDS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/**
 * A step's fixed start from a Start cell, as minutes from the window start:
 * - empty: none (the step starts when its dependencies, or the window, allow);
 * - "22:30", "10:30 pm", "22.30 Uhr": a wall-clock time in the release's zone, on the day that puts it nearest the
 *   row above's start (or the window start), so a plan running past midnight reads as it does on paper;
 * - "2026-12-05 22:30", "05.12.2026 22:30", "12/05/2026 22:30" (when day and month cannot be mixed up): a date and
 *   time in the release's zone; an ISO time with an offset or Z ("2026-12-05T21:30Z") is that instant;
 * - "T+90", "T-0:30", "+1h": minutes relative to the window start, the way runbooks count "T-minus";
 * - "Sat 22:00", "Saturday 22:00", "Sun 01:30": the first such weekday on or after the window's first day, in the
 *   zone; "D+1 02:00" (D 21:30, D-1 18:00): that many days after the window's first day. This is how release weekends
 *   are written: the plan is reused every weekend, so it names days, not dates.
 */
export function parseStart(raw: string, context: StartContext): Parsed<StartValue> {
  const text = raw.trim();
  if (text === '') return none;
  const dayOfWindow = DAY_OF_WINDOW.exec(text);
  if (dayOfWindow) {
    const days = (dayOfWindow[1] === '-' ? -1 : 1) * Number(dayOfWindow[2] ?? 0);
    const time = TIME_ONLY.exec(dayOfWindow[3])!;
    return onWindowDay(days, clockMinutes(time[1], time[2], time[3], time[4]), context, raw);
  }
  const weekday = WITH_WEEKDAY.exec(text);
  if (weekday && WEEKDAY_NAMES[weekday[1].toLowerCase()] !== undefined) {
    const wanted = WEEKDAY_NAMES[weekday[1].toLowerCase()];
    const time = TIME_ONLY.exec(weekday[2]);
    if (time) {
      const firstDay = new Date(windowDayMs(context)).getUTCDay();
      return onWindowDay((wanted - firstDay + 7) % 7, clockMinutes(time[1], time[2], time[3], time[4]), context, raw);
    }
    // A weekday before a full date ("Sat 05.12.2026 22:00", as MS Project writes it) must agree with the date.
    const dated = parseStart(weekday[2], context);
    if (!dated.ok || dated.value.atMs === null) return dated.ok ? fail(`"${raw}" has a weekday but no time.`) : dated;
    const actual = new Date(toLocalMs(dated.value.atMs, context.zone)).getUTCDay();
    if (actual !== wanted) return fail(`"${raw}" says ${WEEKDAY_WORDS[wanted]}, but that date is a ${WEEKDAY_WORDS[actual]}.`);
    return dated;
  }
  const relative = RELATIVE.exec(text);
  if (relative) {
    const length = parseDuration(relative[2]);
    if (!length.ok) return fail(`"${raw}" is not a start: after T+ or T- write a duration, like "T+90" or "T-0:30".`);
    return offsetResult((relative[1] === '-' ? -1 : 1) * length.value, context, raw);
  }
  const absolute = /^(\d{4}-\d{2}-\d{2})[T\s](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*(Z|[+-]\d{2}:?\d{2})$/i.exec(text);
  if (absolute) {
    const at = Date.parse(`${absolute[1]}T${absolute[2]}${absolute[3].toUpperCase()}`);
    if (!Number.isNaN(at)) return atResult(at, context, raw);
  }
  const time = TIME_ONLY.exec(text);
  if (time) {
    const minutes = clockMinutes(time[1], time[2], time[3], time[4]);
    if (minutes === null) return fail(`"${raw}" is not a time of day.`);
    return atResult(nearestOccurrence(minutes, context), context, raw);
  }
  const date = dateParts(text);
  if (typeof date === 'string') return fail(date.replace('%s', raw));
  if (date) {
    const { year, month, day, time: t } = date;
    if (!t) return fail(`"${raw}" has a date but no time: write the time too, like "${text} 22:30".`);
    const minutes = clockMinutes(t[0], t[1], t[2], t[3]);
    const local = Date.UTC(year, month - 1, day);
    if (minutes === null || new Date(local).getUTCDate() !== day || month < 1 || month > 12) return fail(`"${raw}" is not a date and time.`);
    return atResult(fromLocalMs(local + minutes * MINUTE, context.zone), context, raw);
  }
  return fail(`"${raw}" is not a start time: write a time ("22:30"), a weekday and time ("Sat 22:30"), a date and time ("2026-12-05 22:30"), "D+1 02:00", "T+90", or leave it empty.`);
}

type DateParts = { year: number; month: number; day: number; time: string[] | null };

/** Year, month and day of the date formats above; a string is the refusal of an ambiguous one. */
function dateParts(text: string): DateParts | string | null {
  const pick = (m: RegExpExecArray, y: number, mo: number, d: number): DateParts => ({
    year: Number(m[y]),
    month: Number(m[mo]),
    day: Number(m[d]),
    time: m[4] ? [m[4], m[5], m[6], m[7]] : null,
  });
  const iso = ISO.exec(text);
  if (iso) return pick(iso, 1, 2, 3);
  const dotted = DOTTED.exec(text);
  if (dotted) return pick(dotted, 3, 2, 1);
  const slashed = SLASHED.exec(text);
  if (!slashed) return null;
  const [a, b] = [Number(slashed[1]), Number(slashed[2])];
  if (a > 12 && b <= 12) return pick(slashed, 3, 2, 1);
  if (b > 12 && a <= 12) return pick(slashed, 3, 1, 2);
  if (a === b) return pick(slashed, 3, 1, 2);
  return `"%s" could be ${a}/${b} as day/month or month/day: write the date as YYYY-MM-DD.`;
}

/** The window's first day, as local milliseconds at its midnight in the zone. */
function windowDayMs(context: StartContext): number {
  return Math.floor(toLocalMs(context.anchorMs, context.zone) / DAY) * DAY;
}

function onWindowDay(days: number, minutes: number | null, context: StartContext, raw: string): Parsed<StartValue> {
  if (minutes === null) return fail(`"${raw}" is not a time of day.`);
  return atResult(fromLocalMs(windowDayMs(context) + days * DAY + minutes * MINUTE, context.zone), context, raw);
}

/** The occurrence of a time of day (in the zone) nearest to the row above's start, or to the window start. */
function nearestOccurrence(minutes: number, context: StartContext): number {
  const reference = toLocalMs(context.previousMs ?? context.anchorMs, context.zone);
  const day = Math.floor(reference / DAY) * DAY + minutes * MINUTE;
  const candidates = [day - DAY, day, day + DAY];
  const local = candidates.reduce((best, c) => (Math.abs(c - reference) < Math.abs(best - reference) ? c : best));
  return fromLocalMs(local, context.zone);
}

function atResult(atMs: number, context: StartContext, raw: string): Parsed<StartValue> {
  return offsetResult(Math.round((atMs - context.anchorMs) / MINUTE), context, raw);
}

function offsetResult(offset: number, context: StartContext, raw: string): Parsed<StartValue> {
  if (offset < -20_160) return fail(`"${raw}" is more than 14 days before the release window starts.`);
  if (offset > 40_320) return fail(`"${raw}" is more than 28 days after the release window starts.`);
  return { ok: true, value: { offsetMinutes: offset, atMs: context.anchorMs + offset * MINUTE } };
}
