import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone.js';
import utc from 'dayjs/plugin/utc.js';
import type { ReleaseStatus } from '../../contract/entities';
import { DEMO_TRAINS, type DemoTrain } from './demo-catalog';
import type { SeededRandom } from './seeded-random';

dayjs.extend(utc);
dayjs.extend(timezone);

export interface PlannedRelease {
  train: DemoTrain;
  version: string;
  /** ISO-8601 with the team's offset, as a person in that time zone would type it. */
  windowStart: string;
  windowEnd: string;
  status: ReleaseStatus;
  environments: readonly string[];
  description: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Most releases go through staging to production; some only reach the test stages this quarter. */
const ENVIRONMENT_PATHS: ReadonlyArray<readonly [readonly string[], number]> = [
  [['staging', 'production'], 11],
  [['production'], 3],
  [['UAT'], 3],
  [['test', 'UAT'], 2],
  [['dev', 'test'], 1],
];

/**
 * A quarter of releases around `today` (YYYY-MM-DD): the last month and the next two, in weekend-night or weekday
 * evening windows in each team's time zone, with statuses that fit the dates as seen at noon UTC that day.
 */
export function planReleases(random: SeededRandom, count: number, today: string): PlannedRelease[] {
  const now = Date.parse(`${today}T12:00:00Z`);
  const windows = Array.from({ length: count }, () => {
    const train = random.pick(DEMO_TRAINS);
    const { start, end } = releaseWindow(random, train.timeZone, dayjs.utc(today).add(random.int(-30, 60), 'day'));
    return { train, start, end, environments: random.weighted(ENVIRONMENT_PATHS), description: random.pick(train.descriptions) };
  });
  windows.sort((a, b) => a.start.ms - b.start.ms);
  // Versions rise with time within each train, as they would in a real calendar; the minor makes each unique.
  const firstVersion = new Map(DEMO_TRAINS.map((t) => [t.name, { major: random.int(1, 6), minor: random.int(0, 20), released: 0 }]));
  return windows.map(({ train, start, end, environments, description }) => {
    const v = firstVersion.get(train.name)!;
    const version = `${v.major}.${v.minor + v.released++}.${random.weighted([[0, 4], [1, 1], [2, 1]] as const)}`;
    const status = statusFor(random, start.ms, end.ms, now);
    return { train, version, windowStart: start.iso, windowEnd: end.iso, status, environments, description };
  });
}

/** A window as wall-clock times in the team's zone: "Saturday 22:00 to 04:00 Berlin time", whatever DST does. */
function releaseWindow(random: SeededRandom, zone: string, day: dayjs.Dayjs) {
  const weekend = random.next() < 0.6;
  // Weekend releases start on Saturday night; evening releases move off the weekend to the next Monday.
  const date = weekend ? day.add((6 - day.day() + 7) % 7, 'day') : day.add(day.day() === 6 ? 2 : day.day() === 0 ? 1 : 0, 'day');
  const startHour = weekend ? random.pick([20, 22, 23]) : random.pick([18, 19, 20, 21]);
  const endHour = startHour + (weekend ? random.int(4, 8) : random.int(2, 3));
  return { start: zonedTime(date, startHour, zone), end: zonedTime(date.add(Math.floor(endHour / 24), 'day'), endHour % 24, zone) };
}

/** Converting a wall-clock time in a zone costs Intl round trips; a quarter has only a few thousand distinct ones. */
const zonedTimes = new Map<string, { iso: string; ms: number }>();
export function zonedTime(date: dayjs.Dayjs, hour: number, zone: string): { iso: string; ms: number } {
  const local = `${date.format('YYYY-MM-DD')} ${String(hour).padStart(2, '0')}:00`;
  const key = `${local} ${zone}`;
  let time = zonedTimes.get(key);
  if (!time) {
    const zoned = dayjs.tz(local, zone);
    zonedTimes.set(key, (time = { iso: zoned.format(), ms: zoned.valueOf() }));
  }
  return time;
}

function statusFor(random: SeededRandom, start: number, end: number, now: number): ReleaseStatus {
  if (end <= now) return random.weighted([['released', 16], ['rolled-back', 2], ['cancelled', 2]] as const);
  if (start <= now) return 'in-progress';
  const daysAhead = (start - now) / DAY_MS;
  if (daysAhead <= 7) return random.weighted([['go', 6], ['in-readiness', 4], ['cancelled', 0.3]] as const);
  if (daysAhead <= 21) return random.weighted([['in-readiness', 6], ['planned', 4]] as const);
  return random.weighted([['planned', 97], ['cancelled', 3]] as const);
}
