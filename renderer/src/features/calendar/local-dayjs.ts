import dayjs from 'dayjs';
import isBetween from 'dayjs/plugin/isBetween.js';
import isLeapYear from 'dayjs/plugin/isLeapYear.js';
import isSameOrAfter from 'dayjs/plugin/isSameOrAfter.js';
import isSameOrBefore from 'dayjs/plugin/isSameOrBefore.js';
import localeData from 'dayjs/plugin/localeData.js';
import localizedFormat from 'dayjs/plugin/localizedFormat.js';
import minMax from 'dayjs/plugin/minMax.js';
import utc from 'dayjs/plugin/utc.js';

for (const plugin of [isBetween, isLeapYear, isSameOrAfter, isSameOrBefore, localeData, localizedFormat, minMax, utc]) dayjs.extend(plugin);

/**
 * dayjs as react-big-calendar's localizer should see it: without the timezone plugin. When `dayjs.tz` exists the
 * localizer switches to it, and its `merge` (used by every month-view drop) parses "MM/DD/YYYY HH:mm:ss" with
 * dayjs.tz, which reads it an offset away from the browser's zone: a release dropped in Berlin moved an hour. The
 * calendar draws in the viewer's own zone, which is exactly what plain Date arithmetic gives. The plugins the
 * localizer needs are installed on the real dayjs first, so the copied statics (localeData, min, max) exist.
 */
export const localDayjs = Object.assign((...args: Parameters<typeof dayjs>) => dayjs(...args), dayjs, { tz: undefined }) as unknown as typeof dayjs;
