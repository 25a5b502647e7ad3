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

export const viewerTimeZone = (): string => dayjs.tz.guess();

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
