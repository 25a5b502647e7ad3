import { findCollisions, expandOccurrences, type CollisionInput, type CollisionOccurrence, type CollisionRelease } from '../electron/core/domain/calendar';
import { median, type Figure } from './measure';

/**
 * The collision finder over 10,000 releases, 50 environments and 200 windows (issue 3: target under 50 ms).
 * 150 windows are one-off freezes, 50 are weekly maintenance windows (one per environment, Saturday 22:00–06:00
 * Europe/Berlin) expanded over the year. Figures: the sweep itself on expanded occurrences; the expansion of the
 * 200 windows cold (first call) and warm (memoised, as every later call from the calendar is).
 * Call from bench/run.ts: `printFigures('Collisions', await benchCollisions())`.
 */
const RUNS = 15;
const YEAR_FROM = Date.parse('2027-01-01T00:00:00Z');
const YEAR_TO = Date.parse('2028-01-01T00:00:00Z');

export async function benchCollisions(): Promise<Figure[]> {
  // mulberry32: a small seeded generator, so every run plans the same year.
  let seed = 42;
  const rand = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const environments = Array.from({ length: 50 }, (_, i) => ({ id: `e${i}`, name: `Env ${i}`, requiresMaintenanceWindow: i % 5 === 0 }));
  const systems = Array.from({ length: 300 }, (_, i) => ({ id: `s${i}`, name: `System ${i}`, dependsOn: i > 0 && i % 3 === 0 ? [`s${i - 1}`] : [] }));
  // As collisions.list passes them: read from the store by window start.
  const releases: CollisionRelease[] = Array.from({ length: 10_000 }, (_, i) => {
    const start = YEAR_FROM + Math.floor(rand() * 365 * 24) * 3_600_000;
    return {
      id: `r${i}`,
      name: `Release ${i}`,
      version: '1.0',
      systemIds: [`s${Math.floor(rand() * 300)}`],
      environmentIds: [`e${Math.floor(rand() * 50)}`],
      start,
      end: start + (1 + Math.floor(rand() * 4)) * 3_600_000,
      timeZone: 'Europe/Berlin',
    };
  }).sort((a, b) => a.start - b.start);
  const freezes = Array.from({ length: 150 }, (_, i) => {
    const start = YEAR_FROM + Math.floor(rand() * 360) * 86_400_000;
    return { id: `f${i}`, kind: 'freeze' as const, start: new Date(start).toISOString(), end: new Date(start + 86_400_000).toISOString(), rrule: null, environmentIds: rand() < 0.2 ? [] : [`e${i % 50}`], systemIds: [] };
  });
  const maintenance = environments.map((e, i) => ({ id: `m${i}`, kind: 'maintenance' as const, start: '2027-01-02T21:00:00.000Z', end: '2027-01-03T05:00:00.000Z', rrule: 'FREQ=WEEKLY;BYDAY=SA', environmentIds: [e.id], systemIds: [] }));
  const windows = [...freezes, ...maintenance].map((w) => ({ ...w, name: w.id, reason: '', timeZone: 'Europe/Berlin', exceptionDates: [] as string[] }));
  const expand = (): CollisionOccurrence[] =>
    windows.flatMap((w) => expandOccurrences(w, YEAR_FROM, YEAR_TO).map((o) => ({ windowId: w.id, kind: w.kind, name: w.name, reason: w.reason, timeZone: w.timeZone, environmentIds: w.environmentIds, systemIds: w.systemIds, ...o })));

  const t0 = performance.now();
  const occurrences = expand();
  const cold = performance.now() - t0;
  const warmRuns: number[] = [];
  const sweepRuns: number[] = [];
  const totalRuns: number[] = [];
  let found = 0;
  for (let i = 0; i < RUNS; i++) {
    const a = performance.now();
    const occ = expand();
    const b = performance.now();
    const input: CollisionInput = { releases, systems, environments, occurrences: occ, needs: [] };
    const result = findCollisions(input);
    found = result.length;
    if (process.env.BENCH_KINDS && i === 0) console.log(Object.entries(result.reduce((m: Record<string, number>, c) => ((m[c.kind] = (m[c.kind] ?? 0) + 1), m), {})));
    const c = performance.now();
    warmRuns.push(b - a);
    sweepRuns.push(c - b);
    totalRuns.push(c - a);
  }
  // One month, as the calendar asks: cut inside the sweep, against making every collision and cutting afterwards.
  const month = { from: Date.parse('2027-03-01T00:00:00Z'), to: Date.parse('2027-04-01T00:00:00Z'), limit: 2000 };
  const input: CollisionInput = { releases, systems, environments, occurrences, needs: [] };
  const cutRuns: number[] = [];
  const afterRuns: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const a = performance.now();
    findCollisions(input, month);
    const b = performance.now();
    findCollisions(input)
      .filter((c) => c.start < month.to && c.end > month.from)
      .slice(0, month.limit);
    afterRuns.push(performance.now() - b);
    cutRuns.push(b - a);
  }
  const note = `${releases.length} releases, ${environments.length} environments, ${windows.length} windows (${occurrences.length} occurrences), ${found} collisions`;
  return [
    { name: 'collision sweep (target < 50 ms)', value: median(sweepRuns), unit: 'ms', note },
    { name: 'one month, limit 2,000: cut inside the sweep', value: median(cutRuns), unit: 'ms' },
    { name: 'one month, limit 2,000: every collision, then cut', value: median(afterRuns), unit: 'ms', note: 'how collisions.list worked before' },
    { name: 'sweep + window expansion, memoised', value: median(totalRuns), unit: 'ms' },
    { name: 'window expansion, memoised', value: median(warmRuns), unit: 'ms' },
    { name: 'window expansion, first call (cold)', value: cold, unit: 'ms' },
  ];
}

// Run on its own: npx tsx bench/collisions.bench.ts
if (import.meta.url === `file://${process.argv[1]}`) {
  const { printFigures } = await import('./measure');
  printFigures('Collisions', await benchCollisions());
}
