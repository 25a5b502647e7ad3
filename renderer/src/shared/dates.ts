import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc.js';
import timezone from 'dayjs/plugin/timezone.js';
import relativeTime from 'dayjs/plugin/relativeTime.js';

dayjs.extend(utc);
dayjs.extend(timezone);
dayjs.extend(relativeTime);

/** The format Mantine's date pickers exchange: a wall-clock time with no zone. */
const WALL_CLOCK = 'YYYY-MM-DD HH:mm:ss';
const DISPLAY = 'ddd D MMM YYYY, HH:mm';

/**
 * Zones the tz database renamed that Chromium's ICU still reports by their old names (the tz "backward" file): a
 * reader in Kolkata should read "Asia/Kolkata", not "Asia/Calcutta". Both name the same rules, so the conversion is
 * exact either way.
 */
const RENAMED_ZONES: Record<string, string> = {
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Asia/Rangoon': 'Asia/Yangon',
  'Europe/Kiev': 'Europe/Kyiv',
  'Atlantic/Faeroe': 'Atlantic/Faroe',
  'America/Godthab': 'America/Nuuk',
};

export const viewerTimeZone = (): string => {
  const zone = dayjs.tz.guess();
  return RENAMED_ZONES[zone] ?? zone;
};

/** Every IANA zone the browser knows; UTC first because it is the usual workspace default. */
export const TIME_ZONES: readonly string[] = (() => {
  const zones = Intl.supportedValuesOf('timeZone');
  return ['UTC', ...zones.filter((z) => z !== 'UTC')];
})();

/**
 * The wall-clock time a person picked, read in the release's zone, as the instant the core stores ("…Z").
 * No format argument: without the customParseFormat plugin dayjs.tz would then parse in the viewer's zone.
 */
export function wallClockToInstant(wallClock: string, zone: string): string {
  return dayjs.tz(wallClock, zone).toISOString();
}

export function instantToWallClock(instant: string, zone: string): string {
  return dayjs(instant).tz(zone).format(WALL_CLOCK);
}

export function formatInstant(instant: string, zone = viewerTimeZone()): string {
  return dayjs(instant).tz(zone).format(DISPLAY);
}

/** A window in one zone: the end omits the date when it falls on the same day. */
export function formatWindow(start: string, end: string, zone = viewerTimeZone()): string {
  const from = dayjs(start).tz(zone);
  const to = dayjs(end).tz(zone);
  const sameDay = from.format('YYYY-MM-DD') === to.format('YYYY-MM-DD');
  return `${from.format(DISPLAY)} – ${to.format(sameDay ? 'HH:mm' : DISPLAY)}`;
}

/** "Release's own zone" text for hover titles: the same window as its planners wrote it. */
export function describeWindowInZone(start: string, end: string, zone: string): string {
  return `${formatWindow(start, end, zone)} (${zone})`;
}

export function fromNow(instant: string): string {
  return dayjs(instant).fromNow();
}

const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * A date as people type it, to "YYYY-MM-DD": 2026-12-05, 5/12/2026 or 5.12.2026 (day first), 5 Dec 2026,
 * Sat 5 December 2026, Dec 5, 2026. Written by hand because the date pickers parse only their own display format,
 * and dayjs's parsing plugin would change how every other dayjs call in the app reads a string.
 */
export function parseTypedDate(text: string): string | null {
  const t = text.trim().toLowerCase().replace(/,/g, ' ').replace(/\s+/g, ' ');
  const month = (name: string) => MONTH_NAMES.indexOf(name.slice(0, 3)) + 1;
  let m: RegExpMatchArray | null;
  let parts: [number, number, number] | null = null;
  if ((m = t.match(/^(\d{4})-(\d{1,2})-(\d{1,2})$/))) parts = [+m[1], +m[2], +m[3]];
  else if ((m = t.match(/^(\d{1,2})[./](\d{1,2})[./](\d{4})$/))) parts = [+m[3], +m[2], +m[1]];
  else if ((m = t.match(/^(?:[a-z]{3,9}\.? )?(\d{1,2}) ([a-z]{3,9})\.? (\d{4})$/))) parts = [+m[3], month(m[2]), +m[1]];
  else if ((m = t.match(/^(?:[a-z]{3,9}\.? )?([a-z]{3,9})\.? (\d{1,2}) (\d{4})$/))) parts = [+m[3], month(m[1]), +m[2]];
  if (!parts) return null;
  const [y, mo, d] = parts;
  const iso = `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  const back = new Date(`${iso}T00:00:00Z`);
  return mo >= 1 && !Number.isNaN(back.getTime()) && back.toISOString().startsWith(iso) ? iso : null;
}
