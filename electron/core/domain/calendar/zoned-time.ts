/**
 * Wall-clock time in an IANA zone ↔ UTC instants. Windows are stored as instants plus the zone they were planned
 * in; recurrence happens in wall-clock time of that zone, so these conversions are where DST is decided.
 *
 * Wall-clock times are carried as "local milliseconds": the wall-clock date and time written as if it were UTC
 * (Date.UTC(year, month, day, hour, minute)). Adding a wall-clock length is then plain addition, and the zone only
 * matters when a local time becomes an instant again.
 *
 * The DST rule (RFC 5545 §3.3.5; Temporal calls it the "compatible" disambiguation):
 * - a local time that does not exist (inside the spring-forward gap) is read with the UTC offset in force before the
 *   gap, so it moves forward by the length of the gap: 02:30 on 2026-03-29 in Europe/Berlin is 03:30 CEST;
 * - a local time that occurs twice (the fall-back hour) is the first of the two: 02:30 on 2026-10-25 in
 *   Europe/Berlin is 02:30 CEST (00:30Z), not 02:30 CET (01:30Z).
 *
 * Offsets come from Intl (the runtime's own tz database), cached per zone in 15-minute buckets: every zone in use
 * today changes offset on a quarter hour, and the cache makes the collision finder's conversions cheap.
 */

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
const BUCKET_MS = 15 * MINUTE_MS;

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();
const offsetCache = new Map<string, Map<number, number>>();

function offsetFormatter(zone: string): Intl.DateTimeFormat {
  let f = offsetFormatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    offsetFormatters.set(zone, f);
  }
  return f;
}

/** The zone's UTC offset in milliseconds at an instant (local = instant + offset). */
export function zoneOffsetMs(zone: string, instantMs: number): number {
  // Most days have one offset all day: one cache entry per UTC day, and quarter-hour entries only on the days an
  // offset changes (the DST nights), so the collision finder rarely asks Intl.
  let byDay = dayOffsetCache.get(zone);
  if (!byDay) dayOffsetCache.set(zone, (byDay = new Map()));
  const day = Math.floor(instantMs / DAY_MS);
  let whole = byDay.get(day);
  if (whole === undefined) {
    const first = offsetAtBucket(zone, (day * DAY_MS) / BUCKET_MS);
    whole = first === offsetAtBucket(zone, ((day + 1) * DAY_MS) / BUCKET_MS - 1) ? first : NaN;
    byDay.set(day, whole);
  }
  return Number.isNaN(whole) ? offsetAtBucket(zone, Math.floor(instantMs / BUCKET_MS)) : whole;
}

const dayOffsetCache = new Map<string, Map<number, number>>();

function offsetAtBucket(zone: string, bucket: number): number {
  let byBucket = offsetCache.get(zone);
  if (!byBucket) {
    byBucket = new Map();
    offsetCache.set(zone, byBucket);
  }
  const cached = byBucket.get(bucket);
  if (cached !== undefined) return cached;
  const at = bucket * BUCKET_MS;
  const p: Record<string, string> = {};
  for (const part of offsetFormatter(zone).formatToParts(new Date(at))) p[part.type] = part.value;
  const year = p.era === 'BC' || p.era === 'B' ? 1 - Number(p.year) : Number(p.year);
  const local = Date.UTC(year, Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  const offset = local - at;
  byBucket.set(bucket, offset);
  return offset;
}

/** The wall-clock time of an instant in a zone, as local milliseconds. */
export function toLocalMs(instantMs: number, zone: string): number {
  return instantMs + zoneOffsetMs(zone, instantMs);
}

/** The instant of a wall-clock time (local milliseconds) in a zone, by the DST rule above. */
export function fromLocalMs(localMs: number, zone: string): number {
  const before = zoneOffsetMs(zone, localMs - DAY_MS);
  const after = zoneOffsetMs(zone, localMs + DAY_MS);
  const early = localMs - Math.max(before, after);
  const late = localMs - Math.min(before, after);
  const earlyFits = zoneOffsetMs(zone, early) === localMs - early;
  const lateFits = zoneOffsetMs(zone, late) === localMs - late;
  if (earlyFits) return early; // the only reading, or the first of two in the fall-back hour
  if (lateFits) return late;
  return localMs - before; // in the spring-forward gap: the offset before the gap, so later by the gap's length
}

/** "2026-12-24": the local calendar date of an instant in a zone. */
export function localDate(instantMs: number, zone: string): string {
  return new Date(toLocalMs(instantMs, zone)).toISOString().slice(0, 10);
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const dayLabels = new Map<number, string>();

/** "Sat 5 Dec 2026" and "22:00" of an instant in a zone; day labels are cached, as sentences repeat days a lot. */
function localParts(instantMs: number, zone: string): { day: string; time: string } {
  const local = toLocalMs(instantMs, zone);
  const dayNumber = Math.floor(local / DAY_MS);
  let day = dayLabels.get(dayNumber);
  if (day === undefined) {
    const d = new Date(dayNumber * DAY_MS);
    day = `${WEEKDAYS[d.getUTCDay()]} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
    dayLabels.set(dayNumber, day);
  }
  const minutes = Math.floor((local - dayNumber * DAY_MS) / MINUTE_MS);
  const hh = Math.floor(minutes / 60);
  const mm = minutes % 60;
  return { day, time: `${hh < 10 ? '0' : ''}${hh}:${mm < 10 ? '0' : ''}${mm}` };
}

/** "Sat 5 Dec 2026 22:00" in the given zone. */
export function formatLocal(instantMs: number, zone: string): string {
  const { day, time } = localParts(instantMs, zone);
  return `${day} ${time}`;
}

/** "Sat 5 Dec 2026 22:00–23:30", or "Sat 5 Dec 2026 22:00 – Sun 6 Dec 2026 02:00" when it crosses midnight. */
export function formatLocalRange(startMs: number, endMs: number, zone: string): string {
  const a = localParts(startMs, zone);
  const b = localParts(endMs, zone);
  return a.day === b.day ? `${a.day} ${a.time}–${b.time}` : `${a.day} ${a.time} – ${b.day} ${b.time}`;
}

/** "20261205T220000": a wall-clock time in iCalendar's basic format. */
export function icsLocalStamp(localMs: number): string {
  return new Date(localMs).toISOString().slice(0, 19).replace(/[-:]/g, '');
}

/** The zone this machine's clock shows: where a reader's zone is not given (the CLI, a pipeline). */
export function machineTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** Whether the runtime's tz database knows this IANA zone name. */
export function isIanaZoneName(zone: string): boolean {
  if (!zone || !/^[A-Za-z_]+(\/[A-Za-z0-9_+\-]+)*$/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export { HOUR_MS, DAY_MS };
